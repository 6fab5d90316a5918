package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

func dump(t testing.TB, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// inspectorDB is one inspector's laptop: a database file with a name.
func inspectorDB(t testing.TB, dir, name string) (*Store, Identity, string) {
	t.Helper()
	p := filepath.Join(dir, name+".db")
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.SetInspector(name)
	if err != nil {
		t.Fatal(err)
	}
	return s, id, p
}

func mergeInto(t testing.TB, target string, sources ...string) []MergeSummary {
	t.Helper()
	s, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sums, err := s.Merge(sources...)
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func dumpFile(t testing.TB, path string) string {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return dump(t, s)
}

func TestMergeTwoInspectors(t *testing.T) {
	dir := t.TempDir()
	a, ida, pa := inspectorDB(t, dir, "张三")
	b, idb, pb := inspectorDB(t, dir, "李四")
	asA := mustNew(t, a, ida, "吉首市", "2021")
	asB := mustNew(t, b, idb, "吉首市", "2021")
	if asA.ID != asB.ID {
		t.Fatal("same unit and period, different IDs")
	}
	a.Record(ida, asA.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}, Change{Subject: "1.1.a", Value: ruleVal(t, "true")})
	b.Record(idb, asB.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "5")}, Change{Subject: "1.1.a", Value: ruleVal(t, "true")},
		Change{Subject: "2.4.a", Value: ruleVal(t, "90")})
	a.Close()
	b.Close()
	ha, hb := hashFile(t, pa), hashFile(t, pb)
	target := filepath.Join(dir, "merged.db")
	sums := mergeInto(t, target, pa, pb)
	if sums[0].AssessmentsNew != 1 || sums[1].AssessmentsUpdated != 1 || sums[1].NewConflicts != 1 {
		t.Errorf("summaries %+v", sums)
	}
	if hashFile(t, pa) != ha || hashFile(t, pb) != hb {
		t.Error("a source was modified")
	}
	s, _ := Open(target, Options{})
	defer s.Close()
	st, _ := s.State(asA.ID)
	cs := st.Conflicts()
	if len(cs) != 1 || cs[0].Subject != "1.2.a" || len(cs[0].Heads) != 2 {
		t.Fatalf("conflicts %v; want only 1.2.a (1.1.a and status agree)", cs)
	}
	if strings.Join(st.Inspectors, ",") != "张三,李四" {
		t.Errorf("inspectors %v", st.Inspectors)
	}
	res, _ := st.Score()
	if res.Range == nil || res.Range.Min.String() != "97.7" || res.Range.Max.String() != "98.1" {
		t.Errorf("range %+v, want 97.7–98.1 (1.2.a 3 → 0.6 or 5 → 1)", res.Range)
	}
	before := dump(t, s)
	if _, err := s.Merge(pa, pb, target); err != nil { // again, and into itself
		t.Fatal(err)
	}
	if dump(t, s) != before {
		t.Error("re-merging (or merging a file into itself) changed the target")
	}
}

