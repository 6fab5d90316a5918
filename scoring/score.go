package scoring

import (
	"encoding/json"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// RuleResult is how one rule scored. It holds what the findings decide; what
// the rubric fixes is not copied in (a result is made anew on every keystroke
// and for every unit ranked): the rule's ID, kind, cap, stake and group are
// read from Rule and from the indicator it belongs to, which only Score sets.
// Its JSON (MarshalJSON) writes those fixed fields beside the result all the
// same; it is written for readers and not read back.
type RuleResult struct {
	Rule *rubric.Rule
	// ind is the indicator Rule belongs to: its points are a linear rule's
	// stake when the rule names none, and its groups say whose cap the rule
	// shares.
	ind   *rubric.Indicator
	Value *Value
	Note  string
	// Raw is the deduction (or bonus) rounded to 0.01, before the rule's cap.
	Raw decimal.Dec
	// Amount is the deduction (or bonus) after the rule's own cap.
	Amount decimal.Dec
	// Steps are a shortfall rule's whole steps short of target, an excess
	// rule's whole steps above limit.
	Steps int64
	// band is the matched band of a band rule, counted from 1 (a rule has
	// far fewer than 2³¹ bands: each takes memory the rubric holds).
	band     int32
	Recorded bool
	Capped   bool // the rule's own cap bound
}

// ID is the rule's ID ("" for a result that names no rule).
func (rr *RuleResult) ID() string {
	if rr.Rule == nil {
		return ""
	}
	return rr.Rule.ID
}

// Kind is the rule's kind ("" for a result that names no rule).
func (rr *RuleResult) Kind() rubric.Kind {
	if rr.Rule == nil {
		return ""
	}
	return rr.Rule.Kind
}

// Cap is the rule's own cap, nil when it has none.
func (rr *RuleResult) Cap() *decimal.Dec {
	if rr.Rule == nil {
		return nil
	}
	return rr.Rule.Cap
}

// Vetoed reports whether this is a veto rule (一票否决) recorded true: the
// unit then takes the last grade, whatever its total.
func (rr *RuleResult) Vetoed() bool {
	return rr.Kind() == rubric.Veto && rr.Value != nil && rr.Value.Type == Bool && rr.Value.Bool
}

// Group is the ID of the group whose cap the rule shares, "" for none.
func (rr *RuleResult) Group() string {
	if rr.ind == nil || rr.Rule == nil {
		return ""
	}
	if g := rr.ind.GroupOf(rr.Rule.ID); g != nil {
		return g.ID
	}
	return ""
}

// Stake is what a band or linear rule can deduct at most (the first band's
// points; a linear rule's points, else its indicator's); 0 for other rules
// and for a result Score did not make, which knows no indicator and so
// claims no stake, as such a result never did.
func (rr *RuleResult) Stake() decimal.Dec {
	if rr.Rule == nil || rr.ind == nil {
		return 0
	}
	return rr.Rule.Stake(rr.ind)
}

// Band is the matched band of a band rule, counted from 1; 0 for none.
func (rr *RuleResult) Band() int { return int(rr.band) }

// ruleResultJSON is a RuleResult as JSON: the rule's fixed fields beside
// what the findings decided, in the order they have always been written.
type ruleResultJSON struct {
	ID       string       `json:"id"`
	Kind     rubric.Kind  `json:"kind"`
	Recorded bool         `json:"recorded"`
	Capped   bool         `json:"capped"`
	Value    *Value       `json:"value,omitempty"`
	Note     string       `json:"note,omitempty"`
	Raw      decimal.Dec  `json:"raw"`
	Amount   decimal.Dec  `json:"deduction"`
	Cap      *decimal.Dec `json:"cap,omitempty"`
	Group    string       `json:"group,omitempty"`
	Steps    int64        `json:"steps,omitempty"`
	Stake    decimal.Dec  `json:"stake,omitempty"`
	Band     int          `json:"band,omitempty"`
}

// MarshalJSON writes the rule's ID, kind, cap, group and stake beside its result,
// as a reader of the JSON needs them.
func (rr RuleResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(ruleResultJSON{
		ID: rr.ID(), Kind: rr.Kind(), Recorded: rr.Recorded, Capped: rr.Capped,
		Value: rr.Value, Note: rr.Note, Raw: rr.Raw, Amount: rr.Amount, Cap: rr.Cap(),
		Group: rr.Group(), Steps: rr.Steps, Stake: rr.Stake(), Band: rr.Band(),
	})
}

// GroupResult is how a group of rules sharing a cap scored.
type GroupResult struct {
	ID     string      `json:"id"`
	Raw    decimal.Dec `json:"raw"` // sum of its rules' capped deductions
	Cap    decimal.Dec `json:"cap"`
	Amount decimal.Dec `json:"deduction"`
	Capped bool        `json:"capped"`
}

// IndicatorResult is how one indicator scored, with every figure behind it.
type IndicatorResult struct {
	ID       string      `json:"id"`
	Max      decimal.Dec `json:"max"`
	Bonus    bool        `json:"bonus,omitempty"`
	Capped   bool        `json:"capped"`   // the indicator cap bound
	Complete bool        `json:"complete"` // every rule has a value
	// Penalty marks an indicator of a penalty category: its Score is its
	// deduction, negated, off the total; Uncapped when it declares no cap.
	Penalty   bool          `json:"penalty,omitempty"`
	Uncapped  bool          `json:"uncapped,omitempty"`
	Raw       decimal.Dec   `json:"raw"` // sum after rule and group caps
	Cap       decimal.Dec   `json:"cap"`
	Deduction decimal.Dec   `json:"deduction"` // after the indicator cap; for a bonus indicator, the bonus earned
	Score     decimal.Dec   `json:"score"`
	Recorded  int           `json:"recorded"` // rules with a value
	Rules     []RuleResult  `json:"rules"`
	Groups    []GroupResult `json:"groups,omitempty"`
}

// AnyCapBound reports whether a rule, group or the indicator cap bound.
func (ir *IndicatorResult) AnyCapBound() bool {
	if ir.Capped {
		return true
	}
	for _, g := range ir.Groups {
		if g.Capped {
			return true
		}
	}
	for ri := range ir.Rules {
		if ir.Rules[ri].Capped {
			return true
		}
	}
	return false
}

// CategoryResult is a category's score out of its points.
type CategoryResult struct {
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Bonus  bool        `json:"bonus,omitempty"`
	Score  decimal.Dec `json:"score"`
	Max    decimal.Dec `json:"max"`
	Capped bool        `json:"capped,omitempty"` // bonus category: its points bound the bonus; penalty category: its cap bound the deductions
	// Penalty marks a 扣分项 category: Score is its deductions, negated.
	Penalty    bool              `json:"penalty,omitempty"`
	Indicators []IndicatorResult `json:"indicators"`
}

// Progress counts what has been recorded.
type Progress struct {
	RulesRecorded      int `json:"rules_recorded"`
	RulesTotal         int `json:"rules_total"`
	IndicatorsRecorded int `json:"indicators_recorded"` // every rule recorded
	IndicatorsStarted  int `json:"indicators_started"`  // at least one rule recorded
	IndicatorsTotal    int `json:"indicators_total"`
}

// Result is a whole assessment's score.
type Result struct {
	Base     decimal.Dec `json:"base"`
	BaseMax  decimal.Dec `json:"base_max"`
	Bonus    decimal.Dec `json:"bonus"`
	BonusMax decimal.Dec `json:"bonus_max"`
	// Penalty is the deductions of the penalty categories, off the total.
	Penalty decimal.Dec `json:"penalty,omitempty"`
	// Total is base + bonus − penalty, never below 0.
	Total decimal.Dec `json:"total"`
	// Grade is the 等次 the total earns (the last grade when vetoed); ""
	// when the rubric has no grades.
	Grade string `json:"grade,omitempty"`
	// VetoedBy lists the veto rules recorded true (一票否决), in rubric
	// order: the grade is then the last one and the unit ranks below every
	// unvetoed unit, whatever its total.
	VetoedBy   []string         `json:"vetoed_by,omitempty"`
	Categories []CategoryResult `json:"categories"`
	Progress   Progress         `json:"progress"`
	// Range is set while conflicts are open: the span the total can take
	// across the conflicting values (see RangeOver).
	Range *Range `json:"range,omitempty"`
}

// Vetoed reports whether a veto rule failed the assessment.
func (res *Result) Vetoed() bool { return len(res.VetoedBy) > 0 }

// Indicator returns the result of one indicator.
func (res *Result) Indicator(id string) (*IndicatorResult, bool) {
	for ci := range res.Categories {
		for ii := range res.Categories[ci].Indicators {
			if res.Categories[ci].Indicators[ii].ID == id {
				return &res.Categories[ci].Indicators[ii], true
			}
		}
	}
	return nil, false
}

// Score computes the result of the findings under the rubric. It validates
// first (see Check) and returns the validation errors instead of a result
// when any finding is unacceptable.
func Score(rb *rubric.Rubric, fs Findings) (*Result, error) {
	if res, ok := score(rb, fs); ok {
		return res, nil
	}
	// Check words every problem, sorted; score only noticed that there is one.
	if err := Check(rb, fs); err != nil {
		return nil, err
	}
	res, _ := score(rb, fs)
	return res, nil
}

// scratch is the backing storage of one result: every indicator, rule and
// group of the rubric and one value per finding, sliced from a few arrays
// allocated at once, instead of one allocation per indicator and per value.
type scratch struct {
	indicators []IndicatorResult
	rules      []RuleResult
	groups     []GroupResult
	values     []Value
	// vetoedBy collects the veto rules recorded true, in rubric order, as
	// the rules are scored.
	vetoedBy []string
}

// take returns the next n elements of *buf, full length and capacity n, so
// an append to one never runs into the next.
func take[T any](buf *[]T, n int) []T {
	s := (*buf)[:n:n]
	*buf = (*buf)[n:]
	return s
}

// newResult allocates a zeroed result for the rubric's categories and the
// scratch its indicators, rules, groups and (at most nFindings) values are
// sliced from: all a score allocates but the list of vetoes recorded true,
// which grows only when there are some.
func newResult(rb *rubric.Rubric, nFindings int) (*Result, scratch) {
	var nInd, nRules, nGroups int
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		nInd += len(c.Indicators)
		for ii := range c.Indicators {
			nRules += len(c.Indicators[ii].Rules)
			nGroups += len(c.Indicators[ii].Groups)
		}
	}
	sc := scratch{
		indicators: make([]IndicatorResult, nInd),
		rules:      make([]RuleResult, nRules),
		groups:     make([]GroupResult, nGroups),
		values:     make([]Value, min(nFindings, nRules)), // one per finding at most
	}
	return &Result{Categories: make([]CategoryResult, len(rb.Categories))}, sc
}

