package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

// walkedState is an assessment's state computed the old way, by walking
// every revision of the graph: what the head table must always agree with.
func walkedState(t testing.TB, s *Store, aid string) *State {
	t.Helper()
	a, rb, err := s.assessmentIn(s.db, aid)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := loadRevisions(s.db, "WHERE r.assessment_id = ?", aid)
	if err != nil {
		t.Fatal(err)
	}
	superseded := map[string]bool{}
	for _, r := range revs {
		for _, p := range r.Parents {
			superseded[p] = true
		}
	}
	var heads []*Revision
	for _, r := range revs {
		if !superseded[r.ID] {
			heads = append(heads, r)
		}
	}
	st, err := buildState(s.db, a, rb, heads)
	if err != nil {
		t.Fatal(err)
	}
	st.Revisions = len(revs)
	sorted := slices.Clone(revs)
	slices.SortFunc(sorted, func(x, y *Revision) int {
		if x.Less(y) {
			return -1
		}
		if y.Less(x) {
			return 1
		}
		return 0
	})
	for _, r := range sorted {
		if !slices.Contains(st.Inspectors, r.Inspector) {
			st.Inspectors = append(st.Inspectors, r.Inspector)
		}
	}
	return st
}

// headIDs is each subject's head IDs, latest first.
func headIDs(st *State) map[string][]string {
	out := map[string][]string{}
	for subj, ss := range st.Subjects {
		for _, h := range ss.Heads {
			out[subj] = append(out[subj], h.ID)
		}
	}
	return out
}

// sameAsWalked fails unless the state read from the heads is the one the
// graph gives: the same heads, the same revision count and inspectors.
func sameAsWalked(t testing.TB, s *Store, aid string) string {
	st, err := s.State(aid)
	if err != nil {
		t.Fatal(err)
	}
	w := walkedState(t, s, aid)
	if !reflect.DeepEqual(headIDs(st), headIDs(w)) {
		return fmt.Sprintf("heads %v, the graph gives %v", headIDs(st), headIDs(w))
	}
	if st.Revisions != w.Revisions {
		return fmt.Sprintf("%d revisions, the graph has %d", st.Revisions, w.Revisions)
	}
	got, want := slices.Clone(st.Inspectors), slices.Clone(w.Inspectors)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fmt.Sprintf("inspectors %v, the graph gives %v", st.Inspectors, w.Inspectors)
	}
	return ""
}

// A file written by the schema-1 kaohe (no head table) is upgraded on open,
// and the heads it gets are the ones its revisions give: a conflict stays
// a conflict, a retraction stays retracted, a superseded value is gone.
func TestMigrationBuildsHeadsForOldFiles(t *testing.T) {
	t.Run("Open", func(t *testing.T) {
		testMigrationBuildsHeads(t, func(p string) (*Store, error) { return Open(p, Options{}) })
	})
	t.Run("OpenStates", func(t *testing.T) {
		testMigrationBuildsHeads(t, func(p string) (*Store, error) {
			s, _, err := OpenStates(p, Options{})
			return s, err
		})
	})
	// A read-only open of an old file upgrades it first, as Open does.
	t.Run("OpenStates read-only", func(t *testing.T) {
		testMigrationBuildsHeads(t, func(p string) (*Store, error) {
			s, _, err := OpenStates(p, Options{ReadOnly: true})
			return s, err
		})
	})
}

