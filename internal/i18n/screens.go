package i18n

// Screens is the wording of the workbench's keys, prompts and dialogs
// (strings with verbs are fmt formats), so that the TUI spells none of its
// sentences out itself.
type Screens struct {
	NextConflict, ListUnrecorded, NoDeficiency, Found, ToggleRecorded string
	TypeFigure, IndicatorClean, Undo, History, Sign, Reopen           string
	PickHead, Yes, NewLine, CloseHelp                                 string
	ConfirmRetract                                                    string // format: rule
	Undid, NothingToUndo                                              string // Undid: what
	AllRecorded, NoMatch                                              string
	ConflictEdit                                                      string
	ReasonPrompt, NoteEditHint                                        string
	Unrecorded, UnrecordedTitle, Jump                                 string
	HistoryTitle, HistoryEmpty, Partial                               string
	Recorded                                                          string // "%d/%d"
	ChangedElsewhere                                                  string
	BonusTotal                                                        string
	PeriodForm                                                        string // %s: the expected form
	Cleaned                                                           string // %s indicator, %d rules
	NotFlag                                                           string
	ScrollDown, ScrollUp, More                                        string
	NoDeduction                                                       string // the note of a discretion of 0
	Completed                                                         string // indicator, score
	GroupCap                                                          string // rules, cap
	ReopenReason                                                      string
	SignOffChanged, KeepSigned, KeepSignedAsk                         string // SignOffChanged: signed value, now
	ChooseRubric, TabToChoose                                         string
	// Evidence files.
	Attach, Evidence, EvidenceMark, MissingEvidence, NoEvidence string
	AttachTo, AttachHint, Attaching, AttachedN, NoMatchPath     string // AttachTo, Attaching: subject; AttachedN: n, subject
	Detached, ConfirmDetach, Opening, Opened                    string // names; ConfirmDetach: name, subject
	EvidenceTitle                                               string // subject
	Complete                                                    string
}

func chineseScreens() Screens {
	return Screens{
		NextConflict: "下一冲突", ListUnrecorded: "未记录清单", NoDeficiency: "无问题", Found: "发现（是）/加分",
		ToggleRecorded: "切换已记录的是/否", TypeFigure: "输入数值", IndicatorClean: "本指标无问题", Undo: "撤销",
		History: "修改记录", Sign: "签字", Reopen: "重新打开", PickHead: "选用", Yes: "确定", NewLine: "换行", CloseHelp: "按 ? 或 esc 关闭帮助",
		ConfirmRetract: "清除 %s 的记录？(y/enter 确定，其他键取消)",
		Undid:          "已撤销：%s", NothingToUndo: "本次没有可撤销的修改",
		AllRecorded: "全部规则已记录", NoMatch: "没有符合筛选的指标，按 esc 清除筛选",
		ConflictEdit: "此项有冲突：按 1/2 选用，或 enter 输入新值",
		ReasonPrompt: "请填写理由，回车确认，esc 取消", NoteEditHint: "enter 保存 • ctrl+j 换行 • esc 取消",
		Unrecorded: "未记录 %d 条", UnrecordedTitle: "未记录的规则（回车跳转，esc 关闭）", Jump: "跳转",
		HistoryTitle: "修改记录", HistoryEmpty: "还没有记录", Partial: "部分",
		Recorded: "已记录 %d/%d", ChangedElsewhere: "其他程序修改了本考核，已重新读取",
		BonusTotal: "合计加分", PeriodForm: "年度应写作 %s（如 2021），用阿拉伯数字",
		Cleaned: "%s：%d 条记为无问题", NotFlag: "空格只切换已记录的是/否；按 0 记“否”，1 记“是”",
		NoDeduction: "未扣分", Completed: "%s 已记录完，得分 %s", GroupCap: "%s合计最多扣%s分", ReopenReason: "请填写重新打开的理由，回车确认，esc 取消",
		SignOffChanged: "签字后被修改：签字时为 %s，现为 %s。回车保留签字时的值，或按 R 重新打开", KeepSigned: "保留签字值", KeepSignedAsk: "保留 %s 签字时的值？(y/enter 确定，其他键取消)", ChooseRubric: "↑↓ 选择，回车确定", TabToChoose: "tab 可选其他考核指标", ScrollDown: "详情下翻", ScrollUp: "详情上翻", More: "J/K 翻看",
		Attach: "附佐证材料", Evidence: "佐证材料", EvidenceMark: "附", MissingEvidence: "缺佐证材料：本指标要求扣分附佐证，按 a 添加",
		NoEvidence: "还没有佐证材料：按 a 添加", AttachTo: "为 %s 附佐证材料：输入文件或文件夹的路径（文件夹即附其中全部文件，可用 *.jpg）",
		AttachHint: "tab 补全 • enter 附上 • esc 取消", Attaching: "正在为 %s 附佐证材料…", AttachedN: "已附 %d 份佐证材料到 %s", NoMatchPath: "（没有匹配的文件）",
		Detached: "已撤下 %s", ConfirmDetach: "从 %[2]s 撤下 %[1]s？(y/enter 确定，其他键取消)", Opening: "正在打开 %s…", Opened: "已用系统程序打开 %s",
		EvidenceTitle: "佐证材料 %s", Complete: "补全路径",
	}
}

