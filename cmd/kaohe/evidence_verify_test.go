package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store"
)

// verify re-hashes every evidence file and checks every signature: a value
// rewritten with sqlite3 and its hash recomputed passes the hash check but
// not the signature; a corrupted chunk of a photo is named; --fingerprint
// prints the digest the score sheets carry.
func TestVerifySignaturesAndEvidence(t *testing.T) {
	c, db := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	photo := filepath.Join(t.TempDir(), "窗口.jpg")
	os.WriteFile(photo, make([]byte, 3<<20), 0o600)
	c.ok("attach", "吉首市/2021", "1.2.a", photo)
	out := c.ok("verify")
	if !strings.Contains(out, "2 revisions signed, 0 unsigned") || !strings.Contains(out, "1 evidence files re-hashed") {
		t.Fatalf("verify of a genuine signed database: %s", out)
	}
	fp := strings.Fields(c.ok("verify", "--fingerprint", "吉首市/2021"))
	md := filepath.Join(t.TempDir(), "r.md")
	c.ok("report", "-o", md)
	if sheet, _ := os.ReadFile(md); len(fp) != 2 || len(fp[1]) != 64 || !strings.Contains(string(sheet), fp[1]) {
		t.Fatalf("the sheet does not carry the fingerprint verify prints: %v", fp)
	}

	// The value rewritten and its hash recomputed, as a forger would.
	st := openForTest(t, db)
	s, _ := st.State(mustFind(t, st, "吉首市/2021").ID)
	r := s.Subjects["1.2.a"].Heads[0]
	full, _ := st.History(s.Assessment.ID, "1.2.a")
	forged := *full[len(full)-1]
	zero := "0"
	forged.Value = &zero
	st.Close()
	sqlEdit(t, db, "UPDATE revision SET value = '0', hash = '"+forged.ContentHash()+"' WHERE id = '"+r.ID+"'")
	out, _, code := c.run("verify")
	if code != 1 || !strings.Contains(out, "signature does not verify") || strings.Contains(out, "does not match its hash") {
		t.Fatalf("verify after a re-hashed edit: exit %d\n%s", code, out)
	}
	// A corrupted chunk of the photo.
	sqlEdit(t, db, "UPDATE blob_chunk SET data = zeroblob(10) WHERE seq = 1")
	var rep store.VerifyReport
	out, _, _ = c.run("verify", "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range rep.Problems {
		if strings.HasPrefix(p.Record, "evidence file ") && strings.Contains(p.Why, "damaged") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the corrupted photo is not named: %s", out)
	}
}

// With a rubric that asks for evidence, sign lists the deductions without
// it, and they leave the list once a file is attached.
func TestSignListsMissingEvidence(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	dir := t.TempDir()
	y, err := os.ReadFile(filepath.Join("..", "..", "rubric", "default.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(strings.Replace(string(y), "version: \"2021\"\n", "version: \"2021-evidence\"\nevidence: deductions\n", 1)), 0o600)
	c.ok("new", "吉首市", "2021", "--rubric", yaml)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("set", "吉首市/2021", "1.3.a", "0")
	_, errs, code := c.run("sign", "吉首市/2021")
	if code != 1 || !strings.Contains(errs, "1 deductions without evidence (kaohe attach ASSESSMENT RULE FILE): 1.2.a") {
		t.Fatalf("sign without evidence: exit %d\n%s", code, errs)
	}
	p := filepath.Join(dir, "台账.pdf")
	os.WriteFile(p, []byte("%PDF"), 0o600)
	c.ok("attach", "吉首市/2021", "1.2", p)
	if _, errs, _ := c.run("sign", "吉首市/2021"); strings.Contains(errs, "without evidence") {
		t.Fatalf("still missing after attaching to the indicator:\n%s", errs)
	}
}

func openForTest(t *testing.T, db string) *store.Store {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustFind(t *testing.T, s *store.Store, ref string) store.Assessment {
	t.Helper()
	a, err := s.Find(ref)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
