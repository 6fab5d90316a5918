package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"
)

// TestMain lets the multi-process tests run this test binary as kaohe
// itself (KAOHE_TEST_AS_KAOHE=1), so they start real kaohe processes
// without building one. KAOHE_TEST_BARRIER makes such a process wait until
// that file exists, so several start their work at the same moment;
// KAOHE_TEST_BUSY_TIMEOUT (a Go duration) shortens its wait for a locked
// file, for the tests that lock one on purpose.
func TestMain(m *testing.M) {
	if path := os.Getenv("KAOHE_TEST_HOLD_LOCK"); path != "" {
		holdLock(path, os.Getenv("KAOHE_TEST_HOLD_MODE"))
		return
	}
	if os.Getenv("KAOHE_TEST_AS_KAOHE") == "1" {
		if barrier := os.Getenv("KAOHE_TEST_BARRIER"); barrier != "" {
			for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				if _, err := os.Stat(barrier); err == nil {
					break
				}
			}
		}
		wait, _ := time.ParseDuration(os.Getenv("KAOHE_TEST_BUSY_TIMEOUT"))
		os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, now: time.Now, busyTimeout: wait}))
	}
	os.Exit(m.Run())
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
