package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// The stages a report shows (Filter.Stage): the preliminary result (what
// was signed and sent to the unit) or the final one (the signed findings
// with the upheld appeals' values, once frozen). StageLatest, the
// default, shows each assessment at the latest stage it reached.
const (
	StageLatest      = ""
	StagePreliminary = "preliminary"
	StageFinal       = "final"
)

// AppealFigures are an assessment's result before and after its appeals,
// as the ranking and its sheet show them once a result was sent to the
// unit (Feedback set).
type AppealFigures struct {
	// Stage is the stage the assessment reached (assessment.Stage*);
	// Shown the one the report shows (StagePreliminary or StageFinal).
	Stage string `json:"stage,omitempty"`
	Shown string `json:"stage_shown,omitempty"`
	// Preliminary is the signed total (初步得分); Final the total with the
	// upheld appeals (最终得分), and Adjustment their difference (申诉调整).
	Preliminary decimal.Dec `json:"preliminary"`
	Adjustment  decimal.Dec `json:"adjustment"`
	Final       decimal.Dec `json:"final"`
	// RankBefore is the rank by the preliminary totals among every unit of
	// the period; RankAfter by the final ones (a unit not final yet counts
	// with its preliminary total).
	RankBefore int `json:"rank_before,omitempty"`
	RankAfter  int `json:"rank_after,omitempty"`
	// FeedbackOn and Deadline are the latest round's day of issue and
	// deadline; FinalOn the day of the final result ("" until frozen).
	FeedbackOn string `json:"feedback_on,omitempty"`
	Deadline   string `json:"deadline,omitempty"`
	FinalOn    string `json:"final_on,omitempty"`
	// AfterFinal counts the appeals and decisions merged in after the
	// result was frozen: a conflict against it, shown, never applied.
	AfterFinal int `json:"after_final,omitempty"`
}

// SheetAppeal is one appeal as a score sheet lists it.
type SheetAppeal struct {
	Rule     string `json:"rule"`
	On       string `json:"on"`
	Late     bool   `json:"late,omitempty"`
	Reason   string `json:"reason"`
	Decision string `json:"decision"` // worded: 采纳 0.5, 不予采纳, 待复核
	Note     string `json:"decision_note,omitempty"`
}

// stageResults are an assessment's preliminary and final results and the
// figures the report shows of them; shown is the result of the stage the
// report shows.
func stageResults(st *store.State, stage string) (shown *scoring.Result, fig *AppealFigures, err error) {
	pre, err := st.Score()
	if err != nil {
		return nil, nil, err
	}
	fb, _ := st.Feedback()
	if fb == nil {
		if stage == StageFinal {
			return nil, nil, i18n.Errorf("--stage final: %s has no final result yet (kaohe finalize --period P)", st.Assessment.Label())
		}
		return pre, nil, nil
	}
	fin, err := scoring.Score(st.Rubric, st.FinalFindings())
	if err != nil {
		return nil, nil, err
	}
	fig = &AppealFigures{Stage: st.Stage(), Preliminary: pre.Total, FeedbackOn: fb.IssuedOn, Deadline: fb.Deadline,
		AfterFinal: len(st.FinalConflicts())}
	final := fig.Stage == assessment.StageFinal
	if final {
		f, _ := st.Final()
		fig.FinalOn = f.On
		fig.Final, fig.Adjustment = fin.Total, fin.Total-pre.Total
	}
	switch {
	case stage == StageFinal && !final:
		return nil, nil, i18n.Errorf("--stage final: %s has no final result yet (kaohe finalize --period P)", st.Assessment.Label())
	case stage == StagePreliminary || !final:
		fig.Shown = StagePreliminary
		return pre, fig, nil
	}
	fig.Shown = StageFinal
	return fin, fig, nil
}

// CheckStage refuses a stage a report cannot show.
func CheckStage(stage string) error {
	switch stage {
	case StageLatest, StagePreliminary, StageFinal:
		return nil
	}
	return i18n.Errorf("--stage %q: a report shows the preliminary or the final result", stage)
}

// rankBeforeAfter sets each row's ranks before and after the appeals,
// among peers (every unit of the period), by ranking copies of them by
// their preliminary and their final totals.
func rankBeforeAfter(peers []RankRow) map[string][2]int {
	out := map[string][2]int{}
	for pass := 0; pass < 2; pass++ {
		rows := make([]RankRow, len(peers))
		copy(rows, peers)
		for i := range rows {
			if f := rows[i].Appeal; f != nil {
				rows[i].Total = f.Preliminary
				if pass == 1 && f.FinalOn != "" {
					rows[i].Total = f.Final
				}
			}
		}
		rank(rows)
		for _, r := range rows {
			k := rowKey(r.Unit, r.Period, r.Rubric)
			v := out[k]
			v[pass] = r.Rank
			out[k] = v
		}
	}
	return out
}

// sheetAppeals are the assessment's appeals of its latest feedback round,
// worded for its sheet.
func sheetAppeals(l *i18n.Labels, st *store.State) []SheetAppeal {
	fb, _ := st.Feedback()
	if fb == nil {
		return nil
	}
	var out []SheetAppeal
	for _, a := range st.RoundAppeals(fb.Round) {
		sa := SheetAppeal{Rule: a.Rule, On: a.On, Late: a.Late, Reason: clean(a.Reason), Decision: DecisionText(l, a)}
		if a.DecisionRevision != nil && !a.DecisionConflict {
			sa.Note = clean(a.DecisionRevision.Note)
		}
		out = append(out, sa)
	}
	return out
}

