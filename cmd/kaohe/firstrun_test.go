package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runTUIWith runs `kaohe` (the workbench) in-process with keys read from
// in, and returns its exit code once it quits.
func (c *cli) runTUIWith(in io.Reader) int {
	var out, errb bytes.Buffer
	return run([]string{"--lang", "zh"}, env{
		stdin: in, stdout: &out, stderr: &errb,
		getenv: func(k string) string { return c.env[k] },
		now:    func() time.Time { return c.now },
	})
}

// A new laptop's inspector who quits at the name prompt (ctrl+c) leaves
// nothing behind: no database file, no device key.
func TestQuitAtTheNamePromptCreatesNothing(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "kaohe.db")
	keys := filepath.Join(dir, "keys")
	c.env["KAOHE_DB"], c.env["KAOHE_CONFIG"] = db, keys
	if code := c.runTUIWith(strings.NewReader("\x03")); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, p := range []string{db, keys} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was created by quitting at the name prompt (%v)", p, err)
		}
	}
	// Typing a name creates them, with the name.
	r, w := io.Pipe()
	done := make(chan int)
	go func() { done <- c.runTUIWith(r) }()
	time.Sleep(300 * time.Millisecond) // the name prompt in front; earlier keys wait for nothing
	io.WriteString(w, "张三\r")
	named := false
	for i := 0; i < 200 && !named; i++ {
		time.Sleep(50 * time.Millisecond)
		out, _, code := c.run("whoami")
		named = code == 0 && strings.Contains(out, "张三")
	}
	io.WriteString(w, "\x03")
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
	w.Close()
	if !named {
		t.Error("typing a name at the prompt did not record it")
	}
	if _, err := os.Stat(keys); err != nil {
		t.Errorf("no device key after naming: %v", err)
	}
}
