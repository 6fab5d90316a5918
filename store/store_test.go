package store

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// testClock is a clock that advances one second per reading.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "kaohe.db")
	clock := &testClock{time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	s, err := Open(p, Options{Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func mustInspector(t testing.TB, s *Store, name string) Identity {
	t.Helper()
	id, err := s.SetInspector(name)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mustNew(t testing.TB, s *Store, id Identity, unit, period string) Assessment {
	t.Helper()
	a, _, err := s.CreateAssessment(id, rubric.Default(), unit, period)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// val is a rule's value as it is stored, from its JSON text.
func val(t testing.TB, text string) *string {
	t.Helper()
	return encodeValue(ruleVal(t, text))
}

// recordFull records a value for every rule of the assessment's rubric
// (scoring.FullFindings), so that it is ready to sign.
func recordFull(t testing.TB, s *Store, id Identity, assessmentID string) {
	t.Helper()
	st, err := s.State(assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	var cs []Change
	for rule, f := range scoring.FullFindings(st.Rubric) {
		cs = append(cs, SetRule(rule, f.Value, f.Note))
	}
	if _, err := s.Record(id, assessmentID, cs...); err != nil {
		t.Fatal(err)
	}
}

// ruleVal is a rule's value, typed, from its JSON text.
func ruleVal(t testing.TB, text string) Value {
	t.Helper()
	var v scoring.Value
	if err := v.UnmarshalJSON([]byte(text)); err != nil {
		t.Fatal(err)
	}
	return assessment.RuleValue(v)
}

func TestNewDatabase(t *testing.T) {
	s, p := openTemp(t)
	var appID, version int
	var mode string
	s.db.QueryRow("PRAGMA application_id").Scan(&appID)
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if appID != ApplicationID || version != SchemaVersion || mode != "wal" {
		t.Errorf("application_id %#x user_version %d journal %s", appID, version, mode)
	}
	if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("new database mode %v, want 0600 (%v)", st.Mode().Perm(), err)
	}
	var fk, sync int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.db.QueryRow("PRAGMA synchronous").Scan(&sync)
	if fk != 1 || sync != 2 {
		t.Errorf("foreign_keys %d synchronous %d, want 1 and 2 (FULL)", fk, sync)
	}
	s.Close()
	// Reopening applies no migration again and keeps the data.
	s2, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestAssessmentIDIsDeterministic(t *testing.T) {
	s1, _ := openTemp(t)
	s2, _ := openTemp(t)
	a1 := mustNew(t, s1, mustInspector(t, s1, "张三"), "吉首市", "2021")
	a2 := mustNew(t, s2, mustInspector(t, s2, "李四"), " 吉首市 ", "2021")
	if a1.ID != a2.ID {
		t.Errorf("two laptops got different IDs for 吉首市/2021: %s %s", a1.ID, a2.ID)
	}
	if a1.ID == AssessmentID(a1.RubricID, a1.RubricVersion, "吉首市", "2022") {
		t.Error("different periods share an ID")
	}
	again, created, err := s1.CreateAssessment(mustInspector(t, s1, "张三"), rubric.Default(), "吉首市", "2021")
	if err != nil || created || again.ID != a1.ID {
		t.Errorf("creating again: created=%v err=%v", created, err)
	}
}

func TestRubricSameVersionOtherContentRefused(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	mustNew(t, s, id, "吉首市", "2021")
	changed := rubric.Default()
	changed.Title += "（修订）"
	_, _, err := s.CreateAssessment(id, changed, "泸溪县", "2021")
	if CodeOf(err) != CodeRubricConflict || !strings.Contains(err.Error(), "needs a new version") {
		t.Fatalf("want a rubric conflict, got %v", err)
	}
	changed.Version = "2021.1"
	if _, _, err := s.CreateAssessment(id, changed, "泸溪县", "2021"); err != nil {
		t.Errorf("a new version should be accepted: %v", err)
	}
}

func TestRecordValidatesAndIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	_, err := s.Record(id, a.ID,
		Change{Subject: "1.2.a", Value: ruleVal(t, "3")},
		Change{Subject: "3.1.a", Value: ruleVal(t, "120")})
	if err == nil || !strings.Contains(err.Error(), "3.1.a: 120 is not allowed") {
		t.Fatalf("want 3.1.a refused, got %v", err)
	}
	st, _ := s.State(a.ID)
	if len(st.Findings()) != 0 {
		t.Errorf("a refused batch wrote %v", st.Findings())
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "1")}); err == nil {
		t.Error("discretion without note accepted")
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "9.9.z", Value: ruleVal(t, "1")}); err == nil {
		t.Error("unknown rule accepted")
	}
	if _, err := s.Record(Identity{Device: id.Device}, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")}); !errors.Is(err, ErrNoInspector) {
		t.Errorf("write without inspector: %v", err)
	}
	revs, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if err != nil || len(revs) != 1 {
		t.Fatal(err)
	}
	// The same value again writes nothing.
	if revs, _ := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}); len(revs) != 0 {
		t.Error("an unchanged value wrote a revision")
	}
}

