package word

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/stypes"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/storetest"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

func TestMain(m *testing.M) { storetest.Main(m, nil) }

// now is the fixed day the documents are written on.
var now = time.Date(2022, 1, 5, 9, 0, 0, 0, time.UTC)

// fixture is a period of three signed units of the seed: 吉首市 missed
// three items of 1.2.a (不动产登记, 林木采伐, 道路运输许可: 0.60) and failed
// 1.1.a (1.00, with its reason); 泸溪县 ten items short on 1.3.a, one
// short of its cap … no: 1.2.a as eight (capped at 1.00); 凤凰县 lost
// nothing.
func fixture(t testing.TB) (*store.Store, []*store.State) {
	t.Helper()
	s, id := seed.Store(t)
	rb := rubric.Default()
	make := func(unit string, cs ...store.Change) store.Assessment {
		a := seed.Assessment(t, s, id, unit, "2021")
		seed.Record(t, s, id, a.ID, cleanFindings(t, rb)...)
		if len(cs) > 0 {
			seed.Record(t, s, id, a.ID, cs...)
		}
		return a
	}
	jishou := make("吉首市", store.Retract("1.2.a"), seed.SetJSON(t, "1.1.a", "true", "未建立工作机制"))
	for _, text := range []string{"不动产登记", "林木采伐", "道路运输许可"} {
		if _, err := s.AddItem(id, jishou.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	luxi := make("泸溪县", seed.SetJSON(t, "1.2.a", "8", ""), seed.SetJSON(t, "7.1.a", "true", "获省级督查激励"))
	fenghuang := make("凤凰县")
	for _, a := range []store.Assessment{jishou, luxi, fenghuang} {
		if _, err := s.Sign(id, a.ID, false); err != nil {
			t.Fatal(err)
		}
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return s, states
}

// cleanFindings is the finding that deducts nothing on every rule of the seed.
func cleanFindings(t testing.TB, rb *rubric.Rubric) []store.Change {
	var cs []store.Change
	for _, ind := range rb.Indicators() {
		for i := range ind.Rules {
			r := &ind.Rules[i]
			var v scoring.Value
			switch r.Kind {
			case rubric.Flag, rubric.Bonus, rubric.Veto:
				v = scoring.BoolValue(false)
			case rubric.Count:
				v = scoring.NumValue(0)
			case rubric.Shortfall, rubric.Ratio:
				v = scoring.NumValue(*r.Target)
			case rubric.Convert:
				v = scoring.NumValue(r.FullMark())
			case rubric.Discretion:
				v = scoring.NumValue(decimal.Dec(0))
			default:
				t.Fatalf("clean: no clean value for a %s rule", r.Kind)
			}
			cs = append(cs, store.SetRule(r.ID, v, ""))
		}
	}
	return cs
}

// built is the report of the fixture's period and its Chinese labels.
func built(t testing.TB, states []*store.State) (*report.Report, *i18n.Labels) {
	t.Helper()
	l := i18n.For("zh")
	r, err := report.Build(states, report.Filter{Period: "2021", Analysis: true}, l, now)
	if err != nil {
		t.Fatal(err)
	}
	return r, l
}

// options are the office's inputs of the tests' documents.
var options = Options{Issuer: "州政务服务中心", Now: now, Team: []string{"张三", "李四"}}

// xlsxOf is the fixture's xlsx report, opened.
func xlsxOf(t *testing.T, r *report.Report) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// read reads a document back, failing the test when it does not read.
func read(t *testing.T, doc []byte) Content {
	t.Helper()
	c, err := Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestNoticeCarriesTheXLSXFigures reads the 通报 back and finds in its
// ranking table, row by row, the rank, unit, total and every category
// score the xlsx ranking has, and at its foot each unit's fingerprint.
func TestNoticeCarriesTheXLSXFigures(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	doc, err := WriteNotice(l, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := read(t, doc)
	f := xlsxOf(t, r)
	rows, err := f.GetRows(l.Rank)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tables) != 2 || len(c.Tables[0]) != 1+len(r.Ranking) {
		t.Fatalf("the 通报 has tables %v, want the ranking of %d rows and the 共性问题", c.Tables, 1+len(r.Ranking))
	}
	// The 共性问题, row by row as the xlsx's sheet of them has it: 1.2 lost
	// by two units (吉首市's three items, 泸溪县's eight capped), 1.1 by one.
	common, err := f.GetRows(l.Analysis.CommonTitle)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tables[1]) != len(common)-1 || len(common) != 4 {
		t.Fatalf("the 通报's 共性问题 %v, the xlsx's %v", c.Tables[1], common)
	}
	for i, d := range c.Tables[1][1:] {
		x := common[2+i]
		want := []string{x[0], x[1], oneLine(x[2]), x[4], x[5], oneLine(x[6])}
		if strings.Join(d, "|") != strings.Join(want, "|") {
			t.Errorf("共性问题 %d: the 通报 has %v, the xlsx %v", i+1, d, want)
		}
	}
	if got := c.Tables[1][1][1] + " " + c.Tables[1][1][3] + " " + c.Tables[1][1][4]; got != "1.2 1.60 2/3" {
		t.Errorf("the first 共性问题 is %q, want 1.2 lost 1.60 by 2 of 3 units", got)
	}
	ncat := len(r.Categories)
	for i := range r.Ranking {
		x := rows[2+i] // the xlsx ranking: title, heading, then a row per unit
		d := c.Tables[0][1+i]
		want := append([]string{x[0], x[1], x[2]}, x[5:5+ncat]...) // 名次, 单位, 总分, 基础分, 加分, the categories
		if strings.Join(d, "|") != strings.Join(want, "|") {
			t.Errorf("ranking row %d: the 通报 has %v, the xlsx %v", i+1, d, want)
		}
	}
	text := c.Text()
	for _, st := range states {
		fp, _ := st.Fingerprint()
		if !strings.Contains(text, st.Assessment.Unit+" 记录指纹："+fp) {
			t.Errorf("the 通报's foot lacks %s's fingerprint %s:\n%s", st.Assessment.Unit, fp, text)
		}
	}
	for _, want := range []string{"2021年度县市（区）“放管服”改革政务服务工作考核结果通报", "阶段：已签署",
		"组长：张三", "成员：李四", "州政务服务中心", "2022年1月5日", "一、考核结果", "二、共性问题", "三、考核组"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, text)
		}
	}
	if len(c.HeadFoot) != 1 || c.HeadFoot[0] != "— 1 —" {
		t.Errorf("the page footer is %q, want the page number as — 1 —", c.HeadFoot)
	}
}

// TestFeedbackCarriesTheXLSXFigures reads each unit's 反馈意见书 back: its
// total, base, bonus and rank are the xlsx's, its category scores are the
// xlsx's subtotals, and its deductions, in order, are the xlsx's nonzero
// 扣分 cells, each said as a sentence.
func TestFeedbackCarriesTheXLSXFigures(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	docs, err := WriteUnits(l, Feedback, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := xlsxOf(t, r)
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	for i, d := range docs {
		sh := r.Sheets[i]
		c := read(t, d.Bytes)
		text := c.Text()
		rows, err := f.GetRows(sh.Unit + " " + sh.Period)
		if err != nil {
			t.Fatal(err)
		}
		var deducted, subtotals []string
		var total string
		for _, x := range rows {
			for len(x) < 7 {
				x = append(x, "")
			}
			switch {
			case x[1] == l.Subtotal:
				subtotals = append(subtotals, x[5])
			case x[0] == l.Total:
				total = x[5]
			case x[2] != "" && x[1] != "" && x[4] != "" && x[4] != "0.00" && len(x[0]) <= 2:
				deducted = append(deducted, x[4])
			}
		}
		rank := strconv.Itoa(r.Ranking[i].Rank)
		intro := "你单位2021年度考核得分" + total + "分（基础分" + sh.Base.Fixed(2) + "分，加分" + sh.Bonus.Fixed(2) + "分），在3个单位中排名第" + rank + "位。"
		if !strings.Contains(text, intro) {
			t.Errorf("%s: the 反馈意见书 lacks %q:\n%s", sh.Unit, intro, text)
		}
		var cats []string
		for _, row := range c.Tables[0][1:] {
			cats = append(cats, row[2])
		}
		if strings.Join(cats, " ") != strings.Join(subtotals, " ") {
			t.Errorf("%s: category scores %v, the xlsx's subtotals %v", sh.Unit, cats, subtotals)
		}
		var got []string
		if len(c.Tables) > 1 {
			for _, row := range c.Tables[1][1:] {
				got = append(got, row[2])
			}
		}
		if strings.Join(got, " ") != strings.Join(deducted, " ") {
			t.Errorf("%s: deductions %v, the xlsx's %v", sh.Unit, got, deducted)
		}
		fp, _ := states[indexOf(states, sh.Unit)].Fingerprint()
		if !strings.Contains(text, fp) {
			t.Errorf("%s: the 反馈意见书 lacks its fingerprint %s", sh.Unit, fp)
		}
	}
	jishou := read(t, docs[unitIndex(docs, "吉首市")].Bytes).Text()
	for _, want := range []string{
		"1.1 未按要求开展或按时完成事项梳理（未建立工作机制），扣1.00分。",
		"1.2 未按时下放、承接、取消的事项3项（不动产登记、林木采伐、道路运输许可），扣0.60分。",
	} {
		if !strings.Contains(jishou, want) {
			t.Errorf("吉首市's 反馈意见书 lacks %q:\n%s", want, jishou)
		}
	}
	luxi := read(t, docs[unitIndex(docs, "泸溪县")].Bytes).Text()
	if want := "1.2 未按时下放、承接、取消的事项8项，扣1.60分，封顶1.00分。"; !strings.Contains(luxi, want) {
		t.Errorf("泸溪县's 反馈意见书 lacks %q:\n%s", want, luxi)
	}
	fenghuang := read(t, docs[unitIndex(docs, "凤凰县")].Bytes).Text()
	if !strings.Contains(fenghuang, "本次考核无扣分。") {
		t.Errorf("凤凰县's 反馈意见书 does not say it lost nothing:\n%s", fenghuang)
	}
}

// TestRectifyListsTheProblems reads 吉首市's 整改通知书 back: one line per
// problem of its signed result (store.ProblemsOf): 1.1.a with its reason,
// and each of 1.2.a's three items at 0.20.
func TestRectifyListsTheProblems(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	docs, err := WriteUnits(l, Rectify, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := read(t, docs[unitIndex(docs, "吉首市")].Bytes)
	var got []string
	for _, row := range c.Tables[0][1:] {
		got = append(got, row[2]+" "+row[3]+" "+row[5])
	}
	want := []string{
		"未按要求开展或按时完成事项梳理：未建立工作机制 1.00 待整改",
		"未按时下放、承接、取消的事项：不动产登记 0.20 待整改",
		"未按时下放、承接、取消的事项：林木采伐 0.20 待整改",
		"未按时下放、承接、取消的事项：道路运输许可 0.20 待整改",
	}
	sort.Strings(got[1:])
	sort.Strings(want[1:])
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("问题清单:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func indexOf(states []*store.State, unit string) int {
	for i, st := range states {
		if st.Assessment.Unit == unit {
			return i
		}
	}
	return -1
}

func unitIndex(docs []Document, unit string) int {
	for i, d := range docs {
		if d.Unit == unit {
			return i
		}
	}
	return -1
}

// officeTemplate is an office's own template made with the library: a red
// 红头 letterhead, a salutation whose field Word split across two runs,
// a sentence of fields, and a table with a heading row and a row of
// deduction fields to repeat; extra goes into the table's last row.
func officeTemplate(t *testing.T, extra string) []byte {
	t.Helper()
	rd, err := godocx.NewDocument()
	if err != nil {
		t.Fatal(err)
	}
	head := rd.AddEmptyParagraph()
	head.Justification(stypes.JustificationCenter)
	head.AddText("湘西自治州政务服务中心文件").Color("FF0000").Bold(true).Size(52)
	p := rd.AddEmptyParagraph()
	p.AddText("{{单")
	p.AddText("位}}：")
	rd.AddParagraph("你单位总分{{总分}}分，名次第{{名次}}位（共{{参评单位数}}个），{{日期}}。")
	tbl := rd.AddTable()
	tbl.Style("TableGrid")
	hr := tbl.AddRow()
	hr.AddCell().AddParagraph("指标")
	hr.AddCell().AddParagraph("扣分")
	row := tbl.AddRow()
	row.AddCell().AddParagraph("{{扣分.指标}}")
	row.AddCell().AddParagraph("{{扣分.扣分}}")
	if extra != "" {
		last := tbl.AddRow()
		last.AddCell().AddParagraph(extra)
		last.AddCell().AddParagraph("")
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestOfficeTemplateFills fills an office's template for 吉首市: the
// letterhead stays (red), the split field and the sentence's fields are
// filled, the deduction row repeats once per deduction, and the foot with
// the fingerprint is added at the end.
func TestOfficeTemplateFills(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	tpl := &Template{Name: "我的模板.docx", Bytes: officeTemplate(t, "")}
	docs, err := WriteUnits(l, Feedback, r, states, options, tpl)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[unitIndex(docs, "吉首市")]
	c := read(t, d.Bytes)
	sh := r.Sheets[unitIndex(docs, "吉首市")]
	want := []string{"湘西自治州政务服务中心文件", "吉首市：",
		"你单位总分" + sh.Total.Fixed(2) + "分，名次第" + strconv.Itoa(r.Ranking[unitIndex(docs, "吉首市")].Rank) + "位（共3个），2022年1月5日。"}
	for i, w := range want {
		if i >= len(c.Paragraphs) || c.Paragraphs[i] != w {
			t.Fatalf("paragraphs %q, want %q first", c.Paragraphs, want)
		}
	}
	if got := fmt.Sprint(c.Tables); got != "[[[指标 扣分] [1.1 1.00] [1.2 0.60]]]" {
		t.Errorf("the table is %s, want its deduction row repeated for 1.1 and 1.2", got)
	}
	fp, _ := states[indexOf(states, "吉首市")].Fingerprint()
	if last := c.Paragraphs[len(c.Paragraphs)-1]; !strings.Contains(last, fp) {
		t.Errorf("the last paragraph is %q, want the foot with the fingerprint %s", last, fp)
	}
	if !strings.Contains(string(unzipPart(t, d.Bytes, "word/document.xml")), `w:val="FF0000"`) {
		t.Error("the letterhead lost its red")
	}
}

// TestUnknownFieldRefused refuses a template naming a field the document
// has not, naming the field and where it is, and a row mixing two lists.
func TestUnknownFieldRefused(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	for extra, want := range map[string]string{
		"{{总成绩}}":            "模板中有未知字段 {{总成绩}}（位于第1个表格第3行第1格）；kaohe doc fields 列出反馈意见书可用的字段",
		"{{问题.编号}}{{扣分.指标}}": "模板的同一行混用了列表 问题 和 扣分（位于第1个表格第3行第1格）；重复行只能使用一个列表的字段",
	} {
		tpl := &Template{Name: "我的模板.docx", Bytes: officeTemplate(t, extra)}
		_, err := WriteUnits(l, Feedback, r, states, options, tpl)
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: err %v, want a FieldError", extra, err)
		}
		if got := fe.In(l); got != want {
			t.Errorf("%s:\n got %s\nwant %s", extra, got, want)
		}
	}
}

// unzipPart is one part of a .docx.
func unzipPart(t *testing.T, doc []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// fixed is figures as the documents print them.
func fixed(ds []decimal.Dec) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Fixed(2)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFeedbackIssuedSaysTheDeadline: once the feedback round is issued
// (appeals due 2022-01-15), 吉首市's 反馈意见书 says by when to appeal and its
// foot says the result is 初步; the 通报 of the three units still says
// 已签署, the stage all of them have reached.
func TestFeedbackIssuedSaysTheDeadline(t *testing.T) {
	s, states := fixture(t)
	var jishou string
	for _, st := range states {
		if st.Assessment.Unit == "吉首市" {
			jishou = st.Assessment.ID
		}
	}
	id, err := s.Identity("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, jishou, "2022-01-05", "2022-01-15"); err != nil {
		t.Fatal(err)
	}
	states, err = s.States()
	if err != nil {
		t.Fatal(err)
	}
	r, l := built(t, states)
	docs, err := WriteUnits(l, Feedback, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := read(t, docs[unitIndex(docs, "吉首市")].Bytes).Text()
	for _, want := range []string{"如对考核结果有异议，请于2022-01-15前向考核办书面提出申诉，逾期视为无异议。", "考核期：2021；阶段：初步"} {
		if !strings.Contains(text, want) {
			t.Errorf("吉首市's 反馈意见书 lacks %q:\n%s", want, text)
		}
	}
	if other := read(t, docs[unitIndex(docs, "泸溪县")].Bytes).Text(); strings.Contains(other, "申诉") {
		t.Errorf("泸溪县 was sent no feedback, yet its 反馈意见书 speaks of appeals:\n%s", other)
	}
	notice, err := WriteNotice(l, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	if text := read(t, notice).Text(); !strings.Contains(text, "阶段：已签署") {
		t.Errorf("the 通报's stage:\n%s", text)
	}
}

// TestSentencesOfOtherKinds words a converted score, a shortfall and a
// discretion as the office writes them: the figure after a colon with its
// unit, the inspector's reason in brackets.
func TestSentencesOfOtherKinds(t *testing.T) {
	s, id := seed.Store(t)
	a := seed.Assessment(t, s, id, "古丈县", "2021")
	seed.Record(t, s, id, a.ID, cleanFindings(t, rubric.Default())...)
	seed.Record(t, s, id, a.ID, seed.SetJSON(t, "2.4.a", "92.5", ""), seed.SetJSON(t, "3.2.a", "93000", ""),
		seed.SetJSON(t, "3.4.a", "0.5", "电子证照汇聚不全"))
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	l := i18n.For("zh")
	var got []string
	for _, c := range res.Categories {
		for i := range c.Indicators {
			got = append(got, Sentences(l, st, &c.Indicators[i])...)
		}
	}
	want := []string{
		"2.4 “好差评”评分指标得分：92.5分，扣0.23分。",
		"3.2 一体化平台办件数：93000件，扣0.30分。",
		"3.4 电子证照汇聚酌情扣分（电子证照汇聚不全），扣0.50分。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNoticeTemplateCommonProblems fills an office's 通报 template whose
// 共性问题 is one field: one line per indicator, most points lost first.
func TestNoticeTemplateCommonProblems(t *testing.T) {
	_, states := fixture(t)
	r, l := built(t, states)
	rd, err := godocx.NewDocument()
	if err != nil {
		t.Fatal(err)
	}
	rd.AddParagraph("{{标题}}")
	rd.AddParagraph("{{共性问题}}")
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := WriteNotice(l, r, states, options, &Template{Name: "通报模板.docx", Bytes: buf.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	c := read(t, doc)
	want := "1. 1.2 （2）按照要求及时做好事项的下放、承接和取消等工作，开展放权赋权“回头看”。（2分）：共失1.60分，2/3个单位失分：" +
		"不动产登记（1个单位）；林木采伐（1个单位）；道路运输许可（1个单位）。\n" +
		"2. 1.1 （1）按照要求开展政务服务事项及其他相关事项的梳理，落实好各类事项目录清单。（2分）：共失1.00分，1/3个单位失分：未建立工作机制（1个单位）。"
	if len(c.Paragraphs) < 2 || c.Paragraphs[1] != want {
		t.Errorf("the 共性问题 paragraph:\n%q\nwant:\n%q", c.Paragraphs, want)
	}
}

// TestRectifyShowsWhatWasRecorded: a problem given a due date and then
// reported rectified shows that date and 整改中 in the 问题清单.
func TestRectifyShowsWhatWasRecorded(t *testing.T) {
	s, states := fixture(t)
	aid := states[indexOf(states, "吉首市")].Assessment.ID
	id, err := s.Identity("")
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range []store.ProblemAction{
		{Action: assessment.ActionAssign, Due: "2022-03-31", Owner: "吉首市政务服务中心"},
		{Action: assessment.ActionRectify, Measure: "建立事项梳理工作机制"},
	} {
		if _, err := s.ActOnProblems(id, aid, []string{"1.1.a"}, false, act); err != nil {
			t.Fatal(err)
		}
	}
	states, err = s.States()
	if err != nil {
		t.Fatal(err)
	}
	r, l := built(t, states)
	docs, err := WriteUnits(l, Rectify, r, states, options, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := read(t, docs[unitIndex(docs, "吉首市")].Bytes)
	if got := strings.Join(c.Tables[0][1], " "); got != "1 1.1.a 未按要求开展或按时完成事项梳理：未建立工作机制 1.00 2022-03-31 整改中" {
		t.Errorf("the first problem reads %q", got)
	}
}

// oneLine is a workbook cell's text without the line breaks kaohe writes
// into it so that it prints without a line starting with punctuation.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "") }
