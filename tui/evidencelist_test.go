package tui

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/store"
)

// The evidence list: j/k choose, enter opens, x asks to detach, a attaches
// more, esc and e close; on an empty list enter and x do nothing.
func TestEvidenceDialog(t *testing.T) {
	c := dialogCommon(t)
	att := func(name string) store.Attachment {
		return store.Attachment{Subject: "1.2.a", SHA256: strings.Repeat("ab", 32), AttachmentMeta: store.AttachmentMeta{Name: name, Size: 2048}, Inspector: "张三"}
	}
	two := []store.Attachment{att("现场.jpg"), att("台账.pdf")}
	for _, tc := range []struct {
		name string
		atts []store.Attachment
		keys []string
		want action
	}{
		{name: "enter opens the first", atts: two, keys: []string{"enter"}, want: openAttachment{att: two[0]}},
		{name: "down, enter opens the second", atts: two, keys: []string{"j", "enter"}, want: openAttachment{att: two[1]}},
		{name: "down past the end stops", atts: two, keys: []string{"j", "j", "j", "x"}, want: askDetach{att: two[1]}},
		{name: "up at the top stops", atts: two, keys: []string{"k", "x"}, want: askDetach{att: two[0]}},
		{name: "a attaches more", atts: two, keys: []string{"a"}, want: attachMore{}},
		{name: "esc closes", atts: two, keys: []string{"esc"}, want: closeDialog{}},
		{name: "e closes", atts: two, keys: []string{"e"}, want: closeDialog{}},
		{name: "enter on none", keys: []string{"enter"}},
		{name: "x on none", keys: []string{"x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newEvidenceDialog(c, "1.2.a", func() []store.Attachment { return tc.atts })
			var a action
			for _, k := range tc.keys {
				a = d.handle(key1(k))
			}
			if !sameAction(a, tc.want) {
				t.Fatalf("action %#v, want %#v", a, tc.want)
			}
		})
	}
	d := newEvidenceDialog(c, "1.2.a", func() []store.Attachment { return two })
	d.handle(key1("j"))
	title, lines := d.pane(60, 20)
	body := strings.Join(lines, "\n")
	if !strings.Contains(title, "1.2.a") || !strings.Contains(body, "> 台账.pdf") || !strings.Contains(body, "  现场.jpg") {
		t.Fatalf("pane %q:\n%s", title, body)
	}
	if _, lines := newEvidenceDialog(c, "1.2.a", func() []store.Attachment { return nil }).pane(60, 20); !strings.Contains(strings.Join(lines, ""), c.l.Screens.NoEvidence) {
		t.Fatalf("an empty list does not say so: %q", lines)
	}
}
