package i18n

// HelpWords is the wording of kaohe --help: the commands' descriptions and
// flag usages, and the words of the usage template around them.
type HelpWords struct {
	// Texts words a command's Short, Long and Example and a flag's usage,
	// keyed by the English text the command is built with (empty in
	// English, whose words are the commands' own), as Refusals does for
	// errors, so one table serves every command and a new English text
	// without its wording is found by a test.
	Texts map[string]string
	// HelpFor and VersionFor are the usages of each command's --help flag
	// and of kaohe's --version: the command.
	HelpFor, VersionFor string
	// Default follows a flag's usage when its default is not the zero
	// value: the default.
	Default string
	// UsageTemplate is the usage template (cobra's, in English) in this
	// language; flagUsages lays out a flag set, measuring by display
	// width so that Chinese value names stay in line, and replace is
	// strings.ReplaceAll.
	UsageTemplate string
}

func chineseHelp() HelpWords {
	return HelpWords{
		HelpFor: "显示 %s 的帮助", VersionFor: "显示 %s 的版本", Default: "（默认 %s）",
		UsageTemplate: `用法：{{if .Runnable}}
  {{replace .UseLine "[flags]" "[选项]"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

可用命令：{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

其他命令：{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{flagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{flagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

其他帮助主题：{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看各命令的说明。{{end}}
`,
		Texts: allWords(
			chineseHelpTexts(),
			chineseProblemHelpTexts(),
			chineseAgreementHelpTexts(),
			chineseFigureHelp(),
			chineseProblemBookHelp(),
			chinesePlanHelpTexts(),
			chineseSelfAssessHelp(),
			chineseDocHelp(),
			chineseAppealHelp(),
		),
	}
}

func englishHelp() HelpWords {
	return HelpWords{HelpFor: "help for %s", VersionFor: "version for %s", Default: " (default %s)", Texts: map[string]string{}, UsageTemplate: `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Available Commands:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

Additional Commands:{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{flagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{flagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

Additional help topics:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`}
}

