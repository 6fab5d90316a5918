package i18n

// PlanWords is the wording of the lead's plan for a visit (分工, kaohe
// plan), of kaohe coverage and of the workbench's marks of an
// inspector's assignment (fmt formats where noted).
type PlanWords struct {
	// Assigned: inspector, categories; Removed: inspector.
	Assigned, Removed string
	// DoubleSet: the two inspectors; RevealedNow: the reveal recorded.
	DoubleSet, RevealedNow string
	// Created: assessment (made for the plan, nothing recorded yet);
	// Unchanged: assessment.
	Created, Unchanged string
	// Sep joins names and categories; Or joins two leads' plans.
	Sep, Or string
	// NoPlan: a unit without assignments; CategoriesOf: the categories
	// joined; NoCategories: an empty assignment.
	NoPlan, CategoriesOf, NoCategories string
	// Conflict: two leads' plans meeting, the plans.
	Conflict string
	// DoubleBlind, DoubleRevealed: the two inspectors.
	DoubleBlind, DoubleRevealed string

	// Coverage. TotalLine: recorded, indicators, unassigned; TotalDouble:
	// doubly covered; TotalOutside: writes outside assignments.
	TotalLine, TotalDouble, TotalOutside string
	// The columns.
	AssignedTo, RecordedBy, Remarks string
	// An indicator's flags; Outside: inspector, writes.
	Unassigned, NotRecorded, DoubleCovered, Outside string

	// Workbench. Mine replaces the leading space of the inspector's own
	// indicators in the navigator; NotMine heads an indicator outside
	// their assignment (their categories); Blind says the other double
	// scorer's values are hidden (the status line), BlindMark the same in
	// the header.
	Mine, NotMine, Blind, BlindMark string

	// History and conflicts: PlanSubject names an inspector's
	// assignment (the inspector); DoubleSubject and RevealSubject the
	// blind double scoring and its reveal.
	PlanSubject, DoubleSubject, RevealSubject string
	// HintResolve follows the refusal of a plan change over two leads'
	// plans in conflict (begins with its separator).
	HintResolve string
}

func chinesePlan() PlanWords {
	return PlanWords{
		Assigned: "%s 负责类别 %s", Removed: "%s 不再有分工",
		DoubleSet: "%s 与 %s 背靠背评分（组长揭示前互不可见）", RevealedNow: "背靠背评分已揭示，两人可以看到对方的结果",
		Created: "%s：已新建考核（尚无记录）", Unchanged: "%s：分工没有变化",
		Sep: "、", Or: "；", NoPlan: "（没有分工）", CategoriesOf: "类别 %s", NoCategories: "（无类别）",
		Conflict:    "冲突（两位组长的分工不同：%s）",
		DoubleBlind: "背靠背：%s、%s（未揭示）", DoubleRevealed: "背靠背：%s、%s（已揭示）",
		TotalLine: "%d/%d 已记录，%d 项未分配", TotalDouble: "，%d 项多人覆盖（未设背靠背）", TotalOutside: "，%d 次记录超出分工",
		AssignedTo: "分工", RecordedBy: "记录人", Remarks: "情况",
		Unassigned: "未分配", NotRecorded: "未记录", DoubleCovered: "多人覆盖", Outside: "超出分工：%s %d 次",
		Mine: ">", NotMine: "不在我的分工内（我负责类别 %s），仍可记录", Blind: "背靠背评分：对方结果已隐藏，待组长揭示", BlindMark: "背靠背·对方已隐藏",
		PlanSubject: "分工 %s", DoubleSubject: "背靠背评分", RevealSubject: "揭示背靠背",
		HintResolve: "（两位组长的分工不同；kaohe plan list 查看双方，再在本命令后加 --resolve 以这次的分工为准）",
	}
}

