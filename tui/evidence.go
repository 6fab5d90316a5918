package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/photo"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
)

// Evidence files (佐证材料) in the workbench: `a` attaches files to the
// selected rule (or to the indicator when its note is selected) through a
// path prompt with tab completion; `e` lists them, opens one with the
// system's viewer or detaches it. Every file system access runs in a
// command, never in Update.

// evidenceSubject is what the selection attaches to: the selected rule, or
// the indicator when its note is selected.
func (wb *workbench) evidenceSubject() string {
	if r := wb.selectedRule(); r != nil {
		return r.ID
	}
	if ind := wb.current(); ind != nil {
		return ind.ID
	}
	return ""
}

// indicatorHasEvidence reports whether anything is attached to an
// indicator or one of its rules (the navigator's # mark).
func (wb *workbench) indicatorHasEvidence(indID string) bool {
	if len(wb.evidence[indID]) > 0 {
		return true
	}
	_, ind, ok := wb.rb.Indicator(indID)
	if !ok {
		return false
	}
	for _, r := range ind.Rules {
		if len(wb.evidence[r.ID]) > 0 {
			return true
		}
	}
	return false
}

// missingEvidence reports whether a rule deducts under a rubric that asks
// for evidence and has none on it or on its indicator (the store's rule,
// worked out once per rescore).
func (wb *workbench) missingEvidence(subject string) bool { return wb.noEvidence[subject] }

// findMissingEvidence applies the store's rule to the current result.
func (wb *workbench) findMissingEvidence() {
	attached := map[string]bool{}
	for subject, atts := range wb.evidence {
		attached[subject] = len(atts) > 0
	}
	wb.noEvidence = map[string]bool{}
	for _, id := range store.EvidenceMissing(wb.rb, wb.res, attached) {
		wb.noEvidence[id] = true
	}
}

// startAttach opens the path prompt, in the folder used last.
func (wb *workbench) startAttach() tea.Cmd {
	subject := wb.evidenceSubject()
	if wb.readOnly() || subject == "" {
		return nil
	}
	start := wb.c.lastDir
	if start != "" && !strings.HasSuffix(start, string(filepath.Separator)) {
		start += string(filepath.Separator)
	}
	d, cmd := newAttachDialog(wb.c, subject, start, max(wb.centerWidth()-4, 1))
	wb.dialogs.open(d)
	return cmd
}

// attach closes the path prompt and attaches what it names, in a command.
func (wb *workbench) attach(a attachPath) tea.Cmd {
	wb.dialogs.close()
	wb.message = fmt.Sprintf(wb.c.l.Screens.Attaching, a.subject)
	be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
	return func() tea.Msg { return attachFiles(be, id, aid, a.subject, a.path) }
}

// ownPath reports whether typed text starts a path that does not continue
// the folder before it.
func ownPath(s string) bool {
	s = strings.TrimLeft(s, `"'`)
	switch {
	case s == "":
		return false
	case s[0] == '/' || s[0] == '\\' || s[0] == '~':
		return true
	}
	return len(s) >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/') &&
		(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z')
}

// completedMsg is what tab found for a path prefix.
type completedMsg struct {
	prefix  string
	matches []string // full paths; folders end with the separator
}

func (completedMsg) forWorkbench() {}

// completePath lists what a typed path prefix can complete to.
func completePath(prefix string) tea.Cmd {
	return func() tea.Msg {
		dir, base := filepath.Split(expandHome(trimQuotes(prefix)))
		read := dir // a bare name completes in the current folder
		if read == "" {
			read = "."
		}
		entries, err := os.ReadDir(read)
		if err != nil {
			return completedMsg{prefix: prefix}
		}
		var out []string
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(strings.ToLower(name), strings.ToLower(base)) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
				continue
			}
			full := dir + name // the folder as typed, ./ and all
			if e.IsDir() {
				full += string(filepath.Separator)
			}
			out = append(out, full)
		}
		sort.Strings(out)
		return completedMsg{prefix: prefix, matches: out}
	}
}

// completed hands tab's findings to the path prompt, if it is still open.
func (wb *workbench) completed(msg completedMsg) {
	if d, ok := wb.dialogs.top().(*attachDialog); ok {
		d.completed(msg)
	}
}

// attachedMsg says what an attach did.
type attachedMsg struct {
	subject string
	dir     string // the folder the files came from, for the next prompt
	n       int
	err     error
}

func (attachedMsg) forWorkbench() {}

// attachFiles attaches the file, the files a pattern matches, or every
// file of a folder (a folder's photos at once), in order; it stops at the
// first refusal, keeping what was attached before it.
func attachFiles(be Backend, id store.Identity, aid, subject, input string) attachedMsg {
	p := expandHome(trimQuotes(input))
	var files []string
	fi, err := os.Stat(p)
	switch {
	case err == nil && fi.IsDir():
		entries, err := os.ReadDir(p)
		if err != nil {
			return attachedMsg{subject: subject, err: err}
		}
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
	case err != nil && strings.ContainsAny(p, "*?["):
		files, _ = filepath.Glob(p)
	default:
		files = []string{p}
	}
	msg := attachedMsg{subject: subject, dir: filepath.Dir(p)}
	if fi != nil && fi.IsDir() {
		msg.dir = p
	}
	if len(files) == 0 {
		msg.err = fmt.Errorf("%s: no files", input)
		return msg
	}
	for _, f := range files {
		if _, err := be.Attach(id, aid, subject, f, ""); err != nil {
			msg.err = err
			return msg
		}
		msg.n++
	}
	return msg
}

