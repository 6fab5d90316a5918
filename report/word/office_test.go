package word

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDocumentsOpenInLibreOffice converts the 通报 and each unit's
// 反馈意见书 and 整改通知书 to PDF with LibreOffice, as an office that opens
// them would, and finds in pdftotext's text every figure the xlsx has:
// each unit's total, base, bonus and category scores, each deduction, and
// each fingerprint. It is skipped where LibreOffice is not installed
// (apt-get install libreoffice-writer-nogui poppler-utils);
// KAOHE_DOC_LOOK=DIR keeps the PDFs there to look at.
func TestDocumentsOpenInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	_, states := fixture(t)
	r, l := built(t, states)
	dir := t.TempDir()
	if look := os.Getenv("KAOHE_DOC_LOOK"); look != "" {
		dir = look
	}
	notice, err := WriteNotice(l, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"通报.docx": notice}
	for _, k := range []Kind{Feedback, Rectify} {
		docs, err := WriteUnits(l, k, r, states, options, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			files[d.Name] = d.Bytes
		}
	}
	var args []string
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	text := func(name string) string {
		pdf := filepath.Join(dir, strings.TrimSuffix(name, ".docx")+".pdf")
		out, err := exec.Command(pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v (did LibreOffice open it?)", name, err)
		}
		return strings.Join(strings.Fields(string(out)), "") // lines wrap where the page does
	}
	tb := text("通报.docx")
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "通报.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string // the table's rows as the page lays them out, one space between cells
	for _, line := range strings.Split(string(out), "\n") {
		lines = append(lines, strings.Join(strings.Fields(line), " "))
	}
	for _, row := range r.Ranking {
		want := strings.Join(append([]string{itoa(row.Rank), row.Unit, row.Total.Fixed(2)}, fixed(row.Categories)...), " ")
		if !slices.Contains(lines, want) {
			t.Errorf("the 通报's PDF lacks the ranking row %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	for _, an := range r.Analyses {
		for _, c := range an.Common {
			if want := c.Indicator + clean(c.Content); !strings.Contains(tb, strings.Join(strings.Fields(want), "")) {
				t.Errorf("the 通报's PDF lacks the 共性问题 %s", c.Indicator)
			}
			if want := c.Lost.Fixed(2) + itoa(c.Units) + "/" + itoa(c.Among); !strings.Contains(tb, want) {
				t.Errorf("the 通报's PDF lacks the 共性问题 %s's figures %s", c.Indicator, want)
			}
		}
	}
	for i, sh := range r.Sheets {
		fp, _ := states[indexOf(states, sh.Unit)].Fingerprint()
		if !strings.Contains(tb, fp) {
			t.Errorf("the 通报's PDF lacks %s's fingerprint", sh.Unit)
		}
		fb := text(FileName(l, Feedback, sh.Unit, sh.Period))
		for _, want := range []string{"考核得分" + sh.Total.Fixed(2) + "分", "基础分" + sh.Base.Fixed(2) + "分", "加分" + sh.Bonus.Fixed(2) + "分",
			"排名第" + itoa(r.Ranking[i].Rank) + "位", fp} {
			if !strings.Contains(fb, want) {
				t.Errorf("%s's 反馈意见书 PDF lacks %q", sh.Unit, want)
			}
		}
		for _, c := range sh.Categories {
			if !strings.Contains(fb, c.Score.Fixed(2)) {
				t.Errorf("%s's 反馈意见书 PDF lacks the category score %s", sh.Unit, c.Score.Fixed(2))
			}
			for _, row := range c.Rows {
				if row.Deduction != 0 && !strings.Contains(fb, row.Deduction.Fixed(2)) {
					t.Errorf("%s's 反馈意见书 PDF lacks %s's deduction %s", sh.Unit, row.ID, row.Deduction.Fixed(2))
				}
			}
		}
		zg := text(FileName(l, Rectify, sh.Unit, sh.Period))
		if !strings.Contains(zg, fp) {
			t.Errorf("%s's 整改通知书 PDF lacks its fingerprint", sh.Unit)
		}
	}
	if jishou := text(FileName(l, Feedback, "吉首市", "2021")); !strings.Contains(jishou, "1.2未按时下放、承接、取消的事项3项（不动产登记、林木采伐、道路运输许可），扣0.60分。") {
		t.Errorf("吉首市's 反馈意见书 PDF lacks the 1.2 sentence:\n%s", jishou)
	}
}