// chineseHelpTexts words the commands' English texts in Chinese.
func chineseHelpTexts() map[string]string {
	return map[string]string{
		// The commands' arguments, as their Use lines name them (the
		// command's name stays).
		"attach ASSESSMENT RULE|INDICATOR FILE… [--note TEXT]":                          "attach 考核 规则|指标 文件… [--note 说明]",
		"conflicts [ASSESSMENT] [--json]":                                               "conflicts [考核] [--json]",
		"detach ASSESSMENT RULE|INDICATOR SHA256-PREFIX":                                "detach 考核 规则|指标 SHA256开头几位",
		"evidence ASSESSMENT [RULE|INDICATOR] [--json]":                                 "evidence 考核 [规则|指标] [--json]",
		"get ASSESSMENT SHA256-PREFIX -o PATH":                                          "get 考核 SHA256开头几位 -o 路径",
		"export ASSESSMENT --json":                                                      "export 考核 --json",
		"history ASSESSMENT [RULE]":                                                     "history 考核 [规则]",
		"import ASSESSMENT FILE.json":                                                   "import 考核 文件.json",
		"init --inspector NAME":                                                         "init --inspector 姓名",
		"merge --into TARGET.db SOURCE.db…":                                             "merge --into 目标.db 来源.db…",
		"new UNIT PERIOD [--rubric FILE | --rubric-id ID[@VERSION]]":                    "new 单位 年度 [--rubric 文件 | --rubric-id 编号[@版本]]",
		"note ASSESSMENT INDICATOR TEXT":                                                "note 考核 指标 文字",
		"pack OUT.db":                                                                   "pack 副本.db",
		"reopen ASSESSMENT --reason TEXT":                                               "reopen 考核 --reason 理由",
		"report [--period P] [--units U,…] --format xlsx|csv|md|json -o FILE [--force]": "report [--period 年度] [--units 单位,…] --format xlsx|csv|md|json -o 文件 [--force]",
		"resolve ASSESSMENT RULE (--pick INSPECTOR|REVISION|items | --value V | --keep-signed) [--note TEXT]": "resolve 考核 规则 (--pick 督查人员|修订号|items | --value 值 | --keep-signed) [--note 理由]",
		"add FILE":                    "add 文件",
		"add FILE [--allow-mismatch]": "add 文件 [--allow-mismatch]",
		"diff OLD NEW [--json]":       "diff 旧版 新版 [--json]",
		"draft TABLE.txt [--id ID --version V] -o draft.yaml|draft.xlsx [--force]": "draft 表格.txt [--id 编号 --version 版本] -o draft.yaml|draft.xlsx [--force]",
		"export [--rubric FILE] -o 指标.xlsx [--force]":                              "export [--rubric 文件] -o 指标.xlsx [--force]",
		"validate FILE": "validate 文件",
		"score [ASSESSMENT] [--findings FILE.json]":     "score [考核] [--findings 文件.json]",
		"set ASSESSMENT RULE VALUE [--note TEXT]":       "set 考核 规则 值 [--note 理由]",
		"sign ASSESSMENT [--allow-incomplete]":          "sign 考核 [--allow-incomplete]",
		"add NAME FINGERPRINT":                          "add 姓名 设备指纹",
		"unset ASSESSMENT RULE":                         "unset 考核 规则",
		"verify [--json] [--fingerprint ASSESSMENT]":    "verify [--json] [--fingerprint 考核]",
		"withdraw ASSESSMENT [--force] [--reason TEXT]": "withdraw 考核 [--force] [--reason 理由]",
		"help [command]":                                "help [命令]",
		// kaohe and its global flags.
		"考核 — county government assessment workbench": "考核 — 县市（区）政府考核工作台",
		"kaohe walks an inspector through every indicator of the rubric, records findings\n" +
			"in a local SQLite file, scores them exactly, merges inspectors' files and writes reports.": "kaohe 带督查人员逐项走完考核指标，把发现记录在本机的 SQLite 文件中，\n精确计分，合并各督查人员的文件，并生成报表。不带参数运行时打开工作台界面。",
		"database file (default: $KAOHE_DB, else kaohe.db in the user's data folder)": "数据库`文件`（默认：$KAOHE_DB，否则为用户数据文件夹中的 kaohe.db）",
		"language of labels: zh or en (default: the rubric's)":                        "界面`语言`：zh 或 en（默认：跟随考核指标）",

		// Recording.
		"Set the inspector's name for this database (once per laptop)":                          "设置本数据库的督查人员姓名（每台电脑一次）",
		"the inspector's name as it should appear in history and reports":                       "督查人员`姓名`，将记入历史和报表",
		"Create an assessment (or report the existing one)":                                     "新建考核（已有则显示已有的）",
		"rubric file, YAML or .xlsx (default: the embedded seed rubric)":                        "考核指标`文件`，YAML 或 .xlsx（默认：内置考核指标）",
		"a rubric stored with kaohe rubric add: `ID@VERSION`, or ID when one version is stored": "用 kaohe rubric add 存入的考核指标：`编号@版本`；只存了一个版本时可只写编号",
		"List assessments: unit, period, inspectors, progress, total, status, conflicts":        "列出考核：单位、年度、督查人员、进度、总分、状态、冲突",
		"withdrawn assessments too, marked":                                                     "也列出已撤回的考核（标明）",
		"print JSON":                                                                            "输出 JSON",
		"Record a rule's value":                                                                 "记录一条规则的值",
		"why: required for discretionary deductions":                                            "`理由`：酌情扣分必须填写",
		"Retract a rule's value (kept in history)":                                              "撤销一条规则的值（记入历史）",
		"Set an indicator's free note (empty text clears it)":                                   "填写指标备注（空文字即清除）",
		"Record every finding of a findings file (all or nothing)":                              "记录发现文件中的全部发现（要么全部记录，要么都不记录）",
		"Print the current findings in the findings-file format":                                "按发现文件的格式输出当前的发现",
		"print JSON (the only format)":                                                          "输出 JSON（唯一的格式）",
		"The audit trail: when, who, device, old → new, note":                                   "修改记录：时间、督查人员、设备、原值 → 新值、备注",
		"Score findings: a findings file, or an assessment in the database":                     "计算得分：发现文件，或数据库中的考核",
		"findings JSON file: {\"findings\": {\"1.2.a\": 3, …}}":                                 "发现`文件`（JSON）：{\"findings\": {\"1.2.a\": 3, …}}",

		// Evidence.
		"Attach evidence files (佐证材料) to a rule or an indicator":                         "为规则或指标附上佐证材料",
		"largest file accepted, in MB":                                                   "可接受的最大文件（`MB`）",
		"what the files show (kept with each attachment)":                                "文件内容`说明`（随每份佐证材料保存）",
		"List evidence files: subject, name, size, type, sha256, who, when, note":        "列出佐证材料：所属规则或指标、文件名、大小、类型、sha256、督查人员、时间、说明",
		"Write one evidence file back out, byte for byte":                                "原样写出一份佐证材料",
		"overwrite an existing file":                                                     "覆盖已有的文件",
		"where to write the file":                                                        "写出到哪个`文件`",
		"Retract an evidence file from a rule or indicator (history and bytes are kept)": "从规则或指标撤下一份佐证材料（历史和文件内容都保留）",

		// Itemised findings.
		"Record a count rule's findings item by item (每少1项, 每发现1次); the rule's value is their number": "逐项记录计数规则的发现（每少1项、每发现1次）；规则的值即条目数",
		"Add one item to a count rule":                                                               "为计数规则添加一个条目",
		"add ASSESSMENT RULE TEXT [--amount X] [--note T]":                                           "add 考核 规则 文字 [--amount 分值] [--note 备注]",
		"the item's own amount, on a rule with a range (每起扣1-2分)":                                    "该条目自己的`分值`，用于有分值区间的规则（每起扣1-2分）",
		"more about the item":                                                                        "条目的`备注`",
		"List the live items: number, ID, text, amount, who, when, note; possible duplicates marked": "列出现有条目：序号、编号、文字、分值、督查人员、时间、备注；标出可能重复的",
		"list ASSESSMENT [RULE] [--json]":                                                            "list 考核 [规则] [--json]",
		"Remove one item (its number in the list or its ID); its history stays":                      "移除一个条目（按列表序号或编号）；历史中保留记录",
		"remove ASSESSMENT RULE ITEM":                                                                "remove 考核 规则 条目",
		"edit ASSESSMENT RULE ITEM [--text T] [--amount X] [--note T]":                               "edit 考核 规则 条目 [--text 文字] [--amount 分值] [--note 备注]",
		"Change one item's text, amount or note (a new revision of it)":                              "修改一个条目的文字、分值或备注（记为它的新修订）",
		"the item's new text":                                                                        "条目的新`文字`",
		"the item's new amount, on a rule with a range":                                              "条目的新`分值`，用于有分值区间的规则",
		"the item's new note (empty clears it)":                                                      "条目的新`备注`（空文字即清除）",

		// Signing and settling.
		"Sign an assessment off; it refuses edits until reopened":                                   "签字确认考核；重新打开之前不能再修改",
		"sign although rules are unrecorded or deductions lack a reason (kept in history)":          "即使有未记录的规则或缺少理由的扣分也签字（记入历史）",
		"Reopen a signed assessment for editing":                                                    "重新打开已签字的考核以便修改",
		"why the assessment is reopened (recorded in history)":                                      "重新打开的`理由`（记入历史）",
		"List open conflicts: each inspector's value, device, time and note":                        "列出未解决的冲突：各督查人员的值、设备、时间和备注",
		"Settle a conflict: keep one inspector's value, record a new one, or keep the signed value": "处理冲突：选用某位督查人员的值、记录新值，或保留签字时的值",
		"keep the value the sign-off signed (a value changed after signing)":                        "保留签字时的值（用于签字后被修改的值）",
		"why (kept in history)": "`理由`（记入历史）",
		"keep the value of this inspector (or revision ID prefix); items keeps a rule's items over its plain number": "选用这位`督查人员`的值（或修订编号的开头几位）；items 表示以该规则逐项记录的条目为准，撤销直接记录的数",
		"record this value instead": "改为记录这个`值`",
		"Withdraw an assessment created by mistake (kept in history; list, report and the TUI leave it out)":  "撤回误建的考核（记入历史；列表、报表和工作台不再显示）",
		"withdraw it even though findings are recorded in it":                                                 "即使已有记录也撤回",
		"why it is withdrawn (kept in history)":                                                               "撤回的`理由`（记入历史）",
		"  kaohe withdraw 9158eb4dc65c --reason 误用2021年指标\n  kaohe list --all   # withdrawn ones too, marked": "  kaohe withdraw 9158eb4dc65c --reason 误用2021年指标\n  kaohe list --all   # 也列出已撤回的（标明）",

		// Merging and handing over.
		"Merge inspectors' databases into one (all or nothing; sources are never modified)":                              "把各督查人员的数据库合并为一个（要么全部合并，要么都不合并；来源文件不会被修改）",
		"the database to merge into (created if missing)":                                                                "合并到的`数据库`（不存在则新建）",
		"print the summary as JSON":                                                                                      "以 JSON 输出合并摘要",
		"Write a self-contained copy of the database for handing over (USB stick, mail)":                                 "写出数据库的完整副本，便于移交（U 盘、邮件）",
		"Check every record: hashes, signatures, evidence files, parents, values, sign-offs; exit 1 naming each bad one": "核验每条记录：哈希、签名、佐证材料、父修订、值、签字；有问题时逐条列出并以退出码 1 结束",
		"print this assessment's fingerprint (as its score sheets carry it)":                                             "输出该`考核`的记录指纹（与评分表上印的相同）",

		// Reports.
		"Write the ranking and a score sheet per unit (Excel, CSV, Markdown or JSON)":                                     "生成排名和各单位的评分表（Excel、CSV、Markdown 或 JSON）",
		"write the report although records fail their hash: those sheets say 未通过核验 and carry no signature or fingerprint": "即使有记录与其哈希不符也生成报表：这些评分表注明未通过核验，不印签字和记录指纹",
		"xlsx, csv, md or json (default: from the file name)":                                                             "`格式`：xlsx、csv、md 或 json（默认：按文件扩展名）",
		"output file (written atomically)":                                                                                "输出`文件`（整体写入，不会写出一半）",
		"compare with an earlier period (同比): each unit's change of total, rank and category":                             "与往年`年度`比较（同比）：各单位总分、名次和各类别得分的增减",
		"the date of writing the titles carry, YYYY-MM-DD (default today)":                                                "标题所署的成文日期，YYYY-MM-DD（默认今天）",
		"the same as --compare":                                           "同 --compare",
		"only this period (e.g. 2021)":                                    "只含该`年度`（如 2021）",
		"only these units, comma-separated":                               "只含这些`单位`，用逗号分隔",
		"for a .zip bundle: formats to add beside the xlsx (csv,md,json)": "用于 .zip 压缩包：在 xlsx 之外再附加的`格式`（csv,md,json）",
		"  kaohe report --period 2021 --format xlsx -o 2021考核结果.xlsx\n  kaohe report --period 2021 -o 2021考核结果.zip --with csv   # with 佐证材料 and manifest.csv\n  kaohe report --units 吉首市,泸溪县 --format md -o 结果.md": "  kaohe report --period 2021 --format xlsx -o 2021考核结果.xlsx\n  kaohe report --period 2021 -o 2021考核结果.zip --with csv   # 附佐证材料和 manifest.csv\n  kaohe report --units 吉首市,泸溪县 --format md -o 结果.md",

		// Devices and the roster.
		"Print the inspector's name and this laptop's device fingerprint":                                        "显示督查人员姓名和本机的设备指纹",
		"List every device that contributed: fingerprint, names, revisions, first and last time":                 "列出参与记录的每台设备：指纹、姓名、修订条数、最早和最晚时间",
		"The lead's roster: which devices belong to which inspector":                                             "组长的名单：哪台设备属于哪位督查人员",
		"Record that a device belongs to an inspector":                                                           "登记一台设备属于某位督查人员",
		"Show the roster, and revisions written under a roster name from another device":                         "显示名单，以及用名单上的姓名从其他设备写入的修订",
		"  kaohe team add 王组长 3f9a2c17d0b4e851 --role lead   # the lead, who decides appeals":                    "  kaohe team add 王组长 3f9a2c17d0b4e851 --role lead   # 组长：由其作出申诉复核决定",
		"the member's role: lead (decides appeals), or none for an inspector":                                    "成员角色：组长写 lead（作出申诉复核决定），考核人员不写",
		"  kaohe team add 张三 3f9a2c17d0b4e851   # the fingerprint 张三 reads from kaohe whoami\n  kaohe team list": "  kaohe team add 张三 3f9a2c17d0b4e851   # 张三 用 kaohe whoami 看到的设备指纹\n  kaohe team list",
		"Print the path of the database in use":                                                                  "显示正在使用的数据库路径",
		"Print the version, commit and commit date of this kaohe":                                                "显示本 kaohe 的版本、提交和提交日期",

		// Rubrics.
		"Show or validate a rubric file":                                                            "查看或检查考核指标文件",
		"Print the rubric tree with points (--json for machines)":                                   "按层次显示考核指标及分值（--json 供程序读取）",
		"Check a rubric file (YAML or .xlsx); list every error as file:line:col or file:sheet!cell": "检查考核指标文件（YAML 或 .xlsx）；逐条列出错误及其位置（文件:行:列 或 文件:工作表!单元格）",
		"Store a rubric (YAML or .xlsx) in the database, so assessments can be created on it":       "把考核指标（YAML 或 .xlsx）存入数据库，以便按它新建考核",
		"Checks the rubric and stores it under its id and version. A number that disagrees with\n" +
			"the words it models (扣分 0.3 with “扣0.2分” in the clause) is refused unless\n" +
			"--allow-mismatch is given, which records the mismatches with the rubric. The same id and version with\n" +
			"other content is refused (a changed rubric needs a new version), and so is the built-in\n" +
			"rubric's id and version. Create an assessment on it with `kaohe new --rubric-id ID@VERSION`.": "检查考核指标并按其编号和版本存入。数值与其条款文字不符的（扣分 0.3 而条款写“扣0.2分”）会被拒绝，\n除非给出 --allow-mismatch，此时不符之处随考核指标一并记下。编号和版本相同而内容不同的会被拒绝（改过的考核指标须有新版本），\n与内置考核指标编号和版本相同的也会被拒绝。用 `kaohe new --rubric-id 编号@版本` 按它新建考核。",
		"store the rubric although numbers disagree with its words (扣分 0.3 with “扣0.2分” in the clause); the mismatches are recorded with it": "数值与条款文字不符（扣分 0.3 而条款写“扣0.2分”）也存入；不符之处随考核指标一并记下",
		"Checks the rubric and stores it under its id and version. The same id and version with\n" +
			"other content is refused (a changed rubric needs a new version), and so is the built-in\n" +
			"rubric's id and version. Create an assessment on it with `kaohe new --rubric-id ID@VERSION`.": "检查考核指标并按其编号和版本存入。编号和版本相同而内容不同的会被拒绝（改过的考核指标须有新版本），\n与内置考核指标编号和版本相同的也会被拒绝。用 `kaohe new --rubric-id 编号@版本` 按它新建考核。",
		"List the rubrics assessments can be created on (the built-in one first)": "列出可用于新建考核的考核指标（内置的排在最前）",
		"Compare two versions of a rubric (YAML or .xlsx), clause by clause":      "逐条比较考核指标的两个版本（YAML 或 .xlsx）",
		"Lists categories and indicators added, removed and renumbered (matched by their words,\n" +
			"so a moved item is not reported as removed and added), points changed, and standards and\n" +
			"rules changed clause by clause: what to check when a new 考核细则 replaces last year's.": "列出新增、删除和重新编号的类别和指标（按文字匹配，移动过的项目不会显示为删除加新增）、\n分值的变化，以及逐条比较的评分标准和规则的变化：新的考核细则取代上一年时要核对的内容。",
		"Draft a rubric from a rubric table saved as text (Word/WPS); rules it is unsure of are marked review": "从另存为文本的考核指标表格（Word/WPS）起草考核指标；拿不准的规则标为待核对",
		"rubric id (default: draft)":      "考核指标`编号`（默认：draft）",
		"rubric version (default: draft)": "考核指标`版本`（默认：draft）",
		"draft file to write: .yaml, or .xlsx for a workbook to finish in WPS/Excel; default: YAML on standard output": "写出的草稿`文件`：.yaml，或 .xlsx（在 WPS/Excel 中完成的工作簿）；默认：YAML 输出到标准输出",
		"Write a rubric as an Excel/WPS workbook a clerk can edit":                                                     "把考核指标写成可在 Excel/WPS 中编辑的工作簿",
		"Writes the rubric (the embedded one unless --rubric) as a workbook: 基本信息 (id, version,\n" +
			"title, language, units), 指标 (one row per indicator, like the rubric table), 规则 (one\n" +
			"row per rule, 种类 chosen from a drop-down), 分组 (rules sharing a cap), 档次 (one row\n" +
			"per band of a band rule), 等次 (the grades) and 种类 (what each kind means).\n" +
			"`kaohe rubric import` and every --rubric read it back.": "把考核指标（未给 --rubric 时为内置的）写成工作簿：基本信息（编号、版本、标题、语言、被考核单位）、\n指标（每个指标一行，与考核指标表格相同）、规则（每条规则一行，种类从下拉列表选择）、\n分组（共用上限的规则）、档次（档次规则每档一行）、等次和种类（各种类的含义）。\n`kaohe rubric import` 和每个 --rubric 都能读回。",
		"the .xlsx file to write": "要写出的 .xlsx `文件`",
		"Turn a rubric workbook back into the YAML format (checked first)": "把考核指标工作簿转回 YAML 格式（先检查）",
		"Reads a workbook written by `kaohe rubric export` (and edited in Excel or WPS), checks it\n" +
			"like `kaohe rubric validate` — every problem named by sheet and cell — and writes the\n" +
			"rubric as YAML in the layout of rubric/default.yaml (to stdout without -o).": "读取 `kaohe rubric export` 写出（并在 Excel 或 WPS 中修改过）的工作簿，像 `kaohe rubric validate`\n一样检查（每个问题指明工作表和单元格），再按 rubric/default.yaml 的格式写成 YAML（不给 -o 时输出到标准输出）。",
		"the YAML file to write (default: stdout)": "要写出的 YAML `文件`（默认：标准输出）",

		// cobra's own commands.
		"Help about any command": "任一命令的帮助",
		"Help provides help for any command in the application.\nSimply type kaohe help [path to command] for full details.":                                   "显示任一命令的帮助。\n输入 kaohe help 命令 查看详细说明。",
		"Generate the autocompletion script for the specified shell":                                                                                           "为指定的 shell 生成命令补全脚本",
		"Generate the autocompletion script for kaohe for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n": "为指定的 shell 生成 kaohe 的命令补全脚本。\n脚本的用法见各子命令的帮助。\n",
		"Generate the autocompletion script for bash":                                                                                                          "生成 bash 的命令补全脚本",
		"Generate the autocompletion script for fish":                                                                                                          "生成 fish 的命令补全脚本",
		"Generate the autocompletion script for powershell":                                                                                                    "生成 powershell 的命令补全脚本",
		"Generate the autocompletion script for zsh":                                                                                                           "生成 zsh 的命令补全脚本",
		"Generate the autocompletion script for the bash shell.\n\nThis script depends on the 'bash-completion' package.\nIf it is not installed already, you can install it via your OS's package manager.\n\nTo load completions in your current shell session:\n\n\tsource <(kaohe completion bash)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tkaohe completion bash > /etc/bash_completion.d/kaohe\n\n#### macOS:\n\n\tkaohe completion bash > $(brew --prefix)/etc/bash_completion.d/kaohe\n\nYou will need to start a new shell for this setup to take effect.\n":                                            "为 bash 生成命令补全脚本。\n\n该脚本需要 bash-completion 软件包；如未安装，可用操作系统的软件包管理器安装。\n\n在当前 shell 中启用补全：\n\n\tsource <(kaohe completion bash)\n\n在以后每个新 shell 中启用补全，执行一次：\n\n#### Linux：\n\n\tkaohe completion bash > /etc/bash_completion.d/kaohe\n\n#### macOS：\n\n\tkaohe completion bash > $(brew --prefix)/etc/bash_completion.d/kaohe\n\n设置在新开的 shell 中生效。\n",
		"Generate the autocompletion script for the fish shell.\n\nTo load completions in your current shell session:\n\n\tkaohe completion fish | source\n\nTo load completions for every new session, execute once:\n\n\tkaohe completion fish > ~/.config/fish/completions/kaohe.fish\n\nYou will need to start a new shell for this setup to take effect.\n":                                                                                                                                                                                                                                                                                        "为 fish 生成命令补全脚本。\n\n在当前 shell 中启用补全：\n\n\tkaohe completion fish | source\n\n在以后每个新 shell 中启用补全，执行一次：\n\n\tkaohe completion fish > ~/.config/fish/completions/kaohe.fish\n\n设置在新开的 shell 中生效。\n",
		"Generate the autocompletion script for powershell.\n\nTo load completions in your current shell session:\n\n\tkaohe completion powershell | Out-String | Invoke-Expression\n\nTo load completions for every new session, add the output of the above command\nto your powershell profile.\n":                                                                                                                                                                                                                                                                                                                                                   "为 powershell 生成命令补全脚本。\n\n在当前 shell 中启用补全：\n\n\tkaohe completion powershell | Out-String | Invoke-Expression\n\n在以后每个新 shell 中启用补全，把上面命令的输出加入 powershell 配置文件（profile）。\n",
		"Generate the autocompletion script for the zsh shell.\n\nIf shell completion is not already enabled in your environment you will need\nto enable it.  You can execute the following once:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load completions in your current shell session:\n\n\tsource <(kaohe completion zsh)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tkaohe completion zsh > \"${fpath[1]}/_kaohe\"\n\n#### macOS:\n\n\tkaohe completion zsh > $(brew --prefix)/share/zsh/site-functions/_kaohe\n\nYou will need to start a new shell for this setup to take effect.\n": "为 zsh 生成命令补全脚本。\n\n如果还没有启用 shell 补全，需要先启用，执行一次：\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n在当前 shell 中启用补全：\n\n\tsource <(kaohe completion zsh)\n\n在以后每个新 shell 中启用补全，执行一次：\n\n#### Linux：\n\n\tkaohe completion zsh > \"${fpath[1]}/_kaohe\"\n\n#### macOS：\n\n\tkaohe completion zsh > $(brew --prefix)/share/zsh/site-functions/_kaohe\n\n设置在新开的 shell 中生效。\n",
		"disable completion descriptions": "补全时不显示说明",
	}
}

