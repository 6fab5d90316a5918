package i18n

// chineseProblemRefusals words in Chinese what the store refuses of a
// problem's rectification record (整改记录): its states, dates and texts,
// keyed by the English fmt format as refusals.go's are.
func chineseProblemRefusals() map[string]string {
	return map[string]string{
		"the assessment is not signed; its problems are the deductions of a signed result":      "该考核尚未签署；问题清单来自已签署结果中的扣分",
		"%s has no problem left to rectify":                                                     "%s 没有待整改的问题",
		"name a problem (its ID, such as 1.2.a, or its number in the list)":                     "请指明问题（问题编号，如 1.2.a，或清单中的序号）",
		"%s has no problem %q (%d problems)":                                                    "%s 没有问题 %q（共 %d 个问题）",
		"problem %s is withdrawn: the deduction that made it is gone":                           "问题 %s 已撤销：产生它的扣分已不存在",
		"problem %s is closed (已销号); nothing more is recorded on it":                            "问题 %s 已销号，不再记录任何变更",
		"the due date %q is not a date written YYYY-MM-DD":                                      "整改时限 %q 不是日期，请写成 YYYY-MM-DD",
		"a rectification needs its measure (整改措施)":                                              "报送整改须写明整改措施",
		"the completion date %q is not a date written YYYY-MM-DD":                               "完成时间 %q 不是日期，请写成 YYYY-MM-DD",
		"problem %s has no rectification reported to accept; it is closed once one is":          "问题 %s 尚未报送整改情况，报送后方可销号",
		"problem %s has no rectification reported to return":                                    "问题 %s 尚未报送整改情况，无可退回",
		"a return needs its reason":                                                             "退回须写明理由",
		"%q is not a change of a problem":                                                       "%q 不是问题的一种变更",
		"files are attached to a problem with its rectification":                                "佐证材料随整改情况一并附上",
		"%q is not a problem subject (problem/RULE or problem/RULE/ITEM)":                       "%q 不是问题记录的主题（problem/规则 或 problem/规则/子项）",
		"rubric %s %s has no rule %q (rule IDs look like 1.2.a)":                                "考核指标 %s %s 中没有规则 %q（规则编号形如 1.2.a）",
		"%s: a problem's record is not retracted; its history stays":                            "%s：问题记录不能撤回，其历史一直保留",
		"%s: the record is not a problem's record":                                              "%s：该记录不是问题的整改记录",
		"%s: %q is not a change of a problem":                                                   "%s：%q 不是问题的一种变更",
		"%s: %q is not a state a problem is recorded in":                                        "%s：%q 不是问题的状态",
		"%s: %q is not a date written YYYY-MM-DD":                                               "%s：%q 不是日期，请写成 YYYY-MM-DD",
		"%s: %q is not who reports a rectification":                                             "%s：%q 不是整改情况的报送方",
		"%s: the text is %d characters long; a measure or a report holds at most %d":            "%s：文字长 %d 个字符；整改措施或完成情况最多 %d 个字符",
		"%s: the name is %d characters long; an owner or a responsible person holds at most %d": "%s：名称长 %d 个字符；责任单位或责任人最多 %d 个字符",
		"%s: an owner or a responsible person is one line without control characters":           "%s：责任单位或责任人须为一行文字，不含控制字符",
		"%s: a return needs its reason":                                                         "%s：退回须写明理由",
	}
}
