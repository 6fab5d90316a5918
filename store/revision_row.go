package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// revisionField is one column of a revision row: its name, whether a
// packed row carries it, what an INSERT writes into it from a Revision,
// and how a read sets it back.
type revisionField struct {
	col string
	// packed: carried by the packed rows (packedRevisionColumns); the
	// assessment is not, since a packed row is one assessment's.
	packed bool
	// nullable: may be NULL (the value: a retraction).
	nullable bool
	get      func(r *Revision) any
	set      func(r *Revision, v string, null bool, value values) error
}

// revisionFields are a revision row's columns, in the order every INSERT
// writes them and every read decodes them: the one place the order is
// written. An array of plain functions, so reading 36,000 heads allocates
// nothing for it.
func revisionFields() [revisionColumnCount]revisionField {
	return [revisionColumnCount]revisionField{
		{col: "id", packed: true, get: func(r *Revision) any { return r.ID }, set: setID},
		{col: "assessment_id", get: func(r *Revision) any { return r.Assessment }, set: setAssessment},
		{col: "subject", packed: true, get: func(r *Revision) any { return r.Subject }, set: setSubject},
		{col: "value", packed: true, nullable: true, get: func(r *Revision) any { return r.Value }, set: setRevisionValue},
		{col: "note", packed: true, get: func(r *Revision) any { return r.Note }, set: setNote},
		{col: "inspector", packed: true, get: func(r *Revision) any { return r.Inspector }, set: setInspector},
		{col: "device", packed: true, get: func(r *Revision) any { return r.Device }, set: setDevice},
		{col: "hlc", packed: true, get: func(r *Revision) any { return r.HLC }, set: setHLC},
		{col: "wall", packed: true, get: func(r *Revision) any { return r.Wall.UTC().Format(timeFormat) }, set: setRevisionWall},
		{col: "hash", packed: true, get: func(r *Revision) any { return r.Hash }, set: setHash},
	}
}

// The setters of revisionFields: each sets one field from its column.
func setID(r *Revision, v string, _ bool, _ values) error { r.ID = v; return nil }
func setAssessment(r *Revision, v string, _ bool, _ values) error {
	r.Assessment = v
	return nil
}
func setSubject(r *Revision, v string, _ bool, _ values) error {
	r.Subject = v
	return nil
}
func setNote(r *Revision, v string, _ bool, _ values) error { r.Note = v; return nil }
func setInspector(r *Revision, v string, _ bool, _ values) error {
	r.Inspector = v
	return nil
}
func setDevice(r *Revision, v string, _ bool, _ values) error { r.Device = v; return nil }
func setHLC(r *Revision, v string, _ bool, _ values) error    { r.HLC = v; return nil }
func setHash(r *Revision, v string, _ bool, _ values) error   { r.Hash = v; return nil }

// setRevisionValue sets the value, nil for a NULL (a retraction).
func setRevisionValue(r *Revision, v string, null bool, vs values) error {
	if !null {
		r.Value = vs.value(v)
	}
	return nil
}

// setRevisionWall parses the wall time.
func setRevisionWall(r *Revision, v string, _ bool, _ values) error {
	t, err := time.Parse(timeFormat, v)
	if err != nil {
		return fmt.Errorf("revision %s: %w", r.ID, err)
	}
	r.Wall = t
	return nil
}

// revisionColumnCount is the number of revisionFields.
const revisionColumnCount = 10

// revisionColumns lists the columns, each after prefix ("" or "r.").
func revisionColumns(prefix string) string {
	fields := revisionFields()
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = prefix + f.col
	}
	return strings.Join(cols, ", ")
}

// revisionPlaceholders is one row of placeholders for an INSERT.
func revisionPlaceholders() string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", revisionColumnCount), ", ") + ")"
}

// revisionArgs appends r's values in column order, for an INSERT.
func revisionArgs(args []any, r *Revision) []any {
	for _, f := range revisionFields() {
		args = append(args, f.get(r))
	}
	return args
}

// packedRevisionColumns packs the columns of revision r that a packed row
// carries, in their order, for readRevision to read back.
func packedRevisionColumns() string {
	var parts []string
	for _, f := range revisionFields() {
		switch {
		case !f.packed:
		case f.nullable:
			parts = append(parts, packedNullable("r."+f.col))
		default:
			parts = append(parts, packedField("r."+f.col))
		}
	}
	return strings.Join(parts, " || ")
}

// values hands out the strings a revision's value points to (a
// revisionSlab hands them out from blocks).
type values interface{ value(v string) *string }

// eachValue is values one allocation each.
type eachValue struct{}

func (eachValue) value(v string) *string { return &v }

// fieldSource hands out a row's fields in column order: a scanned row or
// a packed one.
type fieldSource interface {
	// nullable is the next field; false when it is NULL.
	nullable() (string, bool)
	failed() error
}

// readRevision is the one decoder of a revision row: it sets r's fields
// from src in revisionFields' order, all of them, or only the packed ones
// (the caller sets the assessment). A NULL where text belongs is
// errUnreadableRecord.
func readRevision(r *Revision, src fieldSource, packed bool, vs values) error {
	for _, f := range revisionFields() {
		if packed && !f.packed {
			continue
		}
		v, ok := src.nullable()
		if err := src.failed(); err != nil {
			return err
		}
		if !ok && !f.nullable {
			return errUnreadableRecord
		}
		if err := f.set(r, v, !ok, vs); err != nil {
			return err
		}
	}
	return nil
}

// scannedRow is a scanned row's fields as a fieldSource.
type scannedRow []sql.NullString

func (s *scannedRow) nullable() (string, bool) {
	f := (*s)[0]
	*s = (*s)[1:]
	return f.String, f.Valid
}

func (s *scannedRow) failed() error { return nil }

// scanRevision reads a row of a revision's columns followed by its
// parents (IDs joined by commas).
func scanRevision(rows *sql.Rows) (*Revision, error) {
	cols := make([]sql.NullString, revisionColumnCount+1)
	dest := make([]any, len(cols))
	for i := range cols {
		dest[i] = &cols[i]
	}
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	var r Revision
	row := scannedRow(cols)
	if err := readRevision(&r, &row, false, eachValue{}); err != nil {
		return nil, err
	}
	if parents := row[0]; parents.Valid && parents.String != "" {
		r.Parents = strings.Split(parents.String, ",")
	} else if !parents.Valid {
		return nil, errUnreadableRecord
	}
	return &r, nil
}
