package tui

import (
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// TestMain lets a test re-run this binary as another program writing to the
// same database (KAOHE_TUI_WRITER=PATH ASSESSMENT RULE VALUE).
func TestMain(m *testing.M) {
	if path := os.Getenv("KAOHE_TUI_WRITER"); path != "" {
		os.Exit(writerChild(path, os.Getenv("KAOHE_TUI_ASSESSMENT"), os.Getenv("KAOHE_TUI_RULE"), os.Getenv("KAOHE_TUI_VALUE")))
	}
	os.Exit(m.Run())
}

// writerChild records one value as 李四, as the CLI on another terminal would.
func writerChild(path, aid, rule, value string) int {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer s.Close()
	id, err := s.Identity("李四")
	var v scoring.Value
	if err == nil {
		err = v.UnmarshalJSON([]byte(value))
	}
	if err == nil {
		_, err = s.Record(id, aid, store.SetRule(rule, v, ""))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	return 0
}

// writeFromAnotherProcess runs the writer child and waits for it.
func writeFromAnotherProcess(t *testing.T, h *harness, rule, value string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KAOHE_TUI_WRITER="+h.s.Path(), "KAOHE_TUI_ASSESSMENT="+h.a.ID,
		"KAOHE_TUI_RULE="+rule, "KAOHE_TUI_VALUE="+value)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process failed: %v\n%s", err, out)
	}
}