// Random revision histories across 2–6 inspectors who record, retract,
// settle conflicts and now and then sync with one another, merged in random
// orders and groupings, always give the same database; re-merging changes
// nothing; no revision is lost.
func TestMergeProperties(t *testing.T) {
	t.Parallel()
	rb := rubric.Default()
	rules := []string{"1.1.a", "1.2.a", "2.4.a", "3.1.a", "3.2.b", "7.1.a"}
	values := map[string][]string{
		"1.1.a": {"true", "false"}, "1.2.a": {"0", "3", "8"}, "2.4.a": {"90", "92.5"},
		"3.1.a": {"95", "100"}, "3.2.b": {"1", "4"}, "7.1.a": {"true", "false"},
	}
	units := []string{"吉首市", "泸溪县"}
	rapid.Check(t, func(rt *rapid.T) {
		dir := t.TempDir()
		n := rapid.IntRange(2, 6).Draw(rt, "inspectors")
		type laptop struct {
			s    *Store
			id   Identity
			path string
		}
		var laps []laptop
		for i := 0; i < n; i++ {
			s, id, p := inspectorDB(t, dir, fmt.Sprintf("inspector%d", i))
			laps = append(laps, laptop{s, id, p})
		}
		steps := rapid.IntRange(1, 12).Draw(rt, "steps")
		for k := 0; k < steps; k++ {
			l := laps[rapid.IntRange(0, n-1).Draw(rt, "who")]
			unit := rapid.SampledFrom(units).Draw(rt, "unit")
			a, _, err := l.s.CreateAssessment(l.id, rb, unit, "2021")
			if err != nil {
				rt.Fatal(err)
			}
			switch rapid.IntRange(0, 5).Draw(rt, "op") {
			case 0: // sync: take another laptop's file
				other := laps[rapid.IntRange(0, n-1).Draw(rt, "from")]
				if _, err := l.s.Merge(other.path); err != nil {
					rt.Fatal(err)
				}
			case 1: // retract
				rule := rapid.SampledFrom(rules).Draw(rt, "rule")
				if _, err := l.s.Record(l.id, a.ID, Change{Subject: rule, Resolve: true}); err != nil {
					rt.Fatal(err)
				}
			default: // record (settling any conflict it meets)
				rule := rapid.SampledFrom(rules).Draw(rt, "rule")
				v := rapid.SampledFrom(values[rule]).Draw(rt, "value")
				if _, err := l.s.Record(l.id, a.ID, Change{Subject: rule, Value: ruleVal(t, v), Resolve: true}); err != nil {
					rt.Fatal(err)
				}
			}
		}
		var paths []string
		allRevs := map[string]bool{}
		for _, l := range laps {
			revs, _ := loadRevisions(l.s.db, "")
			for _, r := range revs {
				allRevs[r.ID] = true
			}
			l.s.Close()
			paths = append(paths, l.path)
		}
		hashes := map[string][32]byte{}
		for _, p := range paths {
			hashes[p] = hashFile(t, p)
		}
		// One target: all sources in one random order.
		order := rapid.Permutation(paths).Draw(rt, "order")
		t1 := filepath.Join(dir, "t1.db")
		mergeInto(t, t1, order...)
		want := dumpFile(t, t1)
		// Another: a different order, one source at a time.
		t2 := filepath.Join(dir, "t2.db")
		for _, p := range rapid.Permutation(paths).Draw(rt, "order2") {
			mergeInto(t, t2, p)
		}
		// Another: random groupings merged into intermediates first.
		cut := rapid.IntRange(1, n-1).Draw(rt, "cut")
		g1, g2 := filepath.Join(dir, "g1.db"), filepath.Join(dir, "g2.db")
		mergeInto(t, g1, order[:cut]...)
		mergeInto(t, g2, order[cut:]...)
		t3 := filepath.Join(dir, "t3.db")
		mergeInto(t, t3, g2, g1)
		for name, p := range map[string]string{"one at a time": t2, "grouped": t3} {
			if got := dumpFile(t, p); got != want {
				rt.Fatalf("merging %s differs from merging all at once:\n%s\n---\n%s", name, got, want)
			}
		}
		// Idempotent.
		mergeInto(t, t1, order...)
		if dumpFile(t, t1) != want {
			rt.Fatal("re-merging changed the target")
		}
		// Lossless, and sources untouched.
		s, _ := Open(t1, Options{})
		revs, _ := loadRevisions(s.db, "")
		s.Close()
		got := map[string]bool{}
		for _, r := range revs {
			got[r.ID] = true
		}
		for id := range allRevs {
			if !got[id] {
				rt.Fatalf("revision %s lost in the merge", id)
			}
		}
		if len(got) != len(allRevs) {
			rt.Fatalf("target has %d revisions, sources %d", len(got), len(allRevs))
		}
		for _, p := range paths {
			if hashFile(t, p) != hashes[p] {
				rt.Fatalf("source %s modified", p)
			}
		}
	})
}

