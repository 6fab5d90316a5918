// Package sheet reads and writes a rubric as an Excel/WPS workbook a clerk
// can edit: a sheet for the rubric itself (基本信息), one row per indicator
// laid out like the rubric table (指标), one row per rule (规则), the rule
// groups that share a cap (分组), one row per band of a band rule (档次),
// the grades (等次), and a reference sheet of the rule kinds (种类). Reading builds the same rubric.Rubric the YAML loader builds and
// checks it with the same validator, naming the sheet and cell of every
// problem (指标.xlsx:规则!F12: …). Numbers are written and read as the exact
// text of the cell, never through a float.
package sheet

import (
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
)

// The sheet names of a rubric workbook, in workbook order.
const (
	InfoSheet      = "基本信息"
	IndicatorSheet = "指标"
	RuleSheet      = "规则"
	GroupSheet     = "分组"
	BandSheet      = "档次"
	GradeSheet     = "等次"
	KindSheet      = "种类"
)

// column is one column of a data sheet: its header and the YAML name of the
// field it holds (the last element of the field's validation path).
type column struct {
	header string
	field  string
	number bool // an exact decimal
	text   bool // an identifier, kept as text when typed into Excel
	width  int  // maximum width in characters; 0 fits the content
	// optional columns may be absent (workbooks from before they existed).
	optional bool
}

// Information sheet rows: the label in column A, the value in column B.
const (
	labelID       = "编号"
	labelVersion  = "版本"
	labelTitle    = "标题"
	labelLanguage = "语言"
	labelUnit     = "被考核单位"
	labelEvidence = "佐证要求"
	labelPeriod   = "年度格式"
)

// infoFields maps the labels of the information sheet to rubric fields.
func infoFields() []struct{ label, field, note string } {
	return []struct{ label, field, note string }{
		{labelID, "id", "考核指标的固定标识（英文、数字、连字符）"},
		{labelVersion, "version", "修改了内容就要换一个版本号"},
		{labelTitle, "title", "考核指标的标题"},
		{labelLanguage, "language", "界面语言：zh 或 en"},
		{labelUnit, "units", "每行一个被考核单位，可增删行"},
		{labelPeriod, "period_pattern", "考核年度的格式（正则表达式）；空：四位年份"},
		{labelEvidence, "evidence", "deductions：每项扣分须附佐证材料；空：不要求"},
	}
}

// infoText is the rubric field an information-sheet row of the given field
// holds, for every field but units (a list, one row per unit).
func infoText(rb *rubric.Rubric, field string) *string {
	switch field {
	case "id":
		return &rb.ID
	case "version":
		return &rb.Version
	case "title":
		return &rb.Title
	case "language":
		return &rb.Language
	case "evidence":
		return &rb.Evidence
	case "period_pattern":
		return &rb.PeriodPattern
	}
	return nil
}

// Columns of the indicator sheet. A row whose 序号, 主要工作, 类别分值 or
// 加分项 is filled starts a category (like the first row of a 主要工作 in the
// printed table); every row is one indicator of the current category.
func indicatorColumns() []column {
	return []column{
		{header: "序号", field: "category.id", text: true},
		{header: "主要工作", field: "category.title", width: 24},
		{header: "类别分值", field: "category.points", number: true},
		{header: "加分项", field: "category.bonus"},
		{header: "编号", field: "id", text: true},
		{header: "分值", field: "points", number: true},
		{header: "考核内容", field: "content", width: 50},
		{header: "评分标准", field: "standard", width: 60},
		{header: "上限", field: "cap", number: true},
		{header: "类别佐证要求", field: "category.evidence", optional: true},
		{header: "佐证要求", field: "evidence", optional: true},
		{header: "扣分项", field: "category.penalty", optional: true},
		{header: "类别上限", field: "category.cap", number: true, optional: true},
	}
}

// Columns of the rule sheet; a rule belongs to the indicator its 规则编号
// names (1.2.a is a rule of indicator 1.2).
func ruleColumns() []column {
	return []column{
		{header: "规则编号", field: "id", text: true},
		{header: "种类", field: "kind"},
		{header: "名称", field: "label", width: 30},
		{header: "单位", field: "unit"},
		{header: "条款原文", field: "clause", width: 60},
		{header: "扣分", field: "amount", number: true},
		{header: "上限", field: "cap", number: true},
		{header: "目标", field: "target", number: true},
		{header: "步长", field: "step", number: true},
		{header: "满分", field: "full", number: true},
		{header: "最大值", field: "max_value", number: true},
		{header: "分组", field: "group", text: true},
		{header: "备注", field: "review", width: 40},
		{header: "限值", field: "limit", number: true, optional: true},
		{header: "起点", field: "from", number: true, optional: true},
		{header: "终点", field: "to", number: true, optional: true},
		{header: "规则分值", field: "points", number: true, optional: true},
		{header: "范围下限", field: "range[0]", number: true, optional: true},
		{header: "范围上限", field: "range[1]", number: true, optional: true},
		{header: "按次", field: "per_item", optional: true},
	}
}

