package textwidth

import (
	"strings"
	"testing"
	"unicode"

	"github.com/kaohe/kaohe/rubric"
)

// Every indicator text of the seed rubric, wrapped at every
// width from 30 to 120, obeys the Chinese line-breaking rules and loses
// nothing.
func TestWrapSeedRubricKinsoku(t *testing.T) {
	rb := rubric.Default()
	var texts []string
	for _, ind := range rb.Indicators() {
		texts = append(texts, ind.Content, ind.Standard)
		for _, r := range ind.Rules {
			texts = append(texts, r.Clause)
		}
	}
	bad := 0
	for _, text := range texts {
		for w := 30; w <= 120; w++ {
			lines := Wrap(text, w)
			if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); nospace(got) != nospace(want) {
				t.Fatalf("width %d lost text:\n%q\n%q", w, got, want)
			}
			for i, l := range lines {
				problem := ""
				first, last := []rune(l), []rune(l)
				switch {
				case Width(l) > w:
					problem = "too wide"
				case len(first) == 0:
				case i > 0 && noLineStart(first[0]):
					problem = "begins with closing punctuation"
				case i < len(lines)-1 && noLineEnd(last[len(last)-1]):
					problem = "ends with opening punctuation"
				case l == "分）" || l == "分。":
					problem = "a lone 分"
				case i > 0 && strings.ContainsRune(numberUnits, first[0]) && endsInDigit(lines[i-1]):
					problem = "a measure word torn from its number"
				}
				if problem != "" {
					bad++
					if bad < 10 {
						t.Errorf("width %d line %d %s: %q\n%s", w, i, problem, l, strings.Join(lines, "\n"))
					}
				}
			}
		}
	}
}

func nospace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestWrapKeepsNumberWithMeasureWord(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		want string
	}{
		{"按照要求开展园区赋权工作。（4分）", 16, "按照要求开展园区\n赋权工作。\n（4分）"},
		{"没有完成的每项扣3分。", 18, "没有完成的每项扣\n3分。"},
	} {
		if got := strings.Join(Wrap(tc.text, tc.w), "\n"); got != tc.want {
			t.Errorf("Wrap(%q, %d) =\n%s\nwant\n%s", tc.text, tc.w, got, tc.want)
		}
	}
}

// Wrapping never moves text: an opening bracket followed by a space stays
// before the space, on one line and across lines.
func TestWrapKeepsTheOrderOfText(t *testing.T) {
	for _, s := range []string{"a（ b", "ab（ c dddd", "（（ x）", "说明（ 见附件）。"} {
		if got := strings.Join(units(tokens(s)), ""); got != s {
			t.Fatalf("the unbreakable pieces of %q put together read %q", s, got)
		}
		for w := 1; w <= 12; w++ {
			got := strings.ReplaceAll(strings.Join(Wrap(s, w), ""), " ", "")
			if want := strings.ReplaceAll(s, " ", ""); got != want {
				t.Fatalf("Wrap(%q, %d) reorders the text: %q", s, w, got)
			}
		}
	}
}