func testMigrationBuildsHeads(t *testing.T, open func(path string) (*Store, error)) {
	path := filepath.Join(t.TempDir(), "old.db")
	uri, err := fileURI(path, "")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		t.Fatal(err)
	}
	schema1, err := migrationFS.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	rb := rubric.Default()
	aid := AssessmentID(rb.ID, rb.Version, "吉首市", "2021")
	for _, stmt := range []string{string(schema1), fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), "PRAGMA user_version = 1"} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := putRubric(db, rb); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO assessment VALUES (?, ?, ?, ?, ?)", aid, rb.ID, rb.Version, "吉首市", "2021"); err != nil {
		t.Fatal(err)
	}
	// The schema-1 writer: a revision and its parent links, nothing else.
	add := func(id, subject, value, inspector string, hlc int64, parents ...string) {
		r := &Revision{ID: id, Assessment: aid, Subject: subject, Inspector: inspector, Device: "dev-" + inspector,
			HLC: HLC{Wall: hlc}.String(), Wall: time.UnixMilli(hlc).UTC(), Parents: parents}
		if value != "" {
			r.Value = &value
		}
		r.Hash = r.ContentHash()
		if _, err := db.Exec("INSERT INTO revision(id, assessment_id, subject, value, note, inspector, device, hlc, wall, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			r.ID, r.Assessment, r.Subject, r.Value, r.Note, r.Inspector, r.Device, r.HLC, r.Wall.Format(timeFormat), r.Hash); err != nil {
			t.Fatal(err)
		}
		for _, p := range parents {
			if _, err := db.Exec("INSERT INTO revision_parent VALUES (?, ?)", id, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	add("r1", "1.2.a", "1", "张三", 1000)
	add("r2", "1.2.a", "3", "张三", 2000, "r1")
	add("r3", "1.2.a", "4", "李四", 1500, "r1") // disagrees with r2: a conflict
	add("r4", "1.3.a", "5", "李四", 1200)
	add("r5", "1.1.a", "true", "张三", 1100)
	add("r6", "1.1.a", "", "张三", 2100, "r5") // retracted
	db.Close()

	s, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion {
		t.Errorf("user_version %d after opening, want %d", version, SchemaVersion)
	}
	if bad, err := s.CheckHeads(); err != nil || len(bad) != 0 {
		t.Fatalf("heads of the upgraded file do not match its revisions: %v %v", bad, err)
	}
	st, err := s.State(aid)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"1.2.a": {"r2", "r3"}, "1.3.a": {"r4"}, "1.1.a": {"r6"}}
	if got := headIDs(st); !reflect.DeepEqual(got, want) {
		t.Errorf("heads %v, want %v", got, want)
	}
	if c := st.Conflicts(); len(c) != 1 || c[0].Subject != "1.2.a" {
		t.Errorf("conflicts %v, want 1.2.a", c)
	}
	if _, ok := st.Findings()["1.1.a"]; ok {
		t.Error("a retracted value came back after the upgrade")
	}
	if st.Revisions != 6 || !slices.Equal(st.Inspectors, []string{"张三", "李四"}) {
		t.Errorf("%d revisions by %v, want 6 by [张三 李四]", st.Revisions, st.Inspectors)
	}
	// Writing after the upgrade keeps the heads.
	id := mustInspector(t, s, "王五")
	if _, err := s.Record(id, aid, Change{Subject: "1.2.a", Value: ruleVal(t, "4"), Resolve: true}); err != nil {
		t.Fatal(err)
	}
	if msg := sameAsWalked(t, s, aid); msg != "" {
		t.Error(msg)
	}
}

// A head table that no longer says what the revisions say is found, each
// difference named, and rebuilding it restores the true state.
func TestCheckHeadsFindsACorruptedTable(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	first, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "2")}, Change{Subject: "1.3.a", Value: ruleVal(t, "5")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "6")}); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.CheckHeads(); err != nil || len(bad) != 0 {
		t.Fatalf("a healthy file: %v %v", bad, err)
	}
	for _, stmt := range []string{
		"DELETE FROM head WHERE subject = '1.3.a'",                                 // a head lost
		"INSERT INTO head VALUES ('" + a.ID + "', '1.2.a', '" + first[0].ID + "')", // a superseded value back
		"UPDATE assessment_inspector SET revisions = 9",
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.State(a.ID)
	if len(st.Conflicts()) != 1 {
		t.Fatal("the corruption should show as a false conflict")
	}
	bad, err := s.CheckHeads()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, m := range bad {
		lines = append(lines, m.String())
	}
	text := strings.Join(lines, "\n")
	if len(bad) != 3 || !strings.Contains(text, "1.3.a") || !strings.Contains(text, first[0].ID) || !strings.Contains(text, "张三") {
		t.Fatalf("want 3 differences naming 1.3.a, %s and 张三's count, got:\n%s", first[0].ID, text)
	}
	if err := s.RebuildHeads(); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.CheckHeads(); err != nil || len(bad) != 0 {
		t.Fatalf("after rebuilding: %v %v", bad, err)
	}
	st, _ = s.State(a.ID)
	if len(st.Conflicts()) != 0 || st.Findings()["1.2.a"].Value.Num.String() != "6" || st.Findings()["1.3.a"].Value.Num.String() != "5" || st.Revisions != 3 {
		t.Errorf("after rebuilding: conflicts %d findings %v revisions %d", len(st.Conflicts()), st.Findings(), st.Revisions)
	}
}

