// Package i18n holds every label kaohe shows a person, in Chinese and in
// English. Panes and commands take a *Labels and never spell a label out
// themselves. The language follows the rubric (Chinese for the seed) unless
// the user asks for another with --lang.
package i18n

import "strings"

// Labels is one language's wording for the CLI tables and the TUI.
type Labels struct {
	Lang string

	// Score tables.
	ID, Indicator, Content, Standard, Points, Max, Deduction, Score, Note, Value, Explain string
	Category, Categories, Base, Bonus, Total, Progress                                    string
	RulesRecorded, IndicatorsRecorded                                                     string
	CappedAt                                                                              string // "扣%s分，封顶%s分"
	RuleCapped, GroupCapped, IndicatorCapped                                              string
	Yes, No, NotRecorded                                                                  string
	BonusSuffix                                                                           string // "加分项，共%s分"
	PointsSuffix                                                                          string // "%s分"
	Kind                                                                                  map[string]string
	Usage                                                                                 string
	Target, Full, Cap, Step                                                               string

	// Assessments.
	Unit, Period, Inspectors, Status, Conflicts, Rubric string
	Draft, Signed                                       string

	// Reports.
	Rank, Remark, Subtotal, SignOff, NotSigned, Summary, ReportWritten string

	// Values words what is wrong with a typed value.
	Values Values

	// CLI is the wording of the command line's messages.
	CLI CLI

	// UI is the wording of the terminal workbench.
	UI UI

	// Workbench is the workbench's wording about moving on, limits and
	// read-only feedback.
	Workbench Workbench
	// Screens is the wording of the workbench's keys, prompts and dialogs.
	Screens Screens
	// Readiness words what stands between an assessment and its sign-off.
	Readiness Readiness
	// Report is the wording of reports and of totals everywhere.
	Report ReportWords
	// Rules is the wording of grades, vetoes and the rule kinds beyond the seed's.
	Rules RuleWords
	// Help is the wording of kaohe --help.
	Help HelpWords
	// RubricShow is the wording of kaohe rubric show.
	RubricShow RubricShow
	// Hints say how to proceed after a store refusal, per front end.
	Hints RefusalHints
	// Agreement is the wording of the check that a rubric's numbers agree with its words.
	Agreement Agreement
	// DiffLanguage is kaohe rubric diff's wording of grades, bands and vetoes.
	DiffLanguage DiffLanguage
	// ValueInput is the workbench's wording of recording the new values.
	ValueInput ValueInput
	// BonusCap words a bonus held to its cap.
	BonusCap BonusCap
	// ShowLanguage is rubric show's wording of bands and a bonus's amount.
	ShowLanguage ShowLanguage
	// QuotedValue refuses a value quoted in a file that must give it bare.
	QuotedValue QuotedValue
	// Items is the wording of itemised findings (kaohe item).
	Items ItemWords
	// ListItems words a refused item of a list of amounts.
	ListItems ListItems
	// ProblemBook is the wording of the 问题清单 and the 整改台账 workbooks.
	ProblemBook ProblemBook
	// Appeals words feedback, appeals, their review and the final result.
	Appeals AppealWords
	// Lookback is the wording of 回头看: last period's problems and 反弹.
	Lookback LookbackWords
	// InspectorAgreement words kaohe agreement: how far inspectors agree.
	InspectorAgreement AgreementWords
	// SelfAssess words the county's 自评表 and the 自评差异.
	SelfAssess SelfAssess
	// PlanShown words the plan's and a self-assessment's records.
	PlanShown PlanShown
	// ProblemCLI is kaohe problem's wording (the 问题清单 and 整改).
	ProblemCLI ProblemCLI
	// Figures is the wording of kaohe import-figures.
	Figures FigureImport
	// Doc is the wording of the Word documents (kaohe doc).
	Doc DocWords
	// DocChart words the 通报's ranking chart.
	DocChart DocChart
	// Analysis words the 共性问题, the comparison with an earlier period and
	// how close each rank is.
	Analysis Analysis
	// FeedbackBook words the 反馈 workbook sent to a unit.
	FeedbackBook FeedbackBookWords
	// Problems is the wording of the 问题 screen (整改 and 销号).
	Problems ProblemScreen
	// Plan is the wording of the lead's plan (分工), coverage and the
	// workbench's marks of an assignment.
	Plan PlanWords
	// Print is the wording of the workbook as the office prints it.
	Print PrintWords
}

