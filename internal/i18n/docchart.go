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
	// CategoryCaption goes under a 反馈意见书's chart of the unit's
	// category scores against the average; CategoryField is what kaohe
	// doc fields says {{类别图}} is.
	CategoryCaption, CategoryField string
}

func chineseDocChart() DocChart {
	return DocChart{
		Caption:         "图1　各单位总分（柱下数字为名次，单位名称见上表）",
		Field:           "排名图（各单位总分柱状图，按名次排列；须单独成段，图片替换该段）",
		CategoryCaption: "图1　本单位各类别得分与全部单位平均分（蓝色为本单位，橙色为平均分；柱下数字为类别序号，见上表）",
		CategoryField:   "类别得分图（本单位各类别得分与平均分对比柱状图；须单独成段，图片替换该段）",
	}
}

func englishDocChart() DocChart {
	return DocChart{
		Caption:         "Figure 1. Each unit's total (the number under a bar is its rank; the table above names the units)",
		Field:           "the ranking chart (each unit's total as a bar, in rank order; alone in its paragraph, which the picture replaces)",
		CategoryCaption: "Figure 1. The unit's score in each category (blue) beside the average of every unit (orange); the number under a pair is the category's, as in the table above",
		CategoryField:   "the category chart (the unit's category scores beside the average; alone in its paragraph, which the picture replaces)",
	}
}

// chineseDocChartRefusals words in Chinese what a template placing the
// chart wrongly is told, keyed by the English format.
func chineseDocChartRefusals() map[string]string {
	return map[string]string{
		"the template's picture field {{%s}} in %s is not alone in a paragraph of the body; the picture takes a paragraph of its own": "模板中的图片字段 {{%s}}（%s）没有在正文中单独成段；图片须独占一段",
	}
}
