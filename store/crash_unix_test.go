//go:build unix

package store

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/storetest"
)

// A child records findings in a tight loop and is killed with SIGKILL at a
// random moment, many times over. After each kill the database passes
// integrity_check and holds every finding whose commit returned before the
// kill, and nothing else (but possibly the one write in flight).
func TestCrashKill9(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 4
	}
	path := t.TempDir() + "/crash.db"
	committed := map[string]string{} // note → revision ID
	next := 0
	for round := 0; round < rounds; round++ {
		cmd := storetest.Child("KAOHE_CRASH_CHILD", path)
		cmd.Env = append(cmd.Env, "KAOHE_CRASH_START="+strconv.Itoa(next))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan []string, 1)
		started := make(chan struct{})
		go func() {
			var got []string
			r := bufio.NewReader(stdout)
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					break // a partial last line was cut by the kill
				}
				if len(got) == 0 {
					close(started)
				}
				got = append(got, strings.TrimSpace(l))
			}
			if len(got) == 0 {
				close(started)
			}
			io.Copy(io.Discard, r)
			lines <- got
		}()
		// Kill at a random moment once the child is writing.
		select {
		case <-started:
		case <-time.After(20 * time.Second):
			t.Fatal("child never started writing")
		}
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		inFlight := ""
		for _, l := range <-lines {
			f := strings.Fields(l)
			switch {
			case len(f) == 2 && f[0] == "begin":
				inFlight = "n" + f[1]
				n, _ := strconv.Atoi(f[1])
				next = n + 1
			case len(f) == 3 && f[0] == "ok":
				committed["n"+f[1]] = f[2]
				inFlight = ""
			case len(f) > 0 && f[0] == "error":
				t.Fatalf("child failed: %s", l)
			}
		}

		s, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopening after kill: %v", round, err)
		}
		var integrity string
		if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, integrity, err)
		}
		all, err := s.Assessments()
		if err != nil || len(all) != 1 {
			t.Fatalf("round %d: assessments %v %v", round, all, err)
		}
		hist, err := s.History(all[0].ID, "")
		if err != nil {
			t.Fatal(err)
		}
		inDB := map[string]string{}
		for _, r := range hist {
			if r.Subject != SubjectStatus {
				inDB[r.Note] = r.ID
			}
		}
		for note, rid := range committed {
			if inDB[note] != rid {
				t.Fatalf("round %d: committed finding %s (%s) lost after kill -9", round, note, rid)
			}
		}
		for note, rid := range inDB {
			if _, ok := committed[note]; !ok {
				if note != inFlight {
					t.Fatalf("round %d: database holds %s, which was never written", round, note)
				}
				committed[note] = rid // it committed; its report was cut by the kill
			}
		}
		s.Close()
	}
	if len(committed) < rounds {
		t.Errorf("only %d findings committed over %d rounds; the child barely ran", len(committed), rounds)
	}
	t.Logf("%d findings committed across %d kills", len(committed), rounds)
}