// score computes the result and reports whether Check would accept fs:
// every finding names a rule of the rubric (rule IDs are unique across a
// rubric, so finding as many rules as there are findings means none is
// unknown) and Validate accepts each value. Checking as it scores, it looks
// each rule's finding up once, where Check looks each finding's rule up by
// its ID.
func score(rb *rubric.Rubric, fs Findings) (*Result, bool) {
	res, sc := newResult(rb, len(fs))
	matched, valid := 0, true
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		// Fields are set one by one on the zeroed result, not copied in as
		// whole structs: a struct copy into the heap pays a write barrier on
		// every pointer it holds while the collector runs.
		cr := &res.Categories[ci]
		cr.ID, cr.Title, cr.Bonus, cr.Penalty, cr.Max = c.ID, c.Title, c.Bonus, c.Penalty, c.Points
		cr.Indicators = take(&sc.indicators, len(c.Indicators))
		var sum decimal.Dec
		for ii := range c.Indicators {
			ir := &cr.Indicators[ii]
			m, ok := scoreIndicator(ir, &sc, c, &c.Indicators[ii], fs)
			matched, valid = matched+m, valid && ok
			sum += ir.Score
			res.Progress.IndicatorsTotal++
			res.Progress.RulesTotal += len(ir.Rules)
			res.Progress.RulesRecorded += ir.Recorded
			if ir.Complete {
				res.Progress.IndicatorsRecorded++
			}
			if ir.Recorded > 0 {
				res.Progress.IndicatorsStarted++
			}
		}
		cr.Score = sum
		if c.Penalty {
			ded := -sum
			if c.Cap != nil && ded > *c.Cap {
				ded, cr.Capped = *c.Cap, true
			}
			cr.Score = -ded
			res.Penalty += ded
			continue
		}
		if sum > c.Points {
			cr.Score, cr.Capped = c.Points, true
		}
		if c.Bonus {
			res.Bonus += cr.Score
			res.BonusMax += c.Points
		} else {
			res.Base += cr.Score
			res.BaseMax += c.Points
		}
	}
	res.Total = decimal.Max2(res.Base+res.Bonus-res.Penalty, 0)
	res.VetoedBy = sc.vetoedBy
	res.Grade = rb.GradeOf(res.Total, res.Vetoed())
	return res, valid && matched == len(fs)
}

