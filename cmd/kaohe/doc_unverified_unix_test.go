//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// As with kaohe report, no document carries a fingerprint over records
// edited outside kaohe: kaohe doc refuses them, naming the record, and
// with --allow-unverified the document says 未通过核验 in its place
// (real processes over a real database edited with SQL).
func TestDocRefusesRecordsFailingTheirHash(t *testing.T) {
	c, db := dbCLI(t, "刘组长")
	c.ok("new", "吉首市", "2021")
	c.ok("new", "泸溪县", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("sign", "吉首市/2021", "--allow-incomplete")
	sqlEdit(t, db, "UPDATE revision SET value = '0' WHERE subject = '1.2.a'")
	dir := filepath.Join(t.TempDir(), "反馈")
	res := runProc(t, proc(db, nil, "--lang", "zh", "doc", "feedback", "--period", "2021", "-o", dir))
	if res.code != 1 || !strings.Contains(res.stderr, "吉首市/2021 1.2.a（修订 ") || !strings.Contains(res.stderr, "--allow-unverified") {
		t.Errorf("doc over an edited record: %+v", res)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the refused documents were written")
	}
	res = runProc(t, proc(db, nil, "--lang", "zh", "doc", "feedback", "--period", "2021", "-o", dir, "--allow-unverified"))
	if res.code != 0 {
		t.Fatalf("doc --allow-unverified: %+v", res)
	}
	text := readDoc(t, filepath.Join(dir, "吉首市2021年度反馈意见书.docx")).Text()
	if !strings.Contains(text, "吉首市 记录指纹：未通过核验") {
		t.Errorf("the edited unit's 反馈意见书 does not say 未通过核验:\n%s", text)
	}
	if genuine := readDoc(t, filepath.Join(dir, "泸溪县2021年度反馈意见书.docx")).Text(); strings.Contains(genuine, "未通过核验") {
		t.Errorf("the genuine unit's 反馈意见书 says 未通过核验:\n%s", genuine)
	}
}
