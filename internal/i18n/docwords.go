package i18n

// DocWords is the wording of the Word documents kaohe writes (kaohe doc):
// the 通报, each unit's 反馈意见书 and 整改通知书, their fields, and the
// sentences the figures are put in (fmt formats where they take figures).
type DocWords struct {
	// Notice, Feedback and Rectify end a document's title after the
	// period and the rubric's title: 考核结果通报, 考核反馈意见书 …
	Notice, Feedback, Rectify string
	// DateLayout writes a document's date (a Go time layout: 2006年1月2日).
	DateLayout string
	// TitleYear follows the period in a title (2021 → 2021年度).
	TitleYear string
	// Intro opens the 通报: rubric title, how many units, period.
	Intro string
	// Numerals number the sections (一、 二、 …).
	Numerals []string
	// Results, Common and Team head the 通报's sections.
	Results, Common, Team string
	// CommonLine is one 共性问题 in a line of text: its order, indicator,
	// content, points lost, units that lost any, units in all.
	CommonLine string
	// Lead and Members precede the 考核组's names; NoTeam stands for
	// nobody recorded.
	Lead, Members, NoTeam string
	// Salutation follows a unit's name at the head of a letter (吉首市：).
	Salutation string
	// FeedbackIntro: period, total, base, bonus, how many units, rank;
	// Graded adds the 等次: grade.
	FeedbackIntro, Graded string
	// AppealBy says by when a unit may appeal: the deadline.
	AppealBy string
	// NoDeduction says a unit lost nothing.
	NoDeduction string
	// Categories, Deductions, Problems and Evidence head the tables.
	Categories, Deductions, Problems, Evidence string
	// RectifyIntro: period; RectifyAsk asks for the report back.
	RectifyIntro, RectifyAsk string
	// Column headings.
	ColNo, ColRank, ColUnit, ColTotal, ColGrade, ColCategory, ColMax, ColScore string
	ColDeduction, ColFinding, ColProblemID, ColIndicator, ColPoints, ColDue    string
	ColStatus, ColFile, ColFingerprint                                         string
	// Deduct words a deduction at the end of its sentence: the points;
	// Veto words a veto found; Bonus words what a bonus indicator adds.
	Deduct, Veto, Bonus string
	// Foot is a document's last line: period, stage; FootPrint names one
	// unit's fingerprint: unit, fingerprint.
	Foot, FootPrint string
	// Working is the stage of results not all signed (the signed stages
	// are worded by Appeals).
	Working string
	// Page wraps the page number in the page footer (— 1 —): before, after.
	PageBefore, PageAfter string
	// Wrote reports a document written: path; WroteMany: how many, folder.
	Wrote, WroteMany string
	// FieldsHead heads kaohe doc fields; FieldList marks a field of a
	// repeated row, ForKinds the documents a field is for.
	FieldsHead, FieldList string
	// FieldsKind heads one document's fields: its name, its command word.
	FieldsKind string
	// FieldMeaning says what each field holds, by its name.
	FieldMeaning map[string]string
	// KindName names each document by its command word.
	KindName map[string]string
}

