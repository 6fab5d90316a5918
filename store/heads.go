package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The head table holds, per assessment and subject, the revisions no other
// revision names as a parent: the current state, kept in the same
// transaction as every revision written (record, resolve, sign, merge) so
// readers load only the heads instead of walking the graph. It is a cache:
// the revisions are the truth, and CheckHeads rebuilds it from them. A
// revision that is not trusted is no head, and what it supersedes is
// superseded by whatever trusted revision replaces it (quarantine.go).

const (
	// addHeadSQL makes a new revision a head unless a stored revision
	// already supersedes it (merge may bring a child before its parent).
	addHeadSQL = `INSERT INTO head(assessment_id, subject, revision_id)
		SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM revision_parent WHERE parent_id = ?3)`
	// countRevisionSQL adds a revision to its inspector's activity.
	countRevisionSQL = `INSERT INTO assessment_inspector(assessment_id, inspector, first_hlc, revisions) VALUES (?, ?, ?, 1)
		ON CONFLICT DO UPDATE SET revisions = revisions + 1, first_hlc = min(first_hlc, excluded.first_hlc)`
)

// headColumns are scanRevision's columns for a head joined to its revision.
// A head's own parents are not read: nothing that reads the current state
// needs them (History loads them), and they would cost as much again.
func headColumns() string {
	return `SELECT ` + revisionColumns("r.") + `, ''
	FROM head h JOIN revision r ON r.id = h.revision_id `
}

// headsOf returns the heads of one subject, latest first, inside tx.
func (s *Store) headsOf(tx *sql.Tx, assessmentID, subject string) ([]*Revision, error) {
	rows, err := s.query(tx, sqlHeadsOf(), assessmentID, subject)
	if err != nil {
		return nil, err
	}
	revs, err := scanRevisions(rows)
	if err != nil {
		return nil, err
	}
	sort.Slice(revs, func(i, j int) bool { return revs[j].Less(revs[i]) })
	return revs, nil
}

// HeadMismatch is a difference between a table that caches the current
// state (head, or assessment_inspector) and what the revisions give.
type HeadMismatch struct {
	Table      string // "head" or "assessment_inspector"
	Assessment string
	Key        string // head: "SUBJECT REVISION"; assessment_inspector: the inspector
	Want       string // what the revisions give ("" when nothing)
	Got        string // what the table holds ("" when nothing)
}

// String says what is wrong in one line.
func (m HeadMismatch) String() string {
	show := func(s string) string {
		if s == "" {
			return "nothing"
		}
		return s
	}
	return fmt.Sprintf("%s: assessment %s, %s: the revisions give %s, the table holds %s",
		m.Table, m.Assessment, m.Key, show(m.Want), show(m.Got))
}

// CheckHeads rebuilds the current state's caches (the head table and each
// assessment's inspectors and revision counts) from the revisions, in
// memory, and compares them with the stored tables: it returns every
// difference, none when they match.
func (s *Store) CheckHeads() ([]HeadMismatch, error) {
	revs, err := loadRevisions(s.db, "")
	if err != nil {
		return nil, err
	}
	return s.checkHeads(revs)
}

