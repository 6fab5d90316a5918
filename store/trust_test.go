package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"pgregory.net/rapid"
)

// A writer that moves a head between reading the states and checking their
// hashes does not make a genuine head look edited by hand: the warning is
// judged on what the states were read with.
func TestHashMismatchesWhileAnotherWriterMovesAHead(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	for _, v := range []string{"3", "4"} { // the head has a parent
		if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v)}); err != nil {
			t.Fatal(err)
		}
	}
	st := mustState(t, s, a.ID)
	// Another program writes after the states were read.
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "5")}); err != nil {
		t.Fatal(err)
	}
	bad, err := s.HashMismatches(st)
	if err != nil || len(bad[a.ID]) != 0 {
		t.Fatalf("a genuine head read before another write is reported as not matching its hash: %v %v", bad[a.ID], err)
	}
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "2")}); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.HashMismatches(all...); err != nil || len(bad[a.ID]) != 0 {
		t.Fatalf("every state: %v %v", bad[a.ID], err)
	}
}

// forgeryFixture is 李四's packed file (device D signs every revision,
// 1.2.a is 5), and a forgery made from it: its signature and device rows
// deleted, and an unsigned revision in D's and 李四's name that replaces
// the 5 with 0, its hash recomputed.
type forgeryFixture struct {
	li, forged  string
	device      string
	genuine     string // the revision of 1.2.a = 5
	forgery     string // its forged successor
	assessment  Assessment
	revisionsLi int
}

func makeForgery(t *testing.T, dir string) forgeryFixture {
	t.Helper()
	s, id, p := signedDB(t, dir, "李四")
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.3.a", "2")
	real := setValue(t, s, id, a, "1.2.a", "5")
	li := filepath.Join(dir, "li.db")
	if err := s.Pack(li); err != nil {
		t.Fatal(err)
	}
	n := mustState(t, s, a.ID).Revisions
	s.Close()
	os.Remove(p)
	forged := filepath.Join(dir, "forged.db")
	if err := copyFile(li, forged); err != nil {
		t.Fatal(err)
	}
	f, err := Open(forged, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.db.Exec("DELETE FROM revision_signature; DELETE FROM device"); err != nil {
		t.Fatal(err)
	}
	h, _ := ParseHLC(real.HLC)
	fake := forgedRev(uuidA, a.ID, "1.2.a", "0", HLC{Wall: h.Wall + 1000}.String(), real.ID)
	fake.Inspector, fake.Device = "李四", id.Device
	rawInsertAll(t, f, fake)
	return forgeryFixture{li: li, forged: forged, device: id.Device, genuine: real.ID, forgery: uuidA, assessment: a, revisionsLi: n}
}

// mergeRefused merges the sources into target in one merge and wants it
// refused, naming the forged file and the forged revision, with the
// target unchanged.
func mergeRefused(t *testing.T, target string, fx forgeryFixture, sources ...string) {
	t.Helper()
	s, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := dump(t, s)
	_, err = s.Merge(sources...)
	want := fx.forged + ": revision " + fx.forgery + ": it is unsigned, but device " + fx.device + " signs its revisions"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("merge of %v: %v\nwant a refusal starting %q", sources, err, want)
	}
	if dump(t, s) != before {
		t.Fatal("the target changed although the merge was refused")
	}
}

// stateIn is assessment a's state in the database at path, which is opened
// for it and closed again; false when a is not there (not merged).
func stateIn(t interface{ Fatal(...any) }, path string, a Assessment) (*State, bool) {
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.State(a.ID)
	if err != nil {
		return nil, false
	}
	return st, true
}

// findingOf is the value a rule holds in the target.
func findingOf(t *testing.T, target string, a Assessment, rule string) string {
	t.Helper()
	st, ok := stateIn(t, target, a)
	if !ok {
		return "-" // not merged
	}
	f, ok := st.Findings()[rule]
	if !ok {
		return "-"
	}
	return f.Value.Num.String()
}

// A forged revision is refused in whichever order the forged file and the
// genuine one come in one merge: the forgery's device's key, in the
// genuine file, is known before any unsigned revision is judged.
func TestForgeryRefusedWhicheverComesFirst(t *testing.T) {
	dir := t.TempDir()
	fx := makeForgery(t, dir)
	for i, order := range [][]string{{fx.li, fx.forged}, {fx.forged, fx.li}} {
		target := filepath.Join(dir, fmt.Sprintf("L%d.db", i))
		mergeRefused(t, target, fx, order...)
		if got := findingOf(t, target, fx.assessment, "1.2.a"); got != "-" {
			t.Fatalf("order %d: 1.2.a is %s after a refused merge", i, got)
		}
	}
}

