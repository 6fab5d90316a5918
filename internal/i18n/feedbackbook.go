package i18n

// FeedbackBookWords is the wording of the 反馈 workbook: a unit's
// preliminary result as sent to it, with a column for its appeals.
type FeedbackBookWords struct {
	// Sheet names the data sheet; Title is the title (period, rubric);
	// File the file's name (unit).
	Sheet, Title, File string
	// UnitLine is the unit, its preliminary total and its rank among how
	// many; DateLine the day of issue, the deadline and the round.
	UnitLine, DateLine string
	// The columns: number, rule, indicator, deduction, reason, evidence,
	// the unit's 申诉理由, and the hidden rule ID.
	No, Rule, Indicator, Points, Reason, Evidence, Appeal, RuleID string
	// Note is the line under the table saying what to fill in.
	Note string
	// Imported says what appeal import added: the file, the assessment,
	// how many appeals; Nothing that it added none (read before).
	Imported, Nothing string
}

func chineseFeedbackBook() FeedbackBookWords {
	return FeedbackBookWords{
		Sheet: "初步结果反馈", Title: "%s年度%s初步结果反馈", File: "%s反馈.xlsx",
		UnitLine: "被考核单位：%s    初步得分：%s    名次：第 %d 名（共 %d 个单位）",
		DateLine: "反馈日期：%s    申诉截止：%s    第 %d 轮反馈",
		No:       "序号", Rule: "规则", Indicator: "考核内容", Points: "扣分", Reason: "扣分理由", Evidence: "佐证材料", Appeal: "申诉理由（被考核单位填写）", RuleID: "规则编号",
		Note:     "如对扣分有异议，请在申诉截止日期前于“申诉理由”栏逐条写明理由，连同佐证材料一并交回考核办；其余单元格由 kaohe 核对，请勿改动。",
		Imported: "%s：%s 登记申诉 %d 条", Nothing: "%s：%s 没有新的申诉（已读入过）",
	}
}

func englishFeedbackBook() FeedbackBookWords {
	return FeedbackBookWords{
		Sheet: "Preliminary result", Title: "%s %s — preliminary result", File: "%s feedback.xlsx",
		UnitLine: "Unit: %s    Preliminary total: %s    Rank: %d of %d",
		DateLine: "Issued: %s    Appeals due by: %s    Feedback round %d",
		No:       "No.", Rule: "Rule", Indicator: "Indicator", Points: "Deduction", Reason: "Reason", Evidence: "Evidence", Appeal: "Appeal (the unit writes)", RuleID: "Rule ID",
		Note:     "To object to a deduction, write your reason in the Appeal column before the deadline and return the workbook with your evidence; kaohe checks every other cell, leave them as they are.",
		Imported: "%s: %s, %d appeals recorded", Nothing: "%s: %s, no new appeals (read before)",
	}
}
