package rectify

import (
	"fmt"
	"io"
	"os"
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

// problemsPerUnit is how many problems each benchmark assessment has.
const problemsPerUnit = 30

// benchDB builds, through the store, a database of periods × units signed
// assessments of the seed rubric, each with problemsPerUnit problems (its
// first flag and count rules found, with their reasons; every other rule
// clean), every problem given a due date and a third of them a
// rectification reported: records as kaohe writes them, signed by the
// device, in a temporary folder of b's.
func benchDB(b *testing.B, periods, units int) string {
	b.Helper()
	start := time.Now()
	path := filepath.Join(b.TempDir(), "problems.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.SetInspector("考核办")
	if err != nil {
		b.Fatal(err)
	}
	rb := rubric.Default()
	changes := benchFindings(b, rb)
	var refs []string
	for i := 0; i < problemsPerUnit/3; i++ {
		refs = append(refs, fmt.Sprint(3*i+1))
	}
	for p := 0; p < periods; p++ {
		period := fmt.Sprint(2011 + p)
		for u := 0; u < units; u++ {
			a, _, err := s.CreateAssessment(id, rb, fmt.Sprintf("单位%03d", u), period)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Record(id, a.ID, changes...); err != nil {
				b.Fatal(err)
			}
			if _, err := s.Sign(id, a.ID, false); err != nil {
				b.Fatal(err)
			}
			if _, err := s.ActOnProblems(id, a.ID, nil, true, store.ProblemAction{Action: assessment.ActionAssign, Due: period + "-12-31", Owner: "政务服务中心"}); err != nil {
				b.Fatal(err)
			}
			if _, err := s.ActOnProblems(id, a.ID, refs, false, store.ProblemAction{Action: assessment.ActionRectify, Measure: "已整改到位", DoneOn: period + "-11-30", Source: assessment.SourceCounty}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Logf("built %d periods × %d units × %d problems in %s", periods, units, problemsPerUnit, time.Since(start).Round(time.Millisecond))
	return path
}

// benchFindings records every rule of rb, the first problemsPerUnit flag
// and count rules deducting with their reasons, the others clean.
func benchFindings(b *testing.B, rb *rubric.Rubric) []store.Change {
	var out []store.Change
	found := 0
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			deduct := found < problemsPerUnit && (r.Kind == rubric.Flag || (r.Kind == rubric.Count && r.Form() != rubric.FormList))
			var v scoring.Value
			note := ""
			switch {
			case deduct && r.Kind == rubric.Flag:
				v, note = scoring.BoolValue(true), "检查发现"
			case deduct:
				v, note = scoring.NumValue(decimal.FromInt(1)), "检查发现1项"
			case r.Kind == rubric.Flag || r.Kind == rubric.Bonus || r.Kind == rubric.Veto:
				v = scoring.BoolValue(false)
			case r.Kind == rubric.Count && r.Form() == rubric.FormList:
				v = scoring.ListValue()
			case r.Kind == rubric.Count:
				v = scoring.NumValue(0)
			case r.Kind == rubric.Shortfall || r.Kind == rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case r.Kind == rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			case r.Kind == rubric.Discretion:
				v = scoring.NumValue(0)
			default:
				b.Fatalf("no value for a %s rule", r.Kind)
			}
			if deduct {
				found++
			}
			out = append(out, store.SetRule(r.ID, v, note))
		}
	}
	if found != problemsPerUnit {
		b.Fatalf("the rubric has %d rules to deduct on", found)
	}
	return out
}

// benchProblems is the benchmark database: 10 periods × 120 units × 30
// problems (36,000 problems), built once per benchmark run.
func benchProblems(b *testing.B) string { return benchDB(b, benchPeriods(), 120) }

// BenchmarkProblems measures, on one database of 10 periods × 120 units ×
// 30 problems (36,000 problems, built once per run), each beside its raw
// SQL yardstick in the same run:
//
//   - list: `kaohe problem list --period 2016`'s data path: open the file,
//     read the period's 120 assessments' states (store.StatesOfPeriod),
//     derive their 3,600 problems with their records (Collect, which
//     `problem export` reads through too);
//   - raw: the yardstick of list and ledger: open the same file
//     through the same driver and read in one query the value of every
//     head of the period's assessments — the rows the problems derive
//     from — and nothing else;
//   - ledger: `kaohe problem export --period 2016 -o 整改台账.xlsx`: the
//     data path (Collect), then the workbook of the 3,600 problems and the
//     120 units' summary (written to nowhere);
//   - list-all and raw-all: `kaohe problem list` of every period (every
//     state read at once, store.OpenStates) and its yardstick.
func BenchmarkProblems(b *testing.B) {
	path := benchProblems(b)
	checked := seed.KnownFile(b, path)
	b.Run("list", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			s := seed.OpenKnown(b, path, checked)
			entries, err := Collect(s, benchPeriod(), "")
			if err != nil || countProblems(entries) != 120*problemsPerUnit {
				b.Fatal(countProblems(entries), err)
			}
			s.Close()
		}
	})
	b.Run("raw", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawRows(b, path, benchPeriod())
		}
	})
	b.Run("ledger", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			ledger(b, path, checked, benchPeriod(), 120*problemsPerUnit)
		}
	})
	b.Run("list-all", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			s, states, err := store.OpenStates(path, store.Options{ReadOnly: true, CheckDir: checked})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for p := 0; p < benchPeriods(); p++ {
				entries, err := CollectStates(states, fmt.Sprint(2011+p), "")
				if err != nil {
					b.Fatal(err)
				}
				n += countProblems(entries)
			}
			if n != benchPeriods()*120*problemsPerUnit {
				b.Fatal(n)
			}
			s.Close()
		}
	})
	b.Run("raw-all", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawRows(b, path, "")
		}
	})
}