// Values are the messages about a value a rule does not accept (fmt
// formats), with the punctuation of their language.
type Values struct {
	Colon, Comma                        string // after a rule ID; between clauses
	NotANumber                          string // typed, allowed
	NotANumberDetail                    string // typed, detail, allowed
	NotYesNo                            string // typed
	Negative, NotWhole                  string // value, allowed
	TooHigh                             string // value, limit, what the limit is of
	NeedsNote                           string // deduction
	AtMost                              string // limit, unit
	YesNo                               string
	Percentage, FullMark, DiscretionCap string
	UnknownRule                         string // rubric, rule
}

// CLI holds the command line's messages (fmt formats).
type CLI struct {
	Saved, Retracted, Unchanged, Totals       string
	Created, Exists, InspectorSet             string
	NoAssessments, NoConflicts, OpenConflicts string
	Inspector                                 string // one inspector (Inspectors is several)
	AssessmentID                              string // list: the ID column
	MergeSummary, MergedInto                  string
	ReportWrote                               string
	MergeUnsigned, OffRoster                  string // count; revision, subject, name, device, name
	// Evidence files and devices.
	Attached, AlreadyAttached, Detached, NoEvidence string // assessment, subject, name, size, hash / assessment ×2
	EvidenceWrote, PhotoTaken, BundleWrote          string
	WhoamiInspector, WhoamiDevice, NoInspector      string
	SignsAll, WritesUnsigned                        string
	DeviceSigned, DeviceUnsigned, DeviceLine        string // DeviceLine: fingerprint, signed, names, revisions, first, last
	DeviceRoster, NoDevices, NoRoster, RosterAdded  string
	SignOff                                         SignOffCLI
	Rubric                                          RubricCLI
	Trust                                           TrustCLI
	Doors                                           DoorsCLI
}

// RubricCLI holds the messages of the kaohe rubric commands (fmt formats).
type RubricCLI struct {
	Added, AlreadyStored  string // id, version, title, sha256
	ListLine, BuiltIn     string // ListLine: mark, id@version, title, sha256, assessments
	Valid                 string // file, id, version, categories, indicators, rules, base, bonus
	Wrote                 string // file, id, version, indicators, rules
	Drafted, ReadAs       string // Drafted: file, categories, indicators, rules, table; ReadAs: encoding
	ToReview, ToReviewOne string // file, count
	NotValidYet           string // file, the errors
	ReviewMark            string // rubric show: before a rule's review
	Diff                  RubricDiff
}

// RubricDiff holds the words of kaohe rubric diff.
type RubricDiff struct {
	Same, Categories, Indicators, Standard, Rule, Units string
	Added, Removed, Changed, Renumbered                 string // an item's status
	Group                                               string // a cap group's field: the group's name
	Colon                                               string // between a field's name and its change
	// Field names a changed field; one not in it shows as its YAML key (in
	// English, every field does).
	Field map[string]string
}

// SignOffCLI holds the messages of sign, reopen, resolve, merge's status
// lines and verify (fmt formats).
type SignOffCLI struct {
	Signed, Reopened, Settled                      string // assessment, total
	Changed, Nothing, Hint                         string // Changed: the signed value
	SignedBy, ReopenedBy, Reason, Now, StillSigned string // SignedBy/ReopenedBy: assessment, inspector, device, time
	VerifyOK, VerifyBad, HashWarning               string
	VerifySigned                                   string // signed, unsigned, files
}

// UI holds the TUI's labels. Strings with verbs are fmt formats.
type UI struct {
	AppTitle, AskName, NamePrompt, NameHint                          string
	Picker, NoAssessments, NewAssessment, UnitPrompt, PeriodPrompt   string
	Suggestions, Creating, Loading                                   string
	Navigator, Indicator, ScorePanel, Content, Standard              string
	IndicatorNote, RuleNote, NoteRequired, Filter, FilterHint        string
	Saved, Saving, SaveFailed, Unsaved, Retrying                     string // Saving/SaveFailed/Retrying: formats
	QuitConfirm                                                      string // %d unsaved
	ReadOnly, SignedBy                                               string // SignedBy: inspector, time
	Enlarge                                                          string // %d×%d minimum
	Allowed                                                          string // prefix of the allowed-range hint
	AllowedBool, AllowedCountMax                                     string
	AllowedShortfall, AllowedShortfallMax, AllowedRatio              string
	AllowedConvert, AllowedDiscretion                                string
	NotANumber                                                       string // %q
	ThisIndicator, Raw, ScoreLine, CapBound                          string
	Conflict, ConflictHeads, Range, ResolveHint                      string
	Unfinished, OpenConflicts, SummaryKeys, PointsOf, StatusConflict string
	Recorded, NotRecordedYet, Deducted, Capped                       string
	HintFlag, HintBonus, HintCount, HintShortfall                    string
	HintRatio, HintConvert, HintDiscretion, HintCap                  string
	Help                                                             map[string]string // key binding help texts by name
	Error                                                            string
}

