package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

// A store opened with a short busy timeout gives up on a file another
// program holds write-locked after that wait, not the default ten seconds,
// and its message names the file, says it is in use and how long kaohe
// waited; nothing is recorded.
func TestBusyTimeoutIsTheOptionsWait(t *testing.T) {
	s, path := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	_, err = s.Record(id, a.ID, Change{Subject: "1.2.a", Value: ruleVal(t, "3")})
	waited := time.Since(start)
	if !errors.Is(err, ErrBusy) || !strings.HasPrefix(err.Error(), path+": in use by another program") || !strings.Contains(err.Error(), "within 200 ms") {
		t.Fatalf("a write to a locked file: %v", err)
	}
	if waited < 150*time.Millisecond || waited > 5*time.Second {
		t.Errorf("waited %v for a lock with a 200 ms busy timeout", waited)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if st := mustState(t, s, a.ID); len(st.Subjects) != 0 {
		t.Errorf("the refused write recorded something: %v", st.Subjects)
	}
}
