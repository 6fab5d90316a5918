package i18n

// chineseReasons words in Chinese the reasons kaohe verify gives in
// English (fmt formats with arguments; the arguments are read back from
// the English text, so each %… becomes one piece of text, in order).
func chineseReasons() map[string]string {
	return map[string]string{
		"it carries the built-in rubric's id and version but different content (sha256 %.12s…, the built-in's %.12s…); a changed rubric needs its own id or version": "它用了内置考核指标的编号和版本，内容却不同（sha256 %s…，内置的为 %s…）；改过的考核指标须有自己的编号或版本",
		"its clock %s (%s) is more than a day ahead of this computer's clock (%s)":                                                                                   "它的时钟 %s（%s）比本机时钟（%s）快了一天以上",
		"it replaces revision %s, which is missing":      "它取代的修订 %s 不存在",
		"it replaces revision %s of %s, another subject": "它取代的修订 %s 属于另一对象 %s",
		"it replaces revision %s, which was not recorded before it (clock %s, not before %s); a revision can only replace what came before it": "它取代的修订 %s 并非在它之前记录（时钟 %s，不早于 %s）；修订只能取代之前的记录",
		"its sign-off names revision %s, which is missing":                                    "签字所列的修订 %s 不存在",
		"its sign-off names revision %s, which is not a value of this assessment":             "签字所列的修订 %s 不是本考核的记录",
		"it is unsigned, but device %s signs its revisions (a forgery in that device's name)": "它没有签名，而设备 %s 的修订都有签名（冒用该设备的伪造记录）",
		"it is signed by device %s, whose public key the file does not hold":                  "它由设备 %s 签名，但文件中没有该设备的公钥",
		"device %s's public key does not match its ID":                                        "设备 %s 的公钥与其编号不符",
		"its value %s is not accepted by rubric %s %s: %s":                                    "它的值 %s 不被考核指标 %s %s 接受：%s",
		"its ID %s is not the one its rubric, unit and period give (%s)":                      "它的编号 %s 与其考核指标、单位、年度得出的编号（%s）不符",
		"its rubric %s %s is missing or damaged":                                              "它的考核指标 %s %s 缺失或已损坏",
		"it attaches file %s, whose bytes the database does not hold":                         "它附上的文件 %s 在数据库中没有内容",
		"its content names %s %s":                                                             "它的内容写的是 %s %s",
		"%s: assessment %s, %s: the revisions give %s, the table holds %s":                    "%s：考核 %s，%s：按修订应为 %s，表中为 %s",
		// Where a finding is, when it is not a revision.
		"rubric %s %s":        "考核指标 %s %s",
		"assessment %s":       "考核 %s",
		"parent link %s → %s": "父链接 %s → %s",
		"evidence file %s":    "佐证材料文件 %s",
		"%s table":            "%s 表",
		"device keys":         "设备密钥",
		"its content does not match its sha256 (changed outside kaohe, or damaged)": "内容与其 sha256 不符（在 kaohe 之外被修改或已损坏）",
	}
}
