package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
)

// copyEvidence copies into the target the bytes of every file that the
// fresh revisions attach and the target lacks, re-hashing each as it goes.
// A source that attaches a file it does not hold, or whose bytes do not
// match their hash, is refused (and the merge transaction rolls back).
func copyEvidence(tx *sql.Tx, d *sourceData, fresh []*Revision) error {
	done := map[string]bool{}
	for _, r := range fresh {
		if r.Tombstone() {
			continue
		}
		_, sum, ok := ParseEvidenceSubject(r.Subject)
		if !ok || done[sum] {
			continue
		}
		done[sum] = true
		have, err := hasBlob(tx, sum)
		if err != nil {
			return err
		}
		if have {
			continue
		}
		refuse := func(reason string) error {
			return mergeRefusal(d.path, "evidence file "+ShortID(sum, 12), reason)
		}
		if d.version < evidenceSchema {
			return refuse("it is attached but the file holds no evidence bytes")
		}
		var info BlobInfo
		var chunks int
		err = d.db.QueryRow("SELECT sha256, size, chunks FROM blob WHERE sha256 = ?", sum).Scan(&info.SHA256, &info.Size, &chunks)
		if errors.Is(err, sql.ErrNoRows) {
			return refuse("it is attached but its bytes are missing from the file")
		}
		if err != nil {
			return err
		}
		if info.Size < 0 || info.Size > maxMergedBlob {
			return refuse("its recorded size is not plausible")
		}
		err = putBlob(tx, &chunkReader{db: d.db, sum: sum, chunks: chunks}, info)
		if CodeOf(err) == CodeBlobMismatch {
			return refuse("its bytes do not match its sha256 (damaged or edited by hand)")
		}
		if err != nil {
			return err
		}
	}
	// Every attachment's record agrees with the bytes it attaches, as the
	// target holds them now.
	check := newAttachmentChecker(tx)
	for _, r := range fresh {
		why, err := check.problem(r)
		if err != nil {
			return err
		}
		if why != "" {
			return mergeRefusal(d.path, "revision "+r.ID, why)
		}
	}
	return nil
}

// dumpBlobs writes one line per stored file (hash, size, chunks) for Dump.
func dumpBlobs(db q, w io.Writer) error {
	rows, err := db.Query("SELECT sha256, size, chunks FROM blob ORDER BY sha256")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sum string
		var size, chunks int64
		if err := rows.Scan(&sum, &size, &chunks); err != nil {
			return err
		}
		fmt.Fprintf(w, "blob %s %d %d\n", sum, size, chunks)
	}
	return rows.Err()
}

// maxMergedBlob bounds a file a merge takes: an inspector may raise the
// attach limit (--max-mb), so it is above DefaultBlobLimit, but bounded.
const maxMergedBlob = 4 * DefaultBlobLimit

// evidenceSchema is the first schema with evidence bytes, device keys and
// signatures; older sources have none (their revisions are unsigned).
const evidenceSchema = 3
