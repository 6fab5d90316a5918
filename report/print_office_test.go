package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// figureRE is a figure as the sheets print it: two decimals.
var figureRE = regexp.MustCompile(`-?\d+\.\d\d`)

// The workbook printed by LibreOffice (soffice --convert-to pdf, as an
// office without Excel prints it) holds every figure of every sheet at
// least as often as the sheet does — nothing clipped or lost — and no line
// of its text begins with closing punctuation (，。、…). Skipped where
// LibreOffice or poppler is not installed (apt-get install
// libreoffice-calc-nogui fonts-noto-cjk poppler-utils). KAOHE_KEEP_PDF=dir
// keeps the workbook and the PDF there to look at.
func TestPrintedByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-calc-nogui fonts-noto-cjk)")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	r, f, data := printed(t)
	dir := t.TempDir()
	if keep := os.Getenv("KAOHE_KEEP_PDF"); keep != "" {
		dir = keep
	}
	book := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, book)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "report.pdf")
	text := func(args ...string) string {
		out, err := exec.Command(pdftotext, append(args, pdf, "-")...).Output()
		if err != nil {
			t.Fatalf("pdftotext %v: %v", args, err)
		}
		return string(out)
	}
	layout, plain := text("-layout"), text()
	// No line begins with closing punctuation: neither a line of the text
	// in reading order, nor a cell's line in the laid-out page (columns
	// apart by two spaces or more).
	gap := regexp.MustCompile(`\s{2,}`)
	for _, line := range strings.Split(plain, "\n") {
		if s := strings.TrimSpace(line); s != "" && strings.ContainsRune(closing, []rune(s)[0]) {
			t.Errorf("a printed line begins with %q: %q", []rune(s)[0], s)
		}
	}
	for _, line := range strings.Split(layout, "\n") {
		for _, seg := range gap.Split(strings.TrimSpace(line), -1) {
			if seg != "" && strings.ContainsRune(closing, []rune(seg)[0]) {
				t.Errorf("a printed line begins with %q: %q in %q", []rune(seg)[0], seg, line)
			}
		}
	}
	// Each sheet's pages (its title repeats on each) hold its figures.
	pages := strings.Split(layout, "\f")
	for _, sheet := range append([]string{"名次"}, sheetNamesOf(r)...) {
		rows, _ := f.GetRows(sheet)
		title := oneLine(rows[0][0])
		var printed strings.Builder
		for _, p := range pages {
			if strings.Contains(strings.Join(strings.Fields(p), ""), strings.Join(strings.Fields(title), "")) {
				printed.WriteString(p)
			}
		}
		if printed.Len() == 0 {
			t.Errorf("no printed page is titled %q", title)
			continue
		}
		want := map[string]int{}
		for _, row := range rows[1:] {
			for _, cell := range row {
				for _, fig := range figureRE.FindAllString(cell, -1) {
					want[fig]++
				}
			}
		}
		got := map[string]int{}
		for _, fig := range figureRE.FindAllString(printed.String(), -1) {
			got[fig]++
		}
		if len(want) == 0 {
			t.Errorf("%s has no figures", sheet)
		}
		for fig, n := range want {
			if got[fig] < n {
				t.Errorf("%s: %s is on the sheet %d times, printed %d", sheet, fig, n, got[fig])
			}
		}
	}
	// The long texts are printed whole: 3.6's 评分标准 and category 7's
	// heading.
	flat := strings.Join(strings.Fields(plain), "")
	for _, long := range []string{r.Sheets[0].Categories[2].Rows[5].Standard, r.Sheets[0].Categories[6].Heading} {
		if !strings.Contains(flat, strings.Join(strings.Fields(long), "")) {
			t.Errorf("not printed whole: %q", long)
		}
	}
	if !bytes.Contains([]byte(layout), []byte("第 1 页 共 ")) {
		t.Error("the pages are not numbered")
	}
}

// sheetNamesOf is the report's unit sheets' names.
func sheetNamesOf(r *Report) []string {
	var out []string
	for _, sh := range r.Sheets {
		out = append(out, sh.Unit+" "+sh.Period)
	}
	return out
}