// chineseCommandLineErrors words the errors cobra and pflag make about a
// command line, as cmd/kaohe reads them back (their English formats).
func chineseCommandLineErrors() map[string]string {
	return map[string]string{
		"accepts %s arg(s), received %s":                "需要 %s 个参数，实际给了 %s 个（--help 查看用法）",
		"accepts at most %s arg(s), received %s":        "最多 %s 个参数，实际给了 %s 个（--help 查看用法）",
		"requires at least %s arg(s), only received %s": "至少需要 %s 个参数，实际只给了 %s 个（--help 查看用法）",
		"accepts between %s and %s arg(s), received %s": "需要 %s 至 %s 个参数，实际给了 %s 个（--help 查看用法）",
		"unknown command %q for %q; did you mean %s?":   "%[2]s 没有命令 %[1]q；是不是要用 %[3]s？",
		"unknown command %q for %q":                     "%[2]s 没有命令 %[1]q（--help 列出全部命令）",
		"unknown flag: %s":                              "没有选项 %s（--help 列出全部选项）",
		"unknown shorthand flag: %q in %s":              "%[2]s 中的 %[1]q 不是选项（--help 列出全部选项）",
		"flag needs an argument: %s":                    "选项 %s 后面需要一个值",
		"flag needs an argument: %q in %s":              "%[2]s 中的选项 %[1]q 后面需要一个值",
		"invalid argument %q for %q flag":               "选项 %[2]s 的值 %[1]q 无效",
	}
}
