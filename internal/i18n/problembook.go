package i18n

// ProblemBook is the wording of the two workbooks of rectification: the
// 问题清单 a unit receives, fills in WPS and returns (kaohe problem export
// --unit, kaohe problem import), and the office's 整改台账 of every unit
// (kaohe problem export without --unit). Formats are fmt formats.
type ProblemBook struct {
	// Sheet is the problems sheet's name. Title: period, the rubric's
	// title. UnitLine: the unit. Veto is the 扣分 of a 一票否决 found.
	Sheet, Title, UnitLine, Veto string
	// The columns of a unit's workbook: kaohe's own (locked), the unit's
	// (to fill in), and the hidden column of problem IDs.
	No, Indicator, Problem, Points, Due      string
	Measure, Completion, DoneOn, Responsible string
	ProblemID                                string
	// Note is the line under the table telling the unit what to fill in.
	Note string
	// The ledger: its two sheets, its title (period, as-of date), and
	// the columns kaohe adds to those above.
	LedgerSheet, SummarySheet, LedgerTitle, SummaryTitle                    string
	Unit, LedgerID, Status, Owner, Overdue, DaysOverdue, LastChange, Source string
	// The summary's columns.
	Count, Closed, Rectifying, OverdueCount, Withdrawn, Rate string
	// Total is the summary's last row.
	Total string
	// Conflict marks a problem whose record is in conflict; County marks a
	// report the unit made itself; Yes marks an overdue problem. (The
	// states are named as everywhere, by report.ProblemState.)
	Conflict, County, Yes string
	// LastChangeBy: time, who.
	LastChangeBy string
	// What the commands print. Exported: file, unit, how many problems.
	// ExportedLedger: file, period, problems, units. Imported: file,
	// rectifications recorded, rows left as recorded, empty rows.
	Exported, ExportedLedger, Imported string
	// StillReturned: a problem returned (退回) whose row the unit sent
	// back unchanged.
	StillReturned string
}

func chineseProblemBook() ProblemBook {
	return ProblemBook{
		Sheet: "问题清单", Title: "%s年度%s问题清单", UnitLine: "被考核单位：%s", Veto: "一票否决",
		No: "序号", Indicator: "指标", Problem: "问题", Points: "扣分", Due: "整改时限",
		Measure: "整改措施", Completion: "完成情况", DoneOn: "完成时间", Responsible: "责任人",
		ProblemID:   "问题编号（请勿修改）",
		Note:        "填报说明：请在“整改措施”“完成情况”“完成时间”“责任人”四列填写（有填写的行须写明整改措施；完成时间写成 2022-03-01 或 2022年3月1日），其余各列由考核办填写，请勿修改。",
		LedgerSheet: "整改台账", SummarySheet: "汇总", LedgerTitle: "%s年度问题整改台账（截至 %s）", SummaryTitle: "%s年度问题整改情况汇总（截至 %s）",
		Unit: "单位", LedgerID: "问题编号", Status: "状态", Owner: "责任单位", Overdue: "逾期", DaysOverdue: "逾期天数", LastChange: "最近变更", Source: "报送方",
		Count: "问题数", Closed: "已销号", Rectifying: "整改中", OverdueCount: "逾期", Withdrawn: "已撤销", Rate: "销号率",
		Total:    "合计",
		Conflict: "（记录冲突）", County: "单位报送", Yes: "是",
		LastChangeBy:   "%s %s",
		Exported:       "已写出 %s：%s 的问题清单，共 %d 个问题",
		ExportedLedger: "已写出 %s：%s 年度整改台账，共 %d 个问题，%d 个单位",
		Imported:       "已读入 %s：记录整改情况 %d 条，与已有记录相同 %d 条，未填写 %d 行",
		StillReturned:  "%s 已退回，交回的整改情况未改动，未记为重新报送",
	}
}

func englishProblemBook() ProblemBook {
	return ProblemBook{
		Sheet: "Problems", Title: "%s %s: problems to rectify", UnitLine: "Unit: %s", Veto: "veto",
		No: "No.", Indicator: "Indicator", Problem: "Problem", Points: "Deducted", Due: "Due",
		Measure: "Measure", Completion: "Completion", DoneOn: "Done on", Responsible: "Responsible",
		ProblemID:   "Problem ID (do not change)",
		Note:        "Fill in the columns Measure, Completion, Done on and Responsible (a filled row needs its measure; write dates as 2022-03-01); the other columns are the office's and must not be changed.",
		LedgerSheet: "Ledger", SummarySheet: "Summary", LedgerTitle: "%s rectification ledger (as of %s)", SummaryTitle: "%s rectification by unit (as of %s)",
		Unit: "Unit", LedgerID: "Problem", Status: "State", Owner: "Owner", Overdue: "Overdue", DaysOverdue: "Days overdue", LastChange: "Last change", Source: "Reported by",
		Count: "Problems", Closed: "Closed", Rectifying: "Rectifying", OverdueCount: "Overdue", Withdrawn: "Withdrawn", Rate: "Closed %",
		Total:    "Total",
		Conflict: " (in conflict)", County: "the unit", Yes: "yes",
		LastChangeBy:   "%s %s",
		Exported:       "wrote %s: the problems of %s, %d problems",
		ExportedLedger: "wrote %s: the %s rectification ledger, %d problems of %d units",
		Imported:       "read %s: %d rectifications recorded, %d rows as already recorded, %d rows not filled in",
		StillReturned:  "%s was returned and its row is unchanged: not reported anew",
	}
}

