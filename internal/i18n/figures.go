package i18n

// FigureImport is the wording of kaohe import-figures, which records the
// 一体化平台's figures for every unit of a period from one table (fmt
// formats).
type FigureImport struct {
	// Refused heads the list of refusals: the file, how many.
	Refused string
	// More ends a list cut short: how many more.
	More string
	// Change is one figure that changes: the rule, its old value, its new
	// one. Same is one that stays: the rule, its value.
	Change, Same string
	// DryRun ends --dry-run: units, figures that would change, unchanged.
	DryRun string
	// Imported ends an import: the file, units, figures recorded,
	// unchanged.
	Imported string
	// NotInTable names the period's units the table has no row for.
	NotInTable string
}

func chineseFigures() FigureImport {
	return FigureImport{
		Refused:    "%s：%d 处问题，未导入任何内容：",
		More:       "…… 另有 %d 处",
		Change:     "%s：%s → %s",
		Same:       "%s：%s（无变化）",
		DryRun:     "试运行：%d 个单位，%d 个数值将改变，%d 个无变化；未写入任何内容",
		Imported:   "已导入 %s：%d 个单位，记录 %d 个数值，%d 个无变化",
		NotInTable: "表中没有以下单位，未导入：%s",
	}
}

func englishFigures() FigureImport {
	return FigureImport{
		Refused:    "%s: %d problems; nothing was imported:",
		More:       "… and %d more",
		Change:     "%s: %s → %s",
		Same:       "%s: %s (unchanged)",
		DryRun:     "dry run: %d units, %d figures would change, %d unchanged; nothing was written",
		Imported:   "imported %s: %d units, %d figures recorded, %d unchanged",
		NotInTable: "not in the table, nothing imported for: %s",
	}
}

// chineseFigureWords words in Chinese kaohe import-figures' refusals,
// keyed by their English format as refusals.go's are.
func chineseFigureWords() map[string]string {
	return map[string]string{
		"give the period whose assessments receive the figures: --period 2021":                                 "请给出接收数据的考核年度：--period 2021",
		"give at least one column to import as --map RULE=HEADER, such as --map 3.2.a=办件量":                     "请至少给出一列要导入的数据：--map 规则=表头，如 --map 3.2.a=办件量",
		"the table has %d rows; a platform table has one row per unit, at most %d":                             "表格有 %d 行；平台数据表每个单位一行，最多 %d 行",
		"%s: cannot read the table: %v":                                                                        "%s：无法读取表格：%v",
		"%s: not a regular file; a platform table is an .xlsx or .csv file":                                    "%s：不是普通文件；平台数据表应为 .xlsx 或 .csv 文件",
		"%s: too big for a platform table: %d bytes (at most %d)":                                              "%s：作为平台数据表太大：%d 字节（最多 %d）",
		"%s: an old Excel workbook (.xls); save it as .xlsx or .csv and import that":                           "%s：是旧版 Excel 工作簿（.xls）；请另存为 .xlsx 或 .csv 后再导入",
		"%s: a CSV file has no sheets; --sheet is for a workbook":                                              "%s：CSV 文件没有工作表；--sheet 只用于工作簿",
		"%s: the workbook is damaged and cannot be read (%v)":                                                  "%s：工作簿已损坏，无法读取（%v）",
		"%s: no sheet %s (its sheets: %s)":                                                                     "%s：没有工作表 %s（现有工作表：%s）",
		"%s: cannot read sheet %s: %v":                                                                         "%s：无法读取工作表 %s：%v",
		"%s:%d:%d: %v":                                                                                         "%s：第 %d 行第 %d 列：%v",
		"a quote mark inside a field that is not quoted":                                                       "未加引号的单元格中出现了引号",
		"a quoted field whose closing quote mark is missing or misplaced":                                      "加引号的单元格缺少结尾引号，或引号位置不对",
		"no assessment of period %s in %s":                                                                     "%[2]s 中没有 %[1]s 年度的考核",
		"no column headed %s in the first %d rows of the table; give the units' column with --unit-column":     "表格前 %[2]d 行中没有表头为“%[1]s”的列；请用 --unit-column 指明单位所在列的表头",
		"%s: the unit's name is the formula %s; kaohe evaluates no formula: type the name itself":              "%s：单位名称是公式 %s；kaohe 不计算公式，请直接填写单位名称",
		"%s: this row holds figures but no unit name":                                                          "%s：这一行有数据，但没有单位名称",
		"%s: %s has no assessment in period %s (the period's units: %s)":                                       "%s：%s 在 %s 年度没有考核（该年度的单位：%s）",
		"%s: %s has %d assessments in period %s, under different rubrics; import into one database per rubric": "%s：%s 在 %[4]s 年度有 %[3]d 个考核（考核指标不同）；请按考核指标分库导入",
		"%s: %s is listed twice (first at %s)":                                                                 "%s：%s 重复出现（第一次在 %s）",
		"%s: %s is signed; reopen it before importing figures into it (kaohe reopen %s --reason TEXT)":         "%s：%s 已签字；导入前请先重新打开（kaohe reopen %s --reason 理由）",
		"--map %s: write RULE=HEADER, such as 3.2.a=办件量":                                                       "--map %s：应写作 规则=表头，如 3.2.a=办件量",
		"--map %s: rule %s is mapped twice":                                                                    "--map %s：规则 %s 对应了两次",
		"--map %s: two columns are headed %s (%s and %s)":                                                      "--map %s：有两列的表头都是“%s”（%s 和 %s）",
		"--map %s: no column headed %s in the header row, the row of %s (its headers: %s)":                     "--map %s：表头行（%[3]s 所在的行）中没有“%[2]s”这一列（现有表头：%[4]s）",
		"--map %s: rubric %s %s has no rule %s (rule IDs look like 3.2.a)":                                     "--map %s：考核指标 %s %s 没有规则 %s（规则编号形如 3.2.a）",
		"--map %s: rule %s is of kind %s, not recorded as a figure; a table's figures go only to rules whose value is a number counted or measured (count, shortfall, ratio, convert, excess, linear, a band by figure, a bonus per item)": "--map %s：规则 %s 的种类为%s，记录的不是数值；表格中的数据只能导入记录一个计数或测量数字的规则（计数、差额、比例、折算、超限、线性、按数值分档、按项加分）",
		"%s with a range (a list of amounts)": "%s（带范围，逐项分值）",
		"%s by grade label":                   "%s（按档次名称）",
		"%s (%s %s): the cell holds the formula %s; kaohe evaluates no formula: type the figure itself": "%s（%s %s）：单元格是公式 %s；kaohe 不计算公式，请直接填写数字",
		"%s (%s %s): the cell is empty; every unit's row needs the figure":                              "%s（%s %s）：单元格为空；每个单位的这一列都要有数字",
		"%s (%s %s): the cell shows a percentage (%s%%), but the rule counts %s":                        "%s（%s %s）：单元格是百分比（%s%%），但这条规则计的是%s",
		"%s (%s): %v": "%s（%s）：%v",
		"%s (%s %s): the rule has conflicting values from different inspectors; settle the conflict first (kaohe conflicts %s)":       "%s（%s %s）：这条规则有不同督查人员的冲突值；请先处理冲突（kaohe conflicts %s）",
		"%s (%s %s): the rule is recorded item by item and its %d items give %s, not %s; settle the items first (kaohe item list %s)": "%s（%s %s）：这条规则是逐项记录的，%d 个条目得出 %s，而不是 %s；请先核对条目（kaohe item list %s）",
	}
}

