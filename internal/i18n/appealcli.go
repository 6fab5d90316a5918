package i18n

// chineseAppealCLIWords words in Chinese the messages of the commands of
// feedback, appeals, review and the final result, and the store's
// refusals of a period's feedback and final result, keyed by the English
// fmt format as refusals.go's are.
func chineseAppealCLIWords() map[string]string {
	return map[string]string{
		"give the period: --period P":                                                                     "请给出年度：--period 年度",
		"no assessment of %s for period %s (kaohe list shows the units)":                                  "%[2]s 年度没有 %[1]s 的考核（kaohe list 列出各单位）",
		"no assessment of period %s (kaohe list shows the units)":                                         "%s 年度没有考核（kaohe list 列出各单位）",
		"give the deadline once: --deadline YYYY-MM-DD or --days N":                                       "申诉截止只给一次：--deadline YYYY-MM-DD 或 --days 天数",
		"give the deadline: --deadline YYYY-MM-DD or --days N":                                            "请给出申诉截止：--deadline YYYY-MM-DD 或 --days 天数",
		"--on %s: not a date written YYYY-MM-DD":                                                          "--on %s：不是日期，请写成 YYYY-MM-DD",
		"say the decision: --uphold --value V or --reject":                                                "请给出复核决定：--uphold --value 值 或 --reject",
		"a rejected appeal keeps the signed value: --reject takes no --value":                             "不予采纳的申诉保持已签署的值：--reject 不带 --value",
		"an upheld appeal needs the rule's new value: --value V":                                          "采纳申诉须给出该规则的新值：--value 值",
		"give either an assessment or --period P, not both":                                               "请给出考核或 --period 年度，不要同时给出",
		"not signed: %s; feedback sends a signed result":                                                  "未签署：%s；反馈的是已签署的结果",
		"%s: appeals still open: %s":                                                                      "%s：尚有申诉待复核：%s",
		"--stage %q: a report shows the preliminary or the final result":                                  "--stage %q：报表显示 preliminary（初步）或 final（终审）结果",
		"--stage final: %s has no final result yet (kaohe finalize --period P)":                           "--stage final：%s 尚无终审结果（kaohe finalize --period 年度）",
		"%s is not a %s kaohe wrote: %s":                                                                  "%s 不是 kaohe 写出的%s：%s",
		"反馈 workbook":                                                                                     "反馈表",
		"it has no sheet %q":                                                                              "其中没有工作表 %q",
		"%s does not say %s":                                                                              "%s 没有写 %s",
		"%s: the sheet %q was changed (its digest %s no longer matches); send the unit a new workbook":    "%s：工作表 %q 被改动过（其摘要 %s 不再相符）；请给被考核单位重新发送反馈表",
		"%s: %s is kaohe's and was changed (it reads %q now); only the unit's columns are filled in":      "%s：%s 由 kaohe 填写，已被改动（现为 %q）；被考核单位只填写申诉理由一栏",
		"%s has no feedback issued; its 反馈 workbook follows the feedback":                                 "%s 尚未反馈初步结果；反馈表随反馈发出",
		"%s: %s is not valid UTF-8 text":                                                                  "%s：%s 不是有效的 UTF-8 文本",
		"%s: %s is %d characters long; an appeal's reason holds at most %d":                               "%s：%s 长 %d 个字符；申诉理由最多 %d 个字符",
		"-o %s: not a folder":                                                                             "-o %s：不是文件夹",
		"-o %s: cannot make the folder: %v":                                                               "-o %s：无法创建文件夹：%v",
		"%s answers feedback round %d of %s; its current round is %d: send the unit the current workbook": "%s 对应 %[3]s 的第 %[2]d 轮反馈；当前为第 %[4]d 轮：请给被考核单位发送当前的反馈表",
	}
}
