package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/rubric"
)

// A merge that panics half-way (a bug) rolls back and lets go of the
// connection, with SQLite's foreign keys back on: the store goes on
// working instead of hanging with the file locked.
func TestMergeTxPanicLetsGo(t *testing.T) {
	s, _ := openTemp(t)
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		s.mergeTx(func(tx *sql.Tx) error {
			if _, err := tx.Exec("INSERT INTO meta(key, value) VALUES ('half', 'way')"); err != nil {
				t.Error(err)
			}
			panic("boom")
		})
	}()
	select {
	case r := <-done:
		if r != "boom" {
			t.Fatalf("recovered %v, want the panic", r)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a merge that panicked never let go of the connection")
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM meta WHERE key = 'half'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("the panicked merge's write: %d rows, %v", n, err)
	}
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}); err != nil {
		t.Fatal(err)
	}
	if broken := foreignKeyProblems(t, s); broken != "" {
		t.Fatal(broken)
	}
}

// nullNoteFile returns a kaohe file edited outside kaohe: its schema lets
// a revision's note be NULL, and the head of 1.2.a has one.
func nullNoteFile(t *testing.T) (string, Assessment) {
	t.Helper()
	s, id, path := inspectorDB(t, t.TempDir(), "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	revs, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		"PRAGMA writable_schema = ON",
		`UPDATE sqlite_schema SET sql = replace(sql, 'note          TEXT NOT NULL DEFAULT ''''', 'note TEXT') WHERE name = 'revision'`,
		"PRAGMA writable_schema = RESET",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	res, err := db.Exec("UPDATE revision SET note = NULL WHERE id = ?", revs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatal("fixture: no note made NULL")
	}
	return path, a
}

// A revision with a NULL where text belongs is refused by name, never
// dropped unseen: by a merge, and by reading the file's own state.
func TestNullColumnIsRefusedNotDropped(t *testing.T) {
	path, a := nullNoteFile(t)
	target, err := Open(filepath.Join(t.TempDir(), "target.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	_, err = target.Merge(path)
	var re *Refusal
	if !refusedMerge(err, &re) || re.Path != path || !strings.Contains(err.Error(), "assessment 吉首市/2021") || !strings.Contains(err.Error(), "NULL") {
		t.Fatalf("merge of a file with a NULL note: %v, want it refused naming the file and the assessment", err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.State(a.ID); err == nil || !strings.Contains(err.Error(), "NULL") {
		t.Errorf("state of an assessment with a NULL note: %v, want an error saying so", err)
	}
}

// A source that is missing is refused without waiting for the target,
// which another program may be writing.
func TestMissingSourceRefusedWithoutTheTargetsLock(t *testing.T) {
	s, path := openTemp(t)
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if _, err := other.Exec("BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer other.Exec("ROLLBACK")
	missing := filepath.Join(t.TempDir(), "没有.db")
	_, err = s.Merge(missing)
	var re *Refusal
	if !refusedMerge(err, &re) || re.Path != missing || errors.Is(err, ErrBusy) {
		t.Fatalf("merge of a missing file while the target is locked: %v, want the file refused", err)
	}
}

// A kaohe file rebuilt outside kaohe with UTF-16 text is refused by name,
// not blamed on the target.
func TestUTF16SourceRefused(t *testing.T) {
	dir := t.TempDir()
	s, id, src := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u16 := filepath.Join(dir, "utf16.db")
	db, err := sql.Open("sqlite", u16)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec("PRAGMA encoding = 'UTF-16le'")
	from, err := sql.Open("sqlite", src)
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	rows, err := from.Query("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'")
	if err != nil {
		t.Fatal(err)
	}
	type obj struct{ name, sql string }
	var objs []obj
	for rows.Next() {
		var o obj
		rows.Scan(&o.name, &o.sql)
		objs = append(objs, o)
	}
	rows.Close()
	for _, o := range objs {
		mustExec(o.sql)
	}
	for _, o := range objs {
		if !strings.HasPrefix(o.sql, "CREATE TABLE") {
			continue
		}
		rows, err := from.Query("SELECT * FROM " + o.name)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			mustExec("INSERT INTO "+o.name+" VALUES ("+strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",")+")", vals...)
		}
		rows.Close()
	}
	mustExec("PRAGMA application_id = " + fmt.Sprint(ApplicationID))
	mustExec("PRAGMA user_version = " + fmt.Sprint(SchemaVersion))
	db.Close()

	target, err := Open(filepath.Join(dir, "target.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	_, err = target.Merge(u16)
	var re *Refusal
	if !refusedMerge(err, &re) || re.Path != u16 || !strings.Contains(err.Error(), "UTF-16") {
		t.Fatalf("merge of a UTF-16 file: %v, want it refused by name", err)
	}
}

// The second of two sources that carry one rubric is checked as fully as
// the first when its copy was changed outside kaohe: what an earlier
// source showed holds only for a copy identical to the byte.
func TestMergeChecksEverySourcesRubric(t *testing.T) {
	dir := t.TempDir()
	rb := rubric.Default()
	rb.Version = "2030"
	var paths []string
	for _, name := range []string{"张三", "李四"} {
		s, id, p := inspectorDB(t, dir, name)
		if _, _, err := s.CreateAssessment(id, rb, "吉首市", "2030"); err != nil {
			t.Fatal(err)
		}
		if name == "李四" {
			if _, err := s.db.Exec("UPDATE rubric SET content = content || ' ' WHERE id = ? AND version = ?", rb.ID, rb.Version); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		paths = append(paths, p)
	}
	target := filepath.Join(dir, "target.db")
	s, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Merge(paths...)
	if err == nil {
		t.Fatal("merged a source whose rubric's content does not match its sha256")
	}
	for _, want := range []string{paths[1], "rubric " + rb.ID + " 2030", "does not match its sha256"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q lacks %q", err, want)
		}
	}
}