func chineseDoc() DocWords {
	return DocWords{
		Notice: "考核结果通报", Feedback: "考核反馈意见书", Rectify: "考核问题整改通知书",
		TitleYear:  "%s年度",
		DateLayout: "2006年1月2日",
		Intro:      "根据《%s》，考核组对%s个单位%s年度的工作进行了考核。现将考核结果通报如下。",
		Numerals:   []string{"一、", "二、", "三、", "四、", "五、"},
		Results:    "考核结果",
		Common:     "共性问题",
		CommonLine: "%d. %s %s：共失%s分，%d/%d个单位失分",
		Team:       "考核组",
		Lead:       "组长：", Members: "成员：", NoTeam: "（未登记）",
		Salutation: "%s：",
		FeedbackIntro: "根据《%s》，经考核组考核，你单位%s年度考核得分%s分（基础分%s分，加分%s分），" +
			"在%s个单位中排名第%s位",
		Graded:       "，等次为%s",
		NoDeduction:  "本次考核无扣分。",
		AppealBy:     "如对考核结果有异议，请于%s前向考核办书面提出申诉，逾期视为无异议。",
		Categories:   "各类得分",
		Deductions:   "扣分情况",
		Problems:     "问题清单",
		Evidence:     "佐证材料",
		RectifyIntro: "经%s年度考核，你单位存在以下问题。请对照问题清单逐项整改，明确整改措施、责任人和完成时限。",
		RectifyAsk:   "请在整改时限内报送整改情况及佐证材料。",
		ColNo:        "序号", ColRank: "名次", ColUnit: "单位", ColTotal: "总分", ColGrade: "等次",
		ColCategory: "类别", ColMax: "分值", ColScore: "得分", ColDeduction: "扣分情况",
		ColFinding: "存在问题", ColProblemID: "编号", ColIndicator: "指标", ColPoints: "扣分", ColDue: "整改时限",
		ColStatus: "状态", ColFile: "佐证材料", ColFingerprint: "记录指纹",
		Deduct: "扣%s分。", Veto: "一票否决。", Bonus: "加%s分。",
		Foot:       "考核期：%s；阶段：%s",
		FootPrint:  "%s 记录指纹：%s（kaohe verify --fingerprint 可复核）",
		Working:    "工作稿（尚未全部签署）",
		PageBefore: "— ", PageAfter: " —",
		Wrote:      "已写入 %s",
		WroteMany:  "已写入 %d 份文书到 %s",
		FieldsHead: "模板字段（写成 {{字段}}；表格中含「列表.字段」的一行按列表逐项重复）：",
		FieldList:  "重复行",
		FieldsKind: "%s（kaohe doc %s）",
		FieldMeaning: map[string]string{
			"标题": "文书标题", "发文机关": "发文机关（--issuer，或指标的发文机关）", "日期": "成文日期（--date，默认今天）",
			"考核期": "考核期", "指标": "考核指标名称", "阶段": "结果所处阶段（初步结果等）", "参评单位数": "本期参评单位数",
			"组长": "考核组组长（签署人）", "成员": "考核组成员", "共性问题": "共性问题，一行一个指标（全部单位失分最多的在前）",
			"共性.序号": "序号", "共性.指标": "指标编号", "共性.内容": "考核内容", "共性.分值": "指标分值", "共性.失分": "全部单位失分合计",
			"共性.单位数": "失分单位数/参评单位数", "共性.典型": "典型问题（出现次数最多的扣分情况）",
			"核验": "文末核验信息：考核期、阶段、记录指纹",
			"单位": "被考核单位", "总分": "总分", "基础分": "基础分", "加分": "加分", "名次": "名次", "等次": "等次",
			"扣分合计":  "扣分合计",
			"排名.名次": "名次", "排名.单位": "单位", "排名.总分": "总分", "排名.等次": "等次", "排名.各类得分": "各类得分（以、分隔）",
			"类别.类别": "类别名称", "类别.分值": "类别分值", "类别.得分": "类别得分",
			"扣分.序号": "序号", "扣分.指标": "指标编号", "扣分.说明": "扣分情况（一句话）", "扣分.扣分": "扣分", "扣分.佐证": "佐证材料名称",
			"问题.序号": "序号", "问题.编号": "问题编号", "问题.指标": "指标编号", "问题.问题": "存在问题", "问题.扣分": "扣分",
			"问题.时限": "整改时限", "问题.状态": "整改状态",
			"成员.姓名": "考核组成员姓名",
		},
		KindName: map[string]string{"tongbao": "通报", "feedback": "反馈意见书", "rectify": "整改通知书"},
	}
}

