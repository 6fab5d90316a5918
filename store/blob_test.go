package store

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeRandomFile(t testing.TB, dir, name string, size int) (string, []byte) {
	t.Helper()
	data := make([]byte, size)
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p, data
}

// A file comes back byte for byte, under the SHA-256 of its bytes, across
// chunk boundaries, after the database is closed and opened again.
func TestBlobRoundTripAcrossReopen(t *testing.T) {
	s, dbPath := openTemp(t)
	dir := t.TempDir()
	for _, size := range []int{0, 1, blobChunkSize - 1, blobChunkSize, 3*blobChunkSize + 17} {
		p, data := writeRandomFile(t, dir, "f.bin", size)
		info, added, err := s.PutBlobFile(p, 0)
		if err != nil {
			t.Fatal(size, err)
		}
		sum := sha256.Sum256(data)
		if info.SHA256 != hex.EncodeToString(sum[:]) || info.Size != int64(size) || !added {
			t.Fatalf("size %d: got %+v added=%v", size, info, added)
		}
	}
	p, data := writeRandomFile(t, dir, "g.bin", 2*blobChunkSize+5)
	info, _, err := s.PutBlobFile(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(dbPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var out bytes.Buffer
	n, err := s2.WriteBlob(info.SHA256, &out)
	if err != nil || n != int64(len(data)) || !bytes.Equal(out.Bytes(), data) {
		t.Fatalf("round trip: n=%d err=%v equal=%v", n, err, bytes.Equal(out.Bytes(), data))
	}
}

// The same bytes attached twice, from two paths, are stored once.
func TestBlobStoredOnce(t *testing.T) {
	s, _ := openTemp(t)
	dir := t.TempDir()
	p, data := writeRandomFile(t, dir, "a.jpg", blobChunkSize+3)
	q := filepath.Join(dir, "copy-of-a.jpg")
	if err := os.WriteFile(q, data, 0o600); err != nil {
		t.Fatal(err)
	}
	i1, added1, err := s.PutBlobFile(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	i2, added2, err := s.PutBlobFile(q, 0)
	if err != nil {
		t.Fatal(err)
	}
	if i1 != i2 || !added1 || added2 {
		t.Fatalf("want one blob: %+v %v / %+v %v", i1, added1, i2, added2)
	}
	var blobs, chunks int
	s.db.QueryRow("SELECT count(*) FROM blob").Scan(&blobs)
	s.db.QueryRow("SELECT count(*) FROM blob_chunk").Scan(&chunks)
	if blobs != 1 || chunks != 2 {
		t.Fatalf("blobs=%d chunks=%d, want 1 and 2", blobs, chunks)
	}
}

// A file above the limit is refused with its size and the limit, and
// nothing is written.
func TestBlobLimit(t *testing.T) {
	s, _ := openTemp(t)
	p, _ := writeRandomFile(t, t.TempDir(), "big.pdf", 4096)
	_, _, err := s.PutBlobFile(p, 1024)
	if CodeOf(err) != CodeBlobTooLarge || !strings.Contains(err.Error(), "4.0 KB is larger than the 1.0 KB limit") {
		t.Fatalf("want a refusal of a file too large, got %v", err)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM blob_chunk").Scan(&n)
	if n != 0 {
		t.Fatalf("%d chunks written for a refused file", n)
	}
}

// Bytes changed behind kaohe's back (a sqlite3 edit, a bad sector) are
// reported when read, naming the file by its hash.
func TestBlobDamageDetected(t *testing.T) {
	s, _ := openTemp(t)
	p, _ := writeRandomFile(t, t.TempDir(), "scan.png", blobChunkSize+10)
	info, _, err := s.PutBlobFile(p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE blob_chunk SET data = zeroblob(10) WHERE sha256 = ? AND seq = 1", info.SHA256); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckBlob(info.SHA256); CodeOf(err) != CodeBlobMismatch {
		t.Fatalf("want a damaged evidence file, got %v", err)
	}
	if _, err := s.WriteBlob("00"+info.SHA256[2:], io.Discard); !errors.Is(err, ErrNoBlob) {
		t.Fatalf("unknown hash: want ErrNoBlob, got %v", err)
	}
}
