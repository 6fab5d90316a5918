package draft

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// summary is a rule in one line, as the table tests expect it.
func summary(r *rubric.Rule) string {
	s := string(r.Kind)
	for _, p := range []struct {
		name string
		val  string
	}{{"amount", show(r.Amount)}, {"cap", show(r.Cap)}, {"target", show(r.Target)}, {"step", show(r.Step)}, {"unit", r.Unit}} {
		if p.val != "-" && p.val != "" {
			s += " " + p.name + "=" + p.val
		}
	}
	for _, p := range []struct {
		name string
		val  string
	}{{"limit", show(r.Limit)}, {"from", show(r.From)}, {"to", show(r.To)}} {
		if p.val != "-" {
			s += " " + p.name + "=" + p.val
		}
	}
	if len(r.Range) == 2 {
		s += " range=" + r.Range[0].String() + "-" + r.Range[1].String()
	}
	if r.PerItem {
		s += " per_item"
	}
	for _, b := range r.Bands {
		key := b.Label
		if key == "" {
			key = "-"
			if b.Min != nil {
				key = b.Min.String()
			}
		}
		s += " " + key + ":" + b.Points.String()
	}
	if r.Review != "" {
		s += " REVIEW"
	}
	return s
}

// draftAndLoad drafts a table, writes it as YAML and loads it back, failing
// the test when the draft does not load.
func draftAndLoad(t *testing.T, data []byte) *rubric.Rubric {
	t.Helper()
	rb, err := FromBytes(data, Options{ID: "test", Version: "2023"})
	if err != nil {
		t.Fatal(err)
	}
	out := WriteYAML(rb)
	back, err := rubric.Parse("draft.yaml", out)
	if err != nil {
		t.Fatalf("the draft does not load:\n%v\n%s", err, out)
	}
	return back
}

func checkRules(t *testing.T, rb *rubric.Rubric, want map[string]string) {
	t.Helper()
	if rb.RuleCount() != len(want) {
		var got []string
		for _, ind := range rb.Indicators() {
			for _, r := range ind.Rules {
				got = append(got, r.ID+": "+summary(&r)+" «"+r.Clause+"»")
			}
		}
		t.Errorf("drafted %d rules, want %d:\n%s", rb.RuleCount(), len(want), strings.Join(got, "\n"))
	}
	for id, w := range want {
		ref, ok := rb.Rule(id)
		if !ok {
			t.Errorf("rule %s not drafted", id)
			continue
		}
		if got := summary(ref.Rule); got != w {
			t.Errorf("rule %s «%s»: drafted %q, want %q (%s)", id, ref.Rule.Clause, got, w, ref.Rule.Review)
		}
	}
}

// handTable is a table in the seed's layout (one cell a line, blank cells
// for merged rows) worded unlike the seed.
const handTable = `附件1
[bookmark: _GoBack]
2023年度县市区优化营商环境工作考评细则
	序号
	考评项目
	考评内容
	评分办法

	1
	政务公开（10分）
	（1）按规定公开政府信息，年度主动公开信息不少于2千条。（4分）
	主动公开信息不少于2千条，每少100条扣0.2分，最多扣2分；未建立信息公开台账的扣1分，公开栏目设置不规范的扣1分。

	
	
	（2）依申请公开答复及时率达到95%以上。（3分）
	答复及时率未达标的按比例扣分；每发现1件逾期答复的扣0.5分、每发现1件答复不规范的扣0.2分，合计最多扣1分。

	
	
	（3）做好政府网站和政务新媒体管理。（3分）
	根据省级网站普查得分进行折算。

	2
	窗口服务（10分）
	（1）落实首问负责、一次性告知、限时办结制度。（4分）
	没有落实首问负责制的扣1分，没有落实一次性告知制度的扣1分，发现1人次推诿扯皮的扣0.5分，最多扣3分。

	
	
	（2）窗口工作人员着装规范、文明用语。（3分）
	工作人员仪容仪表不规范的，视情况扣分，最高扣2分；窗口服务质量由第三方评估，按评估结果确定得分。

	
	
	（3）按时报送季度工作总结和统计数据。（3分）
	迟报一次扣0.5分，未报送的扣1分，排名后三位的扣分加倍。

	3
	改革创新（加分项，5分）
	（1）工作经验被国家级媒体推广。（3分）
	经验做法被国家级媒体宣传推广的加3分。

	
	
	（2）承担省级以上改革试点。（3分）
	承担省级改革试点任务的加2分，承担国家级改革试点任务的加3分。
`

