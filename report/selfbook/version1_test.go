package selfbook

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// A 自评表 of version 1 — already sent to counties — keeps its layout: a
// fixed book's sheet "kaohe" holds the very digests the version-1 writer
// gave it (taken from a book written before the workbooks shared one
// mechanism), and it is still told apart by its assessment.
func TestAVersionOneSelfBookKeepsItsDigests(t *testing.T) {
	l := i18n.For("zh")
	aid := "0123456789abcdef0123456789abcdef"
	b := &Book{AssessmentID: aid, Period: "2021", Unit: "吉首市", Lang: "zh", Sheet: l.SelfAssess.Sheet, Title: "标题",
		Rows: []Row{{Indicator: "1.1", Content: "内容", Standard: "标准", Points: "2", Score: "1.5", Account: "说明"}, {Indicator: "1.2", Points: "1"}}}
	var buf bytes.Buffer
	if err := b.Write(l, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "自评表.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"B9": "40b5b9e8b0f67536bdd30b3da86b73aef4ddddbbe005baabb6f2e33aad7d1efc", "A11": "A1", "B12": "4db00e7b4fda7b1a", "B19": "1f90240856e9745e"} {
		if got, _ := f.GetCellValue("kaohe", ref); got != want {
			t.Errorf("kaohe!%s = %q; version 1 wrote %q", ref, got, want)
		}
	}
	if got, err := Check(path); err != nil || got != aid {
		t.Errorf("checked %q, %v", got, err)
	}
}
