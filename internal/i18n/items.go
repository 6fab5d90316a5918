package i18n

// ItemWords is the wording of itemised findings: a count rule recorded as
// a list of items (缺少办事指南3个：殡葬、水土保持、人防), in kaohe item and
// in kaohe conflicts (fmt formats).
type ItemWords struct {
	// Subject names an item's revision subject in history: the rule.
	Subject string
	// Added: assessment, rule, the item's number, text, short ID.
	// Removed and Edited: assessment, rule, text, short ID.
	Added, Removed, Edited string
	// RuleNow: assessment, rule, how many items, the value they give.
	RuleNow string
	// None: assessment, assessment. NoneOn: assessment, rule.
	None, NoneOn string
	// Amount shows an item's own amount: the amount.
	Amount string
	// Duplicate marks an item whose text another item of the rule has.
	Duplicate string
	// Disagrees: assessment, rule, the plain value, how many items, the
	// value they give, assessment, rule.
	Disagrees string
	// Duplicates heads the list of possible duplicates in conflicts.
	Duplicates string
	// The workbench: Key helps the key that adds an item; Prompt precedes
	// its text; Required is the error of an empty one; AddedShort: text,
	// rule; RangeOnCLI: the rule whose items take an amount.
	Key, Prompt, Required, AddedShort, RangeOnCLI string
}

func chineseItems() ItemWords {
	return ItemWords{
		Subject:    "条目",
		Added:      "%s %s：已添加第 %d 项「%s」（%s）",
		Removed:    "%s %s：已移除「%s」（%s），历史中保留记录",
		Edited:     "%s %s：已修改为「%s」（%s），历史中保留原记录",
		RuleNow:    "%s %s 现有 %d 项，记为 %s",
		None:       "%s 没有逐项记录的条目（用 kaohe item add %s 规则 文字 添加）",
		NoneOn:     "%s %s 没有逐项记录的条目",
		Amount:     "%s分",
		Duplicate:  "可能重复",
		Disagrees:  "%s %s：直接记录的值 %s 与 %d 个条目得出的 %s 不一致；现按条目计分。请组长处理：kaohe resolve %s %s --pick items 以条目为准，或用 --value 记为条目得出的值，或移除条目",
		Duplicates: "可能重复的条目（文字相同，多来自两台电脑；不算冲突，请核对后移除多余的一项）：",
		Key:        "添加条目",
		Prompt:     "新条目：",
		Required:   "请输入发现的这一项（如 殡葬），回车添加，esc 取消",
		AddedShort: "已添加条目「%s」到 %s",
		RangeOnCLI: "%s 每项有自己的分值，请用 kaohe item add … --amount 添加",
	}
}

func englishItems() ItemWords {
	return ItemWords{
		Subject:    "item",
		Added:      "%s %s: added item %d %q (%s)",
		Removed:    "%s %s: removed %q (%s); its history stays",
		Edited:     "%s %s: changed to %q (%s); its history keeps the old one",
		RuleNow:    "%s %s now has %d items, recorded as %s",
		None:       "%s has no itemised findings (add one with kaohe item add %s RULE TEXT)",
		NoneOn:     "%s %s has no itemised findings",
		Amount:     "%s points",
		Duplicate:  "possible duplicate",
		Disagrees:  "%s %s: the value recorded on the rule, %s, disagrees with the %d items, which give %s; the items count for now. The lead settles it: kaohe resolve %s %s --pick items to keep the items, or --value with the items' value, or remove items",
		Duplicates: "Possible duplicates (the same text, most often from two laptops; not a conflict, check and remove the extra one):",
		Key:        "add item",
		Prompt:     "new item: ",
		Required:   "type the item found (e.g. 殡葬), enter adds it, esc cancels",
		AddedShort: "added item %q to %s",
		RangeOnCLI: "%s gives each item its own amount: add it with kaohe item add … --amount",
	}
}

// chineseItemRefusals words the store's refusals of items in Chinese,
// keyed by their English format (see chineseRefusals).
func chineseItemRefusals() map[string]string {
	return map[string]string{
		"--amount takes one amount, not %s":                                             "--amount 只能给一个分值，而不是 %s",
		"%s already lists the item %q (%s); give it another text, or edit that one":     "%s 已有条目 %q（%s）；请换一个说法，或修改那一项",
		"%s has %d items; there is no item number %s":                                   "%s 有 %d 个条目，没有第 %s 项",
		"give the item's number in the list or at least 4 characters of its ID, not %q": "请给出条目在列表中的序号，或其编号的至少 4 个字符，而不是 %q",
		"%s has no item %s": "%s 没有条目 %s",
		"%s matches %d items of %s; give more characters":                                                                      "%s 与 %[3]s 的 %[2]d 个条目相符；请多给几个字符",
		"%q is not an item subject (item/RULE/ID)":                                                                             "%q 不是条目的记录对象（应为 item/规则/编号）",
		"%s is a %s rule; only a count rule (每少1项, 每发现1次) is recorded as items":                                                "%s 是 %s 类规则；只有计数规则（每少1项、每发现1次）才能逐项记录",
		"%s: %q is not an item ID kaohe makes":                                                                                 "%s：%q 不是 kaohe 生成的条目编号",
		"%s: the item's record is not an item (a text and an amount)":                                                          "%s：该条目的记录不是条目（文字和分值）",
		"%s: an item needs a short text saying what was found":                                                                 "%s：条目需要一段简短文字，说明发现了什么",
		"%s: the item's text is %d characters long; an item holds at most %d (put the rest in its note)":                       "%s：条目文字有 %d 个字，最多 %d 个字（其余请写在条目备注里）",
		"%s: an item's text is one line without control characters":                                                            "%s：条目文字须为一行，不能含控制字符",
		"%s %s: its %d items give %s, and %s would still disagree with them; keep the items, record %s, or remove items first": "%s %s：%d 个条目得出 %s，%s 仍与条目不一致；请以条目为准，或记为 %s，或先移除条目",
		"%s has no range of amounts; its items take no amount (each counts %s)":                                                "%s 没有分值区间，条目不带分值（每项扣 %s 分）",
		"%s gives each item its own amount between %s and %s; give the item its amount":                                        "%s 每项的分值在 %s 到 %s 之间，请给出该条目的分值",
	}
}
