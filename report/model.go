package report

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"golang.org/x/text/unicode/norm"
)

// Filter chooses the assessments a report covers.
type Filter struct {
	Period string   // "" for every period
	Units  []string // empty for every unit
	// Unverified names, by assessment ID, the records (worded for the
	// reader) that fail their hash: such a sheet carries no signature and
	// no fingerprint, since neither would vouch for what it shows.
	Unverified map[string][]string
	// Stage is the result shown: StagePreliminary, StageFinal, or
	// StageLatest (each assessment at the latest stage it reached).
	Stage string
	// Analysis asks for each period's 共性问题 and rank margins (Analysis),
	// which a report for some units (Units) leaves out: they would name
	// the other units.
	Analysis bool
	// Compare names an earlier period to compare the report's one period
	// with (同比); "" for none.
	Compare string
	// Dated is the date of writing the titles carry (kaohe report
	// --date); the zero time for the day the report is built.
	Dated time.Time
}

// Report is everything the office receives: a ranking of all units and a
// score sheet per unit. Every export format is written from it, so they all
// carry the same figures.
type Report struct {
	Title     string    `json:"title"`
	Generated time.Time `json:"generated"`
	// Dated is the date of writing printed in the titles.
	Dated      time.Time `json:"dated"`
	Period     string    `json:"period,omitempty"`
	Categories []ColHead `json:"categories"`
	// Graded says the rubric has grades: the ranking then has a 等次 column.
	Graded  bool      `json:"graded,omitempty"`
	Ranking []RankRow `json:"ranking"`
	Sheets  []Sheet   `json:"sheets"`
	// Analyses are each period's 共性问题 and rank margins, when asked for.
	Analyses []Analysis `json:"analysis,omitempty"`
	// Compare is the comparison with an earlier period, when asked for.
	Compare *Comparison `json:"compare,omitempty"`
	// SelfGaps are the indicators the units claimed more for in their
	// self-assessment than was verified (自评差异), largest gap first.
	SelfGaps []SelfGapRow `json:"self_gaps,omitempty"`
	labels   *i18n.Labels
}

// ColHead is a category column of the ranking.
type ColHead struct {
	ID    string      `json:"id"`
	Title string      `json:"title"`
	Max   decimal.Dec `json:"max"`
}

// RankRow is one unit's line in the ranking.
type RankRow struct {
	Rank int `json:"rank"`
	// Among is how many units of the period (under the same rubric) the
	// rank is among: all of them, whichever units the report shows.
	Among      int            `json:"rank_among,omitempty"`
	Unit       string         `json:"unit"`
	Period     string         `json:"period"`
	Rubric     string         `json:"rubric"`
	Total      decimal.Dec    `json:"total"`
	Base       decimal.Dec    `json:"base"`
	Bonus      decimal.Dec    `json:"bonus"`
	Categories []decimal.Dec  `json:"categories"`
	Recorded   int            `json:"indicators_recorded"`
	Indicators int            `json:"indicators_total"`
	Finished   bool           `json:"finished"` // every indicator recorded
	Status     string         `json:"status"`
	Conflicts  int            `json:"conflicts"`
	Range      *scoring.Range `json:"range,omitempty"`
	// Unverified marks a unit some of whose records fail their hash.
	Unverified bool `json:"unverified,omitempty"`
	// Penalty is what the penalty categories took off the total.
	Penalty decimal.Dec `json:"penalty,omitempty"`
	// Grade is the 等次 earned (the last one when vetoed).
	Grade string `json:"grade,omitempty"`
	// VetoedBy lists the veto rules recorded true; Vetoed words them. A
	// vetoed unit ranks below every unit not vetoed.
	VetoedBy []string `json:"vetoed_by,omitempty"`
	Vetoed   string   `json:"vetoed,omitempty"`
	// Appeal is the result before and after appeals, once it was sent
	// to the unit (nil before).
	Appeal *AppealFigures `json:"appeal,omitempty"`
}

