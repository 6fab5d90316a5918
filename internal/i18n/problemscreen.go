package i18n

// ProblemScreen is the wording of the workbench's 问题 screen: the
// problems of signed assessments by unit and state, and the prompts that
// set due dates, report a rectification, close (销号) and return (退回)
// them (fmt formats where a comment names the arguments).
type ProblemScreen struct {
	// Key helps the key that opens the screen; Title heads it.
	Key, Title string
	// All is the filter that keeps everything; AllAssessments the scope
	// of the screen opened from the list.
	All, AllAssessments string
	// States names each state (open, rectifying, returned, closed,
	// withdrawn) and the overdue filter (overdue).
	States map[string]string
	// Conflict marks a problem whose record was changed on two laptops.
	Conflict string
	// Filters: state, unit, text; AsOf: the date overdue is counted on.
	Filters, AsOf string
	// Column heads.
	ColID, ColIndicator, ColPoints, ColDue, ColState, ColFound string
	// Group heads a unit's problems: unit, period, count; Count follows
	// with each state's count: state, count.
	Group, Count string
	// DaysOverdue: days. Evidence: files. County marks what the unit
	// reported itself.
	DaysOverdue, Evidence, County string
	// Detail labels.
	Found, Due, Owner, Measure, DoneOn, Responsible, Inspector, Points string
	// Last: time, who, action. Reason: a return's reason; Note: a
	// close's note.
	Last, Reason, Note string
	// Actions names each action (assign, rectify, close, return).
	Actions map[string]string
	// Empty says why there is nothing; NotSigned names an unsigned
	// assessment in scope; NoMatch when the filters leave nothing.
	Empty, NotSigned, NoMatch string
	// Keys.
	KeyState, KeyUnit, KeyDue, KeyRectify, KeyClose, KeyReturn string
	// Prompts: DueFor: unit, period, how many problems. RectifyFor,
	// CloseFor, ReturnFor: the problem's ID.
	DueFor, DuePrompt, OwnerPrompt                         string
	RectifyFor, MeasurePrompt, DoneOnPrompt, FilesPrompt   string
	CloseFor, ClosePrompt, ReturnFor, ReasonPrompt         string
	PromptKeys, FilesKeys, Files                           string // Files: the files chosen so far
	NotDate, MeasureRequired, ReasonRequired, NothingToDue string // NotDate: the text
	// Results: Assigned: count, date. Rectified, Closed: ID. Returned: ID.
	Assigned, Rectified, Closed, Returned, Unchanged string
	// NotRectifying refuses a close or return before a rectification: ID.
	NotRectifying string
	// Finished refuses a change of a closed or withdrawn problem: ID, state.
	Finished string
	// ConflictRefused: ID, the action key pressed again to settle.
	ConflictRefused string
	// ConflictHint follows the store's refusal of a change made meanwhile
	// elsewhere: the key that shows the history.
	ConflictHint string
	// HistoryTitle heads a problem's history.
	HistoryTitle string
}

func chineseProblemScreen() ProblemScreen {
	return ProblemScreen{
		Key: "问题", Title: "问题清单（以考促改）",
		All: "全部", AllAssessments: "全部已签署考核",
		States: map[string]string{
			"open": "待整改", "rectifying": "整改中", "returned": "退回", "closed": "已销号", "withdrawn": "已撤销", "overdue": "逾期",
		},
		Conflict: "冲突",
		Filters:  "状态：%s  单位：%s  文字：%s", AsOf: "截至 %s",
		ColID: "编号", ColIndicator: "指标", ColPoints: "扣分", ColDue: "整改时限", ColState: "状态", ColFound: "问题",
		Group: "%s %s：%d 个问题", Count: "%s %d",
		DaysOverdue: "逾期%d天", Evidence: "佐证材料 %d 份", County: "（县报送）",
		Found: "问题", Due: "整改时限", Owner: "责任单位", Measure: "整改措施", DoneOn: "完成时间", Responsible: "责任人",
		Inspector: "记录人", Points: "扣分",
		Last: "最近：%s %s %s", Reason: "理由：%s", Note: "说明：%s",
		Actions:   map[string]string{"assign": "设定整改时限", "rectify": "报送整改", "close": "销号", "return": "退回"},
		Empty:     "没有问题：考核签署后，其中每一项扣分都是一个待整改的问题",
		NotSigned: "%s 尚未签署，签署后其扣分才成为问题",
		NoMatch:   "没有符合筛选条件的问题（esc 清除文字筛选）",
		KeyState:  "按状态筛选", KeyUnit: "按单位筛选", KeyDue: "统一整改时限", KeyRectify: "报送整改", KeyClose: "销号", KeyReturn: "退回",
		DueFor: "为 %s %s 的 %d 个未销号问题统一设定整改时限", DuePrompt: "整改时限（YYYY-MM-DD）：", OwnerPrompt: "责任单位/责任人（可空，空则不变）：",
		RectifyFor: "报送 %s 的整改情况", MeasurePrompt: "整改措施：", DoneOnPrompt: "完成时间（YYYY-MM-DD，可空）：",
		FilesPrompt: "佐证材料（文件路径，回车加入；空行回车完成）：",
		CloseFor:    "%s 销号：整改已核实", ClosePrompt: "销号说明（可空）：", ReturnFor: "退回 %s：整改未达要求", ReasonPrompt: "退回理由：",
		PromptKeys: "enter 下一步 • esc 取消，不做任何记录", FilesKeys: "tab 补全 • enter 加入文件；空行 enter 完成 • esc 取消", Files: "已选：%s",
		NotDate: "%q 不是日期，请写成 YYYY-MM-DD", MeasureRequired: "请写明整改措施", ReasonRequired: "请写明退回理由",
		NothingToDue: "%s %s 没有未销号的问题",
		Assigned:     "已为 %d 个问题设定整改时限 %s", Rectified: "已记录 %s 的整改情况", Closed: "%s 已销号", Returned: "%s 已退回",
		Unchanged:       "没有变化，未做记录",
		NotRectifying:   "%s 尚未报送整改情况：先按 r 记录整改，再销号或退回",
		Finished:        "%s %s，不再记录变更",
		ConflictRefused: "%s 有冲突：两处各自修改了它的整改记录（按 h 查看两处的记录；再按一次 %s 则以本次操作取代两者）",
		ConflictHint:    "（已重新读取，该问题现标为冲突；按 %s 查看两处的记录）",
		HistoryTitle:    "整改记录",
	}
}

