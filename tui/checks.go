package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// checksDialog lists what the store's checks before a sign-off found and,
// when signing is possible, asks to sign: y/enter signs, esc closes, another
// key leaves the lists to read (and the next key closes them).
type checksDialog struct {
	c *common
	r store.Readiness
	// ask is the question to sign ("" when signing is not offered or the
	// question was passed over); sign is what yes does.
	ask  string
	sign func() tea.Cmd
}

func newChecks(c *common, r store.Readiness, ask string, sign func() tea.Cmd) *checksDialog {
	return &checksDialog{c: c, r: r, ask: ask, sign: sign}
}

func (d *checksDialog) handle(msg tea.Msg) action {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if d.ask == "" {
		return closeDialog{} // any key closes the lists
	}
	switch {
	case key.Matches(km, d.c.keys.Yes):
		return closeDialog{then: d.sign}
	case key.Matches(km, d.c.keys.Cancel):
		return closeDialog{}
	}
	d.ask, d.sign = "", nil
	return nil
}

func (d *checksDialog) shortHelp() []key.Binding {
	if d.ask != "" {
		return []key.Binding{d.c.keys.Yes}
	}
	return []key.Binding{d.c.keys.Cancel}
}

func (d *checksDialog) typing() bool { return false }

func (d *checksDialog) status() (string, bool, bool) { return d.ask, true, d.ask != "" }

// pane lists what the checks found, the question first.
func (d *checksDialog) pane(inner, _ int) (string, []string) {
	w, styles := &d.c.l.Readiness, &d.c.styles
	var lines []string
	if d.ask != "" { // the question first, in full: the lists may not fit
		lines = appendWrapped(lines, styles.Warning, "", d.ask, inner)
		lines = append(lines, "")
	}
	for _, m := range report.ReadinessMissing(d.c.l, d.r) {
		lines = append(lines, styles.Header.Render(fit(m.Heading, inner)))
		lines = appendWrapped(lines, styles.Text, "  ", strings.Join(m.Subjects, " "), inner)
	}
	if d.r.Complete() {
		lines = append(lines, styles.Good.Render(w.ChecksOK))
	}
	return w.ChecksTitle, lines
}
