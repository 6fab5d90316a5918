package i18n

// PrintWords is the wording of the workbook as the office prints and
// sends it: the titles with the period and the date of writing, the page
// numbers, the 工作表 of internal columns, the signature lines, the
// deductions as sentences and the charts.
type PrintWords struct {
	// Results ends the ranking's title (…考核结果), SheetTitle a score
	// sheet's (…考核得分表): the title is the period's year (YearOf: the
	// period), the rubric's subject, then this, then the date in brackets
	// (Dated: the date).
	Results, SheetTitle, YearOf, Dated string
	// Date is a Go time layout for the date of writing.
	Date string
	// Footer is the page footer, in the header/footer codes of a
	// spreadsheet (&P the page, &N the pages).
	Footer string
	// WorkSheet names the sheet of internal columns; WorkTitle heads it.
	WorkSheet, WorkTitle string
	// SignedBy heads the 工作表's column of sign-offs and fingerprints.
	SignedBy string
	// Team and Unit are the signature lines at a score sheet's foot; Blank
	// is the line signed on.
	Team, Unit, Blank string
	// Deduct ends a deduction's sentence: the points; Add a bonus's;
	// Veto a veto's.
	Deduct, Add, Veto string
	// ItemSep joins a rule's items in brackets.
	ItemSep string
	// Average heads a unit's category scores beside the average: the
	// title; This and Mean the two columns, Gap their difference.
	Average, This, Mean, Gap string
	// RankChart titles the ranking's bar chart.
	RankChart string
}

func chinesePrint() PrintWords {
	return PrintWords{
		Results: "考核结果", SheetTitle: "考核得分表", YearOf: "%s年度", Dated: "（%s）",
		Date:      "2006年1月2日",
		Footer:    "&C第 &P 页 共 &N 页",
		WorkSheet: "工作表", WorkTitle: "工作表（内部使用，不对外印发）",
		SignedBy: "签字",
		Team:     "考核组成员（签字）：", Unit: "被考核单位（签字盖章）：", Blank: "＿＿＿＿＿＿＿＿＿＿＿＿",
		Deduct: "扣%s分。", Add: "加%s分。", Veto: "一票否决。",
		ItemSep: "、",
		Average: "各类得分与平均分", This: "本单位", Mean: "平均分", Gap: "差",
		RankChart: "总分排名",
	}
}

func englishPrint() PrintWords {
	return PrintWords{
		Results: " results", SheetTitle: " score sheet", YearOf: "%s ", Dated: " (%s)",
		Date:      "2 January 2006",
		Footer:    "&CPage &P of &N",
		WorkSheet: "Working", WorkTitle: "Working sheet (internal, not for publication)",
		SignedBy: "Signed",
		Team:     "Assessment team (signature): ", Unit: "Assessed unit (signature, seal): ", Blank: "________________________",
		Deduct: "%s points deducted.", Add: "%s points added.", Veto: "vetoed.",
		ItemSep: ", ",
		Average: "Category scores against the average", This: "This unit", Mean: "Average", Gap: "Gap",
		RankChart: "Totals",
	}
}

// chinesePrintRefusals words in Chinese what kaohe report refuses of the
// printed workbook's inputs, keyed by the English format (see
// chineseRefusals).
func chinesePrintRefusals() map[string]string {
	return map[string]string{
		"--date %q: write the date of writing as YYYY-MM-DD (2021-12-31)": "--date %q：成文日期请写成 YYYY-MM-DD（如 2021-12-31）",
	}
}
