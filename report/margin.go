package report

import (
	"fmt"
	"slices"
	"sort"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Margin is how close two adjacent units of a period's ranking are: the
// points between their totals and the recorded findings whose change would
// swap them, which are the findings the upper unit's rank depends on and
// the first a county appeals.
//
// A swap is the lower unit ending strictly above the upper one. The changes
// considered are single-rule changes of either unit's findings that carry
// points (a recorded rule that deducted, or for a bonus added, something)
// toward the other's advantage: the upper unit losing points or the lower
// one gaining them. Each change is a new value for one such rule, and
// its effect is the change of that unit's total, worked out exactly by
// scoring the unit again with scoring.Score, so every cap (the rule's, its
// group's, its indicator's, the bonus's) applies. For a rule with a figure
// (a count, a percentage, a platform score, a deduction) the new values are
// the recorded one moved step by step in its last recorded digit (whole
// items for a count, 0.01 for a discretionary deduction) up to where the
// rule can deduct no more or no less; a yes/no rule is flipped; a label
// band rule takes each other label; a rule with an amount per instance
// loses its largest instances or gains instances at the top of its range.
// Of the changes that swap the two units the one with the smallest effect
// is reported (then the upper unit's, then rubric order). When no single
// change swaps them, a set is chosen greedily: the changes with the largest
// effect, each as far as it goes, until the two swap, and the last one only
// as far as it must. Findings that carry no points are not changed: a rank
// depends on the deductions recorded, and otherwise every answer would be
// a discretionary deduction of the margin and a cent on a rule nobody
// found fault with. Neither are 一票否决 rules: a veto is a finding of
// fact, not points, so a unit ranked below another by a veto is said to
// be, with no swap sought.
//
// The cost is bounded: each unit is scored once per recorded rule and
// direction for the farthest change, and again, a logarithmic number of
// times, for each rule whose farthest change swaps a pair.
type Margin struct {
	Upper      string      `json:"upper"`
	Lower      string      `json:"lower"`
	UpperTotal decimal.Dec `json:"upper_total"`
	LowerTotal decimal.Dec `json:"lower_total"`
	// Margin is UpperTotal − LowerTotal (0 for a tie).
	Margin decimal.Dec `json:"margin"`
	// Vetoed says the lower unit ranks below by 一票否决, whatever the
	// points: no change is sought.
	Vetoed bool `json:"vetoed,omitempty"`
	// Single says Swap is one change; otherwise Swap, when not empty, is
	// the greedy set that swaps them together.
	Single bool `json:"single,omitempty"`
	// Swap is the change (or set of changes) that swaps the two units;
	// empty when none does.
	Swap []Change `json:"swap,omitempty"`
}

// Change is one recorded finding changed: the unit, the rule, its value
// before and after, and what the unit's total moves by with this change
// alone (in a greedy set too: the set's changes are each scored on their
// own, as the unit would see that finding corrected).
type Change struct {
	Unit   string        `json:"unit"`
	Rule   string        `json:"rule"`
	Name   string        `json:"name"`
	From   scoring.Value `json:"from"`
	To     scoring.Value `json:"to"`
	Effect decimal.Dec   `json:"effect"` // signed: negative when the unit loses points
}

// unitProbe re-scores one unit with one or more of its findings changed.
type unitProbe struct {
	unit  string
	rb    *rubric.Rubric
	fs    scoring.Findings // a copy: changed in place and restored
	res   *scoring.Result
	total decimal.Dec
	// far caches, by direction (true: toward gaining points), each
	// rule's farthest change.
	far map[bool][]ladderEnd
}

// ladder is the sequence of values a rule can be changed to in one
// direction, nearest first: at(k) for k in 1..n. monotone says a value
// further along never has a smaller effect (so the least that swaps can
// be found by halving).
type ladder struct {
	rule     *rubric.Rule
	from     scoring.Value
	note     string
	n        int
	at       func(k int) scoring.Value
	monotone bool
}

// ladderEnd is a ladder with the effect of its farthest value.
type ladderEnd struct {
	ladder
	effect decimal.Dec
	ok     bool // the farthest value scores
}

// totalWith is the unit's total with the given rules set to the values.
func (p *unitProbe) totalWith(changes map[string]scoring.Value, notes map[string]string) (decimal.Dec, bool) {
	saved := make(map[string]scoring.Finding, len(changes))
	for id, v := range changes {
		old, had := p.fs[id]
		if had {
			saved[id] = old
		}
		note := old.Note
		if note == "" {
			note = notes[id]
		}
		p.fs[id] = scoring.Finding{Value: v, Note: note}
	}
	res, err := scoring.Score(p.rb, p.fs)
	for id := range changes {
		p.fs[id] = saved[id]
	}
	if err != nil {
		return 0, false
	}
	return res.Total, true
}

// one is totalWith for a single rule.
func (p *unitProbe) one(l *ladder, v scoring.Value) (decimal.Dec, bool) {
	return p.totalWith(map[string]scoring.Value{l.rule.ID: v}, map[string]string{l.rule.ID: l.note})
}

// newProbe prepares a unit for re-scoring.
func newProbe(st *store.State, res *scoring.Result) *unitProbe {
	fs := st.Findings()
	cp := make(scoring.Findings, len(fs))
	for k, v := range fs {
		cp[k] = v
	}
	return &unitProbe{unit: clean(st.Assessment.Unit), rb: st.Rubric, fs: cp, res: res, total: res.Total, far: map[bool][]ladderEnd{}}
}

// farthest lists, once per direction, every recorded rule's ladder with
// the effect of its farthest value.
func (p *unitProbe) farthest(gain bool) []ladderEnd {
	if out, ok := p.far[gain]; ok {
		return out
	}
	var out []ladderEnd
	for ci := range p.res.Categories {
		for ii := range p.res.Categories[ci].Indicators {
			ir := &p.res.Categories[ci].Indicators[ii]
			ind := &p.rb.Categories[ci].Indicators[ii]
			for ri := range ir.Rules {
				rr := &ir.Rules[ri]
				if !rr.Recorded || rr.Value == nil || rr.Raw == 0 || rr.Rule.Kind == rubric.Veto {
					continue
				}
				l, ok := ladderOf(ind, rr.Rule, *rr.Value, gain)
				if !ok || l.n == 0 {
					continue
				}
				l.note = "—" // a discretionary deduction probed from 0 needs a note to score
				t, ok := p.one(&l, l.at(l.n))
				out = append(out, ladderEnd{ladder: l, effect: t - p.total, ok: ok})
			}
		}
	}
	p.far[gain] = out
	return out
}

// Margins works out the margin of every pair of adjacent units in the
// ranking of states (one period, one rubric; see Margin).
func Margins(states []*store.State) ([]Margin, error) {
	type unit struct {
		row   RankRow
		probe *unitProbe
	}
	var units []unit
	var rows []RankRow
	for _, st := range states {
		res, err := st.Score()
		if err != nil {
			return nil, err
		}
		row := rankRow(st, res)
		units = append(units, unit{row, newProbe(st, res)})
		rows = append(rows, row)
	}
	rank(rows)
	byKey := map[string]*unitProbe{}
	for _, u := range units {
		byKey[rowKey(u.row.Unit, u.row.Period, u.row.Rubric)] = u.probe
	}
	var out []Margin
	for i := 1; i < len(rows); i++ {
		up, lo := rows[i-1], rows[i]
		if up.Period != lo.Period || up.Rubric != lo.Rubric {
			continue
		}
		m := Margin{Upper: up.Unit, Lower: lo.Unit, UpperTotal: up.Total, LowerTotal: lo.Total, Margin: up.Total - lo.Total}
		if len(lo.VetoedBy) > 0 && len(up.VetoedBy) == 0 {
			m.Vetoed = true
			out = append(out, m)
			continue
		}
		m.Swap, m.Single = swapOf(byKey[rowKey(up.Unit, up.Period, up.Rubric)], byKey[rowKey(lo.Unit, lo.Period, lo.Rubric)])
		out = append(out, m)
	}
	return out, nil
}

// candidate is a change that swaps a pair: its ladder, how far along, and
// its effect.
type candidate struct {
	probe  *unitProbe
	upper  bool
	l      ladder
	k      int
	effect decimal.Dec
}

// swapOf finds the change that swaps upper and lower (see Margin): the
// single change of least effect, else the greedy set.
func swapOf(upper, lower *unitProbe) ([]Change, bool) {
	// swaps says whether the upper unit's total u and the lower one's t
	// have swapped.
	swaps := func(u, t decimal.Dec) bool { return t > u }
	var best *candidate
	consider := func(p *unitProbe, isUpper bool, e ladderEnd) {
		if !e.ok {
			return
		}
		total := func(v scoring.Value) (decimal.Dec, bool) { return p.one(&e.ladder, v) }
		swapped := func(t decimal.Dec) bool {
			if isUpper {
				return swaps(t, lower.total)
			}
			return swaps(upper.total, t)
		}
		// bound is the effect a change must stay under to beat the best
		// so far (a tie goes to the earlier one).
		beats := func(t decimal.Dec) bool { return best == nil || absDec(t-p.total) < absDec(best.effect) }
		k, t, found := 0, decimal.Zero, false
		if e.monotone {
			if !swapped(p.total+e.effect) || !beats(p.total+e.effect) && e.n == 1 {
				return
			}
			// Gallop from the nearest value (most pairs are swapped by a
			// small change), then halve between the last two probes. A
			// probe whose effect is already no better than the best so
			// far ends the search: further along is no better.
			prev, hi, hiTotal := 0, 1, decimal.Zero
			for {
				if hi >= e.n {
					hi, hiTotal = e.n, p.total+e.effect
					break
				}
				ht, ok := total(e.at(hi))
				if ok && swapped(ht) {
					// A probe that swaps bounds the search even when its
					// own effect is no better than the best: a smaller
					// change between the last two probes may still be.
					hiTotal = ht
					break
				}
				if ok && !beats(ht) {
					return
				}
				prev, hi = hi, hi*2
			}
			lo := prev + 1 // the least k that swaps is in [lo, hi]
			for lo < hi {
				mid := (lo + hi) / 2
				mt, ok := total(e.at(mid))
				if ok && swapped(mt) {
					hi, hiTotal = mid, mt
				} else {
					lo = mid + 1
				}
			}
			k, t, found = hi, hiTotal, beats(hiTotal)
		} else {
			for j := 1; j <= e.n; j++ {
				jt, ok := total(e.at(j))
				if ok && swapped(jt) && (!found || absDec(jt-p.total) < absDec(t-p.total)) {
					k, t, found = j, jt, true
				}
			}
			found = found && beats(t)
		}
		if !found {
			return
		}
		c := &candidate{probe: p, upper: isUpper, l: e.ladder, k: k, effect: t - p.total}
		if best == nil || better(c, best) {
			best = c
		}
	}
	// No swap is smaller than the margin and a cent: once one is found,
	// nothing later in the order can beat it.
	least := upper.total - lower.total + decimal.Cent
	for _, e := range upper.farthest(false) {
		if best != nil && absDec(best.effect) == least {
			break
		}
		consider(upper, true, e)
	}
	for _, e := range lower.farthest(true) {
		if best != nil && absDec(best.effect) == least {
			break
		}
		consider(lower, false, e)
	}
	if best != nil {
		return []Change{changeOf(best.probe, &best.l, best.k, best.effect)}, true
	}
	return greedySwap(upper, lower, swaps), false
}

// better orders the single changes that swap a pair: least effect, then
// the upper unit's, then rubric order.
func better(a, b *candidate) bool {
	if ea, eb := absDec(a.effect), absDec(b.effect); ea != eb {
		return ea < eb
	}
	if a.upper != b.upper {
		return a.upper
	}
	return scoring.RuleLess(a.l.rule.ID, b.l.rule.ID)
}

// greedySwap takes the changes of largest effect, each as far as it goes,
// until the pair swaps, then brings the last back to the least that still
// swaps; nil when even all of them together do not swap the pair.
func greedySwap(upper, lower *unitProbe, swaps func(u, t decimal.Dec) bool) []Change {
	type step struct {
		p     *unitProbe
		upper bool
		e     ladderEnd
	}
	var steps []step
	for _, e := range upper.farthest(false) {
		if e.ok && e.effect != 0 {
			steps = append(steps, step{upper, true, e})
		}
	}
	for _, e := range lower.farthest(true) {
		if e.ok && e.effect != 0 {
			steps = append(steps, step{lower, false, e})
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return absDec(steps[i].e.effect) > absDec(steps[j].e.effect) })
	chosen := map[*unitProbe]map[string]scoring.Value{upper: {}, lower: {}}
	notes := map[string]string{}
	totals := map[*unitProbe]decimal.Dec{upper: upper.total, lower: lower.total}
	var taken []step
	for _, s := range steps {
		chosen[s.p][s.e.rule.ID] = s.e.at(s.e.n)
		notes[s.e.rule.ID] = s.e.note
		t, ok := s.p.totalWith(chosen[s.p], notes)
		if !ok {
			delete(chosen[s.p], s.e.rule.ID)
			continue
		}
		totals[s.p] = t
		taken = append(taken, s)
		if !swaps(totals[upper], totals[lower]) {
			continue
		}
		// The last change only as far as it must.
		k := s.e.n
		if s.e.monotone {
			lo, hi := 1, s.e.n
			for lo < hi {
				mid := (lo + hi) / 2
				chosen[s.p][s.e.rule.ID] = s.e.at(mid)
				mt, ok := s.p.totalWith(chosen[s.p], notes)
				other := totals[upper]
				if s.upper {
					other = totals[lower]
				}
				if ok && ((s.upper && swaps(mt, other)) || (!s.upper && swaps(other, mt))) {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			k = hi
		}
		var out []Change
		for i, ts := range taken {
			kk := ts.e.n
			if i == len(taken)-1 {
				kk = k
			}
			out = append(out, changeOf(ts.p, &ts.e.ladder, kk, 0))
		}
		// Each change's effect on its own, as the unit would see it.
		for i := range out {
			p := taken[i].p
			l := &taken[i].e.ladder
			if t, ok := p.one(l, out[i].To); ok {
				out[i].Effect = t - p.total
			}
		}
		return out
	}
	return nil
}

// changeOf is the change of a ladder's rule to its k'th value.
func changeOf(p *unitProbe, l *ladder, k int, effect decimal.Dec) Change {
	return Change{Unit: p.unit, Rule: l.rule.ID, Name: clean(l.rule.Name()), From: l.from, To: l.at(k), Effect: effect}
}

// ladderOf is the ladder of a recorded value of rule r toward gaining
// points (gain) or losing them; false when the rule cannot move that way.
func ladderOf(ind *rubric.Indicator, r *rubric.Rule, v scoring.Value, gain bool) (ladder, bool) {
	l := ladder{rule: r, from: v, monotone: true}
	switch r.Form() {
	case rubric.FormBool:
		// A flag deducts when true; a bonus adds when true.
		bad := r.Kind != rubric.Bonus
		if v.Bool == (bad == gain) {
			l.n, l.at = 1, func(int) scoring.Value { return scoring.BoolValue(!v.Bool) }
		}
		return l, true
	case rubric.FormLabel:
		var others []string
		for _, lb := range r.Labels() {
			if lb != v.Text {
				others = append(others, lb)
			}
		}
		l.n, l.monotone = len(others), false
		l.at = func(k int) scoring.Value { return scoring.TextValue(others[k-1]) }
		return l, true
	case rubric.FormList:
		// A bonus's instances add; a deduction's take off.
		adds := r.Kind == rubric.Bonus
		if adds != gain { // fewer instances, largest first
			items := slices.Clone(v.Items)
			slices.Sort(items)
			l.n = len(items)
			l.at = func(k int) scoring.Value { return scoring.ListValue(items[:len(items)-k]...) }
			return l, true
		}
		hi := r.Range[1]
		l.n = int(decimal.FloorDiv(ind.Points, hi)) + 1
		l.at = func(k int) scoring.Value {
			items := slices.Clone(v.Items)
			for range k {
				items = append(items, hi)
			}
			return scoring.ListValue(items...)
		}
		return l, true
	}
	cur := v.Num
	if sl, ok := stepLadder(ind, r, cur, gain); ok {
		sl.from = v
		return sl, true
	}
	up, far, step := numberLadder(ind, r, cur, gain)
	if step == 0 || (up && far <= cur) || (!up && far >= cur) {
		return l, true
	}
	dist := far - cur
	if !up {
		dist = cur - far
	}
	l.n = int((dist + step - 1) / step)
	l.at = func(k int) scoring.Value {
		d := step.MulInt(int64(k))
		if d >= dist {
			return scoring.NumValue(far)
		}
		if up {
			return scoring.NumValue(cur + d)
		}
		return scoring.NumValue(cur - d)
	}
	return l, true
}

// stepLadder is the ladder of a shortfall or an excess rule, whose
// deduction changes only where the figure crosses a whole step: its values
// are those crossings, nearest first (每少2000件: 92500 → 94001 is one step
// fewer, → 92000 one more), so finding the least that swaps takes a few
// probes instead of one per unit of the figure. false for other rules.
func stepLadder(ind *rubric.Indicator, r *rubric.Rule, cur decimal.Dec, gain bool) (ladder, bool) {
	l := ladder{rule: r, monotone: true}
	if r.Step == nil || *r.Step <= 0 || r.Amount == nil || *r.Amount <= 0 {
		return l, false
	}
	step, u := *r.Step, digitStep(cur)
	spend := int(decimal.FloorDiv(ind.Points, *r.Amount)) + 1 // steps more that spend the indicator
	limit, bounded := scoring.Limit(r)
	switch {
	case r.Kind == rubric.Shortfall && r.Target != nil:
		target := *r.Target
		short := 0
		if cur < target {
			short = int(decimal.FloorDiv(target-cur, step))
		}
		if gain { // up to the value one step fewer short, ..., none short
			l.n = short
			l.at = func(k int) scoring.Value {
				return scoring.NumValue(min(target, target-step.MulInt(int64(short-k+1))+u))
			}
			return l, true
		}
		l.n = max(0, min(spend, int(decimal.FloorDiv(target, step))-short))
		l.at = func(k int) scoring.Value { return scoring.NumValue(target - step.MulInt(int64(short+k))) }
		return l, true
	case r.Kind == rubric.Excess && r.Limit != nil:
		base := *r.Limit
		over := 0
		if cur > base {
			over = int(decimal.FloorDiv(cur-base, step))
		}
		if gain { // down to the value one step fewer over, ..., none over
			l.n = over
			l.at = func(k int) scoring.Value {
				return scoring.NumValue(base + step.MulInt(int64(over-k+1)) - u)
			}
			return l, true
		}
		l.n = spend
		for bounded && l.n > 0 && base+step.MulInt(int64(over+l.n)) > limit {
			l.n--
		}
		l.at = func(k int) scoring.Value { return scoring.NumValue(base + step.MulInt(int64(over+k))) }
		return l, true
	}
	return l, false
}

// numberLadder says which way a rule's figure moves to gain (or lose)
// points, how far it can usefully go, and the step: up says the figure
// rises; far is where the rule deducts nothing (gaining) or all it can
// (losing); step is one in the value's last recorded digit (whole items
// for counts, a cent for a discretionary deduction).
func numberLadder(ind *rubric.Indicator, r *rubric.Rule, cur decimal.Dec, gain bool) (up bool, far, step decimal.Dec) {
	limit, bounded := scoring.Limit(r)
	clamp := func(d decimal.Dec) decimal.Dec {
		if bounded && d > limit {
			return limit
		}
		return d
	}
	per := func(amount *decimal.Dec) decimal.Dec { // items until the indicator is spent
		if amount == nil || *amount <= 0 {
			return decimal.FromInt(1)
		}
		return decimal.FromInt(decimal.FloorDiv(ind.Points, *amount) + 1)
	}
	step = digitStep(cur)
	switch r.Kind {
	case rubric.Count:
		step = decimal.FromInt(1)
		if gain {
			return false, 0, step
		}
		return true, clamp(cur + per(r.Amount)), step
	case rubric.Bonus: // per item
		step = decimal.FromInt(1)
		if !gain {
			return false, 0, step
		}
		room := ind.Points
		if r.Cap != nil {
			room = *r.Cap
		}
		n := decimal.FromInt(1)
		if r.Amount != nil && *r.Amount > 0 {
			n = decimal.FromInt(decimal.FloorDiv(room, *r.Amount) + 1)
		}
		return true, clamp(cur + n), step
	case rubric.Discretion:
		step = min(step, decimal.Cent)
		if gain {
			return false, 0, step
		}
		if bounded {
			return true, limit, step
		}
		return true, ind.Points, step
	case rubric.Excess:
		if gain {
			return false, *r.Limit, step
		}
		room := decimal.FromInt(1)
		if r.Amount != nil && *r.Amount > 0 && r.Step != nil {
			room = r.Step.MulInt(decimal.FloorDiv(ind.Points, *r.Amount) + 1)
		}
		return true, clamp(max(cur, *r.Limit) + room), step
	case rubric.Shortfall, rubric.Ratio:
		if gain {
			return true, clamp(*r.Target), step
		}
		return false, 0, step
	case rubric.Convert:
		if gain {
			return true, r.FullMark(), step
		}
		return false, 0, step
	case rubric.Linear:
		if gain {
			return true, clamp(*r.To), step
		}
		return false, min(*r.From, cur), step
	case rubric.Band:
		if gain {
			if len(r.Bands) == 0 || r.Bands[0].Min == nil {
				return true, cur, step
			}
			return true, clamp(*r.Bands[0].Min), step
		}
		return false, 0, step
	}
	return true, cur, 0
}

// digitStep is one in the last digit a figure was recorded with: 1 for
// 89, 0.1 for 89.5.
func digitStep(d decimal.Dec) decimal.Dec {
	step := decimal.Dec(1)
	for step < decimal.FromInt(1) && d%(step*10) == 0 {
		step *= 10
	}
	return step
}

// ChangeText words a change: 花垣县 2.4.a 好差评 89 → 90.
func ChangeText(l *i18n.Labels, c Change) string {
	return c.Unit + " " + c.Rule + " " + c.Name + " " + FormatValue(l, &c.From) + " → " + FormatValue(l, &c.To)
}

// MarginText words a margin on one line: 泸溪县 81.43 与 花垣县 81.20 相差
// 0.23；花垣县 2.4.a 好差评 89 → 90（+0.03）即可互换名次.
func MarginText(l *i18n.Labels, m Margin) string {
	head := fmt.Sprintf(l.Analysis.Margin, m.Upper, m.UpperTotal.Fixed(2), m.Lower, m.LowerTotal.Fixed(2), m.Margin.Fixed(2))
	return head + l.Analysis.Sep + SwapText(l, m)
}

// changeWithEffect is a change with what it moves the unit's total by.
func changeWithEffect(l *i18n.Labels, c Change) string {
	return ChangeText(l, c) + fmt.Sprintf(l.Analysis.Effect, signed(c.Effect))
}

// absDec is d without its sign.
func absDec(d decimal.Dec) decimal.Dec { return decimal.Max2(d, -d) }
