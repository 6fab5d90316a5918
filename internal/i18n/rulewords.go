package i18n

// RuleWords holds the wording of the rubric language beyond the seed's
// kinds (fmt formats): grades and vetoes where totals are shown, what a
// band, veto, excess, linear, range or per-item rule accepts and does, and
// what is wrong with a value for one.
type RuleWords struct {
	// Grade names the 等次; GradeIs shows one: the grade.
	Grade, GradeIs string
	// Vetoed says an assessment was failed by veto rules: the rules, each
	// "ID label", joined by VetoSep.
	Vetoed, VetoSep string
	// VetoRank is the ranking's remark for a vetoed unit: the rules.
	VetoRank string
	// Penalty names the deductions of the penalty categories (扣分项).
	Penalty string
	// PenaltySuffix is a penalty category's heading after its title: its
	// cap, or PenaltyUncapped.
	PenaltySuffix, PenaltyUncapped string
	// NotAList: typed, allowed. OutOfRange: amount, range, allowed.
	// UnknownLabel: typed, the labels.
	NotAList, OutOfRange, UnknownLabel string
	// AllowedList: lowest, highest. AllowedLabel: the labels.
	// AllowedFigure, AllowedFigureMax: the largest.
	AllowedList, AllowedLabel, AllowedFigure, AllowedFigureMax string
	// LabelSep joins labels; BandSep joins bands in a hint.
	LabelSep, BandSep string
	// Hints: HintBandMin one min band (figure with unit, points);
	// HintBandRest the last (points); HintBandLabel one label band (label,
	// points); HintVeto; HintExcess (limit with unit, step with unit,
	// amount); HintLinear (from, from, to, each with unit), HintStake a
	// linear rule's own points;
	// HintCountRange (unit, lowest, highest); HintBonusPerItem (unit,
	// amount); HintBonusRange (lowest, highest).
	HintBandMin, HintBandRest, HintBandLabel, HintVeto, HintExcess, HintLinear, HintStake string
	HintCountRange, HintBonusPerItem, HintBonusRange                                      string
	// HintBonusCap is a bonus rule\'s cap: the most it adds.
	HintBonusCap string
	// ExplainBand: band number, its points, the stake. ExplainLinear:
	// from, to (with unit), stake. ExplainVeto: the rule and label, value.
	ExplainBand, ExplainLinear, ExplainVeto string
}

func chineseRuleWords() RuleWords {
	return RuleWords{
		Grade: "等次", GradeIs: "等次：%s",
		Vetoed: "一票否决：%s", VetoSep: "；",
		VetoRank: "一票否决（%s），排在未被否决的单位之后",
		Penalty:  "扣分项", PenaltySuffix: "（扣分项，最多扣%s分）", PenaltyUncapped: "（扣分项，不设上限）",
		NotAList:     "%s 不是逐次记录的分数列表；应为%s",
		OutOfRange:   "分数 %s 超出范围 %s；应为%s",
		UnknownLabel: "“%s”不是本项的档次；可选：%s",
		AllowedList:  "逐次记录的分数，每个在 %s–%s 之间，用逗号分隔（如 2,3.5；没有则填 []）",
		AllowedLabel: "以下之一：%s", AllowedFigure: "不小于 0 的数", AllowedFigureMax: "0 至 %s 的数",
		LabelSep: "、", BandSep: " / ",
		HintBandMin: "≥%s %s分", HintBandRest: "其余 %s分", HintBandLabel: "%s %s",
		HintVeto:   "一票否决（等次为末等，排名在后）",
		HintExcess: "超过%s后每%s扣%s分",
		HintLinear: "低于%s不得分，%s–%s线性", HintStake: "（%s分）",
		HintCountRange:   "每%s扣%s–%s分",
		HintBonusPerItem: "每%s加%s分", HintBonusRange: "每次加%s–%s分", HintBonusCap: "最多加%s分",
		ExplainBand:   "第%d档 %s分，满分%s分",
		ExplainLinear: "%s–%s线性，满分%s分",
		ExplainVeto:   "%s=%s → 一票否决",
	}
}

func englishRuleWords() RuleWords {
	return RuleWords{
		Grade: "Grade", GradeIs: "grade: %s",
		Vetoed: "vetoed: %s", VetoSep: "; ",
		VetoRank: "vetoed (%s): ranked below every unit not vetoed",
		Penalty:  "Penalties", PenaltySuffix: " (penalties, at most %s)", PenaltyUncapped: " (penalties, uncapped)",
		NotAList:     "%s is not a list of amounts, one per instance; expected %s",
		OutOfRange:   "amount %s is outside %s; expected %s",
		UnknownLabel: "%q is not one of this rule's bands; choose %s",
		AllowedList:  "one amount per instance, each from %s to %s, separated by commas (such as 2,3.5; [] for none)",
		AllowedLabel: "one of %s", AllowedFigure: "a number ≥ 0", AllowedFigureMax: "a number from 0 to %s",
		LabelSep: ", ", BandSep: " / ",
		HintBandMin: "≥%s %s", HintBandRest: "else %s", HintBandLabel: "%s %s",
		HintVeto:   "veto (last grade, ranked last)",
		HintExcess: "above %s, per %s: %s",
		HintLinear: "none below %s, linear %s–%s", HintStake: " (%s pts)",
		HintCountRange:   "per %s: %s–%s",
		HintBonusPerItem: "per %s: +%s", HintBonusRange: "each +%s–%s", HintBonusCap: "up to +%s",
		ExplainBand:   "band %d, %s of %s",
		ExplainLinear: "linear %s–%s, of %s",
		ExplainVeto:   "%s=%s → vetoed",
	}
}
