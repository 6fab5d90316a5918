package rubric

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"golang.org/x/text/width"
)

// NormalizePeriod folds full-width digits and letters (２０２１, typed with
// a Chinese input method) to ASCII and trims spaces, ideographic ones too,
// so that ２０２１ and 2021 are the same period everywhere.
func NormalizePeriod(period string) string {
	return strings.TrimSpace(width.Narrow.String(period))
}

// PeriodError is a period that does not have the form its rubric asks for
// (a four-digit year unless the rubric declares another pattern).
type PeriodError struct {
	Period, Rubric, Form, Example string
}

// Error words the problem in English.
func (e *PeriodError) Error() string { return e.In(i18n.For("en")) }

// In words the problem in the labels' language.
func (e *PeriodError) In(l *i18n.Labels) string {
	return fmt.Sprintf(l.CLI.Doors.PeriodForm, e.Period, e.Rubric, e.Form, e.Example)
}

// CheckPeriod normalises a period (NormalizePeriod) and checks it against
// the rubric's period rule, returning the period to store or a
// *PeriodError. Every door that makes an assessment (new, the TUI's form,
// merge) goes through it, so a period is stored one way only.
func (rb *Rubric) CheckPeriod(period string) (string, error) {
	p := NormalizePeriod(period)
	re, err := rb.PeriodRegexp()
	if err != nil {
		return "", err
	}
	if re.MatchString(p) {
		return p, nil
	}
	form, example := rb.PeriodPattern, rb.PeriodPattern
	if form == "" {
		form, example = "YYYY", "2021"
		if y := rb.Year(); y != "" {
			example = y
		}
	}
	return "", &PeriodError{Period: period, Rubric: rb.ID + "@" + rb.Version, Form: form, Example: example}
}

// yearIn finds a year (four digits not inside a longer number) in a text.
var yearIn = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// Year is the year a rubric is for, read from its version ("2021",
// "2022.1", "v2022"), or "" when the version names none.
func (rb *Rubric) Year() string { return PeriodYear(rb.Version) }

// PeriodYear is the year of a period ("2022", "2022H1"), or "" when it
// names none.
func PeriodYear(period string) string {
	m := yearIn.FindStringSubmatch(NormalizePeriod(period))
	if m == nil {
		return ""
	}
	return m[1]
}

// ForPeriod returns the rubrics (of rbs, in their order) whose year is the
// period's: the ones an assessment of that period defaults to.
func ForPeriod(rbs []*Rubric, period string) []*Rubric {
	y := PeriodYear(period)
	var out []*Rubric
	for _, rb := range rbs {
		if y != "" && rb.Year() == y {
			out = append(out, rb)
		}
	}
	return out
}
