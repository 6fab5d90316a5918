package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
)

// evidenceDialog lists the attachments of a rule or an indicator: j/k
// choose, enter opens one, x detaches it (asked first), a attaches more,
// esc (or e) closes. The attachments are read afresh on every key and
// drawing, so a detach shows at once.
type evidenceDialog struct {
	c       *common
	subject string
	atts    func() []store.Attachment
	cursorList
}

func newEvidenceDialog(c *common, subject string, atts func() []store.Attachment) *evidenceDialog {
	return &evidenceDialog{c: c, subject: subject, atts: atts}
}

// Actions of the evidence list.
type (
	// attachMore closes the list and opens the attach prompt.
	attachMore struct{}
	// openAttachment opens a file with the system's viewer.
	openAttachment struct{ att store.Attachment }
	// askDetach asks whether to detach a file.
	askDetach struct{ att store.Attachment }
)

func (d *evidenceDialog) handle(msg tea.Msg) action {
	atts := d.atts()
	km, ok := d.key(&d.c.keys, msg, len(atts))
	if !ok {
		return nil
	}
	switch k := &d.c.keys; {
	case key.Matches(km, k.Cancel), key.Matches(km, k.Evidence):
		return closeDialog{}
	case key.Matches(km, k.Attach):
		return attachMore{}
	case key.Matches(km, k.Confirm):
		if d.sel < len(atts) {
			return openAttachment{att: atts[d.sel]}
		}
	case key.Matches(km, k.Clear):
		if d.sel < len(atts) {
			return askDetach{att: atts[d.sel]}
		}
	}
	return nil
}

func (d *evidenceDialog) shortHelp() []key.Binding {
	k := &d.c.keys
	return []key.Binding{k.Down, k.Confirm, k.Attach, k.Clear, k.Cancel}
}

func (d *evidenceDialog) typing() bool { return false }

// pane lists each file with its size, who attached it and when, then what
// the photo says and its hash.
func (d *evidenceDialog) pane(inner, h int) (string, []string) {
	styles := &d.c.styles
	atts := d.atts()
	var lines []string
	if len(atts) == 0 {
		lines = appendWrapped(lines, styles.Dim, "", d.c.l.Screens.NoEvidence, inner)
	}
	for i, a := range atts {
		pointer := "  "
		if i == d.sel {
			pointer = "> "
		}
		line := pointer + textwidth.Line(a.Name) + "  " + store.HumanSize(a.Size) + "  " + textwidth.Line(a.Inspector) + "  " + a.Wall.Local().Format("01-02 15:04")
		if i == d.sel {
			lines = append(lines, styles.InputActive.Render(fit(line, inner)))
		} else {
			lines = append(lines, fit(line, inner))
		}
		var extra []string
		if a.Taken != "" || a.GPS != "" {
			extra = append(extra, strings.TrimSpace(d.c.l.CLI.PhotoTaken+" "+a.Taken+" "+a.GPS))
		}
		if a.Note != "" {
			extra = append(extra, textwidth.Line(a.Note))
		}
		extra = append(extra, "sha256 "+store.ShortID(a.SHA256, 16))
		for _, e := range extra {
			lines = appendWrapped(lines, styles.Dim, "    ", e, inner)
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return fmt.Sprintf(d.c.l.Screens.EvidenceTitle, d.subject), lines
}
