package draft

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/i18n"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns a table file's bytes into text: UTF-8 (with or without a
// byte-order mark), UTF-16 with a byte-order mark (Notepad's "Unicode"), or
// GBK/GB18030 as older Windows tools save Chinese text. Line ends are made
// \n. It returns the name of the encoding it read.
func Decode(data []byte) (string, string, error) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", "", i18n.Errorf("this is a Word/WPS or Excel file, not text: open it, select the table and save it as plain text (.txt, UTF-8), then draft from that")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text, enc = string(data[3:]), "UTF-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", i18n.Errorf("the file starts like UTF-16 but cannot be read as it: %v", err.Error())
		}
		text, enc = string(out), "UTF-16"
	case utf8.Valid(data):
		text, enc = string(data), "UTF-8"
	default:
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", i18n.Errorf("the file is neither UTF-8 nor GBK text; save the table as text (UTF-8) and try again")
		}
		text, enc = string(out), "GBK"
	}
	if bytes.ContainsRune([]byte(text), 0) {
		return "", "", i18n.Errorf("the file holds binary data, not text; save the Word/WPS table as plain text (.txt) and try again")
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return text, enc, nil
}

// table is the rubric table as read from text, before any clause is read.
type table struct {
	title      string
	categories []tableCategory
}

type tableCategory struct {
	line       int
	number     string
	title      string // 主要工作 with its points
	points     string // from a 分值 cell of its own, when the table has one
	indicators []tableIndicator
}

type tableIndicator struct {
	line     int
	content  string
	points   string // from a 分值 cell of its own, when the table has one
	standard string
}

var (
	// bookmark is a stray Word bookmark marker left in saved text.
	bookmark = regexp.MustCompile(`\[bookmark:[^\]]*\]`)
	// numberedHeading is a 主要工作 written with its 序号 in one cell, as
	// "一、行政审批制度改革（15分）".
	numberedHeading = regexp.MustCompile(`^((?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[.．、])\s*(\S.*[（(][^（()）]*分\s*[)）])$`)
	// categoryNumber is a 序号 cell.
	categoryNumber = regexp.MustCompile(`^(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[.．、]?$`)
	// itemNumber opens a numbered 考核内容 cell: （1）, (2).
	itemNumber = regexp.MustCompile(`^[（(][0-9０-９]{1,2}[)）]`)
	// pointsAtEnd is the "（N分）" that ends a 主要工作 or 考核内容 cell; it
	// may say 加分项 and 共.
	pointsAtEnd = regexp.MustCompile(`[（(][^（()）]*?(?P<points>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[)）]\s*[。.]?$`)
	// pointsCell is a 分值 column's cell between 考核内容 and 评分标准.
	pointsCell = regexp.MustCompile(`^(?P<points>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?$`)
	// attachment is the "附件2" line above a table.
	attachment = regexp.MustCompile(`^附件\s*[0-9０-９一二三四五六七八九十]*[:：]?$`)
)

// isHeading reports whether a cell is a column heading of a rubric table.
func isHeading(s string) bool {
	switch s {
	case "序号", "主要工作", "考核内容", "评分标准", "考核项目", "考评项目", "考评内容", "评分办法",
		"考核指标", "考核标准", "评分细则", "分值", "备注":
		return true
	}
	return false
}

// cell is one non-empty cell of the text, with its line number.
type cell struct {
	line int
	text string
}

// MaxCellBytes bounds one cell of a table, and an indicator's 评分标准 with
// all its paragraphs: a real one is a few hundred characters; this leaves
// ample room (about 21,000 Chinese characters) while keeping a pasted
// document, or a cell that repeats one clause thousands of times, from
// turning into a draft no one can check.
const MaxCellBytes = 64 << 10

// cellTooBig is the refusal of a cell or standard longer than MaxCellBytes,
// at its line.
func cellTooBig(line, size int, what string) error {
	return i18n.Errorf("line %d: %s is %d bytes long; a rubric table's cell may be at most %d bytes (about %d Chinese characters): split it, or save only the table as text",
		line, what, size, MaxCellBytes, MaxCellBytes/3)
}

