package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/store"
)

func testReadiness() store.Readiness {
	return store.Readiness{Unrecorded: []string{"1.1.a", "1.2.a"}, MissingReasons: []string{"3.4.a"}}
}

// The sign-off checks: with the question, y/enter signs and closes, esc
// closes, another key passes the question over and leaves the lists; without
// it, any key closes.
func TestChecksDialog(t *testing.T) {
	c := dialogCommon(t)
	for _, tc := range []struct {
		name   string
		ask    string
		key    string
		closes bool
		signs  bool
	}{
		{name: "yes signs", ask: "签字？", key: "y", closes: true, signs: true},
		{name: "enter signs", ask: "签字？", key: "enter", closes: true, signs: true},
		{name: "esc closes", ask: "签字？", key: "esc", closes: true},
		{name: "another key leaves the lists", ask: "签字？", key: "j"},
		{name: "no question: any key closes", key: "j", closes: true},
		{name: "no question: enter closes without signing", key: "enter", closes: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			signed := false
			var sign func() tea.Cmd
			if tc.ask != "" {
				sign = func() tea.Cmd { signed = true; return nil }
			}
			d := newChecks(c, testReadiness(), tc.ask, sign)
			if text, _, ok := d.status(); ok != (tc.ask != "") || text != tc.ask {
				t.Fatalf("status %q %v before the key", text, ok)
			}
			_, lines := d.pane(60, 30)
			body := strings.Join(lines, "\n")
			if !strings.Contains(body, "1.1.a 1.2.a") || !strings.Contains(body, "3.4.a") ||
				(tc.ask != "" && !strings.Contains(body, tc.ask)) {
				t.Fatalf("pane lacks the findings or the question:\n%s", body)
			}
			a := d.handle(key1(tc.key))
			closes := runClosing(a)
			if closes != tc.closes {
				t.Fatalf("action %#v, want closing %v", a, tc.closes)
			}
			if signed != tc.signs {
				t.Fatalf("signed %v, want %v", signed, tc.signs)
			}
			if !closes {
				if _, _, ok := d.status(); ok || len(d.shortHelp()) != 1 || d.shortHelp()[0].Help() != c.keys.Cancel.Help() {
					t.Fatal("the question stayed after another key")
				}
			}
		})
	}
}
