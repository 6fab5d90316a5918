package assessment

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
)

// ProblemPrefix starts the subject of a problem's record (整改记录): every
// deduction of a signed assessment is a problem the unit must rectify
// (以考促改), and what happens to it — a due date, a reported
// rectification, 销号 or 退回 — is a revision of "problem/KEY", where KEY
// is the deducting rule ("1.2.a") or one item of it ("1.2.a/<item ID>").
//
// The problems themselves are not stored: they are derived from the
// deductions (State.Problems), so two laptops derive the same problems
// with the same IDs. Only what happened to them is recorded, each change
// one revision whose parents are the record it changed: two changes made
// from one record on two laptops are a conflict, shown, never a silent
// overwrite. Problem records are not part of what a sign-off signs (they
// are written after it, and signing again does not need them).
const ProblemPrefix = "problem/"

// ProblemSubject is the revision subject of the problem with this key.
func ProblemSubject(key string) string { return ProblemPrefix + key }

// ProblemKey is the key of the problem a deduction makes: the rule's ID,
// or for one item of it, the rule and the item's ID.
func ProblemKey(rule, itemID string) string {
	if itemID == "" {
		return rule
	}
	return rule + "/" + itemID
}

// ParseProblemSubject splits a problem's subject into its rule and, for an
// item's problem, the item's ID.
func ParseProblemSubject(s string) (rule, itemID string, ok bool) {
	key, ok := strings.CutPrefix(s, ProblemPrefix)
	if !ok || key == "" {
		return "", "", false
	}
	rule, itemID, _ = strings.Cut(key, "/")
	if rule == "" || strings.Contains(itemID, "/") || strings.HasSuffix(key, "/") {
		return "", "", false
	}
	return rule, itemID, true
}

// The states a problem is in (ProblemRecord.Status, Problem.Status).
const (
	// ProblemOpen is 待整改: found, nothing reported yet.
	ProblemOpen = "open"
	// ProblemRectifying is 整改中: the unit reported a rectification.
	ProblemRectifying = "rectifying"
	// ProblemReturned is 退回: the office did not accept the reported
	// rectification; the unit is back at it (still 整改中, with a reason).
	ProblemReturned = "returned"
	// ProblemClosed is 已销号: the office accepted the rectification.
	ProblemClosed = "closed"
	// ProblemWithdrawn is 已撤销: derived, never recorded — the deduction
	// that made the problem is gone (the assessment was reopened and
	// changed).
	ProblemWithdrawn = "withdrawn"
)

// The actions that change a problem's record (ProblemRecord.Action).
const (
	ActionAssign  = "assign"  // a due date and who is responsible
	ActionRectify = "rectify" // a rectification reported
	ActionClose   = "close"   // 销号
	ActionReturn  = "return"  // 退回, with a reason
	// ActionWithdraw is written by signing: the deduction behind the
	// problem is gone (已撤销). Should the rule deduct again in a later
	// sign-off, that is a new problem, not this one reopened.
	ActionWithdraw = "withdraw"
)

// SourceCounty marks a record that a unit reported itself, in the 问题清单
// workbook it filled and returned, imported by the office; "" is the
// office's or an inspector's own.
const SourceCounty = "county"

// ProblemRecord is what one revision of a problem records: the action
// taken and the whole record after it, so the current head alone says
// where the problem stands and the history says every step. The
// revision's note holds the reason of a return or the note of a 销号.
type ProblemRecord struct {
	Action string `json:"action"`
	Status string `json:"status"`
	// Due is the 整改时限 (YYYY-MM-DD); Owner the 责任单位/责任人 the
	// office names.
	Due   string `json:"due,omitempty"`
	Owner string `json:"owner,omitempty"`
	// Measure, Completion, DoneOn and Responsible are what the unit
	// reports: 整改措施, 完成情况, 完成时间 (YYYY-MM-DD) and 责任人.
	Measure     string `json:"measure,omitempty"`
	Completion  string `json:"completion,omitempty"`
	DoneOn      string `json:"done_on,omitempty"`
	Responsible string `json:"responsible,omitempty"`
	// Source is SourceCounty when the unit reported this itself.
	Source string `json:"source,omitempty"`
}

