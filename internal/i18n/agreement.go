package i18n

// Agreement holds the words of the check, in rubric validate and rubric
// add, that a rubric's numbers agree with its own words (fmt formats).
type Agreement struct {
	// Clause and Content word one mismatch: the rule's or indicator's ID,
	// the field's name, the rubric's number, the words saying another —
	// of the rule's clause, or of the indicator's 考核内容.
	Clause, Content string
	// Title words a category's points against its title (主要工作): the
	// same arguments.
	Title string
	// Field names a field by its YAML key (amount, target, step, cap,
	// limit, range, points, a band's min, a linear rule's from and to).
	Field map[string]string
	// Found ends validate's list: file, count.
	Found string
	// Refused is rubric add without --allow-mismatch: file, count.
	Refused string
	// Allowed is rubric add with it: count.
	Allowed string
	// NewRefused is kaohe new --rubric FILE with mismatches: file, count.
	NewRefused string
}

func chineseAgreement() Agreement {
	return Agreement{
		Clause:  "%s %s %s，但条款写“%s”",
		Content: "%s %s %s，但考核内容写“%s”",
		Title:   "%s %s %s，但主要工作写“%s”",
		Field: map[string]string{"amount": "扣分", "target": "目标", "step": "步长", "cap": "封顶",
			"limit": "上限", "range": "范围", "points": "分值", "min": "档次起点", "from": "起点", "to": "终点"},
		Found:      "%s：%d 处数字与条款文字不符（见上）：请改正数字或文字",
		Refused:    "%s：%d 处数字与条款文字不符，未存入：请改正，或加 --allow-mismatch 照样存入（不符之处随评分表一并记录）",
		Allowed:    "按 --allow-mismatch 存入：%d 处数字与条款文字不符，已随评分表记录",
		NewRefused: "%s：%d 处数字与条款文字不符，未建立考核：请改正，或先用 kaohe rubric add --allow-mismatch 存入，再用 --rubric-id 建立",
	}
}

func englishAgreement() Agreement {
	return Agreement{
		Clause:  "%s %s %s, but the clause says “%s”",
		Content: "%s %s %s, but the content says “%s”",
		Title:   "%s %s %s, but the title says “%s”",
		Field: map[string]string{"amount": "amount", "target": "target", "step": "step", "cap": "cap",
			"limit": "limit", "range": "range", "points": "points", "min": "band min", "from": "from", "to": "to"},
		Found:      "%s: numbers that disagree with the words: %d (listed above); correct the number or the words",
		Refused:    "%s: numbers that disagree with the words: %d; not stored: correct them, or give --allow-mismatch to store it anyway (the mismatches are recorded with the rubric)",
		Allowed:    "stored with --allow-mismatch; numbers that disagree with the words: %d, recorded with the rubric",
		NewRefused: "%s: numbers that disagree with the words: %d; no assessment created: correct them, or store it with kaohe rubric add --allow-mismatch and create it with --rubric-id",
	}
}