// rawInsert writes a revision with a chosen ID straight into a database, to
// build files that a well-behaved kaohe would never write.
func rawInsert(t *testing.T, s *Store, r *Revision, rehash bool) {
	t.Helper()
	if rehash {
		r.Hash = r.ContentHash()
	}
	if err := s.tx(func(tx *sql.Tx) error { return insertRevision(tx, r) }); err != nil {
		t.Fatal(err)
	}
}

func TestMergeRefusals(t *testing.T) {
	dir := t.TempDir()
	// A healthy target with one assessment and a revision.
	target := filepath.Join(dir, "target.db")
	ts, tid, _ := inspectorDB(t, dir, "组长")
	ts.Close()
	os.Rename(filepath.Join(dir, "组长.db"), target)
	ts, _ = Open(target, Options{})
	ta := mustNew(t, ts, tid, "吉首市", "2021")
	rawInsert(t, ts, &Revision{ID: "11111111-1111-4111-8111-111111111111", Assessment: ta.ID, Subject: "1.2.a", Value: val(t, "3"),
		Inspector: "组长", Device: tid.Device, HLC: HLC{Wall: 1000}.String(), Wall: time.UnixMilli(1000).UTC()}, true)
	ts.Close()

	mk := func(name string, build func(s *Store, id Identity, a Assessment)) string {
		s, id, p := inspectorDB(t, dir, name)
		a := mustNew(t, s, id, "吉首市", "2021")
		build(s, id, a)
		s.Close()
		return p
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	healthy := mk("healthy", func(s *Store, id Identity, a Assessment) {
		s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2")})
	})
	good, _ := os.ReadFile(healthy)
	foreign := foreignDB(t, dir, "foreign.db", 0)
	newer := newerDB(t, write("newer.db", good), 7)
	corrupt := wreckPage(good, 2)

	cases := []struct {
		name, path, want string
	}{
		{"not sqlite", write("notes.db", []byte("张三的笔记")), "not a SQLite database"},
		{"foreign sqlite", foreign, "not kaohe's"},
		{"newer schema", newer, "made by a newer kaohe (schema 7"},
		{"quick_check", write("corrupt.db", corrupt), "damaged"},
		{"same revision ID, other content", mk("dupid", func(s *Store, id Identity, a Assessment) {
			rawInsert(t, s, &Revision{ID: "11111111-1111-4111-8111-111111111111", Assessment: a.ID, Subject: "1.2.a", Value: val(t, "4"),
				Inspector: "李四", Device: id.Device, HLC: HLC{Wall: 1000}.String(), Wall: time.UnixMilli(1000).UTC()}, true)
		}), "revision 11111111-1111-4111-8111-111111111111: the target holds a revision with this ID and different content"},
		{"hash does not match content", mk("tampered", func(s *Store, id Identity, a Assessment) {
			revs, _ := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2")})
			s.db.Exec("UPDATE revision SET value = '9' WHERE id = ?", revs[0].ID)
		}), "does not match its hash"},
		{"rubric known with other content", func() string {
			// The target knows rubric … 2021b; the source holds another
			// rubric under the same id and version.
			ts, _ := Open(target, Options{})
			rb := rubric.Default()
			rb.Version = "2021b"
			if _, _, err := ts.CreateAssessment(tid, rb, "泸溪县", "2021"); err != nil {
				t.Fatal(err)
			}
			ts.Close()
			s, id, p := inspectorDB(t, dir, "otherrubric")
			rb = rubric.Default()
			rb.Version = "2021b"
			rb.Title = "改过的标题"
			if _, _, err := s.CreateAssessment(id, rb, "泸溪县", "2021"); err != nil {
				t.Fatal(err)
			}
			s.Close()
			return p
		}(), "rubric xiangxi-fangguanfu-county 2021b: already known with different content"},
		{"rubric missing", mk("norubric", func(s *Store, id Identity, a Assessment) {
			s.db.Exec("PRAGMA foreign_keys = OFF")
			s.db.Exec("DELETE FROM rubric")
		}), "its rubric xiangxi-fangguanfu-county 2021 is missing"},
		{"value the rubric rejects", mk("badvalue", func(s *Store, id Identity, a Assessment) {
			rawInsert(t, s, &Revision{ID: "22222222-2222-4222-8222-222222222222", Assessment: a.ID, Subject: "3.1.a", Value: val(t, "120"),
				Inspector: "李四", Device: id.Device, HLC: HLC{Wall: 2000}.String(), Wall: time.UnixMilli(2000).UTC()}, true)
		}), "3.1.a=120 is not accepted by rubric xiangxi-fangguanfu-county 2021"},
	}
	ts, _ = Open(target, Options{})
	defer ts.Close()
	before := dump(t, ts)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := hashFile(t, tc.path)
			_, err := ts.Merge(healthy, tc.path)
			var re *Refusal
			if !refusedMerge(err, &re) || !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a refusal of %s saying %q", err, tc.path, tc.want)
			}
			if dump(t, ts) != before {
				t.Error("the target changed although a source was refused")
			}
			if hashFile(t, tc.path) != h {
				t.Error("the refused source was modified")
			}
			if _, err := os.Stat(tc.path + "-wal"); err == nil {
				t.Error("a -wal was written beside the source")
			}
		})
	}
}

