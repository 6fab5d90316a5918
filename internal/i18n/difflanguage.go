package i18n

// DiffLanguage is the wording of kaohe rubric diff for the rubric language:
// the names of the fields beyond the seed's, the grades and bands shown one
// by one as a standard is clause by clause, and the mark of a rule that
// becomes or stops being a 一票否决 (fmt formats where they take values).
type DiffLanguage struct {
	// Field names the fields the rubric language added.
	Field map[string]string
	// Grades heads the grade-by-grade comparison; Bands a rule's bands.
	Grades, Bands string
	// Grade is a grade with its lowest total (name, min); LastGrade one
	// without (name).
	Grade, LastGrade string
	// MinBand is a band by figure (min, unit, points); RestBand the last
	// (points); LabelBand a band by label (label, points).
	MinBand, RestBand, LabelBand string
	// VetoAdded, VetoRemoved and Veto mark a rule that became a 一票否决,
	// stopped being one, or is one that changed.
	VetoAdded, VetoRemoved, Veto string
	// Yes and No show a yes/no field's value (bonus, penalty, per_item).
	Yes, No string
}

func chineseDiffLanguage() DiffLanguage {
	return DiffLanguage{
		Field: map[string]string{
			"penalty": "扣分项", "limit": "限值", "from": "起点", "to": "终点", "range": "范围",
			"per_item": "按次",
		},
		Grades: "等次", Bands: "档次",
		Grade: "%s（总分不低于%s）", LastGrade: "%s（其余）",
		MinBand: "不低于%s%s：%s分", RestBand: "其余：%s分", LabelBand: "%s：%s分",
		VetoAdded: "改为一票否决", VetoRemoved: "不再一票否决", Veto: "一票否决",
		Yes: "是", No: "否",
	}
}

func englishDiffLanguage() DiffLanguage {
	return DiffLanguage{
		Field:  map[string]string{},
		Grades: "grades", Bands: "bands",
		Grade: "%s (total at least %s)", LastGrade: "%s (the rest)",
		MinBand: "at least %s%s: %s points", RestBand: "the rest: %s points", LabelBand: "%s: %s points",
		VetoAdded: "now a veto", VetoRemoved: "no longer a veto", Veto: "veto",
		Yes: "true", No: "false",
	}
}
