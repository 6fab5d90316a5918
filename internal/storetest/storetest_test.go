package storetest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	Main(m, Children{"STORETEST_ECHO": func(value string) int {
		fmt.Print("child got ", value, " in ", os.TempDir())
		return 7
	}})
}

// The tests' temp folder is on the memory file system where there is one,
// and a child started by Child runs the child function, not the tests,
// with the value and the same temp folder, and exits with its code.
func TestFastTempFolderAndChild(t *testing.T) {
	if fastFolder() != "" && os.Getenv("KAOHE_TEST_DISK_TMP") != "1" {
		if dir := t.TempDir(); !strings.HasPrefix(dir, "/dev/shm/kaohe-test-") {
			t.Errorf("t.TempDir() = %s, want a folder under /dev/shm", dir)
		}
	}
	out, err := Child("STORETEST_ECHO", "吉首市").Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 7 {
		t.Fatalf("child: %v (%s)", err, out)
	}
	if want := "child got 吉首市 in " + os.TempDir(); string(out) != want {
		t.Errorf("child said %q, want %q", out, want)
	}
}

// A named pipe is made where asked, and Within fails nothing that returns
// in time.
func TestFIFOAndWithin(t *testing.T) {
	dir := t.TempDir()
	p := FIFO(t, dir, "pipe")
	if filepath.Dir(p) != dir {
		t.Errorf("pipe at %s, want in %s", p, dir)
	}
	st, err := os.Lstat(p)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("%s is not a named pipe: %v %v", p, st, err)
	}
	ran := false
	Within(t, 5*time.Second, "a quick function", func() { ran = true })
	if !ran {
		t.Error("Within did not run the function")
	}
}
