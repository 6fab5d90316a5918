package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomutex/godocx"
)

// kaohe doc fields lists the ranking chart's field with what it is, and a
// template placing it in the office's own 红头 gets the picture in the
// written 通报 (a PNG part in the document); the field beside other text
// is refused, saying where, with nothing written and the database as it
// was.
func TestDocRankingChartField(t *testing.T) {
	c, db := docCLI(t)
	if out := c.ok("doc", "fields"); !strings.Contains(out, "{{排名图}}") || !strings.Contains(out, "各单位总分柱状图") ||
		!strings.Contains(out, "{{类别图}}") {
		t.Errorf("doc fields lacks the chart:\n%s", out)
	}
	template := func(chart string) string {
		rd, err := godocx.NewDocument()
		if err != nil {
			t.Fatal(err)
		}
		rd.AddParagraph("湘西自治州政务服务中心文件")
		rd.AddParagraph("{{标题}}")
		rd.AddParagraph(chart)
		var buf bytes.Buffer
		if err := rd.Write(&buf); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "红头.docx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	out := filepath.Join(t.TempDir(), "通报.docx")
	c.ok("doc", "tongbao", "--period", "2021", "-o", out, "--template", template("{{排名图}}"))
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		found = found || strings.HasPrefix(f.Name, "word/media/") && strings.HasSuffix(f.Name, ".png")
	}
	if !found {
		t.Error("the 通报 from the template has no picture")
	}
	before := mustRead(t, db)
	bad := filepath.Join(t.TempDir(), "坏.docx")
	_, errs, code := c.run("doc", "tongbao", "--period", "2021", "-o", bad, "--template", template("排名如下图{{排名图}}"))
	if code == 0 || !strings.Contains(errs, "图片字段 {{排名图}}（第3段）没有在正文中单独成段") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("the 通报 was written although the template was refused: %v", err)
	}
	if !bytes.Equal(before, mustRead(t, db)) {
		t.Error("the database changed")
	}
}
