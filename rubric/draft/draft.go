// Package draft drafts a rubric from the plain text of a rubric table as
// offices have it (a Word or WPS table saved or pasted as text): every
// category, indicator and rule, with each clause of a 评分标准 read by a
// table of phrase patterns (see Patterns). What it cannot decide becomes a
// rule marked for review, so the draft loads and a person finishes it.
package draft

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// Options name the drafted rubric.
type Options struct {
	// ID of the rubric; "draft" when empty.
	ID string
	// Version of the rubric; "draft" when empty.
	Version string
}

// FromBytes decodes a table file (see Decode) and drafts it.
func FromBytes(data []byte, opts Options) (*rubric.Rubric, error) {
	text, _, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return FromText(text, opts)
}

// FromText drafts a rubric from a table's text. It fails only when no table
// is found; everything else it is unsure of is marked for review in the
// draft, and arithmetic the table gets wrong (points that do not add up) is
// left for rubric validation to report.
func FromText(text string, opts Options) (*rubric.Rubric, error) {
	t, err := readTable(strings.ToValidUTF8(text, "\uFFFD"))
	if err != nil {
		return nil, err
	}
	rb := &rubric.Rubric{ID: opts.ID, Version: opts.Version, Title: t.title, Language: "zh"}
	if rb.ID == "" {
		rb.ID = "draft"
	}
	if rb.Version == "" {
		rb.Version = "draft"
	}
	if rb.Title == "" {
		rb.Title = "考核指标（草稿）"
	}
	pats := Patterns()
	for ci, tc := range t.categories {
		rb.Categories = append(rb.Categories, draftCategory(pats, ci, tc))
	}
	return rb, nil
}

// titlePoints splits "行政审批制度改革（15分）" into its title and points; it
// also reports whether the points were found and whether the cell calls the
// category 加分.
func titlePoints(s string) (string, decimal.Dec, bool, bool) {
	m := pointsAtEnd.FindStringSubmatchIndex(s)
	if m == nil {
		return s, 0, false, strings.Contains(s, "加分")
	}
	p, ok := parseNumber(s[m[2]:m[3]])
	return strings.TrimSpace(s[:m[0]]), p, ok, strings.Contains(s, "加分")
}

// indicatorPoints reads an indicator's points from its own 分值 cell or
// the （N分） closing its 考核内容.
func indicatorPoints(ti tableIndicator) (decimal.Dec, bool) {
	if ti.points != "" {
		return parseNumber(ti.points)
	}
	_, p, ok, _ := titlePoints(ti.content)
	return p, ok
}

func draftCategory(pats []Pattern, ci int, tc tableCategory) rubric.Category {
	title, points, hasPoints, bonusTitle := titlePoints(tc.title)
	if !hasPoints && tc.points != "" {
		points, hasPoints = parseNumber(tc.points)
	}
	c := rubric.Category{ID: strconv.Itoa(ci + 1), Title: title, Points: points}
	// A 扣分项 section stands outside the base points: its title says so,
	// or nothing in it has points. A "（最多扣10分）" in its title is its cap.
	penalty := penaltyTitle.MatchString(tc.title) && (!hasPoints || penaltyCap.MatchString(tc.title))
	if penalty && hasPoints {
		v := points
		c.Cap = &v
	}
	// Indicators without points of their own share what the category has
	// left; a category without points has its indicators'.
	var known decimal.Dec
	missing := 0
	for _, ti := range tc.indicators {
		if p, ok := indicatorPoints(ti); ok {
			known += p
		} else {
			missing++
		}
	}
	guessedPenalty := false
	if !penalty && !hasPoints && missing == len(tc.indicators) && len(tc.indicators) > 0 {
		penalty, guessedPenalty = true, true
	}
	if penalty {
		c.Penalty, c.Points, known, missing = true, 0, 0, 0
	}
	if !hasPoints && missing == 0 && !penalty {
		c.Points = known
	}
	for ii, ti := range tc.indicators {
		p, ok := indicatorPoints(ti)
		if !ok && missing == 1 && hasPoints && points > known {
			p = points - known
		}
		if penalty {
			p = 0
		}
		c.Indicators = append(c.Indicators, draftIndicator(pats, fmt.Sprintf("%s.%d", c.ID, ii+1), ti, p, penalty))
	}
	settleBonus(&c, bonusTitle)
	if guessedPenalty {
		for ii := range c.Indicators {
			note(&c.Indicators[ii], nil, "本主要工作和它的考核内容都没有分值：已作为扣分项（penalty，扣分从总分中扣），请核对")
		}
	}
	return c
}

