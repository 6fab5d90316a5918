package draft

import (
	"regexp"

	"github.com/kaohe/kaohe/rubric"
)

// The building blocks the patterns are written with.
const (
	// num is an amount: 0.5, 2, ２, or one Chinese numeral (一…十).
	num = `[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十]`
	// big is a figure that may be written with 万 or 千 (10万, 1.5万, 2千).
	big = `[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|千)?|[一二两三四五六七八九十](?:万|千)?`
	// unit is a measure word counted by a count rule.
	unit = `人次|户次|件次|家次|项次|批次|个工作日|工作日|小时|分钟|季度|万元|平方米|` +
		`项|件|次|个|人|张|家|条|处|例|篇|份|起|户|名|台|批|场|期|天|日|所|座|宗|笔|单|` +
		`套|本|册|部|位|间|块|轮|月|周|年|元|亩|米|公里|栋|辆|艘|架|门`
	// measure is a unit a shortfall or a target may be stated in.
	measure = `个百分点|百分点|[%％]|` + unit
	// below introduces a target figure (不少于10万件, 未达到100%).
	below = `不少于|不低于|不得少于|不得低于|少于|低于|不足|未满|不到|未达到|未实现|没有达到|没有实现|没达到|达不到|达到|实现|达|至少`
	// less is the verb of a per-step shortfall (每少, 每低, 每差).
	less = `少于|低于|降低|减少|下降|少|低|差|缺`
	// proportional is a deduction (or a score) in proportion to a rate.
	proportional = `按(?:完成|实际)?比例(?:扣|得分|计分|计算得分)`
	// noScore is a fixed deduction of the whole indicator (不得分).
	noScore = `不得分|不计分|[得计记]0分|得零分|为0分|为零分|(?:该项|本项|此项)(?:为|记|计|得)0分|` +
		`扣除?(?:该项|本项|此项)?(?:全部)?分值|扣完(?:该项|本项|此项)分值`
)

// Pattern is one phrasing of a Chinese scoring clause: a regular expression
// over the clause and what a match means. Named groups carry the parameters:
// amount, target, tunit (the target's unit), step, unit.
type Pattern struct {
	// Name identifies the pattern in tests and in review reasons.
	Name string
	// Kind is the rule kind a match drafts.
	Kind rubric.Kind
	// Re matches the clause.
	Re *regexp.Regexp
	// Example is a phrase of the kind the pattern is meant for; the tests
	// draft it and check the result.
	Example string
	// TargetFromContent means the target is not in the clause but in the
	// indicator's 考核内容 (不少于4次, 达到90%以上); without one there the
	// pattern does not apply.
	TargetFromContent bool
	// EachItem means the clause applies to every 、-listed item before it
	// (目录梳理、实施清单填报未实现100%的，每项每少1%…): one rule per item.
	EachItem bool
	// AllPoints means the deduction is the indicator's points (不得分).
	AllPoints bool
	// Review, when set, marks the drafted rule for review with this reason:
	// the phrasing is recognised but cannot be modelled without a person.
	Review string
	// PerItem makes a bonus per occurrence (每次加3分): the value is a count.
	PerItem bool
	// Bands means the clause is a table of score bands (by figure or by
	// label), read piece by piece (see bandsOf); Re only selects it.
	Bands bool
	// LimitFromContent means an excess rule's ceiling is in 考核内容
	// (不高于5%); without one there the pattern does not apply.
	LimitFromContent bool
	// ToTarget means a linear rule runs from 0 to the count target of
	// 考核内容 (否则按完成比例得分 after 不少于4次).
	ToTarget bool
}

