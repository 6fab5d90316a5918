package tui

import (
	"fmt"
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// Minimum usable size; below it the workbench asks for a larger window.
const (
	minWidth  = 72
	minHeight = 20
)

// layout splits the width between the three panes.
func (wb *workbench) layout() (nav, center, score int) {
	w := wb.c.w
	nav = clamp(w*30/100, 24, 56)
	score = clamp(w*27/100, 24, 44)
	center = w - nav - score
	return
}

func (wb *workbench) centerWidth() int {
	_, c, _ := wb.layout()
	return c
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

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

// marker is an indicator's state in the navigator: "." not recorded, "✓"
// recorded without deduction, "-0.60" deducted, a leading "~" while only
// partly recorded, a trailing "*" when a cap bound, a leading "!" when in
// conflict.
func (wb *workbench) marker(ind *rubric.Indicator) (string, bool, bool) {
	ir, _ := wb.res.Indicator(ind.ID)
	conflict := false
	for _, r := range ind.Rules {
		if _, ok := wb.conflicts[r.ID]; ok {
			conflict = true
		}
		if _, ok := wb.signOff[r.ID]; ok {
			conflict = true
		}
	}
	var m string
	switch {
	case ir.Recorded == 0:
		m = "."
	case ir.Bonus && ir.Deduction > 0:
		m = "+" + ir.Deduction.Fixed(2)
	case ir.Deduction == 0 && ir.Complete:
		m = "✓"
	case ir.Deduction == 0:
		m = "~"
	default:
		m = "-" + ir.Deduction.Fixed(2)
	}
	if !ir.Complete && ir.Recorded > 0 && m != "~" {
		m = "~" + m // partly recorded, even when it already deducts
	}
	capped := ir.AnyCapBound()
	if capped {
		m += "*"
	}
	if conflict {
		m = "!" + m
	}
	return m, capped, conflict
}

// navigatorView renders the category/indicator tree.
func (wb *workbench) navigatorView(w, h int) []string {
	inner := w - 2
	var lines []string
	if wb.mode == editFilter || wb.filter != "" {
		lines = append(lines, fit(wb.c.l.UI.Filter+wb.filterText(), inner))
	}
	// Only the rows in view are drawn, each from a cache that a new score,
	// size or style empties: a keystroke redraws little.
	start := scrollWindow(len(lines)+wb.cursor, len(lines)+len(wb.rows), h-2) - len(lines)
	start = max(start, 0)
	end := min(len(wb.rows), start+h-2)
	key := navCacheKey{inner: inner, gen: wb.renderGen, styleGen: wb.c.styleGen}
	if wb.navCache == nil || wb.navCacheKey != key {
		wb.navCache, wb.navCacheKey = map[navRowKey]string{}, key
	}
	for i := start; i < end; i++ {
		r := wb.rows[i]
		k := navRowKey{cat: r.cat, ind: r.ind, cursor: i == wb.cursor}
		line, ok := wb.navCache[k]
		if !ok {
			line = wb.navigatorRow(r, k.cursor, inner)
			wb.navCache[k] = line
		}
		lines = append(lines, line)
	}
	return fittedBox(&wb.c.styles, wb.navigatorTitle(), wb.mode == editNone || wb.mode == editFilter, lines, w, h)
}

// navigatorTitle is the navigator's title line: the full title of the row
// under the cursor (its rows cut titles to fit), as much as the border holds.
func (wb *workbench) navigatorTitle() string {
	if wb.cursor < 0 || wb.cursor >= len(wb.rows) {
		return wb.c.l.UI.Navigator
	}
	r := wb.rows[wb.cursor]
	if r.ind == nil {
		return r.cat.ID + " " + textwidth.Line(r.cat.Title)
	}
	return r.ind.ID + " " + plainTitle(r.ind)
}

// narrowNav is the navigator's inner width below which a category row shows
// only its number and title, as much of it as fits: its score is beside it
// in the score pane.
const narrowNav = 30

// navCacheKey is what every cached navigator row depends on.
type navCacheKey struct{ inner, gen, styleGen int }

// navRowKey names one cached navigator row.
type navRowKey struct {
	cat    *rubric.Category
	ind    *rubric.Indicator
	cursor bool
}

// navigatorRow draws one row of the navigator, exactly inner columns wide.
func (wb *workbench) navigatorRow(r row, cursor bool, inner int) string {
	styles := &wb.c.styles
	if r.ind == nil {
		title := r.cat.ID + " " + textwidth.Sanitize(textwidth.Head(r.cat.Title, inner), false)
		l := fit(title, inner)
		if inner >= narrowNav {
			cr := wb.categoryResult(r.cat.ID)
			score := scoreOf(cr.Score, cr.Max)
			l = fit(title, inner-textwidth.Width(score)-1) + " " + score
		}
		if cursor {
			return styles.Cursor.Render(l)
		}
		return styles.Header.Render(l)
	}
	m, capped, conflict := wb.marker(r.ind)
	mw := 8
	title := " " + r.ind.ID + " " + wb.titles[r.ind.ID]
	if wb.indicatorHasEvidence(r.ind.ID) {
		// Marked before the title, so the mark is never cut off.
		title = " " + r.ind.ID + wb.c.words.EvidenceMark + wb.titles[r.ind.ID]
	}
	left := fit(textwidth.Head(title, inner), inner-mw)
	right := textwidth.PadLeft(m, mw)
	switch {
	case cursor:
		return styles.Cursor.Render(left + right)
	case conflict:
		return left + styles.Conflict.Render(right)
	case capped:
		return left + styles.Capped.Render(right)
	case strings.Contains(m, "-"):
		return left + styles.Deducted.Render(right)
	case m == "✓" || strings.HasPrefix(m, "+"):
		return left + styles.Good.Render(right)
	}
	return left + styles.Dim.Render(right)
}

func (wb *workbench) filterText() string {
	if wb.mode == editFilter {
		return wb.valueInput.View()
	}
	return textwidth.Sanitize(wb.filter, false)
}

func (wb *workbench) categoryResult(id string) *scoring.CategoryResult {
	for i := range wb.res.Categories {
		if wb.res.Categories[i].ID == id {
			return &wb.res.Categories[i]
		}
	}
	return &scoring.CategoryResult{}
}

// indicatorView renders the centre pane: texts and one input per rule.
func (wb *workbench) indicatorView(w, h int) []string {
	inner := w - 2
	ind := wb.current()
	switch {
	case wb.mode == viewUnrecorded:
		return box(&wb.c.styles, wb.c.words.ListUnrecorded, true, wb.unrecordedView(inner, h-2), w, h)
	case wb.mode == viewChecks:
		return box(&wb.c.styles, wb.c.words.ChecksTitle, true, wb.checksView(inner), w, h)
	case wb.mode == viewEvidence:
		return box(&wb.c.styles, fmt.Sprintf(wb.c.words.EvidenceTitle, wb.evidenceSubject()), true, wb.evidenceView(inner, h-2), w, h)
	case wb.mode == editAttach:
		return box(&wb.c.styles, wb.c.words.Attach, true, wb.attachPromptLines(inner), w, h)
	case wb.mode == editReopen:
		lines := append(wrapPrefixed(wb.c.words.Reopen+wb.c.l.Values.Colon, wb.reasonIn.View(), inner), "")
		lines = appendWrapped(lines, wb.c.styles.Dim, "", wb.c.words.ReopenReason, inner)
		if wb.inlineErr != "" {
			lines = appendWrapped(lines, wb.c.styles.Error, "", wb.inlineErr, inner)
		}
		return box(&wb.c.styles, wb.c.words.Reopen, true, lines, w, h)
	case wb.mode == viewHistory:
		var lines []string
		for _, s := range wb.history {
			lines = appendWrapped(lines, wb.c.styles.Text, "", s, inner)
		}
		return box(&wb.c.styles, wb.historyHead, true, lines, w, h)
	case len(wb.rows) == 0:
		return box(&wb.c.styles, wb.c.l.UI.Indicator, false, textwidth.Wrap(wb.c.words.NoMatch, max(inner, 1)), w, h)
	}
	if ind == nil {
		return box(&wb.c.styles, wb.c.l.UI.Indicator, false, wb.categoryOverview(inner), w, h)
	}
	l := wb.c.l
	var lines []string
	selLine := 0
	lines = append(lines, wb.c.styles.Strong.Render(fit(indicatorHead(wb.rows[wb.cursor].cat, ind, inner-8), inner-8))+
		wb.c.styles.Dim.Render(textwidth.PadLeft(fmt.Sprintf(l.UI.PointsOf, ind.Points), 8)))
	if wb.signed != nil {
		for _, s := range textwidth.Wrap(wb.signedText(), inner) {
			lines = append(lines, wb.c.styles.Warning.Render(s))
		}
	}
	if ss := wb.conflicts[store.SubjectStatus]; ss != nil {
		var who []string
		for _, h := range ss.Heads {
			who = append(who, textwidth.Sanitize(h.Inspector, false)+":"+l.StatusName(store.StatusOf(h.Value)))
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
	lines = append(lines, wb.c.styles.Border.Render(strings.Repeat("─", inner)))
	ir, _ := wb.res.Indicator(ind.ID)
	selEnd := 0
	// The selected input's error goes right under it.
	errorLines := func() {
		if wb.inlineErr != "" {
			for _, s := range textwidth.Wrap(wb.inlineErr, inner) {
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
		return box(&wb.c.styles, title, wb.mode != editNone && wb.mode != editFilter, lines, w, h)
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
	title += fmt.Sprintf(" %d–%d/%d %s", start+1, start+room, len(rest), wb.c.words.More)
	shown := append([]string{lines[0]}, rest[start:start+room]...)
	return box(&wb.c.styles, title, wb.mode != editNone && wb.mode != editFilter, shown, w, h)
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
	editingThis := selected && (wb.mode == editValue || wb.mode == editResolveNew)
	switch {
	case editingThis:
		field = "[" + wb.valueInput.View() + "]"
	case selected && wb.mode == editReason && wb.pendingVal != nil:
		field = "[" + wb.pendingVal.String() + "]" // the figure stays in view
	case !rr.Recorded:
		field = wb.c.styles.Dim.Render("[ " + l.UI.NotRecordedYet + " ]")
	case r.Kind.IsBool():
		field = "[" + report.FormatValue(l, rr.Value) + "]"
	default:
		field = "[" + rr.Value.String() + "]"
	}
	unit := textwidth.Sanitize(r.Unit, false)
	if r.Kind.IsBool() {
		unit = ""
	}
	hint := report.RuleHint(l, r)
	if ind := wb.current(); ind != nil {
		if g := ind.GroupOf(r.ID); g != nil {
			hint += wb.c.l.Values.Comma + fmt.Sprintf(wb.c.words.GroupCap, strings.Join(g.Rules, "+"), trim(g.Cap))
		}
	}
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
	if r.Kind == rubric.Discretion && (rr.Note != "" || (selected && wb.mode == editReason)) {
		reason := textwidth.Sanitize(rr.Note, false)
		if selected && wb.mode == editReason {
			reason = wb.reasonIn.View()
		}
		out = append(out, wrapPrefixed("    "+l.UI.RuleNote+wb.c.l.Values.Colon, reason, inner)...)
		if selected && wb.mode == editReason {
			out = appendWrapped(out, wb.c.styles.Dim, "    ", wb.c.words.ReasonPrompt, inner)
		}
	}
	if ss := wb.conflicts[r.ID]; ss != nil {
		out = append(out, wb.conflictLines(ss, selected, inner)...)
	}
	out = append(out, wb.signOffLines(r.ID, inner)...)
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
		v := "—"
		if !h.Tombstone() {
			if dv, err := store.DecodeValue(*h.Value); err == nil {
				v = report.FormatValue(l, &dv)
			}
		}
		s := fmt.Sprintf("    %d) %s  %s  %s", i+1, v, textwidth.Sanitize(h.Inspector, false), h.Wall.Local().Format("01-02 15:04"))
		if h.Note != "" {
			s += "  " + textwidth.Sanitize(h.Note, false)
		}
		out = append(out, wb.c.styles.Warning.Render(fit(s, inner)))
	}
	switch {
	case selected && wb.mode == editPickNote && wb.picking != nil && wb.picking.ss.Subject == ss.Subject:
		out = append(out, wb.pickPromptLines(inner)...)
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
		fmt.Sprintf(wb.c.words.Recorded, recorded, total), "")
	for _, ir := range cr.Indicators {
		fig := fmt.Sprintf("%d/%d  %s / %s", ir.Recorded, len(ir.Rules), ir.Score.Fixed(2), ir.Max.String())
		lines = append(lines, fit(ir.ID+" "+wb.titles[ir.ID], max(inner-textwidth.Width(fig)-1, 1))+" "+fig)
	}
	return lines
}

// scoreView renders the right pane: totals, category bars and why the
// current indicator scores what it does.
func (wb *workbench) scoreView(w, h int) []string {
	inner := w - 2
	l := wb.c.l
	res := wb.res
	var lines []string
	total := l.Total + " " + report.ResultTotalText(l, res)
	lines = append(lines, wb.c.styles.Strong.Render(fit(total, inner)))
	if wb.rng != nil {
		lines = append(lines, wb.c.styles.Conflict.Render(fit(fmt.Sprintf(l.UI.Range, wb.rng.Min.Fixed(2), wb.rng.Max.Fixed(2)), inner)))
	}
	lines = append(lines, fit(fmt.Sprintf("%s %s / %s", l.Base, res.Base.Fixed(2), res.BaseMax), inner))
	lines = append(lines, fit(fmt.Sprintf("%s %s / %s", l.Bonus, res.Bonus.Fixed(2), res.BonusMax), inner))
	p := res.Progress
	lines = append(lines, fit(fmt.Sprintf("%s %d/%d", l.Progress, p.IndicatorsRecorded, p.IndicatorsTotal), inner), "")
	barW := max(inner-16, 2)
	for _, c := range res.Categories {
		label := textwidth.PadRight(c.ID, 2)
		fig := textwidth.PadLeft(scoreOf(c.Score, c.Max), 12)
		lines = append(lines, label+" "+wb.bar(c.Score, c.Max, barW)+" "+fig)
	}
	ind := wb.current()
	if ind != nil {
		ir, _ := res.Indicator(ind.ID)
		lines = append(lines, "", wb.c.styles.Header.Render(fit(l.UI.ThisIndicator+" "+ind.ID, inner)))
		for _, rr := range ir.Rules {
			v := "—"
			if rr.Recorded {
				v = report.FormatValue(l, rr.Value)
			}
			left := " " + rr.ID + " " + v
			right := rr.Amount.Fixed(2)
			if rr.Capped {
				right = rr.Raw.Fixed(2) + "→" + rr.Amount.Fixed(2)
			}
			lines = append(lines, fit(left, inner-textwidth.Width(right)-1)+" "+right)
			if rr.Capped {
				lines = appendWrapped(lines, wb.c.styles.Capped, "   ", fmt.Sprintf(l.CappedAt, trim(rr.Raw), trim(*rr.Cap)), inner)
			}
		}
		for _, g := range ir.Groups {
			if g.Capped {
				lines = appendWrapped(lines, wb.c.styles.Capped, " ", l.GroupCapped+" "+fmt.Sprintf(l.CappedAt, trim(g.Raw), trim(g.Cap)), inner)
			}
		}
		rawLabel := l.UI.Raw
		if ir.Bonus {
			rawLabel = wb.c.words.BonusTotal // a bonus is never shown as a deduction
		}
		raw := fmt.Sprintf(" %s %s", rawLabel, ir.Raw.Fixed(2))
		lines = append(lines, fit(raw, inner))
		if ir.Capped {
			lines = appendWrapped(lines, wb.c.styles.Capped, " ", l.IndicatorCapped+" "+fmt.Sprintf(l.CappedAt, trim(ir.Raw), trim(ir.Cap)), inner)
		}
		sc := " " + fmt.Sprintf(l.UI.ScoreLine, ir.Score.Fixed(2), ir.Max.String())
		if wb.rng != nil {
			if sp, ok := wb.rng.Indicators[ind.ID]; ok && sp.Min != sp.Max {
				sc += fmt.Sprintf(" (%s–%s)", sp.Min.Fixed(2), sp.Max.Fixed(2))
			}
		}
		lines = append(lines, wb.c.styles.Strong.Render(fit(sc, inner)))
	}
	if len(lines) > h-2 { // short window: drop the spacing lines first
		var packed []string
		for _, ln := range lines {
			if ln != "" {
				packed = append(packed, ln)
			}
		}
		lines = packed
	}
	return box(&wb.c.styles, l.UI.ScorePanel, false, lines, w, h)
}

// appendWrapped adds text wrapped to inner columns, each line after a
// prefix (an indent, never an orphan), in a style.
func appendWrapped(lines []string, style lipgloss.Style, prefix, text string, inner int) []string {
	for _, s := range wrapPrefixed(prefix, text, inner) {
		lines = append(lines, style.Render(fit(s, inner)))
	}
	return lines
}

// scoreOf is the one format of a score everywhere: 13.00 / 15.
func scoreOf(score, maxPts decimal.Dec) string { return score.Fixed(2) + " / " + maxPts.String() }

// trim prints a figure without trailing zeros (扣1.6分，封顶1分).
func trim(d decimal.Dec) string { return d.String() }

// bar draws score/max as a bar of ASCII cells (no East-Asian-ambiguous
// glyphs, so it is the same width in every locale).
func (wb *workbench) bar(score, maxPts decimal.Dec, w int) string {
	return drawBar(&wb.c.styles, score, maxPts, w)
}

// drawBar draws score/max in w cells.
func drawBar(styles *Styles, score, maxPts decimal.Dec, w int) string {
	if maxPts <= 0 || w <= 0 {
		return strings.Repeat(" ", max(w, 0))
	}
	full := int(int64(score) * int64(w) / int64(maxPts))
	full = clamp(full, 0, w)
	return styles.BarFull.Render(strings.Repeat("#", full)) + styles.BarEmpty.Render(strings.Repeat("-", w-full))
}
