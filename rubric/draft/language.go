package draft

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// bandSpec is one score band as a clause states it: its lowest figure (nil
// for the band catching the rest), or its label, and its points, or full
// marks (得满分), which are the indicator's points.
type bandSpec struct {
	min    *decimal.Dec
	label  string
	points decimal.Dec
	full   bool
}

var (
	// bandFull is a band of full marks from a figure (达到100%的得满分).
	bandFull = regexp.MustCompile(`^(?:达到|达|实现)?(` + num + `)[%％](?:（含）|\(含\))?(?:及以上|以上)?(?:的|者)?(?:得满分|得全分)$`)
	// bandAt is a band from a figure (95%以上的得4分, 90%-100%得3分).
	bandAt = regexp.MustCompile(`^(?:达到|达|实现)?(` + num + `)[%％]?(?:（含）|\(含\))?(?:(?:[-－—~～至到](?:` + num + `)[%％](?:（不含）|\(不含\))?(?:之间)?)|及以上|以上)?(?:的|者)?(?:得|计|记)(` + num + `)分$`)
	// bandRest is the band below the others (90%以下不得分, 低于90%得1分).
	bandRest = regexp.MustCompile(`^(?:低于|不足|未达到|不到|不满)?(` + num + `)[%％](?:以下)?(?:的|者)?(?:(?:` + noScore + `)|(?:得|计|记)(` + num + `)分)$`)
	// bandLabel is a band by a label (评价为优的得10分, 省级得3分, 差的不得分).
	bandLabel = regexp.MustCompile(`^([^，,；;。%％得计记]{1,12}?)(?:的|者)?(?:(?:得|计|记)(` + num + `)分|不得分|得零分)$`)
	// inclusiveLimit is a ceiling that counts itself as exceeded (超过2天（含2天）).
	inclusiveLimit = regexp.MustCompile(`[（(]含`)
	// labelPrefix is what comes before a label (结果为, 被评为).
	labelPrefix = regexp.MustCompile(`^.*(?:为|是|获得?|评价|评议|等次|等级)`)
)

// bandsOf reads a clause as a table of score bands: every piece between
// commas a band, at least two, by figure or (byLabel) by label. It returns
// the bands best first, a review reason when something must be checked,
// and false when the clause is not a band table.
func bandsOf(core string, byLabel bool) ([]bandSpec, string, bool) {
	var bs []bandSpec
	var review []string
	for _, piece := range strings.FieldsFunc(core, func(r rune) bool { return strings.ContainsRune("，,；;。", r) }) {
		if piece == "" {
			continue
		}
		if byLabel {
			m := bandLabel.FindStringSubmatch(piece)
			if m == nil {
				return nil, "", false
			}
			label := m[1]
			if l := labelPrefix.ReplaceAllString(label, ""); l != "" {
				label = l
			}
			p := decimal.Dec(0)
			if m[2] != "" {
				v, ok := parseNumber(m[2])
				if !ok {
					return nil, "", false
				}
				p = v
			}
			// 中、差的不得分: one band per label, the same points.
			for _, l := range strings.Split(label, "、") {
				if l = strings.TrimSpace(l); l == "" {
					return nil, "", false
				}
				if utf8.RuneCountInString(l) > 4 {
					review = append(review, fmt.Sprintf("档次名称“%s”取自条款原文：请核对它是否为要记录的等次", l))
				}
				bs = append(bs, bandSpec{label: l, points: p})
			}
			continue
		}
		var b bandSpec
		switch {
		case bandFull.MatchString(piece):
			v, ok := parseNumber(bandFull.FindStringSubmatch(piece)[1])
			if !ok {
				return nil, "", false
			}
			b = bandSpec{min: &v, full: true}
		case bandAt.MatchString(piece):
			m := bandAt.FindStringSubmatch(piece)
			v, ok1 := parseNumber(m[1])
			p, ok2 := parseNumber(m[2])
			if !ok1 || !ok2 {
				return nil, "", false
			}
			b = bandSpec{min: &v, points: p}
		case bandRest.MatchString(piece):
			m := bandRest.FindStringSubmatch(piece)
			if m[2] != "" {
				p, ok := parseNumber(m[2])
				if !ok {
					return nil, "", false
				}
				b.points = p
			}
			v, ok := parseNumber(m[1])
			if !ok {
				return nil, "", false
			}
			if len(bs) > 0 && bs[len(bs)-1].min != nil && *bs[len(bs)-1].min != v {
				review = append(review, fmt.Sprintf("最低一档写的是 %s%%以下，和上一档的起点 %s%% 不衔接：请核对各档的起点", v, *bs[len(bs)-1].min))
			}
		default:
			return nil, "", false
		}
		bs = append(bs, b)
	}
	if len(bs) < 2 {
		return nil, "", false
	}
	if !byLabel {
		// Best first: every band but the last from a figure, descending.
		for i, b := range bs {
			if (b.min == nil) != (i == len(bs)-1) {
				if b.min == nil {
					return nil, "", false
				}
				review = append(review, "没有写最低一档（以下的得几分）：已按 0 分，请核对")
				bs = append(bs, bandSpec{})
				break
			}
		}
		if !slices.IsSortedFunc(bs[:len(bs)-1], func(a, b bandSpec) int { return cmp.Compare(*b.min, *a.min) }) {
			review = append(review, "各档不是从高到低写的：请核对各档的顺序和分值")
		}
	} else {
		slices.SortStableFunc(bs, func(a, b bandSpec) int { return cmp.Compare(b.points, a.points) })
	}
	return bs, strings.Join(review, "；"), true
}