// Sheet is one unit's score sheet, laid out like the rubric table.
type Sheet struct {
	Unit          string         `json:"unit"`
	Period        string         `json:"period"`
	RubricID      string         `json:"rubric_id"`
	RubricVersion string         `json:"rubric_version"`
	RubricTitle   string         `json:"rubric_title"`
	Inspectors    []string       `json:"inspectors"`
	Status        string         `json:"status"`
	SignedBy      string         `json:"signed_by,omitempty"`
	SignedAt      *time.Time     `json:"signed_at,omitempty"`
	Categories    []SheetCat     `json:"categories"`
	Base          decimal.Dec    `json:"base"`
	BaseMax       decimal.Dec    `json:"base_max"`
	Bonus         decimal.Dec    `json:"bonus"`
	BonusMax      decimal.Dec    `json:"bonus_max"`
	Total         decimal.Dec    `json:"total"`
	Recorded      int            `json:"indicators_recorded"`
	Indicators    int            `json:"indicators_total"`
	Conflicts     int            `json:"conflicts"`
	Range         *scoring.Range `json:"range,omitempty"`
	// Evidence lists the assessment's attachments (佐证材料), rubric order.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Fingerprint is the digest of the records the sheet was made from;
	// empty when they fail their hash (see Unverified).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Unverified lists the records that fail their hash: the sheet then
	// says 未通过核验 where the signature and the fingerprint would be.
	Unverified []string `json:"unverified,omitempty"`
	// HasPenalty says the rubric has penalty categories; Penalty is what
	// they took off the total.
	HasPenalty bool        `json:"has_penalty,omitempty"`
	Penalty    decimal.Dec `json:"penalty,omitempty"`
	// Grade and VetoedBy are the 等次 and the veto rules recorded true;
	// Verdict says both in words beside the total (why a unit is 不合格).
	Grade    string   `json:"grade,omitempty"`
	VetoedBy []string `json:"vetoed_by,omitempty"`
	Verdict  string   `json:"verdict,omitempty"`
	// Appeal is the result before and after appeals, once it was sent to
	// the unit (nil before); Appeals the appeals of its latest feedback
	// round with their decisions.
	Appeal  *AppealFigures `json:"appeal,omitempty"`
	Appeals []SheetAppeal  `json:"appeals,omitempty"`
	// Averages are each category's average score over every unit of the
	// period (the ranks' peers), to 0.01, for the chart beside the sheet.
	Averages []decimal.Dec `json:"category_averages,omitempty"`
}

// SheetCat is a category block of a score sheet.
type SheetCat struct {
	ID      string      `json:"id"`
	Heading string      `json:"heading"` // 主要工作 with its points, as in the rubric table
	Bonus   bool        `json:"bonus,omitempty"`
	Max     decimal.Dec `json:"max"`
	Score   decimal.Dec `json:"score"`
	Rows    []SheetRow  `json:"indicators"`
}

// SheetRow is one indicator of a score sheet.
type SheetRow struct {
	ID        string      `json:"id"`
	Content   string      `json:"content"`
	Standard  string      `json:"standard"`
	Max       decimal.Dec `json:"max"`
	Deduction decimal.Dec `json:"deduction"` // always 0 for a bonus indicator: a bonus is never a deduction
	Bonus     decimal.Dec `json:"bonus"`     // what a bonus indicator adds (0 elsewhere)
	Score     decimal.Dec `json:"score"`
	Recorded  bool        `json:"recorded"`
	Explain   []string    `json:"explanation"`
	// Sentences are the deductions (or a bonus) as the office writes
	// them, one per rule that counted (Sentences).
	Sentences []string `json:"sentences,omitempty"`
	Note      string   `json:"note,omitempty"`
	// Evidence names the files attached to the indicator and its rules
	// ("1.2.a 台账.pdf"), for the 扣分说明 cell.
	Evidence []string `json:"evidence,omitempty"`
	// Relapses say which deductions repeat a problem the unit's last
	// signed period closed (反弹, RelapseText): what was fixed came back.
	Relapses []string `json:"relapses,omitempty"`
}

