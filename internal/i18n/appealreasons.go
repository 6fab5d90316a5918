package i18n

// chineseAppealReasons words in Chinese the reasons kaohe verify gives
// about a result's feedback, appeals, decisions and final result, keyed by
// the English format (read back from the text, so every argument is
// worded with %s).
func chineseAppealReasons() map[string]string {
	return map[string]string{
		"its feedback names sign-off %s, which is not a sign-off of this assessment":          "其反馈所指的签署 %s 不是本考核的签署",
		"its feedback records the digest %s, not that of the sign-off it sent (%s)":           "其反馈记录的摘要 %s 与所发出签署的摘要（%s）不符",
		"its appeal answers feedback round %s, which is missing":                              "其申诉针对的第 %s 轮反馈不存在",
		"its appeal is dated %s, before the feedback it answers was issued (%s)":              "其申诉日期 %s 早于所针对反馈的发出日期（%s）",
		"its appeal is dated %s, after the deadline %s, and is not marked late":               "其申诉日期 %s 晚于截止日期 %s，却未记为逾期",
		"its decision answers appeal %s, which is missing":                                    "其复核决定所针对的申诉 %s 不存在",
		"its decision is dated %s, before the appeal it answers (%s)":                         "其复核日期 %s 早于所针对的申诉（%s）",
		"its decision is on rule %s, but the appeal it answers is on %s":                      "其复核决定针对规则 %s，而所针对的申诉是关于 %s 的",
		"its decision was written by device %s, which the roster does not list as the lead's": "其复核决定由设备 %s 写入，名单中该设备不是组长的",
		"its final result closes feedback round %s, which is missing":                         "其终审结果所对应的第 %s 轮反馈不存在",
		"its final result is dated %s, not after the deadline %s":                             "其终审日期 %s 不晚于申诉截止日期 %s",
		"its final result rests on revision %s, which is missing":                             "其终审结果所依据的修订 %s 不存在",
		"its final result is dated %s, before the decision %s it rests on (%s)":               "其终审日期 %s 早于所依据的复核决定 %s（%s）",
		"its final result's digest does not match the sign-off and the revisions it names":    "其终审摘要与签署及所列修订不符",
	}
}
