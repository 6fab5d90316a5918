package i18n

// chineseDocFillRefusals words in Chinese what filling an office's own
// template refuses: a template that cannot be read or whose XML is
// damaged (naming the template, the part and the line and column), and a
// field kaohe cannot fill without losing what else its text holds; keyed
// by the English fmt format as refusals.go's are.
func chineseDocFillRefusals() map[string]string {
	return map[string]string{
		"the template %s cannot be read: %v":           "无法读取模板 %s：%v",
		"the template %s is damaged: %s:%d:%d: %v":     "模板 %s 已损坏：%s 第%d行第%d列：%v",
		"the part ends before its elements are closed": "内容在元素闭合之前就结束了",
		"element <%s> is closed by </%s>":              "元素 <%s> 被 </%s> 错误地闭合",
		"an end tag </%s> closes nothing":              "结束标记 </%s> 没有对应的开始标记",
		"an unknown entity %s":                         "未知的实体 %s",
		"the template's field %s in %s is in a text holding more than text (a comment); retype the field": "模板中的字段 %s（位于%s）所在的文字里夹有批注等非文字内容，无法原样填写；请重新输入该字段",
	}
}