var (
	// penaltyTitle names a 扣分项 section (扣分项（不设上限）, 扣分不封顶).
	penaltyTitle = regexp.MustCompile(`扣分项|扣分事项|扣分不封顶|不设上限|负面清单`)
	// penaltyCap is a penalty section's own cap in its title (最多扣10分).
	penaltyCap = regexp.MustCompile(`[（(][^（()）]*(?:扣|上限|最多|最高)[^（()）]*分\s*[)）]`)
)

// settleBonus makes a category a bonus category when all its rules are
// bonuses, and makes its rules agree with what it is, marking each rule it
// had to change for review.
func settleBonus(c *rubric.Category, bonusTitle bool) {
	all, any := true, false
	for _, ind := range c.Indicators {
		for _, r := range ind.Rules {
			if r.Kind == rubric.Bonus {
				any = true
			} else {
				all = false
			}
		}
	}
	if c.Penalty {
		// A penalty section deducts: a bonus in it is for review.
		all, bonusTitle = false, false
	}
	c.Bonus = any && all
	if c.Bonus {
		clampBonuses(c)
		return
	}
	if !any && !bonusTitle {
		return
	}
	if bonusTitle {
		// The table calls it 加分项: its other rules become bonuses to check.
		c.Bonus = true
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			for ri := range ind.Rules {
				r := &ind.Rules[ri]
				if r.Kind != rubric.Bonus {
					amount := decimal.Min(ind.Points, c.Points)
					*r = rubric.Rule{ID: r.ID, Kind: rubric.Bonus, Clause: r.Clause, Label: r.Label, Amount: &amount,
						Review: "主要工作标为加分项，但这一条不是“加N分”：已作为加分 " + amount.String() + " 分，请核对"}
				}
			}
		}
		clampBonuses(c)
		return
	}
	for ii := range c.Indicators {
		ind := &c.Indicators[ii]
		for ri := range ind.Rules {
			r := &ind.Rules[ri]
			if r.Kind == rubric.Bonus {
				capv := ind.IndicatorCap()
				if capv <= 0 {
					capv = decimal.FromInt(1) // a penalty section's indicator has no points
				}
				*r = rubric.Rule{ID: r.ID, Kind: rubric.Discretion, Clause: r.Clause, Label: r.Label, Unit: "分", Cap: &capv,
					Review: "加分条款在扣分的主要工作里：请把它移到一个加分项（bonus: true）的主要工作，或改写"}
			}
		}
	}
}

// clampBonuses keeps every bonus within its category's points, as the
// loader requires, marking each one it lowers for review.
func clampBonuses(c *rubric.Category) {
	if c.Points <= 0 {
		return
	}
	for ii := range c.Indicators {
		for ri := range c.Indicators[ii].Rules {
			r := &c.Indicators[ii].Rules[ri]
			if r.Amount != nil && *r.Amount > c.Points {
				v := c.Points
				addReview(r, fmt.Sprintf("加 %s 分大于本加分项的 %s 分：已按 %s 分，请核对", r.Amount, c.Points, c.Points))
				r.Amount = &v
			}
		}
	}
}

// ruleLetter is the letter of the ri-th rule of an indicator (a, b, …).
func ruleLetter(ri int) string {
	if ri < 26 {
		return string(rune('a' + ri))
	}
	return "r" + strconv.Itoa(ri+1)
}

