package report

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// recordedStore opens a store in dir, closed when the test ends, holding
// 张三's assessment of 吉首市 for 2021 with 3 recorded for 1.2.a.
func recordedStore(t *testing.T, dir string) (*store.Store, store.Identity, store.Assessment) {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "k.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, _ := s.SetInspector("张三")
	a, _, _ := s.CreateAssessment(id, rubric.Default(), "吉首市", "2021")
	v := "3"
	if _, err := s.Record(id, a.ID, seed.SetJSON(t, "1.2.a", v, "")); err != nil {
		t.Fatal(err)
	}
	return s, id, a
}

// A bundle holds the xlsx, every attachment byte for byte under
// 佐证材料/<unit>/<indicator>/<rule>-<name>, and a manifest Excel opens
// (UTF-8 with BOM) listing each with its hash; two files of one name on one
// rule keep both; a name with a path in it cannot escape its folder.
func TestBundle(t *testing.T) {
	dir := t.TempDir()
	s, id, a := recordedStore(t, dir)
	files := map[string][]byte{}
	attach := func(sub, folder, name, note string) {
		data := make([]byte, 10_000)
		rand.Read(data)
		p := filepath.Join(dir, folder)
		os.MkdirAll(p, 0o700)
		p = filepath.Join(p, name)
		os.WriteFile(p, data, 0o600)
		if _, err := s.Attach(id, a.ID, sub, p, note, store.AttachOptions{}); err != nil {
			t.Fatal(err)
		}
		files[sub+"/"+folder+"/"+name] = data
	}
	attach("1.2.a", "a", "台账.pdf", "=HYPERLINK(\"x\")")
	attach("1.2.a", "b", "台账.pdf", "")
	attach("2.1", "a", "大厅..jpg", "")
	st, _ := s.State(a.ID)
	r, err := Build([]*store.State{st}, Filter{}, i18n.For("zh"), time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteBundle(&buf, []string{"xlsx", "csv"}, s.WriteBlob); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[f.Name] = b
	}
	for _, want := range []string{"考核结果.xlsx", "考核结果.csv", "manifest.csv"} {
		if _, ok := got[want]; !ok {
			t.Errorf("bundle lacks %s; has %v", want, keys(got))
		}
	}
	var pdfs int
	for name, b := range got {
		if strings.HasPrefix(name, "佐证材料/吉首市/1.2/1.2.a-台账") && strings.HasSuffix(name, ".pdf") {
			pdfs++
			if !bytes.Equal(b, files["1.2.a/a/台账.pdf"]) && !bytes.Equal(b, files["1.2.a/b/台账.pdf"]) {
				t.Errorf("%s: bytes differ from what was attached", name)
			}
		}
	}
	if pdfs != 2 {
		t.Errorf("want both 台账.pdf files, got %d: %v", pdfs, keys(got))
	}
	if _, ok := got["佐证材料/吉首市/2.1/2.1-大厅..jpg"]; !ok {
		t.Errorf("indicator attachment missing: %v", keys(got))
	}
	m := got["manifest.csv"]
	if !bytes.HasPrefix(m, []byte("\ufeff")) {
		t.Fatal("manifest.csv has no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(m[3:])).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("manifest: %v %v", recs, err)
	}
	for _, rec := range recs[1:] {
		if len(rec[5]) != 64 || rec[6] != "张三" {
			t.Errorf("manifest row %v", rec)
		}
		if strings.HasPrefix(rec[8], "=") {
			t.Errorf("formula not neutralised: %q", rec[8])
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"../../etc/passwd": ".._.._etc_passwd", "a:b*c?.jpg": "a_b_c_.jpg", "..": "_", "名 .": "名", "x\ny": "x_y"} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every score sheet carries the assessment's fingerprint at its foot, in
// every format, the same one the store computes.
func TestSheetsCarryFingerprint(t *testing.T) {
	_, states := fixture(t)
	want, err := states[0].Fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(states[:1], Filter{}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"csv", "md", "json"} {
		b, err := r.Write(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s lacks the fingerprint %s", f, want)
		}
	}
	if !strings.Contains(signOff(r.labels, &r.Sheets[0]), "记录指纹 "+want) {
		t.Error("the xlsx foot lacks the fingerprint")
	}
}

// Inside a bundle the workbook has a sheet listing every evidence file, each
// a HYPERLINK to the file beside it; the score sheet's 扣分说明 names them.
func TestBundleWorkbookLinksEvidence(t *testing.T) {
	dir := t.TempDir()
	s, id, a := recordedStore(t, dir)
	p := filepath.Join(dir, `台账"一".pdf`)
	os.WriteFile(p, []byte("%PDF"), 0o600)
	if _, err := s.Attach(id, a.ID, "1.2.a", p, "", store.AttachOptions{}); err != nil {
		t.Fatal(err)
	}
	st, _ := s.State(a.ID)
	r, err := Build([]*store.State{st}, Filter{}, i18n.For("zh"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteBundle(&buf, []string{"xlsx"}, s.WriteBlob); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	var book []byte
	for _, f := range zr.File {
		if f.Name == "考核结果.xlsx" {
			rc, _ := f.Open()
			book, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	formula, err := x.GetCellFormula("佐证材料", "D2")
	if err != nil {
		t.Fatal(err)
	}
	want := `HYPERLINK("佐证材料/吉首市/1.2/1.2.a-台账_一_.pdf","台账""一"".pdf")`
	if formula != want {
		t.Fatalf("link formula %q, want %q", formula, want)
	}
	rows, _ := x.GetRows("吉首市 2021")
	found := false
	for _, row := range rows {
		for _, c := range row {
			if strings.Contains(c, "佐证材料：1.2.a 台账\"一\".pdf") {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("the score sheet's 扣分说明 does not name the evidence")
	}
}

// Two files whose names differ only in case get two places: Windows and
// macOS would unpack them over each other.
func TestBundlePathsDifferBeyondCase(t *testing.T) {
	r := &Report{Sheets: []Sheet{{Unit: "吉首市", Period: "2021", Evidence: []Evidence{
		{Subject: "1.2.a", Indicator: "1.2", Name: "A.pdf", SHA256: strings.Repeat("1", 64)},
		{Subject: "1.2.a", Indicator: "1.2", Name: "a.pdf", SHA256: strings.Repeat("2", 64)},
	}}}}
	r.assignEvidencePaths()
	a, b := r.Sheets[0].Evidence[0].Path, r.Sheets[0].Evidence[1].Path
	if strings.EqualFold(a, b) {
		t.Fatalf("both files go to %q and %q", a, b)
	}
}