// hand-built revision graphs: insert revisions with chosen parents.
func graph(t *testing.T) (*Store, Assessment, func(id, value string, hlc int64, parents ...string)) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	add := func(rid, value string, hlc int64, parents ...string) {
		r := &Revision{ID: rid, Assessment: a.ID, Subject: "1.2.a", Note: "", Inspector: "i" + rid, Device: "d" + rid,
			HLC: HLC{Wall: hlc}.String(), Wall: time.UnixMilli(hlc).UTC(), Parents: parents}
		if value != "" {
			r.Value = &value
		}
		r.Hash = r.ContentHash()
		if err := s.tx(func(tx *sql.Tx) error { return insertRevision(tx, r) }); err != nil {
			t.Fatal(err)
		}
	}
	return s, a, add
}

func subjectState(t *testing.T, s *Store, a Assessment) *SubjectState {
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st.Subjects["1.2.a"]
}

func TestHeadsOneHead(t *testing.T) {
	s, a, add := graph(t)
	add("r1", "1", 1000)
	add("r2", "2", 2000, "r1")
	ss := subjectState(t, s, a)
	if len(ss.Heads) != 1 || ss.Conflict() || ss.Current().ID != "r2" {
		t.Errorf("heads %v", ss.Heads)
	}
}

func TestHeadsAgreeing(t *testing.T) {
	s, a, add := graph(t)
	add("r1", "1", 1000)
	add("r2", "3", 2000, "r1")
	add("r3", "3", 1500, "r1")
	ss := subjectState(t, s, a)
	if len(ss.Heads) != 2 || ss.Conflict() {
		t.Errorf("two heads with value 3 should agree: %d heads, conflict %v", len(ss.Heads), ss.Conflict())
	}
}

func TestHeadsConflicting(t *testing.T) {
	s, a, add := graph(t)
	add("r1", "1", 1000)
	add("r2", "3", 2000, "r1")
	add("r3", "4", 1500, "r1")
	ss := subjectState(t, s, a)
	if !ss.Conflict() || ss.Current().ID != "r2" {
		t.Errorf("want a conflict with r2 (latest clock) current, got conflict %v current %s", ss.Conflict(), ss.Current().ID)
	}
	st, _ := s.State(a.ID)
	if len(st.Conflicts()) != 1 || st.Findings()["1.2.a"].Value.Num.String() != "3" {
		t.Errorf("conflicts %v findings %v", st.Conflicts(), st.Findings())
	}
	// A plain edit is refused while the conflict is open.
	id, _ := s.Identity("")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "5")}); err == nil {
		t.Error("edit over a conflict accepted")
	}
	// A resolution supersedes every head.
	revs, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "4"), Resolve: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(revs[0].Parents) != 2 {
		t.Errorf("resolution parents %v, want both heads", revs[0].Parents)
	}
	ss = subjectState(t, s, a)
	if ss.Conflict() || len(ss.Heads) != 1 || *ss.Current().Value != "4" {
		t.Errorf("after resolution: %d heads", len(ss.Heads))
	}
}

func TestHeadsResolutionWithSeveralParents(t *testing.T) {
	s, a, add := graph(t)
	add("r1", "1", 1000)
	add("r2", "2", 2000)
	add("r3", "5", 3000)
	add("r4", "2", 4000, "r1", "r2", "r3")
	ss := subjectState(t, s, a)
	if len(ss.Heads) != 1 || ss.Current().ID != "r4" {
		t.Errorf("heads %d", len(ss.Heads))
	}
}

