package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// BenchmarkRecordFinding is one committed `set` with synchronous=FULL.
func BenchmarkRecordFinding(b *testing.B) {
	s, _ := openTemp(b)
	id := mustInspector(b, s, "张三")
	a := mustNew(b, s, id, "吉首市", "2021")
	i := 0
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		v := strconv.Itoa(i % 50)
		i++
		if _, err := s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(b, v)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawCommit is BenchmarkRecordFinding's yardstick: one single-row
// INSERT committed through the same driver with the same pragmas (WAL,
// synchronous=FULL), and nothing else.
func BenchmarkRawCommit(b *testing.B) {
	db := openRaw(b, filepath.Join(b.TempDir(), "raw.db"))
	if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"); err != nil {
		b.Fatal(err)
	}
	i := 0
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		i++
		if _, err := db.Exec("INSERT INTO t(v) VALUES (?)", strconv.Itoa(i%50)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenLargeDB opens a file of 1,000 assessments × 36 indicators ×
// 3 revisions and computes every assessment's current state and score, as
// `kaohe list` does (OpenStates: the open's quick_check runs beside the
// reading).
func BenchmarkOpenLargeDB(b *testing.B) {
	benchOpenLarge(b, func(path string) (*Store, []*State, error) { return OpenStates(path, Options{}) }, largeDB(b))
}

// BenchmarkOpenKnownLargeDB is BenchmarkOpenLargeDB on a file the check
// cache knows (checked on this machine and not written since), as `kaohe
// list` opens the office's file on every run after its first: no
// quick_check.
func BenchmarkOpenKnownLargeDB(b *testing.B) {
	path := largeDB(b)
	dir := filepath.Join(b.TempDir(), "checked")
	time.Sleep(settledAfter + 100*time.Millisecond)
	opts := Options{ReadOnly: true, CheckDir: dir}
	s, states, err := OpenStates(path, opts)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	if _, known := recognise(dir, path); !known || len(states) != 1000 {
		b.Fatal("the check cache does not know the file")
	}
	benchOpenLarge(b, func(path string) (*Store, []*State, error) { return OpenStates(path, opts) }, path)
}

// BenchmarkOpenThenStatesLargeDB is BenchmarkOpenLargeDB one step after the
// other: Open (quick_check included), then States.
func BenchmarkOpenThenStatesLargeDB(b *testing.B) {
	benchOpenLarge(b, func(path string) (*Store, []*State, error) {
		s, err := Open(path, Options{})
		if err != nil {
			return nil, nil, err
		}
		states, err := s.States()
		return s, states, err
	}, largeDB(b))
}

func benchOpenLarge(b *testing.B, open func(path string) (*Store, []*State, error), path string) {
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		s, states, err := open(path)
		if err != nil || len(states) != 1000 {
			b.Fatal(len(states), err)
		}
		for _, st := range states {
			if _, err := st.Score(); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
	}
}

// BenchmarkRawHeads is BenchmarkOpenLargeDB's yardstick: open the same file
// through the same driver and run one query returning every head's value,
// and nothing else.
func BenchmarkRawHeads(b *testing.B) {
	path := largeDB(b)
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		db := openRaw(b, path)
		rows, err := db.Query(rawHeadsQuery)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var aid, subject string
			var value sql.NullString
			if err := rows.Scan(&aid, &subject, &value); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Err(); err != nil || n != 1000*36 {
			b.Fatal(n, err)
		}
		rows.Close()
		db.Close()
	}
}

// rawHeadsQuery returns every head's value: the least any reader of the
// current state must do.
const rawHeadsQuery = "SELECT h.assessment_id, h.subject, r.value FROM head h JOIN revision r ON r.id = h.revision_id"

// openRaw opens a database through the store's driver with the store's
// connection pragmas and one connection, and nothing of the store.
func openRaw(b testing.TB, path string) *sql.DB {
	uri, err := fileURI(path, connPragmas)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	b.Cleanup(func() { db.Close() })
	return db
}

// largeDBFormat changes whenever buildSourceDB writes something else, so a
// cached file of an older build is not reused.
const largeDBFormat = 1

// schemaDigest is a short digest of every migration, so a cached file
// always has this build's schema.
func schemaDigest(b *testing.B) string {
	h := sha256.New()
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			b.Fatal(err)
		}
		h.Write(body)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// largeDB returns a private copy of the 1,000 × 36 × 3 file. The file is
// built once and cached in the temporary folder (KAOHE_BENCH_CACHE overrides
// where), keyed by schema and format, so benchmarks do not rebuild its
// 108,000 revisions every run.
func largeDB(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("KAOHE_BENCH_CACHE")
	if dir == "" {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, fmt.Sprintf("kaohe-bench-large-%s-f%d.db", schemaDigest(b), largeDBFormat))
	if _, err := os.Stat(cached); err != nil {
		tmp := filepath.Join(b.TempDir(), "build.db")
		buildSourceDB(b, tmp, 0, 1000, 3)
		if err := copyFile(tmp, cached+".part"); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(cached+".part", cached); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(b.TempDir(), "large.db")
	if err := copyFile(cached, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkQuickCheckLargeDB is the part of BenchmarkOpenLargeDB that Open
// spends checking the file (PRAGMA quick_check reads every page), to read
// the open's figure against BenchmarkRawHeads with and without it.
func BenchmarkQuickCheckLargeDB(b *testing.B) {
	path := largeDB(b)
	defer storetest.CPUPerOp(b)()
	for b.Loop() {
		if err := quickCheck(path, DefaultBusyTimeout); err != nil {
			b.Fatal(err)
		}
	}
}
