package i18n

// chinesePlanRefusals words in Chinese what the store refuses of the
// lead's plan (分工, 双人背靠背评分) and of a unit's self-assessment (自评),
// keyed by the English fmt format as refusals.go's are.
func chinesePlanRefusals() map[string]string {
	return map[string]string{
		"%s: %q is not an inspector's name as kaohe stores it":  "%s：%q 不是 kaohe 保存的考核人员姓名",
		"%s: the record is not a part of the plan":              "%s：该记录不是分工计划的一部分",
		"a blind double scoring names two different inspectors": "背靠背双人评分须指定两名不同的考核人员",
		"rubric %s %s has no category %q":                       "考核指标 %s %s 中没有类别 %q",
		// The unit's self-assessment (自评).
		"%s: %d file names; a self-assessment names at most 100":                                               "%s：%d 个文件名；一项自评最多列 100 个佐证材料",
		"%s: a self-assessed score is from 0 to the indicator's %s points, to 0.01; got %s":                    "%s：自评得分应在 0 到该指标的 %s 分之间，最多两位小数；现为 %s",
		"%s: the account is %d characters long; at most %d":                                                    "%s：自评说明长 %d 个字符；最多 %d 个字符",
		"%s: the record is not a self-assessment":                                                              "%s：该记录不是自评",
		"rubric %s %s has no indicator %q (indicator IDs look like 2.1)":                                       "考核指标 %s %s 中没有指标 %q（指标编号形如 2.1）",
		"%s: the categories are listed once each, in order":                                                    "%s：类别须各列一次，按顺序排列",
		"%s: %q is not a file name (one name of at most %d characters, without folders or control characters)": "%s：%q 不是文件名（一个不超过 %d 个字符的名称，不含文件夹和控制字符）",
	}
}