func TestHeadsTombstone(t *testing.T) {
	s, a, add := graph(t)
	add("r1", "1", 1000)
	add("r2", "", 2000, "r1")
	ss := subjectState(t, s, a)
	if len(ss.Heads) != 1 || !ss.Current().Tombstone() {
		t.Fatal("want one tombstone head")
	}
	st, _ := s.State(a.ID)
	if _, ok := st.Findings()["1.2.a"]; ok {
		t.Error("a retracted value is still a finding")
	}
	// A retraction against a value elsewhere is a conflict (value vs none).
	add("r3", "2", 1500, "r1")
	if ss := subjectState(t, s, a); !ss.Conflict() {
		t.Error("tombstone vs value should conflict")
	}
}

func TestHistoryOrderAndUnset(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	for _, v := range []string{"1", "2", "3"} {
		if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v), Note: "第" + v + "次"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a"}); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(a.ID, "1.2.a")
	if len(h) != 4 || *h[0].Value != "1" || *h[2].Value != "3" || !h[3].Tombstone() {
		t.Fatalf("history %v", h)
	}
	for i := 1; i < len(h); i++ {
		if len(h[i].Parents) != 1 || h[i].Parents[0] != h[i-1].ID {
			t.Errorf("revision %d does not supersede the one before", i)
		}
		if !h[i-1].Less(h[i]) {
			t.Errorf("history out of order at %d", i)
		}
	}
}

func TestSignAndReopen(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	recordFull(t, s, id, a.ID)
	if _, err := s.Sign(id, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")}); !errors.Is(err, ErrSigned) {
		t.Fatalf("edit of a signed assessment: %v", err)
	}
	st, _ := s.State(a.ID)
	if st.Status() != StatusSigned || st.Signed() == nil {
		t.Error("not signed")
	}
	if _, err := s.Reopen(id, a.ID, "补充材料"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")}); err != nil {
		t.Fatalf("edit after reopen: %v", err)
	}
	h, _ := s.History(a.ID, SubjectStatus)
	if len(h) != 2 || h[1].Note != "补充材料" {
		t.Errorf("status history %d entries", len(h))
	}
}

// The status is not a value to record: a change of it through Record is
// refused, whatever it says, so that every sign-off passes Sign's checks
// and says what it signs.
func TestRecordRefusesTheStatus(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	for _, v := range []Value{assessment.StatusValue(StatusSigned), assessment.StatusValue(StatusDraft), {}} {
		if _, err := s.Record(id, a.ID, Change{Subject: SubjectStatus, Value: v, Resolve: true}); err == nil || !IsRefusal(err) {
			t.Errorf("recording the status %q: %v, want a refusal", v.Text, err)
		}
	}
	if h, _ := s.History(a.ID, SubjectStatus); len(h) != 0 {
		t.Fatalf("%d status revisions written", len(h))
	}
}

func TestScoreFromState(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "2.4.a", Value: ruleVal(t, "92.5")}, Change{Subject: "7.1.a", Value: ruleVal(t, "true")}); err != nil {
		t.Fatal(err)
	}
	st, _ := s.State(a.ID)
	res, err := st.Score()
	if err != nil || res.Total.String() != "109.77" {
		t.Errorf("total %v %v, want 109.77", res.Total, err)
	}
	var _ scoring.Findings = st.Findings()
}

// foreignDB makes a SQLite file that is not kaohe's (appID 0: none set).
func foreignDB(t *testing.T, dir, name string, appID int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Exec("CREATE TABLE t(x)")
	if appID != 0 {
		db.Exec("PRAGMA application_id = " + strconv.Itoa(appID))
	}
	return p
}

// newerDB marks a copy of a kaohe file as coming from schema version v.
func newerDB(t *testing.T, path string, v int) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Exec("PRAGMA user_version = " + strconv.Itoa(v))
	return path
}