// checkHeads is CheckHeads over revs, every revision of the database
// (Verify has read them already).
func (s *Store) checkHeads(revs []*Revision) ([]HeadMismatch, error) {
	want, err := computedCaches(s.db, revs)
	if err != nil {
		return nil, err
	}
	got, err := storedCaches(s.db)
	if err != nil {
		return nil, err
	}
	var out []HeadMismatch
	for k, w := range want {
		if g := got[k]; g != w {
			out = append(out, HeadMismatch{Table: k.table, Assessment: k.assessment, Key: k.key, Want: w, Got: g})
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok && k != untrustedMark {
			out = append(out, HeadMismatch{Table: k.table, Assessment: k.assessment, Key: k.key, Got: g})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Table != b.Table {
			return a.Table < b.Table
		}
		if a.Assessment != b.Assessment {
			return a.Assessment < b.Assessment
		}
		return a.Key < b.Key
	})
	return out, nil
}

// RebuildHeads rebuilds the current state's caches from the revisions, in
// one transaction, by the rule verify checks them with (computedHeads).
func (s *Store) RebuildHeads() error {
	err := s.tx(func(tx *sql.Tx) error {
		for _, stmt := range []string{
			"DELETE FROM head",
			"DELETE FROM assessment_inspector",
			`INSERT INTO assessment_inspector (assessment_id, inspector, first_hlc, revisions)
			SELECT assessment_id, inspector, min(hlc), count(*) FROM revision GROUP BY assessment_id, inspector`,
		} {
			if _, err := tx.Exec(stmt); err != nil {
				return err
			}
		}
		revs, err := loadRevisions(tx, "")
		if err != nil {
			return err
		}
		heads, untrustedIDs, err := computedHeads(tx, revs)
		if err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM meta WHERE key = ?", metaUntrusted); err != nil {
			return err
		}
		if err := markUntrusted(tx, untrustedIDs); err != nil {
			return err
		}
		for _, h := range heads {
			if _, err := tx.Exec("INSERT INTO head(assessment_id, subject, revision_id) VALUES (?, ?, ?)", h.Assessment, h.Subject, h.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return s.writeErr(err)
	}
	return nil
}

// computedHeads is every subject's heads by allHeads, reading what it needs
// besides revs (every revision) from db.
func computedHeads(db q, revs []*Revision) ([]*Revision, []string, error) {
	keys, err := deviceKeys(db)
	if err != nil {
		return nil, nil, err
	}
	signed, err := signedIDs(db, "")
	if err != nil {
		return nil, nil, err
	}
	orphans, err := orphanParents(db)
	if err != nil {
		return nil, nil, err
	}
	heads, untrustedIDs := allHeads(revs, keys, signed, orphans)
	return heads, untrustedIDs, nil
}

// cacheKey names one row of a cache table.
type cacheKey struct{ table, assessment, key string }

// computedCaches derives both caches from the revision graph alone: revs
// are every revision; the heads are trustedHeads' (untrusted revisions are
// no heads, and supersession passes through them), and every parent link
// from outside a subject (even one of a revision that does not exist, as
// the writers count it) supersedes.
func computedCaches(db q, revs []*Revision) (map[cacheKey]string, error) {
	heads, untrustedIDs, err := computedHeads(db, revs)
	if err != nil {
		return nil, err
	}
	type act struct {
		first string
		n     int
	}
	acts := map[cacheKey]*act{}
	out := map[cacheKey]string{}
	for _, h := range heads {
		out[cacheKey{"head", h.Assessment, h.Subject + " " + h.ID}] = "head"
	}
	for _, r := range revs {
		k := cacheKey{"assessment_inspector", r.Assessment, r.Inspector}
		a := acts[k]
		if a == nil {
			a = &act{first: r.HLC}
			acts[k] = a
		}
		a.n++
		a.first = min(a.first, r.HLC)
	}
	for k, a := range acts {
		out[k] = activityText(a.first, a.n)
	}
	if len(untrustedIDs) > 0 {
		out[untrustedMark] = "set"
	}
	return out, nil
}

// storedCaches reads both cache tables in computedCaches' form.
func storedCaches(db q) (map[cacheKey]string, error) {
	out := map[cacheKey]string{}
	rows, err := db.Query("SELECT assessment_id, subject, revision_id FROM head")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var aid, subject, id string
		if err := rows.Scan(&aid, &subject, &id); err != nil {
			rows.Close()
			return nil, err
		}
		out[cacheKey{"head", aid, subject + " " + id}] = "head"
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var mark string
	if err := db.QueryRow("SELECT value FROM meta WHERE key = ?", metaUntrusted).Scan(&mark); err == nil {
		out[untrustedMark] = "set"
	}
	rows, err = db.Query("SELECT assessment_id, inspector, first_hlc, revisions FROM assessment_inspector")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var aid, inspector, first string
		var n int
		if err := rows.Scan(&aid, &inspector, &first, &n); err != nil {
			return nil, err
		}
		out[cacheKey{"assessment_inspector", aid, inspector}] = activityText(first, n)
	}
	return out, rows.Err()
}

func activityText(first string, n int) string {
	return fmt.Sprintf("%d revisions from clock %s", n, first)
}

// activity is who wrote to an assessment and how much: its revision count
// and its inspectors in the order of their first revision.
type activity struct {
	revisions  int
	inspectors []string
}

// apply sets a state's revision count and inspectors (buildState, given
// only the heads, knows neither).
func (a *activity) apply(st *State) {
	if a == nil {
		st.Revisions, st.Inspectors = 0, nil
		return
	}
	st.Revisions, st.Inspectors = a.revisions, a.inspectors
}

// loadActivity reads the activity of one assessment, or of every one when
// assessmentID is "".
func loadActivity(db q, assessmentID string) (map[string]*activity, error) {
	if assessmentID == "" {
		return loadActivityWhere(db, "")
	}
	return loadActivityWhere(db, "WHERE assessment_id = ?", assessmentID)
}

// packedHeadsSQL returns one row per assessment: its heads' columns,
// each written as "BYTELENGTH:TEXT" (a NULL value as "-"), all run
// together. Reading 1,000 strings instead of 36,000 rows of nine columns
// is most of what makes the list fast: the driver's cost is per column.
func packedHeadsSQL(where string) string {
	return `SELECT h.assessment_id, group_concat(` + packedRevisionColumns() + `, '')
		FROM head h JOIN revision r ON r.id = h.revision_id ` + where + ` GROUP BY h.assessment_id`
}

// loadHeads reads the head revisions (without their parents) of one
// assessment, or of every assessment when assessmentID is "".
func loadHeads(db q, assessmentID string) ([]*Revision, error) {
	if assessmentID == "" {
		return loadHeadsWhere(db, "")
	}
	return loadHeadsWhere(db, "WHERE h.assessment_id = ?", assessmentID)
}

// revisionSlab hands out revisions and value strings from blocks, so
// reading 36,000 heads makes a few hundred allocations, not 72,000.
type revisionSlab struct {
	revs   []Revision
	values []string
}

func (sl *revisionSlab) revision() *Revision {
	if len(sl.revs) == 0 {
		sl.revs = make([]Revision, 256)
	}
	r := &sl.revs[0]
	sl.revs = sl.revs[1:]
	return r
}

func (sl *revisionSlab) value(v string) *string {
	if len(sl.values) == 0 {
		sl.values = make([]string, 256)
	}
	p := &sl.values[0]
	sl.values = sl.values[1:]
	*p = v
	return p
}

// unpackHeads appends the revisions packed by packedHeadsSQL.
func unpackHeads(out []*Revision, slab *revisionSlab, aid, packed string) ([]*Revision, error) {
	p := packedReader{s: packed}
	for p.more() {
		r, err := p.revision(slab, aid)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, p.err
}

// revision reads the packed columns every packed revision starts with
// (readRevision's, without the assessment: assessmentID).
func (p *packedReader) revision(slab *revisionSlab, assessmentID string) (*Revision, error) {
	r := slab.revision()
	r.Assessment = assessmentID
	if err := readRevision(r, p, true, slab); err != nil {
		return nil, err
	}
	return r, nil
}

// packedRevisionsSQL returns, in one row, every revision of one assessment
// with its parents (IDs joined by commas), packed as packedHeadsSQL packs
// heads: a source's assessment is read in one value, not ten columns per
// revision.
func packedRevisionsSQL() string {
	// The parents' field is packed inside its own subquery, which then
	// runs once per revision, not once for the length and once for the text.
	parents := `(SELECT ` + packedField("g") + ` FROM (SELECT coalesce(group_concat(parent_id, ','), '') AS g FROM revision_parent p WHERE p.revision_id = r.id))`
	return `SELECT coalesce(group_concat(` + packedRevisionColumns() + ` || ` +
		parents + `, ''), '') FROM revision r WHERE r.assessment_id = ?`
}

// unpackRevisions reads the revisions packed by packedRevisionsSQL.
func unpackRevisions(assessmentID, packed string) ([]*Revision, error) {
	var out []*Revision
	var slab revisionSlab
	p := packedReader{s: packed}
	for p.more() {
		r, err := p.revision(&slab, assessmentID)
		if err != nil {
			return nil, err
		}
		if parents := p.field(); parents != "" {
			r.Parents = strings.Split(parents, ",")
		}
		out = append(out, r)
	}
	return out, p.err
}

// packedField packs a column as "BYTELENGTH:TEXT", and a NULL (which only
// a file edited outside kaohe can hold where text belongs) as "!", so that
// one NULL cannot turn a whole revision's record into NULL and drop it
// from group_concat unseen.
func packedField(col string) string {
	return "coalesce(octet_length(" + col + ") || ':' || " + col + ", '!')"
}

// packedNullable packs a column that may be NULL (a value: a retraction)
// as packedField does, a NULL as "-".
func packedNullable(col string) string {
	return "coalesce(octet_length(" + col + ") || ':' || " + col + ", '-')"
}

// errUnreadableRecord is a packed record that does not read back: a NULL
// where text belongs, or text SQLite does not hold as UTF-8.
var errUnreadableRecord error = refusalOf(CodeUnreadable, "a record that does not read back (a NULL where text belongs, or text not stored as UTF-8): the file was edited outside kaohe")

// packedReader reads "LENGTH:TEXT" fields.
type packedReader struct {
	s   string
	err error
}

func (p *packedReader) more() bool { return p.err == nil && p.s != "" }

func (p *packedReader) failed() error { return p.err }

func (p *packedReader) nullable() (string, bool) {
	if strings.HasPrefix(p.s, "-") {
		p.s = p.s[1:]
		return "", false
	}
	return p.field(), true
}

func (p *packedReader) field() string {
	if p.err != nil {
		return ""
	}
	colon := strings.IndexByte(p.s, ':')
	n, err := strconv.Atoi(p.s[:max(colon, 0)])
	if colon < 0 || err != nil || n < 0 || colon+1+n > len(p.s) {
		p.err = errUnreadableRecord
		return ""
	}
	v := p.s[colon+1 : colon+1+n]
	p.s = p.s[colon+1+n:]
	return v
}