// Build assembles the report from the assessments' current states. Ranks
// are always among every assessment of the period, so a report for some
// units shows the ranks they hold among all (and says so, RankNotes).
func Build(states []*store.State, f Filter, l *i18n.Labels, now time.Time) (*Report, error) {
	units := map[string]bool{}
	for _, u := range f.Units {
		if u = strings.TrimSpace(u); u != "" {
			units[norm.NFC.String(u)] = true
		}
	}
	seen := map[string]bool{}
	r := &Report{Generated: timefmt.Local(now), Dated: timefmt.Local(now), Period: f.Period, labels: l}
	if !f.Dated.IsZero() {
		r.Dated = f.Dated
	}
	var peers []RankRow               // every assessment of the period(s), for the ranks
	lbs := store.NewLookbacks(states) // 回头看: the 反弹 of each sheet
	for _, st := range states {
		a := st.Assessment
		if f.Period != "" && a.Period != f.Period {
			continue
		}
		selected := len(units) == 0 || units[a.Unit]
		res, fig, err := stageResults(st, f.Stage)
		if err != nil && !selected {
			res, fig, err = stageResults(st, StageLatest) // a peer ranks by what it has
		}
		if err != nil {
			var m *i18n.Message
			if errors.As(err, &m) {
				return nil, err
			}
			return nil, fmt.Errorf("%s: %v", a.Label(), err)
		}
		row := rankRow(st, res)
		row.Appeal = fig
		row.Vetoed = vetoRules(l, st.Rubric, res.VetoedBy)
		peers = append(peers, row)
		if len(units) > 0 && !units[a.Unit] {
			continue
		}
		seen[a.Unit] = true
		if r.Title == "" {
			r.Title = st.Rubric.Title
			r.Graded = len(st.Rubric.Grades) > 0
			for _, c := range st.Rubric.Categories {
				r.Categories = append(r.Categories, ColHead{ID: c.ID, Title: c.Title, Max: c.Points})
			}
		}
		unverified := f.Unverified[a.ID]
		row.Unverified = len(unverified) > 0
		r.Ranking = append(r.Ranking, row)
		var problems []assessment.Problem
		var lb *store.Lookback
		if lbs.Earlier(st) != nil { // a unit with no earlier signed period has no 反弹
			problems = st.Problems(res)
			if lb, err = lbs.Of(st, problems); err != nil {
				return nil, fmt.Errorf("%s: %v", a.Label(), err)
			}
		}
		sh, err := sheet(l, st, res, unverified, lb, problems)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", a.Label(), err)
		}
		sh.Appeal, sh.Appeals = fig, sheetAppeals(l, st)
		r.Sheets = append(r.Sheets, sh)
		r.SelfGaps = append(r.SelfGaps, selfGapRows(st, res)...)
	}
	sort.SliceStable(r.SelfGaps, func(i, j int) bool { return r.SelfGaps[i].Gap > r.SelfGaps[j].Gap })
	var missing []string
	for _, u := range f.Units {
		if u = strings.TrimSpace(u); u != "" && !seen[norm.NFC.String(u)] {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		if f.Period != "" {
			return nil, i18n.Errorf("no assessment of %s for period %s (kaohe list shows the units)", strings.Join(missing, l.Report.ListSep), f.Period)
		}
		return nil, i18n.Errorf("no assessment of %s (kaohe list shows the units)", strings.Join(missing, l.Report.ListSep))
	}
	if len(r.Ranking) == 0 {
		return nil, i18n.Errorf("no assessment matches (period %q, units %v)", f.Period, f.Units)
	}
	// One report, one rubric: categories of different rubrics are never
	// put in the same columns.
	rubrics := map[string]bool{}
	for _, row := range r.Ranking {
		rubrics[row.Rubric] = true
	}
	if len(rubrics) > 1 {
		var names []string
		for k := range rubrics {
			names = append(names, k)
		}
		sort.Strings(names)
		return nil, i18n.Errorf("the selection mixes rubrics (%s); choose one with --period or --units", strings.Join(names, l.Report.ListSep))
	}
	before := rankBeforeAfter(peers)
	for _, p := range peers {
		if p.Appeal != nil {
			ranks := before[rowKey(p.Unit, p.Period, p.Rubric)]
			p.Appeal.RankBefore, p.Appeal.RankAfter = ranks[0], ranks[1]
		}
	}
	rank(peers)
	ranked := map[string]RankRow{}
	for _, p := range peers {
		ranked[rowKey(p.Unit, p.Period, p.Rubric)] = p
	}
	rank(r.Ranking) // orders the selection; the ranks among all replace its own
	for i := range r.Ranking {
		p := ranked[rowKey(r.Ranking[i].Unit, r.Ranking[i].Period, r.Ranking[i].Rubric)]
		r.Ranking[i].Rank, r.Ranking[i].Among = p.Rank, p.Among
	}
	averages := categoryAverages(peers)
	for i := range r.Sheets {
		sh := &r.Sheets[i]
		sh.Averages = averages[rowKey("", sh.Period, sh.RubricID+" "+sh.RubricVersion)]
	}
	// Sheets follow the ranking's order.
	order := map[string]int{}
	for i, row := range r.Ranking {
		order[rowKey(row.Unit, row.Period, row.Rubric)] = i
	}
	sort.SliceStable(r.Sheets, func(i, j int) bool {
		si, sj := r.Sheets[i], r.Sheets[j]
		return order[rowKey(si.Unit, si.Period, si.RubricID+" "+si.RubricVersion)] <
			order[rowKey(sj.Unit, sj.Period, sj.RubricID+" "+sj.RubricVersion)]
	})
	if f.Analysis || f.Compare != "" {
		if err := r.analyse(states, f, units); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// categoryAverages is each category's average over the peers of a period
// and rubric (keyed by rowKey without a unit), rounded half-up to 0.01.
func categoryAverages(peers []RankRow) map[string][]decimal.Dec {
	sums, counts := map[string][]decimal.Dec{}, map[string]int64{}
	for _, p := range peers {
		k := rowKey("", p.Period, p.Rubric)
		if sums[k] == nil {
			sums[k] = make([]decimal.Dec, len(p.Categories))
		}
		for i, c := range p.Categories {
			if i < len(sums[k]) {
				sums[k][i] += c
			}
		}
		counts[k]++
	}
	out := map[string][]decimal.Dec{}
	for k, sum := range sums {
		avg := make([]decimal.Dec, len(sum))
		for i, s := range sum {
			neg := s < 0
			if neg {
				s = -s
			}
			avg[i] = decimal.MulDivRoundCents(s, decimal.FromInt(1), decimal.FromInt(counts[k]))
			if neg {
				avg[i] = -avg[i]
			}
		}
		out[k] = avg
	}
	return out
}

// rowKey identifies an assessment's line by unit, period and rubric.
func rowKey(unit, period, rubric string) string { return unit + "\x00" + period + "\x00" + rubric }

// RankNotes are the lines saying what the ranks are among, when the report
// shows only some of a period's units (none when it shows them all): one
// per period, named when there are several.
func (r *Report) RankNotes() []string {
	shown, among := map[string]int{}, map[string]int{}
	var periods []string
	for _, row := range r.Ranking {
		if _, ok := shown[row.Period]; !ok {
			periods = append(periods, row.Period)
		}
		shown[row.Period]++
		among[row.Period] = max(among[row.Period], row.Among)
	}
	var out []string
	for _, p := range periods {
		if shown[p] == among[p] {
			continue
		}
		note := fmt.Sprintf(r.labels.Report.RankAmong, among[p])
		if len(periods) > 1 {
			note = p + r.labels.Values.Colon + note
		}
		out = append(out, note)
	}
	return out
}

// Summarize is one assessment's line as the ranking, `kaohe list` and the
// TUI's picker show it (Rank left 0: ranking is Build's business).
func Summarize(st *store.State) (RankRow, error) {
	res, err := st.Score()
	if err != nil {
		return RankRow{}, fmt.Errorf("%s: %v", st.Assessment.Label(), err)
	}
	return rankRow(st, res), nil
}

func rankRow(st *store.State, res *scoring.Result) RankRow {
	a := st.Assessment
	row := RankRow{Unit: clean(a.Unit), Period: clean(a.Period), Rubric: a.RubricID + " " + a.RubricVersion,
		Total: res.Total, Base: res.Base, Bonus: res.Bonus,
		Recorded: res.Progress.IndicatorsRecorded, Indicators: res.Progress.IndicatorsTotal,
		Status: st.Status(), Conflicts: st.ResultConflicts(), Range: res.Range,
		Penalty: res.Penalty, Grade: res.Grade, VetoedBy: res.VetoedBy}
	row.Finished = row.Recorded == row.Indicators
	for _, c := range res.Categories {
		row.Categories = append(row.Categories, c.Score)
	}
	return row
}

// rank ranks units within each period and rubric (latest period first):
// every unit not vetoed before every vetoed one (一票否决), then by total,
// highest first, then unit; equal totals (of the same veto standing) share
// a rank and the next rank skips (1, 2, 2, 4). Among is the number of
// units ranked.
func rank(rows []RankRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Period != rows[j].Period {
			return rows[i].Period > rows[j].Period
		}
		if rows[i].Rubric != rows[j].Rubric {
			return rows[i].Rubric < rows[j].Rubric
		}
		if vi, vj := len(rows[i].VetoedBy) > 0, len(rows[j].VetoedBy) > 0; vi != vj {
			return vj
		}
		if rows[i].Total != rows[j].Total {
			return rows[i].Total > rows[j].Total
		}
		return rows[i].Unit < rows[j].Unit
	})
	same := func(i, j int) bool { return rows[i].Period == rows[j].Period && rows[i].Rubric == rows[j].Rubric }
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && same(start, end) {
			end++
		}
		for i := start; i < end; i++ {
			rows[i].Among = end - start
			if i > start && rows[i].Total == rows[i-1].Total && (len(rows[i].VetoedBy) > 0) == (len(rows[i-1].VetoedBy) > 0) {
				rows[i].Rank = rows[i-1].Rank
			} else {
				rows[i].Rank = i - start + 1
			}
		}
		start = end
	}
}