// Patterns returns the clause patterns in the order they are tried: the
// first that matches a clause decides its kind. More specific phrasings come
// before the general ones they would otherwise fall under.
func Patterns() []Pattern {
	return []Pattern{
		// Wordings the language cannot hold: recognised so that the rule
		// says why a person must score it.
		{Name: "escalation", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`加倍扣|翻倍扣|追加扣|扣满(?:` + num + `)分的$`),
			Example: "第一起扣2分，每多一起加倍扣分",
			Review:  "逐次加重的扣分（加倍扣分、扣满后追加扣除）kaohe 的种类表达不了：已作为酌情扣分，请按条款算出扣分后记录"},
		{Name: "relative", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`按(?:第[1１一]名|最高分|排名第[1１一])[^，；。]{0,4}?比(?:例|值)|与第[1１一]名[^，；。]{0,4}?比`),
			Example: "按第1名的比例得分",
			Review:  "按与其他单位的比较得分（按第1名的比例）kaohe 的种类表达不了：已作为酌情扣分，请算出扣分后记录"},
		{Name: "second-person", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`(?:首席代表|分管领导|主要负责人|直接责任人|责任人)[^，；。]{0,4}扣`),
			Example: "窗口被投诉查实的，首席代表扣1.5分",
			Review:  "扣分记在另一个人（首席代表、负责人…）名下，kaohe 只给被考核单位计分：已作为酌情扣分，请核对是否应计入本单位"},
		{Name: "item-zero", Kind: rubric.Flag, AllPoints: true,
			Re:      regexp.MustCompile(`(?:该项|本项|此项|该指标|本指标)总?得?分(?:为|记|计)(?:零|0)分?`),
			Example: "未按期整改的，该项总分为0分"},
		{Name: "veto", Kind: rubric.Veto,
			Re:      regexp.MustCompile(`一票否决|单项否决|总得?分为零|总得?分为0分?|实行否决`),
			Example: "瞒报事故的，实行一票否决"},
		{Name: "band-figure", Kind: rubric.Band, Bands: true,
			Re:      regexp.MustCompile(`[%％]`),
			Example: "达到100%的得满分，90%-100%得3分，90%以下不得分"},
		{Name: "band-label", Kind: rubric.Band, Bands: true,
			Re:      regexp.MustCompile(`[得计记](?:` + num + `)分|不得分`),
			Example: "评价为优的得10分，良的得5分，差的得0分"},
		{Name: "linear", Kind: rubric.Linear,
			Re:      regexp.MustCompile(`(?:低于|不足|不高于|未达到)(?:[（(]含[)）])?(?P<from>` + num + `)[%％][^。]*?线性(?:[^；。]*?(?P<to>` + num + `)[%％])?`),
			Example: "低于（含）90%不得分；高于90%的按线性内插赋分"},
		{Name: "linear-count", Kind: rubric.Linear, ToTarget: true,
			Re:      regexp.MustCompile(`按完成(?:比例|比率|进度)(?:得分|计分|赋分)`),
			Example: "全部完成的得满分，否则按完成比例得分"},
		{Name: "bonus-range", Kind: rubric.Bonus,
			Re:      regexp.MustCompile(`(?:每(?P<unit>` + unit + `)?)?(?:酌情)?加(?P<lo>` + num + `)\s*[-－—~～至到]\s*(?P<hi>` + num + `)分`),
			Example: "获得上级表彰的，每次加1-3分"},
		{Name: "bonus-each", Kind: rubric.Bonus, PerItem: true,
			Re:      regexp.MustCompile(`每(?:[^，；。]{0,6}?(?:1|１|一))?(?P<unit>` + unit + `|种)[^，；。]{0,6}?加(?P<amount>` + num + `)分`),
			Example: "经验做法被上级推广的，每次加3分"},
		{Name: "bonus-slash", Kind: rubric.Bonus, PerItem: true,
			Re:      regexp.MustCompile(`^[^扣]*?加?(?P<amount>` + num + `)分\s*[/／](?P<unit>` + unit + `|种)`),
			Example: "获得国家级荣誉的，5分/种"},
		{Name: "bonus", Kind: rubric.Bonus,
			Re:      regexp.MustCompile(`加(?P<amount>` + num + `)分`),
			Example: "被评为全省示范单位的加5分"},
		{Name: "convert", Kind: rubric.Convert,
			Re:      regexp.MustCompile(`(?:得分|分数|成绩|结果)[^，；。]{0,10}(?:折算|换算)|(?:折算|换算)[^，；。]{0,6}得分`),
			Example: "按照省平台月度通报得分进行折算"},
		{Name: "ratio-target", Kind: rubric.Ratio,
			Re:      regexp.MustCompile(`(?P<target>` + num + `)[%％][^；。]*` + proportional),
			Example: "按时办结率低于98%的按比例扣分"},
		{Name: "ratio-content", Kind: rubric.Ratio, TargetFromContent: true,
			Re:      regexp.MustCompile(proportional),
			Example: "群众满意率没有达到要求的按比例扣分"},
		{Name: "ratio-no-target", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(proportional),
			Example: "完成率不达标的按完成比例计分",
			Review:  "按比例扣分，但条款和考核内容里都没有目标百分比：请改为 ratio 并填写 target 和 cap"},
		{Name: "excess-limit", Kind: rubric.Excess,
			Re:      regexp.MustCompile(`(?:超过|超出|高于|多于)(?P<limit>` + big + `)(?P<tunit>` + measure + `)(?:[（(]不?含[^）)]*[)）])?[^；。]*?每(?:增加|超过|超出|多|高|增)(?P<step>` + big + `)(?P<unit>` + measure + `)[^，；。]{0,12}?扣(?P<amount>` + num + `)分`),
			Example: "每月请假超过2天（不含2天）的，每增加1天扣1分"},
		{Name: "excess-content", Kind: rubric.Excess, LimitFromContent: true,
			Re:      regexp.MustCompile(`每(?:高|多|增加|超出)(?P<step>` + big + `)(?P<unit>` + measure + `)[^，；。]{0,12}?扣(?P<amount>` + num + `)分`),
			Example: "每高3个百分点扣1分"},
		{Name: "excess-no-limit", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`每(?:高|多|增加|超出)(?:` + big + `)(?:` + measure + `)[^，；。]{0,12}?扣(?:` + num + `)分`),
			Example: "投诉率每高1个百分点扣0.5分",
			Review:  "超过上限按步扣分（excess），但条款和考核内容里都没有上限：请改为 excess 并填写 limit、step、amount"},
		{Name: "shortfall-full-marks", Kind: rubric.Shortfall,
			Re:      regexp.MustCompile(`(?:达到|达|实现)?(?P<target>` + num + `)(?P<tunit>[%％])(?:及以上|以上)?的?得满分[^；。]*?每(?:` + less + `)(?:[^，；。0-9０-９]{0,6}?)(?P<step>` + big + `)(?P<unit>` + measure + `)[^，；。]{0,12}?扣(?P<amount>` + num + `)分`),
			Example: "100%得满分，每下降一个百分点扣5分"},
		{Name: "count-range", Kind: rubric.Count,
			Re:      regexp.MustCompile(`(?:每|发现|出现|查实)(?:[^，；。0-9０-９]{0,6}?(?:1|１|一))?(?P<unit>` + unit + `)[^，；。]{0,8}?扣(?P<lo>` + num + `)\s*[-－—~～至到]\s*(?P<hi>` + num + `)分`),
			Example: "每件次酌情扣2-5分"},
		{Name: "count-range-slash", Kind: rubric.Count,
			Re:      regexp.MustCompile(`扣(?P<lo>` + num + `)\s*[-－—~～至到]\s*(?P<hi>` + num + `)分\s*[/／每](?P<unit>` + unit + `)`),
			Example: "扣5—15分/次"},
		{Name: "shortfall-each-item", Kind: rubric.Shortfall, EachItem: true,
			Re:      regexp.MustCompile(`、[^，；。]*(?:` + below + `)(?P<target>` + big + `)(?P<tunit>` + measure + `)[^；。]*?每项每(?:` + less + `)(?P<step>` + big + `)(?P<unit>` + measure + `)扣(?P<amount>` + num + `)分`),
			Example: "公开率、准确率未达到100%的，每项每少1%扣0.1分"},
		{Name: "shortfall-target", Kind: rubric.Shortfall,
			Re:      regexp.MustCompile(`(?:` + below + `)(?P<target>` + big + `)(?P<tunit>` + measure + `)[^；。]*?每(?:` + less + `)(?:[^，；。0-9０-９]{0,6}?)(?P<step>` + big + `)(?P<unit>` + measure + `)[^，；。]{0,12}?扣(?P<amount>` + num + `)分`),
			Example: "全年受理量不少于3万件，每少5千件扣0.2分"},
		{Name: "shortfall-content", Kind: rubric.Shortfall, TargetFromContent: true,
			Re:      regexp.MustCompile(`每(?:` + less + `)(?:[^，；。0-9０-９]{0,6}?)(?P<step>` + big + `)(?P<unit>` + measure + `)[^，；。]{0,12}?扣(?P<amount>` + num + `)分`),
			Example: "每少1次专题会议扣0.5分"},
		{Name: "count-per-several", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`每[^，；。0-9０-９]{0,8}?(?P<step>[2-9２-９][0-9０-９]*|[1１][0-9０-９]+|[二两三四五六七八九十])(?P<unit>` + measure + `)[^；。]*?扣(?P<amount>` + num + `)分`),
			Example: "每少3项扣0.5分",
			Review:  "“每N…扣”是按N个一档扣分：请改为 shortfall（填写 target、step）或 count（amount 为每1个的扣分），并核对参数"},
		{Name: "flag-threshold-one", Kind: rubric.Flag,
			Re: regexp.MustCompile(`^[^每]*(?:(?:不足|少于|低于|超过|不到|未满|至少)(?:1|１|一)(?:` + unit + `)|(?:1|１|一)(?:` + unit + `)(?:以上|及以上|以内|以下))` +
				`[^；。]*(?:的|者)[，,]?(?:直接|一次性)?扣(?P<amount>` + num + `)分$`),
			Example: "未建立1个以上示范点的扣1分"},
		{Name: "count", Kind: rubric.Count,
			Re:      regexp.MustCompile(`(?:每|发现|出现|查实|查出)(?:[^，；。]{0,9}?[^0-9０-９.．，；。])?(?:1|１|一)(?P<unit>` + unit + `)[^；。]*?扣(?P<amount>` + num + `)分`),
			Example: "每缺1项扣0.5分"},
		{Name: "count-one", Kind: rubric.Count,
			Re:      regexp.MustCompile(`(?:^|[^0-9０-９.．])(?:1|１)(?P<unit>` + unit + `)[^，；。]*?扣(?P<amount>` + num + `)分`),
			Example: "事项没有录入系统的1项扣0.1分"},
		{Name: "count-each", Kind: rubric.Count,
			Re:      regexp.MustCompile(`每(?P<unit>` + unit + `)[^，；。]{0,10}?扣(?P<amount>` + num + `)分`),
			Example: "未按规定公示的，每项扣0.2分"},
		{Name: "count-slash", Kind: rubric.Count,
			Re:      regexp.MustCompile(`扣(?P<amount>` + num + `)分\s*[/／每](?P<unit>` + unit + `)`),
			Example: "超时办结的扣0.1分/件"},
		{Name: "count-one-word", Kind: rubric.Count,
			Re:      regexp.MustCompile(`一(?P<unit>` + unit + `)扣(?P<amount>` + num + `)分`),
			Example: "迟报一次扣0.5分"},
		{Name: "discretion-range", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`扣(?:` + num + `)\s*[-－~～至到]\s*(?P<cap>` + num + `)分`),
			Example: "宣传不到位的，酌情扣0.5-2分"},
		{Name: "discretion", Kind: rubric.Discretion,
			Re:      regexp.MustCompile(`酌情扣|视情(?:况)?扣|根据[^，；。]{0,16}情况[^，；。]{0,4}扣分`),
			Example: "台账不规范的，视情况扣分"},
		{Name: "flag", Kind: rubric.Flag,
			Re:      regexp.MustCompile(`^[^每]*(?:的|者)[，,]?(?:直接|一次性)?扣(?P<amount>` + num + `)分$`),
			Example: "没有建立工作台账的扣1分"},
		{Name: "flag-bare", Kind: rubric.Flag,
			Re:      regexp.MustCompile(`^[^每]*(?:没有|没|未|无|不|缺|漏|迟|错)[^每]*?[，,]?(?:直接)?扣(?P<amount>` + num + `)分$`),
			Example: "工作方案未按时报备扣0.5分"},
		{Name: "flag-no-score", Kind: rubric.Flag, AllPoints: true,
			Re:      regexp.MustCompile(`^[^每]*(?:` + noScore + `)$`),
			Example: "未开展此项工作的不得分"},
	}
}

// unrecognised is the review reason of a clause no pattern matched.
const unrecognised = "没有识别出扣分方式：请选择种类（flag、count、shortfall、ratio、convert、discretion、bonus、band、veto、excess、linear）并填写参数"
