package main

import (
	"strings"
	"testing"
)

// The store's refusal says what is refused, and the command line adds the
// command that proceeds, in both languages: a set on a signed assessment
// names reopen, a set over a conflict names resolve.
func TestRefusalsEndWithTheCommandThatProceeds(t *testing.T) {
	c, _ := seeded(t)
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("sign", "吉首市/2021", "--allow-incomplete")
	for lang, want := range map[string]string{
		"en": "the assessment is signed; reopen it before editing (kaohe reopen ASSESSMENT --reason TEXT)",
		"":   "该考核已签字；修改之前请先重新打开（kaohe reopen 考核 --reason 理由）",
	} {
		c.lang = lang
		if _, errs, code := c.run("set", "吉首市/2021", "1.2.a", "4"); code != 1 || !strings.Contains(errs, want) {
			t.Errorf("set on a signed assessment (%q): exit %d\n%s\nwant %q", lang, code, errs, want)
		}
	}
	c.lang = "en"
	if _, errs, code := c.run("withdraw", "吉首市/2099"); code != 1 || !strings.Contains(errs, `no assessment "吉首市/2099"`) || !strings.Contains(errs, "(kaohe list shows them; create one with kaohe new UNIT PERIOD)") {
		t.Errorf("an unknown assessment: exit %d\n%s", code, errs)
	}
}