// Columns of the band sheet: one row per band of a band rule, best band
// first, the rule named by its 规则编号. A band by figure has a 下限 (the
// last has none and catches the rest); a band by label has a 档次名称.
func bandColumns() []column {
	return []column{
		{header: "规则编号", field: "id", text: true},
		{header: "下限", field: "min", number: true},
		{header: "档次名称", field: "label", text: true},
		{header: "分数", field: "points", number: true},
	}
}

// Columns of the grade sheet: one row per 等次, best first; the last has
// no 最低总分.
func gradeColumns() []column {
	return []column{
		{header: "等次", field: "name", text: true},
		{header: "最低总分", field: "min", number: true},
	}
}

// Columns of the group sheet. A group's rules are those whose 分组 cell on
// the rule sheet names it.
func groupColumns() []column {
	return []column{
		{header: "分组编号", field: "id", text: true},
		{header: "名称", field: "title", width: 30},
		{header: "上限", field: "cap", number: true},
	}
}

// kindLabel is the drop-down text of a kind: its Chinese name and the
// English kind beside it ("计数 count").
func kindLabel(k rubric.Kind) string {
	return i18n.For("zh").Kind[string(k)] + " " + string(k)
}

// parseKind reads a 种类 cell: the drop-down text, the English kind or the
// Chinese name alone.
func parseKind(s string) (rubric.Kind, bool) {
	s = strings.TrimSpace(s)
	zh := i18n.For("zh").Kind
	for _, k := range rubric.Kinds() {
		if s == kindLabel(k) || strings.EqualFold(s, string(k)) || s == zh[string(k)] {
			return k, true
		}
		// Tolerate other spacing between the two names (全角空格, none).
		if f := strings.Fields(strings.ReplaceAll(s, "\u3000", " ")); len(f) == 2 && f[0] == zh[string(k)] && strings.EqualFold(f[1], string(k)) {
			return k, true
		}
	}
	return "", false
}

// kindLabels lists the drop-down texts of every kind.
func kindLabels() []string {
	var out []string
	for _, k := range rubric.Kinds() {
		out = append(out, kindLabel(k))
	}
	return out
}

// kindNotes describes each kind on the reference sheet.
func kindNotes() map[rubric.Kind][3]string {
	return map[rubric.Kind][3]string{
		rubric.Flag:       {"是/否（是 = 发现问题）", "扣“扣分”", "扣分"},
		rubric.Count:      {"问题个数（整数）；填了范围的，每件的扣分（如 2,3.5）", "扣分 × 个数；填了范围的，各件扣分之和", "扣分，或 范围下限、范围上限（每件酌情扣分）；可选 上限、最大值"},
		rubric.Shortfall:  {"实际数值", "低于目标时 扣分 × ⌊(目标 − 实际) / 步长⌋", "扣分、目标、步长；可选 上限、最大值"},
		rubric.Ratio:      {"实际百分比 0–100", "低于目标时 上限 × (目标 − 实际) / 目标", "目标、上限"},
		rubric.Convert:    {"其他平台的得分 0–满分", "分值 × (1 − 得分 / 满分)", "可选 满分（默认100）"},
		rubric.Discretion: {"扣分本身 0–上限，须写说明", "所填之数", "上限"},
		rubric.Bonus:      {"是/否（是 = 获得）；按次填“是”的，次数；填了范围的，每次的加分", "加“扣分”栏的分数；按次：分数 × 次数；范围：各次加分之和", "扣分（即加分数），可选 按次；或 范围下限、范围上限；可选 上限"},
		rubric.Band:       {"实际数值，或档次名称", "首档分数 − 所在档分数", "“档次”表每档一行（最好的一档在前）：规则编号、分数，以及下限（按数值分档，末档不填）或档次名称（按名称分档）"},
		rubric.Veto:       {"是/否（是 = 一票否决）", "不扣分；等次为末等，排名在后", "无（不填扣分）"},
		rubric.Excess:     {"实际数值", "超过限值时 扣分 × ⌊(实际 − 限值) / 步长⌋", "扣分、步长、限值；可选 上限"},
		rubric.Linear:     {"实际数值", "不高于起点不得分，不低于终点得满分，其间线性", "起点、终点；可选 规则分值（默认为指标分值）"},
	}
}