// scoreIndicator fills the zeroed ir with how one indicator scored, its rules, groups
// and recorded values taken from sc. It returns how many of its rules have a
// finding in fs, and whether Validate accepts all of them.
func scoreIndicator(ir *IndicatorResult, sc *scratch, c *rubric.Category, ind *rubric.Indicator, fs Findings) (matched int, valid bool) {
	valid = true
	ir.ID, ir.Max, ir.Bonus, ir.Cap, ir.Penalty = ind.ID, ind.Points, c.Bonus, ind.IndicatorCap(), c.Penalty
	ir.Uncapped = c.Penalty && ind.Cap == nil
	ir.Rules = take(&sc.rules, len(ind.Rules))
	if len(ind.Groups) > 0 {
		ir.Groups = take(&sc.groups, len(ind.Groups))
		for gi := range ind.Groups {
			ir.Groups[gi].ID, ir.Groups[gi].Cap = ind.Groups[gi].ID, ind.Groups[gi].Cap
		}
	}
	// Rules outside any group add directly; each group adds its capped sum.
	var raw decimal.Dec
	for ri := range ind.Rules {
		r := &ind.Rules[ri]
		rr := &ir.Rules[ri]
		rr.Rule, rr.ind = r, ind
		if f, ok := fs[r.ID]; ok {
			matched++
			// The value is copied once, into the result, and read there.
			v := &sc.values[0]
			sc.values = sc.values[1:]
			copyValue(v, &f.Value)
			form := r.Form()
			valid = valid && validate(r, form, v, f.Note) == nil
			if v.Type != Unset {
				rr.Recorded, rr.Value = true, v
				if f.Note != "" {
					rr.Note = f.Note
				}
				rr.Raw, rr.Steps = ruleRaw(ind, r, form, v)
				switch {
				case r.Kind == rubric.Band:
					rr.band = int32(bandOf(r, v))
				case rr.Vetoed():
					sc.vetoedBy = append(sc.vetoedBy, r.ID)
				}
				ir.Recorded++
			}
		}
		rr.Amount = rr.Raw
		if r.Cap != nil && rr.Raw > *r.Cap {
			rr.Amount, rr.Capped = *r.Cap, true
		}
		if gi := ind.GroupIndex(r.ID); gi >= 0 {
			ir.Groups[gi].Raw += rr.Amount
		} else {
			raw += rr.Amount
		}
	}
	ir.Complete = ir.Recorded == len(ind.Rules)
	for gi := range ir.Groups {
		gr := &ir.Groups[gi]
		gr.Amount = gr.Raw
		if gr.Raw > gr.Cap {
			gr.Amount, gr.Capped = gr.Cap, true
		}
		raw += gr.Amount
	}
	ir.Raw = raw
	ir.Deduction = raw
	if raw > ir.Cap && !ir.Uncapped {
		ir.Deduction, ir.Capped = ir.Cap, true
	}
	switch {
	case c.Penalty:
		ir.Score = -ir.Deduction
	case c.Bonus:
		ir.Score = ir.Deduction
	default:
		ir.Score = decimal.Max2(ind.Points-ir.Deduction, 0)
	}
	return matched, valid
}

