package store

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kaohe/kaohe/internal/storetest"
)

// Several processes open, write and close one database file as fast as
// they can, as `kaohe set` loops in two terminals do: every write
// succeeds (a busy file makes them wait, it is never reported damaged) and
// every one is in the history.
func TestConcurrentProcessesHammeringOneFile(t *testing.T) {
	t.Parallel()
	s, p := openTemp(t)
	id := mustInspector(t, s, "组长")
	a := mustNew(t, s, id, "吉首市", "2021")
	s.Close()
	procs, each := 4, 50
	if testing.Short() {
		each = 40
	}
	var wg sync.WaitGroup
	outs := make([]string, procs)
	for i := 0; i < procs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := storetest.Child("KAOHE_HAMMER_CHILD", p)
			cmd.Env = append(cmd.Env, "KAOHE_HAMMER_N="+strconv.Itoa(each), "KAOHE_HAMMER_WHO=w"+strconv.Itoa(i))
			out, err := cmd.CombinedOutput()
			if err != nil {
				outs[i] = string(out) + err.Error()
			}
		}(i)
	}
	wg.Wait()
	for i, o := range outs {
		if o != "" {
			lines := strings.Split(strings.TrimSpace(o), "\n")
			t.Errorf("process %d: %d failures, first: %s", i, len(lines)-1, lines[0])
		}
	}
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.History(a.ID, "1.2.a")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != procs*each {
		t.Errorf("history holds %d of %d writes", len(h), procs*each)
	}
}