// A source whose latest findings are still in its -wal is read with them.
func TestMergeReadsTheWAL(t *testing.T) {
	dir := t.TempDir()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6")}); err != nil {
		t.Fatal(err)
	}
	// Copy the file and its WAL while the writer is still open, as a USB
	// stick would get them from a laptop that crashed.
	copyDir := filepath.Join(dir, "stick")
	os.Mkdir(copyDir, 0o700)
	src := filepath.Join(copyDir, "张三.db")
	copyFile(p, src)
	copyFile(p+"-wal", src+"-wal")
	s.Close()
	if st, err := os.Stat(src + "-wal"); err != nil || st.Size() == 0 {
		t.Fatal("the copy has no WAL to test with")
	}
	h, hw := hashFile(t, src), hashFile(t, src+"-wal")
	target := filepath.Join(dir, "t.db")
	mergeInto(t, target, src)
	ts, _ := Open(target, Options{})
	defer ts.Close()
	st, _ := ts.State(a.ID)
	if st.Findings()["1.2.a"].Value.String() != "6" {
		t.Fatal("the finding that was only in the -wal is missing")
	}
	if hashFile(t, src) != h || hashFile(t, src+"-wal") != hw {
		t.Error("the source or its -wal was modified")
	}
}

func TestPack(t *testing.T) {
	dir := t.TempDir()
	s, id, _ := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6")})
	out := filepath.Join(dir, "usb.db")
	if err := s.Pack(out); err != nil {
		t.Fatal(err)
	}
	if err := s.Pack(out); err == nil {
		t.Error("pack overwrote an existing file")
	}
	want := dump(t, s)
	s.Close()
	if _, err := os.Stat(out + "-wal"); err == nil {
		t.Error("the packed copy has a -wal beside it")
	}
	if got := dumpFile(t, out); got != want {
		t.Error("the packed copy differs")
	}
}