// copyValue copies *src into the zeroed *dst, leaving the text and the
// items alone when they are empty, as they are for most values: a pointer
// stored into the heap pays a write barrier whenever the collector is
// marking, and storing a nil over the zeroed slot would buy nothing.
func copyValue(dst, src *Value) {
	dst.Type, dst.Bool, dst.Num = src.Type, src.Bool, src.Num
	if src.Text != "" {
		dst.Text = src.Text
	}
	if src.Items != nil {
		dst.Items = src.Items
	}
}

// ruleRaw is a rule's deduction (or bonus) for a value, rounded half-up to
// 0.01, before any cap; for shortfall rules also the whole steps short.
// form is r.Form(), worked out once by the caller.
func ruleRaw(ind *rubric.Indicator, r *rubric.Rule, form rubric.Form, v *Value) (decimal.Dec, int64) {
	switch form {
	case rubric.FormList:
		var sum decimal.Dec
		for _, d := range v.Items {
			sum += d
		}
		return sum.RoundCents(), 0
	case rubric.FormLabel:
		if b, ok := r.MatchBand(0, v.Text, true); ok {
			return r.Stake(ind) - b.Points, 0
		}
		return 0, 0
	}
	switch r.Kind {
	case rubric.Flag:
		if v.Bool {
			return *r.Amount, 0
		}
	case rubric.Bonus:
		if r.PerItem {
			return r.Amount.MulInt(v.Num.IntPart()), 0
		}
		if v.Bool {
			return *r.Amount, 0
		}
	case rubric.Count:
		return r.Amount.MulInt(v.Num.IntPart()), 0
	case rubric.Band:
		if b, ok := r.MatchBand(v.Num, "", false); ok {
			return r.Stake(ind) - b.Points, 0
		}
	case rubric.Excess:
		if v.Num > *r.Limit {
			steps := decimal.FloorDiv(v.Num-*r.Limit, *r.Step)
			return r.Amount.MulInt(steps), steps
		}
	case rubric.Linear:
		stake := r.Stake(ind)
		switch {
		case v.Num <= *r.From:
			return stake, 0
		case v.Num < *r.To:
			return decimal.MulDivRoundCents(stake, *r.To-v.Num, *r.To-*r.From), 0
		}
	case rubric.Shortfall:
		if v.Num < *r.Target {
			steps := decimal.FloorDiv(*r.Target-v.Num, *r.Step)
			return r.Amount.MulInt(steps), steps
		}
	case rubric.Ratio:
		if v.Num < *r.Target {
			return decimal.MulDivRoundCents(*r.Cap, *r.Target-v.Num, *r.Target), 0
		}
	case rubric.Convert:
		full := r.FullMark()
		if v.Num < full {
			return decimal.MulDivRoundCents(ind.Points, full-v.Num, full), 0
		}
	case rubric.Discretion:
		return v.Num.RoundCents(), 0
	}
	return 0, 0
}

