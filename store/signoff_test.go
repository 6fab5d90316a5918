package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
)

// scoreOf returns an assessment's total as printed.
func scoreOf(t *testing.T, s *Store, id string) (string, *State) {
	t.Helper()
	st, err := s.State(id)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	return res.Total.Fixed(2), st
}

func mustRecord(t *testing.T, s *Store, id Identity, a string, cs ...Change) {
	t.Helper()
	if _, err := s.Record(id, a, cs...); err != nil {
		t.Fatal(err)
	}
}

// The lead merges, resolves and signs; an inspector
// then edits a stale copy and the lead merges it again. The signed score
// and status hold; the changes are conflicts against the sign-off.
func TestSignedAssessmentNeverChangesSilently(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	ls, idl, pl := inspectorDB(t, dir, "李四")
	az := mustNew(t, zs, idz, "吉首市", "2021")
	mustNew(t, ls, idl, "吉首市", "2021")
	mustRecord(t, zs, idz, az.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")}, Change{Subject: "2.4.a", Value: ruleVal(t, "90")})
	mustRecord(t, ls, idl, az.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")})
	zs.Close()
	ls.Close()

	lead, idLead, pLead := inspectorDB(t, dir, "组长")
	lead.Close()
	mergeInto(t, pLead, pz, pl)
	lead, err := Open(pLead, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lead.Close()
	if _, err := lead.Resolve(idLead, az.ID, "1.2.a", Resolution{Keep: "李四", Note: "复核台账"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lead.Sign(idLead, az.ID, true); err != nil {
		t.Fatal(err)
	}
	signedScore, st := scoreOf(t, lead, az.ID)
	if st.Status() != StatusSigned || st.SignOff() == nil {
		t.Fatalf("status %s, sign-off %v after signing", st.Status(), st.SignOff())
	}
	lead.Close()

	// 张三's stale copy: he changes a rule nobody disputed and the one the
	// lead settled.
	zs, err = Open(pz, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustRecord(t, zs, idz, az.ID, Change{Subject: "2.4.a", Value: ruleVal(t, "50")}, Change{Subject: "1.2.a", Value: ruleVal(t, "5")})
	zs.Close()

	sums := mergeInto(t, pLead, pz)
	if sums[0].NewConflicts != 2 {
		t.Errorf("summary %+v: want 2 new conflicts (against the sign-off)", sums[0])
	}
	lead, err = Open(pLead, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, st := scoreOf(t, lead, az.ID)
	if got != signedScore || st.Status() != StatusSigned {
		t.Fatalf("after merging a stale copy: %s %s, want the signed %s signed", got, st.Status(), signedScore)
	}
	var subjects []string
	for _, c := range st.SignOffConflicts() {
		subjects = append(subjects, c.Subject)
	}
	if strings.Join(subjects, " ") != "1.2.a 2.4.a" {
		t.Fatalf("conflicts against the sign-off %v, want 1.2.a 2.4.a", subjects)
	}
	if c := st.SignOffConflict("2.4.a"); c.Signed == nil || *c.Signed.Value != "90" || len(c.Heads) != 1 || *c.Heads[0].Value != "50" {
		t.Errorf("2.4.a sign-off conflict %+v: want signed 90 against 50", c)
	}
	if rd := st.Readiness(); len(rd.Conflicts) != 2 {
		t.Errorf("readiness conflicts %v", rd.Conflicts)
	}

	// Taking the new value needs a reopening; keeping the signed one does not.
	if _, err := lead.Resolve(idLead, az.ID, "2.4.a", Resolution{Value: new(ruleVal(t, "50"))}); err == nil || !strings.Contains(err.Error(), "changed after the sign-off") {
		t.Fatalf("resolving a signed assessment with a new value: %v", err)
	}
	if _, err := lead.Resolve(idLead, az.ID, "2.4.a", Resolution{Keep: KeepSigned, Note: "以签字为准"}); err != nil {
		t.Fatal(err)
	}
	got, st = scoreOf(t, lead, az.ID)
	if got != signedScore || st.Status() != StatusSigned || len(st.SignOffConflicts()) != 1 || st.SignOffConflicts()[0].Subject != "1.2.a" {
		t.Fatalf("after keeping the signed 2.4.a: %s %s, conflicts %v", got, st.Status(), st.SignOffConflicts())
	}
	if v := st.Subjects["2.4.a"]; len(v.Heads) != 1 || *v.Heads[0].Value != "90" {
		t.Errorf("2.4.a heads after keeping the signed value: %v", v.Heads)
	}
	// A reopening lets the new value count again.
	if _, err := lead.Reopen(idLead, az.ID, "张三补充了材料"); err != nil {
		t.Fatal(err)
	}
	_, st = scoreOf(t, lead, az.ID)
	if st.Status() != StatusDraft || len(st.SignOffConflicts()) != 0 || len(st.Conflicts()) != 1 {
		t.Fatalf("after reopening: %s, sign-off conflicts %v, conflicts %d", st.Status(), st.SignOffConflicts(), len(st.Conflicts()))
	}
}

// A reopening merged in from another file is listed in the summary with
// who and why; a sign-off too.
func TestMergeListsStatusChanges(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustRecord(t, zs, idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if _, err := zs.Sign(idz, a.ID, true); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	target := filepath.Join(dir, "汇总.db")
	sums := mergeInto(t, target, pz)
	if len(sums[0].StatusChanges) != 1 || sums[0].StatusChanges[0].Status != StatusSigned || sums[0].StatusChanges[0].Inspector != "张三" ||
		sums[0].StatusChanges[0].Now != StatusSigned || sums[0].StatusChanges[0].Assessment != "吉首市/2021" {
		t.Fatalf("status changes %+v", sums[0].StatusChanges)
	}
	zs, _ = Open(pz, Options{})
	if _, err := zs.Reopen(idz, a.ID, "发现漏项"); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	sums = mergeInto(t, target, pz)
	ch := sums[0].StatusChanges
	if len(ch) != 1 || ch[0].Status != StatusDraft || ch[0].Note != "发现漏项" || ch[0].Inspector != "张三" || ch[0].Now != StatusDraft {
		t.Fatalf("a merged reopening is listed as %+v", ch)
	}
}

// A reopening that does not descend from the sign-off (made on a copy that
// never saw it) does not un-sign: it is a status conflict.
func TestStaleReopenDoesNotUnsign(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustRecord(t, zs, idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	if _, err := zs.Sign(idz, a.ID, true); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	copyPath := filepath.Join(dir, "copy.db")
	mergeInto(t, copyPath, pz)
	zs, _ = Open(pz, Options{})
	zs.Reopen(idz, a.ID, "第一次")
	if _, err := zs.Sign(idz, a.ID, true); err != nil { // signed again
		t.Fatal(err)
	}
	zs.Close()
	cp, _ := Open(copyPath, Options{})
	idc, _ := cp.SetInspector("李四")
	if _, err := cp.Reopen(idc, a.ID, "李四要改"); err != nil {
		t.Fatal(err)
	}
	cp.Close()
	sums := mergeInto(t, pz, copyPath)
	if ch := sums[0].StatusChanges; len(ch) != 1 || ch[0].Status != StatusDraft || ch[0].Now != StatusSigned {
		t.Fatalf("stale reopening listed as %+v", ch)
	}
	zs, _ = Open(pz, Options{})
	defer zs.Close()
	st, _ := zs.State(a.ID)
	if st.Status() != StatusSigned || len(st.Conflicts()) != 1 || st.Conflicts()[0].Subject != SubjectStatus {
		t.Fatalf("status %s, conflicts %v", st.Status(), st.Conflicts())
	}
	if _, err := zs.Resolve(idz, a.ID, SubjectStatus, Resolution{Keep: KeepSigned}); err != nil {
		t.Fatal(err)
	}
	st, _ = zs.State(a.ID)
	if st.Status() != StatusSigned || len(st.Conflicts()) != 0 || len(st.SignOffConflicts()) != 0 {
		t.Fatalf("after keeping the sign-off: %s %v %v", st.Status(), st.Conflicts(), st.SignOffConflicts())
	}
}

func TestSignRefusesIncompleteUnlessAllowed(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	mustRecord(t, s, id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	_, err := s.Sign(id, a.ID, false)
	var ie *IncompleteError
	if !errors.As(err, &ie) || !IsRefusal(err) {
		t.Fatalf("signing an incomplete assessment: %v", err)
	}
	total := s.mustRubricRules(t)
	if len(ie.Readiness.Unrecorded) != total-1 || ie.Readiness.Unrecorded[0] != "1.1.a" || ie.Assessment != "吉首市/2021" {
		t.Fatalf("readiness %+v, message %q", ie.Readiness, err)
	}
	if st, _ := s.State(a.ID); st.Status() != StatusDraft {
		t.Fatal("a refused sign-off signed")
	}
	rev, err := s.Sign(id, a.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rev.Note, "--allow-incomplete") || !strings.Contains(rev.Note, "rules unrecorded") {
		t.Errorf("the sign-off's note %q does not say it was incomplete", rev.Note)
	}
	if _, err := s.Sign(id, a.ID, true); err == nil || !strings.Contains(err.Error(), "already signed") {
		t.Errorf("signing twice: %v", err)
	}
	if _, err := s.Reopen(id, a.ID, "  "); err == nil {
		t.Error("a reopening without a reason was accepted")
	}
}

func TestSignRefusesOpenConflicts(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	ls, idl, pl := inspectorDB(t, dir, "李四")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustNew(t, ls, idl, "吉首市", "2021")
	mustRecord(t, zs, idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	mustRecord(t, ls, idl, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "1")})
	ls.Close()
	zs.Close()
	mergeInto(t, pz, pl)
	zs, _ = Open(pz, Options{})
	defer zs.Close()
	_, err := zs.Sign(idz, a.ID, true)
	var ie *IncompleteError
	if !errors.As(err, &ie) || len(ie.Readiness.Conflicts) != 1 || ie.Readiness.Conflicts[0] != "1.2.a" {
		t.Fatalf("signing with an open conflict and --allow-incomplete: %v", err)
	}
	if _, err := PickHead(mustState(t, zs, a.ID).Subjects["1.2.a"], "王五"); err == nil || !strings.Contains(err.Error(), "张三") {
		t.Errorf("picking a stranger: %v", err)
	}
}

func mustState(t *testing.T, s *Store, id string) *State {
	t.Helper()
	st, err := s.State(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func (s *Store) mustRubricRules(t *testing.T) int {
	t.Helper()
	rb, err := s.Rubric("xiangxi-fangguanfu-county", "2021")
	if err != nil {
		t.Fatal(err)
	}
	return rb.RuleCount()
}

// A discretionary rule with nothing deducted needs no reason.
func TestDiscretionZeroNeedsNoReason(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "0")}); err != nil {
		t.Fatalf("a discretionary 0 without a note: %v", err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "0.5")}); err == nil {
		t.Fatal("a discretionary deduction without a note was accepted")
	}
}

// Every door refuses a note longer than MaxNoteChars.
func TestNoteSizeBounded(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	long := strings.Repeat("说", MaxNoteChars+1)
	_, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "0.5"), Note: long})
	if err == nil || !IsRefusal(err) || !strings.Contains(err.Error(), "at most 20000") {
		t.Fatalf("a %d-character reason: %v", MaxNoteChars+1, err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: NotePrefix + "1.2", Value: assessment.TextValue(long)}); err == nil || !strings.Contains(err.Error(), "at most 20000") {
		t.Fatalf("a %d-character indicator note: %v", MaxNoteChars+1, err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "0.5"), Note: long[:len(long)-len("说")]}); err != nil {
		t.Fatalf("a note of exactly %d characters: %v", MaxNoteChars, err)
	}
}

// A rule nobody had recorded at signing, recorded afterwards on a stale
// copy, does not count until settled; keeping the signed state retracts it.
func TestValueUnrecordedAtSigningStaysOut(t *testing.T) {
	dir := t.TempDir()
	zs, idz, pz := inspectorDB(t, dir, "张三")
	a := mustNew(t, zs, idz, "吉首市", "2021")
	mustRecord(t, zs, idz, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	zs.Close()
	lead := filepath.Join(dir, "汇总.db")
	mergeInto(t, lead, pz)
	ls, err := Open(lead, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idl, _ := ls.SetInspector("组长")
	if _, err := ls.Sign(idl, a.ID, true); err != nil {
		t.Fatal(err)
	}
	signed, _ := scoreOf(t, ls, a.ID)
	ls.Close()
	zs, _ = Open(pz, Options{})
	mustRecord(t, zs, idz, a.ID, Change{Subject: "1.1.a", Value: ruleVal(t, "true")}, Change{Subject: NotePrefix + "1.1", Value: assessment.TextValue("补记")})
	zs.Close()
	mergeInto(t, lead, pz)
	ls, _ = Open(lead, Options{})
	defer ls.Close()
	got, st := scoreOf(t, ls, a.ID)
	if got != signed || st.Notes()["1.1"] != "" {
		t.Fatalf("score %s (signed %s), note %q after a value recorded after signing", got, signed, st.Notes()["1.1"])
	}
	c := st.SignOffConflict("1.1.a")
	if c == nil || c.Signed != nil {
		t.Fatalf("1.1.a: %+v", c)
	}
	if _, err := ls.Resolve(idl, a.ID, "1.1.a", Resolution{Keep: KeepSigned}); err != nil {
		t.Fatal(err)
	}
	if _, err := ls.Resolve(idl, a.ID, NotePrefix+"1.1", Resolution{Keep: KeepSigned}); err != nil {
		t.Fatal(err)
	}
	got, st = scoreOf(t, ls, a.ID)
	if got != signed || len(st.SignOffConflicts()) != 0 || !st.Subjects["1.1.a"].Current().Tombstone() {
		t.Fatalf("after keeping the signed state: %s, %v", got, st.SignOffConflicts())
	}
	rep, err := ls.Verify()
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("verify after keeping the signed state: %v %v", err, rep.Problems)
	}
}
