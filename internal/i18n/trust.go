package i18n

// TrustCLI holds what merge and list say about revisions that are not
// trusted: unsigned in the name of a device that signs (fmt formats).
type TrustCLI struct {
	// MergeUntrusted: count, comma-separated short revision IDs.
	MergeUntrusted string
	// ListUntrusted: count, where (assessments).
	ListUntrusted string
	// HistoryUntrusted marks a revision history shows that is not trusted.
	HistoryUntrusted string
	// NotUTF8: file, line, column, byte (all counted from 1).
	NotUTF8 string
}

func chineseTrust() TrustCLI {
	return TrustCLI{
		MergeUntrusted:   "  ！目标库中已有 %d 条修订未签名，却署名于本文件带来密钥的设备（伪造的，或被删去签名的副本），不予信任：%s；请运行 kaohe verify",
		ListUntrusted:    "kaohe：警告：有 %d 条记录未签名，却署名于会签名的设备（伪造的，或被删去签名的副本），不予信任，未计入当前值与分数，位于 %s；请运行 kaohe verify",
		HistoryUntrusted: "〔不予信任：未签名，却署名于会签名的设备，未计入〕",
		NotUTF8:          "%s：第 %d 行第 %d 列（第 %d 字节）起不是 UTF-8 文本（也许以 GBK 等其他编码保存）；请另存为 UTF-8 后再导入，未导入任何内容",
	}
}

func englishTrust() TrustCLI {
	return TrustCLI{
		MergeUntrusted:   "  ! the target already holds %d unsigned revisions in the name of a device whose key this file brought (forged, or copies stripped of their signature); they are not trusted: %s; run kaohe verify",
		ListUntrusted:    "kaohe: warning: %d records unsigned in the name of a device that signs (forged, or copies stripped of their signature) are not trusted and count in no value or score, in %s; run kaohe verify",
		HistoryUntrusted: "[not trusted: unsigned in the name of a device that signs; not counted]",
		NotUTF8:          "%s:%d:%d: not UTF-8 text from byte %d on (saved in another encoding, such as GBK?); save it as UTF-8 and import it again; nothing was imported",
	}
}
