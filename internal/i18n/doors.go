package i18n

// DoorsCLI holds the messages of the ways into a database and out of it:
// creating and withdrawing assessments, the period rule, the rubric an
// assessment defaults to, what a disk or a folder refuses, and the targets
// a report may be written to (fmt formats).
type DoorsCLI struct {
	// PeriodForm: period, rubric, the form, an example.
	PeriodForm string
	// NotRegular: the target that is a device, a pipe or a folder.
	// NoRoom: the file, its folder.
	NotRegular, NoRoom string
	// DiskFull: database, folder. ShmNoRoom: database, -shm file, folder.
	// WriteFailed: database, folder, SQLite's code. ReadOnlyFolder:
	// database, folder. CannotOpen: database, folder, SQLite's message.
	// ShmReadOnly: database, -shm file, -shm file.
	DiskFull, ShmNoRoom, WriteFailed, ReadOnlyFolder, CannotOpen, ShmReadOnly string
	// RubricChoices: period, the stored rubrics; NoRubricFor: period,
	// the rubrics there are.
	RubricChoices, NoRubricFor string
	// Withdrawn: assessment, id. WithdrawRecorded: assessment, count,
	// assessment. AlreadyWithdrawn: assessment. WithdrawnMark marks one in
	// list --all.
	Withdrawn, WithdrawRecorded, AlreadyWithdrawn, WithdrawnMark string
	// ChooseRubricFor asks, in the TUI's new form, which rubric a period
	// is for: the period.
	ChooseRubricFor string
	// MaxMB: the value given.
	MaxMB string
	// More ends a capped list of problems: how many more.
	More string
}

func chineseDoors() DoorsCLI {
	return DoorsCLI{
		PeriodForm:       "年度“%s”不符合考核指标 %s 要求的格式 %s（如 %s，用阿拉伯数字）",
		NotRegular:       "%s 不是普通文件（是设备、管道或文件夹）；kaohe 只写入普通文件，请换一个文件名",
		NoRoom:           "无法写入 %s：%s 中没有空间（磁盘已满，或受文件大小限制 ulimit -f）；未写入任何内容，请腾出空间后重试",
		DiskFull:         "%s：磁盘已满，未保存任何内容；请在 %s 所在的磁盘上腾出空间后重试（数据库本身完好）",
		ShmNoRoom:        "%s：无法在 %[3]s 中建立共享内存文件 %[2]s（磁盘已满，或受文件大小限制 ulimit -f）；数据库本身完好，请在该磁盘上腾出至少 32 KB 空间后重试",
		WriteFailed:      "%s：无法写入 %s（磁盘 I/O 错误 %d——磁盘已满、文件大小受限或设备故障）；未保存任何内容，数据库本身完好，请腾出空间或检查设备后重试",
		ReadOnlyFolder:   "%s：所在文件夹 %s 是只读的（如写保护的 U 盘），kaohe 需要在其中写日志文件；请把数据库复制到可写的文件夹",
		ShmReadOnly:      "%s：共享内存文件 %s 不可写（被设为只读或属于其他用户）；数据库本身完好。请确认没有其他程序打开该数据库后删除 %s，或修正其权限",
		CannotOpen:       "%s：无法打开 %s 中的文件（%s）；请检查该文件夹是否存在、可写",
		RubricChoices:    "年度 %s 有多个考核指标可选，请用 --rubric-id 指定其中之一：%s",
		NoRubricFor:      "没有年度为 %s 的考核指标；请用 --rubric-id 指定其中之一：%s（或先用 kaohe rubric add 添加该年度的指标）",
		Withdrawn:        "已撤回 %s（编号 %s），历史中保留记录",
		WithdrawRecorded: "%s 已有 %d 条记录，不能直接撤回；确需撤回请用 kaohe withdraw %s --force（会记入历史）",
		AlreadyWithdrawn: "%s 已经撤回",
		WithdrawnMark:    "已撤回",
		ChooseRubricFor:  "年度 %s 没有唯一对应的考核指标，请选择（↑↓ 选择，回车确认）",
		MaxMB:            "--max-mb %d 无效：应为正整数（单位 MB）",
		More:             "……另有 %d 处",
	}
}

func englishDoors() DoorsCLI {
	return DoorsCLI{
		PeriodForm:       "period %q is not in the form rubric %s requires: %s (e.g. %s, in digits)",
		NotRegular:       "%s is not a regular file (a device, a pipe or a folder); kaohe writes only regular files: give a file name",
		NoRoom:           "cannot write %s: no room in %s (the disk is full, or a file size limit such as ulimit -f); nothing was written: free some space there and try again",
		DiskFull:         "%s: the disk is full, nothing was saved; free some space on the disk holding %s and try again (the database itself is fine)",
		ShmNoRoom:        "%s: cannot make its shared-memory file %s in %s (the disk is full, or a file size limit such as ulimit -f); the database itself is fine: free at least 32 KB there and try again",
		WriteFailed:      "%s: cannot write in %s (disk I/O error %d: a full disk, a file size limit or a failing device); nothing was saved and the database itself is fine: free some space or check the device and try again",
		ReadOnlyFolder:   "%s: its folder %s is read-only (a write-protected USB stick?) and kaohe needs to write its journal there; copy the database to a writable folder",
		ShmReadOnly:      "%s: its shared-memory file %s cannot be written (read-only, or another user's); the database itself is fine: if no other program has the database open, delete %s or fix its permissions",
		CannotOpen:       "%s: cannot open a file in %s (%s); check that the folder exists and is writable",
		RubricChoices:    "several rubrics are for period %s; choose one with --rubric-id: %s",
		NoRubricFor:      "no rubric is for period %s; choose one with --rubric-id: %s (or add that year's rubric with kaohe rubric add first)",
		Withdrawn:        "withdrawn %s (id %s), kept in history",
		WithdrawRecorded: "%s has %d records, so it is not withdrawn; if it really was a mistake: kaohe withdraw %s --force (kept in history)",
		AlreadyWithdrawn: "%s is already withdrawn",
		WithdrawnMark:    "withdrawn",
		ChooseRubricFor:  "no single rubric is for period %s: choose one (up/down, enter)",
		MaxMB:            "--max-mb %d: give a positive number of MB",
		More:             "... and %d more",
	}
}
