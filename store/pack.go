package store

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Pack writes a self-contained, checkpointed copy of the database to out
// (VACUUM INTO), for handing over on a USB stick. out must not exist: an
// existing file, a symbolic link, a named pipe or a device is refused, not
// written through or waited on. The copy is created owner-only (0600) before
// anything is written into it, and removed again if the copy fails.
func (s *Store) Pack(out string) error {
	if st, err := os.Lstat(out); err == nil {
		switch {
		case st.Mode()&os.ModeSymlink != 0:
			return fileErr(out, "is a symbolic link; pack writes a new file only, choose another name", nil)
		case !st.Mode().IsRegular():
			return fileErr(out, "is not a regular file (a folder, named pipe or device); choose another name", nil)
		}
		return fmt.Errorf("%s already exists; choose another name or remove it first", out)
	}
	f, err := os.OpenFile(out, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fileErr(out, "cannot create the packed copy: "+err.Error(), err)
	}
	f.Close()
	if _, err := s.db.Exec("VACUUM INTO ?", out); err != nil {
		os.Remove(out)
		if isBusy(err) {
			return busyErr(s.path, s.busyTimeout, err)
		}
		return fileErr(out, "cannot write the packed copy: "+describe(err), err)
	}
	return nil
}

// Dump writes a canonical text form of everything the database holds
// (rubrics, assessments, revisions with sorted parents), in a fixed order:
// two databases with the same content dump the same.
func (s *Store) Dump(w io.Writer) error {
	rows, err := s.db.Query("SELECT id, version, sha256 FROM rubric ORDER BY id, version")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, v, sum string
		if err := rows.Scan(&id, &v, &sum); err != nil {
			rows.Close()
			return err
		}
		fmt.Fprintf(w, "rubric %s %s %s\n", id, v, sum)
	}
	rows.Close()
	all, err := s.Assessments()
	if err != nil {
		return err
	}
	for _, a := range all {
		fmt.Fprintf(w, "assessment %s %s %s %s %s\n", a.ID, a.RubricID, a.RubricVersion, a.Unit, a.Period)
	}
	revs, err := loadRevisions(s.db, "ORDER BY r.id")
	if err != nil {
		return err
	}
	for _, r := range revs {
		ps := append([]string(nil), r.Parents...)
		sort.Strings(ps)
		fmt.Fprintf(w, "revision %s %s %s %q %q %s %s %s %s %v\n", r.ID, r.Assessment, r.Subject, r.ValueText(), r.Note, r.Inspector, r.Device, r.HLC, r.Hash, ps)
	}
	return dumpBlobs(s.db, w)
}
