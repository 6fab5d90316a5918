package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A template that is not there, or whose XML is damaged, is refused in
// Chinese naming the template and what is wrong (for a damaged one the
// part, line and column), and nothing is written: no folder, the
// database byte for byte what it was.
func TestDocRefusesAMissingOrDamagedTemplate(t *testing.T) {
	c, db := docCLI(t)
	before := mustRead(t, db)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?>` + "\n" + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{{单位}}</w:r></w:p></w:body></w:document>`))
	zw.Close()
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "坏模板.docx")
	if err := os.WriteFile(bad, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for tpl, want := range map[string]string{
		filepath.Join(tmp, "nope.docx"): "无法读取模板 " + filepath.Join(tmp, "nope.docx") + "：没有这个文件",
		bad:                             "坏模板.docx: 部件 word/document.xml：已损坏，无法读取（XML 错误，在第 2 行第",
		tmp:                             "无法读取模板 " + tmp + "：这是一个文件夹",
	} {
		dir := filepath.Join(t.TempDir(), "反馈")
		_, errs, code := c.run("doc", "feedback", "--period", "2021", "-o", dir, "--template", tpl)
		if code == 0 || !strings.Contains(errs, want) || strings.Contains(errs, "stat ") {
			t.Errorf("%s: exit %d, stderr %q, want %q", filepath.Base(tpl), code, errs, want)
		}
		if tpl == bad && !strings.Contains(errs, "元素 <t> 被 </r> 错误地闭合") {
			t.Errorf("the damaged template's stderr %q does not say what is wrong", errs)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s: the folder was made although the template was refused: %v", tpl, err)
		}
	}
	if !bytes.Equal(before, mustRead(t, db)) {
		t.Error("the database changed")
	}
}
