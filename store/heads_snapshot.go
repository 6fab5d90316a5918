package store

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// Reading every assessment's heads is most of what `kaohe list` and the
// workbench's first frame cost on a large file: the heads query joins
// every head to its revision, through SQLite translated to Go. A file this
// machine has checked and that nobody has written since (the check cache's
// recognised state) holds the same heads as when they were last read, so
// the check cache keeps them beside its entry: the packed rows of the heads
// query, exactly as the file gave them in that state. While the file stays
// in that state an open reads them from there instead of the file; any
// write to the file (by kaohe or anything else) changes its state and the
// heads are read from the file again, and kept again once the new state is
// checked. The snapshot is only ever a copy of what the file said: a
// snapshot that does not read back whole (its size and CRC-32C are in the
// entry) is not used.

// headsSnapshotMagic starts every heads snapshot, its format in its last
// digit.
const headsSnapshotMagic = "kaohe-heads 1\n"

// headsRef is what a check cache entry records of its heads snapshot, so a
// snapshot left by another state or cut short is not taken for this one.
type headsRef struct {
	Size int64  `json:"size"`
	CRC  uint32 `json:"crc32c"`
}

// packedRow is one row of the heads query: an assessment and its packed
// heads.
type packedRow struct {
	assessment, packed string
}

// pendingHeads is a read of every head that may become the snapshot of the
// file's state, once that state is known checked.
type pendingHeads struct {
	state fileState
	rows  []packedRow
}

// snapshotPath is where the heads snapshot of an entry lives.
func (c *checkedState) snapshotPath() string {
	p := entryPath(c.dir, c.entry.Path)
	return strings.TrimSuffix(p, ".json") + ".heads"
}

// snapshotHeads returns the heads kept for the store's file when the file
// is still in the state they were read in; ok false means read the file.
func (c *checkedState) snapshotHeads(path string) (rows []packedRow, ok bool) {
	if c == nil || c.entry.Heads == nil || !c.unchanged(path) {
		return nil, false
	}
	f, err := os.Open(c.snapshotPath())
	if err != nil {
		return nil, false
	}
	defer f.Close()
	size := c.entry.Heads.Size
	if size < int64(len(headsSnapshotMagic))+4 {
		return nil, false
	}
	// Read straight into the string the heads will point into (one copy
	// from the file), the CRC-32C summed on the way.
	var all strings.Builder
	all.Grow(int(size))
	sum := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	if n, err := io.Copy(io.MultiWriter(&all, sum), io.LimitReader(f, size-4)); err != nil || n != size-4 {
		return nil, false
	}
	var tail [5]byte
	if n, _ := io.ReadFull(f, tail[:]); n != 4 || binary.LittleEndian.Uint32(tail[:4]) != sum.Sum32() || sum.Sum32() != c.entry.Heads.CRC {
		return nil, false
	}
	s, ok := strings.CutPrefix(all.String(), headsSnapshotMagic)
	if !ok {
		return nil, false
	}
	for s != "" {
		var aid, packed string
		var ok1, ok2 bool
		if aid, s, ok1 = lengthPrefixed(s); !ok1 {
			return nil, false
		}
		if packed, s, ok2 = lengthPrefixed(s); !ok2 {
			return nil, false
		}
		rows = append(rows, packedRow{aid, packed})
	}
	return rows, true
}

// lengthPrefixed reads a uvarint length and that many bytes.
func lengthPrefixed(s string) (field, rest string, ok bool) {
	n, w := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
	if w <= 0 || n > uint64(len(s)-w) {
		return "", "", false
	}
	return s[w : w+int(n)], s[w+int(n):], true
}

// keepHeads writes the pending read of every head as the snapshot of the
// checked state, when it was read in that state and the file is still in
// it. A snapshot that cannot be written is no loss: the heads are read from
// the file next time.
func (c *checkedState) keepHeads(path string, p *pendingHeads) {
	if c == nil || p == nil || p.state != c.entry.State || !c.unchanged(path) {
		return
	}
	var b bytes.Buffer
	b.WriteString(headsSnapshotMagic)
	var n [binary.MaxVarintLen64]byte
	for _, r := range p.rows {
		b.Write(n[:binary.PutUvarint(n[:], uint64(len(r.assessment)))])
		b.WriteString(r.assessment)
		b.Write(n[:binary.PutUvarint(n[:], uint64(len(r.packed)))])
		b.WriteString(r.packed)
	}
	sum := crc32.Checksum(b.Bytes(), crc32.MakeTable(crc32.Castagnoli))
	b.Write(binary.LittleEndian.AppendUint32(nil, sum))
	if !writeReplacing(c.dir, c.snapshotPath(), b.Bytes()) {
		return
	}
	c.entry.Heads = &headsRef{Size: int64(b.Len()), CRC: sum}
	c.save()
}

// writeReplacing writes b to a new file in dir renamed over to, so a
// reader sees one whole file or the other.
func writeReplacing(dir, to string, b []byte) bool {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(dir, ".entry-*")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), to) != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}
