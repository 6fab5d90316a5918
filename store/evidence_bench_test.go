package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// signSource turns a benchmark source into one written by a signing
// device: every revision's device becomes the key's fingerprint, its hash
// is recomputed, and it is signed.
func signSource(tb testing.TB, path string) {
	tb.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	fp := Fingerprint(pub)
	revs, err := loadRevisions(s.db, "")
	if err != nil {
		tb.Fatal(err)
	}
	err = s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT INTO device(id, public_key) VALUES (?, ?)", fp, []byte(pub)); err != nil {
			return err
		}
		for _, r := range revs {
			r.Device = fp
			r.Hash = r.ContentHash()
			if _, err := tx.Exec("UPDATE revision SET device = ?, hash = ? WHERE id = ?", fp, r.Hash, r.ID); err != nil {
				return err
			}
			if _, err := tx.Exec("INSERT INTO revision_signature(revision_id, signature) VALUES (?, ?)", r.ID, ed25519.Sign(priv, []byte(r.Hash))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkMergeSigned is BenchmarkMerge with every source's revisions
// signed (50 files × 20 × 36 × 3 = 108k signatures verified): the cost of
// checking signatures is the difference between the two.
func BenchmarkMergeSigned(b *testing.B) {
	paths := benchSources(b)
	for _, p := range paths {
		signSource(b, p)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("t%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Merge(paths...); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkMergeEvidence merges 5 inspectors' files carrying 20 evidence
// files of 5 MB between them (4 each) into an empty target.
func BenchmarkMergeEvidence(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for f := 0; f < 5; f++ {
		s, id, p := inspectorDB(b, dir, fmt.Sprintf("督查%d", f))
		a := mustNew(b, s, id, "吉首市", "2021")
		for k := 0; k < 4; k++ {
			file, _ := writeRandomFile(b, dir, fmt.Sprintf("f%d-%d.jpg", f, k), 5<<20)
			if _, err := s.Attach(id, a.ID, "1.2.a", file, "", AttachOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
		paths = append(paths, p)
	}
	b.SetBytes(20 * 5 << 20)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("t%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Merge(paths...); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