// DecisionText words an appeal's decision: upheld with the value, rejected,
// open, or in conflict between two laptops.
func DecisionText(l *i18n.Labels, a store.Appeal) string {
	switch {
	case a.DecisionConflict:
		return l.Appeals.InConflict
	case a.Decision == nil:
		return l.Appeals.Open
	case a.Decision.Decision == assessment.DecisionUphold && a.Decision.Value != nil:
		return l.Appeals.Uphold + " " + a.Decision.Value.String()
	case a.Decision.Decision == assessment.DecisionUphold:
		return l.Appeals.Uphold
	}
	return l.Appeals.Reject
}

// StageName words a stage of a signed result.
func StageName(l *i18n.Labels, stage string) string {
	switch stage {
	case assessment.StageSigned:
		return l.Appeals.StageSigned
	case assessment.StagePreliminary:
		return l.Appeals.StagePreliminary
	case assessment.StageAppealing:
		return l.Appeals.StageAppealing
	case assessment.StageFinal:
		return l.Appeals.StageFinal
	}
	return ""
}

// HasAppealFigures says some unit of the report had its result sent:
// the ranking then has the columns of the result before and after appeals.
func (r *Report) HasAppealFigures() bool {
	for _, row := range r.Ranking {
		if row.Appeal != nil {
			return true
		}
	}
	return false
}

// appealColumns are the ranking's columns of the result before and after
// appeals, after its own.
func (r *Report) appealColumns() []string {
	w := r.labels.Appeals
	return []string{w.StageShown, w.Preliminary, w.Adjustment, w.FinalTotal, w.RankBefore, w.RankAfter, w.FeedbackOn, w.FinalOn}
}

// appealCells are a ranking row's cells under appealColumns; empty for a
// unit whose result was not sent, and the final figures empty until its
// result is final.
func (r *Report) appealCells(row RankRow) []string {
	f := row.Appeal
	if f == nil {
		return make([]string, 8)
	}
	cells := []string{shownStageName(r.labels, f), f.Preliminary.Fixed(2), "", "", strconv.Itoa(f.RankBefore), "", f.FeedbackOn, f.FinalOn}
	if f.FinalOn != "" {
		cells[2], cells[3], cells[5] = signed(f.Adjustment), f.Final.Fixed(2), strconv.Itoa(f.RankAfter)
	}
	return cells
}

// shownStageName is the stage a row or sheet shows, worded: 初步 for the
// preliminary result (申诉中 while appeals are open), 已终审 for the final.
func shownStageName(l *i18n.Labels, f *AppealFigures) string {
	if f.Shown == StageFinal {
		return l.Appeals.StageFinal
	}
	if f.Stage == assessment.StageAppealing {
		return l.Appeals.StageAppealing
	}
	return l.Appeals.StagePreliminary
}

// StageLines are the lines a score sheet adds about its result's stage:
// which stage it shows, the totals and ranks before and after appeals, the
// dates; then each appeal with its decision. None for a result never sent.
func (sh *Sheet) StageLines(l *i18n.Labels) []string {
	f := sh.Appeal
	if f == nil {
		return nil
	}
	w := l.Appeals
	c := l.Values.Colon
	parts := []string{w.StageShown + c + shownStageName(l, f), w.Preliminary + c + f.Preliminary.Fixed(2)}
	if f.FinalOn != "" {
		parts = append(parts, w.Adjustment+c+signed(f.Adjustment), w.FinalTotal+c+f.Final.Fixed(2))
	}
	parts = append(parts, w.RankBefore+c+strconv.Itoa(f.RankBefore))
	if f.FinalOn != "" {
		parts = append(parts, w.RankAfter+c+strconv.Itoa(f.RankAfter))
	}
	parts = append(parts, w.FeedbackOn+c+f.FeedbackOn, w.DeadlineOn+c+f.Deadline)
	if f.FinalOn != "" {
		parts = append(parts, w.FinalOn+c+f.FinalOn)
	}
	out := []string{strings.Join(parts, "    ")}
	if len(sh.Appeals) > 0 {
		out = append(out, w.AppealsHeading+c)
		for _, a := range sh.Appeals {
			reason := a.Reason
			if a.Late {
				reason += w.Late
			}
			decision := a.Decision
			if a.Note != "" {
				decision += c + a.Note
			}
			out = append(out, fmt.Sprintf(w.AppealLine, a.Rule, a.On, reason, decision))
		}
	}
	return out
}

// appealXLSX writes a ranking row's appeal cells from column x: the
// totals as numbers, the ranks as integers, the rest as text.
func (r *Report) appealXLSX(w *sheetWriter, x, y int, row RankRow) {
	f := row.Appeal
	if f == nil {
		return
	}
	w.text(x, y, shownStageName(r.labels, f), w.style.center)
	w.num(x+1, y, f.Preliminary, w.style.number)
	w.integer(x+4, y, f.RankBefore, w.style.center)
	w.text(x+6, y, f.FeedbackOn, w.style.center)
	if f.FinalOn != "" {
		w.num(x+2, y, f.Adjustment, w.style.number)
		w.num(x+3, y, f.Final, w.style.number)
		w.integer(x+5, y, f.RankAfter, w.style.center)
		w.text(x+7, y, f.FinalOn, w.style.center)
	}
}