func TestDraftHandWrittenTable(t *testing.T) {
	rb := draftAndLoad(t, []byte(handTable))
	if rb.Title != "2023年度县市区优化营商环境工作考评细则" || rb.ID != "test" || rb.Version != "2023" {
		t.Errorf("rubric %q %q %q", rb.ID, rb.Version, rb.Title)
	}
	var cats []string
	for _, c := range rb.Categories {
		cats = append(cats, fmt.Sprintf("%s %s %s bonus=%v %d", c.ID, c.Title, c.Points, c.Bonus, len(c.Indicators)))
	}
	if got := strings.Join(cats, "; "); got != "1 政务公开 10 bonus=false 3; 2 窗口服务 10 bonus=false 3; 3 改革创新 5 bonus=true 2" {
		t.Errorf("categories: %s", got)
	}
	checkRules(t, rb, map[string]string{
		"1.1.a": "shortfall amount=0.2 cap=2 target=2000 step=100 unit=条",
		"1.1.b": "flag amount=1",
		"1.1.c": "flag amount=1",
		"1.2.a": "ratio cap=3 target=95 unit=%",
		"1.2.b": "count amount=0.5 unit=件",
		"1.2.c": "count amount=0.2 unit=件",
		"1.3.a": "convert unit=分",
		"2.1.a": "flag amount=1",
		"2.1.b": "flag amount=1",
		"2.1.c": "count amount=0.5 unit=人次",
		"2.2.a": "discretion cap=2 unit=分",
		"2.2.b": "discretion cap=3 unit=分 REVIEW",
		"2.3.a": "count amount=0.5 unit=次",
		"2.3.b": "flag amount=1",
		"2.3.c": "discretion cap=3 unit=分 REVIEW",
		"3.1.a": "bonus amount=3",
		"3.2.a": "bonus amount=2",
		"3.2.b": "bonus amount=3",
	})
	_, ind, _ := rb.Indicator("1.2")
	if len(ind.Groups) != 1 || ind.Groups[0].Cap.String() != "1" || strings.Join(ind.Groups[0].Rules, ",") != "1.2.b,1.2.c" {
		t.Errorf("1.2 groups: %+v, want one of 1.2.b and 1.2.c capped at 1", ind.Groups)
	}
	_, ind, _ = rb.Indicator("2.1")
	if ind.IndicatorCap().String() != "3" {
		t.Errorf("2.1 cap %s, want 3 (the closing 最多扣3分 after three clauses)", ind.IndicatorCap())
	}
	if ref, _ := rb.Rule("1.1.a"); ref.Rule.Clause != "主动公开信息不少于2千条，每少100条扣0.2分，最多扣2分" {
		t.Errorf("1.1.a clause %q", ref.Rule.Clause)
	}
	if ref, _ := rb.Rule("2.3.c"); ref.Rule.Clause != "排名后三位的扣分加倍" || !strings.Contains(ref.Rule.Review, "没有识别") {
		t.Errorf("2.3.c: clause %q review %q", ref.Rule.Clause, ref.Rule.Review)
	}
	if n := len(rb.Reviews()); n != 2 {
		t.Errorf("%d rules to review, want 2", n)
	}
}

// rowTable is the other way a table comes out of WPS: a row a line, cells
// separated by tabs, saved on Windows (BOM, CRLF).
const rowTable = "\ufeff2024年考核细则\r\n序号\t主要工作\t考核内容\t评分标准\r\n" +
	"1\t基础工作（8分）\t（1）建立工作台账。（2分）\t未建立工作台账的扣2分。\r\n" +
	"\t\t（2）开展业务培训不少于3次。（3分）\t每少1次扣1分，最多扣 2 分。\r\n" +
	"\t\t（3）落实数据报送、信息公开、档案管理等制度。（3分）\t数据报送、信息公开、档案管理完成率未达到100%的，每项每少1%扣0.2分，最多扣3分。\r\n" +
	"2\t加分项目（2分）\t（1）获得表彰。（2分）\t获得省级表彰的加2分，获得州级表彰的酌情加分。\r\n" +
	"3\t其他（2分）\t（1）按时参加会议。（1分）\t缺席会议的扣1分，被评为先进的加1分。\r\n" +
	"\t\t（2）配合督查工作。（1分）\t配合督查工作情况。\r\n" +
	"4\t安全（1分）\t（1）安全生产。（1分）\t发生重大安全事故的，实行一票否决。\r\n"

