package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// signedDB is an inspector's laptop with its own device key folder.
func signedDB(t *testing.T, dir, name string) (*Store, Identity, string) {
	t.Helper()
	p := filepath.Join(dir, name+".db")
	s, err := Open(p, Options{KeyDir: filepath.Join(dir, name+"-config")})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.SetInspector(name)
	if err != nil {
		t.Fatal(err)
	}
	return s, id, p
}

func setValue(t *testing.T, s *Store, id Identity, a Assessment, rule, v string) Revision {
	t.Helper()
	revs, err := s.Record(id, a.ID, Change{Subject: rule, Value: ruleVal(t, v)})
	if err != nil || len(revs) != 1 {
		t.Fatal(err)
	}
	return revs[0]
}

// The device ID is the key's fingerprint; the private key sits in the
// config folder with mode 0600 and nowhere in the database; every new
// revision is signed and verifies.
func TestDeviceKeySignsRevisions(t *testing.T) {
	dir := t.TempDir()
	s, id, dbPath := signedDB(t, dir, "张三")
	defer s.Close()
	key, err := LoadDeviceKey(filepath.Join(dir, "张三-config"))
	if err != nil {
		t.Fatal(err)
	}
	if id.Device != Fingerprint(key.Public().(ed25519.PublicKey)) || !id.Signs() {
		t.Fatalf("device %s is not the key's fingerprint", id.Device)
	}
	fi, err := os.Stat(filepath.Join(dir, "张三-config", DeviceKeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi.Mode(), err)
	}
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.2.a", "3")
	setValue(t, s, id, a, "1.2.a", "4")
	rep, err := s.CheckSignatures()
	if err != nil || rep.Signed != 2 || rep.Unsigned != 0 || len(rep.Bad) != 0 {
		t.Fatalf("%v %v", rep, err)
	}
	s.Close()
	raw, _ := os.ReadFile(dbPath)
	seed := key.Seed()
	if strings.Contains(string(raw), string(seed)) {
		t.Fatal("the private key is in the database file")
	}
}

