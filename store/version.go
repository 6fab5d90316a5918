package store

// DataVersion returns SQLite's data_version of the store's connection: it
// changes whenever another connection — another kaohe, the CLI — commits
// to the database, and not for this store's own writes. A program that
// shows a state polls it to know when to read again.
func (s *Store) DataVersion() (int64, error) {
	var v int64
	err := s.db.QueryRow("PRAGMA data_version").Scan(&v)
	return v, err
}
