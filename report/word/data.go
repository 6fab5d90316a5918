// Package word writes the documents an assessment office sends, as Word
// files (.docx): the 通报 of a period's results, each unit's 反馈意见书 and
// 整改通知书. Every document is a template filled with a Data — the
// built-in templates and an office's own 红头 template alike — so the two
// go through one filler, and every figure in a Data comes from the same
// report model (report.Build) as the xlsx, so the two never disagree.
package word

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
)

// Kind names a document by its command word.
type Kind string

// The documents kaohe writes.
const (
	Notice   Kind = "tongbao"  // 考核结果通报: the period's ranking
	Feedback Kind = "feedback" // 反馈意见书: one unit's score and deductions
	Rectify  Kind = "rectify"  // 整改通知书: one unit's 问题清单
)

// Kinds lists every document kind, in the order kaohe doc fields shows them.
func Kinds() []Kind { return []Kind{Notice, Feedback, Rectify} }

// Data is what one document is filled with: the fields a template names
// as {{字段}} and the lists whose entries repeat a table row ({{扣分.说明}}).
type Data struct {
	Kind   Kind
	Fields map[string]string
	Lists  map[string][]map[string]string
	// Unit names the unit of a unit's document ("" for the 通报).
	Unit string
}

// Options are what the office gives beside the records: who issues the
// document, its date, the roster's names, and the day it is written.
type Options struct {
	Issuer string
	Date   string // YYYY-MM-DD; "" for the day of Now
	Team   []string
	// Leads are the roster's names with the lead's role (组长).
	Leads []string
	Now   time.Time
	// stages is each unit's stage (assessment.State.Stage), by sheetKey.
	stages map[string]string
	// deadlines is each unit's appeal deadline when feedback was issued.
	deadlines map[string]string
}

// withStates is o knowing each unit's stage and appeal deadline.
func (o Options) withStates(states []*store.State) Options {
	o.stages, o.deadlines = map[string]string{}, map[string]string{}
	for _, st := range states {
		a := st.Assessment
		k := clean(a.Unit) + "\x00" + clean(a.Period) + "\x00" + a.RubricID + " " + a.RubricVersion
		o.stages[k] = st.Stage()
		if fb, _ := st.Feedback(); fb != nil {
			o.deadlines[k] = fb.Deadline
		}
	}
	return o
}

// sheetKey is a sheet's key among the states.
func sheetKey(sh *report.Sheet) string {
	return sh.Unit + "\x00" + sh.Period + "\x00" + sh.RubricID + " " + sh.RubricVersion
}

