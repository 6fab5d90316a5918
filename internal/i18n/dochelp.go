package i18n

// chineseDocHelp words kaohe doc's help in Chinese, keyed by the English
// text the commands are built with.
func chineseDocHelp() map[string]string {
	return map[string]string{
		"Write the Word documents an office sends: the 通报, each unit's 反馈意见书 and 整改通知书": "生成考核办发出的 Word 文书：考核结果通报、各单位的反馈意见书和整改通知书",
		"  kaohe doc tongbao --period 2021 -o 2021年度考核结果通报.docx --issuer 州政务服务中心\n" +
			"  kaohe doc feedback --period 2021 -o 反馈意见书\n" +
			"  kaohe doc rectify 吉首市/2021 -o 整改 --template 红头模板.docx\n" +
			"  kaohe doc fields": "  kaohe doc tongbao --period 2021 -o 2021年度考核结果通报.docx --issuer 州政务服务中心\n" +
			"  kaohe doc feedback --period 2021 -o 反馈意见书\n" +
			"  kaohe doc rectify 吉首市/2021 -o 整改 --template 红头模板.docx\n" +
			"  kaohe doc fields",
		"Write the period's 考核结果通报: the ranking with 等次 and category scores, the 考核组, each unit's fingerprint": "生成本期考核结果通报：含等次和各类得分的排名、考核组、各单位的记录指纹",
		"Write each unit's 反馈意见书: its score, rank, category scores and every deduction as a sentence":          "生成各单位的反馈意见书：得分、名次、各类得分，每项扣分写成一句话",
		"Write each unit's 整改通知书 with its 问题清单 (the problems of its signed result)":                            "生成各单位的整改通知书及其问题清单（来自已签署结果中的问题）",
		"tongbao --period P -o FILE.docx [--issuer T] [--date D] [--template F]":                               "tongbao --period 考核期 -o 文件.docx [--issuer 发文机关] [--date 日期] [--template 模板]",
		"feedback UNIT/PERIOD|--period P -o DIR [--issuer T] [--date D] [--template F]":                        "feedback 单位/考核期|--period 考核期 -o 文件夹 [--issuer 发文机关] [--date 日期] [--template 模板]",
		"rectify UNIT/PERIOD|--period P -o DIR [--issuer T] [--date D] [--template F]":                         "rectify 单位/考核期|--period 考核期 -o 文件夹 [--issuer 发文机关] [--date 日期] [--template 模板]",
		"the period (e.g. 2021)":                                                                           "考核期（如 2021）",
		"the file (tongbao) or folder (feedback, rectify) to write":                                        "输出文件（通报）或文件夹（反馈意见书、整改通知书）",
		"the issuing body (发文机关)":                                                                          "发文机关",
		"the document's date, YYYY-MM-DD (default today)":                                                  "成文日期，YYYY-MM-DD（默认今天）",
		"the office's own .docx template with {{fields}} (kaohe doc fields lists them)":                    "考核办自己的 .docx 模板，含 {{字段}}（kaohe doc fields 列出可用字段）",
		"write the documents although records fail their hash: they say 未通过核验 in place of the fingerprint": "记录与其哈希不符时仍生成文书：文书中以“未通过核验”代替记录指纹",
		"overwrite existing files":                                                                         "覆盖已有文件",
		"List the {{fields}} a template of each document may name":                                         "列出各类文书模板可用的 {{字段}}",
	}
}
