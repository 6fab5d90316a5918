package i18n

// chineseRubricWords words in Chinese the problems kaohe finds in a rubric
// file (YAML or workbook) and in a workbook it is given, keyed by their
// English fmt format as refusals.go's are; the formats take the same
// arguments in the same order. Then the pieces those messages are built
// from (what has no id, whose points), the rubric format's field names and
// rule kinds (with the YAML word kept, for the author who types it), and
// the YAML parser's messages an author meets.
func chineseRubricWords() map[string]string {
	return map[string]string{
		// The rubric as a whole.
		"rubric has no id": "考核指标没有编号（id）",
		"rubric has no version (editing a rubric means giving it a new version)": "考核指标没有版本（version；修改考核指标就要给它一个新版本）",
		"rubric has no title":                            "考核指标没有标题（title）",
		"period_pattern is not a regular expression: %v": "年度格式（period_pattern）不是有效的正则表达式：%v",
		"unit name is empty":                             "被考核单位名称为空",
		"unit %q is listed twice":                        "被考核单位 %q 列了两次",
		"rubric has no categories":                       "考核指标没有任何类别（categories）",
		"evidence must be %q (every deduction needs an attachment) or \"none\", not %q": "佐证要求（evidence）只能是 %q（每项扣分须附佐证材料）或 \"none\"，不能是 %q",
		"language %q is not one kaohe speaks: write zh (Chinese) or en (English)":       "语言 %q 不是 kaohe 支持的语言：请写 zh（中文）或 en（英文）",
		"unit %s contains %s (U+%04X at byte %d); type the name again without it":       "被考核单位 %s 含有%s（U+%04X，第 %d 字节）；请重新输入，不要带这个字符",
		// Ids and numbers.
		"category has no id":  "类别没有编号（id）",
		"indicator has no id": "指标没有编号（id）",
		"rule has no id":      "规则没有编号（id）",
		"group has no id":     "分组没有编号（id）",
		"duplicate id %q: ids must be unique across the rubric": "编号 %q 重复：整个考核指标中的编号必须各不相同",
		"%s must be greater than 0, got %s":                     "%s必须大于 0，现为 %s",
		"%s must have at most 2 decimal places, got %s":         "%s最多保留 2 位小数，现为 %s",
		"category %s points":                                    "类别 %s 的分值",
		"indicator %s points":                                   "指标 %s 的分值",
		"rule %s amount":                                        "规则 %s 的扣分（amount）",
		"rule %s cap":                                           "规则 %s 的上限（cap）",
		"rule %s points":                                        "规则 %s 的分值（points）",
		"category %s cap":                                       "类别 %s 的上限（cap）",
		"rubric id":                                             "考核指标编号",
		"rubric version":                                        "考核指标版本",
		"group id":                                              "分组编号",
		"%s %s is not valid UTF-8 text":                         "%s %s 不是有效的 UTF-8 文字",
		"%s %s may hold only English letters, digits and . - _ (not %s at byte %d), starting with a letter or digit, as in xiangxi-fangguanfu-county or 2021": "%s %s 只能含英文字母、数字和 . - _（第 %[4]d 字节的 %[3]s 不行），并以字母或数字开头，如 xiangxi-fangguanfu-county 或 2021",
		"%s %s must not contain \"..\"": "%s %s 不能含“..”",
		// Categories and indicators.
		"category id must be its 序号 %q (its position in the file), got %q": "类别编号应为其序号 %q（它在文件中的位置），现为 %q",
		"category %s has no title":                                         "类别 %s 没有标题（title）",
		"category %s has no indicators":                                    "类别 %s 没有任何指标",
		"category %s has %s points but its indicators add up to %s":        "类别 %s 的分值为 %s，但其指标分值合计为 %s",
		"indicator id must be %q (category %s, item %d), got %q":           "指标编号应为 %q（类别 %s 的第 %d 项），现为 %q",
		"indicator %s has no content (考核内容)":                               "指标 %s 没有考核内容（content）",
		"indicator %s has no standard (评分标准)":                              "指标 %s 没有评分标准（standard）",
		"indicator %s cap must not be negative, got %s":                    "指标 %s 的上限（cap）不能为负数，现为 %s",
		"indicator %s cap %s is larger than its %s points":                 "指标 %s 的上限（cap）%s 大于其分值 %s",
		"indicator %s has no rules":                                        "指标 %s 没有任何规则",
		"rule %s clause is not quoted verbatim from indicator %s standard": "规则 %s 的条款原文（clause）不是从指标 %s 的评分标准中逐字摘录的",
		"rule %s clause comes earlier in the standard than the rule before it; letter rules in the order their clauses appear": "规则 %s 的条款在评分标准中排在前一条规则之前；规则的字母应按条款出现的先后排列",
		// Groups.
		"group %s cap must not be negative, got %s":                            "分组 %s 的上限（cap）不能为负数，现为 %s",
		"group %s needs a cap greater than 0":                                  "分组 %s 须有大于 0 的上限（cap）",
		"group %s cap %s is larger than indicator %s points %s":                "分组 %s 的上限（cap）%s 大于指标 %s 的分值 %s",
		"group %s cap must have at most 2 decimal places, got %s":              "分组 %s 的上限（cap）最多保留 2 位小数，现为 %s",
		"group %s lists no rules":                                              "分组 %s 没有列出任何规则",
		"group %s names rule %q, which indicator %s does not have":             "分组 %s 列出的规则 %q 不在指标 %s 中",
		"rule %s is in group %s and group %s; a rule may be in one group only": "规则 %s 同时在分组 %s 和分组 %s 中；一条规则只能属于一个分组",
		// Rules.
		"rule id must be %q (indicator %s, clause %d), got %q":                                             "规则编号应为 %q（指标 %s 的第 %d 条），现为 %q",
		"rule %s has no clause (the words of the standard it models)":                                      "规则 %s 没有条款原文（clause，即它所对应的评分标准原文）",
		"rule %s has no kind (one of %s)":                                                                  "规则 %s 没有种类（kind，可选 %s）",
		"rule %s has unknown kind %q (one of %s)":                                                          "规则 %s 的种类 %q 不认识（kind，可选 %s）",
		"%s rule %s is missing %s":                                                                         "%s类规则 %s 缺少%s",
		"%s is not used by %s rules (rule %s)":                                                             "%s不用于%s类规则（规则 %s）",
		"rule %s %s must not be negative, got %s":                                                          "规则 %s 的%s不能为负数，现为 %s",
		"rule %s bonus %s is larger than the category's %s points":                                         "规则 %s 的加分 %s 大于所在类别的分值 %s",
		"rule %s cap %s is larger than indicator %s points %s":                                             "规则 %s 的上限（cap）%s 大于指标 %s 的分值 %s",
		"rule %s step must be greater than 0":                                                              "规则 %s 的步长（step）必须大于 0",
		"rule %s target must be greater than 0":                                                            "规则 %s 的目标（target）必须大于 0",
		"rule %s full mark must be greater than 0":                                                         "规则 %s 的满分（full）必须大于 0",
		"ratio rule %s target is a percentage and must be at most 100, got %s":                             "比例类规则 %s 的目标（target）是百分比，最多为 100，现为 %s",
		"count rule %s max_value must be a whole number, got %s":                                           "计数类规则 %s 的最大值（max_value）必须是整数，现为 %s",
		"rule %s max_value %s is below its target %s":                                                      "规则 %s 的最大值（max_value）%s 小于其目标 %s",
		"category %s is a bonus category; its rules must be of kind bonus, got %s":                         "类别 %s 是加分项，其规则的种类必须是加分（bonus），现为%s",
		"bonus rule %s is in category %s, which is not a bonus category (set bonus: true on the category)": "加分规则 %s 在类别 %s 中，而该类别不是加分项（请把该类别的 bonus 设为 true）",
		// Text that is not the source's.
		"%s is not valid UTF-8 text (byte 0x%02X at byte %d); save the file as UTF-8":                                                   "%s不是有效的 UTF-8 文字（第 %[3]d 字节为 0x%02[2]X）；请把文件存为 UTF-8",
		"%s holds U+FFFD (\uFFFD) at byte %d, the mark of text that was not valid UTF-8 where it was copied from; type the words again": "%s第 %d 字节有 U+FFFD（\uFFFD），说明复制来源处的文字不是有效的 UTF-8；请重新输入这些文字",
		// The rubric format's fields and rule kinds.
		"field points":    "分值（points）",
		"field amount":    "扣分（amount）",
		"field cap":       "上限（cap）",
		"field target":    "目标（target）",
		"field step":      "步长（step）",
		"field full":      "满分（full）",
		"field max_value": "最大值（max_value）",
		"field unit":      "单位（unit）",
		"field title":     "标题（title）",
		"field content":   "考核内容（content）",
		"field standard":  "评分标准（standard）",
		"field label":     "名称（label）",
		"field clause":    "条款原文（clause）",
		"field review":    "备注（review）",
		"kind flag":       "是否（flag）",
		"kind count":      "计数（count）",
		"kind shortfall":  "差额（shortfall）",
		"kind ratio":      "比例（ratio）",
		"kind convert":    "折算（convert）",
		"kind discretion": "酌情（discretion）",
		"kind bonus":      "加分（bonus）",
		"kind band":       "档次（band）",
		"kind veto":       "一票否决（veto）",
		"kind excess":     "超限（excess）",
		"kind linear":     "线性（linear）",
		// A rubric whose id and version are taken.
		"rubric %s version %s is the built-in rubric and cannot be replaced (sha256 %s…, this one %s…); a changed rubric needs a new version": "考核指标 %s 版本 %s 是内置考核指标，不能替换（sha256 %s…，这一份为 %s…）；改过的考核指标须有新版本",
		"rubric %s version %s is already known with different content (sha256 %s…, this one %s…); a changed rubric needs a new version":       "考核指标 %s 版本 %s 已存有内容不同的一份（sha256 %s…，这一份为 %s…）；改过的考核指标须有新版本",
		// The file and its YAML.
		"%s: cannot read rubric: %s":                                      "%s：无法读取考核指标：%s",
		"no such file or directory":                                       "没有这个文件",
		"permission denied":                                               "没有读取权限",
		"is a directory":                                                  "这是一个文件夹",
		"%s: not a regular file; a rubric is %s":                          "%s：不是普通文件；考核指标应为%s",
		"a YAML file":                                                     "YAML 文件",
		"an Excel workbook (.xlsx)":                                       "Excel 工作簿（.xlsx）",
		"too big for a rubric: %d bytes (at most %d)":                     "文件太大，不像考核指标：%d 字节（最多 %d）",
		"nested more than %d levels deep; a rubric needs far fewer":       "嵌套超过 %d 层；考核指标远用不了这么多层",
		"not valid UTF-8 text (byte 0x%02X); save the file as UTF-8":      "不是有效的 UTF-8 文字（字节 0x%02X）；请把文件存为 UTF-8",
		"expected exactly one YAML document holding a rubric":             "文件中应恰好有一个写着考核指标的 YAML 文档",
		"a rubric file must be a mapping with id, version and categories": "考核指标文件应是含 id、version 和 categories 的映射",
		"unknown field %s":                                                "不认识的字段 %s",
		"%s must be a number, got %q":                                     "%s必须是数字，现为 %q",
		"%s: %q is too large (at most %s)":                                "%s：%q 太大（最多 %s）",
		"%s: %q has more than %d decimal places":                          "%s：%q 的小数超过 %d 位",
		"%s: %q is not a decimal number":                                  "%s：%q 不是十进制数",
		"%s: %v":                                                          "%s：%v",
		"the YAML parser says: %s":                                        "YAML 格式有误：%s",
		"could not find expected ':'":                                     "缺少应有的冒号",
		"mapping value is not allowed in this context":                    "此处不能写映射值（键加冒号再加值），请检查缩进或给文字加引号",
		"found character that cannot start any token":                     "有不能作为开头的字符（如制表符），请改用空格缩进",
		"found a tab character that violates indentation":                 "缩进中有制表符，请改用空格",
		"unexpected key name":                                             "此处不该出现键名，请检查缩进",
		"could not find end character of double-quoted text":              "双引号文字没有结束的引号",
		"could not find end character of single-quoted text":              "单引号文字没有结束的引号",
		"sequence end token ']' not found":                                "缺少结束的“]”",
		"could not find flow mapping end token '}'":                       "缺少结束的“}”",
		// The workbook reader.
		"sheet %s is missing (a rubric workbook has the sheets %s, %s, %s and %s)": "缺少工作表 %s（考核指标工作簿有 %s、%s、%s、%s 四个工作表）",
		"cannot read sheet: %v":                               "无法读取该工作表：%v",
		"this column has no header; the headers are %s":       "此列没有表头；表头应为 %s",
		"unknown column %q; the headers are %s":               "不认识的列 %q；表头应为 %s",
		"column %q appears twice":                             "列 %q 出现了两次",
		"column %q is missing from the header row":            "表头行缺少列 %q",
		"%s (%s) must be a number, got %q":                    "%s（%s）必须是数字，现为 %q",
		"unknown item %q; the items are %s、%s、%s、%s、%s、%s、%s": "不认识的项目 %q；项目应为 %s、%s、%s、%s、%s、%s、%s",
		"%s is given twice (also on row %d)":                  "%s 填了两次（第 %d 行也有）",
		"加分项 must be 是 or empty, got %q":                      "加分项只能填“是”或留空，现为 %q",
		"this indicator comes before any category: fill 序号, 主要工作 and 类别分值 on the first row of each category":      "这个指标前面还没有类别：请在每个类别的第一行填写序号、主要工作和类别分值",
		"rule has no 规则编号 (the indicator's 编号 and a letter, e.g. 1.2.a)":                                          "规则没有规则编号（指标编号加一个字母，如 1.2.a）",
		"rule %s: its 规则编号 must start with the 编号 of an indicator on sheet %s (1.2.a is a rule of indicator 1.2)": "规则 %s：规则编号必须以工作表 %s 中某个指标的编号开头（1.2.a 是指标 1.2 的规则）",
		"rule %s: unknown 种类 %q (choose one of %s)":                                                               "规则 %s：不认识的种类 %q（请从 %s 中选择）",
		"group has no 分组编号":                                "分组没有分组编号",
		"group %s is listed twice":                         "分组 %s 列了两次",
		"rule %s names group %q, which is not on sheet %s": "规则 %s 所写的分组 %q 不在工作表 %s 中",
		"rule %s is in group %s, whose other rules belong to indicator %s; a group's rules share one indicator": "规则 %s 属于分组 %s，而该分组的其他规则属于指标 %s；同一分组的规则必须属于同一个指标",
		"group %s has no rules: name it in the 分组 column of sheet %s":                                           "分组 %s 没有任何规则：请在工作表 %s 的“分组”列中填写它",
		// The drafter's table.
		"%s: cannot read the table: %s":                                                                                                                       "%s：无法读取表格：%s",
		"%s: not a regular file; a rubric table is a text file (.txt)":                                                                                        "%s：不是普通文件；考核指标表格应为文本文件（.txt）",
		"%s: too big for a rubric table: %d bytes (at most %d); save only the table as text":                                                                  "%s：文件太大，不像考核指标表格：%d 字节（最多 %d）；请只把表格另存为文本",
		"this is a Word/WPS or Excel file, not text: open it, select the table and save it as plain text (.txt, UTF-8), then draft from that":                 "这是 Word/WPS 或 Excel 文件，不是文本：请打开它，选中表格另存为纯文本（.txt，UTF-8），再用那个文件起草",
		"the file starts like UTF-16 but cannot be read as it: %v":                                                                                            "文件开头像 UTF-16，却无法按 UTF-16 读取：%v",
		"the file is neither UTF-8 nor GBK text; save the table as text (UTF-8) and try again":                                                                "文件既不是 UTF-8 也不是 GBK 文本；请把表格另存为文本（UTF-8）后重试",
		"the file holds binary data, not text; save the Word/WPS table as plain text (.txt) and try again":                                                    "文件含二进制数据，不是文本；请把 Word/WPS 表格另存为纯文本（.txt）后重试",
		"line %d: %s is %d bytes long; a rubric table's cell may be at most %d bytes (about %d Chinese characters): split it, or save only the table as text": "第 %d 行：%s有 %d 字节；考核指标表格的单元格最多 %d 字节（约 %d 个汉字）：请拆分，或只把表格另存为文本",
		"a cell": "单元格",
		"the 评分标准 of the indicator starting here": "从这里开始的指标的评分标准",
		"no rubric table found: expected a 序号 cell (1, 2, …) followed by its 主要工作（N分）, then each 考核内容 with its 评分标准": "没有找到考核指标表格：应先有序号单元格（1、2……）及其主要工作（N分），再有各考核内容及其评分标准",
		// A workbook refused before it is read.
		"zip: not a valid zip file": "不是有效的 zip 压缩文件",
		"part %s: %s":               "部件 %s：%s",
		"the workbook is damaged and cannot be read (%v)":    "工作簿已损坏，无法读取（%v）",
		"not an Excel workbook (.xlsx): %v":                  "不是 Excel 工作簿（.xlsx）：%v",
		"has %d parts, more than the %d a workbook may have": "有 %d 个部件，超过工作簿允许的 %d 个",
		"the parts inflate to more than %d bytes in all, the most a workbook may (a zip bomb?); this is not a workbook kaohe reads":           "各部件解压后合计超过 %d 字节，超出工作簿的上限（压缩炸弹？）；kaohe 不读取这样的工作簿",
		"inflates to more than %d bytes, the most one part may (a zip bomb?); this is not a workbook kaohe reads":                             "解压后超过 %d 字节，超出单个部件的上限（压缩炸弹？）；kaohe 不读取这样的工作簿",
		"inflates %d times over (%d bytes from %d), more than the %d a workbook's part may (a zip bomb?); this is not a workbook kaohe reads": "解压后膨胀 %d 倍（%d 字节来自 %d 字节），超过工作簿部件允许的 %d 倍（压缩炸弹？）；kaohe 不读取这样的工作簿",
		"inflates to more than the %d bytes the zip declares for it (a zip bomb?), or is damaged; this is not a workbook kaohe reads":         "解压后超过压缩包为它声明的 %d 字节（压缩炸弹？），或已损坏；kaohe 不读取这样的工作簿",
		"is damaged and cannot be read (%v)":                        "已损坏，无法读取（%v）",
		"the XML ends early, at line %d, column %d":                 "XML 提前结束，在第 %d 行第 %d 列",
		"text that is not valid UTF-8 at line %d, column %d":        "第 %d 行第 %d 列有无效的 UTF-8 文字",
		"XML error at line %d, column %d: %s":                       "XML 错误，在第 %d 行第 %d 列：%s",
		"not a regular file; a workbook is an .xlsx file":           "不是普通文件；工作簿应为 .xlsx 文件",
		"too big for a workbook kaohe reads: %d bytes (at most %d)": "文件太大，kaohe 不读取：%d 字节（最多 %d）",
		"cannot read the workbook: %v":                              "无法读取工作簿：%v",
		"its rows reach row %d and column %d: more than the %d cells a sheet kaohe reads may lay out to; a table is far smaller (a cell far to the right or far down?)": "其行数达到第 %d 行、列数达到第 %d 列：超过 kaohe 读取的工作表最多 %d 个单元格；表格远没有这么大（是否有单元格远在右边或下边？）",
	}
}

