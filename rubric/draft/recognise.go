package draft

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

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
}

var (
	// contentTarget finds a target figure in 考核内容 (不少于4次, 达到90%以上).
	contentTarget = regexp.MustCompile(`(?:` + below + `)(?P<target>` + big + `)(?P<tunit>` + measure + `)`)
	// contentPercent finds a percentage in 考核内容.
	contentPercent = regexp.MustCompile(`(?P<target>` + num + `)[%％]`)
	// otherDeduction is a deduction worded without a bare 扣.
	otherDeduction = regexp.MustCompile(`(?:扣减|扣除|减去|减少|减)((?:` + num + `)分)`)
	// periodEach is 每 before a period word, not before a deduction.
	periodEach = regexp.MustCompile(`每(年|半年|季度|季|月|周)`)
	// belowAtEnd is the target verb just before a captured target.
	belowAtEnd = regexp.MustCompile(`(?:` + below + `)$`)
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
		rd := reading{pattern: p.Name, kind: p.Kind, unit: normUnit(group("unit")), review: p.Review, allPoints: p.AllPoints}
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
		tunit := normUnit(group("tunit"))
		if p.TargetFromContent {
			switch p.Kind {
			case rubric.Shortfall:
				t, ok := targetInContent(content, rd.unit)
				if !ok {
					continue // no target to fall short of: another pattern reads it
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

// targetInContent finds the first target in 考核内容 stated in unit.
func targetInContent(content, unit string) (decimal.Dec, bool) {
	for _, m := range contentTarget.FindAllStringSubmatch(content, -1) {
		if normUnit(m[2]) != unit {
			continue
		}
		if t, ok := parseNumber(m[1]); ok && t > 0 {
			return t, true
		}
	}
	return 0, false
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