func TestDraftRowLayoutWindowsFile(t *testing.T) {
	rb := draftAndLoad(t, []byte(rowTable))
	if rb.Title != "2024年考核细则" {
		t.Errorf("title %q", rb.Title)
	}
	checkRules(t, rb, map[string]string{
		"1.1.a": "flag amount=2",
		"1.2.a": "shortfall amount=1 cap=2 target=3 step=1 unit=次",
		"1.3.a": "shortfall amount=0.2 cap=3 target=100 step=1 unit=%",
		"1.3.b": "shortfall amount=0.2 cap=3 target=100 step=1 unit=%",
		"1.3.c": "shortfall amount=0.2 cap=3 target=100 step=1 unit=%",
		"2.1.a": "bonus amount=2",
		"2.1.b": "bonus amount=2 REVIEW",
		"3.1.a": "flag amount=1",
		"3.1.b": "discretion cap=1 unit=分 REVIEW",
		"3.2.a": "discretion cap=1 unit=分 REVIEW",
		"4.1.a": "veto",
	})
	var labels []string
	for _, id := range []string{"1.3.a", "1.3.b", "1.3.c"} {
		ref, _ := rb.Rule(id)
		labels = append(labels, ref.Rule.Label)
	}
	if got := strings.Join(labels, ","); got != "数据报送,信息公开,档案管理完成率" {
		t.Errorf("1.3 labels %s", got)
	}
	if !rb.Categories[1].Bonus || rb.Categories[2].Bonus {
		t.Errorf("bonus categories: %v %v, want the 加分项目 only", rb.Categories[1].Bonus, rb.Categories[2].Bonus)
	}
	_, ind, _ := rb.Indicator("1.3")
	if ind.IndicatorCap().String() != "3" {
		t.Errorf("1.3 cap %s", ind.IndicatorCap())
	}
}

// pointsColumnTable has a 分值 column between 考核内容 and 评分标准, and
// category titles without points.
const pointsColumnTable = `序号	考核项目	考核内容	分值	评分标准
1	营商环境	5
	（1）企业开办时间压缩至1个工作日内。	3	企业开办超过1个工作日的，每超1天扣0.5分，扣分不超过2分；未实现全程网办的不得分。
	（2）政务服务好差评差评整改率100%。	2	差评整改率未达100%的按比例扣分。
2	加分项目
	（1）创新做法被上级推广。	2	被国务院推广的加2分、被省政府推广的加1分，最多加2分。
`

func TestDraftPointsColumnTable(t *testing.T) {
	rb := draftAndLoad(t, []byte(pointsColumnTable))
	if c := rb.Categories[0]; c.Points.String() != "5" || c.Title != "营商环境" {
		t.Errorf("category 1: %q %s", c.Title, c.Points)
	}
	checkRules(t, rb, map[string]string{
		"1.1.a": "count amount=0.5 cap=2 unit=天",
		"1.1.b": "flag amount=3",
		"1.2.a": "ratio cap=2 target=100 unit=%",
		"2.1.a": "bonus amount=2",
		"2.1.b": "bonus amount=1",
	})
	if !rb.Categories[1].Bonus || rb.Categories[1].Points.String() != "2" {
		t.Errorf("bonus category: %+v", rb.Categories[1])
	}
}

// TestDraftRepeatedMergedCells: some exports repeat a merged cell's text on
// every row it spans; the rows still belong to one category.
func TestDraftRepeatedMergedCells(t *testing.T) {
	text := "序号\t主要工作\t考核内容\t评分标准\n" +
		"1\t政务公开（5分）\t（1）公开目录。（2分）\t未编制公开目录的扣2分。\n" +
		"1\t政务公开（5分）\t（2）公开指南。（3分）\t每缺1个指南扣0.5分。\n" +
		"\t政务公开（5分）\t（3）公开年报。（0.5分）\t未按时发布年报的扣0.5分。\n" +
		"2\t窗口服务（2分）\t（1）窗口标识。（2分）\t窗口标识不全的扣1分。\n"
	rb, err := FromText(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rb.Categories) != 2 || len(rb.Categories[0].Indicators) != 3 {
		t.Fatalf("%d categories, first with %d indicators; want 2 and 3", len(rb.Categories), len(rb.Categories[0].Indicators))
	}
	checkRules(t, rb, map[string]string{
		"1.1.a": "flag amount=2",
		"1.2.a": "count amount=0.5 unit=个",
		"1.3.a": "flag amount=0.5",
		"2.1.a": "flag amount=1",
	})
}