// For returns the labels for a language tag ("zh", "zh_CN", "en", …); anything
// that is not Chinese gets English.
func For(lang string) *Labels {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return withRuleLanguageWords(chinese())
	}
	return english()
}

func chinese() *Labels {
	return &Labels{
		Lang: "zh", ID: "序号", Indicator: "指标", Content: "考核内容", Standard: "评分标准",
		Points: "分值", Max: "满分", Deduction: "扣分", Score: "得分", Note: "备注", Value: "记录值", Explain: "扣分说明",
		Category: "主要工作", Categories: "类别", Base: "基础分", Bonus: "加分", Total: "总分", Progress: "进度",
		RulesRecorded: "已记录规则", IndicatorsRecorded: "已完成指标",
		CappedAt:   "扣%s分，封顶%s分",
		RuleCapped: "本项封顶", GroupCapped: "合计封顶", IndicatorCapped: "指标封顶",
		Yes: "是", No: "否", NotRecorded: "未记录",
		BonusSuffix: "（加分项，共%s分）", PointsSuffix: "（%s分）",
		Kind: map[string]string{
			"flag": "是否", "count": "计数", "shortfall": "差额", "ratio": "比例",
			"convert": "折算", "discretion": "酌情", "bonus": "加分",
			"band": "档次", "veto": "否决", "excess": "超限", "linear": "线性",
		},
		Usage:  "用法",
		Target: "目标", Full: "满分", Cap: "最多扣", Step: "每",
		Unit: "单位", Period: "年度", Inspectors: "督查人员", Status: "状态", Conflicts: "冲突", Rubric: "考核指标",
		Draft: "草稿", Signed: "已签字",
		Rank: "名次", Remark: "备注", Subtotal: "小计", SignOff: "签字", NotSigned: "未签字", Summary: "考核汇总",
		ReportWritten: "报表已写入 %s",
		Values: Values{
			Colon: "：", Comma: "，",
			NotANumber: "“%s”不是数字；应为%s", NotANumberDetail: "“%s”不是数字（%s）；应为%s",
			NotYesNo: "“%s”不是“是”或“否”；是否类规则只记是或否",
			Negative: "%s 不能为负数；应为%s", NotWhole: "%s 不是整数；应为%s",
			TooHigh:   "%s 超过上限 %s（%s）",
			NeedsNote: "酌情扣分须填写理由（扣 %s 分）",
			AtMost:    "最多 %s %s", YesNo: "是或否",
			Percentage: "百分比最多 100", FullMark: "满分", DiscretionCap: "酌情扣分上限",
			UnknownRule: "考核指标 %s 没有规则“%s”（规则编号形如 1.2.a）",
		},
		CLI: CLI{
			Saved: "已保存 %s %s = %s", Retracted: "（已撤销）", Unchanged: "%s：无变化；总分 %s",
			Totals:  "%s：总分 %s（基础分 %s + 加分 %s），已完成指标 %d/%d",
			Created: "已创建 %s  编号 %s  考核指标 %s %s", Exists: "已存在 %s  编号 %s  考核指标 %s %s",
			InspectorSet:  "督查人员 %s，设备 %s，数据库 %s",
			NoAssessments: "还没有考核：kaohe new 单位 年度", NoConflicts: "没有未解决的冲突",
			OpenConflicts: "%d 处未解决的冲突；逐项处理：kaohe resolve 考核 规则 --pick 督查人员|修订号|items（items：以条目为准） 或 --value 值",
			Inspector:     "督查人员",
			AssessmentID:  "编号",
			MergeSummary:  "%s：新考核 %d 个，更新 %d 个，新增修订 %d 条（已有 %d 条），新冲突 %d 处",
			MergedInto:    "已合并到 %s",
			MergeUnsigned: "  其中 %d 条修订未签名（签名功能启用之前所记）",
			Trust:         chineseTrust(),
			OffRoster:     "  ！修订 %s（%s）署名%s，来自设备 %s，名单上%s没有这台设备",
			Attached:      "已附 %s %s %s（%s，%s）", AlreadyAttached: "已附过 %s %s %s（%s，%s）",
			Detached: "已撤下 %s %s %s（%s）", NoEvidence: "%s：还没有佐证材料（kaohe attach %s 规则 文件…）",
			EvidenceWrote: "已写出 %s：%s，%s（%s）", PhotoTaken: "拍摄", BundleWrote: "已写入 %s：%d 个单位参与排名，佐证材料 %d 份",
			WhoamiInspector: "督查人员 %s", WhoamiDevice: "设备     %s（%s）", NoInspector: "（尚未设置：kaohe init --inspector 姓名）",
			SignsAll: "每条记录都签名", WritesUnsigned: "不签名：找不到密钥目录，请设置 KAOHE_CONFIG",
			DeviceSigned: "已签名", DeviceUnsigned: "未签名", DeviceLine: "%s  %s  %s  修订 %d 条  %s … %s",
			DeviceRoster: "  名单：%s", NoDevices: "还没有任何修订", NoRoster: "还没有名单：kaohe team add 姓名 设备指纹", RosterAdded: "名单：%s 使用设备 %s",
			ReportWrote: "已写入 %s：%d 个单位参与排名",
			Doors:       chineseDoors(),
			SignOff: SignOffCLI{
				Signed: "已签字 %s：总分 %s", Reopened: "已重新打开 %s：总分 %s", Settled: "已处理 %s：总分 %s",
				Changed: "  签字后被修改；签字时的值：%s", Nothing: "（无）",
				Hint:     "签字后被修改的值：保留签字时的值（kaohe resolve 考核 规则 --keep-signed），或重新打开考核（kaohe reopen 考核 --reason 理由）",
				SignedBy: "%s 由 %s 签字（%s，%s）", ReopenedBy: "%s 由 %s 重新打开（%s，%s）", Reason: "：%s", Now: "；现为%s",
				StillSigned:  "；仍为已签字：它不在本库当前签字之后（kaohe conflicts %s）",
				VerifyOK:     "核验通过：%d 个考核指标、%d 个考核、%d 条修订，%s",
				VerifySigned: "签名修订 %d 条，未签名 %d 条（签名功能启用之前所记），佐证材料 %d 份已重新核对",
				VerifyBad:    "%d 条记录有问题（共 %d 个考核指标、%d 个考核、%d 条修订，%s）",
				HashWarning:  "kaohe：警告：有 %d 条记录与其哈希不符（在 kaohe 之外被修改或已损坏），位于 %s；请运行 kaohe verify",
			},
			Rubric: RubricCLI{
				Added: "已添加考核指标 %s@%s  %s  sha256 %.12s", AlreadyStored: "已存有考核指标 %s@%s  %s  sha256 %.12s",
				ListLine: "%s %s  %s  sha256 %.12s  考核 %d 个", BuiltIn: "* 内置",
				Valid:   "%s：检查通过——%s %s，%d 个类别、%d 个指标、%d 条规则，基础分 %s + 加分 %s",
				Wrote:   "已写入 %s：%s %s，%d 个指标、%d 条规则",
				Drafted: "%s：起草了 %d 个类别、%d 个指标、%d 条规则，来源 %s", ReadAs: "（按 %s 编码读取）",
				ToReview: "%s：%d 条规则待核对：", ToReviewOne: "%s：%d 条规则待核对：",
				NotValidYet: "%s 尚未通过检查，请修改原表或草稿：\n%v",
				ReviewMark:  "待核对",
				Diff: RubricDiff{
					Same: "两个版本内容相同", Categories: "类别（主要工作）", Indicators: "指标", Standard: "评分标准",
					Rule: "规则", Units: "被考核单位",
					Added: "新增", Removed: "删除", Changed: "修改", Renumbered: "重新编号",
					Group: "分组 %s", Colon: "：",
					Field: map[string]string{
						"id": "编号", "version": "版本", "title": "标题", "language": "语言", "category": "所属类别",
						"points": "分值", "cap": "上限", "content": "考核内容", "bonus": "加分项", "kind": "种类",
						"label": "名称", "unit": "单位", "amount": "扣分", "target": "目标", "step": "步长",
						"full": "满分", "max_value": "最大值", "review": "备注", "clause": "条款原文",
					},
				},
			},
		},
		UI: UI{
			AppTitle: "考核工作台", AskName: "欢迎使用考核工作台", NamePrompt: "督查人员姓名：",
			NameHint: "姓名会记录在每条发现中，每台电脑只需设置一次。回车确认。",
			Picker:   "考核列表", NoAssessments: "还没有考核。按 n 新建。", NewAssessment: "新建考核",
			UnitPrompt: "单位：", PeriodPrompt: "年度：", Suggestions: "可选单位（↑↓选择）", Creating: "正在创建…", Loading: "正在读取…",
			Navigator: "指标", Indicator: "指标详情", ScorePanel: "得分", Content: "考核内容", Standard: "评分标准",
			IndicatorNote: "指标备注", RuleNote: "理由", NoteRequired: "酌情扣分须填写理由", Filter: "筛选：", FilterHint: "输入文字筛选，回车确定，Esc 清除",
			Saved: "已保存", Saving: "正在保存 %d 项…", SaveFailed: "保存失败：%s（将自动重试）", Unsaved: "未保存", Retrying: "重试保存 %d 项…",
			QuitConfirm: "还有 %d 项未保存，确定退出吗？(y 退出 / n 返回)",
			ReadOnly:    "只读", SignedBy: "已由 %s 于 %s 签字，只读。",
			Enlarge: "窗口太小，请放大到至少 %d×%d",
			Allowed: "允许：", AllowedBool: "是/否（空格切换）", AllowedCountMax: "0 至 %s 的整数",
			AllowedShortfall: "不小于 0 的数（目标 %s）", AllowedShortfallMax: "0 至 %s 的数（目标 %s）",
			AllowedRatio: "0 至 %s 的百分比（目标 %s%%）", AllowedConvert: "0 至 %s 的得分",
			AllowedDiscretion: "0 至 %s 的扣分，须填写理由", NotANumber: "%q 不是数字",
			ThisIndicator: "本指标", Raw: "合计扣分", ScoreLine: "得分 %s / %s", CapBound: "封顶",
			Conflict: "冲突", ConflictHeads: "各督查人员的值", Range: "得分范围 %s – %s", ResolveHint: "按数字选用该值，回车输入新值",
			PointsOf: "%s分", StatusConflict: "签字状态有冲突（%s）；请用 kaohe resolve %s status --pick 姓名 处理",
			Unfinished: "未完成（%d/%d）", OpenConflicts: "%d处冲突", SummaryKeys: "x 导出 Excel 报表 • b 返回",
			Recorded: "已记录", NotRecordedYet: "未记录", Deducted: "扣分", Capped: "封顶",
			HintFlag: "发现即扣%s分", HintBonus: "获得即加%s分", HintCount: "每%s扣%s分", HintShortfall: "目标%s%s，每少%s扣%s分",
			HintRatio: "目标%s%%，按比例扣分", HintConvert: "满分%s，按得分折算", HintDiscretion: "酌情扣0–%s分", HintCap: "最多扣%s分",
			Help: map[string]string{
				"up": "上移", "down": "下移", "next": "下一指标", "prev": "上一指标",
				"nextOpen": "下一未记录", "prevOpen": "上一未记录", "filter": "筛选",
				"nextInput": "下一输入", "prevInput": "上一输入", "toggle": "切换是/否",
				"inc": "加一", "dec": "减一", "confirm": "确认", "cancel": "取消",
				"help": "帮助", "quit": "退出", "back": "返回列表", "new": "新建", "open": "打开",
				"edit": "编辑", "clear": "清除记录", "summary": "汇总排名", "export": "导出 Excel",
			},
			Error: "错误：",
		},
		Workbench:          chineseWorkbench(),
		Screens:            chineseScreens(),
		Readiness:          chineseReadiness(),
		Items:              chineseItems(),
		Lookback:           chineseLookback(),
		ListItems:          chineseListItems(),
		ProblemBook:        chineseProblemBook(),
		Appeals:            chineseAppeals(),
		FeedbackBook:       chineseFeedbackBook(),
		InspectorAgreement: chineseAgreementWords(),
		SelfAssess:         chineseSelfAssess(),
		PlanShown:          chinesePlanShown(),
		ProblemCLI:         chineseProblemCLI(),
		Plan:               chinesePlan(),
		Figures:            chineseFigures(),
		Doc:                chineseDoc(),
		DocChart:           chineseDocChart(),
		Report:             chineseReport(),
		Help:               chineseHelp(),
		RubricShow:         chineseRubricShow(),
		Rules:              chineseRuleWords(),
		BonusCap:           chineseBonusCap(),
		ShowLanguage:       chineseShowLanguage(),
		QuotedValue:        chineseQuotedValue(),
		Hints:              chineseHints(),
		Agreement:          chineseAgreement(),
		DiffLanguage:       chineseDiffLanguage(),
		ValueInput:         chineseValueInput(),
		Analysis:           chineseAnalysis(),
		Problems:           chineseProblemScreen(),
		Print:              chinesePrint(),
	}
}

