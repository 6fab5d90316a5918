package i18n

// chineseSheetLanguageWords words in Chinese the problems a rubric
// workbook's cells for the rubric language can have (a 是/否 column, half a
// range, a band on the 档次 sheet naming no rule or without its points),
// keyed by their English fmt format as refusals.go's are, with the same
// arguments in the same order.
func chineseSheetLanguageWords() map[string]string {
	return map[string]string{
		"%s must be 是 or empty, got %q": "%s只能填“是”或留空，现为 %q",
		"rule %s has a 范围下限 but no 范围上限: a range needs both (每件扣2-5分: 2 and 5)":                                  "规则 %s 填了范围下限，没有填范围上限：范围两端都要填（每件扣2-5分：填 2 和 5）",
		"rule %s has a 范围上限 but no 范围下限: a range needs both (每件扣2-5分: 2 and 5)":                                  "规则 %s 填了范围上限，没有填范围下限：范围两端都要填（每件扣2-5分：填 2 和 5）",
		"band has no 规则编号: name the band rule it belongs to (e.g. 1.2.a)":                                        "档次没有规则编号：请填它所属的档次规则（如 1.2.a）",
		"band of rule %s, which is not on sheet %s":                                                              "档次所属的规则 %s 不在“%s”表中",
		"band of rule %s has no 分数: give the points this band keeps (0 for none)":                                "规则 %s 的档次没有分数：请填这一档得多少分（不得分填 0）",
		"rule %s range has %d numbers; the workbook holds two, the lowest and the highest (nothing was written)": "规则 %s 的范围有 %d 个数；工作簿只能保存两个数（最低和最高），未写出任何内容",
	}
}