// TestDraftNumberedHeadings: a table without a 序号 column numbers its
// 主要工作 in the cell itself.
func TestDraftNumberedHeadings(t *testing.T) {
	text := "考核细则\n主要工作\t考核内容\t评分标准\n" +
		"一、政务公开（2分）\t（1）公开目录。（2分）\t未编制公开目录的扣2分。\n" +
		"二、窗口服务（2分）\t（1）窗口标识。（2分）\t窗口标识不全的扣1分。\n"
	rb := draftAndLoad(t, []byte(text))
	if len(rb.Categories) != 2 || rb.Categories[1].Title != "窗口服务" || rb.Title != "考核细则" {
		t.Fatalf("categories %+v, title %q", rb.Categories, rb.Title)
	}
	checkRules(t, rb, map[string]string{"1.1.a": "flag amount=2", "2.1.a": "flag amount=1"})
}

// TestDraftCapPhrasings: each way a standard closes with a cap.
func TestDraftCapPhrasings(t *testing.T) {
	for _, phrase := range []string{"最多扣1.5分", "最高扣1.5分", "合计最多扣1.5分", "扣分不超过1.5分", "共计扣分不超过1.5分",
		"扣满1.5分为止", "扣分以1.5分为限", "本项最多扣 1.5 分"} {
		text := "1\n工作（3分）\n（1）做好工作。（3分）\n未建立台账的扣1分，每缺1项资料扣0.5分，" + phrase + "。\n"
		rb := draftAndLoad(t, []byte(text))
		if _, ind, _ := rb.Indicator("1.1"); ind.IndicatorCap().String() != "1.5" {
			t.Errorf("%s: indicator cap %s, want 1.5", phrase, ind.IndicatorCap())
		}
	}
}

// TestDraftRepeatedClauseWords: a clause whose words also appear inside an
// earlier clause is quoted so the loader finds it where it stands.
func TestDraftRepeatedClauseWords(t *testing.T) {
	text := "1\n报送（3分）\n（1）按时报送。（3分）\n未建立台账、未报送的扣1分，迟报的扣0.5分，未报送的扣1分。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{"1.1.a": "flag amount=1", "1.1.b": "flag amount=0.5", "1.1.c": "flag amount=1"})
	if ref, _ := rb.Rule("1.1.c"); ref.Rule.Clause != "，未报送的扣1分" {
		t.Errorf("1.1.c clause %q", ref.Rule.Clause)
	}
}

// TestDraftTieredScale: a scale by occurrences is put up for review as a
// whole, and a category with one cell under its title drafts from it.
func TestDraftTieredScale(t *testing.T) {
	text := "1\n纪律（10分）\n（1）按时完成交办任务。（10分）\n未按时完成交办任务的，一次扣1分，两次扣3分，三次及以上本项不得分。\n" +
		"2\n加分项（5分）\n获得国家级表彰的加5分，获得省级表彰的加3分（同一项目只计最高分）。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{
		"1.1.a": "count amount=1 unit=次 REVIEW",
		"1.1.b": "discretion cap=10 unit=分 REVIEW",
		"1.1.c": "flag amount=10 REVIEW",
		"2.1.a": "bonus amount=5",
		"2.1.b": "bonus amount=3",
	})
	if ind := rb.Categories[1].Indicators[0]; ind.Content != ind.Standard || !rb.Categories[1].Bonus {
		t.Errorf("bonus row: content %q standard %q", ind.Content, ind.Standard)
	}
}

func TestDraftGBKFile(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.TrimPrefix(rowTable, "\ufeff"))
	if err != nil {
		t.Fatal(err)
	}
	rb := draftAndLoad(t, []byte(gbk))
	if rb.Title != "2024年考核细则" || rb.RuleCount() != 11 || len(rb.Reviews()) != 3 {
		t.Errorf("GBK draft: %q, %d rules", rb.Title, rb.RuleCount())
	}
}

