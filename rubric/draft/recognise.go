package draft

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// reading is what the patterns made of one clause.
type reading struct {
	pattern string // the pattern that matched, "" for none
	kind    rubric.Kind
	amount  *decimal.Dec
	target  *decimal.Dec
	step    *decimal.Dec
	cap     *decimal.Dec // a cap the clause itself states (酌情扣1-3分)
	unit    string
	items   []string // one rule per item (EachItem)
	// allPoints: the deduction is the indicator's points (不得分)
	allPoints bool
	review    string
	rng       []decimal.Dec // a count's or bonus's per-instance range
	perItem   bool          // a bonus per occurrence
	limit     *decimal.Dec  // an excess rule's ceiling
	from, to  *decimal.Dec  // a linear rule's figures
	toGuessed bool          // to is not in the words (100% assumed)
	matched   string        // the words the pattern matched
	bands     []bandSpec    // a band rule's bands
	// itemTargets are the targets of items read from 考核内容 (镇级…至少1次，
	// 村级…至少2次), one per entry of items.
	itemTargets []decimal.Dec
}

var (
	// contentTarget finds a target figure in 考核内容 (不少于4次, 达到90%以上).
	contentTarget = regexp.MustCompile(`(?:` + below + `)(?:[^，；。0-9０-９一二两三四五六七八九十]{0,4}?)(?P<target>` + big + `)(?P<tunit>` + measure + `)`)
	// contentPercent finds a percentage in 考核内容.
	contentPercent = regexp.MustCompile(`(?P<target>` + num + `)[%％]`)
	// otherDeduction is a deduction worded without a bare 扣.
	otherDeduction = regexp.MustCompile(`(?:扣减|扣除|减去|减少|减)((?:` + num + `)分)`)
	// periodEach is 每 before a period word, not before a deduction.
	periodEach = regexp.MustCompile(`每(年|半年|季度|季|月|周)`)
	// belowAtEnd is the target verb just before a captured target.
	belowAtEnd = regexp.MustCompile(`(?:` + below + `)$`)
	// commaDeduction is a deduction after a comma (每减少1个百分点，扣1分):
	// the comma does not separate what is counted from what is deducted.
	commaDeduction = regexp.MustCompile(`[，,](?:则|再|即)?扣`)
	// contentLimit finds an excess rule's ceiling in 考核内容 (不高于5%).
	contentLimit = regexp.MustCompile(`(?:不超过|不高于|不多于|控制在|低于|少于)(?P<limit>` + big + `)(?P<tunit>` + measure + `)`)
)

// normUnit spells the percent units one way.
func normUnit(u string) string {
	switch u {
	case "％", "百分点", "个百分点":
		return "%"
	}
	return u
}

