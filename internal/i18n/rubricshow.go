package i18n

// RubricShow is the wording of kaohe rubric show's tree (fmt formats).
type RubricShow struct {
	// Header: title, id, version, base points, bonus points.
	Header string
	// Param is one parameter of a rule: its name, its value.
	Param string
}

func chineseRubricShow() RubricShow {
	return RubricShow{Header: "%s（%s %s）：%s + %s", Param: "%s %s"}
}

func englishRubricShow() RubricShow {
	return RubricShow{Header: "%s (%s %s): %s + %s", Param: "%s=%s"}
}
