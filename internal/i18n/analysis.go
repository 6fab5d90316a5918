package i18n

// Analysis is the wording of what the office writes in its 通报 by hand
// from the ranking: the 共性问题 (where every unit lost points), the
// comparison with an earlier period (同比), and how close each rank is
// (名次差距). Formats are fmt formats; their arguments are named beside.
type Analysis struct {
	// CommonTitle heads the 共性问题 sheet and section; its columns are
	// Order, the indicator (Labels.Indicator), Content, Lost (points lost
	// by all units together), UnitsLost (units that lost any) and Typical.
	CommonTitle, Order, Lost, UnitsLost, Typical string
	// TypicalCount: a finding's text, the units it was written for.
	TypicalCount string
	// NoCommon says no unit lost points anywhere.
	NoCommon string
	// MarginTitle heads the 名次差距 sheet and section.
	MarginTitle string
	// Margin: upper unit, its total, lower unit, its total, the margin.
	Margin string
	// Sep joins the parts of a margin's line.
	Sep string
	// Effect follows a change: what it moves the unit's total by, signed.
	Effect string
	// Swaps: the change that swaps the pair. SwapTogether: the changes.
	Swaps, SwapTogether string
	// NoSingle and NoneSwaps say no single change, or none at all, swaps
	// the pair.
	NoSingle, NoneSwaps string
	// VetoedBelow: the lower unit, ranked below by a veto.
	VetoedBelow string
	// NoPairs says a period has one unit only.
	NoPairs string
	// PeriodHeading: the period, before its sections when a report covers
	// several.
	PeriodHeading string
	// The summary screen's short lines: Pair: upper unit, lower unit, the
	// margin; Together: the first change of a set, how many more.
	// AllPairs heads every pair of a period: the period; ClosestPairs the
	// closest few: the period, how many.
	Pair, Together, AllPairs, ClosestPairs string

	// CompareTitle heads the year-over-year sheet and section; Heading:
	// this period, the earlier one.
	CompareTitle, CompareHeading string
	// TotalIn and RankIn head a period's total and rank: the period.
	TotalIn, RankIn string
	// Change heads a change of total; RankChange a change of rank;
	// CategoryChange a category's: its ID.
	Change, RankChange, CategoryChange string
	// RankUp and RankDown: places; RankSame: no change.
	RankUp, RankDown, RankSame string
	// SameRubric: the rubric. RubricChanged: this period's rubric, the
	// earlier one's.
	SameRubric, RubricChanged string
	// OnlyIn: the period, its units assessed in it only.
	OnlyIn string
	// IndicatorsOnly and CategoriesOnly: the period that has them, the one
	// that has not, the list.
	IndicatorsOnly, CategoriesOnly string
	// NotAlike: a category whose indicators differ between the periods.
	NotAlike string
	// None marks a figure the other period has no counterpart for.
	None string
}

func chineseAnalysis() Analysis {
	return Analysis{
		CommonTitle: "共性问题", Order: "序号", Lost: "失分合计", UnitsLost: "失分单位数", Typical: "典型问题",
		TypicalCount:  "%s（%d个单位）",
		NoCommon:      "各单位均未失分",
		MarginTitle:   "名次差距",
		Margin:        "%s %s 与 %s %s 相差 %s",
		Sep:           "；",
		Effect:        "（%s）",
		Swaps:         "%s即可互换名次",
		SwapTogether:  "以下各项合计改变可互换名次：%s",
		NoSingle:      "没有哪一项记录的改变能单独互换名次",
		NoneSwaps:     "改变已记录的各项也不能互换名次",
		VetoedBelow:   "%s因一票否决排在其后",
		NoPairs:       "本期只有一个单位，无名次差距",
		PeriodHeading: "%s年度",
		Pair:          "%s/%s 相差 %s：",
		Together:      "%s 等%d项合计",
		AllPairs:      "%s年度名次差距",
		ClosestPairs:  "%s年度名次差距（最接近的%d对）",

		CompareTitle:   "同比",
		CompareHeading: "%s与%s比较",
		TotalIn:        "总分（%s）",
		RankIn:         "名次（%s）",
		Change:         "增减",
		RankChange:     "名次升降",
		CategoryChange: "%s 增减",
		RankUp:         "上升%d位",
		RankDown:       "下降%d位",
		RankSame:       "持平",
		SameRubric:     "两期考核指标相同（%s）",
		RubricChanged:  "两期考核指标不同（%s 与 %s），指标按文字对应（与 kaohe rubric diff 相同）",
		OnlyIn:         "仅%s有考核的单位：%s",
		IndicatorsOnly: "%s有而%s没有对应的指标：%s",
		CategoriesOnly: "%s有而%s没有对应的类别：%s",
		NotAlike:       "类别 %s 两期所含指标不同，增减仅供参考",
		None:           "—",
	}
}

func englishAnalysis() Analysis {
	return Analysis{
		CommonTitle: "Common problems", Order: "No.", Lost: "Points lost", UnitsLost: "Units losing", Typical: "Typical findings",
		TypicalCount:  "%s (%d units)",
		NoCommon:      "no unit lost points",
		MarginTitle:   "How close each rank is",
		Margin:        "%s %s vs %s %s: %s",
		Sep:           "; ",
		Effect:        " (%s)",
		Swaps:         "%s swaps them",
		SwapTogether:  "together %s swap them",
		NoSingle:      "no single finding swaps them",
		NoneSwaps:     "no change of recorded findings swaps them",
		VetoedBelow:   "%s ranks below by a veto",
		NoPairs:       "one unit in the period: no margins",
		PeriodHeading: "period %s",
		Pair:          "%s/%s %s apart: ",
		Together:      "%s and %d more together",
		AllPairs:      "How close the ranks of %s are",
		ClosestPairs:  "The %[2]d closest ranks of %[1]s",

		CompareTitle:   "Year over year",
		CompareHeading: "%s against %s",
		TotalIn:        "Total (%s)",
		RankIn:         "Rank (%s)",
		Change:         "Change",
		RankChange:     "Rank change",
		CategoryChange: "%s change",
		RankUp:         "up %d",
		RankDown:       "down %d",
		RankSame:       "same",
		SameRubric:     "same rubric in both periods (%s)",
		RubricChanged:  "the periods' rubrics differ (%s and %s); indicators matched by their words, as kaohe rubric diff matches them",
		OnlyIn:         "units assessed in %s only: %s",
		IndicatorsOnly: "indicators in %s with no counterpart in %s: %s",
		CategoriesOnly: "categories in %s with no counterpart in %s: %s",
		NotAlike:       "category %s holds other indicators in the two periods: its change is indicative",
		None:           "—",
	}
}

// chineseAnalysisRefusals words in Chinese the refusals of a comparison
// with an earlier period, keyed by their English format (see
// chineseRefusals).
func chineseAnalysisRefusals() map[string]string {
	return map[string]string{
		"a comparison needs a report of one period; give --period":                  "同比需要只含一个年度的报表：请用 --period 指定年度",
		"no assessment of period %s to compare with (kaohe list shows the periods)": "没有 %s 年度的考核可供比较（kaohe list 列出各年度）",
		"period %s is assessed under several rubrics (%s); a comparison needs one":  "%s 年度的考核用了几套考核指标（%s），无法比较",
		"compare with another period than %s":                                       "请与 %s 以外的年度比较",
	}
}