// chineseFigureHelp words kaohe import-figures' help in Chinese, keyed by
// its English texts as chineseHelpTexts' are.
func chineseFigureHelp() map[string]string {
	return map[string]string{
		"import-figures FILE.xlsx|FILE.csv --period P --map RULE=HEADER… [--unit-column HEADER] [--dry-run]": "import-figures 文件.xlsx|文件.csv --period 年度 --map 规则=表头… [--unit-column 表头] [--dry-run]",
		"Record the platform's figures for every unit at once, from one table (all or nothing)":              "从一张平台数据表一次记录所有单位的数值（要么全部记录，要么都不记录）",
		"import-figures reads the 一体化平台's table, one row per unit, and records each mapped column's\n" +
			"figure on its rule for every unit of the period, in one transaction: any refused cell\n" +
			"(an unknown unit, an empty or non-numeric cell, a formula, a rule that is not a figure)\n" +
			"is listed by its cell and nothing is written.": "import-figures 读取一体化平台导出的数据表（每个单位一行），把每个对应列的数字\n" +
			"记到该年度每个单位的对应规则上，一次写入：只要有一个单元格被拒绝（单位不认识、\n" +
			"单元格为空或不是数字、公式、规则不记数值），就逐一列出单元格，什么都不写入。",
		"the period whose assessments receive the figures (e.g. 2021)":                  "接收数据的考核`年度`（如 2021）",
		"RULE=HEADER: record the column headed HEADER on RULE (repeat for each column)": "`规则=表头`：把表头为该文字的一列记到该规则上（每列写一次）",
		"the header of the column naming the units":                                     "单位名称所在列的`表头`",
		"the workbook's sheet to read (default: the first)":                             "读取工作簿中的哪张`工作表`（默认第一张）",
		"show what would change, unit by unit, and write nothing":                       "逐个单位显示将有哪些变化，不写入任何内容",
	}
}
