package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomutex/godocx"

	"github.com/kaohe/kaohe/report/word"
)

// docCLI is a database of three units of 2021, signed: 泸溪县 lost 1.00
// on 1.2.a (three items short, capped), 凤凰县 0.20.
func docCLI(t *testing.T) (*cli, string) {
	c, db := dbCLI(t, "张三")
	c.lang = "zh"
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		c.ok("new", u, "2021")
	}
	c.ok("set", "泸溪县/2021", "1.2.a", "6")
	c.ok("set", "凤凰县/2021", "1.2.a", "1")
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		c.ok("sign", u+"/2021", "--allow-incomplete")
	}
	return c, db
}

// readDoc reads a written document back with the library.
func readDoc(t *testing.T, path string) word.Content {
	t.Helper()
	c, err := word.Read(mustRead(t, path))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// The three documents are written from the command line: the 通报 to its
// file with the ranking, and each unit's 反馈意见书 and 整改通知书 into a
// folder, one per unit, named after it.
func TestDocWritesTheThreeDocuments(t *testing.T) {
	c, _ := docCLI(t)
	dir := t.TempDir()
	notice := filepath.Join(dir, "2021年度考核结果通报.docx")
	out := c.ok("doc", "tongbao", "--period", "2021", "-o", notice, "--issuer", "州政务服务中心", "--date", "2022-01-05")
	if !strings.Contains(out, "已写入 "+notice) {
		t.Errorf("tongbao said %q", out)
	}
	n := readDoc(t, notice)
	if len(n.Tables) != 2 || len(n.Tables[0]) != 4 || strings.Join(n.Tables[0][3][:3], " ") != "3 泸溪县 99.00（暂，0/36）" {
		t.Errorf("the 通报's ranking: %v", n.Tables)
	}
	// 共性问题: 1.2 lost by two units, 1.00 (capped) and 0.20.
	if len(n.Tables) == 2 && (len(n.Tables[1]) != 2 || strings.Join([]string{n.Tables[1][1][1], n.Tables[1][1][3], n.Tables[1][1][4]}, " ") != "1.2 1.20 2/3") {
		t.Errorf("the 通报's 共性问题: %v", n.Tables[1])
	}
	if text := n.Text(); !strings.Contains(text, "2022年1月5日") || !strings.Contains(text, "州政务服务中心") {
		t.Errorf("the 通报 lacks its issuer and date:\n%s", text)
	}
	fb := filepath.Join(dir, "反馈")
	if out := c.ok("doc", "feedback", "--period", "2021", "-o", fb); !strings.Contains(out, "已写入 3 份文书到 "+fb) {
		t.Errorf("feedback said %q", out)
	}
	luxi := readDoc(t, filepath.Join(fb, "泸溪县2021年度反馈意见书.docx")).Text()
	if want := "1.2 未按时下放、承接、取消的事项6项，扣1.20分，封顶1.00分。"; !strings.Contains(luxi, want) {
		t.Errorf("泸溪县's 反馈意见书 lacks %q:\n%s", want, luxi)
	}
	zg := filepath.Join(dir, "整改")
	c.ok("doc", "rectify", "凤凰县/2021", "-o", zg)
	entries, _ := os.ReadDir(zg)
	if len(entries) != 1 || entries[0].Name() != "凤凰县2021年度整改通知书.docx" {
		t.Fatalf("rectify wrote %v", entries)
	}
	if text := readDoc(t, filepath.Join(zg, entries[0].Name())).Text(); !strings.Contains(text, "未按时下放、承接、取消的事项") {
		t.Errorf("凤凰县's 整改通知书 lacks its problem:\n%s", text)
	}
	if out := c.ok("doc", "fields"); !strings.Contains(out, "{{扣分.说明}}") || !strings.Contains(out, "{{排名.类别7}}") {
		t.Errorf("doc fields:\n%s", out)
	}
}

// A template naming a field the document has not is refused, naming the
// field and where it is, and nothing is written: no folder, and the
// database is byte for byte what it was.
func TestDocRefusesAnUnknownField(t *testing.T) {
	c, db := docCLI(t)
	before := mustRead(t, db)
	rd, err := godocx.NewDocument()
	if err != nil {
		t.Fatal(err)
	}
	rd.AddParagraph("{{单位}}：")
	rd.AddParagraph("你单位总成绩{{总成绩}}分。")
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(t.TempDir(), "红头.docx")
	if err := os.WriteFile(tpl, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "反馈")
	_, errs, code := c.run("doc", "feedback", "--period", "2021", "-o", dir, "--template", tpl)
	if code == 0 || !strings.Contains(errs, "模板中有未知字段 {{总成绩}}（位于第2段）") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the folder was made although the template was refused: %v", err)
	}
	if !bytes.Equal(before, mustRead(t, db)) {
		t.Error("the database changed")
	}
}
