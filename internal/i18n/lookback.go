package i18n

// LookbackWords is the wording of 回头看: what next year's assessment of a
// unit shows of the problems found in its last signed period, and the mark
// of a problem closed then and found again (反弹).
type LookbackWords struct {
	// Earlier heads the list of last period's problems on an indicator
	// ("上年问题：").
	Earlier string
	// Relapse marks a deduction that repeats a problem closed last period;
	// RelapseOf says which: the earlier period, the problem's ID and what
	// was found.
	Relapse, RelapseOf string
	// Unmapped heads last period's problems whose indicator no longer
	// exists: the earlier period.
	Unmapped string
	// State names a problem's state (open, rectifying, returned, closed,
	// withdrawn) in its brackets: "（已销号）".
	State map[string]string
	// Open, Close bracket a state after a problem; Sep separates the
	// problems of a list.
	Open, Close, Sep string
}

func chineseLookback() LookbackWords {
	return LookbackWords{
		Earlier:   "上年问题：",
		Relapse:   "反弹",
		RelapseOf: "反弹：%s年 %s %s 已销号，本年再次扣分",
		Unmapped:  "%s年问题（本年指标已不存在）",
		State: map[string]string{"open": "待整改", "rectifying": "整改中", "returned": "退回",
			"closed": "已销号", "withdrawn": "已撤销"},
		Open: "（", Close: "）", Sep: "；",
	}
}

func englishLookback() LookbackWords {
	return LookbackWords{
		Earlier:   "Last period's problems: ",
		Relapse:   "relapse",
		RelapseOf: "relapse: %s %s %s was closed and deducts again",
		Unmapped:  "%s problems whose indicator no longer exists",
		State: map[string]string{"open": "open", "rectifying": "rectifying", "returned": "returned",
			"closed": "closed", "withdrawn": "withdrawn"},
		Open: " (", Close: ")", Sep: "; ",
	}
}

// StateOf names a problem's state, the state itself when it has no name.
func (w LookbackWords) StateOf(status string) string {
	if s, ok := w.State[status]; ok {
		return s
	}
	return status
}