// withWords adds more wordings to a table (one table, so one way of
// wording every message) and returns it.
// allWords is every table in one, the later winning where two word one
// message: the refusal tables each area of kaohe keeps in its own file.
func allWords(tables ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, t := range tables {
		withWords(out, t)
	}
	return out
}

func withWords(table, more map[string]string) map[string]string {
	for k, v := range more {
		table[k] = v
	}
	return table
}

// chineseYAMLWords words the YAML parser's messages that carry figures,
// read back by pattern (rubric.YAMLMessage), and the types they name.
func chineseYAMLWords() map[string]string {
	return map[string]string{
		"mapping key %q already defined at line %s, column %s":               "键 %q 重复（第 %s 行第 %s 列已经有了）",
		"%s was used where %s is expected":                                   "此处应为%[2]s，却写了%[1]s",
		"cannot unmarshal %s into Go struct field %s of type %s":             "此处应为%[3]s，却写了%[1]s",
		"could not find alias %q":                                            "找不到别名 %q",
		"found character %q that cannot start any token":                     "有不能作为开头的字符 %q（缩进请用空格，不要用制表符）",
		"non-map value is specified":                                         "此处应为映射（键加冒号再加值）",
		"value is not allowed in this context. map key-value is pre-defined": "此处不能再写值（本行的键和值已经写完），请检查引号",
		"yaml int":          "整数",
		"yaml float":        "小数",
		"yaml string":       "文字",
		"yaml bool":         "是/否（true 或 false）",
		"yaml sequence":     "列表（- 项目，或 [ ]）",
		"yaml mapping":      "映射（键加冒号再加值）",
		"yaml null":         "空值",
		"yaml []string":     "文字列表",
		"yaml decimal.Dec":  "数字",
		"yaml *decimal.Dec": "数字",
	}
}
