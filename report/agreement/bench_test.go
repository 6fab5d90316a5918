package agreement

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// benchPeriod is the period the agreement benchmarks score.
const benchPeriod = "2021"

// benchScorers are the two inspectors who score every unit blind.
var benchScorers = [2]string{"张三", "李四"}

// benchDB builds, through the store, one period of units of the seed
// rubric scored blind by two inspectors, as the office's file holds them
// after the visits: the lead plans the double scoring of every unit
// (RecordUnits with SetDouble) on the office's laptop; each inspector,
// on a laptop of their own, merges the plan and records every rule of
// every unit (benchValues: the two agree on most rules and differ on
// some); the lead merges both laptops into the office's file. Each laptop
// signs with its own device key (a temporary folder of b's). It returns
// the office's file and how many revisions its period holds.
func benchDB(b *testing.B, units int) (string, int) {
	b.Helper()
	start := time.Now()
	dir := b.TempDir()
	rb := rubric.Default()
	office := filepath.Join(dir, "office.db")
	s, err := store.Open(office, store.Options{KeyDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	lead, err := s.SetInspector("组长")
	if err != nil {
		b.Fatal(err)
	}
	plan := make([]store.UnitChanges, units)
	for u := range plan {
		plan[u] = store.UnitChanges{Unit: fmt.Sprintf("单位%03d", u), Changes: []store.Change{store.SetDouble(benchScorers[0], benchScorers[1])}}
	}
	as, _, err := s.RecordUnits(lead, rb, benchPeriod, plan)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	revisions := units
	var laptops []string
	for x, name := range benchScorers {
		p := filepath.Join(dir, name+".db")
		s, err := store.Open(p, store.Options{KeyDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		id, err := s.SetInspector(name)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Merge(office); err != nil {
			b.Fatal(err)
		}
		for u, a := range as {
			cs := benchValues(b, rb, x, u)
			if _, err := s.Record(id, a.ID, cs...); err != nil {
				b.Fatal(err)
			}
			revisions += len(cs)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		laptops = append(laptops, p)
	}
	s, err = store.Open(office, store.Options{KeyDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Merge(laptops...); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d units × 2 blind scorers (%d revisions) in %s", units, revisions, time.Since(start).Round(time.Millisecond))
	return office, revisions
}

// benchValues is every rule of rb as inspector x (0 or 1) records it on
// unit u: the flag and count rules found on a pattern that shifts with
// the unit, the second inspector differing from the first on about one
// in five of them; every other rule clean for both.
func benchValues(b *testing.B, rb *rubric.Rubric, x, u int) []store.Change {
	out := seed.Clean(rb)
	for i, c := range out {
		ref, ok := rb.Rule(c.Subject)
		if !ok {
			b.Fatalf("no rule %s", c.Subject)
		}
		differ := x == 1 && (u+2*i)%5 == 0
		switch r := ref.Rule; {
		case r.Kind == rubric.Flag:
			if found := (u+i)%4 == 0; found != differ {
				out[i] = store.SetRule(r.ID, scoring.BoolValue(true), "检查发现")
			}
		case r.Kind == rubric.Count && r.Form() != rubric.FormList:
			n := (u + i) % 2
			if differ {
				n = 1 - n
			}
			if n > 0 {
				out[i] = store.SetRule(r.ID, scoring.NumValue(decimal.FromInt(int64(n))), fmt.Sprintf("检查发现%d项", n))
			}
		}
	}
	return out
}

// openBench opens the file as `kaohe agreement` does: read-only, every
// state read at once (OpenStates), with checked, a check cache in which
// the file is known as checked (seed.KnownFile).
func openBench(b *testing.B, path, checked string) (*store.Store, []*store.State) {
	s, states, err := store.OpenStates(path, store.Options{ReadOnly: true, CheckDir: checked})
	if err != nil {
		b.Fatal(err)
	}
	return s, states
}

// BenchmarkAgreement measures `kaohe agreement --period 2021`'s data path
// on the office's file of one period of 120 units, each scored blind by
// two inspectors on their own laptops and merged (built once per run),
// beside its raw SQL yardstick in the same run:
//
//   - agreement: open the file read-only with every state, keep the
//     period's live assessments, read each one's whole history
//     (Store.History), what each inspector recorded (FromHistory), and the
//     figures of the period (Compute): one per indicator of the rubric,
//     the two inspectors being the only pair;
//   - raw: the yardstick: open the same file through the same driver and
//     read in one query the value and the author of every revision of the
//     period's assessments — the rows the figures derive from — and
//     nothing else;
//   - agreement-units=30 and agreement-units=120: the data path on a
//     period of 30 and of 120 units, to read its growth: the ratio of the
//     two is the figure (4 is linear).
func BenchmarkAgreement(b *testing.B) {
	const units = 120
	rb := rubric.Default()
	path, revisions := benchDB(b, units)
	checked := seed.KnownFile(b, path)
	want := len(rb.Indicators())
	// One run before the measured ones, so the first does not pay alone
	// for what the process sets up once.
	agreementOf(b, path, checked, units, want)
	b.Run("agreement", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			agreementOf(b, path, checked, units, want)
		}
	})
	b.Run("raw", func(b *testing.B) {
		defer storetest.CPUPerOp(b)()
		for b.Loop() {
			rawRevisions(b, path, benchPeriod, revisions)
		}
	})
	small, _ := benchDB(b, units/4)
	smallChecked := seed.KnownFile(b, small)
	agreementOf(b, small, smallChecked, units/4, want)
	for _, f := range []struct {
		units         int
		path, checked string
	}{{units / 4, small, smallChecked}, {units, path, checked}} {
		b.Run(fmt.Sprintf("agreement-units=%d", f.units), func(b *testing.B) {
			defer storetest.CPUPerOp(b)()
			for b.Loop() {
				agreementOf(b, f.path, f.checked, f.units, want)
			}
		})
	}
}

// agreementOf is `kaohe agreement --period`'s data path (cmd/kaohe's
// agreementOptions.run), printing aside: it fails b unless the period's
// units of the one rubric give want figures, every one of the two
// inspectors over all units, the worst one short of full agreement.
func agreementOf(b *testing.B, path, checked string, units, want int) {
	s, states := openBench(b, path, checked)
	defer s.Close()
	var rb *rubric.Rubric
	recorded := map[string]Recorded{}
	for _, st := range states {
		if st.Withdrawn() != nil || st.Assessment.Period != benchPeriod {
			continue
		}
		revs, err := s.History(st.Assessment.ID, "")
		if err != nil {
			b.Fatal(err)
		}
		rb = st.Rubric
		recorded[st.Assessment.Unit] = FromHistory(st.Rubric, revs)
	}
	if len(recorded) != units {
		b.Fatalf("%d units; want %d", len(recorded), units)
	}
	figs := Compute(rb, recorded)
	if len(figs) != want {
		b.Fatalf("%d figures; want %d", len(figs), want)
	}
	pair := Pair{benchScorers[0], benchScorers[1]}
	if pair.B < pair.A {
		pair = Pair{pair.B, pair.A}
	}
	for _, f := range figs {
		if f.Units != units || f.Pair != pair {
			b.Fatalf("figure %+v", f)
		}
	}
	if figs[0].Same == 1 {
		b.Fatalf("the two inspectors agree on everything: %+v", figs[0])
	}
}

// rawRevisions reads, through database/sql and the same driver, the
// value and the author of every revision of period's assessments in one
// query, failing b unless there are want.
func rawRevisions(b *testing.B, path, period string, want int) {
	n := seed.RawRows(b, path, `SELECT r.assessment_id, r.subject, r.value, r.inspector FROM revision r
		WHERE r.assessment_id IN (SELECT id FROM assessment WHERE period = ?)`, period)
	if n != want {
		b.Fatalf("%d rows; want %d", n, want)
	}
}