// ProblemValue is a problem record as a value to record.
func ProblemValue(r ProblemRecord) Value { return Value{Kind: KindProblem, Problem: &r} }

// errNotProblem says a stored problem record does not read as one.
var errNotProblem = errors.New("not a problem record")

// decodeProblem reads a problem's stored record strictly.
func decodeProblem(text string) (ProblemRecord, error) {
	var pr ProblemRecord
	if decodeStrict(text, &pr) != nil {
		return pr, errNotProblem
	}
	return pr, nil
}

// DateLayout is how kaohe writes a calendar date (整改时限, 完成时间).
const DateLayout = "2006-01-02"

// ValidDate reports whether s is a calendar date written YYYY-MM-DD.
func ValidDate(s string) bool {
	t, err := time.Parse(DateLayout, s)
	return err == nil && t.Format(DateLayout) == s
}

// Problem is one deduction of an assessment as a problem to rectify, with
// where its rectification stands.
type Problem struct {
	// Key is the problem's key (ProblemKey), unique in its assessment;
	// ID is how lists show it and commands take it: the rule's ID, or the
	// rule's ID and the item's short ID ("1.2.a#3f9c2a1b").
	Key, ID   string
	Rule      string
	Indicator string
	ItemID    string
	// Found is what was found: the item's text, else the rule's note.
	Found string
	// Points is what the finding deducts by its clause: the rule's
	// deduction after its own cap, or, for an item, the item's own amount
	// (the indicator's cap may take less off the total; the score sheet
	// says how much).
	Points decimal.Dec
	// Veto marks a 一票否决 found: it deducts no points but fails the
	// assessment.
	Veto bool
	// Inspector is who recorded the finding.
	Inspector string
	// Status is where the problem stands (ProblemOpen … ProblemWithdrawn).
	Status string
	// Record is the current record (nil while nothing was recorded) and
	// Revision the revision holding it.
	Record   *ProblemRecord
	Revision *Revision
	// Conflict is set when two changes were made from one record on two
	// laptops: Record is then the latest, and both are in the history.
	Conflict bool
	// Heads are the record's heads, latest first (several in a conflict).
	Heads []*Revision
}

// Overdue reports whether the problem is 逾期 on the day asOf (a date
// written YYYY-MM-DD): it has a due date before that day and is neither
// 已销号 nor 已撤销.
func (p Problem) Overdue(asOf string) bool {
	if p.Status == ProblemClosed || p.Status == ProblemWithdrawn || p.Record == nil || p.Record.Due == "" {
		return false
	}
	return p.Record.Due < asOf
}

// DaysOverdue is how many days past its due date the problem is on asOf
// (0 when it is not overdue).
func (p Problem) DaysOverdue(asOf string) int {
	if !p.Overdue(asOf) {
		return 0
	}
	due, err1 := time.Parse(DateLayout, p.Record.Due)
	day, err2 := time.Parse(DateLayout, asOf)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(day.Sub(due).Hours() / 24)
}