// wreckPage returns a copy of a database's bytes with one 4 KiB page
// (page 2 is a b-tree page) overwritten, so quick_check fails.
func wreckPage(good []byte, page int) []byte {
	out := append([]byte(nil), good...)
	for i := page * 4096; i < (page+1)*4096 && i < len(out); i++ {
		out[i] = 0x5A
	}
	return out
}

func hashFile(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestBadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good, goodPath := openTemp(t)
	id := mustInspector(t, good, "张三")
	a := mustNew(t, good, id, "吉首市", "2021")
	for i := 0; i < 200; i++ {
		v := "1"
		if i%2 == 0 {
			v = "2"
		}
		if _, err := good.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v), Note: strings.Repeat("备注", 50)}); err != nil {
			t.Fatal(err)
		}
	}
	good.Close()
	goodBytes, _ := os.ReadFile(goodPath)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := foreignDB(t, dir, "foreign.db", 1234)
	noAppID := foreignDB(t, dir, "plain.db", 0)
	newer := newerDB(t, write("newer.db", goodBytes), 99)
	corrupt := wreckPage(goodBytes, 2)
	cases := []struct {
		name, path, want string
	}{
		{"text file", write("notes.db", []byte("这不是数据库\n")), "not a SQLite database"},
		{"foreign sqlite", foreign, "not kaohe's (application_id 0x4d2)"},
		{"sqlite without application id", noAppID, "not kaohe's (it has no application_id)"},
		{"newer schema", newer, "made by a newer kaohe (schema 99"},
		{"truncated", write("truncated.db", goodBytes[:len(goodBytes)/2]), "truncated"},
		{"header only", write("short.db", goodBytes[:60]), "truncated SQLite file"},
		{"quick_check fails", write("corrupt.db", corrupt), "damaged database"},
		{"directory", dir, "is a directory"},
	}
	// Every way in refuses the same files with the same messages: Open,
	// and OpenStates (whose quick_check runs beside the reading) writable
	// and read-only.
	openers := map[string]func(path string) (*Store, error){
		"Open": func(p string) (*Store, error) { return Open(p, Options{}) },
		"OpenStates": func(p string) (*Store, error) {
			s, _, err := OpenStates(p, Options{})
			return s, err
		},
		"OpenStates read-only": func(p string) (*Store, error) {
			s, _, err := OpenStates(p, Options{ReadOnly: true})
			return s, err
		},
	}
	for _, tc := range cases {
		for how, open := range openers {
			t.Run(tc.name+"/"+how, func(t *testing.T) {
				testBadFile(t, open, tc.name, tc.path, tc.want)
			})
		}
	}
}

func testBadFile(t *testing.T, open func(string) (*Store, error), name, path, want string) {
	var before [32]byte
	if name != "directory" {
		before = hashFile(t, path)
	}
	s, err := open(path)
	if err == nil {
		s.Close()
		t.Fatalf("opened a bad file")
	}
	var fe *Refusal
	if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q, want one line naming %s and saying %q", err, path, want)
	}
	if name != "directory" && hashFile(t, path) != before {
		t.Error("the bad file was modified")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a -wal file was left beside the bad file")
	}
}

func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	_, p := openTemp(t)
	if err := os.Chmod(p, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := Open(p, Options{})
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only file: %v", err)
	}
	roDir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(roDir, 0o500)
	_, err = Open(filepath.Join(roDir, "kaohe.db"), Options{})
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only folder: %v", err)
	}
}

// A full disk (simulated with max_page_count) reaches the caller as a clear
// error, and everything saved before is still there.
func TestDiskFull(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec("PRAGMA max_page_count = " + itoa(pages+3)); err != nil {
		t.Fatal(err)
	}
	saved := 0
	var err error
	for i := 0; i < 5000; i++ {
		_, err = s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, itoa(i%50)), Note: strings.Repeat("很长的备注", 40)})
		if err != nil {
			break
		}
		saved++
	}
	if err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("want a disk-full error naming the file, got %v", err)
	}
	var ok string
	s.db.QueryRow("PRAGMA integrity_check").Scan(&ok)
	h, _ := s.History(a.ID, "1.2.a")
	if ok != "ok" || len(h) != saved {
		t.Errorf("after disk full: integrity %s, %d revisions, %d saved", ok, len(h), saved)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
