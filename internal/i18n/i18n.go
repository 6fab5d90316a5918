// Package i18n holds every label kaohe shows a person, in Chinese and in
// English. Panes and commands take a *Labels and never spell a label out
// themselves. The language follows the rubric (Chinese for the seed) unless
// the user asks for another with --lang.
package i18n

import "strings"

// Labels is one language's wording for the CLI tables and the TUI.
type Labels struct {
	Lang string

	// Score tables.
	ID, Indicator, Content, Standard, Points, Max, Deduction, Score, Note, Value, Explain string
	Category, Categories, Base, Bonus, Total, Progress                                    string
	RulesRecorded, IndicatorsRecorded                                                     string
	CappedAt                                                                              string // "扣%s分，封顶%s分"
	RuleCapped, GroupCapped, IndicatorCapped                                              string
	Yes, No, NotRecorded                                                                  string
	BonusSuffix                                                                           string // "加分项，共%s分"
	PointsSuffix                                                                          string // "%s分"
	Kind                                                                                  map[string]string
	Usage                                                                                 string
	Target, Full, Cap, Step                                                               string

	// Assessments.
	Unit, Period, Inspectors, Status, Conflicts, Rubric string
	Draft, Signed                                       string
}

// For returns the labels for a language tag ("zh", "zh_CN", "en", …); anything
// that is not Chinese gets English.
func For(lang string) *Labels {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return chinese()
	}
	return english()
}

func chinese() *Labels {
	return &Labels{
		Lang: "zh", ID: "序号", Indicator: "指标", Content: "考核内容", Standard: "评分标准",
		Points: "分值", Max: "满分", Deduction: "扣分", Score: "得分", Note: "备注", Value: "记录值", Explain: "扣分说明",
		Category: "主要工作", Categories: "类别", Base: "基础分", Bonus: "加分", Total: "总分", Progress: "进度",
		RulesRecorded: "已记录规则", IndicatorsRecorded: "已完成指标",
		CappedAt:   "扣%s分，封顶%s分",
		RuleCapped: "本项封顶", GroupCapped: "合计封顶", IndicatorCapped: "指标封顶",
		Yes: "是", No: "否", NotRecorded: "未记录",
		BonusSuffix: "（加分项，共%s分）", PointsSuffix: "（%s分）",
		Kind: map[string]string{
			"flag": "是否", "count": "计数", "shortfall": "差额", "ratio": "比例",
			"convert": "折算", "discretion": "酌情", "bonus": "加分",
		},
		Usage:  "用法",
		Target: "目标", Full: "满分", Cap: "最多扣", Step: "每",
		Unit: "单位", Period: "年度", Inspectors: "督查人员", Status: "状态", Conflicts: "冲突", Rubric: "考核指标",
		Draft: "草稿", Signed: "已签字",
	}
}

func english() *Labels {
	return &Labels{
		Lang: "en", ID: "No.", Indicator: "Indicator", Content: "Content", Standard: "Standard",
		Points: "Points", Max: "Max", Deduction: "Deduction", Score: "Score", Note: "Note", Value: "Value", Explain: "Why",
		Category: "Category", Categories: "Categories", Base: "Base", Bonus: "Bonus", Total: "Total", Progress: "Progress",
		RulesRecorded: "rules recorded", IndicatorsRecorded: "indicators recorded",
		CappedAt:   "deducts %s, capped at %s",
		RuleCapped: "rule cap", GroupCapped: "group cap", IndicatorCapped: "indicator cap",
		Yes: "yes", No: "no", NotRecorded: "not recorded",
		BonusSuffix: " (bonus, up to %s)", PointsSuffix: " (%s pts)",
		Kind: map[string]string{
			"flag": "flag", "count": "count", "shortfall": "shortfall", "ratio": "ratio",
			"convert": "convert", "discretion": "discretion", "bonus": "bonus",
		},
		Usage:  "Usage",
		Target: "target", Full: "full", Cap: "cap", Step: "per",
		Unit: "Unit", Period: "Period", Inspectors: "Inspectors", Status: "Status", Conflicts: "Conflicts", Rubric: "Rubric",
		Draft: "draft", Signed: "signed",
	}
}

// StatusName returns the label of an assessment status.
func (l *Labels) StatusName(status string) string {
	switch status {
	case "signed":
		return l.Signed
	case "draft":
		return l.Draft
	}
	return status
}
