package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An inspector attaches two files to a rule and lists them; gets one back
// byte for byte by a prefix of its hash; detaches it; the list and the
// history say so.
func TestAttachEvidenceGetDetach(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	dir := t.TempDir()
	scan := filepath.Join(dir, "台账扫描.pdf")
	data := make([]byte, 2_500_000)
	rand.Read(data)
	os.WriteFile(scan, data, 0o600)
	shot := filepath.Join(dir, "平台截图.png")
	os.WriteFile(shot, []byte("\x89PNG\r\n\x1a\n0000"), 0o600)

	out := c.ok("attach", "吉首市/2021", "1.2.a", scan, shot, "--note", "2021年下放事项台账")
	if strings.Count(out, "attached 吉首市/2021 1.2.a") != 2 {
		t.Fatalf("attach: %s", out)
	}
	var list []evidenceJSON
	if err := json.Unmarshal([]byte(c.ok("evidence", "吉首市/2021", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Inspector != "张三" || list[0].Note != "2021年下放事项台账" {
		t.Fatalf("evidence: %+v", list)
	}
	var pdf evidenceJSON
	for _, e := range list {
		if e.Name == "台账扫描.pdf" {
			pdf = e
		}
	}
	if pdf.Size != int64(len(data)) || pdf.Type != "application/pdf" || len(pdf.SHA256) != 64 {
		t.Fatalf("pdf entry: %+v", pdf)
	}
	if text := c.ok("evidence", "吉首市/2021", "1.2.a"); !strings.Contains(text, "台账扫描.pdf") || !strings.Contains(text, pdf.SHA256[:12]) {
		t.Fatalf("evidence text: %s", text)
	}
	back := filepath.Join(dir, "取回.pdf")
	c.ok("evidence", "get", "吉首市/2021", pdf.SHA256[:8], "-o", back)
	if got, _ := os.ReadFile(back); !bytes.Equal(got, data) {
		t.Fatal("evidence get did not give the bytes back")
	}
	if _, errs, code := c.run("evidence", "get", "吉首市/2021", pdf.SHA256[:8], "-o", back); code == 0 || !strings.Contains(errs, "already exists") {
		t.Fatalf("get over an existing file: %d %s", code, errs)
	}
	c.ok("detach", "吉首市/2021", "1.2.a", pdf.SHA256[:8])
	if text := c.ok("evidence", "吉首市/2021"); strings.Contains(text, "台账扫描.pdf") {
		t.Fatalf("still listed after detach: %s", text)
	}
}

// Refusals name what is wrong and change nothing.
func TestAttachRefusals(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	dir := t.TempDir()
	big := filepath.Join(dir, "big.tif")
	os.WriteFile(big, make([]byte, 2<<20), 0o600)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"attach", "吉首市/2021", "9.9.z", big}, "9.9.z"},
		{[]string{"attach", "吉首市/2021", "1.2.a", big, "--max-mb", "1"}, "limit"},
		{[]string{"attach", "吉首市/2021", "1.2.a", dir}, "not a regular file"},
		{[]string{"attach", "吉首市/2021", "1.2.a", filepath.Join(dir, "missing.jpg")}, "missing.jpg"},
	} {
		_, errs, code := c.run(tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q (want %q)", tc.args, code, errs, tc.want)
		}
	}
	if out := c.ok("evidence", "吉首市/2021"); !strings.Contains(out, "no evidence") {
		t.Fatalf("a refused attach left something: %s", out)
	}
}
