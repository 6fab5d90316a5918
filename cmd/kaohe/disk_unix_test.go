//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// underLimit is a kaohe process run by sh under a file size limit of 10
// KiB (ulimit -f 10): the -shm SQLite needs beside the database (32 KiB)
// cannot be made, nor a report of more than 10 KiB written. Go ignores
// SIGXFSZ, so the writes fail with EFBIG instead of killing the process.
func underLimit(db, dir string, args ...string) *exec.Cmd {
	p := proc(db, nil, args...)
	cmd := exec.Command("sh", append([]string{"-c", `ulimit -f 10 && exec "$@"`, "sh"}, p.Args...)...)
	cmd.Env, cmd.Dir = p.Env, dir
	return cmd
}

// A file size limit is not a damaged database: report and set each say
// what the disk refused, naming the folder and what to free.
func TestFileSizeLimitIsNotDamage(t *testing.T) {
	_, db := seeded(t)
	dir := filepath.Dir(db)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "-o", "r.xlsx"}, "cannot write r.xlsx: no room in " + dir},
		{[]string{"set", "吉首市/2021", "1.2.a", "1"}, "cannot make its shared-memory file kaohe.db-shm in " + dir},
		{[]string{"list"}, "cannot make its shared-memory file kaohe.db-shm in " + dir},
	} {
		r := runProc(t, underLimit(db, dir, tc.args...))
		if r.code != 1 || strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("ulimit -f 10; kaohe %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), r.code, r.stdout, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "r.xlsx")); err == nil {
		t.Error("a report cut short was left behind")
	}
	// Without the limit everything is as it was.
	if r := runProc(t, proc(db, nil, "history", "吉首市/2021")); r.code != 0 {
		t.Fatalf("after the limit: exit %d: %s", r.code, r.stderr)
	}
}

// A full disk and a read-only folder, on a small tmpfs of a private mount
// namespace (unshare -m, which needs root): a full disk with no room for
// the -shm, a full disk with the -shm in place (SQLITE_FULL), and a
// read-only folder each get their own message naming the folder, and the
// file is never called damaged.
func TestFullDiskAndReadOnlyFolder(t *testing.T) {
	if err := exec.Command("unshare", "-m", "true").Run(); err != nil {
		t.Skip("no private mount namespace here (unshare -m needs root):", err)
	}
	c, db := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	m := t.TempDir()
	target := filepath.Join(m, "kaohe.db")
	note := strings.Repeat("整改到位，材料另附。", 2000)
	script := `set -e
mount -t tmpfs -o size=400k tmpfs "$M"
cp "$SRC" "$DB"
fill() { dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null || true; }
fill
echo "== noshm"; "$KAOHE" --lang en set 吉首市/2021 1.2.a 1 2>&1 || true
rm -f "$M/fill" "$DB-shm" "$DB-wal"
: > "$DB-wal"; dd if=/dev/zero of="$DB-shm" bs=32768 count=1 2>/dev/null
fill
echo "== full"; "$KAOHE" --lang en set 吉首市/2021 1.2.a 1 --note "$NOTE" 2>&1 || true
rm -f "$M/fill"
echo "== after"; "$KAOHE" --lang en history 吉首市/2021 1.2.a 2>&1
mount -o remount,ro "$M"
echo "== ro"; "$KAOHE" --lang en set 吉首市/2021 1.2.a 1 2>&1 || true
echo "== ro zh"; "$KAOHE" --lang zh set 吉首市/2021 1.2.a 1 2>&1 || true
echo "== ro list"; "$KAOHE" --lang en list 2>&1
`
	cmd := exec.Command("unshare", "-m", "sh", "-c", script)
	cmd.Env = append(proc(target, nil).Env, "M="+m, "SRC="+db, "DB="+target, "KAOHE="+os.Args[0], "NOTE="+note)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	parts := map[string]string{}
	for _, p := range strings.Split(string(out), "== ")[1:] {
		name, body, _ := strings.Cut(p, "\n")
		parts[name] = body
	}
	for name, want := range map[string]string{
		"noshm":   "cannot make its shared-memory file kaohe.db-shm in " + m,
		"full":    "the disk is full, nothing was saved; free some space on the disk holding " + m,
		"after":   "- → 3",
		"ro":      "its folder " + m + " is read-only",
		"ro zh":   "所在文件夹 " + m + " 是只读的",
		"ro list": "吉首市",
	} {
		if got := parts[name]; !strings.Contains(got, want) || strings.Contains(got, "damaged") {
			t.Errorf("%s: want %q:\n%s", name, want, got)
		}
	}
}

// A -shm that cannot be written (here made immutable with chattr +i,
// since root writes any file whatever its mode) is said to be that, naming
// it and what to do; nothing claims the change was saved, nor that the
// database is damaged or its folder read-only.
func TestUnwritableShm(t *testing.T) {
	_, db := seeded(t)
	shm := db + "-shm"
	if err := os.WriteFile(db+"-wal", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shm, make([]byte, 32768), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("chattr", "+i", shm).CombinedOutput(); err != nil {
		t.Skipf("cannot make the -shm immutable here (chattr +i: %v %s)", err, out)
	}
	defer exec.Command("chattr", "-i", shm).Run()
	r := runProc(t, proc(db, nil, "set", "吉首市/2021", "1.2.a", "1"))
	if r.code != 1 || !strings.Contains(r.stderr, "its shared-memory file "+shm+" cannot be written") ||
		strings.Contains(r.stderr, "saved") || strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "read-only (a write-protected") {
		t.Errorf("set with an unwritable -shm: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}