func draftIndicator(pats []Pattern, id string, ti tableIndicator, points decimal.Dec, penalty bool) rubric.Indicator {
	ind := rubric.Indicator{ID: id, Content: ti.content, Standard: ti.standard, Points: points}
	std := ti.standard
	clauses, caps := splitStandard(std)
	var byClause [][]int // rule indices of each clause
	lastPos := 0         // where the loader finds the previous rule's clause
	for _, c := range clauses {
		core := std[c.core.start:c.core.end]
		rd := recognise(pats, core, ti.content)
		var idx []int
		items := rd.items
		if len(items) == 0 {
			items = []string{""}
		}
		start, pos, placed := quoteStart(std, c.full, lastPos)
		if placed {
			lastPos = pos
		}
		for i, item := range items {
			r := ruleFrom(rd, std[start:c.full.end], item, c.cap, points)
			if len(rd.itemTargets) == len(rd.items) && len(rd.itemTargets) > 0 {
				t := rd.itemTargets[i]
				r.Target = &t
				addReview(&r, fmt.Sprintf("考核内容有 %d 个目标，条款只有一条：已按目标分成 %d 条规则，请核对每条的 target 和名称", len(rd.items), len(rd.items)))
			}
			if !placed {
				addReview(&r, "这一条款的文字在前面的条款里已经出现，无法按原文顺序引用：请核对条款原文和规则顺序")
			}
			if rd.allPoints && points > 0 {
				v := points
				r.Amount = &v
			}
			r.ID = id + "." + ruleLetter(len(ind.Rules))
			idx = append(idx, len(ind.Rules))
			ind.Rules = append(ind.Rules, r)
		}
		byClause = append(byClause, idx)
	}
	if whole := strings.TrimRight(strings.TrimSpace(std), "。；;，, "); len(ind.Rules) == 0 && whole != "" {
		// Nothing reads as a deduction: one rule over the whole standard.
		// (Without a standard there is nothing to quote: validation says
		// the indicator has no standard.)
		ind.Rules = []rubric.Rule{{ID: id + ".a", Kind: rubric.Discretion, Clause: whole, Unit: "分",
			Review: "评分标准里没有找到扣分条款（扣N分、加N分、按比例扣分…）：请按标准写出规则"}}
		byClause = nil
	}
	// A scale by occurrences (一次扣1分，两次扣3分，三次及以上不得分) is not
	// a count: when two or more clauses read as tiers, each is for review.
	var tiers []int
	for ci, c := range clauses {
		if tier.MatchString(withoutSpaces(std[c.core.start:c.core.end])) {
			tiers = append(tiers, byClause[ci]...)
		}
	}
	if len(tiers) >= 2 {
		note(&ind, tiers, "分档扣分（一次…两次…）：kaohe 没有分档的种类，请改写为一条 discretion（酌情）或 count，并核对扣分")
	}
	// Caps that close several clauses: the indicator's, or a group's.
	inGroup := map[int]decimal.Dec{}
	for _, cs := range caps {
		var rules []int
		for _, ci := range cs.clauses {
			rules = append(rules, byClause[ci]...)
		}
		capv := cs.value
		if !capv.IsCents() || capv <= 0 {
			note(&ind, rules, fmt.Sprintf("“%s”不是大于0、至多两位小数的分数：没有设封顶，请核对", cs.text))
			continue
		}
		if capv > points {
			note(&ind, rules, fmt.Sprintf("“%s”大于本项的 %s 分：已按 %s 分封顶，请核对", cs.text, points, points))
			capv = points
		}
		if len(cs.clauses) == 0 || len(cs.clauses) == len(clauses) {
			if capv < points && (ind.Cap == nil || capv < *ind.Cap) {
				v := capv
				ind.Cap = &v
			}
			continue
		}
		g := rubric.Group{ID: fmt.Sprintf("%s.g%d", id, len(ind.Groups)+1), Title: cs.text, Cap: capv}
		for _, ri := range rules {
			g.Rules = append(g.Rules, ind.Rules[ri].ID)
			inGroup[ri] = capv
		}
		ind.Groups = append(ind.Groups, g)
	}
	if m := uncappedWords.FindString(std); m != "" && !penalty {
		// An indicator's deductions stop at its points: only a penalty
		// category's can go on without a cap.
		note(&ind, nil, fmt.Sprintf("条款写“%s”，但指标的扣分最多扣到本项分值：不封顶的扣分请放进扣分项（penalty 类别），请核对", m))
	}
	for ri := range ind.Rules {
		settleRule(&ind, ri, inGroup, penalty)
	}
	return ind
}

// tier is a clause of a scale by occurrences: "两次扣3分", "…的，一次扣1分".
var tier = regexp.MustCompile(`(?:^|[，,])(?:[一二两三四五六七八九十]|[0-9０-９]+)(?:次|个|项|人次|起|件)(?:及以上|以上)?(?:扣|的扣|本项|该项|不得分)`)

// maxQuoteBack bounds how many characters before a clause its quote may
// take in to be found where it stands (see quoteStart): a real standard
// needs a few ("，未报送的扣1分"); searching further back costs a search of
// the whole standard per character.
const maxQuoteBack = 64