// bandOf is the band, counted from 1, a band rule's value falls in; 0 for
// any other rule or no match.
func bandOf(r *rubric.Rule, v *Value) int {
	if r.Kind != rubric.Band {
		return 0
	}
	for i, b := range r.Bands {
		if r.LabelBands() {
			if v.Type == Text && b.Label == v.Text {
				return i + 1
			}
		} else if v.Type == Number && (b.Min == nil || v.Num >= *b.Min) {
			return i + 1
		}
	}
	return 0
}

// RuleAmount is what finding f alone deducts (or adds) on rule r of
// indicator ind, after the rule's own cap, as Score would put it in that
// rule's RuleResult.Amount; false when Validate refuses f. It is for the
// many single values that are compared rule by rule (the agreement of two
// inspectors), without scoring a whole assessment around each.
func RuleAmount(ind *rubric.Indicator, r *rubric.Rule, f Finding) (decimal.Dec, bool) {
	form := r.Form()
	if validate(r, form, &f.Value, f.Note) != nil {
		return 0, false
	}
	var raw decimal.Dec
	if f.Value.Type != Unset {
		raw, _ = ruleRaw(ind, r, form, &f.Value)
	}
	if r.Cap != nil && raw > *r.Cap {
		raw = *r.Cap
	}
	return raw, true
}
