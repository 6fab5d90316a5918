package draft

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"pgregory.net/rapid"
)

// languageTable holds real wordings of the kinds beyond the seed's, as
// county 考核细则 word them, one indicator each.
const languageTable = "序号\t主要工作\t考核内容\t评分标准\n" +
	"1\t安全生产（20分）\t（1）安全生产责任落实。（4分）\t一次死亡2人及以上实行一票否决；瞒报事故的，总得分为零。\n" +
	"\t\t（2）群众满意率。（4分）\t达到100%的得满分，90%-100%得3分，90%以下不得分。\n" +
	"\t\t（3）好差评。（4分）\t评价为优的得4分，良的得2分，差的不得分。\n" +
	"\t\t（4）按时办结率达到90%以上。（4分）\t低于（含）90%不得分；高于90%的按线性内插赋分。\n" +
	"\t\t（5）人员在岗。（4分）\t每月请假超过2天（不含2天）的，每增加1天扣1分，扣完为止。\n" +
	"2\t工作落实（18分）\t（1）网上办结率达到98%。（5分）\t办结率每减少1个百分点，扣1分。\n" +
	"\t\t（2）镇级每季度至少开展1次宣传，村级每月至少开展2次宣传。（4分）\t每少1次扣0.5分。\n" +
	"\t\t（3）规范窗口服务。（3分）\t开展业务培训（2分，少一次扣0.5分，扣完为止）；台账不全的扣1分。\n" +
	"\t\t（4）投诉处理。（3分）\t被投诉查实的，每件次酌情扣2-5分，最多扣3分。\n" +
	"\t\t（5）数据质量达到100%。（3分）\t100%得满分，每下降一个百分点扣1分，低于98%为0分。\n" +
	"3\t扣分项（不设上限）\t（1）被市级以上通报批评。\t被市级以上通报批评的，每次扣2分。\n" +
	"\t\t（2）违规违纪。\t第一起扣2分，每多一起加倍扣分。\n" +
	"4\t加分项（5分）\t（1）创新工作。（5分）\t经验做法被上级推广的，每次加1分，累计加分最多5分；获得表彰的，每次加1-3分；信息被采用的，每篇加0.5分，累计加分，加满2分为止。\n"

// TestDraftLanguageWordings drafts the table and checks each wording gets
// the rule the language holds for it, or a review naming why not.
func TestDraftLanguageWordings(t *testing.T) {
	rb := draftAndLoad(t, []byte(languageTable))
	checkRules(t, rb, map[string]string{
		"1.1.a": "veto",
		"1.1.b": "veto",
		"1.2.a": "band unit=% 100:4 90:3 -:0",
		"1.3.a": "band 优:4 良:2 差:0",
		"1.4.a": "linear unit=% from=90 to=100 REVIEW",
		"1.5.a": "excess amount=1 step=1 unit=天 limit=2",
		"2.1.a": "shortfall amount=1 target=98 step=1 unit=%",
		"2.2.a": "shortfall amount=0.5 target=1 step=1 unit=次 REVIEW",
		"2.2.b": "shortfall amount=0.5 target=2 step=1 unit=次 REVIEW",
		"2.3.a": "count amount=0.5 cap=2 unit=次",
		"2.3.b": "flag amount=1",
		"2.4.a": "count cap=3 unit=件次 range=2-5",
		"2.5.a": "shortfall amount=1 target=100 step=1 unit=%",
		"2.5.b": "flag amount=3",
		"3.1.a": "count amount=2 unit=次",
		"3.2.a": "discretion cap=1 unit=分 REVIEW",
		"4.1.a": "bonus amount=1 cap=5 unit=次 per_item",
		"4.1.b": "bonus unit=次 range=1-3",
		"4.1.c": "bonus amount=0.5 cap=2 unit=篇 per_item",
	})
	c := rb.Categories[2]
	if !c.Penalty || c.Points != 0 || c.Cap != nil {
		t.Errorf("扣分项（不设上限）: penalty=%v points=%s cap=%v, want an uncapped penalty category", c.Penalty, c.Points, c.Cap)
	}
	if ref, _ := rb.Rule("3.2.a"); !strings.Contains(ref.Rule.Review, "加倍扣分") {
		t.Errorf("escalation review %q does not name the construct", ref.Rule.Review)
	}
	if ref, _ := rb.Rule("2.2.a"); ref.Rule.Label != "镇级每季度" {
		t.Errorf("2.2.a label %q", ref.Rule.Label)
	}
}

// clauseCase is a sentence of a standard and the kind the drafter must
// give it ("" for the basis of the assessment, which is no rule).
type clauseCase struct {
	text string
	kind string
	// review: the rule must be marked for review
	review bool
}