// date is the document's date as its language writes a 成文日期
// (2022年1月5日, 5 January 2022), or as given when it is not a date.
func (o Options) date(l *i18n.Labels) string {
	d := o.Date
	if d == "" {
		d = timefmt.Local(o.Now).Format("2006-01-02")
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format(l.Doc.DateLayout)
}

// categoryColumns starts the fields of the category columns: 类别1 … 类别N,
// a category's title (scalar) and its score (排名.类别N).
const categoryColumns = "类别"

// Field is one field a template of a kind may name.
type Field struct {
	Name string // 总分, or 扣分.说明 for a field of a repeated row
	List string // the list whose entries repeat the row ("" for a scalar)
}

// Fields lists the fields a template of kind may name, for a rubric of
// ncat categories (类别1 … 类别N name their titles and, in 排名, scores):
// the scalars first, then each list's fields, the lists by name.
func Fields(kind Kind, ncat int) []Field {
	scalars := []string{"标题", "发文机关", "日期", "考核期", "指标", "阶段", "参评单位数", "组长", "成员", "核验"}
	lists := map[string][]string{
		"类别": {"类别", "分值", "得分"},
		"扣分": {"序号", "指标", "说明", "扣分", "佐证"},
		"问题": {"序号", "编号", "指标", "问题", "扣分", "时限", "状态"},
		"成员": {"姓名"},
	}
	if kind == Notice {
		scalars = append(scalars, "共性问题")
		ranking := []string{"名次", "单位", "总分", "等次", "各类得分"}
		for i := 1; i <= ncat; i++ {
			scalars = append(scalars, categoryColumns+strconv.Itoa(i))
			ranking = append(ranking, categoryColumns+strconv.Itoa(i))
		}
		lists = map[string][]string{"排名": ranking, "成员": {"姓名"}, "共性": {"序号", "指标", "内容", "分值", "失分", "单位数", "典型"}}
	} else {
		scalars = append(scalars, "单位", "总分", "基础分", "加分", "名次", "等次", "扣分合计", "申诉期限")
	}
	var out []Field
	for _, s := range scalars {
		out = append(out, Field{Name: s})
	}
	names := make([]string, 0, len(lists))
	for n := range lists {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, f := range lists[n] {
			out = append(out, Field{Name: n + "." + f, List: n})
		}
	}
	return out
}

// known reports whether kind's templates may name field (for ncat
// categories), and the list a row field belongs to.
func known(kind Kind, ncat int, field string) (list string, ok bool) {
	for _, f := range Fields(kind, ncat) {
		if f.Name == field {
			return f.List, true
		}
	}
	return "", false
}

// team is the 考核组 of the documents: the lead (who signed the results)
// and the members (the roster's names, then every other inspector who
// recorded), each once.
func team(sheets []report.Sheet, roster, leads []string) (lead, members []string) {
	seen := map[string]bool{}
	for _, n := range leads {
		if n = clean(n); n != "" && !seen[n] {
			seen[n] = true
			lead = append(lead, n)
		}
	}
	for _, sh := range sheets {
		if sh.SignedBy != "" && !seen[sh.SignedBy] {
			seen[sh.SignedBy] = true
			lead = append(lead, sh.SignedBy)
		}
	}
	for _, n := range roster {
		if n = clean(n); n != "" && !seen[n] {
			seen[n] = true
			members = append(members, n)
		}
	}
	for _, sh := range sheets {
		for _, n := range sh.Inspectors {
			if !seen[n] {
				seen[n] = true
				members = append(members, n)
			}
		}
	}
	return lead, members
}

// clean makes text from a database safe in a document: no control
// characters or escape sequences.
func clean(s string) string { return textwidth.Sanitize(s, true) }

// stage is the stage a document's results are in (assessment.State.Stage):
// the least advanced of its units'; a working copy while one is unsigned.
func stage(l *i18n.Labels, o Options, sheets []report.Sheet) string {
	// The stages, the least advanced first: a document of several units
	// says the stage all of them have reached.
	stageOrder := []string{"", assessment.StageSigned, assessment.StagePreliminary, assessment.StageAppealing, assessment.StageFinal}
	least := len(stageOrder) - 1
	for i := range sheets {
		least = min(least, max(slices.Index(stageOrder, o.stages[sheetKey(&sheets[i])]), 0))
	}
	switch stageOrder[least] {
	case assessment.StageSigned:
		return l.Appeals.StageSigned
	case assessment.StagePreliminary:
		return l.Appeals.StagePreliminary
	case assessment.StageAppealing:
		return l.Appeals.StageAppealing
	case assessment.StageFinal:
		return l.Appeals.StageFinal
	}
	return l.Doc.Working
}

// foot is a document's last lines: the period and stage, then each
// unit's fingerprint (as kaohe verify --fingerprint recomputes it).
func foot(l *i18n.Labels, o Options, period string, sheets []report.Sheet) string {
	lines := []string{fmt.Sprintf(l.Doc.Foot, period, stage(l, o, sheets))}
	for _, sh := range sheets {
		fp := sh.Fingerprint
		if fp == "" {
			fp = l.Report.Unverified
		}
		lines = append(lines, fmt.Sprintf(l.Doc.FootPrint, sh.Unit, fp))
	}
	return strings.Join(lines, "\n")
}

// title is a document's title: 2021年度 + the rubric's title without its
// closing 考核指标/指标 + the document's name.
func title(l *i18n.Labels, period, rubricTitle, name string) string {
	t := strings.TrimSuffix(strings.TrimSuffix(clean(rubricTitle), "考核指标"), "指标")
	return fmt.Sprintf(l.Doc.TitleYear, period) + t + name
}

// fieldsOf are the fields every document has.
func fieldsOf(l *i18n.Labels, r *report.Report, sheets []report.Sheet, o Options, name string) map[string]string {
	lead, members := team(r.Sheets, o.Team, o.Leads)
	among := 0
	if len(r.Ranking) > 0 {
		among = r.Ranking[0].Among
	}
	none := func(names []string) string {
		if len(names) == 0 {
			return l.Doc.NoTeam
		}
		return strings.Join(names, "、")
	}
	return map[string]string{
		"标题": title(l, r.Period, r.Title, name), "发文机关": clean(o.Issuer), "日期": o.date(l),
		"考核期": r.Period, "指标": clean(r.Title), "阶段": stage(l, o, sheets), "参评单位数": strconv.Itoa(among),
		"组长": none(lead), "成员": none(members), "核验": foot(l, o, r.Period, sheets),
	}
}

// members is the 成员 list.
func membersList(r *report.Report, o Options) []map[string]string {
	lead, members := team(r.Sheets, o.Team, o.Leads)
	var out []map[string]string
	for _, n := range append(lead, members...) {
		out = append(out, map[string]string{"姓名": n})
	}
	return out
}

// NoticeData is the 通报 of a report of one period: its ranking with 等次
// and category scores, its 共性问题 (common, the indicators by points lost
// across the period's units, as report.CommonProblems ranks them), the
// 考核组, and each unit's fingerprint at the foot.
func NoticeData(l *i18n.Labels, r *report.Report, o Options, common []report.CommonProblem) Data {
	d := Data{Kind: Notice, Fields: fieldsOf(l, r, r.Sheets, o, l.Doc.Notice), Lists: map[string][]map[string]string{}}
	var lines []string
	for i, c := range common {
		typical := report.TypicalText(l, c.Typical)
		d.Lists["共性"] = append(d.Lists["共性"], map[string]string{
			"序号": strconv.Itoa(i + 1), "指标": c.Indicator, "内容": clean(c.Content), "分值": c.Max.Fixed(2),
			"失分": c.Lost.Fixed(2), "单位数": fmt.Sprintf("%d/%d", c.Units, c.Among), "典型": typical,
		})
		line := fmt.Sprintf(l.Doc.CommonLine, i+1, c.Indicator, clean(c.Content), c.Lost.Fixed(2), c.Units, c.Among)
		if typical != "" {
			line += l.Values.Colon + typical
		}
		lines = append(lines, line+terminal(l))
	}
	d.Fields["共性问题"] = strings.Join(lines, "\n")
	for i, c := range r.Categories {
		d.Fields[categoryColumns+strconv.Itoa(i+1)] = clean(c.Title)
	}
	for _, row := range r.Ranking {
		e := map[string]string{"名次": strconv.Itoa(row.Rank), "单位": row.Unit, "总分": row.TotalText(l), "等次": clean(row.Grade)}
		var cats []string
		for i, c := range row.Categories {
			e[categoryColumns+strconv.Itoa(i+1)] = c.Fixed(2)
			cats = append(cats, c.Fixed(2))
		}
		e["各类得分"] = strings.Join(cats, "、")
		d.Lists["排名"] = append(d.Lists["排名"], e)
	}
	d.Lists["成员"] = membersList(r, o)
	return d
}

// UnitData is one unit's 反馈意见书 or 整改通知书 (kind): its score, rank
// among all, category scores, each deduction as a sentence with its
// evidence, and its 问题清单; st is the unit's state, whose deductions and
// problems the sentences and the list are made from.
func UnitData(l *i18n.Labels, kind Kind, r *report.Report, sh *report.Sheet, st *store.State, o Options) (Data, error) {
	name := l.Doc.Feedback
	if kind == Rectify {
		name = l.Doc.Rectify
		if st.Signed() == nil {
			return Data{}, i18n.Errorf("%s is not signed: its 整改通知书 lists the problems of a signed result", st.Assessment.Label())
		}
	}
	d := Data{Kind: kind, Unit: sh.Unit, Fields: fieldsOf(l, r, []report.Sheet{*sh}, o, name), Lists: map[string][]map[string]string{}}
	d.Fields["标题"] = sh.Unit + d.Fields["标题"]
	var row report.RankRow
	for _, rr := range r.Ranking {
		if rr.Unit == sh.Unit && rr.Period == sh.Period {
			row = rr
		}
	}
	d.Fields["单位"], d.Fields["总分"] = sh.Unit, sh.TotalText(l)
	d.Fields["基础分"], d.Fields["加分"] = sh.Base.Fixed(2), sh.Bonus.Fixed(2)
	d.Fields["名次"], d.Fields["参评单位数"] = strconv.Itoa(row.Rank), strconv.Itoa(row.Among)
	d.Fields["等次"] = clean(sh.Grade)
	d.Fields["申诉期限"] = o.deadlines[sheetKey(sh)]
	for _, c := range sh.Categories {
		d.Lists["类别"] = append(d.Lists["类别"], map[string]string{"类别": clean(c.Heading), "分值": c.Max.Fixed(2), "得分": c.Score.Fixed(2)})
	}
	ds, total, err := deductions(l, sh, st)
	if err != nil {
		return Data{}, err
	}
	d.Fields["扣分合计"] = total.Fixed(2)
	d.Lists["扣分"] = ds
	ps, err := problems(l, st)
	if err != nil {
		return Data{}, err
	}
	d.Lists["问题"] = ps
	d.Lists["成员"] = membersList(r, o)
	return d, nil
}
