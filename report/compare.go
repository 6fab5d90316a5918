package report

import (
	"sort"
	"strings"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/rubric/diff"
	"github.com/kaohe/kaohe/store"
)

// Comparison sets a period's results beside an earlier period's (同比):
// each unit's change of total, of rank and of each category. When the two
// periods were scored under different rubrics, categories and indicators
// are paired by their words, as `rubric diff` pairs them; what has no
// counterpart is listed, never dropped, and so are the units assessed in
// one period only.
type Comparison struct {
	Period  string `json:"period"`
	Earlier string `json:"earlier"`
	// Rubric and EarlierRubric are the two periods' rubrics (id version).
	Rubric        string `json:"rubric"`
	EarlierRubric string `json:"earlier_rubric"`
	// Categories are this period's categories, each with its earlier
	// counterpart (empty when none).
	Categories []ComparedCategory `json:"categories"`
	Units      []UnitChange       `json:"units"`
	// OnlyNow and OnlyEarlier are the units assessed in one period only.
	OnlyNow     []string `json:"only_now,omitempty"`
	OnlyEarlier []string `json:"only_earlier,omitempty"`
	// IndicatorsAdded are this period's indicators with no counterpart in
	// the earlier rubric; IndicatorsRemoved the earlier rubric's with none
	// in this one; the same for categories.
	IndicatorsAdded   []RubricItem `json:"indicators_added,omitempty"`
	IndicatorsRemoved []RubricItem `json:"indicators_removed,omitempty"`
	CategoriesAdded   []RubricItem `json:"categories_added,omitempty"`
	CategoriesRemoved []RubricItem `json:"categories_removed,omitempty"`
}

// ComparedCategory is a category of this period and its earlier
// counterpart. Alike says both hold the same indicators (paired one to one,
// with the same points): only then is its change like for like.
type ComparedCategory struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	EarlierID string `json:"earlier_id,omitempty"`
	Alike     bool   `json:"alike"`
}

// RubricItem names a category or an indicator: its ID and words.
type RubricItem struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// UnitChange is one unit's results in both periods. Rank changes are
// Earlier − Rank: positive when the unit rose.
type UnitChange struct {
	Unit         string         `json:"unit"`
	Total        decimal.Dec    `json:"total"`
	EarlierTotal decimal.Dec    `json:"earlier_total"`
	Change       decimal.Dec    `json:"change"`
	Rank         int            `json:"rank"`
	EarlierRank  int            `json:"earlier_rank"`
	RankChange   int            `json:"rank_change"`
	Categories   []CategoryDiff `json:"categories"`
}

// CategoryDiff is one category's score in both periods; Matched is false
// when the earlier rubric has no counterpart (then only Score is set).
type CategoryDiff struct {
	ID      string      `json:"id"`
	Score   decimal.Dec `json:"score"`
	Earlier decimal.Dec `json:"earlier"`
	Change  decimal.Dec `json:"change"`
	Matched bool        `json:"matched"`
}

// Compare compares now (one period, one rubric) with earlier (another
// period's states, one rubric); nil when either has no state.
func Compare(now, earlier []*store.State) (*Comparison, error) {
	if len(now) == 0 || len(earlier) == 0 {
		return nil, nil
	}
	rbNow, rbThen := now[0].Rubric, earlier[0].Rubric
	c := &Comparison{Period: clean(now[0].Assessment.Period), Earlier: clean(earlier[0].Assessment.Period),
		Rubric: rbNow.ID + " " + rbNow.Version, EarlierRubric: rbThen.ID + " " + rbThen.Version}
	m := diff.Match(rbThen, rbNow)
	for _, id := range m.IndicatorsAdded {
		c.IndicatorsAdded = append(c.IndicatorsAdded, indicatorItem(rbNow, id))
	}
	for _, id := range m.IndicatorsRemoved {
		c.IndicatorsRemoved = append(c.IndicatorsRemoved, indicatorItem(rbThen, id))
	}
	for _, id := range m.CategoriesAdded {
		c.CategoriesAdded = append(c.CategoriesAdded, categoryItem(rbNow, id))
	}
	for _, id := range m.CategoriesRemoved {
		c.CategoriesRemoved = append(c.CategoriesRemoved, categoryItem(rbThen, id))
	}
	thenIndex := map[string]int{}
	for i, cat := range rbThen.Categories {
		thenIndex[cat.ID] = i
	}
	for _, cat := range rbNow.Categories {
		cc := ComparedCategory{ID: cat.ID, Title: clean(cat.Title), EarlierID: m.Categories[cat.ID]}
		if cc.EarlierID != "" {
			cc.Alike = alike(&cat, &rbThen.Categories[thenIndex[cc.EarlierID]], m.Indicators)
		}
		c.Categories = append(c.Categories, cc)
	}
	rowsNow, err := rankedRows(now)
	if err != nil {
		return nil, err
	}
	rowsThen, err := rankedRows(earlier)
	if err != nil {
		return nil, err
	}
	then := map[string]RankRow{}
	for _, r := range rowsThen {
		then[r.Unit] = r
	}
	seen := map[string]bool{}
	for _, r := range rowsNow {
		seen[r.Unit] = true
		e, ok := then[r.Unit]
		if !ok {
			c.OnlyNow = append(c.OnlyNow, r.Unit)
			continue
		}
		u := UnitChange{Unit: r.Unit, Total: r.Total, EarlierTotal: e.Total, Change: r.Total - e.Total,
			Rank: r.Rank, EarlierRank: e.Rank, RankChange: e.Rank - r.Rank}
		for k, cc := range c.Categories {
			d := CategoryDiff{ID: cc.ID, Score: r.Categories[k]}
			if cc.EarlierID != "" {
				d.Earlier, d.Matched = e.Categories[thenIndex[cc.EarlierID]], true
				d.Change = d.Score - d.Earlier
			}
			u.Categories = append(u.Categories, d)
		}
		c.Units = append(c.Units, u)
	}
	for _, r := range rowsThen {
		if !seen[r.Unit] {
			c.OnlyEarlier = append(c.OnlyEarlier, r.Unit)
		}
	}
	sort.Strings(c.OnlyEarlier)
	return c, nil
}

// alike says a category holds the same indicators in both rubrics: each
// paired with one of the other's, with the same points.
func alike(now, then *rubric.Category, pairs map[string]string) bool {
	if len(now.Indicators) != len(then.Indicators) || now.Points != then.Points {
		return false
	}
	points := map[string]decimal.Dec{}
	for _, ind := range then.Indicators {
		points[ind.ID] = ind.Points
	}
	for _, ind := range now.Indicators {
		p, ok := points[pairs[ind.ID]]
		if !ok || p != ind.Points {
			return false
		}
	}
	return true
}

// rankedRows scores and ranks one period's states.
func rankedRows(states []*store.State) ([]RankRow, error) {
	var rows []RankRow
	for _, st := range states {
		res, err := st.Score()
		if err != nil {
			return nil, err
		}
		rows = append(rows, rankRow(st, res))
	}
	rank(rows)
	return rows, nil
}

func indicatorItem(rb *rubric.Rubric, id string) RubricItem {
	_, ind, _ := rb.Indicator(id)
	return RubricItem{ID: id, Text: clean(strings.TrimSpace(ind.Content))}
}

func categoryItem(rb *rubric.Rubric, id string) RubricItem {
	for _, c := range rb.Categories {
		if c.ID == id {
			return RubricItem{ID: id, Text: clean(c.Title)}
		}
	}
	return RubricItem{ID: id}
}
