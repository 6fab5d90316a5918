// Package textwidth is the one place kaohe measures, cuts, pads and wraps
// text for a terminal. It counts display columns as lipgloss does (East Asian
// ambiguous characters are one column, CJK ideographs two), so borders drawn
// by lipgloss and text laid out here always agree, whatever LANG says.
// For a printed page it measures as a Chinese font prints (PrintWidth) and
// wraps by the same rules (WrapBy).
package textwidth

import (
	"golang.org/x/text/width"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width returns the display width of s in terminal columns, ignoring escape
// sequences.
func Width(s string) int { return ansi.StringWidth(s) }

// Truncate cuts s to at most w columns, ending with tail when it cut.
func Truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, tail)
}

// PadRight pads s with spaces to exactly w columns, truncating when longer.
func PadRight(s string, w int) string {
	n := Width(s)
	if n > w {
		s = Truncate(s, w, "…")
		n = Width(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft pads s on the left to exactly w columns, truncating when longer.
func PadLeft(s string, w int) string {
	n := Width(s)
	if n > w {
		s = Truncate(s, w, "…")
		n = Width(s)
	}
	if n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Head returns at most n runes of plain text s (a cheap cut before exact
// fitting, since every rune is at least one column).
func Head(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// noLineEnd reports opening punctuation, which must not end a line.
func noLineEnd(r rune) bool {
	return strings.ContainsRune("（《「『“‘([{【〔", r)
}

// noLineStart are characters that must not begin a line (closing
// punctuation), per the usual Chinese typesetting rule (kinsoku).
func noLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』”’%…·,.;:?!)]}】〕", r)
}

// numberUnits are the measure words that stay with the number before them:
// （2分） and 扣3分。 never break so that 分） or 分。 stands alone.
const numberUnits = "分项件个人次天日月年元万%％"

// Wrap breaks s into lines of at most w columns: the one line breaker of
// kaohe. Chinese text breaks between characters, except that no line
// begins with closing punctuation (）。，、；：”」…), none ends with opening
// punctuation (（“「…), and a number keeps its measure word (2分). Runs of
// Latin letters and digits break at spaces when they can. Existing
// newlines are kept. Callers wrap whole texts and add prefixes per line.
func Wrap(s string, w int) []string { return WrapBy(s, w, Width) }

// WrapBy is Wrap measuring text with width instead of the terminal's
// columns: a printed page, where a character's width is its font's, not a
// terminal's (PrintWidth).
func WrapBy(s string, w int, width func(string) int) []string {
	if w < 1 {
		w = 1
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w, width)...)
	}
	return out
}

// PrintWidth is a text's width as a Chinese font prints it, in halves of
// a Chinese character: wide and fullwidth characters count 2, and so do
// the ambiguous ones (“”‘’…—·×), which a Chinese font prints as wide as a
// character; everything else counts 1.
func PrintWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			n++
		}
	}
	return n
}

func wrapLine(s string, w int, measure func(string) int) []string {
	if measure(s) <= w {
		return []string{s}
	}
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, u := range units(tokens(s)) {
		uw := measure(u)
		switch {
		case lineW+uw <= w:
			if u == " " && lineW == 0 && len(lines) > 0 {
				continue // no space at the start of a continued line
			}
			line.WriteString(u)
			lineW += uw
		case u == " ":
			flush()
		case uw > w: // longer than a line: cut it, rune by rune
			for _, r := range u {
				rw := measure(string(r))
				if lineW+rw > w && lineW > 0 {
					flush()
				}
				line.WriteRune(r)
				lineW += rw
			}
		default:
			flush()
			line.WriteString(u)
			lineW = uw
		}
	}
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// units groups tokens into pieces no line break may split: opening
// punctuation with what follows it, closing punctuation with what precedes
// it, a number with its measure word.
func units(toks []string) []string {
	var out []string
	cur, open, prev := "", "", ""
	for _, tok := range toks {
		r := []rune(tok)[0]
		switch {
		case tok == " ":
			// An opening bracket before a space stays where it was typed.
			if cur += open; cur != "" {
				out = append(out, cur)
			}
			out = append(out, " ")
			cur, open, prev = "", "", tok
			continue
		case noLineEnd(r):
			open += tok
			continue
		case open != "" && noLineStart(r):
			open += tok
			continue
		case cur != "" && open == "" && (noLineStart(r) || (endsInDigit(prev) && strings.Contains(numberUnits, tok))):
			cur += tok
			prev = tok
			continue
		}
		if cur != "" {
			out = append(out, cur)
		}
		cur, open, prev = open+tok, "", tok
	}
	cur += open
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func endsInDigit(tok string) bool {
	r := []rune(tok)
	return len(r) > 0 && unicode.IsDigit(r[len(r)-1])
}

// tokens splits s into Latin words, single spaces, and single other
// characters (each CJK character is its own token).
func tokens(s string) []string {
	var out []string
	var word []rune
	for _, r := range s {
		if isWordRune(r) {
			word = append(word, r)
			continue
		}
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
		out = append(out, string(r))
	}
	if len(word) > 0 {
		out = append(out, string(word))
	}
	return out
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' || r == '%')
}

// Sanitize makes untrusted text (notes, names, anything read from a
// database) safe to print: escape sequences, control characters and bidi
// controls are removed; newlines and tabs become spaces unless keepNewlines
// is set. It is the one cleaning step every printed text goes through
// (Line and the Writer are built on it).
func Sanitize(s string, keepNewlines bool) string {
	if keepNewlines {
		return clean(s, "\n", " ")
	}
	return clean(s, " ", " ")
}

// Line is text for a line-oriented output (history, conflicts, list, a
// merge summary): Sanitize, with every line break shown as ⏎, so one record
// is always one line and a note can never fake another record.
func Line(s string) string { return clean(s, "⏎", " ") }

// clean strips escape sequences, controls and bidi overrides from s,
// writing nl for each line break (CRLF, LF or a lone CR) and tab for a tab.
func clean(s, nl, tab string) string {
	if !needsCleaning(s) {
		return s
	}
	s = ansi.Strip(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(s[i : i+size]) // not UTF-8: left as it is, it cannot be a control
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// CRLF: the LF that follows writes the break.
		case r == '\n' || r == '\r':
			b.WriteString(nl)
		case r == '\t':
			b.WriteString(tab)
		case unicode.IsControl(r) || bidiControl(r):
			// dropped: C0/C1 controls and bidi overrides
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsCleaning is the fast path: plain printable text passes untouched.
func needsCleaning(s string) bool {
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || bidiControl(r) {
			return true
		}
	}
	return false
}

// bidiControl reports the characters that reorder the text around them.
func bidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// Writer wraps a terminal stream so that nothing written through it can
// carry an escape sequence, a control character or a bidi override to the
// terminal: the CLI prints through it, so stored or user text that reaches
// an error message or a table is safe even where a command forgot to clean
// it. Line breaks and tabs pass. Each Write is cleaned on its own.
func Writer(w io.Writer) io.Writer { return safeWriter{w} }

type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if !needsCleaning(string(p)) {
		return s.w.Write(p)
	}
	if _, err := io.WriteString(s.w, clean(string(p), "\n", "\t")); err != nil {
		return 0, err
	}
	return len(p), nil
}
