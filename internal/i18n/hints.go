package i18n

// RefusalHints are what the command line and the workbench add to a store
// refusal: the store says what it refused and why, naming no command and
// no key; each front end says how to proceed in its own terms. The
// command line's hints are fmt formats taking the refusal's own arguments
// (by index, so a hint may use some of them); the workbench's take key
// names. Each begins with its separator, so it is appended as it is.
type RefusalHints struct {
	// Signed: none. Conflict: subject. NoInspector: none.
	Signed, Conflict, NoInspector string
	// WithdrawRecorded: assessment, count. SignedChanged: assessment,
	// subject. NoConflict: assessment, subject. StatusConflict: none.
	WithdrawRecorded, SignedChanged, NoConflict, StatusConflict string
	// NoAssessment: reference, database. BadDevice: the text given.
	// ShortHash, NoDataDir, PeriodForm, ClockExhausted: none.
	NoAssessment, BadDevice, ShortHash, NoDataDir, PeriodForm, ClockExhausted string
	// The workbench's. KeySigned: the reopen key. KeyConflict: the next
	// conflict key, the keys that keep one value.
	KeySigned, KeyConflict string
}

func chineseHints() RefusalHints {
	return RefusalHints{
		Signed:           "（kaohe reopen 考核 --reason 理由）",
		Conflict:         "（用 kaohe resolve 处理；kaohe conflicts 列出全部冲突）",
		NoInspector:      "：请运行 kaohe init --inspector 姓名（或设置 KAOHE_INSPECTOR）",
		WithdrawRecorded: "：kaohe withdraw %[1]s --force",
		SignedChanged:    "（kaohe resolve %[1]s %[2]s --keep-signed，或 kaohe reopen %[1]s）",
		NoConflict:       "（kaohe conflicts 列出全部冲突）",
		StatusConflict:   "（kaohe resolve 考核 status --pick …，或 kaohe reopen）",
		NoAssessment:     "（kaohe list 列出全部考核；kaohe new 单位 年度 可新建）",
		BadDevice:        "（即 kaohe whoami 显示的那样）",
		ShortHash:        "（kaohe evidence 考核 列出全部）",
		NoDataDir:        "（--db 路径）",
		PeriodForm:       "（kaohe export、kaohe new、kaohe import，再 kaohe withdraw 编号 --force）",
		ClockExhausted:   "（kaohe verify 会指出它）",
		KeySigned:        "（按 %s 重新打开）",
		KeyConflict:      "（按 %s 转到冲突，按 %s 选用一个值）",
	}
}

func englishHints() RefusalHints {
	return RefusalHints{
		Signed:           " (kaohe reopen ASSESSMENT --reason TEXT)",
		Conflict:         " (with kaohe resolve; kaohe conflicts lists them)",
		NoInspector:      ": run `kaohe init --inspector NAME` (or set KAOHE_INSPECTOR)",
		WithdrawRecorded: ": kaohe withdraw %[1]s --force",
		SignedChanged:    " (kaohe resolve %[1]s %[2]s --keep-signed, or kaohe reopen %[1]s)",
		NoConflict:       " (kaohe conflicts lists them)",
		StatusConflict:   " (kaohe resolve ASSESSMENT status --pick …, or kaohe reopen)",
		NoAssessment:     " (kaohe list shows them; create one with kaohe new UNIT PERIOD)",
		BadDevice:        " (as kaohe whoami prints it)",
		ShortHash:        " (kaohe evidence ASSESSMENT lists them)",
		NoDataDir:        " (--db PATH)",
		PeriodForm:       " (kaohe export, kaohe new, kaohe import, then kaohe withdraw ID --force)",
		ClockExhausted:   " (kaohe verify names it)",
		KeySigned:        " (press %s to reopen)",
		KeyConflict:      " (press %s to go to the conflict, %s to keep one value)",
	}
}