// After any sequence of records, retractions, resolutions, sign-offs,
// reopenings and merges between laptops, every laptop's head table is the
// one its revisions give.
func TestHeadsMatchRevisionsAfterAnyHistory(t *testing.T) {
	t.Parallel()
	rb := rubric.Default()
	rules := []string{"1.1.a", "1.2.a", "3.2.b"}
	values := map[string][]string{"1.1.a": {"true", "false"}, "1.2.a": {"0", "3", "8"}, "3.2.b": {"1", "4"}}
	rapid.Check(t, func(rt *rapid.T) {
		dir := t.TempDir()
		type laptop struct {
			s    *Store
			id   Identity
			path string
		}
		var laps []laptop
		for i := range rapid.IntRange(2, 3).Draw(rt, "laptops") {
			s, id, p := inspectorDB(t, dir, fmt.Sprintf("inspector%d", i))
			laps = append(laps, laptop{s, id, p})
		}
		defer func() {
			for _, l := range laps {
				l.s.Close()
			}
		}()
		units := []string{"吉首市", "泸溪县"}
		for range rapid.IntRange(1, 15).Draw(rt, "steps") {
			l := laps[rapid.IntRange(0, len(laps)-1).Draw(rt, "who")]
			a, _, err := l.s.CreateAssessment(l.id, rb, rapid.SampledFrom(units).Draw(rt, "unit"), "2021")
			if err != nil {
				rt.Fatal(err)
			}
			rule := rapid.SampledFrom(rules).Draw(rt, "rule")
			switch op := rapid.IntRange(0, 6).Draw(rt, "op"); op {
			case 0: // merge another laptop's file
				other := laps[rapid.IntRange(0, len(laps)-1).Draw(rt, "from")]
				before := openConflicts(rt, l.s)
				sums, err := l.s.Merge(other.path)
				if err != nil {
					rt.Fatal(err)
				}
				// The merge writes with SQLite's foreign keys off: it must
				// leave none broken.
				if broken := foreignKeyProblems(rt, l.s); broken != "" {
					rt.Fatalf("after a merge: %s", broken)
				}
				// What the merge says it brought is what the file now holds.
				after := openConflicts(rt, l.s)
				if want := max(after-before, 0); sums[0].NewConflicts != want {
					rt.Fatalf("merge reports %d new conflicts; the file went from %d to %d", sums[0].NewConflicts, before, after)
				}
				for _, c := range sums[0].StatusChanges {
					st, err := l.s.State(AssessmentID(rb.ID, rb.Version, strings.Split(c.Assessment, "/")[0], "2021"))
					if err != nil {
						rt.Fatal(err)
					}
					if c.Now != st.Status() {
						rt.Fatalf("merge reports %s as %s; it is %s", c.Assessment, c.Now, st.Status())
					}
				}
			case 1: // retract
				_, err = l.s.Record(l.id, a.ID, Change{Subject: rule, Resolve: rapid.Bool().Draw(rt, "resolve")})
			case 2: // sign or reopen
				if rapid.Bool().Draw(rt, "sign") {
					_, err = l.s.Sign(l.id, a.ID, true)
				} else {
					_, err = l.s.Reopen(l.id, a.ID, "复核")
				}
			default: // record, plainly or settling a conflict
				v := rapid.SampledFrom(values[rule]).Draw(rt, "value")
				_, err = l.s.Record(l.id, a.ID, Change{Subject: rule, Value: ruleVal(t, v), Resolve: rapid.Bool().Draw(rt, "resolve")})
			}
			if err != nil && !IsRefusal(err) {
				rt.Fatal(err)
			}
			if bad, err := l.s.CheckHeads(); err != nil || len(bad) != 0 {
				rt.Fatalf("heads differ from the revisions: %v %v", bad, err)
			}
			all, err := l.s.Assessments()
			if err != nil {
				rt.Fatal(err)
			}
			for _, x := range all {
				if msg := sameAsWalked(t, l.s, x.ID); msg != "" {
					rt.Fatalf("%s: %s", x.Label(), msg)
				}
			}
		}
	})
}