// clausePool holds sentences of the kinds beyond the seed's, the wordings
// that stay out, and sentences of the basis.
var clausePool = []clauseCase{
	{"未建立工作台账的扣1分", "flag", false},
	{"每缺1项资料扣0.5分", "count", false},
	{"瞒报事故的，实行一票否决", "veto", false},
	{"达到100%的得满分，90%-100%得3分，90%以下不得分", "band", false},
	{"评价为优的得10分，良的得5分，差的不得分", "band", false},
	{"每月请假超过2天（不含2天）的，每增加1天扣1分", "excess", false},
	{"被投诉查实的，每件次酌情扣2-5分", "count", false},
	{"扣5—15分/次", "count", false},
	{"第一起扣2分，每多一起加倍扣分", "discretion", true},
	{"被通报批评的，每次扣2分，扣分不封顶", "count", true},
	{"窗口被投诉查实的，首席代表扣1.5分", "discretion", true},
	{"排名按第1名的比例得分", "discretion", true},
	{"宣传不到位的，视情况扣分", "discretion", false},
	{"排名第1-5名的分别得60、57、54、51、48分", "discretion", true},
	{"低于（含）90%不得分；高于90%的按线性内插赋分", "linear", true},
	{"结合年度督查情况进行考核", "", false},
	{"以省平台数据为准", "", false},
}

// TestPropertyEveryClauseInOneRule writes standards of random sentences of
// the pool in random order and checks that each sentence that deducts is
// in exactly one rule, of its kind or marked for review, that no sentence
// of the basis is in a rule, and that the draft loads.
func TestPropertyEveryClauseInOneRule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		picked := rapid.SliceOfNDistinct(rapid.IntRange(0, len(clausePool)-1), 1, 6, rapid.ID[int]).Draw(t, "sentences")
		sep := rapid.SampledFrom([]string{"；", "。"}).Draw(t, "sep")
		var parts []string
		for _, i := range picked {
			parts = append(parts, clausePool[i].text)
		}
		std := strings.Join(parts, sep) + "。"
		text := "序号\t主要工作\t考核内容\t评分标准\n1\t工作（20分）\t（1）做好工作。（20分）\t" + std + "\n"
		rb, err := FromText(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := rubric.Parse("p.yaml", WriteYAML(rb)); err != nil {
			t.Fatalf("%s: the draft does not load: %v", std, err)
		}
		rules := rb.Categories[0].Indicators[0].Rules
		deducting := 0
		for _, i := range picked {
			if clausePool[i].kind != "" {
				deducting++
			}
		}
		if deducting == 0 {
			// Nothing deducts: one rule over the whole standard, for review.
			if len(rules) != 1 || rules[0].Review == "" {
				t.Fatalf("%s: a standard of basis only drafted %d rules, want one for review", std, len(rules))
			}
			return
		}
		for _, i := range picked {
			c := clausePool[i]
			var in []rubric.Rule
			for _, r := range rules {
				if strings.Contains(r.Clause, c.text) || strings.Contains(c.text, r.Clause) {
					in = append(in, r)
				}
			}
			if c.kind == "" {
				if len(in) > 0 {
					t.Fatalf("%s: the basis %q is in rule %s", std, c.text, in[0].ID)
				}
				continue
			}
			if len(in) != 1 {
				t.Fatalf("%s: %q is in %d rules, want 1", std, c.text, len(in))
			}
			r := in[0]
			if string(r.Kind) != c.kind && r.Review == "" {
				t.Fatalf("%s: %q drafted as %s without a review, want %s", std, c.text, r.Kind, c.kind)
			}
			if c.review && r.Review == "" {
				t.Fatalf("%s: %q is not marked for review", std, c.text)
			}
		}
		if len(rules) != deducting {
			t.Fatalf("%s: %d rules for %d deducting sentences", std, len(rules), deducting)
		}
	})
}

