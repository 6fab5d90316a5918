package i18n

// QuotedYesNo is the refusal of a yes/no word written as text where a file
// must give true or false ("2.2.a": "是" in a findings file), so that it
// says how to write the value instead of “是”不是“是”或“否” (fmt format:
// the text, true or false).
type QuotedYesNo struct {
	Message string
}

func chineseQuotedYesNo() QuotedYesNo {
	return QuotedYesNo{Message: "“%s”写成了文字：是否类规则在文件中写 %s（不加引号）"}
}

func englishQuotedYesNo() QuotedYesNo {
	return QuotedYesNo{Message: "%q is text: a yes/no rule in a file is written %s, without quotes"}
}