func TestDraftRefusesWhatIsNotATable(t *testing.T) {
	for name, data := range map[string][]byte{
		"prose":   []byte("这是一段说明文字，没有表格。\n"),
		"empty":   nil,
		"docx":    {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF},
		"binary":  {0x01, 0x00, 0x02},
		"not gbk": {0x81, 0x30, 0xFF, 0xFF},
	} {
		if _, err := FromBytes(data, Options{}); err == nil {
			t.Errorf("%s: drafted without error", name)
		} else if !strings.Contains(err.Error(), "table") && !strings.Contains(err.Error(), "text") {
			t.Errorf("%s: unclear message %q", name, err)
		}
	}
}

// TestWriteYAMLRoundTripsTheSeed writes the built-in rubric with the
// drafter's writer and loads it back unchanged.
func TestWriteYAMLRoundTripsTheSeed(t *testing.T) {
	want := rubric.Default()
	got, err := rubric.Parse("out.yaml", WriteYAML(want))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Error("the seed rubric changed on its way through WriteYAML")
	}
}

// FuzzDraft drafts arbitrary text: it must never panic, and whatever it
// drafts must write as YAML the loader can parse (validation may still
// report arithmetic the text gets wrong).
func FuzzDraft(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, which takes long
	// on a whole table; the unit tests cover whole tables.
	f.Add([]byte("序号\t主要工作\t考核内容\t评分标准\n1\t基础（3分）\t（1）台账。（3分）\t未建立台账的扣1分；不少于2万件，每少1千件扣0.1分，最多扣2分。\n"))
	f.Add([]byte("1\n加分项（加分项，2分）\n获得表彰。\n获得省级表彰的加2分、获得州级表彰的加1分，最多加2分。"))
	f.Add([]byte("1\n标题（5分）\n（1）内容（5分）\n每少1项扣0.5分，最多扣9分；加1分、扣、最多扣2分。"))
	f.Add([]byte("序号\n1\n\n"))
	f.Add([]byte("1\n扣分项（不设上限）\n（1）安全。\n瞒报的一票否决；达到100%的得满分，90%-100%得3分，90%以下不得分；每起扣1-2分。"))
	f.Add([]byte("1\n标题（5分）\n（1）内容（5分）\n优的得5分，良的得3分；低于（含）90%不得分；高于90%的按线性内插赋分；超过2天（不含2天）的，每增加1天扣1分。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rb, err := FromBytes(data, Options{})
		if err != nil {
			return
		}
		_ = Mismatches(rb) // reads every clause again: must not panic either
		out := WriteYAML(rb)
		_, err = rubric.Parse("fuzz.yaml", out)
		var es rubric.Errors
		if err != nil && !asErrors(err, &es) {
			t.Fatalf("draft does not parse as YAML: %v\n%s", err, out)
		}
		// Rules always load: what the drafter is unsure of is a review,
		// not an error. Only the table's own arithmetic and gaps may fail
		// (and an indicator without points has no room for any cap).
		for _, e := range es {
			if strings.Contains(e.Message, "points must be greater than 0") {
				return
			}
		}
		for _, e := range es {
			if strings.Contains(e.Message, "rule ") || strings.Contains(e.Message, "group ") || strings.Contains(e.Message, "unknown field") {
				t.Fatalf("drafted rule does not load: %v\n%s", e, out)
			}
		}
	})
}

func asErrors(err error, es *rubric.Errors) bool {
	e, ok := err.(rubric.Errors)
	if ok {
		*es = e
	}
	return ok
}

// TestDraftNumberedParagraphs: a standard of several paragraphs, numbered
// like the items (（1）…), stays one standard; the next item starts at the
// next 考核内容 with its points.
func TestDraftNumberedParagraphs(t *testing.T) {
	text := "考核细则\n\t序号\n\t主要工作\n\t考核内容\n\t评分标准\n\n\t1\n\t综合管理（8分）\n" +
		"\t（1）建立健全制度。（6分）\n\t（1）未建立制度的扣2分；\n\t（2）制度不健全的，每缺1项扣0.5分，最多扣2分；\n\t（3）未执行制度的，视情况扣分。\n" +
		"\t（2）档案管理规范。（2分）\n\t档案不规范的扣1分。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{
		"1.1.a": "flag amount=2",
		"1.1.b": "count amount=0.5 cap=2 unit=项",
		"1.1.c": "discretion cap=6 unit=分",
		"1.2.a": "flag amount=1",
	})
	if std := rb.Indicators()[0].Standard; !strings.HasPrefix(std, "（1）未建立制度的扣2分；\n（2）") {
		t.Errorf("standard %q", std)
	}
}