func englishPlan() PlanWords {
	return PlanWords{
		Assigned: "%s scores categories %s", Removed: "%s is off the plan",
		DoubleSet: "%s and %s score blind (neither sees the other's values until the lead reveals them)", RevealedNow: "the blind double scoring is revealed: each sees the other's values",
		Created: "%s: assessment made (nothing recorded yet)", Unchanged: "%s: the plan is unchanged",
		Sep: ", ", Or: "; ", NoPlan: "(no plan)", CategoriesOf: "categories %s", NoCategories: "(no categories)",
		Conflict:    "conflict (two leads' plans differ: %s)",
		DoubleBlind: "blind: %s, %s (not revealed)", DoubleRevealed: "blind: %s, %s (revealed)",
		TotalLine: "%d/%d recorded, %d unassigned", TotalDouble: ", %d covered by several without a double scoring", TotalOutside: ", %d writes outside assignments",
		AssignedTo: "Assigned", RecordedBy: "Recorded by", Remarks: "Remarks",
		Unassigned: "unassigned", NotRecorded: "not recorded", DoubleCovered: "covered by several", Outside: "outside the assignment: %s %d",
		Mine: ">", NotMine: "not in my assignment (I score categories %s); still writable", Blind: "blind double scoring: the other's values are hidden until the lead reveals them", BlindMark: "blind·other hidden",
		PlanSubject: "plan %s", DoubleSubject: "blind double scoring", RevealSubject: "reveal",
		HintResolve: " (two leads' plans differ; kaohe plan list shows both, then add --resolve to this command to settle them with this plan)",
	}
}

// chinesePlanWords words the messages of kaohe plan and kaohe coverage,
// keyed by their English format as refusals.go's are.
func chinesePlanWords() map[string]string {
	return map[string]string{
		"name the categories with --categories (such as 1,2,3; an empty list takes the inspector off the plan)": "请用 kaohe plan assign … --categories 1,2,3 指明类别（给空列表则取消此人的分工）",
		"the rubric lists no units and %s has no assessments: name the units with --units":                      "考核指标未列出单位，%s 也还没有考核：请用 --units 指明单位",
		"give the period with --period (the assessments are of %s)":                                             "请用 --period 指明年度（现有考核的年度：%s）",
		"%s has no assessment of %s":            "%s 没有 %s 年度的考核",
		"%s: no blind double scoring to reveal": "%s：没有可揭示的背靠背评分",
		"%s/%s is withdrawn: it takes no plan":  "%s/%s 已撤回，不能分工",
		"no assessments of %s":                  "没有 %s 年度的考核",
	}
}

// chinesePlanHelpTexts words kaohe plan's and kaohe coverage's help.
func chinesePlanHelpTexts() map[string]string {
	return map[string]string{
		"The lead's plan for the visit (分工): who scores which categories of which units, and blind double scoring":                      "组长的分工：谁负责哪些单位的哪些类别，以及背靠背双人评分",
		"assign INSPECTOR --categories C,… [--units U,…] [--period P]":                                                                  "assign 考核人员 --categories 类别,… [--units 单位,…] [--period 年度]",
		"Assign categories of the rubric to an inspector on some units (all of them when not named); assessments not made yet are made": "把考核指标的若干类别分给一名考核人员，可指定单位（不指定则为全部单位）；尚未建立的考核随之建立",
		"the rubric's categories assigned, by ID, comma-separated":                                                                      "分配的`类别`编号，用逗号分隔",
		"settle two leads' different plans for this inspector with this one":                                                            "两位组长给此人的分工不同时，以这次的为准",
		"double INSPECTOR INSPECTOR [--units U,…] [--period P]":                                                                         "double 考核人员 考核人员 [--units 单位,…] [--period 年度]",
		"Have two inspectors score units blind (双人背靠背): neither sees the other's values until the lead reveals them":                    "两名考核人员对单位背靠背评分：组长揭示前互相看不到对方的结果",
		"reveal UNIT… [--period P]": "reveal 单位… [--period 年度]",
		"Reveal a blind double scoring: its two inspectors see each other's values":                            "揭示背靠背评分：两名考核人员可以看到对方的结果",
		"the period (default: the one period of the assessments)":                                              "`年度`（默认：现有考核的唯一年度）",
		"list [--period P] [--json]":                                                                           "list [--period 年度] [--json]",
		"List the plan per unit: inspector → categories, blind double scoring, conflicts between leads' plans": "按单位列出分工：考核人员 → 类别、背靠背评分、组长分工之间的冲突",
		"only this period": "只列出这个`年度`",
		"the units, comma-separated (default: the rubric's units and every unit assessed in the period)": "`单位`，用逗号分隔（默认：考核指标列出的单位及该年度已有考核的单位）",
		"the period (default: the one period of the assessments, else the rubric's year)":                "`年度`（默认：现有考核的唯一年度，否则为考核指标的年度）",
		"coverage [--period P] [--json]": "coverage [--period 年度] [--json]",
		"Per unit and indicator: who is assigned, who recorded; unassigned, doubly covered, not yet recorded, written outside an assignment": "按单位和指标列出：分给谁、谁记录了；未分配、多人覆盖、尚未记录、超出分工的记录",
		"print JSON": "输出 JSON",
	}
}
