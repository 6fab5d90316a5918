package seed

import (
	"database/sql"
	"net/url"
	"testing"
	"time"

	"github.com/kaohe/kaohe/store"
)

// KnownFile waits until the file at path has settled (the check cache
// remembers settled files only), opens it once read-only with a check cache
// of its own and returns that cache's folder: opened with it, the file is
// one this machine has checked, as the office's file is on every run after
// its first, so a benchmark measures its own path, not a quick_check of the
// whole file.
func KnownFile(tb testing.TB, path string) string {
	tb.Helper()
	dir := tb.TempDir()
	time.Sleep(2100 * time.Millisecond)
	OpenKnown(tb, path, dir).Close()
	return dir
}

// OpenKnown opens the file at path as the office's read-only commands do
// (problem list and export, appeal list): read-only, with the check cache
// in checked, a folder KnownFile made, so no quick_check of the whole file.
func OpenKnown(tb testing.TB, path, checked string) *store.Store {
	tb.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true, CheckDir: checked})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// RawRows is a benchmark's raw SQL yardstick: it opens the file at path
// read-only through the driver the store uses, runs query with args and
// reads every column of every row as text, as the store reads its rows,
// and returns how many rows there were.
func RawRows(tb testing.TB, path, query string, args ...any) int {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(query, args...)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		tb.Fatal(err)
	}
	cells := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range cells {
		dest[i] = &cells[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return n
}
