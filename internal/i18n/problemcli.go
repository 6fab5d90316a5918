package i18n

// ProblemCLI is the wording of kaohe problem: the 问题清单 of signed
// assessments, and the record of each problem's rectification (交办,
// 报送整改, 销号, 退回) as the command line shows it (fmt formats where
// noted).
type ProblemCLI struct {
	// The list's column headers.
	Number, ID, Unit, Period, Indicator, Found, Points, Status, Due, Owner, LastChange string
	// The states a problem is in.
	Open, Rectifying, Returned, Closed, Withdrawn string
	// Overdue follows the state of a problem past its due date: the days.
	Overdue string
	// Conflict marks a problem changed on two laptops from one record.
	Conflict string
	// Veto stands in the points column for a 一票否决 found.
	Veto string
	// None: nothing to list (no signed assessment has a problem, or the
	// filters left none).
	None string
	// The actions, as the history and the confirmation name them.
	Assign, Rectify, Close, Return string
	// Changed: assessment, problem ID, action, state. Unchanged:
	// assessment.
	Changed, Unchanged string
	// Show's field names (each followed by its value).
	Rule, Inspector, Measure, Completion, DoneOn, Responsible, Source, Evidence, History, Note string
	// County names a rectification the unit reported in its workbook.
	County string
	// Attached is a history line's evidence: file name, hash prefix.
	Attached string
	// InConflict marks a history line that is one side of a conflict.
	InConflict string
	// NoHistory: nothing recorded on the problem yet.
	NoHistory string
	// HintSign follows the refusal of a change to a problem of an
	// assessment that is not signed; HintResolve that of a problem in
	// conflict (both begin with their separator).
	HintSign, HintResolve string
	// Record is a problem's record in one line (history, conflicts): the
	// action, the state after it.
	Record string
	// ConflictsHint follows kaohe conflicts when a problem's record is
	// among them: how such a conflict is settled.
	ConflictsHint string
}

func chineseProblemCLI() ProblemCLI {
	return ProblemCLI{
		Number: "序号", ID: "问题编号", Unit: "单位", Period: "年度", Indicator: "指标", Found: "问题", Points: "扣分",
		Status: "状态", Due: "整改时限", Owner: "责任单位", LastChange: "最近变更",
		Open: "待整改", Rectifying: "整改中", Returned: "退回", Closed: "已销号", Withdrawn: "已撤销",
		Overdue: "逾期%d天", Conflict: "冲突", Veto: "一票否决",
		None:   "没有问题（问题来自已签字考核中的扣分）",
		Assign: "交办", Rectify: "报送整改", Close: "销号", Return: "退回",
		Changed:   "%s 问题 %s：%s，现为%s",
		Unchanged: "%s：问题记录没有变化",
		Rule:      "规则", Inspector: "发现人", Measure: "整改措施", Completion: "完成情况", DoneOn: "完成时间",
		Responsible: "责任人", Source: "报送方", Evidence: "佐证材料", History: "历史", Note: "说明",
		County:        "单位自报（问题清单）",
		Attached:      "附佐证材料 %s（%s）",
		InConflict:    "冲突的一方",
		NoHistory:     "尚无记录",
		HintSign:      "（先签字：kaohe sign 考核）",
		Record:        "%s（%s）",
		ConflictsHint: "问题记录的冲突：kaohe problem show 考核 问题 查看双方，再用 kaohe problem assign|rectify|close|return … --resolve 以新的变更为准",
		HintResolve:   "（两台电脑从同一记录各改了一次；kaohe problem show 考核 问题 查看双方，再在本命令后加 --resolve 以这次变更为准）",
	}
}

func englishProblemCLI() ProblemCLI {
	return ProblemCLI{
		Number: "No.", ID: "Problem", Unit: "Unit", Period: "Period", Indicator: "Indicator", Found: "Found", Points: "Points",
		Status: "Status", Due: "Due", Owner: "Owner", LastChange: "Last change",
		Open: "open", Rectifying: "rectifying", Returned: "returned", Closed: "closed", Withdrawn: "withdrawn",
		Overdue: "overdue %d days", Conflict: "conflict", Veto: "veto",
		None:   "no problems (problems are the deductions of signed assessments)",
		Assign: "assigned", Rectify: "rectification reported", Close: "closed", Return: "returned",
		Changed:   "%s problem %s: %s, now %s",
		Unchanged: "%s: no problem record changed",
		Rule:      "Rule", Inspector: "Found by", Measure: "Measure", Completion: "Completion", DoneOn: "Done on",
		Responsible: "Responsible", Source: "Reported by", Evidence: "Evidence", History: "History", Note: "Note",
		County:        "the unit (its workbook)",
		Attached:      "evidence attached: %s (%s)",
		InConflict:    "one side of a conflict",
		NoHistory:     "nothing recorded yet",
		HintSign:      " (sign it first: kaohe sign ASSESSMENT)",
		Record:        "%s (%s)",
		ConflictsHint: "A problem's record in conflict: kaohe problem show ASSESSMENT PROBLEM shows both sides; kaohe problem assign|rectify|close|return … --resolve settles it with a new change",
		HintResolve:   " (two laptops changed the same record; kaohe problem show ASSESSMENT PROBLEM shows both, then add --resolve to this command to settle it with this change)",
	}
}

