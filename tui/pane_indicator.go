package tui

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

var (
	numberedPrefix = regexp.MustCompile(`^（\d+）`)
	pointsSuffix   = regexp.MustCompile(`（\d+(\.\d+)?分）$`)
)

// shortTitle is an indicator's content without its （N） number and
// （N分） points, for one-line lists.
func shortTitle(ind *rubric.Indicator) string {
	t := numberedPrefix.ReplaceAllString(ind.Content, "")
	return pointsSuffix.ReplaceAllString(t, "")
}

// indicatorHead is the indicator pane's first line, at most w columns: the
// indicator under its category, "1 行政审批制度改革 / 1.3". The rubric gives
// an indicator no title (its 考核内容 follows), so the category is named
// as such rather than read as the indicator's title; a long category title
// is cut, never the indicator's number.
func indicatorHead(cat *rubric.Category, ind *rubric.Indicator, w int) string {
	prefix, suffix := cat.ID+" ", " / "+ind.ID
	room := w - textwidth.Width(prefix) - textwidth.Width(suffix)
	if room < 2 {
		return ind.ID
	}
	return prefix + textwidth.Truncate(textwidth.Sanitize(cat.Title, false), room, "…") + suffix
}

// indicatorView renders the centre pane: texts and one input per rule.
func (wb *workbench) indicatorView(w, h int) []string {
	inner := w - 2
	ind := wb.current()
	if d := wb.dialogs.pane(); d != nil {
		title, lines := d.pane(inner, h-2)
		return box(&wb.c.styles, title, true, lines, w, h)
	}
	switch {
	case len(wb.rows) == 0:
		return box(&wb.c.styles, wb.c.l.UI.Indicator, false, textwidth.Wrap(wb.c.l.Screens.NoMatch, max(inner, 1)), w, h)
	}
	if ind == nil {
		return box(&wb.c.styles, wb.c.l.UI.Indicator, false, wb.categoryOverview(inner), w, h)
	}
	l := wb.c.l
	var lines []string
	selLine := 0
	lines = append(lines, wb.c.styles.Strong.Render(fit(indicatorHead(wb.rows[wb.cursor].cat, ind, inner-8), inner-8))+
		wb.c.styles.Dim.Render(textwidth.PadLeft(fmt.Sprintf(l.UI.PointsOf, ind.Points), 8)))
	lines = append(lines, wb.planLines(wb.rows[wb.cursor].cat, inner)...)
	lines = append(lines, wb.selfLines(ind, inner)...)
	if wb.signed != nil {
		for _, s := range textwidth.Wrap(wb.signedText(), inner) {
			lines = append(lines, wb.c.styles.Warning.Render(s))
		}
	}
	if ss := wb.conflicts[store.SubjectStatus]; ss != nil {
		var who []string
		for _, h := range ss.Heads {
			who = append(who, textwidth.Sanitize(h.Inspector, false)+":"+l.StatusName(h.Decoded().Status()))
		}
		msg := fmt.Sprintf(l.UI.StatusConflict, strings.Join(who, l.Values.Comma), wb.a.Label())
		for _, s := range textwidth.Wrap(msg, inner) {
			lines = append(lines, wb.c.styles.Conflict.Render(s))
		}
	}
	lines = append(lines, wrapPrefixed(l.UI.Content+wb.c.l.Values.Colon, textwidth.Sanitize(ind.Content, false), inner)...)
	for _, s := range wrapPrefixed(l.UI.Standard+wb.c.l.Values.Colon, textwidth.Sanitize(ind.Standard, false), inner) {
		lines = append(lines, wb.c.styles.Dim.Render(s))
	}
	lines = append(lines, wb.earlierLines(ind.ID, inner)...)
	lines = append(lines, wb.c.styles.Border.Render(strings.Repeat("─", inner)))
	ir, _ := wb.res.Indicator(ind.ID)
	selEnd := 0
	// The selected input's error goes right under it.
	errorLines := func() {
		if err := wb.inputError(); err != "" {
			for _, s := range textwidth.Wrap(err, inner) {
				lines = append(lines, wb.c.styles.Error.Render(s))
			}
		}
		selEnd = len(lines)
	}
	for i := range ind.Rules {
		r := &ind.Rules[i]
		if i == wb.sel {
			selLine = len(lines)
		}
		lines = append(lines, wb.ruleLines(r, &ir.Rules[i], i == wb.sel, inner)...)
		if i == wb.sel {
			errorLines()
		}
	}
	if wb.sel >= len(ind.Rules) {
		selLine = len(lines)
	}
	lines = append(lines, wb.noteLines(ind, wb.sel >= len(ind.Rules), inner)...)
	if wb.sel >= len(ind.Rules) {
		errorLines()
	}
	return wb.scrolledBox(lines, selLine, selEnd, w, h)
}

