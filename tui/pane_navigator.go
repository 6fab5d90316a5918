package tui

import (
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

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
	return fittedBox(&wb.c.styles, wb.navigatorTitle(), !wb.dialogs.holdsFocus() && (wb.mode == editNone || wb.mode == editFilter), lines, w, h)
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
		title = " " + r.ind.ID + wb.c.l.Screens.EvidenceMark + wb.titles[r.ind.ID]
	}
	if wb.mine != nil && wb.isMine(r.cat) {
		// The inspector's own indicator: the mark takes the leading
		// space, so the rows stay in line.
		title = wb.c.l.Plan.Mine + strings.TrimPrefix(title, " ")
	}
	left := fit(textwidth.Head(title, inner), inner-mw)
	right := textwidth.PadLeft(m, mw)
	if wb.mine != nil && !wb.isMine(r.cat) && !cursor {
		left = styles.Dim.Render(left) // someone else's, still writable
	}
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

// boilerplate are openings many indicators share; the navigator drops them
// so that its short titles start with what tells them apart.
var boilerplate = []string{"按照省、州要求", "按照要求", "按要求", "积极"}

// distinctTitles are the indicators' short titles for the navigator, each
// told apart from the others: a shared opening phrase is dropped, and when
// two titles still begin alike (6.4 and 6.5: 开展“放管服”改革政务服务工作…)
// the common part is elided: 开展…外出考察学习, 开展…典型经验宣传.
func distinctTitles(rb *rubric.Rubric) map[string]string {
	inds := rb.Indicators()
	titles := make([][]rune, len(inds))
	for i, ind := range inds {
		titles[i] = []rune(plainTitle(ind))
	}
	out := map[string]string{}
	for i, ind := range inds {
		common := 0
		for j := range inds {
			if i != j {
				common = max(common, commonPrefix(titles[i], titles[j]))
			}
		}
		t := titles[i]
		if common >= 6 && common < len(t) {
			t = append(append(append([]rune{}, t[:2]...), '…'), t[common:]...)
		}
		out[ind.ID] = string(t)
	}
	return out
}

// plainTitle is an indicator's short title without a shared opening phrase
// (boilerplate) or a closing 。, whole.
func plainTitle(ind *rubric.Indicator) string {
	t := textwidth.Sanitize(shortTitle(ind), false)
	for _, b := range boilerplate {
		if rest, ok := strings.CutPrefix(t, b); ok && rest != "" {
			t = rest
			break
		}
	}
	return strings.TrimRight(t, "。")
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
