package store

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// TestMain runs the tests on a fast temp folder, and lets the crash, blob
// and hammer tests re-run this binary as a child (storetest.Child): one
// that records findings until it is killed, one that attaches a large
// file, one that does what many `kaohe set` do.
func TestMain(m *testing.M) {
	children := storetest.Children{
		"KAOHE_CRASH_CHILD":  func(path string) int { crashChild(path); return 0 },
		"KAOHE_HAMMER_CHILD": func(path string) int { hammerChild(path); return 0 },
	}
	for name, child := range unixChildren() {
		children[name] = child
	}
	storetest.Main(m, children)
}

// crashChild records findings in a tight loop. Before each write it prints
// "begin N" and after the commit returns "ok N REVISION-ID", each line
// flushed before going on, so the parent knows exactly what was committed.
func crashChild(path string) {
	out := bufio.NewWriter(os.Stdout)
	fail := func(err error) {
		fmt.Fprintln(out, "error", err)
		out.Flush()
		os.Exit(3)
	}
	s, err := Open(path, Options{})
	if err != nil {
		fail(err)
	}
	id, err := s.SetInspector("crash")
	if err != nil {
		fail(err)
	}
	a, _, err := s.CreateAssessment(id, rubric.Default(), "吉首市", "2021")
	if err != nil {
		fail(err)
	}
	start, _ := strconv.Atoi(os.Getenv("KAOHE_CRASH_START"))
	rules := []string{"1.2.a", "1.3.a", "2.1.b", "5.1.a"}
	for i := start; ; i++ {
		fmt.Fprintln(out, "begin", i)
		out.Flush()
		v := strconv.Itoa(i % 7)
		revs, err := s.Record(id, a.ID, SetRule(rules[i%len(rules)], scoring.NumValue(decimal.MustParse(v)), "n"+strconv.Itoa(i)))
		if err != nil {
			fail(err)
		}
		fmt.Fprintln(out, "ok", i, revs[0].ID)
		out.Flush()
	}
}

// hammerChild does what one `kaohe set` does, KAOHE_HAMMER_N times over:
// open the database, record a finding, close it. It prints each failure
// and exits 1 if there was any.
func hammerChild(path string) {
	n, _ := strconv.Atoi(os.Getenv("KAOHE_HAMMER_N"))
	who := os.Getenv("KAOHE_HAMMER_WHO")
	failed := 0
	for i := 0; i < n; i++ {
		err := func() error {
			s, err := Open(path, Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			all, err := s.Assessments()
			if err != nil || len(all) == 0 {
				return fmt.Errorf("assessments: %v", err)
			}
			v := strconv.Itoa(i % 5)
			_, err = s.Record(Identity{Inspector: who, Device: "hammer"}, all[0].ID, SetRule("1.2.a", scoring.NumValue(decimal.MustParse(v)), who+"-"+strconv.Itoa(i)))
			return err
		}()
		if err != nil {
			fmt.Println("error", i, err)
			failed++
		}
	}
	if failed > 0 {
		os.Exit(1)
	}
}