// scrolledBox shows the indicator pane's lines in a box: the first line
// (indicator and category) stays pinned, the selected input (lines selLine
// to selEnd) is kept in view, and J/K scroll from there; the title says
// where the view is when not everything fits.
func (wb *workbench) scrolledBox(lines []string, selLine, selEnd, w, h int) []string {
	title := wb.c.l.UI.Indicator
	rest := lines[1:]
	room := h - 3 // the border and the pinned line
	if room < 1 || len(rest) <= room {
		wb.scroll = 0
		return box(&wb.c.styles, title, wb.editingInline(), lines, w, h)
	}
	maxStart := len(rest) - room
	// From the top, unless that hides the selected input: then far enough
	// down to show all of it (its conflict, its error), its first line
	// first when it is taller than the pane.
	auto := 0
	if sel, end := selLine-1, selEnd-1; end > room {
		auto = clamp(end-room, 0, max(sel, 0))
	}
	auto = min(auto, maxStart)
	start := clamp(auto+wb.scroll, 0, maxStart)
	wb.scroll = start - auto
	title += fmt.Sprintf(" %d–%d/%d %s", start+1, start+room, len(rest), wb.c.l.Screens.More)
	shown := append([]string{lines[0]}, rest[start:start+room]...)
	return box(&wb.c.styles, title, wb.editingInline(), shown, w, h)
}

// ruleLines renders one rule: its label and kind, then its input with the
// target or range beside it and the deduction it causes.
func (wb *workbench) ruleLines(r *rubric.Rule, rr *scoring.RuleResult, selected bool, inner int) []string {
	l := wb.c.l
	pointer := "  "
	if selected {
		pointer = "> "
	}
	head := pointer + r.ID + " " + textwidth.Sanitize(r.Name(), false)
	if kind := " [" + l.Kind[string(r.Kind)] + "]"; textwidth.Width(head+kind) <= inner {
		head += kind // the kind only when it fits: never split it
	}
	var out []string
	for i, s := range textwidth.Wrap(head, inner) {
		if i > 0 {
			s = "    " + strings.TrimLeft(s, " ")
		}
		if selected {
			out = append(out, wb.c.styles.InputActive.Render(s))
		} else {
			out = append(out, s)
		}
	}
	// The input line.
	var field string
	reason := wb.dialogs.reason()
	editingThis := selected && (wb.mode == editValue || wb.mode == editResolveNew)
	switch {
	case editingThis:
		field = "[" + wb.valueInput.View() + "]"
	case selected && reason != nil && reason.value != nil:
		field = "[" + reason.value.String() + "]" // the figure stays in view
	case !rr.Recorded:
		field = wb.c.styles.Dim.Render("[ " + l.UI.NotRecordedYet + " ]")
	case r.IsBool():
		field = "[" + report.FormatValue(l, rr.Value) + "]"
	default:
		field = "[" + rr.Value.String() + "]"
	}
	unit := textwidth.Sanitize(r.Unit, false)
	if r.IsBool() {
		unit = ""
	}
	hint := wb.ruleHint(r)
	eff := ""
	if rr.Recorded {
		sign := "-"
		if r.Kind == rubric.Bonus {
			sign = "+"
		}
		if rr.Amount == 0 {
			sign = ""
		}
		eff = "→ " + sign + rr.Amount.Fixed(2)
		switch {
		case rr.Capped:
			eff += " " + l.UI.CapBound
		case wb.groupCapped(r.ID):
			eff += " " + l.GroupCapped // the shared cap bound: the total is less
		}
		if rr.Vetoed() {
			eff = "→ " + wb.vetoEffect() // not 0.00: the grade is the last
		}
	}
	line := "    " + field
	if unit != "" {
		line += " " + unit
	}
	if wb.saver.failed(r.ID) {
		line += " " + wb.c.styles.Error.Render("["+wb.c.l.UI.Unsaved+"]")
	}
	out = append(out, fit(line, inner))
	// The hint keeps its whole text (its cap): wrapped, with the effect
	// beside its last line when it fits, else on a line of its own.
	if hint != "" || eff != "" {
		effStyle := wb.c.styles.Deducted
		switch {
		case rr.Capped:
			effStyle = wb.c.styles.Capped
		case rr.Amount == 0 || r.Kind == rubric.Bonus:
			effStyle = wb.c.styles.Good
		}
		hl := wrapPrefixed("    ", hint, inner)
		if numberedLabels(r) {
			hl = wrapChoices("    ", wb.numberedLabelParts(r), inner) // a number stays with its label
		}
		last := hl[len(hl)-1]
		for _, s := range hl[:len(hl)-1] {
			out = append(out, wb.c.styles.Dim.Render(fit(s, inner)))
		}
		switch {
		case eff == "":
			out = append(out, wb.c.styles.Dim.Render(fit(last, inner)))
		case textwidth.Width(last)+1+textwidth.Width(eff) <= inner:
			out = append(out, wb.c.styles.Dim.Render(fit(last, inner-textwidth.Width(eff)-1))+" "+effStyle.Render(eff))
		default:
			out = append(out, wb.c.styles.Dim.Render(fit(last, inner)), effStyle.Render(textwidth.PadLeft(eff, inner)))
		}
	}
	typingReason := selected && reason != nil && reason.value != nil
	if r.Kind == rubric.Discretion && (rr.Note != "" || typingReason) {
		text := textwidth.Sanitize(rr.Note, false)
		if typingReason {
			text = reason.input.View()
		}
		out = append(out, wrapPrefixed("    "+l.UI.RuleNote+wb.c.l.Values.Colon, text, inner)...)
		if typingReason {
			out = appendWrapped(out, wb.c.styles.Dim, "    ", wb.c.l.Screens.ReasonPrompt, inner)
		}
	}
	if ss := wb.conflicts[r.ID]; ss != nil {
		out = append(out, wb.conflictLines(ss, selected, inner)...)
	}
	out = append(out, wb.signOffLines(r.ID, inner)...)
	out = append(out, wb.itemLines(r, inner)...)
	out = append(out, wb.appealLines(r.ID, inner)...)
	return append(out, wb.evidenceLines(r.ID, inner)...)
}

