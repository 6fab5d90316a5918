package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// insertRevision writes a revision as Record does, without a store's
// prepared statements (tests write forged or raw revisions with it).
func insertRevision(tx q, r *Revision) error {
	_, err := writeRevision(func(query string, args ...any) (int64, error) {
		res, err := tx.Exec(query, args...)
		if err != nil {
			return 0, err
		}
		return res.RowsAffected()
	}, r)
	return err
}

// rawInsertAll writes revisions as they are (hashes recomputed), in one
// transaction, as a forger with sqlite3 would.
func rawInsertAll(t *testing.T, s *Store, revs ...*Revision) {
	t.Helper()
	err := s.tx(func(tx *sql.Tx) error {
		for _, r := range revs {
			r.Hash = r.ContentHash()
			if err := insertRevision(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func forgedRev(id, assessment, subject, value, hlc string, parents ...string) *Revision {
	h, _ := ParseHLC(hlc)
	v := value
	return &Revision{ID: id, Assessment: assessment, Subject: subject, Value: &v, Inspector: "伪造者", Device: "dev-forger",
		HLC: hlc, Wall: time.UnixMilli(min(h.Wall, 4102444800000)).UTC(), Parents: parents}
}

// poisonBuiltinRubric rewrites the stored built-in rubric with every amount
// set to 0.01 and its sha256 recomputed.
func poisonBuiltinRubric(t *testing.T, s *Store) {
	t.Helper()
	rb := rubric.Default()
	cent := decimal.Cent
	for ci := range rb.Categories {
		for ii := range rb.Categories[ci].Indicators {
			for ri := range rb.Categories[ci].Indicators[ii].Rules {
				if r := &rb.Categories[ci].Indicators[ii].Rules[ri]; r.Amount != nil {
					r.Amount = &cent
				}
			}
		}
	}
	content, sum, err := CanonicalRubric(rb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE rubric SET content = ?, sha256 = ? WHERE id = ? AND version = ?", string(content), sum, rb.ID, rb.Version); err != nil {
		t.Fatal(err)
	}
}

const (
	uuidA = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
	uuidB = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
)

func TestMergeRefusesForgedHistory(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	hlc := func(d time.Duration) string { return HLC{Wall: now.Add(d).UnixMilli()}.String() }
	mk := func(name string, build func(s *Store, a Assessment)) string {
		s, id, p := inspectorDB(t, dir, name)
		a := mustNew(t, s, id, "吉首市", "2021")
		build(s, a)
		s.Close()
		return p
	}
	cases := []struct{ name, path, want string }{
		{"built-in rubric with other content", mk("poison", func(s *Store, a Assessment) { poisonBuiltinRubric(t, s) }),
			"rubric xiangxi-fangguanfu-county 2021: it carries the built-in rubric's id and version but different content"},
		{"self-parent", mk("self", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", hlc(-time.Hour), uuidA))
		}), "revision " + uuidA + ": it names itself as the revision it replaces"},
		{"cycle", mk("cycle", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", hlc(-time.Hour), uuidB),
				forgedRev(uuidB, a.ID, "1.2.a", "4", hlc(-2*time.Hour), uuidA))
		}), "which was not recorded before it"},
		{"parent after child", mk("later", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", hlc(-time.Hour)),
				forgedRev(uuidB, a.ID, "1.2.a", "4", hlc(-2*time.Hour), uuidA))
		}), "revision " + uuidB + ": it replaces revision " + uuidA + ", which was not recorded before it"},
		{"clock at the end of time", mk("future", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", "999999999999999.999999"))
		}), "its clock 999999999999999.999999"},
		{"clock two days ahead", mk("ahead", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", hlc(48*time.Hour)))
		}), "more than a day ahead of this computer's clock"},
		{"sign-off naming a missing revision", mk("badsign", func(s *Store, a Assessment) {
			rawInsertAll(t, s, forgedRev(uuidA, a.ID, SubjectStatus,
				`{"status":"signed","digest":"`+strings.Repeat("0", 64)+`","heads":["`+uuidB+`"]}`, hlc(-time.Hour)))
		}), "its sign-off names revision " + uuidB + ", which is missing"},
		{"note too long", mk("longnote", func(s *Store, a Assessment) {
			r := forgedRev(uuidA, a.ID, "3.4.a", "1", hlc(-time.Hour))
			r.Note = strings.Repeat("长", MaxNoteChars+1)
			rawInsertAll(t, s, r)
		}), "a note holds at most 20000"},
	}
	target := filepath.Join(dir, "汇总.db")
	genuine := mk("genuine", func(s *Store, a Assessment) {
		rawInsertAll(t, s, forgedRev("cccccccc-cccc-4ccc-8ccc-cccccccccccc", a.ID, "1.2.a", "3", hlc(-time.Hour)))
	})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts, err := Open(target, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ts.Close()
			before := dump(t, ts)
			_, err = ts.Merge(tc.path)
			var re *Refusal
			if !refusedMerge(err, &re) || !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("merge of %s: %v\nwant a refusal naming the file and saying %q", tc.name, err, tc.want)
			}
			if dump(t, ts) != before {
				t.Error("the target changed although the source was refused")
			}
			// A genuine file is still accepted afterwards.
			if _, err := ts.Merge(genuine); err != nil {
				t.Fatalf("the genuine file after a refused one: %v", err)
			}
		})
	}
}