func ledger(b *testing.B, path, checked, period string, want int) {
	s := seed.OpenKnown(b, path, checked)
	defer s.Close()
	entries, err := Collect(s, period, "")
	if err != nil || countProblems(entries) != want {
		b.Fatal(countProblems(entries), err)
	}
	lg, err := NewLedger(entries, period, period+"-12-31")
	if err != nil {
		b.Fatal(err)
	}
	if err := lg.Write(i18n.For("zh"), io.Discard); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLedgerLinear is the ledger export of one period of 1,000 and
// of 10,000 problems (34 and 334 units), to read its growth: the ratio of
// the two is the figure.
func BenchmarkLedgerLinear(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		units := (n + problemsPerUnit - 1) / problemsPerUnit
		b.Run(fmt.Sprintf("problems=%d", units*problemsPerUnit), func(b *testing.B) {
			path := benchDB(b, 1, units)
			checked := seed.KnownFile(b, path)
			b.ResetTimer()
			defer storetest.CPUPerOp(b)()
			for b.Loop() {
				ledger(b, path, checked, "2011", units*problemsPerUnit)
			}
		})
	}
}

func rawRows(b *testing.B, path, period string) {
	q := `SELECT h.assessment_id, h.subject, r.value FROM head h JOIN revision r ON r.id = h.revision_id`
	var args []any
	if period != "" {
		q += ` WHERE h.assessment_id IN (SELECT id FROM assessment WHERE period = ?)`
		args = append(args, period)
	}
	if n := seed.RawRows(b, path, q, args...); n == 0 {
		b.Fatal("no rows")
	}
}

func countProblems(es []Entry) int {
	n := 0
	for _, e := range es {
		n += len(e.Problems)
	}
	return n
}

// benchPeriods is how many periods the benchmark database has: 10, or 1
// with KAOHE_BENCH_PERIODS=1 for a quick run of the benchmarks' code.
func benchPeriods() int {
	if os.Getenv("KAOHE_BENCH_PERIODS") == "1" {
		return 1
	}
	return 10
}

// benchPeriod is the period the one-period benchmarks read: the sixth of
// ten (or the only one).
func benchPeriod() string { return fmt.Sprint(2011 + benchPeriods()/2) }
