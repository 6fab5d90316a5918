package i18n

// chineseAppealRefusals words in Chinese what the store refuses of a
// result's feedback, appeals, their review and the final result, and of
// the roster's roles, keyed by the English fmt format as refusals.go's
// are.
func chineseAppealRefusals() map[string]string {
	return map[string]string{
		"%q is not a role on the roster (lead, or none for an inspector)":             "%q 不是名单中的角色（组长写 lead，考核人员不写）",
		"%s deducts nothing in the signed result of %s; only a deduction is appealed": "%s 在 %s 的已签署结果中没有扣分；只有扣分可以申诉",
		"%s has %d appeals; there is no appeal number %s":                             "%s 共有 %d 条申诉，没有第 %s 条",
		"%s has no appeal %s": "%s 没有申诉 %s",
		"%s has no feedback issued; an appeal answers the preliminary result sent to the unit":                         "%s 尚未反馈初步结果；申诉针对已反馈给被考核单位的初步结果",
		"%s has no feedback issued; the final result follows the preliminary one":                                      "%s 尚未反馈初步结果；终审结果在初步结果反馈之后",
		"%s is %s already; an upheld appeal changes the value (or reject it)":                                          "%s 已经是 %s；采纳申诉须改变该值（否则请不予采纳）",
		"%s matches %d appeals of %s; give more characters":                                                            "%s 与 %[3]s 的 %[2]d 条申诉相符；请多给几个字符",
		"%s was signed by an older kaohe that did not record what it signed; reopen and sign it again":                 "%s 由旧版 kaohe 签署，未记录签署内容；请重新打开后再次签署",
		"%s: %q is not an ID kaohe makes":                                                                              "%s：%q 不是 kaohe 生成的编号",
		"%s: a decision needs its reason":                                                                              "%s：复核决定须写明理由",
		"%s: a decision upholds with a value or rejects without one":                                                   "%s：复核决定要么采纳并给出新值，要么不予采纳且不给值",
		"%s: feedback round %d on this signed result was issued on %s (deadline %s) and is not finalised":              "%s：该签署结果的第 %d 轮反馈已于 %s 发出（申诉截止 %s），尚未终审",
		"%s: the appeal record does not read (round, reason or source)":                                                "%s：申诉记录无法读取（轮次、理由或来源）",
		"%s: the deadline for appeals is %s; the result is final only after it":                                        "%s：申诉截止日期为 %s；截止之后方可终审",
		"%s: the feedback record does not read (round, digest or deadline)":                                            "%s：反馈记录无法读取（轮次、摘要或截止日期）",
		"%s: the final record does not read (round or digest)":                                                         "%s：终审记录无法读取（轮次或摘要）",
		"%s: the reason is %d characters long; an appeal's reason holds at most %d":                                    "%s：理由长 %d 个字符；申诉理由最多 %d 个字符",
		"%s: the record is not of its subject's kind":                                                                  "%s：该记录与其主题的类型不符",
		"%s: the record is not retracted; its history stays":                                                           "%s：该记录不能撤回，其历史一直保留",
		"%s: the result of feedback round %d is final (%s)":                                                            "%s：第 %d 轮反馈的结果已终审（%s）",
		"%s: the result of feedback round %d is final (%s); a new feedback round opens new appeals":                    "%s：第 %d 轮反馈的结果已终审（%s）；新一轮反馈后方可再申诉",
		"%s: the result of feedback round %d is final already (%s)":                                                    "%s：第 %d 轮反馈的结果已经终审（%s）",
		"a decision needs its reason":                                                                                  "复核决定须写明理由",
		"an appeal needs its reason (申诉理由)":                                                                            "申诉须写明申诉理由",
		"an upheld appeal needs the rule's new value":                                                                  "采纳申诉须给出该规则的新值",
		"appeal %s is already decided (%s on %s)":                                                                      "申诉 %s 已有复核决定（%s，%s）",
		"the appeal's date %s is after the deadline %s; it is accepted only as a late appeal":                          "申诉日期 %s 晚于截止日期 %s；只能作为逾期申诉受理",
		"the appeal's date %s is before the feedback was issued (%s)":                                                  "申诉日期 %s 早于初步结果反馈日期（%s）",
		"the date %q is not a date written YYYY-MM-DD":                                                                 "日期 %q 不是日期，请写成 YYYY-MM-DD",
		"the dates %q and %q are not dates written YYYY-MM-DD":                                                         "日期 %q 和 %q 不是日期，请写成 YYYY-MM-DD",
		"the deadline %s is before the day of issue %s":                                                                "截止日期 %s 早于反馈日期 %s",
		"the decision's date %s is before the appeal was lodged (%s)":                                                  "复核日期 %s 早于申诉日期（%s）",
		"this device (%s) is not on the roster as the lead's; only the lead decides appeals":                           "本设备（%s）不在名单中的组长之列；只有组长可以作出复核决定",
		"%s was signed again after feedback round %d was issued; issue a new feedback round for the result signed now": "%s 在第 %d 轮反馈之后重新签署；请就现在签署的结果发出新一轮反馈",
		"%s: the decision on appeal %s is dated %s, after the final result's date %s":                                  "%s：申诉 %s 的复核日期为 %s，晚于终审日期 %s",
	}
}

// chineseAppealReasons words in Chinese what kaohe verify finds wrong in
// a result's feedback, appeals, decisions and final result (read back as
// reasons.go's are: each %… of the English is one piece of text).
func chineseAppealReasons() map[string]string {
	return map[string]string{
		"it sent the sign-off %s, which this database does not hold":                                         "它所发送的签字 %s 不在本数据库中",
		"its digest is not that of the sign-off it sent":                                                     "它的摘要与所发送签字的摘要不符",
		"the appeal dated %s does not fit feedback round %v (issued %s, deadline %s) and is not marked late": "日期为 %s 的申诉与第 %s 轮反馈（发出 %s，截止 %s）不符，且未标为逾期申诉",
		"the decision is about rule %s or carries a value rule %s does not take":                             "该复核决定针对的是规则 %s，或所给的值不为规则 %s 所接受",
		"it was decided on device %s, which the roster does not list as the lead's":                          "它在设备 %s 上作出，而名单中该设备不是组长的",
		"it is dated %s, before the appeal (%s)":                                                             "它的日期 %s 早于申诉（%s）",
		"it is dated %s, not after the deadline %s":                                                          "它的日期 %s 不晚于申诉截止日期 %s",
		"it rests on the revision %s, which this database does not hold":                                     "它所依据的修订 %s 不在本数据库中",
		"it is dated %s, before the decision %s it rests on (%s)":                                            "它的日期 %s 早于其所依据的复核决定 %s（%s）",
		"its digest is not that of the records it rests on":                                                  "它的摘要与其所依据的记录不符",
	}
}