func english() *Labels {
	return &Labels{
		Lang: "en", ID: "No.", Indicator: "Indicator", Content: "Content", Standard: "Standard",
		Points: "Points", Max: "Max", Deduction: "Deduction", Score: "Score", Note: "Note", Value: "Value", Explain: "Why",
		Category: "Category", Categories: "Categories", Base: "Base", Bonus: "Bonus", Total: "Total", Progress: "Progress",
		RulesRecorded: "rules recorded", IndicatorsRecorded: "indicators recorded",
		CappedAt:   "deducts %s, capped at %s",
		RuleCapped: "rule cap", GroupCapped: "group cap", IndicatorCapped: "indicator cap",
		Yes: "yes", No: "no", NotRecorded: "not recorded",
		BonusSuffix: " (bonus, up to %s)", PointsSuffix: " (%s pts)",
		Kind: map[string]string{
			"flag": "flag", "count": "count", "shortfall": "shortfall", "ratio": "ratio",
			"convert": "convert", "discretion": "discretion", "bonus": "bonus",
			"band": "band", "veto": "veto", "excess": "excess", "linear": "linear",
		},
		Usage:  "Usage",
		Target: "target", Full: "full", Cap: "cap", Step: "per",
		Unit: "Unit", Period: "Period", Inspectors: "Inspectors", Status: "Status", Conflicts: "Conflicts", Rubric: "Rubric",
		Draft: "draft", Signed: "signed",
		Rank: "Rank", Remark: "Remarks", Subtotal: "Subtotal", SignOff: "Sign-off", NotSigned: "not signed", Summary: "Summary",
		ReportWritten: "report written to %s",
		Values: Values{
			Colon: ": ", Comma: ", ",
			NotANumber: "%q is not a number; expected %s", NotANumberDetail: "%q is not a number (%s); expected %s",
			NotYesNo: "%q is not yes or no; expected true or false (or yes/no, 是/否)",
			Negative: "%s is negative; expected %s", NotWhole: "%s is not a whole number; expected %s",
			TooHigh:   "%s is above the limit %s (%s)",
			NeedsNote: "a discretionary deduction needs a note saying why (deduction %s)",
			AtMost:    "at most %s %s", YesNo: "true or false",
			Percentage: "a percentage is at most 100", FullMark: "the full mark", DiscretionCap: "the cap of the discretionary deduction",
			UnknownRule: "rubric %s has no rule %q (rule IDs look like 1.2.a)",
		},
		CLI: CLI{
			Saved: "saved %s %s = %s", Retracted: "(retracted)", Unchanged: "%s: unchanged; total %s",
			Totals:  "%s: total %s (base %s + bonus %s), %d/%d indicators recorded",
			Created: "created %s  id %s  rubric %s %s", Exists: "exists %s  id %s  rubric %s %s",
			InspectorSet:  "inspector %s, device %s, database %s",
			NoAssessments: "no assessments yet: kaohe new UNIT PERIOD", NoConflicts: "no open conflicts",
			OpenConflicts: "%d open conflicts; settle each with kaohe resolve ASSESSMENT RULE --pick INSPECTOR|REVISION|items (items: keep the rule's items) or --value V",
			Inspector:     "Inspector",
			AssessmentID:  "id",
			MergeSummary:  "%s: %d new assessments, %d updated, %d revisions added (%d already present), %d new conflicts",
			MergedInto:    "merged into %s",
			MergeUnsigned: "  %d revisions are unsigned (written before signing began)",
			Trust:         englishTrust(),
			OffRoster:     "  ! revision %s (%s) claims %s from device %s, which the roster does not give to %s",
			Attached:      "attached %s %s %s (%s, %s)", AlreadyAttached: "already attached %s %s %s (%s, %s)",
			Detached: "detached %s %s %s (%s)", NoEvidence: "%s: no evidence files yet (kaohe attach %s RULE FILE…)",
			EvidenceWrote: "wrote %s: %s, %s (%s)", PhotoTaken: "taken", BundleWrote: "wrote %s: %d units ranked, %d evidence files",
			WhoamiInspector: "inspector %s", WhoamiDevice: "device    %s (%s)", NoInspector: "(none set: kaohe init --inspector NAME)",
			SignsAll: "signs every revision", WritesUnsigned: "unsigned: no key folder; set KAOHE_CONFIG",
			DeviceSigned: "signed", DeviceUnsigned: "unsigned", DeviceLine: "%s  %s  %s  %d revisions  %s … %s",
			DeviceRoster: "  roster: %s", NoDevices: "no revisions yet", NoRoster: "no roster yet: kaohe team add NAME FINGERPRINT", RosterAdded: "roster: %s uses device %s",
			ReportWrote: "wrote %s: %d units ranked",
			Doors:       englishDoors(),
			SignOff: SignOffCLI{
				Signed: "signed %s: total %s", Reopened: "reopened %s: total %s", Settled: "settled %s: total %s",
				Changed: "  changed after the sign-off; signed: %s", Nothing: "nothing",
				Hint:     "a value changed after the sign-off: keep the signed one (kaohe resolve ASSESSMENT RULE --keep-signed) or reopen the assessment (kaohe reopen ASSESSMENT --reason TEXT)",
				SignedBy: "%s signed by %s (%s, %s)", ReopenedBy: "%s reopened by %s (%s, %s)", Reason: ": %s", Now: "; now %s",
				StillSigned:  "; still signed: it does not follow the sign-off here (kaohe conflicts %s)",
				VerifyOK:     "ok: %d rubrics, %d assessments, %d revisions checked in %s",
				VerifySigned: "%d revisions signed, %d unsigned (written before signing began), %d evidence files re-hashed",
				VerifyBad:    "%d bad records among %d rubrics, %d assessments, %d revisions in %s",
				HashWarning:  "kaohe: warning: %d records do not match their hash (changed outside kaohe, or damaged) in %s; run kaohe verify",
			},
			Rubric: RubricCLI{
				Added: "added rubric %s@%s  %s  sha256 %.12s", AlreadyStored: "already stored rubric %s@%s  %s  sha256 %.12s",
				ListLine: "%s %s  %s  sha256 %.12s  %d assessments", BuiltIn: "* built in",
				Valid:   "%s: ok — %s %s, %d categories, %d indicators, %d rules, %s + %s bonus points",
				Wrote:   "wrote %s: %s %s, %d indicators, %d rules",
				Drafted: "%s: drafted %d categories, %d indicators, %d rules from %s", ReadAs: " (read as %s)",
				ToReview: "%s: %d rules to review (待核对):", ToReviewOne: "%s: %d rule to review (待核对):",
				NotValidYet: "%s does not validate yet; fix the table or the draft:\n%v",
				ReviewMark:  "review",
				Diff: RubricDiff{
					Same: "no differences", Categories: "categories", Indicators: "indicators",
					Standard: "standard", Rule: "rule", Units: "units",
					Added: "added", Removed: "removed", Changed: "changed", Renumbered: "renumbered",
					Group: "group %s", Colon: ": ",
					Field: map[string]string{},
				},
			},
		},
		UI: UI{
			AppTitle: "kaohe workbench", AskName: "Welcome to the kaohe workbench", NamePrompt: "Inspector's name: ",
			NameHint: "The name is recorded with every finding; set it once per laptop. Enter to confirm.",
			Picker:   "Assessments", NoAssessments: "No assessments yet. Press n to create one.", NewAssessment: "New assessment",
			UnitPrompt: "Unit: ", PeriodPrompt: "Period: ", Suggestions: "Units (↑↓ to choose)", Creating: "Creating…", Loading: "Loading…",
			Navigator: "Indicators", Indicator: "Indicator", ScorePanel: "Score", Content: "Content", Standard: "Standard",
			IndicatorNote: "Indicator note", RuleNote: "Reason", NoteRequired: "a discretionary deduction needs a reason", Filter: "Filter: ", FilterHint: "type to filter, Enter to keep, Esc to clear",
			Saved: "saved", Saving: "saving %d…", SaveFailed: "save failed: %s (retrying)", Unsaved: "unsaved", Retrying: "retrying %d…",
			QuitConfirm: "%d edits are not saved yet. Quit anyway? (y quit / n stay)",
			ReadOnly:    "read-only", SignedBy: "Signed by %s at %s; read-only.",
			Enlarge: "Window too small: please enlarge to at least %d×%d",
			Allowed: "allowed: ", AllowedBool: "yes/no (space toggles)", AllowedCountMax: "a whole number from 0 to %s",
			AllowedShortfall: "a number ≥ 0 (target %s)", AllowedShortfallMax: "a number from 0 to %s (target %s)",
			AllowedRatio: "a percentage from 0 to %s (target %s%%)", AllowedConvert: "a score from 0 to %s",
			AllowedDiscretion: "a deduction from 0 to %s, with a reason", NotANumber: "%q is not a number",
			ThisIndicator: "This indicator", Raw: "raw deduction", ScoreLine: "score %s / %s", CapBound: "capped",
			Conflict: "conflict", ConflictHeads: "values by inspector", Range: "score range %s – %s", ResolveHint: "press its number to keep a value, enter for a new one",
			PointsOf: "%s pts", StatusConflict: "the sign-off is in conflict (%s); settle it with kaohe resolve %s status --pick NAME",
			Unfinished: "unfinished (%d/%d)", OpenConflicts: "%d open conflicts", SummaryKeys: "x write the Excel report • b back",
			Recorded: "recorded", NotRecordedYet: "not recorded", Deducted: "deducted", Capped: "capped",
			HintFlag: "deducts %s if found", HintBonus: "adds %s if awarded", HintCount: "per %s: %s", HintShortfall: "target %s%s, %s short: %s",
			HintRatio: "target %s%%, proportional", HintConvert: "out of %s, converted", HintDiscretion: "0–%s at discretion", HintCap: "cap %s",
			Help: map[string]string{
				"up": "up", "down": "down", "next": "next indicator", "prev": "previous indicator",
				"nextOpen": "next unrecorded", "prevOpen": "previous unrecorded", "filter": "filter",
				"nextInput": "next input", "prevInput": "previous input", "toggle": "toggle yes/no",
				"inc": "plus one", "dec": "minus one", "confirm": "confirm", "cancel": "cancel",
				"help": "help", "quit": "quit", "back": "back to list", "new": "new", "open": "open",
				"edit": "edit", "clear": "clear value", "summary": "summary", "export": "write Excel",
			},
			Error: "error: ",
		},
		Workbench:          englishWorkbench(),
		Screens:            englishScreens(),
		Readiness:          englishReadiness(),
		Items:              englishItems(),
		Lookback:           englishLookback(),
		ListItems:          englishListItems(),
		ProblemBook:        englishProblemBook(),
		Appeals:            englishAppeals(),
		FeedbackBook:       englishFeedbackBook(),
		InspectorAgreement: englishAgreementWords(),
		SelfAssess:         englishSelfAssess(),
		PlanShown:          englishPlanShown(),
		ProblemCLI:         englishProblemCLI(),
		Plan:               englishPlan(),
		Figures:            englishFigures(),
		Doc:                englishDoc(),
		DocChart:           englishDocChart(),
		Report:             englishReport(),
		Help:               englishHelp(),
		RubricShow:         englishRubricShow(),
		Rules:              englishRuleWords(),
		BonusCap:           englishBonusCap(),
		ShowLanguage:       englishShowLanguage(),
		QuotedValue:        englishQuotedValue(),
		Hints:              englishHints(),
		Agreement:          englishAgreement(),
		DiffLanguage:       englishDiffLanguage(),
		ValueInput:         englishValueInput(),
		Analysis:           englishAnalysis(),
		Problems:           englishProblemScreen(),
		Print:              englishPrint(),
	}
}

// StatusName returns the label of an assessment status.
func (l *Labels) StatusName(status string) string {
	switch status {
	case "signed":
		return l.Signed
	case "draft":
		return l.Draft
	}
	return status
}