func englishProblemScreen() ProblemScreen {
	return ProblemScreen{
		Key: "problems", Title: "Problems to rectify",
		All: "all", AllAssessments: "every signed assessment",
		States: map[string]string{
			"open": "open", "rectifying": "rectifying", "returned": "returned", "closed": "closed", "withdrawn": "withdrawn", "overdue": "overdue",
		},
		Conflict: "conflict",
		Filters:  "state: %s  unit: %s  text: %s", AsOf: "as of %s",
		ColID: "ID", ColIndicator: "ind.", ColPoints: "pts", ColDue: "due", ColState: "state", ColFound: "found",
		Group: "%s %s: %d problems", Count: "%s %d",
		DaysOverdue: "%dd late", Evidence: "%d evidence files", County: " (reported by the unit)",
		Found: "found", Due: "due", Owner: "owner", Measure: "measure", DoneOn: "done on", Responsible: "responsible",
		Inspector: "inspector", Points: "points",
		Last: "last: %s %s %s", Reason: "reason: %s", Note: "note: %s",
		Actions:   map[string]string{"assign": "due date set", "rectify": "rectification reported", "close": "closed", "return": "returned"},
		Empty:     "no problems: once an assessment is signed, each of its deductions is a problem to rectify",
		NotSigned: "%s is not signed; its deductions become problems once it is",
		NoMatch:   "no problem matches the filters (esc clears the text)",
		KeyState:  "filter by state", KeyUnit: "filter by unit", KeyDue: "due date for the unit", KeyRectify: "report rectification", KeyClose: "close", KeyReturn: "return",
		DueFor: "one due date for the %[3]d problems of %[1]s %[2]s not closed", DuePrompt: "due (YYYY-MM-DD): ", OwnerPrompt: "owner (may stay empty: unchanged): ",
		RectifyFor: "report the rectification of %s", MeasurePrompt: "measure: ", DoneOnPrompt: "done on (YYYY-MM-DD, may stay empty): ",
		FilesPrompt: "evidence files (a path, enter adds it; enter on an empty line finishes): ",
		CloseFor:    "close %s: the rectification is verified", ClosePrompt: "note (may stay empty): ", ReturnFor: "return %s: the rectification falls short", ReasonPrompt: "reason: ",
		PromptKeys: "enter next • esc cancels, records nothing", FilesKeys: "tab completes • enter adds the file; enter on an empty line finishes • esc cancels", Files: "chosen: %s",
		NotDate: "%q is not a date written YYYY-MM-DD", MeasureRequired: "write the measure taken", ReasonRequired: "write the reason for returning it",
		NothingToDue: "%s %s has no problem left open",
		Assigned:     "due date %[2]s set on %[1]d problems", Rectified: "rectification of %s recorded", Closed: "%s closed", Returned: "%s returned",
		Unchanged:       "nothing changed, nothing recorded",
		NotRectifying:   "%s has no rectification reported: r records one, then it can be closed or returned",
		Finished:        "%s is %s; nothing more is recorded on it",
		ConflictRefused: "%s is in conflict: its record was changed in two places (h shows both; press %s again to let this change replace them)",
		ConflictHint:    " (read again: the problem is now marked in conflict; %s shows both records)",
		HistoryTitle:    "Rectification record",
	}
}

// chineseProblemScreenMessages words in Chinese the 问题 screen's own
// messages (i18n.Errorf), keyed by their English format.
func chineseProblemScreenMessages() map[string]string {
	return map[string]string{
		"%s: no file to attach (the folder is empty or the pattern matches nothing)": "%s：没有可附的文件（文件夹为空，或没有匹配的文件）",
	}
}