func buildSourceDB(tb testing.TB, path string, file, assessments, revisions int) {
	s, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	id := mustInspector(tb, s, fmt.Sprintf("督查%02d", file))
	rb := rubric.Default()
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	err = s.tx(func(tx *sql.Tx) error {
		if err := putRubric(tx, rb); err != nil {
			return err
		}
		for ai := 0; ai < assessments; ai++ {
			unit := fmt.Sprintf("单位%02d-%02d", file, ai)
			aid := AssessmentID(rb.ID, rb.Version, unit, "2021")
			if _, err := tx.Exec("INSERT INTO assessment VALUES (?, ?, ?, ?, ?)", aid, rb.ID, rb.Version, unit, "2021"); err != nil {
				return err
			}
			for _, ind := range rb.Indicators() {
				r := ind.Rules[0]
				prev := ""
				for k := 0; k < revisions; k++ {
					n++
					v := "1"
					if r.Kind.IsBool() {
						v = "true"
					}
					note := ""
					if r.Kind == rubric.Discretion {
						v, note = "0.5", "酌情"
					}
					rev := &Revision{ID: fmt.Sprintf("%08d-%04d-4000-8000-000000000000", n, file), Assessment: aid, Subject: r.ID, Value: &v,
						Note: note, Inspector: id.Inspector, Device: id.Device, HLC: HLC{Wall: base.UnixMilli() + int64(n)}.String(),
						Wall: base.Add(time.Duration(n) * time.Millisecond)}
					if prev != "" {
						rev.Parents = []string{prev}
					}
					rev.Hash = rev.ContentHash()
					if err := insertRevision(tx, rev); err != nil {
						return err
					}
					prev = rev.ID
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func benchSources(b *testing.B) []string {
	sizes := make([]int, 50)
	for f := range sizes {
		sizes[f] = 20
	}
	return buildSources(b, b.TempDir(), 3, sizes...)
}

// buildSources makes one source file in dir per entry of assessments, the
// f-th (buildSourceDB's file f) holding that many assessments × 36
// indicators × revisions, and returns their paths.
func buildSources(tb testing.TB, dir string, revisions int, assessments ...int) []string {
	var paths []string
	for f, n := range assessments {
		p := filepath.Join(dir, fmt.Sprintf("src%02d.db", f))
		buildSourceDB(tb, p, f, n, revisions)
		paths = append(paths, p)
	}
	return paths
}

// BenchmarkMerge merges 50 source files × 20 assessments × 36 indicators ×
// 3 revisions into an empty target.
func BenchmarkMerge(b *testing.B) {
	paths := benchSources(b)
	b.ResetTimer()
	defer storetest.CPUPerOp(b)()
	for i := 0; b.Loop(); i++ {
		target := filepath.Join(b.TempDir(), fmt.Sprintf("t%d.db", i))
		s, err := Open(target, Options{})
		if err != nil {
			b.Fatal(err)
		}
		sums, err := s.Merge(paths...)
		if err != nil || len(sums) != 50 {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkMergeSQLiteShell is the same union done by the sqlite3 shell with
// ATTACH + INSERT OR IGNORE and no checks at all: the figure to compare
// BenchmarkMerge against.
func BenchmarkMergeSQLiteShell(b *testing.B) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 shell not installed")
	}
	benchUnion(b, func(target string, script []string) {
		cmd := exec.Command(shell, target)
		cmd.Stdin = strings.NewReader(strings.Join(script, "\n"))
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	})
}

// BenchmarkMergeSQLiteDriver is the shell's union run through the driver
// kaohe is built on (pure-Go SQLite, in this process): the engine's own
// cost, without any of merge's checks, so that BenchmarkMerge's distance
// to the shell reads as the engine's share plus kaohe's.
func BenchmarkMergeSQLiteDriver(b *testing.B) {
	benchUnion(b, func(target string, script []string) {
		db, err := sql.Open("sqlite", target)
		if err != nil {
			b.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		for _, stmt := range script {
			if _, err := db.Exec(stmt); err != nil {
				b.Fatalf("%s: %v", stmt, err)
			}
		}
		db.Close()
	})
}

// benchUnion times union, the benchmark sources' union by script into an
// empty kaohe database at target, once per iteration: the target is made
// outside the timed part.
func benchUnion(b *testing.B, union func(target string, script []string)) {
	script := unionScript(benchSources(b))
	b.ResetTimer()
	defer storetest.CPUPerOp(b)()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		target := emptyTarget(b, i)
		b.StartTimer()
		union(target, script)
	}
}

// unionScript is the union of paths into an empty kaohe database as plain
// SQL statements: SQLite attaches at most 10 databases and cannot detach
// inside a transaction, so one transaction per batch of 9 sources.
func unionScript(paths []string) []string {
	script := []string{"PRAGMA foreign_keys=OFF"}
	for start := 0; start < len(paths); start += 9 {
		batch := paths[start:min(start+9, len(paths))]
		for i, p := range batch {
			script = append(script, fmt.Sprintf("ATTACH '%s' AS s%d", p, i))
		}
		script = append(script, "BEGIN")
		for i := range batch {
			for _, tbl := range []string{"rubric", "assessment", "revision", "revision_parent"} {
				script = append(script, fmt.Sprintf("INSERT OR IGNORE INTO main.%s SELECT * FROM s%d.%s", tbl, i, tbl))
			}
		}
		script = append(script, "COMMIT")
		for i := range batch {
			script = append(script, fmt.Sprintf("DETACH s%d", i))
		}
	}
	for i := range script {
		script[i] += ";"
	}
	return script
}

// emptyTarget is a new kaohe database (schema only) for the i-th union.
func emptyTarget(b *testing.B, i int) string {
	target := filepath.Join(b.TempDir(), fmt.Sprintf("t%d.db", i))
	s, err := Open(target, Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	return target
}

func TestMergeRefusesForgedGraphs(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "t.db")
	ts, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	mk := func(name string, build func(s *Store, id Identity, a Assessment)) string {
		s, id, p := inspectorDB(t, dir, name)
		a := mustNew(t, s, id, "吉首市", "2021")
		build(s, id, a)
		s.Close()
		return p
	}
	forge := func(s *Store, id Identity, a Assessment, rid, subject, value string, parents ...string) {
		rawInsert(t, s, &Revision{ID: rid, Assessment: a.ID, Subject: subject, Value: val(t, value), Inspector: "x", Device: id.Device,
			HLC: HLC{Wall: 5000}.String(), Wall: time.UnixMilli(5000).UTC(), Parents: parents}, true)
	}
	cases := []struct{ name, path, want string }{
		{"short ID", mk("short", func(s *Store, id Identity, a Assessment) { forge(s, id, a, "x", "1.2.a", "1") }), "its ID is not a UUID"},
		{"parent of another subject", mk("hide", func(s *Store, id Identity, a Assessment) {
			revs, _ := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "4")})
			forge(s, id, a, "33333333-3333-4333-8333-333333333333", "1.2.a", "1", revs[0].ID)
		}), "another subject"},
	}
	before := dump(t, ts)
	for _, tc := range cases {
		if _, err := ts.Merge(tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if dump(t, ts) != before {
		t.Error("a refused merge changed the target")
	}
}

// An inspector who signs and another who only created the same assessment
// do not conflict: creating writes no status.
func TestMergeKeepsSignOff(t *testing.T) {
	dir := t.TempDir()
	a, ida, pa := inspectorDB(t, dir, "张三")
	b, idb, pb := inspectorDB(t, dir, "李四")
	as := mustNew(t, a, ida, "吉首市", "2021")
	a.Record(ida, as.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if _, err := a.Sign(ida, as.ID, true); err != nil {
		t.Fatal(err)
	}
	mustNew(t, b, idb, "吉首市", "2021")
	a.Close()
	b.Close()
	target := filepath.Join(dir, "t.db")
	mergeInto(t, target, pa, pb)
	s, _ := Open(target, Options{})
	defer s.Close()
	st, _ := s.State(as.ID)
	if st.Status() != StatusSigned || len(st.Conflicts()) != 0 {
		t.Errorf("status %s, conflicts %d; want signed and none", st.Status(), len(st.Conflicts()))
	}
}
