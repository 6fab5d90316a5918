package i18n

// Workbench is the wording the terminal workbench added for its keys,
// limits and read-only feedback: what moving on after a value means, why a
// note or a paste is refused, why a signed assessment refuses a key, what a
// sign-off recorded. Strings with verbs are fmt formats.
type Workbench struct {
	// Advance is the footer's word for the one rule of moving on: after a
	// value is entered the cursor goes to the next unrecorded rule.
	// FlagKeys and BonusKeys say it with what 0 and 1 record.
	Advance, FlagKeys, BonusKeys string
	// NoteTooLong: limit, the characters the note would have.
	NoteTooLong string
	// NoteNotEditable: why a stored note cannot be edited in the workbench
	// as it is, and where to edit it.
	NoteNotEditable string
	// ReadOnlyKey answers a key that would change a signed assessment.
	ReadOnlyKey string
	// SignedNow: assessment, inspector, device, time.
	SignedNow string
	// PickWhich (n, value) heads the prompt for the note recorded with a
	// kept value; PickNote asks for that note (optional).
	PickWhich, PickNote, PickNoteHint string
	// Picked: n, value, subject.
	Picked string
	// AttachReplace is the attach prompt's hint that typing a path replaces
	// the folder proposed.
	AttachReplace string
}

func chineseWorkbench() Workbench {
	return Workbench{
		Advance:         "记后→下一未记录",
		FlagKeys:        "否/是→下一未记录",
		BonusKeys:       "不加分/加分→下一未记录",
		NoteTooLong:     "备注最多 %d 字，这样会有 %d 字；未加入，备注保持原样",
		NoteNotEditable: "这条备注在工作台中无法原样编辑（行数过多或含制表符等），为免改动未打开；请用 kaohe note 修改",
		ReadOnlyKey:     "已签字，只读；如需修改请先按 R 重新打开",
		SignedNow:       "已签字：%s 由 %s 签字（设备 %s，%s），现为只读",
		PickWhich:       "选用第 %d 个值（%s）",
		PickNote:        "选用说明（可不填）：",
		PickNoteHint:    "回车选用（不填说明则沿用该值原有的说明），esc 取消",
		Picked:          "已选用第 %d 个值（%s），%s 的冲突已解决",
		AttachReplace:   "直接输入 /、~ 或盘符开头的路径即替换上次的文件夹",
	}
}

func englishWorkbench() Workbench {
	return Workbench{
		Advance:         "then move on",
		FlagKeys:        "no/yes, move on",
		BonusKeys:       "no/award, move on",
		NoteTooLong:     "a note holds at most %d characters; this would make %d. Not added; the note is unchanged",
		NoteNotEditable: "this note cannot be edited here as it is (too many lines, tabs or the like), so it was not opened; edit it with kaohe note",
		ReadOnlyKey:     "signed, read-only: press R to reopen before changing anything",
		SignedNow:       "signed: %s signed by %s (device %s, %s); now read-only",
		PickWhich:       "keep value %d (%s)",
		PickNote:        "note with the kept value (optional): ",
		PickNoteHint:    "enter keeps it (without a note, the value's own note stays), esc cancels",
		Picked:          "kept value %d (%s); the conflict of %s is settled",
		AttachReplace:   "typing a path that starts with /, ~ or a drive letter replaces the last folder",
	}
}
