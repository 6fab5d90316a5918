package i18n

// ShowLanguage is kaohe rubric show's wording of the rubric language's
// parameters beyond the field names (DiffLanguage.Field has those): the
// name of a rule's bands, the word for its last band (the rest), and the
// name of a bonus's amount, which adds rather than deducts.
type ShowLanguage struct {
	Bands, Rest, BonusAmount string
}

func chineseShowLanguage() ShowLanguage {
	return ShowLanguage{Bands: "档次", Rest: "其余", BonusAmount: "加分"}
}

func englishShowLanguage() ShowLanguage {
	return ShowLanguage{Bands: "bands", Rest: "*", BonusAmount: "amount"}
}