// Across two merges, genuine first: the forgery is refused. Forgery first
// (nothing yet tells it from a revision written before signing): it is
// taken, and the genuine file's merge then restores every signature the
// forgery stripped and reports the forged revision, which verify names and
// list warns about.
func TestForgeryAcrossTwoMerges(t *testing.T) {
	dir := t.TempDir()
	fx := makeForgery(t, dir)
	genuineFirst := filepath.Join(dir, "L1.db")
	mergeInto(t, genuineFirst, fx.li)
	mergeRefused(t, genuineFirst, fx, fx.forged)
	if got := findingOf(t, genuineFirst, fx.assessment, "1.2.a"); got != "5" {
		t.Fatalf("genuine first: 1.2.a is %s", got)
	}

	forgedFirst := filepath.Join(dir, "L2.db")
	if sums := mergeInto(t, forgedFirst, fx.forged); len(sums[0].Untrusted) != 0 {
		t.Fatalf("no key known yet, and yet: %v", sums[0].Untrusted)
	}
	sums := mergeInto(t, forgedFirst, fx.li)
	if len(sums) != 1 || !reflect.DeepEqual(sums[0].Untrusted, []string{fx.forgery}) {
		t.Fatalf("the genuine file's merge reports %v as untrusted, want the forgery %s", sums[0].Untrusted, fx.forgery)
	}
	s, err := Open(forgedFirst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.CheckSignatures()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Signed != fx.revisionsLi || len(rep.Bad) != 1 || !strings.Contains(rep.Bad[fx.forgery], "a forgery in that device's name") {
		t.Fatalf("signatures after the genuine file: %v %v (want %d signed, the forgery bad)", rep, rep.Bad, fx.revisionsLi)
	}
	untrusted, err := s.Untrusted(mustState(t, s, fx.assessment.ID))
	if err != nil || len(untrusted[fx.assessment.ID]) != 1 || untrusted[fx.assessment.ID][0].ID != fx.forgery {
		for _, r := range untrusted[fx.assessment.ID] {
			t.Logf("%+v", *r)
		}
		t.Fatalf("list's warning: %v %v", untrusted, err)
	}
	// The forgery is not trusted, so it counts nowhere: 1.2.a is the
	// genuine 5 again, the score is the genuine file's, and the heads
	// table says so (verify finds it consistent).
	if got := findingOf(t, forgedFirst, fx.assessment, "1.2.a"); got != "5" {
		t.Fatalf("forgery first, then the genuine file: 1.2.a is %s, want the genuine 5", got)
	}
	if got, want := scoreAndHeads(t, forgedFirst, fx.assessment), scoreAndHeads(t, genuineFirst, fx.assessment); got != want {
		t.Fatalf("forgery first: score %s, genuine first %s", got, want)
	}
	if ms, err := s.CheckHeads(); err != nil || len(ms) != 0 {
		t.Fatalf("heads after the key exposed the forgery: %v %v", ms, err)
	}
	// A head table that counts the forgery (as one written before
	// quarantine did), and no mark of it: verify names both, and
	// RebuildHeads restores them by the same rule.
	for _, edit := range [][]any{
		{"DELETE FROM meta WHERE key = ?", metaUntrusted},
		{"DELETE FROM head WHERE revision_id = ?", fx.genuine},
		{"INSERT INTO head VALUES (?, '1.2.a', ?)", fx.assessment.ID, fx.forgery},
	} {
		if _, err := s.db.Exec(edit[0].(string), edit[1:]...); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := s.CheckHeads()
	if err != nil || len(ms) != 3 || ms[0].Table != "head" || ms[2].Table != "meta" {
		t.Fatalf("heads counting the forgery: %v %v", ms, err)
	}
	if err := s.RebuildHeads(); err != nil {
		t.Fatal(err)
	}
	if ms, err := s.CheckHeads(); err != nil || len(ms) != 0 {
		t.Fatalf("after RebuildHeads: %v %v", ms, err)
	}
	if got := findingOf(t, forgedFirst, fx.assessment, "1.2.a"); got != "5" {
		t.Fatalf("after RebuildHeads: 1.2.a is %s", got)
	}
	if untrusted, err := s.Untrusted(mustState(t, s, fx.assessment.ID)); err != nil || len(untrusted[fx.assessment.ID]) != 1 {
		t.Fatalf("after RebuildHeads, list's warning: %v %v", untrusted, err)
	}
}

// scoreAndHeads is an assessment's total score in target, with its range, and
// its heads: what list and report show of it.
func scoreAndHeads(t interface{ Fatal(...any) }, target string, a Assessment) string {
	st, ok := stateIn(t, target, a)
	if !ok {
		return "-" // not merged
	}
	res, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, ss := range st.Subjects {
		for _, h := range ss.Heads {
			heads = append(heads, h.ID)
		}
	}
	slices.Sort(heads)
	out := res.Total.String()
	if res.Range != nil {
		out += fmt.Sprintf(" [%s, %s]", res.Range.Min, res.Range.Max)
	}
	return out + " " + strings.Join(heads, ",")
}

// trustedSet is what a database trusts: each revision signed or taken
// unsigned as written before signing, and whether it is signed; the
// untrusted (unsigned in the name of a device whose key it holds) are
// returned apart.
func trustedSet(t interface{ Fatal(...any) }, path string) (trusted map[string]bool, untrusted []string) {
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	revs, err := loadRevisions(s.db, "")
	if err != nil {
		t.Fatal(err)
	}
	keys, err := deviceKeys(s.db)
	if err != nil {
		t.Fatal(err)
	}
	sigs, err := signatures(s.db)
	if err != nil {
		t.Fatal(err)
	}
	trusted = map[string]bool{}
	for _, r := range revs {
		problem, _ := SignatureProblem(r, sigs[r.ID], keys)
		if problem != "" {
			untrusted = append(untrusted, r.ID)
			continue
		}
		trusted[r.ID] = sigs[r.ID] != nil
	}
	return trusted, untrusted
}

// Whatever the order of genuine and forged files, and however they are cut
// into separate merges, the target ends up trusting the same revisions with
// the same signatures, a forgery is refused exactly when a key it claims is
// known by the end of its merge, and a forgery taken before its key came is
// never trusted.
func TestMergeTrustIsOrderFree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fx := makeForgery(t, dir)
	zs, zid, _ := signedDB(t, dir, "张三")
	a := mustNew(t, zs, zid, "吉首市", "2021")
	setValue(t, zs, zid, a, "1.2.a", "4")
	zsPath := filepath.Join(dir, "zs.db")
	if err := zs.Pack(zsPath); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	old, oid, oldPath := inspectorDB(t, dir, "王五") // before signing: no key
	b := mustNew(t, old, oid, "泸溪县", "2021")
	setValue(t, old, oid, b, "1.2.a", "3")
	old.Close()
	// 李四's file with its device row gone but its signatures kept.
	keyless := filepath.Join(dir, "keyless.db")
	if err := copyFile(fx.li, keyless); err != nil {
		t.Fatal(err)
	}
	k, err := Open(keyless, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.db.Exec("DELETE FROM device"); err != nil {
		t.Fatal(err)
	}
	k.Close()

	want := map[string]bool{}
	for _, p := range []string{fx.li, zsPath, oldPath} {
		w, _ := trustedSet(t, p)
		for id, signed := range w {
			want[id] = signed
		}
	}
	// The scores and heads of the genuine files merged alone.
	genuine := filepath.Join(dir, "genuine.db")
	mergeInto(t, genuine, fx.li, zsPath, oldPath)
	wantScore := map[string]string{}
	for _, a := range []Assessment{fx.assessment, b} {
		wantScore[a.ID] = scoreAndHeads(t, genuine, a)
	}
	sources := []string{fx.li, fx.forged, zsPath, oldPath, keyless}
	run := 0
	rapid.Check(t, func(rt *rapid.T) {
		run++
		target := filepath.Join(dir, fmt.Sprintf("target%d.db", run))
		order := rapid.Permutation(sources).Draw(rt, "order")
		keyKnown := false // 李四's key is in the target
		for len(order) > 0 {
			n := rapid.IntRange(1, len(order)).Draw(rt, "merge size")
			call := order[:n]
			order = order[n:]
			for len(call) > 0 {
				known := keyKnown || slices.Contains(call, fx.li)
				var bad string
				switch {
				case known && slices.Contains(call, fx.forged):
					bad = fx.forged
				case !known && slices.Contains(call, keyless):
					bad = keyless
				}
				s, err := Open(target, Options{})
				if err != nil {
					rt.Fatal(err)
				}
				_, err = s.Merge(call...)
				s.Close()
				if bad == "" {
					if err != nil {
						rt.Fatalf("merge of %v: %v", call, err)
					}
					keyKnown = known
					break
				}
				if err == nil || !strings.HasPrefix(err.Error(), bad+": ") {
					rt.Fatalf("merge of %v (key known: %v): %v; want %s refused", call, known, err, bad)
				}
				call = slices.DeleteFunc(slices.Clone(call), func(p string) bool { return p == bad })
			}
		}
		for _, a := range []Assessment{fx.assessment, b} {
			if got := scoreAndHeads(rt, target, a); got != wantScore[a.ID] {
				rt.Fatalf("%s: score and heads %s, want %s", a.Label(), got, wantScore[a.ID])
			}
		}
		ts, err := Open(target, Options{})
		if err != nil {
			rt.Fatal(err)
		}
		ms, err := ts.CheckHeads()
		ts.Close()
		if err != nil || len(ms) != 0 {
			rt.Fatalf("heads: %v %v", ms, err)
		}
		got, untrusted := trustedSet(rt, target)
		if !reflect.DeepEqual(got, want) {
			rt.Fatalf("the target trusts\n%v\nwant\n%v", got, want)
		}
		if len(untrusted) > 1 || len(untrusted) == 1 && untrusted[0] != fx.forgery {
			rt.Fatalf("untrusted: %v", untrusted)
		}
	})
}

// rewriteAttachment changes the record of the one attachment in s as a
// forger with sqlite3 would: its hash recomputed to match.
func rewriteAttachment(t *testing.T, s *Store, change func(m *AttachmentMeta)) string {
	t.Helper()
	revs, err := loadRevisions(s.db, "WHERE r.subject LIKE 'evidence/%'")
	if err != nil || len(revs) != 1 {
		t.Fatal(revs, err)
	}
	r := revs[0]
	var m AttachmentMeta
	if err := json.Unmarshal([]byte(*r.Value), &m); err != nil {
		t.Fatal(err)
	}
	change(&m)
	b, _ := json.Marshal(m)
	v := string(b)
	r.Value = &v
	if _, err := s.db.Exec("UPDATE revision SET value = ?, hash = ? WHERE id = ?", v, r.ContentHash(), r.ID); err != nil {
		t.Fatal(err)
	}
	return r.ID
}

// An attachment's record that claims another size than its bytes', or a
// type its bytes' signature contradicts, is refused by merge and named by
// verify; records that agree with their bytes merge.
func TestAttachmentRecordCheckedAgainstItsBytes(t *testing.T) {
	cases := []struct {
		name, file string
		change     func(m *AttachmentMeta)
		want       string
	}{
		{"size", "公示栏.jpg", func(m *AttachmentMeta) { m.Size = 1 }, "its record says the file is 1 bytes, but the file it attaches is 2621440 bytes (2.5 MB)"},
		{"type", "台账.bin", func(m *AttachmentMeta) { m.Type = "image/png" }, "its record says the file is image/png, but its bytes are application/octet-stream"},
		{"not a type", "台账.bin", func(m *AttachmentMeta) { m.Type = "图片" }, `its record's type "图片" is not a media type`},
		{"a type the bytes cannot show", "台账.bin", func(m *AttachmentMeta) {
			m.Type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, id, p := inspectorDB(t, dir, "张三")
			a := mustNew(t, s, id, "吉首市", "2021")
			f, _ := writeRandomFile(t, t.TempDir(), tc.file, 5*blobChunkSize/2)
			if _, err := s.Attach(id, a.ID, "1.2.a", f, "", AttachOptions{}); err != nil {
				t.Fatal(err)
			}
			rev := rewriteAttachment(t, s, tc.change)
			rep, err := s.Verify()
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			var found []string
			for _, pr := range rep.Problems {
				found = append(found, pr.String())
			}
			target := filepath.Join(dir, "汇总.db")
			ts, err := Open(target, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ts.Close()
			_, err = ts.Merge(p)
			if tc.want == "" {
				if err != nil || len(found) != 0 {
					t.Fatalf("a record its bytes do not contradict: merge %v, verify %v", err, found)
				}
				return
			}
			if len(found) != 1 || !strings.Contains(found[0], "revision "+rev+": "+tc.want) {
				t.Errorf("verify: %q\nwant one problem: %s", found, tc.want)
			}
			if err == nil || err.Error() != p+": revision "+rev+": "+tc.want {
				t.Errorf("merge: %v\nwant %s: revision %s: %s", err, p, rev, tc.want)
			}
		})
	}
}

// Text that is not UTF-8 is refused at every door: a note set through
// Record, a revision in a merged file, and verify names one already
// stored; changing its invalid byte (after signing) changes its hash.
func TestInvalidUTF8Refused(t *testing.T) {
	dir := t.TempDir()
	s, id, p := inspectorDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	_, err := s.Record(id, a.ID, Change{Subject: "3.4.a", Value: ruleVal(t, "1"), Note: "未汇聚\xff"})
	if err == nil || err.Error() != "3.4.a: the note is not valid UTF-8 text (an invalid byte at byte 9); kaohe stores text as UTF-8 only" {
		t.Fatalf("a note with an invalid byte: %v", err)
	}
	if _, err := s.Record(id, a.ID, Change{Subject: NotePrefix + "1.2", Value: assessment.TextValue("\xc3")}); err == nil || !strings.Contains(err.Error(), "the value is not valid UTF-8") {
		t.Fatalf("an indicator note with an invalid byte: %v", err)
	}
	r := forgedRev(uuidA, a.ID, "3.4.a", "1", HLC{Wall: time.Now().Add(-time.Hour).UnixMilli()}.String())
	r.Note = "未汇聚\xff"
	rawInsertAll(t, s, r)
	hashed := r.Hash
	if _, err := s.db.Exec("UPDATE revision SET note = ? WHERE id = ?", "未汇聚\xfe", uuidA); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var whys []string
	for _, pr := range rep.Problems {
		whys = append(whys, pr.Why)
	}
	all := strings.Join(whys, "\n")
	if !strings.Contains(all, "the note is not valid UTF-8 text (an invalid byte at byte 9)") || !strings.Contains(all, "its content does not match its hash") {
		t.Fatalf("verify after an invalid byte was changed:\n%s", all)
	}
	s.db.Exec("UPDATE revision SET note = ? WHERE id = ?", "未汇聚\xff", uuidA)
	if h := r.ContentHash(); h != hashed {
		t.Fatal("the hash changed")
	}
	s.Close()
	ts, err := Open(filepath.Join(dir, "汇总.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	_, err = ts.Merge(p)
	if err == nil || err.Error() != p+": revision "+uuidA+": the note is not valid UTF-8 text (an invalid byte at byte 9); kaohe stores text as UTF-8 only" {
		t.Fatalf("merge of a file with an invalid byte in a note: %v", err)
	}
}

// A forgery in the name of a device that has not signed anything yet is
// taken by a merge (nothing tells it from a revision written before
// signing); the device's first signed revision brings its key, and the
// forgery stops counting at once, in the same write; a value written over
// it on a stale view still replaces what it replaced.
func TestFirstSignedWriteQuarantinesForgeryInItsName(t *testing.T) {
	dir := t.TempDir()
	lead, lid, leadPath := signedDB(t, dir, "组长")
	defer lead.Close()
	f, fid, fPath := inspectorDB(t, dir, "伪造")
	a := mustNew(t, f, fid, "吉首市", "2021")
	real := setValue(t, f, fid, a, "1.2.a", "5")
	h, _ := ParseHLC(real.HLC)
	fake := forgedRev(uuidA, a.ID, "1.2.a", "0", HLC{Wall: h.Wall + 1000}.String(), real.ID)
	fake.Inspector, fake.Device = "组长", lid.Device
	rawInsertAll(t, f, fake)
	f.Close()
	if _, err := lead.Merge(fPath); err != nil {
		t.Fatal(err)
	}
	if got := findingOf(t, leadPath, a, "1.2.a"); got != "0" {
		t.Fatalf("before the lead's key is known: 1.2.a is %s", got)
	}
	setValue(t, lead, lid, a, "1.3.a", "2") // the lead's first signed revision
	if got := findingOf(t, leadPath, a, "1.2.a"); got != "5" {
		t.Fatalf("after the lead's first signed write: 1.2.a is %s, want 5 (the forgery not trusted)", got)
	}
	if ms, err := lead.CheckHeads(); err != nil || len(ms) != 0 {
		t.Fatalf("heads: %v %v", ms, err)
	}
	// A value written on a view that still showed the forgery.
	v := "4"
	if _, err := lead.Record(lid, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, v), Seen: []string{uuidA}}); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, lead, a.ID)
	if heads := st.Subjects["1.2.a"].Heads; len(heads) != 1 || *heads[0].Value != "4" {
		t.Fatalf("a value written over the untrusted one: heads %v", heads)
	}
	if ms, err := lead.CheckHeads(); err != nil || len(ms) != 0 {
		t.Fatalf("heads after writing over the untrusted one: %v %v", ms, err)
	}
}