// quoteStart returns where a clause's quote must start so that the loader,
// which places a clause by its first occurrence in the standard and wants
// rules in the order of their clauses, finds it no earlier than the previous
// rule's clause (at lastPos): a clause whose words also appear inside an
// earlier clause ("未报送的扣1分" inside "未建立台账、未报送的扣1分") takes
// in the words before it until it is. A clause that repeats the previous one
// word for word (扣1分，扣1分) is found at the same place, which is allowed.
// It also returns where the loader will find the quote, and false when no
// quote within maxQuoteBack characters is placed right: then the clause's
// own words are returned, to be marked for review.
func quoteStart(std string, sp span, lastPos int) (start, pos int, placed bool) {
	start = sp.start
	for back := 0; back <= maxQuoteBack; back++ {
		if pos = strings.Index(std, std[start:sp.end]); pos >= lastPos {
			return start, pos, true
		}
		if start == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(std[:start])
		start -= size
	}
	return sp.start, 0, false
}

// note appends a review reason to some rules of an indicator (all when
// rules is empty).
func note(ind *rubric.Indicator, rules []int, reason string) {
	if len(rules) == 0 {
		for ri := range ind.Rules {
			rules = append(rules, ri)
		}
	}
	for _, ri := range rules {
		r := &ind.Rules[ri]
		if r.Review != "" {
			r.Review += "；"
		}
		r.Review += reason
	}
}

// ruleFrom builds a rule from a clause's reading; points are the
// indicator's, which a band of full marks (得满分) keeps.
func ruleFrom(rd reading, clauseText, item string, capv *decimal.Dec, points decimal.Dec) rubric.Rule {
	if capv == nil {
		capv = rd.cap
	}
	r := rubric.Rule{Kind: rd.kind, Clause: clauseText, Label: item, Unit: rd.unit, Review: rd.review,
		Amount: rd.amount, Target: rd.target, Step: rd.step, Cap: capv,
		Range: rd.rng, PerItem: rd.perItem, Limit: rd.limit, From: rd.from, To: rd.to}
	for _, b := range rd.bands {
		sb := rubric.ScoreBand{Min: b.min, Label: b.label, Points: b.points}
		if b.full {
			sb.Points = points
		}
		r.Bands = append(r.Bands, sb)
	}
	switch r.Kind {
	case rubric.Convert:
		full := decimal.FromInt(100)
		r.Full, r.Unit = &full, "分"
	case rubric.Discretion:
		r.Unit = "分"
	case rubric.Shortfall:
		if r.Unit == "%" {
			hundred := decimal.FromInt(100)
			r.MaxValue = &hundred
		}
	}
	return r
}

// settleRule makes a drafted rule loadable: the parameters its kind needs,
// none it does not use, within the indicator's points. Where the text does
// not give what is needed, the rule becomes a discretion rule marked for
// review, which scores nothing until a person records a deduction.
func settleRule(ind *rubric.Indicator, ri int, inGroup map[int]decimal.Dec, penalty bool) {
	r := &ind.Rules[ri]
	points := ind.Points
	ceiling := ind.IndicatorCap()
	if g, ok := inGroup[ri]; ok && g < ceiling {
		ceiling = g
	}
	if r.Cap != nil && *r.Cap > points && points > 0 {
		v := points
		r.Cap = &v
		addReview(r, "“最多扣”的分数大于本项分值：已按本项分值封顶，请核对")
	}
	if (r.Kind == rubric.Discretion || r.Kind == rubric.Ratio) && r.Cap == nil && ceiling > 0 {
		v := ceiling
		r.Cap = &v
	}
	if r.Kind == rubric.Discretion && r.Cap == nil && penalty {
		v := decimal.FromInt(1)
		r.Cap = &v
		addReview(r, "酌情扣分需要封顶，扣分项没有分值：已按 1 分封顶，请填写 cap")
	}
	// Keep only the parameters the kind uses.
	if r.Kind != rubric.Excess {
		r.Limit = nil
	}
	if r.Kind != rubric.Linear {
		r.From, r.To, r.Points = nil, nil, nil
	}
	if r.Kind != rubric.Band {
		r.Bands = nil
	}
	if r.Kind != rubric.Count && r.Kind != rubric.Bonus {
		r.Range = nil
	}
	if r.Kind != rubric.Bonus {
		r.PerItem = false
	}
	switch r.Kind {
	case rubric.Bonus:
		r.Target, r.Step, r.Full, r.MaxValue = nil, nil, nil, nil
		if len(r.Range) > 0 {
			r.Amount, r.PerItem = nil, false
		} else if !r.PerItem {
			r.Cap = nil
		}
	case rubric.Flag:
		r.Cap, r.Target, r.Step, r.Full, r.MaxValue = nil, nil, nil, nil, nil
	case rubric.Count:
		r.Target, r.Step, r.Full = nil, nil, nil
		if len(r.Range) > 0 {
			r.Amount = nil
		}
	case rubric.Veto, rubric.Band, rubric.Linear:
		r.Amount, r.Cap, r.Target, r.Step, r.Full, r.MaxValue = nil, nil, nil, nil, nil, nil
	case rubric.Excess:
		r.Target, r.Full = nil, nil
	case rubric.Shortfall:
		r.Full = nil
	case rubric.Ratio:
		r.Amount, r.Step, r.Full, r.MaxValue = nil, nil, nil, nil
	case rubric.Convert:
		r.Amount, r.Cap, r.Target, r.Step, r.MaxValue = nil, nil, nil, nil, nil
	case rubric.Discretion:
		r.Amount, r.Target, r.Step, r.Full, r.MaxValue = nil, nil, nil, nil, nil
	}
	if why := unusable(r, ind, penalty); why != "" {
		capv := ceiling
		if capv <= 0 {
			capv = decimal.FromInt(1)
		}
		*r = rubric.Rule{ID: r.ID, Kind: rubric.Discretion, Clause: r.Clause, Label: r.Label, Unit: "分", Cap: &capv,
			Review: joinReview(r.Review, why)}
	}
}

