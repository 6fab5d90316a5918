package textwidth

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "考核": 4, "“放管服”": 8, "\x1b[31m红\x1b[0m": 2, "": 0} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestWrapCJK(t *testing.T) {
	text := "（2）按照要求及时做好事项的下放、承接和取消等工作，开展放权赋权“回头看”。（2分）没有在规定时限内做好事项下放、承接和取消的每少1项扣0.2分，最多扣1分；放权赋权“回头看”没完成的直接扣1分。"
	for _, w := range []int{7, 10, 21, 30, 37, 38, 46} {
		lines := Wrap(text, w)
		if strings.Join(lines, "") != text {
			t.Fatalf("width %d: wrapping lost text: %q", w, lines)
		}
		for _, l := range lines {
			if Width(l) > w {
				t.Errorf("width %d: line %q is %d wide", w, l, Width(l))
			}
			if r := []rune(l); len(r) > 0 && noLineStart(r[0]) {
				t.Errorf("width %d: line starts with closing punctuation: %q", w, l)
			}
			if r := []rune(l); len(r) > 0 && noLineEnd(r[len(r)-1]) {
				t.Errorf("width %d: line ends with opening punctuation: %q", w, l)
			}
		}
	}
}

func TestWrapLatinAtSpaces(t *testing.T) {
	got := Wrap("deducts 1.6, capped at 1 for rule 3.2.a", 12)
	for _, l := range got {
		if Width(l) > 12 {
			t.Errorf("line too wide: %q", l)
		}
	}
	if got[0] != "deducts 1.6," {
		t.Errorf("first line %q, want a break at a space", got[0])
	}
}

func TestPad(t *testing.T) {
	if got := PadRight("考核", 6); got != "考核  " {
		t.Errorf("PadRight = %q", got)
	}
	if got := PadRight("考核内容评分", 6); Width(got) != 6 {
		t.Errorf("PadRight truncation width %d: %q", Width(got), got)
	}
	if got := PadLeft("1.5", 5); got != "  1.5" {
		t.Errorf("PadLeft = %q", got)
	}
}

func TestSanitize(t *testing.T) {
	in := "好\x1b[2J\x1b]0;pwned\x07的\x00\r\n笔记\u202e"
	if got := Sanitize(in, false); got != "好的 笔记" { // CRLF is one line break
		t.Errorf("Sanitize = %q", got)
	}
	if got := Sanitize("a\nb", true); got != "a\nb" {
		t.Errorf("Sanitize keep newlines = %q", got)
	}
}

func TestLineAndWriterKeepTheTerminalSafe(t *testing.T) {
	if got := Line("甲\r\n乙\n丙\r丁\t戊"); got != "甲⏎乙⏎丙⏎丁 戊" {
		t.Errorf("Line: %q", got)
	}
	var b strings.Builder
	w := Writer(&b)
	in := "吉首市\x1b[31m红\x1b[0m\x1b]0;title\x07 \u009b2J\u202e反\n下一行\t表\r\n"
	n, err := w.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if got, want := b.String(), "吉首市红 2J反\n下一行\t表\n"; got != want {
		t.Errorf("Writer: %q, want %q", got, want)
	}
}

// A printed line measures “” and … as wide as a Chinese character, and
// wrapping by that measure keeps closing punctuation off a line's start.
func TestWrapByPrintWidth(t *testing.T) {
	if got := PrintWidth("“7×24小时”a1"); got != 15 {
		t.Errorf("PrintWidth = %d, want 15 (“”×小时 two halves each, 7 2 4 a 1 one)", got)
	}
	lines := WrapBy("没有落实事项目录清单的，扣1分。", 10, PrintWidth)
	for _, line := range lines {
		if r := []rune(line)[0]; strings.ContainsRune("，。", r) {
			t.Errorf("a line begins with %q: %q", r, lines)
		}
		if PrintWidth(line) > 10 {
			t.Errorf("line %q is wider than 10", line)
		}
	}
	if strings.Join(lines, "") != "没有落实事项目录清单的，扣1分。" {
		t.Errorf("lines %q lose text", lines)
	}
}