func englishScreens() Screens {
	return Screens{
		NextConflict: "next conflict", ListUnrecorded: "unrecorded list", NoDeficiency: "none", Found: "found (yes)/award",
		ToggleRecorded: "toggle a recorded yes/no", TypeFigure: "type a figure", IndicatorClean: "indicator clean", Undo: "undo",
		History: "history", Sign: "sign", Reopen: "reopen", PickHead: "keep value", Yes: "confirm", NewLine: "new line", CloseHelp: "press ? or esc to close help",
		ConfirmRetract: "Clear the value of %s? (y/enter yes, any other key no)",
		Undid:          "undone: %s", NothingToUndo: "nothing to undo in this session",
		AllRecorded: "every rule is recorded", NoMatch: "no indicator matches the filter; esc clears it",
		ConflictEdit: "in conflict: press 1/2 to keep a value, or enter to type a new one",
		ReasonPrompt: "type the reason, enter to confirm, esc to cancel", NoteEditHint: "enter save • ctrl+j new line • esc cancel",
		Unrecorded: "%d unrecorded", UnrecordedTitle: "Unrecorded rules (enter jumps, esc closes)", Jump: "jump",
		HistoryTitle: "History", HistoryEmpty: "nothing recorded yet", Partial: "partial",
		Recorded: "recorded %d/%d", ChangedElsewhere: "another program changed this assessment; reloaded",
		BonusTotal: "bonus", PeriodForm: "the period must be written %s (e.g. 2021), in ASCII digits",
		Cleaned: "%s: %d recorded as none found", NotFlag: "space toggles a recorded yes/no only; 0 records no, 1 records yes",
		NoDeduction: "no deduction", Completed: "%s complete: %s", GroupCap: "%s together capped at %s", ReopenReason: "type the reason for reopening, enter to confirm, esc to cancel",
		SignOffChanged: "changed after the sign-off: signed %s, now %s. enter keeps the signed value, R reopens", KeepSigned: "keep signed value", KeepSignedAsk: "Keep the signed value of %s? (y/enter yes, any other key no)", ChooseRubric: "↑↓ to choose, enter to keep", TabToChoose: "tab to choose another", ScrollDown: "scroll text down", ScrollUp: "scroll text up", More: "J/K scroll",
		Attach: "attach evidence", Evidence: "evidence", EvidenceMark: "#", MissingEvidence: "evidence missing: this rubric wants a file for every deduction; a adds one",
		NoEvidence: "no evidence files yet: a adds one", AttachTo: "attach evidence to %s: type the path of a file or folder (a folder attaches every file in it; *.jpg works)",
		AttachHint: "tab completes • enter attaches • esc cancels", Attaching: "attaching evidence to %s…", AttachedN: "attached %d files to %s", NoMatchPath: "(no file matches)",
		Detached: "detached %s", ConfirmDetach: "Detach %s from %s? (y/enter yes, any other key no)", Opening: "opening %s…", Opened: "opened %s with the system's viewer",
		EvidenceTitle: "Evidence %s", Complete: "complete the path",
	}
}