// Forgeries in a source are refused and the target is unchanged: a value
// rewritten with sqlite3 and its hash recomputed (the signature no longer
// verifies), a revision whose signature was removed, and a device row
// whose key is not the one its ID names (someone writing as an existing
// device with their own key).
func TestMergeRefusesForgedSignatures(t *testing.T) {
	forgeries := map[string]func(t *testing.T, s *Store, r Revision){
		"value edited, hash recomputed": func(t *testing.T, s *Store, r Revision) {
			v := "0"
			r.Value = &v
			if _, err := s.db.Exec("UPDATE revision SET value = ?, hash = ? WHERE id = ?", v, r.ContentHash(), r.ID); err != nil {
				t.Fatal(err)
			}
		},
		"signature removed": func(t *testing.T, s *Store, r Revision) {
			if _, err := s.db.Exec("DELETE FROM revision_signature WHERE revision_id = ?", r.ID); err != nil {
				t.Fatal(err)
			}
		},
		"another key under the device's ID": func(t *testing.T, s *Store, r Revision) {
			pub, priv, _ := ed25519.GenerateKey(rand.Reader)
			if _, err := s.db.Exec("UPDATE device SET public_key = ? WHERE id = ?", []byte(pub), r.Device); err != nil {
				t.Fatal(err)
			}
			sig := ed25519.Sign(priv, []byte(r.Hash))
			if _, err := s.db.Exec("UPDATE revision_signature SET signature = ? WHERE revision_id = ?", sig, r.ID); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, forge := range forgeries {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, id, src := signedDB(t, dir, "张三")
			a := mustNew(t, s, id, "吉首市", "2021")
			r := setValue(t, s, id, a, "1.2.a", "3")
			forge(t, s, r)
			s.Close()
			target, err := Open(filepath.Join(dir, "target.db"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer target.Close()
			before := dump(t, target)
			_, err = target.Merge(src)
			var re *Refusal
			if !refusedMerge(err, &re) || re.Path != src {
				t.Fatalf("want the source refused, got %v", err)
			}
			if dump(t, target) != before {
				t.Fatal("a refused merge changed the target")
			}
		})
	}
}

// Once the target knows a device signs, an unsigned revision in that
// device's name from another file is a forgery too.
func TestMergeRefusesUnsignedWriteAsKnownDevice(t *testing.T) {
	dir := t.TempDir()
	s, id, src := signedDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.2.a", "3")
	s.Close()
	target := filepath.Join(dir, "target.db")
	mergeInto(t, target, src)
	// A forger with a plain (unsigned) database writes as 张三's device.
	f, err := Open(filepath.Join(dir, "forger.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fid, _ := f.SetInspector("张三")
	fid.Device = id.Device
	fa := mustNew(t, f, fid, "吉首市", "2021")
	setValue(t, f, fid, fa, "1.3.a", "5")
	f.Close()
	ts, _ := Open(target, Options{})
	defer ts.Close()
	if _, err := ts.Merge(filepath.Join(dir, "forger.db")); err == nil || !strings.Contains(err.Error(), "forgery") {
		t.Fatalf("want a forgery refusal, got %v", err)
	}
}

// A database from before signing (no key folder) still opens, merges into
// a signing one and verifies, its revisions reported as unsigned.
func TestUnsignedLegacyDatabaseStillWorks(t *testing.T) {
	dir := t.TempDir()
	ls, lid, legacy := inspectorDB(t, dir, "李四")
	la := mustNew(t, ls, lid, "吉首市", "2021")
	setValue(t, ls, lid, la, "1.2.a", "2")
	ls.Close()
	s, id, target := signedDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.3.a", "1")
	sums, err := s.Merge(legacy)
	if err != nil {
		t.Fatal(err)
	}
	if sums[0].Unsigned != 1 {
		t.Fatalf("summary: %+v", sums[0])
	}
	rep, err := s.CheckSignatures()
	if err != nil || rep.Signed != 1 || rep.Unsigned != 1 || len(rep.Bad) != 0 {
		t.Fatalf("%v %v", rep, err)
	}
	s.Close()
	if _, err := Open(target, Options{}); err != nil {
		t.Fatal(err)
	}
}

// The roster names which devices belong to whom; a revision under a
// roster name from another device is pointed out.
func TestTeamRosterFlagsOtherDevices(t *testing.T) {
	dir := t.TempDir()
	s, id, _ := signedDB(t, dir, "张三")
	defer s.Close()
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.2.a", "3")
	if err := s.AddTeamMember("张三", "0123456789abcdef", ""); err != nil {
		t.Fatal(err)
	}
	off, err := s.OffRoster()
	if err != nil || len(off) != 1 {
		t.Fatalf("want 1 revision off the roster, got %d %v", len(off), err)
	}
	if err := s.AddTeamMember("张三", id.Device, ""); err != nil {
		t.Fatal(err)
	}
	if off, _ := s.OffRoster(); len(off) != 0 {
		t.Fatalf("still flagged: %d", len(off))
	}
	if err := s.AddTeamMember("张三", "xyz", ""); err == nil {
		t.Fatal("a malformed fingerprint was accepted")
	}
	devs, err := s.Devices()
	if err != nil || len(devs) != 1 || devs[0].Fingerprint != id.Device || !devs[0].Signed || devs[0].Revisions != 1 {
		t.Fatalf("devices: %+v %v", devs, err)
	}
}

// A signed source merges with its signatures and device keys, and leaves
// no reference broken (the merge writes with SQLite's foreign keys off).
func TestSignedMergeKeepsSignaturesAndReferences(t *testing.T) {
	dir := t.TempDir()
	s, id, src := signedDB(t, dir, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	setValue(t, s, id, a, "1.2.a", "3")
	setValue(t, s, id, a, "1.2.a", "4")
	setValue(t, s, id, a, "1.3.a", "2")
	s.Close()
	target, err := Open(filepath.Join(dir, "target.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if _, err := target.Merge(src); err != nil {
		t.Fatal(err)
	}
	rep, err := target.CheckSignatures()
	if err != nil || rep.Signed == 0 || rep.Unsigned != 0 || len(rep.Bad) != 0 {
		t.Fatalf("signatures after the merge: %+v %v", rep, err)
	}
	if broken := foreignKeyProblems(t, target); broken != "" {
		t.Errorf("after a signed merge: %s", broken)
	}
}
