package i18n

// Readiness is the wording of what stands between an assessment and its
// sign-off (report.ReadinessMissing words a store.Readiness with it), the
// same in the command line's refusal and the workbench's checks dialog.
// Strings with verbs are fmt formats.
type Readiness struct {
	// One kind of what is missing, with how many (count): the heading of
	// its list of rules or subjects.
	Unrecorded, Conflicts, MissingReasons, MissingEvidence string
	// How the command line settles a kind, after its heading ("" where
	// the heading says it).
	ConflictsHow, MissingReasonsHow, MissingEvidenceHow string
	// Separator joins the headings into one line (SignIncomplete).
	Separator string
	// NotReady (assessment) heads the command line's refusal; it ends with
	// SettleFirst when conflicts forbid signing, else AllowIncomplete.
	NotReady, SettleFirst, AllowIncomplete string
	// The workbench's checks dialog: its title, what it says when nothing
	// is missing, and its questions. SignIncomplete: what is missing, as
	// one line; SignConflicts: the number of open conflicts.
	ChecksTitle, ChecksOK, SignConfirm, SignIncomplete, SignConflicts string
}

func chineseReadiness() Readiness {
	return Readiness{
		Unrecorded:         "未记录的规则 %d 条",
		Conflicts:          "未解决的冲突 %d 处",
		MissingReasons:     "酌情扣分未填理由 %d 项",
		MissingEvidence:    "扣分缺佐证材料 %d 项",
		ConflictsHow:       "（用 kaohe resolve 处理）",
		MissingReasonsHow:  "（请补充说明）",
		MissingEvidenceHow: "（kaohe attach 考核 规则 文件）",
		Separator:          "、",
		NotReady:           "%s 尚不能签字：",
		SettleFirst:        "未解决的冲突必须先处理才能签字",
		AllowIncomplete:    "如需按现状签字，请加 --allow-incomplete（会记入历史）",
		ChecksTitle:        "签字前检查",
		ChecksOK:           "检查通过：全部规则已记录，没有冲突。",
		SignConfirm:        "全部已记录。签字确认？(y/enter 签字，其他键取消)",
		SignIncomplete:     "尚有%s。仍要签字未完成的考核？(y/enter 签字，其他键取消)",
		SignConflicts:      "有 %d 处冲突未解决，解决后才能签字（按 c 转到冲突）",
	}
}

func englishReadiness() Readiness {
	return Readiness{
		Unrecorded:         "%d unrecorded rules",
		Conflicts:          "%d open conflicts",
		MissingReasons:     "%d discretionary deductions without a reason",
		MissingEvidence:    "%d deductions without evidence",
		ConflictsHow:       " (settle with kaohe resolve)",
		MissingReasonsHow:  " (add a note)",
		MissingEvidenceHow: " (kaohe attach ASSESSMENT RULE FILE)",
		Separator:          ", ",
		NotReady:           "%s is not ready to sign:",
		SettleFirst:        "open conflicts must be settled before signing",
		AllowIncomplete:    "to sign it as it is, add --allow-incomplete (kept in history)",
		ChecksTitle:        "Checks before signing",
		ChecksOK:           "All checks passed: every rule recorded, no conflicts.",
		SignConfirm:        "Everything is recorded. Sign off? (y/enter sign, any other key no)",
		SignIncomplete:     "%s. Sign it incomplete anyway? (y/enter sign, any other key no)",
		SignConflicts:      "%d open conflicts: settle them before signing (c goes to one)",
	}
}