func englishDoc() DocWords {
	return DocWords{
		Notice: "assessment results notice", Feedback: "assessment feedback", Rectify: "rectification notice",
		TitleYear:  "%s ",
		DateLayout: "2 January 2006",
		Intro:      "Under %s, the assessment team assessed the work of %s units in %s. The results follow.",
		Numerals:   []string{"1. ", "2. ", "3. ", "4. ", "5. "},
		Results:    "Results",
		Common:     "Common problems",
		CommonLine: "%d. %s %s: %s points lost, by %d of %d units",
		Team:       "The assessment team",
		Lead:       "Lead: ", Members: "Members: ", NoTeam: "(none recorded)",
		Salutation:    "%s:",
		FeedbackIntro: "Under %s, your unit's %s score is %s (base %s, bonus %s), ranked among %s units at %s",
		Graded:        ", grade %s",
		NoDeduction:   "Nothing was deducted.",
		AppealBy:      "Any appeal against the result is to reach the office in writing by %s.",
		Categories:    "Category scores",
		Deductions:    "Deductions",
		Problems:      "Problems",
		Evidence:      "Evidence",
		RectifyIntro:  "The %s assessment found the problems below. Rectify each, naming the measure, who is responsible and by when.",
		RectifyAsk:    "Report the rectification and its evidence by the due dates.",
		ColNo:         "No.", ColRank: "Rank", ColUnit: "Unit", ColTotal: "Total", ColGrade: "Grade",
		ColCategory: "Category", ColMax: "Points", ColScore: "Score", ColDeduction: "Deduction",
		ColFinding: "Problem", ColProblemID: "ID", ColIndicator: "Indicator", ColPoints: "Points", ColDue: "Due",
		ColStatus: "Status", ColFile: "Evidence", ColFingerprint: "Fingerprint",
		Deduct: "%s points deducted.", Veto: "vetoed.", Bonus: "%s points added.",
		Foot:       "Period: %s; stage: %s",
		FootPrint:  "%s fingerprint: %s (kaohe verify --fingerprint recomputes it)",
		Working:    "working copy (not all signed)",
		PageBefore: "— ", PageAfter: " —",
		Wrote:      "wrote %s",
		WroteMany:  "wrote %d documents to %s",
		FieldsHead: "Template fields (written {{field}}; a table row holding list.field is repeated for each entry):",
		FieldList:  "repeated row",
		FieldsKind: "%s (kaohe doc %s)",
		FieldMeaning: map[string]string{
			"标题": "the title", "发文机关": "the issuing body", "日期": "the date", "考核期": "the period",
			"指标": "the rubric's title", "阶段": "the result's stage", "参评单位数": "units assessed",
			"组长": "the team lead", "成员": "the team members", "共性问题": "common problems, one indicator a line",
			"共性.序号": "number", "共性.指标": "indicator", "共性.内容": "content", "共性.分值": "points", "共性.失分": "points lost",
			"共性.单位数": "units losing / units", "共性.典型": "typical findings", "核验": "the foot: period, stage, fingerprints",
			"单位": "the unit", "总分": "total", "基础分": "base", "加分": "bonus", "名次": "rank", "等次": "grade",
			"扣分合计":  "total deducted",
			"排名.名次": "rank", "排名.单位": "unit", "排名.总分": "total", "排名.等次": "grade", "排名.各类得分": "category scores",
			"类别.类别": "category", "类别.分值": "points", "类别.得分": "score",
			"扣分.序号": "number", "扣分.指标": "indicator", "扣分.说明": "the deduction as a sentence", "扣分.扣分": "points",
			"扣分.佐证": "evidence",
			"问题.序号": "number", "问题.编号": "problem ID", "问题.指标": "indicator", "问题.问题": "the problem", "问题.扣分": "points",
			"问题.时限": "due date", "问题.状态": "status",
			"成员.姓名": "a member's name",
		},
		KindName: map[string]string{"tongbao": "notice", "feedback": "feedback", "rectify": "rectification notice"},
	}
}

// chineseDocRefusals words in Chinese what kaohe doc refuses, keyed by
// the English fmt format as refusals.go's are.
func chineseDocRefusals() map[string]string {
	return map[string]string{
		"the template has an unknown field {{%s}} in %s; kaohe doc fields lists the fields of a %s":   "模板中有未知字段 {{%s}}（位于%s）；kaohe doc fields 列出%s可用的字段",
		"the template's row mixes lists %s and %s in %s; a repeated row takes the fields of one list": "模板的同一行混用了列表 %s 和 %s（位于%s）；重复行只能使用一个列表的字段",
		"the template is not a Word document (.docx): %v":                                             "模板不是 Word 文档（.docx）：%v",
		"the template %s is larger than %d MiB":                                                       "模板 %s 超过 %d MiB",
		"the template's part %s is damaged: %v":                                                       "模板的 %s 部分已损坏：%v",
		"paragraph %d":                                                                                "第%d段",
		"table %d, row %d, cell %d":                                                                   "第%d个表格第%d行第%d格",
		"%s of the header or footer %s":                                                               "页眉页脚 %[2]s 的%[1]s",
		"give an assessment (UNIT/PERIOD) or --period P, not both":                                    "请给出一个考核（单位/考核期）或 --period，不要同时给出",
		"give an assessment (UNIT/PERIOD) or --period P":                                              "请给出一个考核（单位/考核期）或 --period 考核期",
		"give the output folder: -o DIR":                                                              "请给出输出文件夹：-o 文件夹",
		"the period %s has no assessment":                                                             "考核期 %s 没有考核",
		"%s is not a folder":                                                                          "%s 不是文件夹",
		"the date %q is not a date written YYYY-MM-DD":                                                "日期 %q 不是日期，请写成 YYYY-MM-DD",
		"no document kind %q (tongbao, feedback, rectify)":                                            "没有文书种类 %q（tongbao、feedback、rectify）",
		"%s is not signed: its 整改通知书 lists the problems of a signed result":                           "%s 尚未签署：整改通知书列出的是已签署结果中的问题",
	}
}