// attached reports the result and reloads the assessment.
func (wb *workbench) attached(msg attachedMsg) tea.Cmd {
	if msg.dir != "" {
		wb.c.lastDir = msg.dir
	}
	if msg.err != nil {
		wb.failure = wb.c.l.UI.Error + oneLine(wb.c.refusedText(msg.err))
		if msg.n > 0 {
			wb.failure = fmt.Sprintf(wb.c.l.Screens.AttachedN, msg.n, msg.subject) + "; " + wb.failure
		}
	} else {
		wb.failure = ""
		wb.message = fmt.Sprintf(wb.c.l.Screens.AttachedN, msg.n, msg.subject)
	}
	return wb.reload()
}

// openEvidenceList shows the selection's attachments.
func (wb *workbench) openEvidenceList() tea.Cmd {
	subject := wb.evidenceSubject()
	if subject == "" {
		return nil
	}
	wb.dialogs.open(newEvidenceDialog(wb.c, subject, func() []store.Attachment { return wb.evidence[subject] }))
	return nil
}

// evidenceAction carries out what the evidence list asked for.
func (wb *workbench) evidenceAction(a action) tea.Cmd {
	switch a := a.(type) {
	case attachMore:
		if wb.readOnly() {
			return nil // the list stays open, saying why
		}
		wb.dialogs.close()
		return wb.startAttach()
	case openAttachment:
		att := a.att
		be, open := wb.c.opts.Backend, wb.c.opts.OpenFile
		wb.message = fmt.Sprintf(wb.c.l.Screens.Opening, textwidth.Line(att.Name))
		return func() tea.Msg { return openEvidence(be, open, att) }
	case askDetach:
		if wb.readOnly() {
			return nil
		}
		att := a.att
		be, id, aid := wb.c.opts.Backend, wb.c.id, wb.a.ID
		wb.dialogs.open(newConfirm(wb.c, fmt.Sprintf(wb.c.l.Screens.ConfirmDetach, textwidth.Line(att.Name), att.Subject), func() tea.Cmd {
			return func() tea.Msg {
				_, err := be.Detach(id, aid, att.Subject, att.SHA256)
				return detachedMsg{name: att.Name, err: err}
			}
		}))
	}
	return nil
}

// detachedMsg says what a detach did.
type detachedMsg struct {
	name string
	err  error
}

func (detachedMsg) forWorkbench() {}

// openedMsg says whether the viewer started.
type openedMsg struct {
	name string
	err  error
}

func (openedMsg) forWorkbench() {}

// openEvidence writes the file to a private temporary folder under its own
// name and starts the system's viewer on it (xdg-open, open, start).
func openEvidence(be Backend, open func(string) error, att store.Attachment) openedMsg {
	if err := os.MkdirAll(viewRoot(), 0o700); err != nil {
		return openedMsg{name: att.Name, err: err}
	}
	dir, err := os.MkdirTemp(viewRoot(), "file-*")
	if err != nil {
		return openedMsg{name: att.Name, err: err}
	}
	path := filepath.Join(dir, filepath.Base(strings.ReplaceAll(att.Name, `\`, "_")))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return openedMsg{name: att.Name, err: err}
	}
	_, err = be.WriteEvidence(att.SHA256, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(dir)
		return openedMsg{name: att.Name, err: err}
	}
	if open == nil {
		open = systemOpen
	}
	if err := open(path); err != nil {
		// No viewer (a server without a desktop): say where the copy is.
		return openedMsg{name: att.Name, err: fmt.Errorf("%w; the file is at %s", err, path)}
	}
	return openedMsg{name: att.Name}
}

// systemOpen starts the desktop's viewer for a file and does not wait.
func systemOpen(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it whenever the viewer's launcher exits
	return nil
}

// evidenceLines lists a subject's attachments under its input, and says
// when the rubric wants one that is missing.
func (wb *workbench) evidenceLines(subject string, inner int) []string {
	var out []string
	for _, a := range wb.evidence[subject] {
		line := "    " + wb.c.l.Screens.EvidenceMark + " " + textwidth.Line(a.Name) + "  " + store.HumanSize(a.Size) + "  " + textwidth.Line(a.Inspector)
		out = append(out, wb.c.styles.Dim.Render(fit(line, inner)))
	}
	if wb.missingEvidence(subject) {
		out = append(out, wb.c.styles.Error.Render(fit("    "+wb.c.l.Screens.MissingEvidence, inner)))
	}
	return out
}

func suffixSep(p string) string {
	if strings.HasSuffix(p, string(filepath.Separator)) {
		return string(filepath.Separator)
	}
	return ""
}

// trimQuotes removes the quotes Windows Explorer's "copy as path" adds.
func trimQuotes(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// expandHome turns a leading ~ into the home folder.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}

// photoInfo reads a photo's capture time and place for an attachment.
func photoInfo(path string) (string, string) {
	info, err := photo.Read(path)
	if err != nil {
		return "", ""
	}
	return info.Taken, info.GPS
}

// viewRoot is where this run of the workbench puts the copies it opens;
// Run removes it when the workbench closes, so evidence files do not stay
// behind in the temporary folder.
func viewRoot() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("kaohe-view-%d", os.Getpid()))
}
