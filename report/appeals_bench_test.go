package report

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// The appeal benchmarks' period and its dates: feedback issued, appeals
// lodged before the deadline, decided after it, the result frozen after
// every decision.
const (
	appealPeriod   = "2021"
	appealIssued   = "2022-01-10"
	appealDeadline = "2022-01-20"
	appealLodged   = "2022-01-15"
	appealDecided  = "2022-01-25"
	appealFinal    = "2022-02-01"
)

// deductionsPerUnit is how many rules each appeal benchmark assessment
// deducts on; appealsPerUnit how many of them the unit appeals.
const (
	deductionsPerUnit = 6
	appealsPerUnit    = 3
)

// appealsDB builds, through the store, one period of units signed
// assessments of the seed rubric, each deducting on its first
// deductionsPerUnit flag and count rules (every other rule clean),
// feedback issued to every unit at once (IssueFeedbackAll), and
// appealsPerUnit appeals per unit (AddAppeals) on its first deductions.
// Every other appeal of the period is decided by the lead — upheld with
// the rule's clean value, or rejected, in turn — and the rest stay open;
// with final, every appeal is decided and the period's result frozen
// (FinalizeAll). Records as kaohe writes them, signed by the device (a
// key of its own in a temporary folder of b's), the lead on the roster.
func appealsDB(b *testing.B, units int, final bool) string {
	b.Helper()
	start := time.Now()
	path := filepath.Join(b.TempDir(), "appeals.db")
	s, err := store.Open(path, store.Options{KeyDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.SetInspector("考核办")
	if err != nil {
		b.Fatal(err)
	}
	if err := s.AddTeamMember(id.Inspector, id.Device, store.RoleLead); err != nil {
		b.Fatal(err)
	}
	rb := rubric.Default()
	changes, deducted := appealFindings(b, rb)
	clean := scoring.CleanFindings(rb)
	ids := make([]string, units)
	for u := range units {
		a, _, err := s.CreateAssessment(id, rb, fmt.Sprintf("单位%03d", u), appealPeriod)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Record(id, a.ID, changes...); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Sign(id, a.ID, false); err != nil {
			b.Fatal(err)
		}
		ids[u] = a.ID
	}
	if _, err := s.IssueFeedbackAll(id, ids, appealIssued, appealDeadline, nil); err != nil {
		b.Fatal(err)
	}
	k := 0
	for _, aid := range ids {
		var nas []store.NewAppeal
		for _, rule := range deducted[:appealsPerUnit] {
			nas = append(nas, store.NewAppeal{Rule: rule, Reason: rule + "：已按要求落实，见附件"})
		}
		aps, err := s.AddAppeals(id, aid, nas, appealLodged, false, assessment.SourceCounty)
		if err != nil || len(aps) != appealsPerUnit {
			b.Fatal(len(aps), err)
		}
		for _, ap := range aps {
			k++
			var err error
			switch {
			case k%4 == 1:
				v := clean[ap.Rule].Value
				_, err = s.Decide(id, aid, ap.ID, true, &v, "核实已落实", appealDecided, false)
			case k%4 == 3 || final:
				_, err = s.Decide(id, aid, ap.ID, false, nil, "理由不成立", appealDecided, false)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	if final {
		if _, err := s.FinalizeAll(id, ids, appealFinal); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("built %d units × %d appeals (final: %v) in %s", units, appealsPerUnit, final, time.Since(start).Round(time.Millisecond))
	return path
}

// appealFindings records every rule of rb, the first deductionsPerUnit
// flag and count rules deducting with their reasons, the others clean;
// it returns the changes and the rules deducted on.
func appealFindings(b *testing.B, rb *rubric.Rubric) ([]store.Change, []string) {
	out := seed.Clean(rb)
	var deducted []string
	for i, c := range out {
		if len(deducted) == deductionsPerUnit {
			break
		}
		ref, ok := rb.Rule(c.Subject)
		if !ok {
			b.Fatalf("no rule %s", c.Subject)
		}
		switch r := ref.Rule; {
		case r.Kind == rubric.Flag:
			out[i] = store.SetRule(r.ID, scoring.BoolValue(true), "检查发现")
		case r.Kind == rubric.Count && r.Form() != rubric.FormList:
			out[i] = store.SetRule(r.ID, scoring.NumValue(decimal.FromInt(1)), "检查发现1项")
		default:
			continue
		}
		deducted = append(deducted, c.Subject)
	}
	if len(deducted) != deductionsPerUnit {
		b.Fatalf("the rubric has %d rules to deduct on", len(deducted))
	}
	return out, deducted
}

// BenchmarkAppeals measures the appeal cycle's read side on one period of
// 120 signed assessments, each with deductionsPerUnit deductions, its
// feedback issued and 3 appeals (360), every other one decided (built
// once per run), each beside its raw SQL yardstick in the same run:
//
//   - list: `kaohe appeal list --period 2021`'s data path: open the file
//     read-only, read the period's states (Store.StatesOfPeriod, as the command does), keep
//     the period's live ones, and list every appeal with its decision, its
//     decision's note and whether it came after the final result;
//   - raw: the yardstick of list: open the same file through the same
//     driver and read in one query the head of every appeal and decision
//     subject of the period's assessments — the rows the appeals derive
//     from: value, note and inspector — and nothing else;
//   - list-units=30 and list-units=120: list on a period of 30 and of 120
//     units, to read its growth: the ratio of the two is the figure (4 is
//     linear);
//   - final: `kaohe report --period 2021 --stage final`'s data path on a
//     second file, the same period with every appeal decided and the
//     result frozen: open with every state, the period's hash check, and
//     the final ranking of its 120 units (Build; no file written), beside
//     raw-final, the raw query on that file, and raw-final-heads, every
//     head of the period: the rows the ranking derives from.
func BenchmarkAppeals(b *testing.B) {
	const units = 120
	path := appealsDB(b, units, false)
	checked := seed.KnownFile(b, path)
	// One read before the runs, so the first does not pay alone for what
	// the process sets up once (the rubric's and the driver's first use).
	listAppeals(b, path, checked, units*appealsPerUnit)
	b.Run("list", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			listAppeals(b, path, checked, units*appealsPerUnit)
		}
	})
	b.Run("raw", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawAppealRows(b, path, appealPeriod, units*appealsPerUnit*3/2)
		}
	})
	small := appealsDB(b, 30, false)
	smallChecked := seed.KnownFile(b, small)
	listAppeals(b, small, smallChecked, 30*appealsPerUnit)
	for _, f := range []struct {
		units         int
		path, checked string
	}{{30, small, smallChecked}, {units, path, checked}} {
		b.Run(fmt.Sprintf("list-units=%d", f.units), func(b *testing.B) {
			defer storetest.CPUPerOp(b)()
			for b.Loop() {
				listAppeals(b, f.path, f.checked, f.units*appealsPerUnit)
			}
		})
	}
	final := appealsDB(b, units, true)
	finalChecked := seed.KnownFile(b, final)
	finalRanking(b, final, finalChecked, units)
	b.Run("final", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			finalRanking(b, final, finalChecked, units)
		}
	})
	b.Run("raw-final", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawAppealRows(b, final, appealPeriod, units*appealsPerUnit*2)
		}
	})
	b.Run("raw-final-heads", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawPeriodHeads(b, final, appealPeriod)
		}
	})
}

