package report

import (
	"archive/zip"
	"fmt"
	"github.com/kaohe/kaohe/assessment"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/store"
	"github.com/xuri/excelize/v2"
)

// Evidence is one attachment as the reports list it.
type Evidence struct {
	Subject   string    `json:"subject"` // rule or indicator ID
	Indicator string    `json:"indicator"`
	Name      string    `json:"name"`
	Size      int64     `json:"size"`
	Type      string    `json:"type"`
	SHA256    string    `json:"sha256"`
	Inspector string    `json:"inspector"`
	Time      time.Time `json:"time"`
	Note      string    `json:"note,omitempty"`
	// Path is where a bundle puts the file, relative to the bundle's root.
	Path string `json:"path,omitempty"`
}

func evidenceOf(st *store.State) []Evidence {
	var out []Evidence
	for _, a := range st.Attachments("") {
		if assessment.IsUnsignedSubject(a.Subject) {
			continue // a rectification's, an appeal's, the unit's own: not the inspectors' evidence
		}
		ind := a.Subject
		if ref, ok := st.Rubric.Rule(a.Subject); ok {
			ind = ref.Indicator.ID
		}
		out = append(out, Evidence{Subject: a.Subject, Indicator: ind, Name: clean(a.Name), Size: a.Size, Type: a.Type,
			SHA256: a.SHA256, Inspector: clean(a.Inspector), Time: timefmt.Local(a.Wall), Note: clean(a.Note)})
	}
	return out
}

// EvidenceDir is the bundle's folder of evidence files.
const EvidenceDir = "佐证材料"

// BlobSource streams a stored file's bytes (store.Store.WriteBlob).
type BlobSource func(sha256 string, w io.Writer) (int64, error)

// WriteBundle writes a zip for the office: the report in each of formats
// (xlsx first), then 佐证材料/<unit>/<indicator>/<rule>-<name> for every
// attachment of the reported assessments, streamed from blobs, and
// manifest.csv (UTF-8 with BOM, so Excel opens it) listing them. Paths
// are safe on every system: no separators, no reserved characters, no
// two files with one name.
func (r *Report) WriteBundle(w io.Writer, formats []string, blobs BlobSource) error {
	r.assignEvidencePaths()
	zw := zip.NewWriter(w)
	base := "考核结果"
	if r.Period != "" {
		base = r.Period + base
	}
	for _, f := range formats {
		data, err := r.Write(f)
		if err != nil {
			return err
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: base + "." + f, Method: zip.Deflate, Modified: r.Generated})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	var manifest [][]string
	l := r.labels
	head := []string{l.Unit, l.Period, "subject", "file", "size", "sha256", "inspector", "time", "note"}
	if l.Lang == "zh" {
		head = []string{l.Unit, l.Period, "指标/规则", "文件", "大小（字节）", "sha256", "督查人员", "时间", "说明"}
	}
	manifest = append(manifest, head)
	for _, sh := range r.Sheets {
		for _, e := range sh.Evidence {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.Path, Method: zip.Store, Modified: e.Time})
			if err != nil {
				return err
			}
			if _, err := blobs(e.SHA256, fw); err != nil {
				return fmt.Errorf("%s/%s %s %s: %w", sh.Unit, sh.Period, e.Subject, e.Name, err)
			}
			manifest = append(manifest, []string{sh.Unit, sh.Period, e.Subject, e.Path, strconv.FormatInt(e.Size, 10), e.SHA256,
				e.Inspector, timefmt.Machine(e.Time), e.Note})
		}
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "manifest.csv", Method: zip.Deflate, Modified: r.Generated})
	if err != nil {
		return err
	}
	if err := writeExcelCSV(fw, manifest); err != nil {
		return err
	}
	return zw.Close()
}

// assignEvidencePaths gives every attachment its place in the bundle.
func (r *Report) assignEvidencePaths() {
	periods := map[string]bool{}
	for _, sh := range r.Sheets {
		periods[sh.Period] = true
	}
	taken := map[string]bool{}
	for si := range r.Sheets {
		sh := &r.Sheets[si]
		unit := safeName(sh.Unit)
		if len(periods) > 1 {
			unit = safeName(sh.Unit + "-" + sh.Period)
		}
		for ei := range sh.Evidence {
			e := &sh.Evidence[ei]
			p := path.Join(EvidenceDir, unit, safeName(e.Indicator), safeName(e.Subject+"-"+e.Name))
			// Windows and macOS take A.pdf and a.pdf for one file.
			if taken[strings.ToLower(p)] {
				ext := path.Ext(p)
				p = strings.TrimSuffix(p, ext) + "-" + store.ShortID(e.SHA256, 8) + ext
			}
			taken[strings.ToLower(p)] = true
			e.Path = p
		}
	}
}

// safeName makes one path element safe in a zip on Windows, macOS and
// Linux: separators, reserved and control characters become "_", and
// names that are only dots become "_".
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if strings.Trim(s, ".") == "" {
		return "_"
	}
	return strings.TrimRight(s, ". ")
}

// bundled reports whether the report's evidence has places in a bundle.
func (r *Report) bundled() bool {
	for _, sh := range r.Sheets {
		for _, e := range sh.Evidence {
			if e.Path != "" {
				return true
			}
		}
	}
	return false
}

func evidenceSheetTitle(l *i18n.Labels) string {
	if l.Lang == "zh" {
		return EvidenceDir
	}
	return "Evidence"
}

// evidenceSheet lists every evidence file of the bundle, each name a
// HYPERLINK to the file beside the workbook (a relative link, which Excel,
// WPS and LibreOffice resolve from the workbook's folder).
func (r *Report) evidenceSheet(w *sheetWriter) error {
	l := r.labels
	head := []string{l.Unit, l.Period, "subject", "file", "size", "inspector", "time", "note", "sha256"}
	if l.Lang == "zh" {
		head = []string{l.Unit, l.Period, "指标/规则", "文件（点击打开）", "大小（字节）", "督查人员", "时间", "说明", "sha256"}
	}
	for i, h := range head {
		w.text(i+1, 1, h, w.style.header)
	}
	y := 2
	for _, sh := range r.Sheets {
		for _, e := range sh.Evidence {
			w.text(1, y, sh.Unit, w.style.text)
			w.text(2, y, sh.Period, w.style.text)
			w.text(3, y, e.Subject, w.style.text)
			w.link(4, y, e.Path, e.Name, w.style.text)
			w.integer(5, y, int(e.Size), w.style.text)
			w.text(6, y, e.Inspector, w.style.text)
			w.text(7, y, timefmt.Human(e.Time), w.style.text)
			w.text(8, y, e.Note, w.style.text)
			w.text(9, y, e.SHA256, w.style.text)
			y++
		}
	}
	w.widths(10, 8, 10, 36, 12, 10, 17, 30, 66)
	w.page(1)
	return w.flush()
}

// link writes a cell showing text that opens target (a relative path).
func (w *sheetWriter) link(col, row int, target, text string, style int) {
	w.put(col, row, text, style)
	w.rows[row-1][col-1] = excelize.Cell{StyleID: style, Value: text,
		Formula: fmt.Sprintf(`HYPERLINK("%s","%s")`, formulaText(target), formulaText(text))}
}

// formulaText escapes text inside a formula's string literal.
func formulaText(s string) string { return strings.ReplaceAll(s, `"`, `""`) }