// unusable says why a rule's parameters cannot be loaded, or "".
func unusable(r *rubric.Rule, ind *rubric.Indicator, penalty bool) string {
	positive := func(d *decimal.Dec) bool { return d != nil && *d > 0 && d.IsCents() }
	switch r.Kind {
	case rubric.Flag, rubric.Bonus, rubric.Count:
		if len(r.Range) > 0 {
			if len(r.Range) != 2 || r.Range[0] > r.Range[1] || !positive(&r.Range[1]) || r.Range[0] < 0 || !r.Range[0].IsCents() {
				return "每次扣分（加分）的范围没有读出，或不是从小到大、至多两位小数的两个数"
			}
		} else if !positive(r.Amount) {
			return "扣分（加分）分值没有读出或不是大于0、至多两位小数的数"
		}
	case rubric.Excess:
		if !positive(r.Amount) || r.Limit == nil || *r.Limit < 0 || r.Step == nil || *r.Step <= 0 {
			return "上限、步长或扣分没有读出，或不是大于0、至多两位小数的数"
		}
	case rubric.Linear:
		if r.From == nil || r.To == nil || *r.From < 0 || *r.From >= *r.To {
			return "线性赋分的起点和终点没有读出，或起点不低于终点"
		}
	case rubric.Band:
		if len(r.Bands) < 2 {
			return "分档没有读出"
		}
		for _, b := range r.Bands {
			if b.Points < 0 || !b.Points.IsCents() {
				return "分档的分值不是至多两位小数的数"
			}
		}
		if r.Bands[0].Points <= 0 {
			return "最高一档的分值没有读出（本项分值未知）"
		}
		if r.Bands[0].Points > ind.Points && !penalty {
			return fmt.Sprintf("最高一档的 %s 分大于本项的 %s 分", r.Bands[0].Points, ind.Points)
		}
	case rubric.Shortfall:
		if !positive(r.Amount) || r.Target == nil || *r.Target <= 0 || r.Step == nil || *r.Step <= 0 {
			return "目标、步长或扣分没有读出，或不是大于0、至多两位小数的数"
		}
		if r.MaxValue != nil && *r.MaxValue < *r.Target {
			r.MaxValue = nil
		}
	case rubric.Ratio:
		if r.Target == nil || *r.Target <= 0 || *r.Target > decimal.FromInt(100) || !positive(r.Cap) {
			return "按比例扣分的目标百分比（0–100）或封顶分没有读出"
		}
	}
	if r.Cap != nil && !positive(r.Cap) {
		return "封顶分不是大于0、至多两位小数的数"
	}
	return ""
}

func addReview(r *rubric.Rule, why string) { r.Review = joinReview(r.Review, why) }

func joinReview(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "；" + b
}
