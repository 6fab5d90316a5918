package i18n

// DocChart words the ranking chart of the 通报 (a picture, {{排名图}}):
// the caption under it, which says where the units' names are (the
// picture's font has no Chinese, so its bars are named by rank), and what
// kaohe doc fields says the field is.
type DocChart struct {
	// Caption goes under the chart in the built-in 通报.
	Caption string
	// Field is the meaning of {{排名图}} in kaohe doc fields.
	Field string
}

func chineseDocChart() DocChart {
	return DocChart{
		Caption: "图1　各单位总分（柱下数字为名次，单位名称见上表）",
		Field:   "排名图（各单位总分柱状图，按名次排列；须单独成段，图片替换该段）",
	}
}

func englishDocChart() DocChart {
	return DocChart{
		Caption: "Figure 1. Each unit's total (the number under a bar is its rank; the table above names the units)",
		Field:   "the ranking chart (each unit's total as a bar, in rank order; alone in its paragraph, which the picture replaces)",
	}
}

// chineseDocChartRefusals words in Chinese what a template placing the
// chart wrongly is told, keyed by the English format.
func chineseDocChartRefusals() map[string]string {
	return map[string]string{
		"the template's picture field {{%s}} in %s is not alone in a paragraph of the body; the picture takes a paragraph of its own": "模板中的图片字段 {{%s}}（%s）没有在正文中单独成段；图片须独占一段",
	}
}