// TestLanguagePhrasings reads more real wordings of the new kinds, one
// clause each, and checks what they draft to.
func TestLanguagePhrasings(t *testing.T) {
	cases := []struct {
		clause, content string
		want            string // kind and parameters, as languageOf and the reading say
		review          bool
	}{
		{"发生较大及以上安全事故的，单项否决", "", "veto", false},
		{"每起扣1-2分", "", "count unit=起 range=1-2", false},
		{"每高3个百分点扣1分", "（1）事故率不高于5%。（3分）", "excess amount=1 step=3 unit=% limit=5", false},
		{"获得国家级荣誉的，5分/种", "", "bonus amount=5 unit=种 per_item", false},
		{"第1名得6分，第2名得5分，第3名得4分", "", "band 第1名:6 第2名:5 第3名:4", false},
		{"好差评为优的得10分，良的得5分，中、差的不得分", "", "band 优:10 良:5 中:0 差:0", false},
		{"省级媒体报道的得3分，市级得2分，县级得1分", "", "band 省级媒体报道:3 市级:2 县级:1", true},
		{"结果为优秀的得5分，良好的得3分，合格的得1分，不合格的不得分", "", "band 优秀:5 良好:3 合格:1 不合格:0", false},
		{"95%以上得5分，90%（含）-95%得3分，低于90%得1分", "", "band unit=% 95:5 90:3 -:1", false},
		{"超过3天的，每超过1天扣0.5分", "", "excess amount=0.5 step=1 unit=天 limit=3", false},
		{"请假超过2天（含2天）的，每增加1天扣1分", "", "excess amount=1 step=1 unit=天 limit=2", true},
		{"全年走访率达到90%，否则按完成比例计分", "（1）走访率达到90%。（2分）", "ratio target=90 unit=%", false},
		{"扣满8分的，追加扣除10分", "", "discretion", true},
		{"完成任务的得满分，否则按完成比例得分", "（3）全年走访企业不少于20家。（2分）", "linear unit=家 from=0 to=20", false},
	}
	pats := Patterns()
	for _, c := range cases {
		rd := recognise(pats, c.clause, c.content)
		rng, limit, from, to, bands := languageOf(rd)
		got := string(rd.kind)
		for _, p := range []struct{ name, val string }{{"amount", show(rd.amount)}, {"target", show(rd.target)}, {"step", show(rd.step)}, {"unit", rd.unit},
			{"limit", limit}, {"from", from}, {"to", to}, {"range", rng}} {
			if p.val != "" && p.val != "-" {
				got += " " + p.name + "=" + p.val
			}
		}
		if rd.perItem {
			got += " per_item"
		}
		if bands != "" {
			got = string(rd.kind) + " " + bands
			if rd.unit != "" {
				got = string(rd.kind) + " unit=" + rd.unit + " " + bands
			}
		}
		if got != c.want || (rd.review != "") != c.review {
			t.Errorf("%q (pattern %q): got %q review %q, want %q review=%v", c.clause, rd.pattern, got, rd.review, c.want, c.review)
		}
	}
}

// TestDraftContextAndPenaltyCap: statements of full marks and of how
// deductions end are context, not rules; a penalty section's （最多扣N分）
// is its cap.
func TestDraftContextAndPenaltyCap(t *testing.T) {
	text := "序号\t主要工作\t考核内容\t评分标准\n" +
		"1\t网上办理（20分）\t（1）网上办件率。（20分）\t达到90%以上的得14分，每降低1个百分点扣0.2分；未按时报送数据的扣1分，以上各项扣完为止，不计负分。\n" +
		"2\t扣分项（最多扣10分）\t（1）通报批评。\t被通报批评的，每次扣2分。\n" +
		"3\t其他工作\t（1）信息报送。\t迟报的，每次扣0.5分。\n" +
		"4\t窗口建设（10分）\t（1）窗口服务。（10分）\t开展业务培训得5分，每少一次扣0.5分，扣完为止；好评率低于90%为零分。\n" +
		"5\t通报（扣分不封顶）\t（1）被通报。\t被通报批评的，每次扣2分。\n"
	rb := draftAndLoad(t, []byte(text))
	checkRules(t, rb, map[string]string{
		"3.1.a": "count amount=0.5 unit=次 REVIEW",
		"4.1.a": "count amount=0.5 cap=5 unit=次",
		"4.1.b": "flag amount=10",
		"5.1.a": "count amount=2 unit=次",
		"1.1.a": "shortfall amount=0.2 cap=14 target=90 step=1 unit=%",
		"1.1.b": "flag amount=1",
		"2.1.a": "count amount=2 unit=次",
	})
	c := rb.Categories[1]
	if !c.Penalty || c.Cap == nil || *c.Cap != decimal.FromInt(10) || c.Title != "扣分项" {
		t.Errorf("penalty section: %q penalty=%v cap=%s", c.Title, c.Penalty, show(c.Cap))
	}
	if c := rb.Categories[4]; !c.Penalty || c.Cap != nil || c.Indicators[0].Rules[0].Review != "" {
		t.Errorf("扣分不封顶: penalty=%v cap=%s", c.Penalty, show(c.Cap))
	}
	if c := rb.Categories[2]; !c.Penalty || c.Cap != nil {
		t.Errorf("a section without any points: penalty=%v cap=%s, want an uncapped penalty category for review", c.Penalty, show(c.Cap))
	}
}