// A merge larger than the writer's batches lands whole, with the heads its
// revisions give.
func TestMergeInBatchesKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	buildSourceDB(t, src, 0, 10, 3) // 1,080 revisions, 720 links: several batches
	target := filepath.Join(dir, "t.db")
	sums := mergeInto(t, target, src)
	if sums[0].RevisionsAdded != 1080 {
		t.Errorf("%d revisions added, want 1080", sums[0].RevisionsAdded)
	}
	if dumpFile(t, target) != dumpFile(t, src) {
		t.Error("the target differs from the source it was merged from")
	}
	s, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bad, err := s.CheckHeads(); err != nil || len(bad) != 0 {
		t.Fatalf("heads after a batched merge: %v %v", bad, err)
	}
	if broken := foreignKeyProblems(t, s); broken != "" {
		t.Fatalf("after a batched merge: %s", broken)
	}
	all, _ := s.Assessments()
	for _, a := range all {
		if msg := sameAsWalked(t, s, a.ID); msg != "" {
			t.Errorf("%s: %s", a.Label(), msg)
		}
	}
}

// openConflicts counts the subjects in conflict (between inspectors or
// with a sign-off) over every assessment of the store.
func openConflicts(t interface{ Fatal(...any) }, s *Store) int {
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, st := range states {
		n += st.OpenConflicts()
	}
	return n
}

// A value continued on another laptop replaces, when merged back, the head
// it continued from: one head, no conflict.
func TestMergeBackSupersedesTheOldHead(t *testing.T) {
	dir := t.TempDir()
	as, aid, apath := inspectorDB(t, dir, "张三")
	bs, bid, bpath := inspectorDB(t, dir, "李四")
	defer as.Close()
	defer bs.Close()
	a := mustNew(t, as, aid, "吉首市", "2021")
	if _, err := as.Record(aid, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}); err != nil {
		t.Fatal(err)
	}
	if _, err := bs.Merge(apath); err != nil {
		t.Fatal(err)
	}
	if _, err := bs.Record(bid, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "5")}); err != nil {
		t.Fatal(err)
	}
	sums, err := as.Merge(bpath)
	if err != nil {
		t.Fatal(err)
	}
	st, err := as.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	heads := st.Subjects["1.2.a"].Heads
	if len(heads) != 1 || *heads[0].Value != "5" || sums[0].NewConflicts != 0 {
		t.Errorf("after merging back: %d heads (first %s), %d new conflicts; want the one value 5", len(heads), heads[0].ValueText(), sums[0].NewConflicts)
	}
	if bad, err := as.CheckHeads(); err != nil || len(bad) != 0 {
		t.Errorf("head table: %v %v", bad, err)
	}
}

// foreignKeyProblems runs PRAGMA foreign_key_check over the whole file and
// describes the first broken reference, or returns "".
func foreignKeyProblems(t interface{ Fatal(...any) }, s *Store) string {
	rows, err := s.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("a row of %s refers to a missing row of %s", table, parent)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var on int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&on); err != nil {
		t.Fatal(err)
	}
	if on != 1 {
		return "foreign keys are still off on the store's connection"
	}
	return ""
}