// cells splits the text into non-empty cells: one per tab-separated field of
// each line, stray markers removed. A cell longer than MaxCellBytes is
// refused.
func cells(text string) ([]cell, error) {
	var out []cell
	for i, line := range strings.Split(text, "\n") {
		line = bookmark.ReplaceAllString(line, "")
		for _, f := range strings.Split(line, "\t") {
			f = strings.TrimSpace(f)
			if len(f) > MaxCellBytes {
				return nil, cellTooBig(i+1, len(f), "a cell")
			}
			if m := numberedHeading.FindStringSubmatch(f); m != nil {
				out = append(out, cell{i + 1, m[1]}, cell{i + 1, m[2]})
			} else if f != "" {
				out = append(out, cell{i + 1, f})
			}
		}
	}
	return out, nil
}

// readTable reads the cells into categories and indicators: a 序号 cell opens
// a category whose next cell is its 主要工作; then each 考核内容 cell is
// followed by its 评分标准 cell; further cells before the next item continue
// the standard.
func readTable(text string) (*table, error) {
	cs, err := cells(text)
	if err != nil {
		return nil, err
	}
	t := &table{}
	first := -1
	var before []string // cells above the table, the last one its title
	headed := false
	for i, c := range cs {
		if categoryNumber.MatchString(c.text) && i+1 < len(cs) {
			first = i
			break
		}
		if isHeading(c.text) {
			headed = true // the column headings; the title came before them
		}
		if !headed && !attachment.MatchString(c.text) {
			before = append(before, c.text)
		}
	}
	if first < 0 {
		return nil, i18n.Errorf("no rubric table found: expected a 序号 cell (1, 2, …) followed by its 主要工作（N分）, then each 考核内容 with its 评分标准")
	}
	if len(before) > 0 {
		t.title = before[len(before)-1]
	}
	const (
		wantContent = iota
		wantStandard
		afterStandard
	)
	state := wantContent
	for i := first; i < len(cs); i++ {
		c := cs[i]
		if state != wantStandard && categoryNumber.MatchString(c.text) && i+1 < len(cs) {
			tc := tableCategory{line: c.line, number: c.text, title: cs[i+1].text}
			i++
			// A 分值 cell of its own after a title without （N分）.
			if !pointsAtEnd.MatchString(tc.title) && i+1 < len(cs) && pointsCell.MatchString(cs[i+1].text) {
				tc.points = pointsCell.FindStringSubmatch(cs[i+1].text)[1]
				i++
			}
			// A row that repeats its merged 序号 and 主要工作 cells
			// continues the category.
			if n := len(t.categories); n == 0 || t.categories[n-1].number != tc.number || t.categories[n-1].title != tc.title {
				t.categories = append(t.categories, tc)
			}
			state = wantContent
			continue
		}
		cat := &t.categories[len(t.categories)-1]
		if c.text == cat.title && state != wantStandard {
			continue // a repeated 主要工作 cell of a merged column
		}
		switch {
		case state == wantStandard && pointsCell.MatchString(c.text):
			ind := &cat.indicators[len(cat.indicators)-1]
			ind.points = pointsCell.FindStringSubmatch(c.text)[1]
		case state == wantStandard:
			cat.indicators[len(cat.indicators)-1].standard = c.text
			state = afterStandard
		case state == wantContent || pointsAtEnd.MatchString(c.text) || (itemNumber.MatchString(c.text) && !deduction.MatchString(c.text)):
			cat.indicators = append(cat.indicators, tableIndicator{line: c.line, content: c.text})
			state = wantStandard
		default: // a further paragraph of the standard, maybe numbered （2）
			ind := &cat.indicators[len(cat.indicators)-1]
			ind.standard += "\n" + c.text
			if len(ind.standard) > MaxCellBytes {
				return nil, cellTooBig(ind.line, len(ind.standard), "the 评分标准 of the indicator starting here")
			}
		}
	}
	// A category with one cell under its title (加分项 rows often have no
	// 考核内容): that cell is the standard, and the content too.
	for ci := range t.categories {
		for ii := range t.categories[ci].indicators {
			ind := &t.categories[ci].indicators[ii]
			if ind.standard == "" && deduction.MatchString(ind.content) {
				ind.standard = ind.content
			}
		}
	}
	return t, nil
}
