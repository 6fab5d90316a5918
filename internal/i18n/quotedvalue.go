package i18n

// QuotedValue is the refusal of a value written as text where a file must
// give it bare ("2.2.a": "是", "1.4.a": "2,3", "1.1.a": "９０" in a
// findings file), so that it says how to write the value instead of a
// contradiction such as “是”不是“是”或“否” (fmt format: the text, the value
// as the file must give it).
type QuotedValue struct {
	Message string
}

func chineseQuotedValue() QuotedValue {
	return QuotedValue{Message: "“%s”写成了文字：文件中应写 %s（不加引号）"}
}

func englishQuotedValue() QuotedValue {
	return QuotedValue{Message: "%q is text: a file gives this value as %s, without quotes"}
}