// A rubric posing as the built-in one is refused at `new` as well.
func TestCreateRefusesChangedBuiltinRubric(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	rb := rubric.Default()
	rb.Title = "改过的标题"
	_, _, err := s.CreateAssessment(id, rb, "吉首市", "2021")
	if CodeOf(err) != CodeRubricConflict {
		t.Fatalf("a changed rubric with the built-in id and version: %v", err)
	}
}

func TestHLCCounterOverflowCarries(t *testing.T) {
	at := time.UnixMilli(5000)
	h := HLC{Wall: 5000, Counter: MaxHLCCounter}
	n := h.Next(at)
	if n != (HLC{Wall: 5001}) || !(h.String() < n.String()) || !n.Valid() {
		t.Fatalf("after %s comes %s", h, n)
	}
	if _, err := ParseHLC(n.String()); err != nil {
		t.Fatal(err)
	}
	end := HLC{Wall: MaxHLCWall, Counter: MaxHLCCounter}
	if end.Next(at).Valid() {
		t.Fatal("a clock past the end of the format is called valid")
	}
	if _, err := ParseHLC("-00000000000001.000000"); err == nil {
		t.Fatal("a negative clock was read")
	}
}

// A database already holding the end-of-time clock (from an older kaohe)
// refuses new writes with a message, instead of writing an unreadable clock.
func TestWriteAfterEndOfTimeClock(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	rawInsertAll(t, s, forgedRev(uuidA, a.ID, "1.2.a", "3", "999999999999999.999999"))
	_, err := s.Record(id, a.ID, Change{Subject: "1.3.a", Value: ruleVal(t, "2")})
	if CodeOf(err) != CodeClockExhausted || !strings.Contains(err.Error(), "no later revision can follow") {
		t.Fatalf("a write after the end-of-time clock: %v", err)
	}
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Revision != uuidA || !strings.Contains(rep.Problems[0].Why, "ahead") {
		t.Fatalf("verify: %+v", rep.Problems)
	}
}

func TestVerifyFindsHandEdits(t *testing.T) {
	dir := t.TempDir()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	revs, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}, Change{Subject: "1.3.a", Value: ruleVal(t, "2")},
		Change{Subject: "2.4.a", Value: ruleVal(t, "90")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 0 || rep.Revisions != 4 || rep.Assessments != 1 || rep.Rubrics != 1 {
		t.Fatalf("a genuine database: %+v", rep)
	}
	// A head with parents (1.2.a recorded twice) is genuine too.
	if _, err := s.Reopen(id, a.ID, "再改"); err != nil {
		t.Fatal(err)
	}
	more, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "4")})
	if err != nil || len(more[0].Parents) != 1 {
		t.Fatal(err, more)
	}
	revs[0] = more[0]
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.HashMismatches(mustState(t, s, a.ID)); err != nil || len(bad) != 0 {
		t.Fatalf("genuine heads reported as mismatching: %v %v", bad, err)
	}
	if rep, err := s.Verify(); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("verify of a genuine database: %v %v", err, rep.Problems)
	}
	// 1.2.a edited without touching the hash; 1.3.a edited with the hash
	// recomputed (caught by the sign-off's digest); 2.4.a set to a value the
	// rubric refuses, hash recomputed.
	s.db.Exec("UPDATE revision SET value = '0' WHERE id = ?", revs[0].ID)
	r := revs[1]
	r.Value = val(t, "0")
	s.db.Exec("UPDATE revision SET value = '0', hash = ? WHERE id = ?", r.ContentHash(), r.ID)
	r = revs[2]
	r.Value = val(t, "200")
	s.db.Exec("UPDATE revision SET value = '200', hash = ? WHERE id = ?", r.ContentHash(), r.ID)
	rep, err = s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		"吉首市/2021 1.2.a revision " + revs[0].ID + ": its content does not match its hash",
		"its sign-off's digest does not match the revisions it names",
		"吉首市/2021 2.4.a revision " + revs[2].ID + ": its value 200 is not accepted",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("verify said:\n%s\nwant a line with %q", all, want)
		}
	}
	if bad, err := s.HashMismatches(mustState(t, s, a.ID)); err != nil || len(bad[a.ID]) != 1 || bad[a.ID][0].ID != revs[0].ID {
		t.Errorf("hash mismatches among the heads: %v %v, want %s", bad, err, revs[0].ID)
	}
	s.Close()
	_ = p
}

// The built-in rubric's fixed sum is the embedded seed's: a changed seed
// needs a new version (and these constants updated).
func TestBuiltinRubricSum(t *testing.T) {
	rb := rubric.Default()
	_, sum, err := CanonicalRubric(rb)
	if err != nil {
		t.Fatal(err)
	}
	if rb.ID != seedRubricID || rb.Version != seedRubricVersion || sum != seedRubricSHA256 {
		t.Fatalf("the embedded seed is %s %s sha256 %s; store/graph.go says %s %s %s", rb.ID, rb.Version, sum, seedRubricID, seedRubricVersion, seedRubricSHA256)
	}
}