// chineseProblemBookRefusals words in Chinese what a unit's returned
// workbook is refused for, keyed by the English fmt format as refusals.go's
// are.
func chineseProblemBookRefusals() map[string]string {
	return map[string]string{
		"files are attached to one problem at a time, not to a batch of changes": "佐证材料须逐个问题上传，不能随批量变更一并附上",
		"the assessment %s has no problem %q":                                    "考核 %s 没有问题 %q",
		"problem %s is named twice in one batch of changes":                      "问题 %s 在同一批变更中出现了两次",
		"%s is not a 问题清单 kaohe wrote: %s":                                       "%s 不是 kaohe 导出的问题清单：%s",
		"it has no sheet %q":                                                     "缺少工作表 %q",
		"the sheet %q does not say which workbook it is":                         "工作表 %q 未注明是哪份清单",
		"it is a workbook of version %q; this kaohe reads version %q":            "其格式版本为 %q，本版 kaohe 读取版本 %q",
		"%s: a cell kaohe wrote was changed (it reads %q; kaohe wrote %q); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in":     "%s：考核办填写的单元格被修改（现为 %q，原为 %q）；只能填写“整改措施”“完成情况”“完成时间”“责任人”四列",
		"%s: the cells kaohe wrote were changed (their digest does not match); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in": "%s：考核办填写的单元格被修改（摘要不符）；只能填写“整改措施”“完成情况”“完成时间”“责任人”四列",
		"%s: the problem ID %q is not one kaohe wrote":                                                                      "%s：问题编号 %q 不是 kaohe 写出的编号",
		"%s: no problem %s in %s (it may belong to another database, or the assessment was deleted)":                        "%[1]s：%[3]s 中没有问题 %[2]s（可能来自另一个数据库，或该考核已删除）",
		"%s: problem %s is listed twice (first at %s)":                                                                      "%s：问题 %s 重复出现（首次在 %s）",
		"%s: %q is not a date (write it as 2022-03-01, 2022/3/1 or 2022年3月1日)":                                              "%s：%q 不是日期（请写成 2022-03-01、2022/3/1 或 2022年3月1日）",
		"%s: the number %s is not a date (type the date, such as 2022-03-01)":                                               "%s：数字 %s 不是日期（请填写日期，如 2022-03-01）",
		"%s: a row that reports a rectification needs its measure (整改措施)":                                                   "%s：填报整改情况的行须写明整改措施",
		"%s: the workbook is for %s; this import is for %s":                                                                 "%s：该清单属于%s，本次读入的是%s",
		"%s: problem %s is closed (已销号); the row changes what was accepted":                                                 "%s：问题 %s 已销号，该行改动了已验收的整改情况",
		"%s: problem %s is withdrawn (已撤销): the deduction that made it is gone":                                             "%s：问题 %s 已撤销：产生它的扣分已不存在",
		"%s: the text is %d characters long; a measure or a report holds at most %d":                                        "%s：文字长 %d 个字符；整改措施或完成情况最多 %d 个字符",
		"%s: the name is %d characters long; a responsible person holds at most %d":                                         "%s：名称长 %d 个字符；责任人最多 %d 个字符",
		"%s: a responsible person is one line":                                                                              "%s：责任人须为一行文字",
		"%s: a cell kaohe wrote was changed (it reads %q); only the columns 整改措施, 完成情况, 完成时间 and 责任人 are filled in":         "%s：考核办填写的单元格被修改（现为 %q）；只能填写“整改措施”“完成情况”“完成时间”“责任人”四列",
		"%s: problem %s is in conflict (its record was changed from one record on two laptops); settle it before importing": "%s：问题 %s 的记录有冲突（两台电脑从同一条记录各改了一次），请先处理冲突再读入",
		"period %s has no signed assessment with problems":                                                                  "%s 年度没有已签署且有问题的考核",
		"%s of period %s has no problem to rectify":                                                                         "%s 在 %s 年度没有需要整改的问题",
		"give the period: --period P":                                                                                       "请给出期别：--period 期别",
		"%q is not a date written YYYY-MM-DD":                                                                               "%q 不是日期，请写成 YYYY-MM-DD",
	}
}

// chineseProblemBookHelp words in Chinese the help of kaohe problem export
// and import, keyed by the English text as chineseHelpTexts's are.
func chineseProblemBookHelp() map[string]string {
	return map[string]string{
		"The problems of signed assessments (every deduction one) and their rectification (整改)":       "已签署考核的问题（每项扣分即一个问题）及其整改",
		"Write a unit's 问题清单 to fill in and return (with --unit), or the office's 整改台账 of every unit": "写出发给单位填写后交回的问题清单（加 --unit），或考核办全部单位的整改台账",
		"export --period P [--unit U] -o FILE [--as-of DATE] [--force]":                               "export --period 期别 [--unit 单位] -o 文件 [--as-of 日期] [--force]",
		"the ledger's day for 逾期, YYYY-MM-DD (default: today)":                                        "台账判断逾期的`日期`，YYYY-MM-DD（默认今天）",
		"the period (e.g. 2021)": "`期别`（如 2021）",
		"the unit whose 问题清单 to write (none: the ledger of every unit)":                                        "写出哪个`单位`的问题清单（不加即写出全部单位的整改台账）",
		"Read a unit's returned 问题清单: each filled row is recorded as the unit's rectification, all or nothing": "读入单位交回的问题清单：每个填写的行记为该单位报送的整改情况，要么全部记录，要么一条不记",
		"import FILE [--period P] [--unit U]":                                                                  "import 文件 [--period 期别] [--unit 单位]",
		"refuse the workbook unless it is of this period":                                                      "清单不属于该`期别`即拒绝读入",
		"refuse the workbook unless it is this unit's":                                                         "清单不属于该`单位`即拒绝读入",
	}
}
