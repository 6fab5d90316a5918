package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An inspector attaches a photo to a rule and a scan to an indicator; both
// are listed with name, size, type and who; the photo comes back byte for
// byte; attaching the same photo again adds nothing; the same bytes on
// another rule are a second attachment of one stored file.
func TestAttachListGetDedupe(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	dir := t.TempDir()
	photo, photoBytes := writeRandomFile(t, dir, "窗口无公示.jpg", 70_000)
	scan, _ := writeRandomFile(t, dir, "台账.pdf", 1_500_000)

	att, err := s.Attach(id, a.ID, "1.2.a", photo, "东门窗口", AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if att.Name != "窗口无公示.jpg" || att.Size != 70_000 || att.Type != "image/jpeg" || att.Inspector != "张三" || att.Revision == "" {
		t.Fatalf("attachment: %+v", att)
	}
	if _, err := s.Attach(id, a.ID, "2.1", scan, "", AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	again, err := s.Attach(id, a.ID, "1.2.a", photo, "东门窗口", AttachOptions{})
	if err != nil || again.Revision != "" {
		t.Fatalf("attaching the same file twice wrote a revision: %+v %v", again, err)
	}
	if _, err := s.Attach(id, a.ID, "1.3.a", photo, "", AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	all := st.Attachments("")
	if len(all) != 3 || all[0].Subject != "1.2.a" || all[1].Subject != "1.3.a" || all[2].Subject != "2.1" {
		t.Fatalf("attachments: %+v", all)
	}
	if got := st.Attachments("1.2.a"); len(got) != 1 || got[0].Note != "东门窗口" {
		t.Fatalf("1.2.a: %+v", got)
	}
	var blobs int
	s.db.QueryRow("SELECT count(*) FROM blob").Scan(&blobs)
	if blobs != 2 {
		t.Fatalf("%d files stored, want 2 (the photo once)", blobs)
	}
	if len(st.Conflicts()) != 0 || len(st.Findings()) != 0 {
		t.Fatalf("attachments must not be findings or conflicts: %v %v", st.Conflicts(), st.Findings())
	}
	found, err := st.FindAttachment("1.2.a", att.SHA256[:8])
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := s.WriteBlob(found.SHA256, &out); err != nil || !bytes.Equal(out.Bytes(), photoBytes) {
		t.Fatalf("extracted photo differs: %v", err)
	}
}

// Detaching retracts the attachment; history keeps both revisions and the
// bytes stay in the file.
func TestDetachKeepsHistory(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	p, _ := writeRandomFile(t, t.TempDir(), "p.png", 1000)
	att, err := s.Attach(id, a.ID, "1.2.a", p, "", AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Detach(id, a.ID, "1.2.a", att.SHA256[:6]); err != nil {
		t.Fatal(err)
	}
	st, _ := s.State(a.ID)
	if n := len(st.Attachments("")); n != 0 {
		t.Fatalf("%d attachments after detach", n)
	}
	hist, _ := s.History(a.ID, EvidenceSubject("1.2.a", att.SHA256))
	if len(hist) != 2 || !hist[1].Tombstone() {
		t.Fatalf("history: %d revisions", len(hist))
	}
	if ok, _ := s.HasBlob(att.SHA256); !ok {
		t.Fatal("detach removed the bytes")
	}
	if _, err := s.Detach(id, a.ID, "1.2.a", att.SHA256[:6]); err == nil {
		t.Fatal("detaching twice should say there is no such attachment")
	}
}

// Refusals change nothing: an unknown rule, a folder, a file above the
// limit, a signed assessment.
func TestAttachRefusalsWriteNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	dir := t.TempDir()
	p, _ := writeRandomFile(t, dir, "p.png", 5000)
	before := dump(t, s)
	cases := map[string]func() error{
		"unknown rule": func() error { _, err := s.Attach(id, a.ID, "9.9.z", p, "", AttachOptions{}); return err },
		"folder":       func() error { _, err := s.Attach(id, a.ID, "1.2.a", dir, "", AttachOptions{}); return err },
		"too large":    func() error { _, err := s.Attach(id, a.ID, "1.2.a", p, "", AttachOptions{Limit: 100}); return err },
		"missing file": func() error {
			_, err := s.Attach(id, a.ID, "1.2.a", filepath.Join(dir, "nope.jpg"), "", AttachOptions{})
			return err
		},
	}
	for name, f := range cases {
		if err := f(); err == nil {
			t.Errorf("%s: accepted", name)
		} else if name == "unknown rule" && !strings.Contains(err.Error(), "9.9.z") {
			t.Errorf("%s: message does not name it: %v", name, err)
		}
	}
	if after := dump(t, s); after != before {
		t.Fatalf("a refused attach changed the database:\n%s", after)
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(id, a.ID, "1.2.a", p, "", AttachOptions{}); !errors.Is(err, ErrSigned) {
		t.Fatalf("attach to a signed assessment: %v", err)
	}
}

// Two inspectors attach different files to the same rule, and one the same
// file as the other: merged either way round, and merged twice, the result
// is the same set of attachments with every file's bytes, and no conflict.
func TestMergeAttachmentsOrderFreeIdempotent(t *testing.T) {
	dir := t.TempDir()
	files := t.TempDir()
	zs, zid, zp := inspectorDB(t, dir, "张三")
	ls, lid, lp := inspectorDB(t, dir, "李四")
	za := mustNew(t, zs, zid, "吉首市", "2021")
	la := mustNew(t, ls, lid, "吉首市", "2021")
	shared, _ := writeRandomFile(t, files, "公示栏.jpg", 3*blobChunkSize/2)
	own, _ := writeRandomFile(t, files, "台账.pdf", 4000)
	mine, _ := writeRandomFile(t, files, "截图.png", 9000)
	for _, c := range []struct {
		s    *Store
		id   Identity
		a    Assessment
		path string
	}{{zs, zid, za, shared}, {zs, zid, za, own}, {ls, lid, la, shared}, {ls, lid, la, mine}} {
		if _, err := c.s.Attach(c.id, c.a.ID, "1.2.a", c.path, c.id.Inspector+"拍摄", AttachOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	zs.Close()
	ls.Close()
	ab := filepath.Join(dir, "ab.db")
	ba := filepath.Join(dir, "ba.db")
	mergeInto(t, ab, zp, lp)
	mergeInto(t, ba, lp)
	mergeInto(t, ba, zp)
	mergeInto(t, ba, zp, lp) // again: nothing new
	if dumpFile(t, ab) != dumpFile(t, ba) {
		t.Fatal("merge order changed the result")
	}
	s, err := Open(ab, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.State(za.ID)
	atts := st.Attachments("1.2.a")
	if len(atts) != 3 {
		t.Fatalf("want 3 attachments (shared once), got %d: %+v", len(atts), atts)
	}
	if len(st.Conflicts()) != 0 {
		t.Fatalf("attachments conflicted: %v", st.Conflicts()[0].Subject)
	}
	for _, att := range atts {
		if err := s.CheckBlob(att.SHA256); err != nil {
			t.Fatalf("%s: %v", att.Name, err)
		}
	}
	if broken := foreignKeyProblems(t, s); broken != "" {
		t.Errorf("after merging evidence: %s", broken)
	}
}

// A source whose evidence bytes were altered (a corrupted chunk) or removed
// is refused, naming the file; the target is unchanged.
func TestMergeRefusesDamagedEvidence(t *testing.T) {
	for _, damage := range []string{
		"UPDATE blob_chunk SET data = zeroblob(length(data)) WHERE seq = 1",
		"DELETE FROM blob_chunk WHERE seq = 0",
	} {
		dir := t.TempDir()
		zs, zid, zp := inspectorDB(t, dir, "张三")
		za := mustNew(t, zs, zid, "吉首市", "2021")
		p, _ := writeRandomFile(t, t.TempDir(), "证据.jpg", 2*blobChunkSize+1)
		if _, err := zs.Attach(zid, za.ID, "1.2.a", p, "", AttachOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := zs.db.Exec(damage); err != nil {
			t.Fatal(err)
		}
		zs.Close()
		target := filepath.Join(dir, "target.db")
		ts, err := Open(target, Options{})
		if err != nil {
			t.Fatal(err)
		}
		before := dump(t, ts)
		_, err = ts.Merge(zp)
		var re *Refusal
		if !refusedMerge(err, &re) || !strings.Contains(err.Error(), "evidence file") {
			t.Fatalf("%s: want refusal naming the evidence file, got %v", damage, err)
		}
		if dump(t, ts) != before {
			t.Fatalf("%s: refused merge changed the target", damage)
		}
		ts.Close()
	}
}

// pack carries the evidence bytes.
func TestPackCarriesEvidence(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	p, data := writeRandomFile(t, t.TempDir(), "p.jpg", blobChunkSize+99)
	att, err := s.Attach(id, a.ID, "1.2.a", p, "", AttachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "packed.db")
	if err := s.Pack(out); err != nil {
		t.Fatal(err)
	}
	os.Remove(p)
	ps, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ps.Close()
	var b bytes.Buffer
	if _, err := ps.WriteBlob(att.SHA256, &b); err != nil || !bytes.Equal(b.Bytes(), data) {
		t.Fatalf("packed copy lost the evidence bytes: %v", err)
	}
}
