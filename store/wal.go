package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// SQLite ignores a -wal whose header or frames do not check out, and deletes
// it when the database closes: committed data in a damaged -wal would vanish
// without a word. kaohe reads the -wal itself first (the format is
// https://www.sqlite.org/fileformat2.html#walformat) and refuses one whose
// header is damaged, leaving it in place.
//
// A -wal that ends in a torn or stale frame is normal: a crash in the middle
// of a write leaves one, and a -wal reused after a checkpoint holds frames of
// an older generation after the current ones. SQLite stops at the last valid
// commit frame and so do we; only a header that is not a WAL header (random
// bytes, a file cut inside its 32-byte header, a WAL of another page size)
// is refused.

const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682
	walMagicBE         = 0x377f0683
	walFormatVersion   = 3007000
)

// walInfo is what checkWAL found beside a database.
type walInfo struct {
	// Present is true when a non-empty -wal lies beside the database.
	Present bool
	// Commits is the number of valid commit frames (transactions SQLite
	// will recover from it).
	Commits int
	// DBPages is the database size in pages after the last valid commit,
	// or 0 when there is none.
	DBPages uint32
}

// walChecksum continues SQLite's WAL checksum over b (a multiple of 8 bytes).
func walChecksum(bigEndian bool, s0, s1 uint32, b []byte) (uint32, uint32) {
	order := binary.ByteOrder(binary.LittleEndian)
	if bigEndian {
		order = binary.BigEndian
	}
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}

// checkWAL reads the -wal beside a database (path is the -wal's path) and
// says what it holds; dbPageSize, when not 0, is the database's page size,
// which the -wal's must equal. A damaged -wal is an error whose text says
// what is wrong with it.
func checkWAL(walPath string, dbPageSize int64) (walInfo, error) {
	var info walInfo
	st, err := os.Lstat(walPath)
	if errors.Is(err, os.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return info, fmt.Errorf("cannot read its -wal file: %v", err)
	}
	if !st.Mode().IsRegular() {
		return info, fmt.Errorf("its -wal file %s is not a regular file", walPath)
	}
	if st.Size() == 0 {
		return info, nil
	}
	info.Present = true
	f, err := os.Open(walPath)
	if err != nil {
		return info, fmt.Errorf("cannot read its -wal file: %v", err)
	}
	defer f.Close()
	hdr := make([]byte, walHeaderSize)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return info, walDamaged(walPath, fmt.Sprintf("%d bytes, shorter than a WAL header", st.Size()))
	}
	magic := binary.BigEndian.Uint32(hdr[0:4])
	if magic != walMagicLE && magic != walMagicBE {
		return info, walDamaged(walPath, "it does not start with a WAL header")
	}
	bigEndian := magic&1 == 1
	if v := binary.BigEndian.Uint32(hdr[4:8]); v != walFormatVersion {
		return info, walDamaged(walPath, fmt.Sprintf("WAL format version %d, not %d", v, walFormatVersion))
	}
	pageSize := int64(binary.BigEndian.Uint32(hdr[8:12]))
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return info, walDamaged(walPath, fmt.Sprintf("invalid page size %d in its header", pageSize))
	}
	c0, c1 := walChecksum(bigEndian, 0, 0, hdr[:24])
	if c0 != binary.BigEndian.Uint32(hdr[24:28]) || c1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return info, walDamaged(walPath, "its header checksum is wrong")
	}
	if dbPageSize != 0 && pageSize != dbPageSize {
		return info, walDamaged(walPath, fmt.Sprintf("page size %d, the database's is %d", pageSize, dbPageSize))
	}
	salt1, salt2 := binary.BigEndian.Uint32(hdr[16:20]), binary.BigEndian.Uint32(hdr[20:24])
	frame := make([]byte, walFrameHeaderSize+pageSize)
	for {
		if _, err := io.ReadFull(f, frame); err != nil {
			break // the end, or a torn last frame
		}
		if binary.BigEndian.Uint32(frame[8:12]) != salt1 || binary.BigEndian.Uint32(frame[12:16]) != salt2 {
			break // a frame of an older generation
		}
		n0, n1 := walChecksum(bigEndian, c0, c1, frame[:8])
		n0, n1 = walChecksum(bigEndian, n0, n1, frame[walFrameHeaderSize:])
		if n0 != binary.BigEndian.Uint32(frame[16:20]) || n1 != binary.BigEndian.Uint32(frame[20:24]) {
			break
		}
		c0, c1 = n0, n1
		if size := binary.BigEndian.Uint32(frame[4:8]); size != 0 {
			info.Commits++
			info.DBPages = size
		}
	}
	return info, nil
}

// walDamaged says a -wal is damaged, what that means and what to do.
func walDamaged(walPath, what string) error {
	return fmt.Errorf("its -wal file %s is damaged (%s); the latest saved changes may be in it, so kaohe does not read the database without it. "+
		"Both were left in place: copy them again from where they came from, or move the -wal away to use the database as of its last checkpoint", walPath, what)
}