// chineseProblemCLIWords words in Chinese what kaohe problem refuses of
// its command line, keyed by the English format (see chineseRefusals).
func chineseProblemCLIWords() map[string]string {
	return map[string]string{
		"--as-of %q is not a date written YYYY-MM-DD":                                     "--as-of %q 不是日期，请写成 YYYY-MM-DD",
		"--status takes open, rectifying, returned, closed, withdrawn or overdue, not %q": "--status 只能是 open、rectifying、returned、closed、withdrawn 或 overdue，而不是 %q",
		"name an assessment or give --period, not both":                                   "请指明一个考核或给出 --period，不要同时给",
		"name the problems or give --all, not both":                                       "请指明问题或给出 --all，不要同时给",
		"name at least one problem (its ID, such as 1.2.a, or its number in the list)":    "请至少指明一个问题（问题编号，如 1.2.a，或清单中的序号）",
	}
}

// chineseProblemHelpTexts words kaohe problem's help in Chinese, keyed by
// the English texts its commands are built with (see chineseHelpTexts).
func chineseProblemHelpTexts() map[string]string {
	return map[string]string{
		"The 问题清单: every deduction of a signed assessment is a problem to rectify (待整改 → 整改中 → 已销号)":                                    "问题清单：已签字考核的每一项扣分都是一个待整改的问题（待整改 → 整改中 → 已销号）",
		"List the problems: unit, indicator, what was found, points, state, due date, owner, last change; overdue and conflicts marked": "列出问题：单位、指标、问题、扣分、状态、整改时限、责任单位、最近变更；标出逾期和冲突",
		"list [ASSESSMENT | --period P] [--unit U] [--status S] [--as-of DATE] [--json]":                                                "list [考核 | --period 年度] [--unit 单位] [--status 状态] [--as-of 日期] [--json]",
		"the problems of every signed assessment of this period":                                                                        "该`年度`全部已签字考核的问题",
		"only this unit's problems": "只列出这个`单位`的问题",
		"only problems in this state: open, rectifying (returned ones too), returned, closed, withdrawn, overdue": "只列出这种`状态`的问题：open 待整改、rectifying 整改中（含退回）、returned 退回、closed 已销号、withdrawn 已撤销、overdue 逾期",
		"the day overdue is counted on (YYYY-MM-DD; today when not given)":                                        "按这一`日期`计算逾期（YYYY-MM-DD；不给则为今天）",
		"Show one problem and its whole history: who, device, when, action, state, text, evidence":                "显示一个问题及其全部历史：谁、哪台设备、何时、做了什么、状态、内容、佐证材料",
		"show ASSESSMENT PROBLEM [--json]":                                               "show 考核 问题 [--json]",
		"Give problems a due date (整改时限) and who is responsible (责任单位)":                  "为问题交办整改时限和责任单位",
		"assign ASSESSMENT (PROBLEM… | --all) --due YYYY-MM-DD [--owner TEXT]":           "assign 考核 (问题… | --all) --due 日期 [--owner 责任单位]",
		"every problem not yet closed":                                                   "全部尚未销号的问题",
		"the due date (整改时限), YYYY-MM-DD":                                                "整改时限（`日期`，YYYY-MM-DD）",
		"the unit or person responsible (责任单位/责任人)":                                      "`责任单位`或责任人",
		"settle a problem in conflict (changed on two laptops) with this change":         "以这次变更处理冲突中的问题（两台电脑各改了一次）",
		"Record a rectification reported (整改措施, 完成时间, evidence): the problem is 整改中":     "记录报送的整改情况（整改措施、完成时间、佐证材料）：问题转为整改中",
		"rectify ASSESSMENT PROBLEM… --measure TEXT [--done-on DATE] [--evidence FILE]…": "rectify 考核 问题… --measure 整改措施 [--done-on 日期] [--evidence 文件]…",
		"what was done (整改措施)":                                                           "整改`措施`",
		"how far it is done (完成情况)":                                                      "完成`情况`",
		"when it was done (完成时间), YYYY-MM-DD":                                            "完成时间（`日期`，YYYY-MM-DD）",
		"who is responsible for it (责任人)":                                                "`责任人`",
		"a file showing the rectification (repeat for several)":                          "证明整改的`文件`（多个文件重复此选项）",
		"Accept a rectification (销号)":                                                    "验收整改，予以销号",
		"close ASSESSMENT PROBLEM… [--note TEXT]":                                        "close 考核 问题… [--note 说明]",
		"a note kept with the 销号":                                                        "随销号保存的`说明`",
		"Send a rectification back (退回), with the reason; the problem is 整改中 again":      "退回整改情况并写明理由；问题重新处于整改中",
		"return ASSESSMENT PROBLEM… --reason TEXT":                                       "return 考核 问题… --reason 理由",
		"why it is sent back (required)":                                                 "退回的`理由`（必填）",
		"  kaohe problem list --period 2021 --status overdue\n  kaohe problem assign 吉首市/2021 --all --due 2027-03-31 --owner 吉首市政务服务中心\n  kaohe problem rectify 吉首市/2021 1.2.a#3f9c2a1b --measure 已补充办事指南 --evidence 整改报告.pdf\n  kaohe problem close 吉首市/2021 1.2.a#3f9c2a1b": "  kaohe problem list --period 2021 --status overdue\n  kaohe problem assign 吉首市/2021 --all --due 2027-03-31 --owner 吉首市政务服务中心\n  kaohe problem rectify 吉首市/2021 1.2.a#3f9c2a1b --measure 已补充办事指南 --evidence 整改报告.pdf\n  kaohe problem close 吉首市/2021 1.2.a#3f9c2a1b",
	}
}