// Problems derives the assessment's problems from its score (res, of this
// state): one for each item of a deducting count rule recorded as items,
// one for each other rule of a non-bonus indicator that deducts points,
// and one for each veto found. Each carries its record. A problem with a
// record whose deduction is gone is listed as ProblemWithdrawn, not
// dropped. They come in rubric order, an item's after its rule's.
func (st *State) Problems(res *scoring.Result) []Problem {
	items := st.itemsByRule()
	live := map[string]bool{}
	var out []Problem
	for ci := range res.Categories {
		for ii := range res.Categories[ci].Indicators {
			ir := &res.Categories[ci].Indicators[ii]
			if ir.Bonus {
				continue
			}
			for ri := range ir.Rules {
				rr := &ir.Rules[ri]
				veto := rr.Vetoed()
				if !veto && rr.Amount <= 0 {
					continue
				}
				if its := items[rr.ID()]; len(its) > 0 && rr.Rule != nil {
					for _, it := range its {
						p := Problem{Key: ProblemKey(rr.ID(), it.ID), ID: rr.ID() + "#" + it.Short(), Rule: rr.ID(), Indicator: ir.ID,
							ItemID: it.ID, Found: it.Text, Inspector: it.Inspector}
						if it.Amount != nil {
							p.Points = *it.Amount
						} else if rr.Rule.Amount != nil {
							p.Points = *rr.Rule.Amount
						}
						if it.Note != "" {
							p.Found += "（" + it.Note + "）"
						}
						out = append(out, p)
						live[p.Key] = true
					}
					continue
				}
				p := Problem{Key: rr.ID(), ID: rr.ID(), Rule: rr.ID(), Indicator: ir.ID, Found: rr.Note, Points: rr.Amount, Veto: veto}
				if ss := st.Subjects[rr.ID()]; ss != nil {
					if cur := st.valueOf(rr.ID(), ss); cur != nil {
						p.Inspector = cur.Inspector
					}
				}
				out = append(out, p)
				live[p.Key] = true
			}
		}
	}
	for i := range out {
		st.attachRecord(&out[i])
	}
	for subj := range st.Subjects {
		rule, itemID, ok := ParseProblemSubject(subj)
		if !ok || live[ProblemKey(rule, itemID)] {
			continue
		}
		p := Problem{Key: ProblemKey(rule, itemID), ID: rule, Rule: rule, ItemID: itemID}
		if ref, ok := st.Rubric.Rule(rule); ok {
			p.Indicator = ref.Indicator.ID
		}
		if itemID != "" {
			it := Item{ID: itemID}
			p.ID = rule + "#" + it.Short()
			p.Found = st.lastItemText(rule, itemID)
		}
		st.attachRecord(&p)
		if p.Record == nil && !st.withdrawnRecord(p.Key) {
			continue // nothing was ever recorded on it
		}
		if p.Record == nil { // the withdrawal signing wrote: what was recorded, kept
			cur := st.Subjects[ProblemSubject(p.Key)].Current()
			p.Record, p.Revision = cur.Decoded().Problem, cur
		}
		p.Status = ProblemWithdrawn
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return scoring.RuleLess(out[i].Rule, out[j].Rule)
		}
		return out[i].ItemID < out[j].ItemID
	})
	return out
}

// attachRecord sets a problem's record and status from its heads.
func (st *State) attachRecord(p *Problem) {
	p.Status = ProblemOpen
	ss := st.Subjects[ProblemSubject(p.Key)]
	if ss == nil {
		return
	}
	p.Heads = ss.Heads
	p.Conflict = ss.Conflict()
	cur := ss.Current()
	v := cur.Decoded()
	if v.Kind != KindProblem {
		return // damaged: verify names it
	}
	if v.Problem.Status == ProblemWithdrawn {
		// Withdrawn when the deduction went; deducting again, it is a
		// new problem (its first record will descend from this one).
		return
	}
	p.Record, p.Revision = v.Problem, cur
	if v.Problem.Status != "" {
		p.Status = v.Problem.Status
	}
}

// withdrawnRecord reports whether the problem's current record is the
// withdrawal signing wrote.
func (st *State) withdrawnRecord(key string) bool {
	ss := st.Subjects[ProblemSubject(key)]
	if ss == nil {
		return false
	}
	v := ss.Current().Decoded()
	return v.Kind == KindProblem && v.Problem.Status == ProblemWithdrawn
}

// lastItemText is the text an item had when it was last live, as far as
// the heads tell (a removed item's head is its tombstone): "" when not
// known here.
func (st *State) lastItemText(rule, itemID string) string {
	ss := st.Subjects[ItemSubject(rule, itemID)]
	if ss == nil {
		return ""
	}
	for _, h := range ss.Heads {
		if v := h.Decoded(); v.Kind == KindItem {
			return v.Item.Text
		}
	}
	return ""
}

// FindProblem finds one problem by its ID as lists show it ("1.2.a",
// "1.2.a#3f9c2a1b"), its key, or its number in the list (1 for the first).
func FindProblem(problems []Problem, ref string) (Problem, bool) {
	ref = strings.TrimSpace(ref)
	if n, ok := listNumber(ref); ok && n >= 1 && n <= len(problems) {
		return problems[n-1], true
	}
	for _, p := range problems {
		if p.ID == ref || p.Key == ref {
			return p, true
		}
	}
	return Problem{}, false
}

// listNumber reads a number in a list (1 to 99999): digits only.
func listNumber(s string) (int, bool) {
	if s == "" || len(s) > 5 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n, true
}