// readLanguage completes the reading of a pattern of the kinds beyond the
// seed's: the ceiling of an excess rule from 考核内容, the figures of a
// linear rule, a range's amounts. It reports false when the pattern does
// not apply after all.
func readLanguage(p Pattern, rd *reading, content string) bool {
	switch {
	case p.LimitFromContent:
		var found []decimal.Dec
		for _, m := range contentLimit.FindAllStringSubmatch(content, -1) {
			if normUnit(m[2]) == rd.unit {
				if v, ok := parseNumber(m[1]); ok {
					found = append(found, v)
				}
			}
		}
		if len(found) == 0 {
			return false
		}
		rd.limit = &found[0]
		if len(found) > 1 {
			rd.review = fmt.Sprintf("考核内容有 %d 个上限，取了第一个（%s）：请核对 limit", len(found), found[0])
		}
	case p.ToTarget:
		// A percentage target is a ratio rule's (按比例扣分); a count's is
		// a linear rule's from 0.
		var ts []contentFigure
		for _, t := range targetsInContent(content, "") {
			if t.unit != "%" {
				ts = append(ts, t)
			}
		}
		if len(ts) == 0 {
			return false
		}
		zero := decimal.Dec(0)
		rd.from, rd.to, rd.unit = &zero, &ts[0].value, ts[0].unit
		if len(ts) > 1 {
			rd.review = fmt.Sprintf("考核内容有 %d 个目标，取了第一个（%s%s）：请核对 to", len(ts), ts[0].value, ts[0].unit)
		}
	case p.Kind == rubric.Linear:
		rd.unit = "%"
		if rd.to == nil || (rd.from != nil && *rd.to <= *rd.from) {
			hundred := decimal.FromInt(100)
			rd.to, rd.toGuessed = &hundred, true
			rd.review = "条款没有写得满分的百分比：已按 100% 得满分，请核对 to"
		}
	}
	if p.Kind == rubric.Excess && inclusiveLimit.MatchString(rd.matched) {
		rd.review = joinReview(rd.review, "上限写明“含”：excess 从超过 limit 才扣分，请核对 limit 是否应减一步")
	}
	if rd.rng != nil {
		rd.amount = nil
	}
	return true
}