// rawPeriodHeads reads, through database/sql and the same driver, every
// head of period's assessments with its value and note in one query: the
// rows the final ranking derives from (findings, sign-off, feedback,
// appeals, decisions, the final result), nothing else.
func rawPeriodHeads(b *testing.B, path, period string) {
	if n := seed.RawRows(b, path, `SELECT h.assessment_id, h.subject, r.value, r.note
		FROM head h JOIN revision r ON r.id = h.revision_id
		WHERE h.assessment_id IN (SELECT id FROM assessment WHERE period = ?)`, period); n == 0 {
		b.Fatal("no rows")
	}
}

// listAppeals is `kaohe appeal list --period`'s data path (cmd/kaohe's
// appealListOptions.run with chosenStates), printing aside: it fails b
// unless it lists want appeals.
func listAppeals(b *testing.B, path, checked string, want int) {
	s := seed.OpenKnown(b, path, checked)
	defer s.Close()
	all, err := s.StatesOfPeriod(appealPeriod)
	if err != nil {
		b.Fatal(err)
	}
	n, decided := 0, 0
	for _, st := range all {
		if st.Withdrawn() != nil || st.Assessment.Period != appealPeriod {
			continue
		}
		conflicts := st.FinalConflicts()
		for _, ap := range st.Appeals() {
			after := false
			for _, subj := range conflicts {
				after = after || subj == assessment.AppealSubject(ap.ID) || subj == assessment.DecisionSubject(ap.ID)
			}
			if ap.Decision != nil && ap.DecisionRevision != nil && ap.DecisionRevision.Note != "" && !after {
				decided++
			}
			n++
		}
	}
	if n != want || decided != want/2 {
		b.Fatalf("%d appeals, %d decided; want %d, %d", n, decided, want, want/2)
	}
}

// finalRanking is `kaohe report --stage final`'s data path up to the
// report (cmd/kaohe's reportOptions.run): every state, the period's hash
// check, the ranking of the final results.
func finalRanking(b *testing.B, path, checked string, units int) {
	s, states, err := store.OpenStates(path, store.Options{ReadOnly: true, CheckDir: checked})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var live, inPeriod []*store.State
	for _, st := range states {
		if st.Withdrawn() == nil {
			live = append(live, st)
			if st.Assessment.Period == appealPeriod {
				inPeriod = append(inPeriod, st)
			}
		}
	}
	l := i18n.For("zh")
	bad, err := s.HashMismatches(inPeriod...)
	if err != nil || len(bad) != 0 {
		b.Fatal(len(bad), err)
	}
	r, err := Build(live, Filter{Period: appealPeriod, Unverified: Unverified(l, bad), Analysis: true, Stage: StageFinal}, l, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	if len(r.Ranking) != units || r.Ranking[0].Appeal == nil || r.Ranking[0].Appeal.Shown != StageFinal {
		b.Fatalf("%d ranked; want %d at the final stage", len(r.Ranking), units)
	}
}

// rawAppealRows reads, through database/sql and the same driver, the
// head of every appeal and decision subject of period's assessments in
// one query, failing b unless there are want.
func rawAppealRows(b *testing.B, path, period string, want int) {
	n := seed.RawRows(b, path, `SELECT h.assessment_id, h.subject, r.value, r.note, r.inspector
		FROM head h JOIN revision r ON r.id = h.revision_id
		WHERE h.assessment_id IN (SELECT id FROM assessment WHERE period = ?)
		AND (h.subject LIKE ? OR h.subject LIKE ?)`, period, assessment.AppealPrefix+"%", assessment.DecisionPrefix+"%")
	if n != want {
		b.Fatalf("%d rows; want %d", n, want)
	}
}
