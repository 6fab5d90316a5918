package i18n

// ValueInput is the workbench's wording of how the rubric language's values
// are recorded with its few keys: a label band's labels by number, a veto
// as a flag, a list of amounts typed one per instance, a counted bonus as a
// count (fmt formats where they take values).
type ValueInput struct {
	// PickLabel is the help of the digits that pick a label band's label.
	PickLabel string
	// VetoKeys is the help of 0 and 1 on a veto.
	VetoKeys string
	// NoInstance is the help of 0 on a list rule: no instance.
	NoInstance string
	// TypeList is the help of the digits that start typing a list.
	TypeList string
	// Label is one numbered label in the hint: number, label, points.
	Label string
	// ListDeductions and ListBonuses end a list rule's hint: an example
	// (two amounts within its range).
	ListDeductions, ListBonuses string
	// Vetoed is a recorded veto's effect beside its hint in a rubric
	// without grades (with grades, the last grade's name).
	Vetoed string
	// NoSuchLabel refuses a number beyond a label band's labels: the
	// rule, the count, the numbered labels.
	NoSuchLabel string
}

func chineseValueInput() ValueInput {
	return ValueInput{
		PickLabel: "选择档次", VetoKeys: "无/一票否决→下一未记录",
		NoInstance: "无", TypeList: "逐件输入",
		Label:          "%d %s（%s分）",
		ListDeductions: "逐件填写，如 %s",
		ListBonuses:    "逐次填写，如 %s",
		NoSuchLabel:    "%s 只有 %d 档：%s",
		Vetoed:         "一票否决",
	}
}

func englishValueInput() ValueInput {
	return ValueInput{
		PickLabel: "pick the band", VetoKeys: "none/veto→next unrecorded",
		NoInstance: "none", TypeList: "type the amounts",
		Label:          "%d %s (%s)",
		ListDeductions: "one amount per instance, e.g. %s",
		ListBonuses:    "one amount per time, e.g. %s",
		NoSuchLabel:    "%s has %d bands only: %s",
		Vetoed:         "vetoed",
	}
}
