package i18n

// SelfAssess words the 自评表 a county fills (kaohe selfassess export and
// import), the self-scores beside the verified ones and the 自评差异
// (indicators verified lower than claimed).
type SelfAssess struct {
	// Sheet is the workbook's sheet; Title its title (period, unit);
	// UnitLine row 2 (unit).
	Sheet, Title, UnitLine string
	// The column heads.
	Indicator, Content, Standard, Points, Score, Account, Files string
	// Note is the line under the table on what to fill in.
	Note string
	// RevisionNote is the note of the revisions an import records.
	RevisionNote string
	// Exported is export's line: unit/period, indicators, file.
	Exported string
	// Imported is import's line: unit/period, recorded, unchanged,
	// attached files.
	Imported string
	// Gaps words selfassess gaps: the heads, the line when none, and the
	// shown self-score beside an indicator ("自评 1.6").
	GapUnit, GapClaimed, GapScore, GapBy, NoGaps, Beside string
	// BesideGap is the self-score verified lower: claimed, the gap.
	BesideGap string
	// GapSheet is the report's sheet of the 自评差异.
	GapSheet string
}

func chineseSelfAssess() SelfAssess {
	return SelfAssess{
		Sheet: "自评表", Title: "%s年度 %s 自评表", UnitLine: "单位：%s",
		Indicator: "指标", Content: "考核内容", Standard: "评分标准", Points: "分值",
		Score: "自评得分", Account: "自评说明", Files: "佐证材料",
		Note:         "填写说明：请只填写“自评得分”“自评说明”“佐证材料”三列；自评得分为 0 至该指标分值之间的数，最多两位小数；佐证材料写文件名，多个文件用顿号或换行分开，文件随表一并报送。其他单元格由考核组填写，改动后本表无法导入。",
		RevisionNote: "县自评",
		Exported:     "%s：已导出 %d 项指标的自评表到 %s",
		Imported:     "%s：已记录 %d 项自评，%d 项未变，附佐证材料 %d 个",
		GapUnit:      "单位", GapClaimed: "自评", GapScore: "核定", GapBy: "差",
		NoGaps:    "没有核定得分低于自评的指标",
		Beside:    "自评 %s",
		BesideGap: "自评 %s，高于核定 %s",
		GapSheet:  "自评差异",
	}
}

func englishSelfAssess() SelfAssess {
	return SelfAssess{
		Sheet: "Self-assessment", Title: "%s %s self-assessment", UnitLine: "Unit: %s",
		Indicator: "Indicator", Content: "Content", Standard: "Standard", Points: "Points",
		Score: "Self-score", Account: "Account", Files: "Evidence",
		Note:         "Fill in only the columns Self-score, Account and Evidence; a self-score is from 0 to the indicator's points, to 0.01; name the evidence files, several separated by 、 or new lines, and send the files with the workbook. The other cells are the team's: a workbook where they were changed cannot be imported.",
		RevisionNote: "county self-assessment",
		Exported:     "%s: exported the self-assessment of %d indicators to %s",
		Imported:     "%s: recorded %d self-assessments, %d unchanged, %d evidence files attached",
		GapUnit:      "unit", GapClaimed: "claimed", GapScore: "verified", GapBy: "by",
		NoGaps:    "no indicator is verified lower than its self-assessment",
		Beside:    "self %s",
		BesideGap: "self %s, %s above the verified score",
		GapSheet:  "Self-assessment gaps",
	}
}

// chineseSelfAssessWords words in Chinese the refusals of a returned
// 自评表 and of the selfassess commands.
func chineseSelfAssessWords() map[string]string {
	return map[string]string{
		"%s is not a 自评表 kaohe wrote: %s": "%s 不是 kaohe 导出的自评表：%s",
		"%s: the cells kaohe wrote were changed (their digest does not match); only the columns 自评得分, 自评说明 and 佐证材料 are filled in": "%s：考核组填写的单元格被改动（摘要不符）；只能填写“自评得分”“自评说明”“佐证材料”三列",
		"%s: a cell kaohe wrote was changed (it reads %q); only the columns 自评得分, 自评说明 and 佐证材料 are filled in":                     "%s：考核组填写的单元格被改动（现为 %q）；只能填写“自评得分”“自评说明”“佐证材料”三列",
		"%s: %q is not a score (write a number such as 1.5)":                                             "%s：%q 不是分数（请填写数字，如 1.5）",
		"%s: a formula is not read (%q); type the score itself":                                          "%s：不读取公式（%q）；请直接填写分数",
		"%s: the self-score %s is outside 0 to the indicator's %s points, or has more than two decimals": "%s：自评得分 %s 不在 0 至该指标分值 %s 之间，或超过两位小数",
		"%s: an account or evidence without its self-score (自评得分)":                                       "%s：填写了自评说明或佐证材料，但没有自评得分",
		"%s: the text is %d characters long; an account holds at most %d":                                "%s：文字长 %d 字，自评说明最多 %d 字",
		"%s: %q is not a file name (one name without folders or control characters)":                     "%s：%q 不是文件名（只写文件名，不含文件夹或控制字符）",
		"%s: the evidence %q is larger than %d MB":                                                       "%s：佐证材料 %q 超过 %d MB",
		"%s: the evidence %q is not in %s":                                                               "%s：佐证材料 %q 不在 %s 中",
		"%s: the rubric has no indicator %s":                                                             "%s：评分表没有指标 %s",
		"the workbook is the self-assessment of assessment %s, which this database does not have":        "该表是考核 %s 的自评表，本数据库中没有这项考核",
		"give the period and the unit: --period P --unit U":                                              "请给出年度和单位：--period 年度 --unit 单位",
	}
}

// chineseSelfAssessHelp words kaohe selfassess's help in Chinese.
func chineseSelfAssessHelp() map[string]string {
	return map[string]string{
		"The county's self-assessment (自评): its workbook out and back, and where it claimed more than verified": "单位自评：导出自评表、导入单位填好的自评表，以及核定低于自评的指标",
		"Write the 自评表 a county fills: each indicator's content and standard, locked, and its columns to fill":  "导出单位填写的自评表：每项指标的考核内容和评分标准（锁定），以及供单位填写的三列",
		"Record a county's filled 自评表 as its self-assessment, with the evidence files it names":                 "把单位填好的自评表记录为其自评，并附上表中所列的佐证材料",
		"Indicators whose verified score is below the county's self-score, by how much":                         "核定得分低于单位自评的指标及差值",
		"the period (e.g. 2021)":                       "年度（如 2021）",
		"the unit":                                     "单位",
		"the workbook to write":                        "要写出的工作簿",
		"overwrite the workbook if it exists":          "文件已存在时覆盖",
		"the folder holding the evidence files named":  "存放表中所列佐证材料的文件夹",
		"export --period P --unit U -o FILE [--force]": "export --period 年度 --unit 单位 -o 文件 [--force]",
		"import FILE [--evidence DIR]":                 "import 文件 [--evidence 文件夹]",
		"gaps [--period P] [--json]":                   "gaps [--period 年度] [--json]",
		"print JSON":                                   "输出 JSON",
	}
}