// groupCapped reports whether the cap shared by a rule's group bound.
func (wb *workbench) groupCapped(ruleID string) bool {
	ind := wb.current()
	if ind == nil {
		return false
	}
	g := ind.GroupOf(ruleID)
	if g == nil {
		return false
	}
	ir, _ := wb.res.Indicator(ind.ID)
	for _, gr := range ir.Groups {
		if gr.ID == g.ID {
			return gr.Capped
		}
	}
	return false
}

// conflictLines shows each inspector's value of a subject in conflict and,
// when it is selected, how to settle it.
func (wb *workbench) conflictLines(ss *store.SubjectState, selected bool, inner int) []string {
	l := wb.c.l
	out := []string{wb.c.styles.Conflict.Render(fit("    ! "+l.UI.Conflict+" — "+l.UI.ConflictHeads, inner))}
	for i, h := range ss.Heads {
		v := wb.headValue(h)
		s := fmt.Sprintf("    %d) %s  %s  %s", i+1, v, textwidth.Sanitize(h.Inspector, false), h.Wall.Local().Format("01-02 15:04"))
		if h.Note != "" {
			s += "  " + textwidth.Sanitize(h.Note, false)
		}
		out = append(out, wb.c.styles.Warning.Render(fit(s, inner)))
	}
	switch {
	case selected && wb.dialogs.reason() != nil && wb.dialogs.reason().pick != nil && wb.dialogs.reason().pick.ss.Subject == ss.Subject:
		out = append(out, wb.pickPromptLines(wb.dialogs.reason(), inner)...)
	case selected:
		hint := l.UI.ResolveHint
		if wb.signed != nil {
			hint = wb.signedText()
		}
		out = appendWrapped(out, wb.c.styles.Dim, "    ", hint, inner)
	}
	return out
}

func (wb *workbench) noteLines(ind *rubric.Indicator, selected bool, inner int) []string {
	pointer := "  "
	if selected {
		pointer = "> "
	}
	head := pointer + wb.c.l.UI.IndicatorNote
	var out []string
	if selected {
		out = append(out, wb.c.styles.InputActive.Render(fit(head, inner)))
	} else {
		out = append(out, fit(head, inner))
	}
	if selected && wb.mode == editNote {
		for _, s := range strings.Split(wb.noteArea.View(), "\n") {
			out = append(out, "    "+s)
		}
		return out
	}
	if ss := wb.conflicts[store.NotePrefix+ind.ID]; ss != nil {
		out = append(out, wb.conflictLines(ss, selected, inner)...)
	}
	note := textwidth.Sanitize(wb.notes[ind.ID], true)
	if note == "" {
		out = append(out, wb.c.styles.Dim.Render("    —"))
	} else {
		for _, s := range textwidth.Wrap(note, max(inner-4, 1)) {
			out = append(out, "    "+s)
		}
	}
	return append(out, wb.evidenceLines(ind.ID, inner)...)
}

// categoryOverview is the centre pane when the cursor is on a category.
func (wb *workbench) categoryOverview(inner int) []string {
	r := wb.rows[wb.cursor]
	cr := wb.categoryResult(r.cat.ID)
	lines := wrapPrefixed(r.cat.ID+" ", textwidth.Sanitize(r.cat.Title, false), inner)
	recorded, total := 0, 0
	for _, ir := range cr.Indicators {
		recorded += ir.Recorded
		total += len(ir.Rules)
	}
	lines = append(lines, wb.c.l.Score+" "+scoreOf(cr.Score, cr.Max),
		fmt.Sprintf(wb.c.l.Screens.Recorded, recorded, total), "")
	for _, ir := range cr.Indicators {
		fig := fmt.Sprintf("%d/%d  %s / %s", ir.Recorded, len(ir.Rules), ir.Score.Fixed(2), ir.Max.String())
		lines = append(lines, fit(ir.ID+" "+wb.titles[ir.ID], max(inner-textwidth.Width(fig)-1, 1))+" "+fig)
	}
	return lines
}
