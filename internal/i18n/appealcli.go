package i18n

// chineseAppealCLIWords words in Chinese the messages of the commands of
// feedback, appeals, review and the final result, and the store's
// refusals of a period's feedback and final result, keyed by the English
// fmt format as refusals.go's are.
func chineseAppealCLIWords() map[string]string {
	return map[string]string{
		"give the period: --period P":                                           "请给出年度：--period 年度",
		"no assessment of %s for period %s (kaohe list shows the units)":        "%[2]s 年度没有 %[1]s 的考核（kaohe list 列出各单位）",
		"no assessment of period %s (kaohe list shows the units)":               "%s 年度没有考核（kaohe list 列出各单位）",
		"give the deadline once: --deadline YYYY-MM-DD or --days N":             "申诉截止只给一次：--deadline YYYY-MM-DD 或 --days 天数",
		"give the deadline: --deadline YYYY-MM-DD or --days N":                  "请给出申诉截止：--deadline YYYY-MM-DD 或 --days 天数",
		"--on %s: not a date written YYYY-MM-DD":                                "--on %s：不是日期，请写成 YYYY-MM-DD",
		"say the decision: --uphold --value V or --reject":                      "请给出复核决定：--uphold --value 值 或 --reject",
		"a rejected appeal keeps the signed value: --reject takes no --value":   "不予采纳的申诉保持已签署的值：--reject 不带 --value",
		"an upheld appeal needs the rule's new value: --value V":                "采纳申诉须给出该规则的新值：--value 值",
		"give either an assessment or --period P, not both":                     "请给出考核或 --period 年度，不要同时给出",
		"not signed: %s; feedback sends a signed result":                        "未签署：%s；反馈的是已签署的结果",
		"%s: appeals still open: %s":                                            "%s：尚有申诉待复核：%s",
		"--stage %q: a report shows the preliminary or the final result":        "--stage %q：报表显示 preliminary（初步）或 final（终审）结果",
		"--stage final: %s has no final result yet (kaohe finalize --period P)": "--stage final：%s 尚无终审结果（kaohe finalize --period 年度）",
	}
}
