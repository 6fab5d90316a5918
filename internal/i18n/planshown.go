package i18n

// PlanShown words the plan's and the self-assessment's records where a
// history or a conflict shows them (fmt formats).
type PlanShown struct {
	// Assigned: the categories, joined. Unassigned: no category.
	Assigned, Unassigned string
	// Double: the two inspectors, joined. Revealed: the reveal.
	Double, Revealed string
	// Self: the score claimed.
	Self string
	// Joiner joins names and categories.
	Joiner string
}

func chinesePlanShown() PlanShown {
	return PlanShown{Assigned: "分工：类别 %s", Unassigned: "分工：无", Double: "背靠背评分：%s", Revealed: "背靠背评分已揭示", Self: "自评 %s 分", Joiner: "、"}
}

func englishPlanShown() PlanShown {
	return PlanShown{Assigned: "assigned categories %s", Unassigned: "assigned nothing", Double: "blind double scoring: %s", Revealed: "blind scores revealed", Self: "self-assessed %s points", Joiner: ", "}
}
