package i18n

// AppealWords is the wording of a result's feedback round, its appeals,
// their review and the final result (反馈、申诉、复核、终审), and the
// roster's lead role.
type AppealWords struct {
	// RoleLead marks the lead's device on the roster.
	RoleLead string
	// Stage names each stage of a signed result: signed, preliminary,
	// appealing, final.
	StageSigned, StagePreliminary, StageAppealing, StageFinal string
	// Uphold and Reject name a decision.
	Uphold, Reject string

	// FeedbackIssued says a unit's feedback was issued: the assessment,
	// the round, the day of issue, the deadline and the preliminary total.
	FeedbackIssued string
	// FeedbackWorkbook says where a unit's 反馈 workbook was written.
	FeedbackWorkbook string
	// AppealAdded says an appeal was recorded: the assessment, its short
	// ID, the rule and the date; Late follows it for a late appeal.
	AppealAdded, Late string
	// Decided says an appeal was decided: the assessment, the appeal, the
	// decision, the rule, and the total with the decisions so far.
	Decided string
	// Finalized says a unit's result is final: the assessment, the date,
	// the final total and the preliminary one.
	Finalized string
	// Open is the decision column of an appeal waiting for one;
	// InConflict that of an appeal two laptops decided differently.
	Open, InConflict string
	// ScoreStages follows kaohe score's table once the result was sent:
	// the preliminary total, the total with the decisions so far, the
	// stage.
	ScoreStages string
	// AfterFinal is the ranking's remark on a unit into whose final result
	// appeals or decisions were merged afterwards (how many); AfterFinalMark
	// marks such an appeal in appeal list.
	AfterFinal, AfterFinalMark string
	// NoAppeals is the line of a list with none.
	NoAppeals string
	// ListHead is the heading line of appeal list: number, ID, assessment,
	// rule, date, decision, reason.
	ListHead string
	// HintNotLead follows the refusal of a decision from a device that is
	// not the lead's on the command line: what to run.
	HintNotLead string

	// Report columns and lines: the preliminary total (初步得分), the
	// change the appeals made (申诉调整), the final total (最终得分), the
	// ranks before and after, the dates of feedback and of the final
	// result, and the stage a sheet shows.
	Preliminary, Adjustment, FinalTotal, RankBefore, RankAfter string
	FeedbackOn, DeadlineOn, FinalOn, StageShown                string
	// AppealsHeading titles a sheet's list of appeals; AppealLine is one
	// appeal there: rule, date, reason, decision, its reason.
	AppealsHeading, AppealLine string
	// Workbench lists the appeals of a rule under its indicator:
	// AppealsOfRule titles them, AppealItem is one (date, reason,
	// decision).
	AppealsOfRule, AppealItem string
}

func chineseAppeals() AppealWords {
	return AppealWords{
		RoleLead:    "组长",
		StageSigned: "已签署", StagePreliminary: "初步", StageAppealing: "申诉中", StageFinal: "已终审",
		Uphold: "采纳", Reject: "不予采纳",
		FeedbackIssued:   "%s：第 %d 轮初步结果反馈 %s，申诉截止 %s，初步得分 %s",
		FeedbackWorkbook: "%s：反馈表已写入 %s",
		AppealAdded:      "%s：已登记申诉 %s（%s，%s）", Late: "（逾期受理）",
		Decided:   "%s：申诉 %s %s（%s）；复核后得分 %s",
		Finalized: "%s：%s 终审，最终得分 %s（初步得分 %s）",
		Open:      "待复核", InConflict: "复核冲突",
		NoAppeals: "没有申诉", ScoreStages: "初步得分 %s；复核后得分 %s（%s）",
		AfterFinal: "终审后合并进 %d 处申诉或复核变动，终审结果未采用，须新一轮反馈", AfterFinalMark: "［终审后合并，未采用］",
		ListHead:    "序号  编号      考核            规则      日期        申诉理由                  复核",
		HintNotLead: "（kaohe team add 姓名 设备指纹 --role lead）",
		Preliminary: "初步得分", Adjustment: "申诉调整", FinalTotal: "最终得分", RankBefore: "初步名次", RankAfter: "最终名次",
		FeedbackOn: "反馈日期", DeadlineOn: "申诉截止", FinalOn: "终审日期", StageShown: "结果阶段",
		AppealsHeading: "申诉与复核", AppealLine: "%s（%s）：%s —— %s",
		AppealsOfRule: "申诉", AppealItem: "%s %s —— %s",
	}
}

func englishAppeals() AppealWords {
	return AppealWords{
		RoleLead:    "lead",
		StageSigned: "signed", StagePreliminary: "preliminary", StageAppealing: "appealing", StageFinal: "final",
		Uphold: "upheld", Reject: "rejected",
		FeedbackIssued:   "%s: feedback round %d issued %s, appeals due by %s, preliminary total %s",
		FeedbackWorkbook: "%s: feedback workbook written to %s",
		AppealAdded:      "%s: appeal %s recorded (%s, %s)", Late: " (accepted late)",
		Decided:   "%s: appeal %s %s (%s); total after review %s",
		Finalized: "%s: final on %s, final total %s (preliminary %s)",
		Open:      "open", InConflict: "in conflict",
		NoAppeals: "no appeals", ScoreStages: "preliminary %s; after review %s (%s)",
		AfterFinal: "%d appeals or decisions merged in after the final result, not applied: a new feedback round settles them", AfterFinalMark: " [merged after the final result, not applied]",
		ListHead:    "No.   ID        Assessment      Rule      Date        Reason                    Decision",
		HintNotLead: " (kaohe team add NAME FINGERPRINT --role lead)",
		Preliminary: "Preliminary", Adjustment: "Appeals", FinalTotal: "Final", RankBefore: "Rank before", RankAfter: "Rank after",
		FeedbackOn: "Feedback", DeadlineOn: "Appeals due", FinalOn: "Final on", StageShown: "Stage",
		AppealsHeading: "Appeals and review", AppealLine: "%s (%s): %s — %s",
		AppealsOfRule: "Appeals", AppealItem: "%s %s — %s",
	}
}