// TestDraftClampsWhatTheLoaderRefuses: figures the loader would refuse (a
// bonus above its category, a cap above the indicator, a zero step, three
// decimals) are brought within bounds or turned into a discretion rule, each
// marked for review, so the draft still loads.
func TestDraftClampsWhatTheLoaderRefuses(t *testing.T) {
	text := "1\n加分（2分）\n内容（2分）\n获奖的加5分\n2\n基础（2分）\n（1）甲（2分）\n" +
		"未做的扣5分，每少1项扣3分，最多扣4分；不少于0件，每少0件扣0.001分。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{
		"1.1.a": "bonus amount=2 REVIEW",
		"2.1.a": "flag amount=5 REVIEW",
		"2.1.b": "count amount=3 unit=项 REVIEW",
		"2.1.c": "discretion cap=2 unit=分 REVIEW",
	})
	_, ind, _ := rb.Indicator("2.1")
	if len(ind.Groups) != 1 || ind.Groups[0].Cap.String() != "2" {
		t.Errorf("groups %+v, want one capped at the indicator's 2 points", ind.Groups)
	}
}

// phrasingTable states each phrasing the drafter reads once, in a table of its
// own wording, so the whole path (table → clauses → rules → YAML) is
// exercised for each.
const phrasingTable = `2026年度乡镇便民服务考核办法
序号	主要工作	考核内容	评分标准
1	基础建设（20分）	（1）便民服务中心场地、设施达标。（4分）	没有设置无障碍通道的扣1分，未配备自助设备的扣1分，办公面积不足200平方米的扣2分。
		（2）事项全部进驻。（4分）	每缺1项进驻事项扣0.2分，每有1个事项未在系统登记的扣0.1分，最多扣4分。
		（3）年度网上办件量不少于1.2万件。（4分）	网上办件量不少于1.2万件，每少600件扣0.2分，最多扣4分。
		（4）召开群众评议会。（4分）	评议会少于4次的，每少1次扣1分。
		（5）办件群众满意率达到95%。（4分）	满意率未达到95%的按比例扣分。
2	服务质量（10分）	（1）省平台月度考核。（5分）	根据省政务服务平台月度考核得分进行折算。
		（2）服务作风。（5分）	发现1人次态度生硬的扣0.5分；工作纪律松散的，酌情扣分，最多扣3分。
3	争先创优（加分项，3分）	（1）获评示范中心。（3分）	获评省级示范便民服务中心的加3分。
`

func TestDraftEveryPhrasingInATable(t *testing.T) {
	rb := draftAndLoad(t, []byte(phrasingTable))
	checkRules(t, rb, map[string]string{
		"1.1.a": "flag amount=1",
		"1.1.b": "flag amount=1",
		"1.1.c": "flag amount=2",
		"1.2.a": "count amount=0.2 unit=项",
		"1.2.b": "count amount=0.1 unit=个",
		"1.3.a": "shortfall amount=0.2 cap=4 target=12000 step=600 unit=件",
		"1.4.a": "shortfall amount=1 target=4 step=1 unit=次",
		"1.5.a": "ratio cap=4 target=95 unit=%",
		"2.1.a": "convert unit=分",
		"2.2.a": "count amount=0.5 unit=人次",
		"2.2.b": "discretion cap=3 unit=分",
		"3.1.a": "bonus amount=3",
	})
	if !rb.Categories[2].Bonus || rb.Categories[0].Bonus || len(rb.Reviews()) != 0 {
		t.Errorf("bonus %v %v, %d reviews", rb.Categories[2].Bonus, rb.Categories[0].Bonus, len(rb.Reviews()))
	}
	if _, ind, _ := rb.Indicator("1.2"); ind.IndicatorCap().String() != "4" || ind.Cap != nil {
		t.Errorf("1.2: a closing 最多扣4分 equal to the points adds no cap, got %v", ind.Cap)
	}
}

// TestDecodeUTF16: Notepad's "Unicode" (UTF-16 with a BOM, either byte
// order) is read too.
func TestDecodeUTF16(t *testing.T) {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		data, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(rowTable[3:]))
		if err != nil {
			t.Fatal(err)
		}
		text, enc, err := Decode(data)
		if err != nil || enc != "UTF-16" || !strings.HasPrefix(text, "2024年考核细则\n") {
			t.Errorf("order %v: %q %v %.20q", order, enc, err, text)
		}
	}
}
