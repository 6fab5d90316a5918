package tui

import (
	"fmt"
	"os"
	"testing"

	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// TestMain lets a test re-run
// this binary as another program writing to the same database
// (KAOHE_TUI_WRITER=PATH, KAOHE_TUI_ASSESSMENT, KAOHE_TUI_RULE,
// KAOHE_TUI_VALUE). The tests keep the ordinary temp folder: the screens
// they check show its paths.
func TestMain(m *testing.M) {
	storetest.MainOnDisk(m, storetest.Children{"KAOHE_TUI_WRITER": func(path string) int {
		return writerChild(path, os.Getenv("KAOHE_TUI_ASSESSMENT"), os.Getenv("KAOHE_TUI_RULE"), os.Getenv("KAOHE_TUI_VALUE"))
	}})
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
	cmd := storetest.Child("KAOHE_TUI_WRITER", h.s.Path())
	cmd.Env = append(cmd.Env, "KAOHE_TUI_ASSESSMENT="+h.a.ID, "KAOHE_TUI_RULE="+rule, "KAOHE_TUI_VALUE="+value)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process failed: %v\n%s", err, out)
	}
}
