package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// TestMain runs the tests on a fast temp folder, and lets the
// multi-process tests run this test binary as kaohe itself
// (KAOHE_TEST_AS_KAOHE=1), so they start real kaohe processes without
// building one, or as another program holding a database's lock
// (KAOHE_TEST_HOLD_LOCK=PATH, see holdLock). KAOHE_TEST_BARRIER makes a
// kaohe process wait until that file exists, so several start their work
// at the same moment; KAOHE_TEST_BUSY_TIMEOUT (a Go duration) shortens its
// wait for a locked file, for the tests that lock one on purpose.
func TestMain(m *testing.M) {
	storetest.Main(m, storetest.Children{
		"KAOHE_TEST_HOLD_LOCK": func(path string) int { holdLock(path, os.Getenv("KAOHE_TEST_HOLD_MODE")); return 0 },
		"KAOHE_TEST_AS_KAOHE":  func(string) int { return asKaohe() },
	})
}

// asKaohe is this process run as kaohe on its command line.
func asKaohe() int {
	if barrier := os.Getenv("KAOHE_TEST_BARRIER"); barrier != "" {
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(barrier); err == nil {
				break
			}
		}
	}
	wait, _ := time.ParseDuration(os.Getenv("KAOHE_TEST_BUSY_TIMEOUT"))
	return run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, now: time.Now, busyTimeout: wait})
}

// holdLock is another program holding a database: it takes the write lock
// (mode "write", as a sqlite3 shell in a transaction does) or an exclusive
// lock that keeps readers out too (mode "exclusive", as a checkpoint or a
// crash recovery does), prints "locked", and lets go when its stdin closes.
func holdLock(path, mode string) {
	pragma := ""
	begin := "BEGIN IMMEDIATE"
	if mode == "exclusive" {
		pragma = "?_pragma=locking_mode(EXCLUSIVE)"
		begin = "BEGIN EXCLUSIVE"
	}
	db, err := sql.Open("sqlite", "file:"+path+pragma)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err == nil {
		_, err = conn.ExecContext(ctx, begin)
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, "INSERT INTO meta(key, value) VALUES ('lock-holder', 'x') ON CONFLICT(key) DO UPDATE SET value = value || 'x'")
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
	conn.ExecContext(ctx, "ROLLBACK")
	conn.Close()
	db.Close()
}
