package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// DefaultBlobLimit is the largest evidence file kaohe stores unless told
// otherwise (200 MB).
const DefaultBlobLimit int64 = 200 << 20

// blobChunkSize is how many bytes one blob_chunk row holds. One chunk is the
// most a blob ever holds in memory on its way in or out.
const blobChunkSize = 1 << 20

// BlobInfo identifies stored bytes.
type BlobInfo struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// blobTooLarge refuses a file above the limit (CodeBlobTooLarge),
// saying how large it is and what the limit is.
func blobTooLarge(path string, size, limit int64) *Refusal {
	return fileRefusal(CodeBlobTooLarge, path, nil, "%s is larger than the %s limit for one evidence file; scan or photograph it at a lower resolution, or split it",
		HumanSize(size), HumanSize(limit))
}

// blobMismatch is stored or copied bytes that do not hash to their name
// (CodeBlobMismatch): damage, or a forgery. It names the file by its hash.
func blobMismatch(sum, got string) *Refusal {
	return subjectRefusal(CodeBlobMismatch, sum, "evidence file %s is damaged: its bytes hash to %s", ShortID(sum, 12), ShortID(got, 12))
}

// ErrNoBlob matches (errors.Is) a hash the database holds no bytes for.
var ErrNoBlob error = refusalOf(CodeNoBlob, "no such evidence file in this database")

// HumanSize is a file size for people: 812 bytes, 64.0 KB, 3.2 MB.
func HumanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// hashFile returns a file's SHA-256 and size, streaming it.
func hashBlobFile(path string) (BlobInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return BlobInfo{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return BlobInfo{}, err
	}
	return BlobInfo{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// PutBlobFile stores a regular file's bytes under their SHA-256, once per
// database, streaming them in chunks in one transaction. It returns the
// blob and whether it was new. A file above limit (DefaultBlobLimit when
// limit <= 0) is refused before anything is written.
func (s *Store) PutBlobFile(path string, limit int64) (BlobInfo, bool, error) {
	info, err := checkBlobFile(path, limit)
	if err != nil {
		return BlobInfo{}, false, err
	}
	var added bool
	if err := s.writeTx(func(tx *sql.Tx) (err error) {
		added, err = storeBlobFile(tx, path, info)
		return err
	}); err != nil {
		return BlobInfo{}, false, err
	}
	return info, added, nil
}

// checkBlobFile refuses what cannot be stored (not a regular file, above
// limit; DefaultBlobLimit when limit <= 0) and hashes the rest, so that a
// file already stored costs no write.
func checkBlobFile(path string, limit int64) (BlobInfo, error) {
	if limit <= 0 {
		limit = DefaultBlobLimit
	}
	fi, err := os.Stat(path)
	if err != nil {
		return BlobInfo{}, fmt.Errorf("%s: %w", path, errors.Unwrap(err))
	}
	if !fi.Mode().IsRegular() {
		return BlobInfo{}, invalid("%s is not a regular file (a folder, a device or a pipe cannot be attached)", path)
	}
	if fi.Size() > limit {
		return BlobInfo{}, blobTooLarge(path, fi.Size(), limit)
	}
	info, err := hashBlobFile(path)
	if err != nil {
		return BlobInfo{}, err
	}
	if info.Size > limit {
		return BlobInfo{}, blobTooLarge(path, info.Size, limit)
	}
	return info, nil
}

// storeBlobFile writes a checked file's bytes inside tx unless the
// database holds them already, and reports whether it wrote them.
func storeBlobFile(tx *sql.Tx, path string, info BlobInfo) (bool, error) {
	have, err := hasBlob(tx, info.SHA256)
	if err != nil || have {
		return false, err
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if err := putBlob(tx, io.LimitReader(f, info.Size+1), info); err != nil {
		if CodeOf(err) == CodeBlobMismatch {
			return false, invalid("%s changed while it was being stored; try again", path)
		}
		return false, err
	}
	return true, nil
}

func hasBlob(db q, sum string) (bool, error) {
	var n int
	err := db.QueryRow("SELECT count(*) FROM blob WHERE sha256 = ?", sum).Scan(&n)
	return n > 0, err
}

// HasBlob says whether the database holds the bytes of sum.
func (s *Store) HasBlob(sum string) (bool, error) { return hasBlob(s.db, sum) }

// putBlob writes r's bytes as want's chunks inside tx, hashing them on the
// way: bytes that do not hash to want.SHA256 or are not want.Size long
// roll the whole transaction back with a blobMismatch refusal (CodeBlobMismatch).
// Each chunk is hashed on a second goroutine while SQLite writes it (both
// only read the buffer), so on a machine with two cores the re-hash runs
// beside the write rather than after it; the next chunk is read only once
// both are done with it.
func putBlob(tx *sql.Tx, r io.Reader, want BlobInfo) error {
	ins, err := tx.Prepare("INSERT INTO blob_chunk(sha256, seq, data) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer ins.Close()
	h := sha256.New()
	buf := make([]byte, blobChunkSize)
	hashed := make(chan struct{})
	var size int64
	seq := 0
	for {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			size += int64(n)
			if size > want.Size {
				return blobMismatch(want.SHA256, "more bytes than recorded")
			}
			chunk := buf[:n]
			go func() {
				h.Write(chunk)
				hashed <- struct{}{}
			}()
			_, insErr := ins.Exec(want.SHA256, seq, chunk)
			<-hashed
			if insErr != nil {
				return insErr
			}
			seq++
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	if got != want.SHA256 || size != want.Size {
		return blobMismatch(want.SHA256, got)
	}
	_, err = tx.Exec("INSERT INTO blob(sha256, size, chunks) VALUES (?, ?, ?)", want.SHA256, want.Size, seq)
	return err
}

// WriteBlob streams the bytes stored under sum to w, re-hashing them: bytes
// that no longer match their hash are reported with a blobMismatch refusal (CodeBlobMismatch)
// (after w has received them; write to a temporary file and rename).
func (s *Store) WriteBlob(sum string, w io.Writer) (int64, error) {
	return writeBlob(s.db, sum, w)
}

func writeBlob(db q, sum string, w io.Writer) (int64, error) {
	var size int64
	var chunks int
	err := db.QueryRow("SELECT size, chunks FROM blob WHERE sha256 = ?", sum).Scan(&size, &chunks)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNoBlob
	}
	if err != nil {
		return 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(h, w), &chunkReader{db: db, sum: sum, chunks: chunks})
	if err != nil {
		return n, err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sum || n != size {
		return n, blobMismatch(sum, got)
	}
	return n, nil
}

// CheckBlob re-hashes stored bytes without writing them anywhere.
func (s *Store) CheckBlob(sum string) error {
	_, err := s.WriteBlob(sum, io.Discard)
	return err
}

// chunkReader streams a blob's chunks from a database, one query per
// chunk, so memory stays flat whatever the driver buffers. A missing chunk
// ends the stream early; the reader sees bytes that do not match their hash.
type chunkReader struct {
	db     q
	sum    string
	chunks int
	seq    int
	buf    []byte
}

// Read implements io.Reader; a missing chunk ends the stream early, which
// the reader's caller sees as bytes that do not match their hash.
func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.seq >= c.chunks {
			return 0, io.EOF
		}
		err := c.db.QueryRow("SELECT data FROM blob_chunk WHERE sha256 = ? AND seq = ?", c.sum, c.seq).Scan(&c.buf)
		c.seq++
		if errors.Is(err, sql.ErrNoRows) {
			return 0, io.EOF
		}
		if err != nil {
			return 0, err
		}
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}
