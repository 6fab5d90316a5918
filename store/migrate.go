package store

import (
	"context"
	"embed"
	"fmt"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the newest schema this build knows.
const SchemaVersion = 4

// ApplicationID marks a SQLite file as kaohe's ("KAOH" in ASCII).
const ApplicationID = 0x4B414F48

// staleSchema is a read-only open of a file whose schema (its one
// argument) is older than this build's (CodeStaleSchema): Open upgrades it
// for writing instead.
func staleSchema(version int) *Refusal {
	return refusalOf(CodeStaleSchema, "schema %d needs an upgrade", version)
}

// migrate applies every pending migration in one transaction, setting the
// application_id and user_version with them. The transaction takes the
// write lock first (BEGIN IMMEDIATE) and reads the schema version inside
// it, so two processes opening a new file at once do not both migrate it.
func (s *Store) migrate() error {
	version, err := s.schemaVersion(s.db)
	if err != nil || version == SchemaVersion {
		return err
	}
	if s.readOnly {
		return staleSchema(version)
	}
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	tx, err := s.db.BeginTx(context.Background(), nil) // _txlock=immediate
	if err != nil {
		return openErr(s.path, "cannot write", s.busyTimeout, err)
	}
	defer tx.Rollback()
	version, err = s.schemaVersion(tx)
	if err != nil || version == SchemaVersion {
		return err
	}
	for i, e := range entries {
		if i < version {
			continue
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return err
		}
		if _, err := tx.Exec(string(body)); err != nil {
			return openErr(s.path, "migration "+e.Name()+" failed", s.busyTimeout, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return openErr(s.path, "cannot write", s.busyTimeout, err)
	}
	return nil
}

// schemaVersion reads the file's user_version, refusing a foreign file or
// one made by a newer kaohe.
func (s *Store) schemaVersion(db q) (int, error) {
	// One statement, so the three are read from one snapshot even while
	// another process is creating the schema.
	var appID, version, tables int
	err := db.QueryRow("SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)").
		Scan(&appID, &version, &tables)
	if err != nil {
		return 0, openErr(s.path, "cannot read the database", s.busyTimeout, err)
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return 0, fileErr(s.path, foreignMessage(uint32(appID)), nil)
	}
	if version > SchemaVersion {
		return 0, fileErr(s.path, fmt.Sprintf("made by a newer kaohe (schema %d; this build knows up to %d)", version, SchemaVersion), nil)
	}
	return version, nil
}
