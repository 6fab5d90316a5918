package i18n

// chinesePlanRefusals words in Chinese what the store refuses of the
// lead's plan (分工, 双人背靠背评分), keyed by the English fmt format as
// refusals.go's are.
func chinesePlanRefusals() map[string]string {
	return map[string]string{
		"%s: %q is not an inspector's name as kaohe stores it":  "%s：%q 不是 kaohe 保存的考核人员姓名",
		"%s: the record is not a part of the plan":              "%s：该记录不是分工计划的一部分",
		"a blind double scoring names two different inspectors": "背靠背双人评分须指定两名不同的考核人员",
		"rubric %s %s has no category %q":                       "考核指标 %s %s 中没有类别 %q",
	}
}