// sheet lays out one assessment's score sheet; unverified lists its
// records that fail their hash (then it carries no signature and no
// fingerprint).
func sheet(l *i18n.Labels, st *store.State, res *scoring.Result, unverified []string, lb *store.Lookback, problems []assessment.Problem) (Sheet, error) {
	a := st.Assessment
	sh := Sheet{Unit: clean(a.Unit), Period: clean(a.Period), RubricID: a.RubricID, RubricVersion: a.RubricVersion,
		RubricTitle: st.Rubric.Title, Status: st.Status(),
		Base: res.Base, BaseMax: res.BaseMax, Bonus: res.Bonus, BonusMax: res.BonusMax, Total: res.Total,
		Recorded: res.Progress.IndicatorsRecorded, Indicators: res.Progress.IndicatorsTotal,
		Conflicts: st.ResultConflicts(), Range: res.Range,
		HasPenalty: hasPenalty(st.Rubric), Penalty: res.Penalty, Grade: res.Grade, VetoedBy: res.VetoedBy,
		Verdict: VerdictText(l, st.Rubric, res.Grade, res.VetoedBy)}
	for _, name := range st.Inspectors {
		sh.Inspectors = append(sh.Inspectors, clean(name))
	}
	sh.Evidence = evidenceOf(st)
	if len(unverified) > 0 {
		for _, u := range unverified {
			sh.Unverified = append(sh.Unverified, clean(u))
		}
	} else {
		if s := st.Signed(); s != nil {
			sh.SignedBy = clean(s.Inspector)
			t := timefmt.Local(s.Wall)
			sh.SignedAt = &t
		}
		fp, err := st.Fingerprint()
		if err != nil {
			return Sheet{}, err // a sheet without its fingerprint would not say what it was made from
		}
		sh.Fingerprint = fp
	}
	notes := st.Notes()
	relapses := map[string][]string{} // by indicator
	if lb.Relapses() > 0 {
		for _, p := range problems {
			if e, ok := lb.Relapse(p.Key); ok {
				relapses[p.Indicator] = append(relapses[p.Indicator], clean(RelapseText(l, e)))
			}
		}
	}
	for ci := range res.Categories {
		cr := &res.Categories[ci]
		rc := &st.Rubric.Categories[ci]
		sc := SheetCat{ID: cr.ID, Heading: CategoryHeading(rc), Bonus: rc.Bonus, Max: cr.Max, Score: cr.Score}
		for ii := range cr.Indicators {
			ir := &cr.Indicators[ii]
			ind := &rc.Indicators[ii]
			row := SheetRow{ID: ir.ID, Content: ind.Content, Standard: ind.Standard,
				Max: ir.Max, Deduction: ir.Deduction, Score: ir.Score, Recorded: ir.Recorded > 0,
				Explain: Explain(l, ir), Sentences: Sentences(l, st, ir), Note: clean(notes[ir.ID]), Relapses: relapses[ir.ID]}
			if rc.Bonus {
				row.Deduction, row.Bonus = 0, ir.Score
			}
			for _, e := range sh.Evidence {
				if e.Indicator == ir.ID {
					row.Evidence = append(row.Evidence, e.Subject+" "+e.Name)
				}
			}
			sc.Rows = append(sc.Rows, row)
		}
		sh.Categories = append(sh.Categories, sc)
	}
	return sh, nil
}

