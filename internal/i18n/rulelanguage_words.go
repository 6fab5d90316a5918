package i18n

// chineseRuleLanguageWords words in Chinese the problems the validator
// finds in grades, penalty categories and the rule kinds beyond the seed's,
// keyed by their English fmt format as refusals.go's are (the formats take
// the same arguments in the same order).
func chineseRuleLanguageWords() map[string]string {
	return map[string]string{
		"bonus rule %s has both range and per_item: a range's value is the list of amounts, per_item's a count": "加分规则 %s 同时写了 range 和 per_item：range 记录逐次的分数，per_item 记录次数，只能选一种",
		"category %s has a cap, which only a penalty category has (its points bound the others)":                "类别 %s 写了上限（cap），只有扣分项类别才有（其他类别以分值为上限）",
		"category %s is both a bonus and a penalty category":                                                    "类别 %s 不能既是加分类别又是扣分项",
		"grade %d has no name":     "第 %d 个等次没有名称（name）",
		"grade %q is listed twice": "等次 %q 列了两次",
		"grade %s has no min; only the last grade takes every total below the others":                                            "等次 %s 没有分数线（min）；只有最后一个等次不写分数线，接住其余总分",
		"grade %s min must not be negative, got %s":                                                                              "等次 %s 的分数线（min）不能为负数，现为 %s",
		"grades are not descending: %s starts at %s, not below %s's %s; list the best grade first":                               "等次不是由高到低：%s 的分数线 %s 不低于 %s 的 %s；请把最好的等次写在最前",
		"indicator %s is in penalty category %s and must have no points, got %s":                                                 "指标 %s 属于扣分项类别 %s，不能有分值，现为 %s",
		"linear rule %s is in penalty category %s, whose indicators have no points; give the rule its points":                    "线性规则 %s 属于扣分项类别 %s，其指标没有分值；请为规则写明分值（points）",
		"linear rule %s must rise: from %s is not below to %s":                                                                   "线性规则 %s 的起点（from）%s 应低于终点（to）%s",
		"penalty category %s must have no points (its deductions come off the total), got %s":                                    "扣分项类别 %s 不能有分值（其扣分从总分中扣除），现为 %s",
		"rule %s band %d has no label (its bands are chosen by label)":                                                           "规则 %s 的第 %d 档没有名称（label；本规则按名称选档）",
		"rule %s band %d has no min; only the last band catches every figure below the others":                                   "规则 %s 的第 %d 档没有下限（min）；只有最后一档不写下限，接住其余数值",
		"rule %s band %d min must not be negative, got %s":                                                                       "规则 %s 第 %d 档的下限（min）不能为负数，现为 %s",
		"rule %s band %d points must not be negative, got %s":                                                                    "规则 %s 第 %d 档的分数不能为负数，现为 %s",
		"rule %s band points %s are more than indicator %s points %s":                                                            "规则 %s 的首档分数 %s 大于指标 %s 的分值 %s",
		"rule %s bands are not descending: band %d has %s points, more than the %s of the band before; list the best band first": "规则 %s 的档次不是由高到低：第 %d 档 %s 分，多于前一档的 %s 分；请把最好的一档写在最前",
		"rule %s bands are not descending: band %d starts at %s, above the %s of the band before; list the best band first":      "规则 %s 的档次不是由高到低：第 %d 档下限 %s，高于前一档的 %s；请把最好的一档写在最前",
		"rule %s bands overlap: bands %d and %d both start at %s":                                                                "规则 %s 的档次重叠：第 %d 档与第 %d 档的下限都是 %s",
		"rule %s bands overlap: label %q is given twice":                                                                         "规则 %s 的档次重叠：名称 %q 出现了两次",
		"rule %s has a range, so each instance's amount is recorded; amount is not used":                                         "规则 %s 写了范围（range），每次的分数逐次记录，不用 amount",
		"rule %s has one band; a band rule needs at least two":                                                                   "规则 %s 只有一档；档次规则至少要两档",
		"rule %s last band has min %s; the last band has no min and takes every figure below the others":                         "规则 %s 的最后一档写了下限 %s；最后一档不写下限，接住其余数值",
		"rule %s max_value %s is below its limit %s":                                                                             "规则 %s 的最大值（max_value）%s 低于其限值（limit）%s",
		"rule %s mixes label and min bands: band %d has a label, the first band none":                                            "规则 %s 混用了按名称和按数值的档次：第 %d 档有名称，第一档没有",
		"rule %s mixes label and min bands: band %d has a min, the first band a label":                                           "规则 %s 混用了按名称和按数值的档次：第 %d 档有下限，第一档却是名称",
		"rule %s points %s are more than indicator %s points %s":                                                                 "规则 %s 的分值 %s 大于指标 %s 的分值 %s",
		"rule %s range [%s, %s] allows only 0":                                                                                   "规则 %s 的范围 %s–%s 只允许 0",
		"rule %s range [%s, %s] is upside down: the lowest amount comes first":                                                   "规则 %s 的范围 %s–%s 写反了：应先写最小值",
		"rule %s range must be two numbers [lowest, highest], got %d":                                                            "规则 %s 的范围（range）应为两个数 ［最小，最大］，现有 %d 个",
		"the last grade %s has min %s; the last grade has no min and takes every total below the others (and every veto)":        "最后一个等次 %s 写了分数线 %s；最后一个等次不写分数线，接住其余总分（以及所有一票否决）",
		"the rubric has one grade; grades need at least two":                                                                     "考核指标只有一个等次；等次至少要两个",
		"range must be a list of two numbers [lowest, highest], got %q":                                                          "范围（range）应为两个数 ［最小，最大］，现为 %q",
		"range: %v": "范围（range）：%v",
	}
}

// withRuleLanguageWords adds the rule language's wordings to the Chinese
// labels' table of wordings by English format.
func withRuleLanguageWords(l *Labels) *Labels {
	if l.Report.Refusals == nil {
		l.Report.Refusals = map[string]string{}
	}
	for k, v := range chineseRuleLanguageWords() {
		if _, taken := l.Report.Refusals[k]; !taken {
			l.Report.Refusals[k] = v
		}
	}
	return l
}
