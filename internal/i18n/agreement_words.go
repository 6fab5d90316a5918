package i18n

// AgreementWords is the wording of kaohe agreement's table.
type AgreementWords struct {
	// The column heads; None is said when no two inspectors recorded the
	// same rule of the same unit.
	Indicator, Pair, Units, Same, MeanDiff, Kappa, ICC, None string
}

func chineseAgreementWords() AgreementWords {
	return AgreementWords{Indicator: "指标", Pair: "考核人员", Units: "单位数", Same: "一致率", MeanDiff: "平均分差", Kappa: "加权κ（数）", ICC: "ICC（数）",
		None: "没有两名考核人员对同一单位的同一规则都有记录"}
}

func englishAgreementWords() AgreementWords {
	return AgreementWords{Indicator: "indicator", Pair: "inspectors", Units: "units", Same: "same", MeanDiff: "mean diff", Kappa: "kappa (n)", ICC: "ICC (n)",
		None: "no two inspectors recorded the same rule of the same unit"}
}

// chineseAgreementHelpTexts words kaohe agreement's help in Chinese.
func chineseAgreementHelpTexts() map[string]string {
	return map[string]string{
		"How far inspectors who scored the same units agree, per indicator, worst first": "同一单位由多名考核人员评分时的一致程度，按指标列出，最差的在前",
		"For every pair of inspectors who recorded the same rules of the same units: the share of equal values, the mean difference of the deductions, " +
			"and Cohen's linearly weighted kappa (flags and counts) or the intraclass correlation ICC(2,1) (figures). " +
			"The values are what each inspector recorded before any conflict was settled.": "对同一单位同一规则都有记录的每两名考核人员：记录相同的比例、扣分的平均差，" +
			"以及线性加权 Cohen κ（是否项、计数项）或组内相关系数 ICC(2,1)（数值项）。" +
			"所比较的是各人在冲突处理之前记录的值。",
		"only the assessments of this period": "只统计该年度的考核",
	}
}
