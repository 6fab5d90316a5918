package seed

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// LargeCopy returns a private copy (in a temp folder of tb's) of the
// office's decade file as the benchmarks measure it: 1,000 assessments,
// each with three successive values of every indicator's first rule
// (108,000 revisions). The file is built once through the store and cached
// in the temporary folder (KAOHE_BENCH_CACHE overrides where), keyed by
// schema, so benchmarks do not rebuild it every run.
func LargeCopy(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("KAOHE_BENCH_CACHE")
	if dir == "" {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, fmt.Sprintf("kaohe-bench-tui-large-s%d.db", store.SchemaVersion))
	if _, err := os.Stat(cached); err != nil {
		tmp := filepath.Join(tb.TempDir(), "build.db")
		buildLarge(tb, tmp)
		if err := copyFile(tmp, cached+".part"); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(cached+".part", cached); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(tb.TempDir(), "large.db")
	if err := copyFile(cached, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// buildLarge writes LargeCopy's file at path.
func buildLarge(tb testing.TB, path string) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	id, err := s.SetInspector("张三")
	if err != nil {
		tb.Fatal(err)
	}
	rb := rubric.Default()
	full := scoring.FullFindings(rb)
	var rules []string
	for _, ind := range rb.Indicators() {
		rules = append(rules, ind.Rules[0].ID)
	}
	for ai := range 1000 {
		a, _, err := s.CreateAssessment(id, rb, fmt.Sprintf("单位%04d", ai), "2021")
		if err != nil {
			tb.Fatal(err)
		}
		prev := make([][]string, len(rules))
		for k := range 3 {
			changes := make([]store.Change, len(rules))
			for i, rid := range rules {
				changes[i] = store.SetRule(rid, full[rid].Value, strings.TrimSpace(fmt.Sprintf("第%d次 %s", k+1, full[rid].Note)))
				changes[i].Seen = prev[i]
			}
			revs, err := s.Record(id, a.ID, changes...)
			if err != nil {
				tb.Fatal(err)
			}
			if len(revs) != len(rules) {
				tb.Fatalf("%d revisions written of %d", len(revs), len(rules))
			}
			for i := range rules {
				prev[i] = []string{revs[i].ID}
			}
		}
	}
}

// copyFile copies a file.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
