package i18n

// ReportWords holds the wording of the reports and of the totals every
// screen and command shows (fmt formats), so a provisional total, a rank
// among a period's units or an unverified sheet reads the same everywhere;
// and the store's refusals in the reader's language.
type ReportWords struct {
	// Refusals words the store's English refusals, keyed by their English
	// format (empty in English, whose words are the store's own).
	Refusals map[string]string
	// Reasons words kaohe verify's English reasons, keyed by their English
	// format, read back from the text (empty in English).
	Reasons map[string]string
	// Provisional is a total while some indicators are unrecorded: the
	// total, indicators recorded, indicators in all.
	Provisional string
	// ProvisionalShort is the same mark for a narrow column, beside a
	// column of progress: the total.
	ProvisionalShort string
	// RankAmong notes that the ranks of a report for some units are their
	// ranks among all N units of the period.
	RankAmong string
	// Unverified replaces the signature and the fingerprint of a sheet
	// whose records fail their hash; UnverifiedRecords lists them.
	Unverified, UnverifiedRecords string
	// Refused is the error of a report over records that fail their hash:
	// count, the records.
	Refused string
	// Record names one record: subject, revision ID.
	Record string
	// Exists refuses to overwrite a file: path.
	Exists string
	// Fingerprint labels the digest at a sheet's foot; EvidenceList the
	// files attached to an indicator.
	Fingerprint, EvidenceList, ListSep string
	// Packed: the database, the copy (kaohe pack). ExistsChoose refuses a
	// file that exists where no --force can be given: the path.
	Packed, ExistsChoose string
	// Attachment names an evidence file's subject in history.
	Attachment string
	// QuitUnsaved is the workbench's last word when edits were not saved:
	// their count.
	QuitUnsaved string
	// Signed is the value signed, in conflicts: value, inspector,
	// revision; Revision names a revision: its short ID.
	Signed, Revision string
}

func chineseReport() ReportWords {
	return ReportWords{
		Refusals: allWords(
			chineseRefusals(),
			chineseRubricWords(),
			chineseYAMLWords(),
			chineseCommandLineErrors(),
			chineseSheetLanguageWords(),
			chineseItemRefusals(),
			chineseProblemRefusals(),
			chineseProblemCLIWords(),
			chineseAppealRefusals(),
			chineseAppealCLIWords(),
			chinesePlanRefusals(),
			chineseProblemBookRefusals(),
			chineseFigureWords(),
			chineseDocRefusals(),
			chineseAnalysisRefusals(),
			chineseProblemScreenMessages(),
			chinesePlanWords(),
			chineseSelfAssessWords(),
			chinesePrintRefusals(),
			chineseNumberWords(),
		),
		Reasons:           allWords(chineseReasons(), chineseAppealReasons()),
		Provisional:       "%s（暂，%d/%d）",
		ProvisionalShort:  "暂 %s",
		RankAmong:         "名次为在本期全部%d个单位中的名次",
		Unverified:        "未通过核验",
		UnverifiedRecords: "未通过核验：%s与其哈希不符（在 kaohe 之外被修改或已损坏）",
		Refused:           "有 %d 条记录与其哈希不符（在 kaohe 之外被修改或已损坏），报表不能在其上签字或印记录指纹：%s。请运行 kaohe verify；如确需按现状出表，加 --allow-unverified（表上注明未通过核验）",
		Record:            "%s（修订 %s）",
		Exists:            "%s 已存在（加 --force 覆盖）",
		Fingerprint:       "记录指纹",
		EvidenceList:      "佐证材料：",
		ListSep:           "；",
		Packed:            "已将 %s 打包到 %s",
		ExistsChoose:      "%s 已存在；请换一个文件名，或先删除它",
		Attachment:        "附件",
		QuitUnsaved:       "kaohe：退出时还有 %d 项修改未保存",
		Signed:            "%s（%s，修订 %s）",
		Revision:          "修订 %s",
	}
}

func englishReport() ReportWords {
	return ReportWords{
		Refusals:          map[string]string{},
		Reasons:           map[string]string{},
		Provisional:       "%s (provisional, %d/%d)",
		ProvisionalShort:  "prov %s",
		RankAmong:         "ranks are among all %d units of the period",
		Unverified:        "not verified",
		UnverifiedRecords: "not verified: %s do not match their hash (changed outside kaohe, or damaged)",
		Refused:           "%d records do not match their hash (changed outside kaohe, or damaged), so no report may sign or fingerprint them: %s. Run kaohe verify; to write the report as it is, add --allow-unverified (the sheets say not verified)",
		Record:            "%s (revision %s)",
		Exists:            "%s already exists (use --force to overwrite it)",
		Fingerprint:       "fingerprint",
		EvidenceList:      "Evidence: ",
		ListSep:           "; ",
		Packed:            "packed %s into %s",
		ExistsChoose:      "%s already exists; choose another name or remove it first",
		Attachment:        "evidence",
		QuitUnsaved:       "kaohe: quit with %d edits not saved",
		Signed:            "%s (%s, rev %s)",
		Revision:          "rev %s",
	}
}
