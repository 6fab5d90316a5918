package rubric

import (
	"errors"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// A rubric may declare the form of its periods; a year is the default.
func TestPeriodPattern(t *testing.T) {
	re, err := Default().PeriodRegexp()
	if err != nil {
		t.Fatal(err)
	}
	for period, want := range map[string]bool{"2021": true, "二零二一": false, "2021H1": false, "21": false} {
		if re.MatchString(period) != want {
			t.Errorf("default pattern on %q: %v", period, !want)
		}
	}
	src := strings.Replace(string(DefaultSource()), "language: zh", "language: zh\nperiod_pattern: '[0-9]{4}H[12]'", 1)
	rb, err := Parse("half.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if back, err := Parse("again.yaml", MarshalYAML(rb, "")); err != nil || back.PeriodPattern != rb.PeriodPattern {
		t.Errorf("MarshalYAML lost the period pattern: %v", err)
	}
	re, _ = rb.PeriodRegexp()
	if !re.MatchString("2021H1") || re.MatchString("2021") {
		t.Error("the declared pattern is not the one used")
	}
	bad := strings.Replace(string(DefaultSource()), "language: zh", "language: zh\nperiod_pattern: '[0-9'", 1)
	if _, err := Parse("bad.yaml", []byte(bad)); err == nil || !strings.Contains(err.Error(), "period_pattern") {
		t.Errorf("a broken pattern was accepted: %v", err)
	}
}

// Full-width digits are the same period as ASCII ones; a period in other
// digits or of another length is refused, naming the form wanted.
func TestCheckPeriod(t *testing.T) {
	rb := Default()
	for typed, want := range map[string]string{"2021": "2021", "２０２１": "2021", " 2021\u3000": "2021"} {
		if got, err := rb.CheckPeriod(typed); err != nil || got != want {
			t.Errorf("CheckPeriod(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, bad := range []string{"二零二一", "20211", "21", ""} {
		_, err := rb.CheckPeriod(bad)
		var pe *PeriodError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), "YYYY") || !strings.Contains(pe.In(i18n.For("zh")), "阿拉伯数字") {
			t.Errorf("CheckPeriod(%q): %v", bad, err)
		}
	}
	if y := PeriodYear("２０２２H1"); y != "2022" {
		t.Errorf("PeriodYear = %q", y)
	}
}