// recognise reads one clause (without its cap) with the first pattern that
// matches it; content is the indicator's 考核内容, where some targets are.
func recognise(pats []Pattern, core, content string) reading {
	// Spaces carry no meaning in Chinese text but split figures from their
	// units in text saved from Word ("扣 0.5 分"): read without them.
	core, content = withoutSpaces(core), withoutSpaces(content)
	// 减0.5分, 扣减0.5分 and 扣除0.5分 say 扣0.5分.
	core = otherDeduction.ReplaceAllString(core, "扣$1")
	// 每年, 每季度, 每月 name a period, not a count: 每年开展1次培训，未开展的
	// 扣1分 is a fixed deduction.
	core = periodEach.ReplaceAllString(core, "按$1")
	core = commaDeduction.ReplaceAllString(core, "扣")
	for _, p := range pats {
		m := p.Re.FindStringSubmatchIndex(core)
		if m == nil {
			continue
		}
		group := func(name string) string {
			i := p.Re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return ""
			}
			return core[m[2*i]:m[2*i+1]]
		}
		rd := reading{pattern: p.Name, kind: p.Kind, unit: normUnit(group("unit")), review: p.Review, allPoints: p.AllPoints,
			matched: core[m[0]:m[1]]}
		number := func(name string) *decimal.Dec {
			s := group(name)
			if s == "" {
				return nil
			}
			d, ok := parseNumber(s)
			if !ok {
				rd.review = fmt.Sprintf("无法读取数字 %q", s)
				return nil
			}
			return &d
		}
		rd.amount = number("amount")
		rd.target = number("target")
		rd.step = number("step")
		rd.cap = number("cap")
		rd.limit = number("limit")
		rd.from = number("from")
		rd.to = number("to")
		rd.perItem = p.PerItem
		if lo, hi := number("lo"), number("hi"); lo != nil && hi != nil {
			rd.rng = []decimal.Dec{*lo, *hi}
		}
		tunit := normUnit(group("tunit"))
		if p.Bands {
			bs, review, ok := bandsOf(core, p.Name == "band-label")
			if !ok {
				continue
			}
			rd.bands, rd.review = bs, review
			if p.Name == "band-figure" {
				rd.unit = "%"
			}
			return rd
		}
		if ok := readLanguage(p, &rd, content); !ok {
			continue
		}
		if p.TargetFromContent {
			switch p.Kind {
			case rubric.Shortfall:
				ts := targetsInContent(content, rd.unit)
				if len(ts) == 0 {
					continue // no target to fall short of: another pattern reads it
				}
				t, ok := ts[0].value, true
				if len(ts) > 1 {
					t, ok = targetFor(ts, core)
				}
				if !ok {
					// One clause for several targets (镇级…至少1次，村级…至少2次):
					// one rule per target, named by its words.
					for _, tg := range ts {
						rd.items = append(rd.items, tg.label)
						rd.itemTargets = append(rd.itemTargets, tg.value)
					}
					t = ts[0].value
				}
				rd.target, tunit = &t, rd.unit
			case rubric.Ratio:
				all := contentPercent.FindAllStringSubmatch(content, -1)
				if len(all) == 0 {
					continue
				}
				if t, ok := parseNumber(all[0][1]); ok {
					rd.target = &t
				}
				if len(all) > 1 {
					rd.review = fmt.Sprintf("考核内容有 %d 个百分比，取了第一个（%s%%）：请核对 target", len(all), all[0][1])
				}
			}
		}
		if p.Kind == rubric.Shortfall && tunit != "" && rd.unit != "" && tunit != rd.unit {
			rd.review = fmt.Sprintf("目标的单位（%s）和每少的单位（%s）不同：请核对 target 和 step", tunit, rd.unit)
		}
		if p.Kind == rubric.Ratio || (p.Kind == rubric.Shortfall && rd.unit == "%") {
			rd.unit = "%"
		}
		if p.EachItem {
			rd.items = listedItems(core[:m[2*p.Re.SubexpIndex("target")]])
		}
		return rd
	}
	return reading{kind: rubric.Discretion, review: unrecognised}
}

// withoutSpaces drops every white-space character.
func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// contentFigure is one target of 考核内容 with the words of its phrase
// before it (镇级每季度至少开展), which name it when there are several.
type contentFigure struct {
	value decimal.Dec
	unit  string
	label string
}

// targetsInContent finds the targets in 考核内容 stated in unit ("" for
// any unit), each once.
func targetsInContent(content, unit string) []contentFigure {
	var out []contentFigure
	seen := map[decimal.Dec]bool{}
	for _, m := range contentTarget.FindAllStringSubmatchIndex(content, -1) {
		u := normUnit(content[m[4]:m[5]])
		if unit != "" && u != unit {
			continue
		}
		t, ok := parseNumber(content[m[2]:m[3]])
		if !ok || t <= 0 || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, contentFigure{value: t, unit: u, label: phraseBefore(content, m[0])})
	}
	return out
}

// phraseBefore returns the words of the phrase that ends at i, without
// the numbering of an item.
func phraseBefore(s string, i int) string {
	start := strings.LastIndexAny(s[:i], "，,；;。：:）)")
	if start < 0 {
		start = 0
	} else {
		_, size := utf8.DecodeRuneInString(s[start:])
		start += size
	}
	return strings.TrimSpace(s[start:i])
}

// targetFor picks among several targets the one whose phrase's first two
// characters the clause names (镇级每少1次 → 镇级…至少1次); false when not
// exactly one is named.
func targetFor(ts []contentFigure, core string) (decimal.Dec, bool) {
	var found []decimal.Dec
	for _, t := range ts {
		rs := []rune(t.label)
		if len(rs) >= 2 && strings.Contains(core, string(rs[:2])) {
			found = append(found, t.value)
		}
	}
	if len(found) != 1 {
		return 0, false
	}
	return found[0], true
}

// listedItems reads the 、-separated items a clause opens with, as in
// "监管事项的目录梳理、实施清单填报、详实度填报未实现": the text before the
// target verb, after the last 的, without a closing 等.
func listedItems(before string) []string {
	before = belowAtEnd.ReplaceAllString(before, "")
	if i := strings.LastIndex(before, "的"); i >= 0 {
		before = before[i+len("的"):]
	}
	before = strings.TrimSuffix(strings.TrimSpace(before), "等")
	var items []string
	for _, it := range strings.Split(before, "、") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	if len(items) < 2 {
		return nil
	}
	return items
}