// CategoryHeading is the 主要工作 cell: the title with its points, exactly as
// the rubric table writes it.
func CategoryHeading(c *rubric.Category) string {
	if c.Bonus {
		return fmt.Sprintf("%s（加分项，共%s分）", c.Title, c.Points)
	}
	if c.Penalty && c.Cap != nil {
		return fmt.Sprintf("%s（扣分项，最多扣%s分）", c.Title, c.Cap)
	}
	if c.Penalty {
		return fmt.Sprintf("%s（扣分项，不设上限）", c.Title)
	}
	return fmt.Sprintf("%s（%s分）", c.Title, c.Points)
}

// clean makes text that came from a database safe for any output.
func clean(s string) string { return textwidth.Sanitize(s, true) }

// RankMark is the ranking's remark for a unit: records failing their
// hash, unfinished, open conflicts.
func (r *Report) RankMark(row RankRow) string {
	var marks []string
	if len(row.VetoedBy) > 0 {
		marks = append(marks, fmt.Sprintf(r.labels.Rules.VetoRank, row.Vetoed))
	}
	if row.Unverified {
		marks = append(marks, r.labels.Report.Unverified)
	}
	if row.Appeal != nil && row.Appeal.AfterFinal > 0 {
		marks = append(marks, fmt.Sprintf(r.labels.Appeals.AfterFinal, row.Appeal.AfterFinal))
	}
	if !row.Finished {
		marks = append(marks, fmt.Sprintf(r.labels.UI.Unfinished, row.Recorded, row.Indicators))
	}
	if row.Conflicts > 0 {
		marks = append(marks, fmt.Sprintf(r.labels.UI.OpenConflicts, row.Conflicts))
	}
	return strings.Join(marks, "；")
}
