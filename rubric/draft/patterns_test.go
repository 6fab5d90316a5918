package draft

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
)

// patternCase is what one pattern's example must draft to.
type patternCase struct {
	content string // 考核内容, where a pattern takes its target from it
	kind    rubric.Kind
	amount  string
	target  string
	step    string
	unit    string
	items   int
	cap     string
	review  bool
	// allPoints: the deduction is the indicator's points
	allPoints bool
	// The parameters of the kinds beyond the seed's.
	rng      string // "lo-hi"
	perItem  bool
	limit    string
	from, to string
	bands    string // each band as min:points or label:points, full marks as min:full
}

// patternCases holds one case per pattern, keyed by pattern name; the
// clause is the pattern's own Example.
var patternCases = map[string]patternCase{
	"bonus":               {kind: rubric.Bonus, amount: "5"},
	"convert":             {kind: rubric.Convert},
	"ratio-target":        {kind: rubric.Ratio, target: "98", unit: "%"},
	"ratio-content":       {content: "（2）政务服务群众满意率达到90%以上。（2分）", kind: rubric.Ratio, target: "90", unit: "%"},
	"ratio-no-target":     {kind: rubric.Discretion, review: true},
	"shortfall-each-item": {kind: rubric.Shortfall, amount: "0.1", target: "100", step: "1", unit: "%", items: 2},
	"shortfall-target":    {kind: rubric.Shortfall, amount: "0.2", target: "30000", step: "5000", unit: "件"},
	"shortfall-content":   {content: "（3）全年召开专题会议不少于4次。（2分）", kind: rubric.Shortfall, amount: "0.5", target: "4", step: "1", unit: "次"},
	"count-per-several":   {kind: rubric.Discretion, amount: "0.5", step: "3", unit: "项", review: true},
	"flag-threshold-one":  {kind: rubric.Flag, amount: "1"},
	"count":               {kind: rubric.Count, amount: "0.5", unit: "项"},
	"count-one-word":      {kind: rubric.Count, amount: "0.5", unit: "次"},
	"discretion":          {kind: rubric.Discretion},
	"discretion-range":    {kind: rubric.Discretion, cap: "2"},
	"flag":                {kind: rubric.Flag, amount: "1"},
	"flag-bare":           {kind: rubric.Flag, amount: "0.5"},
	"flag-no-score":       {kind: rubric.Flag, allPoints: true},
	"count-one":           {kind: rubric.Count, amount: "0.1", unit: "项"},
	"count-each":          {kind: rubric.Count, amount: "0.2", unit: "项"},
	"count-slash":         {kind: rubric.Count, amount: "0.1", unit: "件"},

	"escalation":           {kind: rubric.Discretion, review: true},
	"relative":             {kind: rubric.Discretion, review: true},
	"second-person":        {kind: rubric.Discretion, review: true},
	"item-zero":            {kind: rubric.Flag, allPoints: true},
	"veto":                 {kind: rubric.Veto},
	"band-figure":          {kind: rubric.Band, unit: "%", bands: "100:full 90:3 -:0"},
	"band-label":           {kind: rubric.Band, bands: "优:10 良:5 差:0"},
	"linear":               {kind: rubric.Linear, unit: "%", from: "90", to: "100", review: true},
	"linear-count":         {content: "（2）全年开展培训不少于4次。（2分）", kind: rubric.Linear, unit: "次", from: "0", to: "4"},
	"bonus-range":          {kind: rubric.Bonus, unit: "次", rng: "1-3"},
	"bonus-each":           {kind: rubric.Bonus, amount: "3", unit: "次", perItem: true},
	"bonus-slash":          {kind: rubric.Bonus, amount: "5", unit: "种", perItem: true},
	"excess-limit":         {kind: rubric.Excess, amount: "1", step: "1", unit: "天", limit: "2"},
	"excess-content":       {content: "（3）投诉率不高于5%。（3分）", kind: rubric.Excess, amount: "1", step: "3", unit: "%", limit: "5"},
	"excess-no-limit":      {kind: rubric.Discretion, review: true},
	"shortfall-full-marks": {kind: rubric.Shortfall, amount: "5", target: "100", step: "1", unit: "%"},
	"count-range":          {kind: rubric.Count, unit: "件次", rng: "2-5"},
	"count-range-slash":    {kind: rubric.Count, unit: "次", rng: "5-15"},
}

// languageOf writes the parameters of the kinds beyond the seed's the way
// patternCase states them.
func languageOf(rd reading) (rng, limit, from, to, bands string) {
	if len(rd.rng) == 2 {
		rng = rd.rng[0].String() + "-" + rd.rng[1].String()
	}
	opt := func(d *decimal.Dec) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	var bs []string
	for _, b := range rd.bands {
		key := b.label
		if key == "" {
			key = "-"
			if b.min != nil {
				key = b.min.String()
			}
		}
		p := b.points.String()
		if b.full {
			p = "full"
		}
		bs = append(bs, key+":"+p)
	}
	return rng, opt(rd.limit), opt(rd.from), opt(rd.to), strings.Join(bs, " ")
}

func dec(s string) *decimal.Dec {
	if s == "" {
		return nil
	}
	d := decimal.MustParse(s)
	return &d
}

// TestEveryPatternReadsItsExample drafts each pattern's example and checks
// that this pattern, and not an earlier one, read it, with the parameters
// the case expects.
func TestEveryPatternReadsItsExample(t *testing.T) {
	pats := Patterns()
	seen := map[string]bool{}
	for _, p := range pats {
		if seen[p.Name] {
			t.Errorf("two patterns are named %q", p.Name)
		}
		seen[p.Name] = true
		want, ok := patternCases[p.Name]
		if !ok {
			t.Errorf("pattern %q has no test case", p.Name)
			continue
		}
		t.Run(p.Name, func(t *testing.T) {
			rd := recognise(pats, p.Example, want.content)
			if rd.pattern != p.Name {
				t.Fatalf("%q was read by pattern %q, want %q", p.Example, rd.pattern, p.Name)
			}
			if rd.kind != want.kind || !same(rd.amount, dec(want.amount)) || !same(rd.target, dec(want.target)) || !same(rd.step, dec(want.step)) {
				t.Errorf("%q: got %s amount=%s target=%s step=%s, want %s amount=%s target=%s step=%s",
					p.Example, rd.kind, show(rd.amount), show(rd.target), show(rd.step), want.kind, want.amount, want.target, want.step)
			}
			if want.unit != "" && rd.unit != want.unit {
				t.Errorf("%q: unit %q, want %q", p.Example, rd.unit, want.unit)
			}
			if len(rd.items) != want.items {
				t.Errorf("%q: %d items %q, want %d", p.Example, len(rd.items), rd.items, want.items)
			}
			if !same(rd.cap, dec(want.cap)) {
				t.Errorf("%q: cap %s, want %q", p.Example, show(rd.cap), want.cap)
			}
			if rd.allPoints != want.allPoints {
				t.Errorf("%q: allPoints %v", p.Example, rd.allPoints)
			}
			rng, limit, from, to, bands := languageOf(rd)
			if rng != want.rng || limit != want.limit || from != want.from || to != want.to || bands != want.bands || rd.perItem != want.perItem {
				t.Errorf("%q: range=%q limit=%q from=%q to=%q bands=%q perItem=%v, want range=%q limit=%q from=%q to=%q bands=%q perItem=%v",
					p.Example, rng, limit, from, to, bands, rd.perItem, want.rng, want.limit, want.from, want.to, want.bands, want.perItem)
			}
			if (rd.review != "") != want.review {
				t.Errorf("%q: review %q, want review=%v", p.Example, rd.review, want.review)
			}
		})
	}
	for name := range patternCases {
		if !seen[name] {
			t.Errorf("test case %q names no pattern", name)
		}
	}
}

// TestPhrasings reads clauses worded unlike the seed, one per phrasing the
// drafter is meant to know.
func TestPhrasings(t *testing.T) {
	cases := []struct {
		clause, content string
		kind            rubric.Kind
		amount, target  string
		step, unit      string
	}{
		{"没有制定年度工作计划的扣1分", "", rubric.Flag, "1", "", "", ""},
		{"未按期报送统计报表的扣0.5分", "", rubric.Flag, "0.5", "", "", ""},
		{"窗口人员配备不足的直接扣2分", "", rubric.Flag, "2", "", "", ""},
		{"培训覆盖面不足一半的扣一分", "", rubric.Flag, "1", "", "", ""},
		{"专职人员不足1人的扣1分", "", rubric.Flag, "1", "", "", ""},
		{"办理时限超过1个工作日的扣0.5分", "", rubric.Flag, "0.5", "", "", ""},
		{"未 按 时 报 送 的 扣 0.5 分", "", rubric.Flag, "0.5", "", "", ""},
		{"每少１项扣０．５分", "", rubric.Count, "0.5", "", "", "项"},
		{"每少1项减0.5分", "", rubric.Count, "0.5", "", "", "项"},
		{"每年开展1次应急演练，未开展的扣1分", "", rubric.Flag, "1", "", "", ""},
		{"每季度未报送工作总结的扣0.5分", "", rubric.Flag, "0.5", "", "", ""},
		{"每月迟报1次扣0.5分", "", rubric.Count, "0.5", "", "", "次"},
		{"每项不达标扣0.5分", "", rubric.Count, "0.5", "", "", "项"},
		{"少一项扣0.5分", "", rubric.Count, "0.5", "", "", "项"},
		{"工作滞后被通报的，每次扣1分", "", rubric.Count, "1", "", "", "次"},
		{"未完成整改的，扣除该项分值", "", rubric.Flag, "", "", "", ""},
		{"达到90%以上的得满分，每降低1个百分点扣0.2分", "", rubric.Shortfall, "0.2", "90", "1", "%"},
		{"未建立台账的扣减1分", "", rubric.Flag, "1", "", "", ""},
		{"每缺1套设备扣0.2分", "", rubric.Count, "0.2", "", "", "套"},
		{"每超过1个工作日扣0.1分", "", rubric.Count, "0.1", "", "", "个工作日"},
		{"不足10万元的，每少1万元扣0.2分", "", rubric.Shortfall, "0.2", "100000", "10000", "元"},
		{"按第三方评估结果折算", "", rubric.Convert, "", "", "", ""},
		{"每少1项扣0.3分", "", rubric.Count, "0.3", "", "", "项"},
		{"每缺1件档案扣0.1分", "", rubric.Count, "0.1", "", "", "件"},
		{"每有1次超时办结的扣0.2分", "", rubric.Count, "0.2", "", "", "次"},
		{"每发现1个错误扣0.1分", "", rubric.Count, "0.1", "", "", "个"},
		{"每发现1人次违反首问负责制扣0.5分", "", rubric.Count, "0.5", "", "", "人次"},
		{"发现1人次脱岗的扣0.5分", "", rubric.Count, "0.5", "", "", "人次"},
		{"被省督查通报1次扣1分", "", rubric.Count, "1", "", "", "次"},
		{"每出现一起有效投诉扣0.5分", "", rubric.Count, "0.5", "", "", "起"},
		{"网办件数不少于2万件，每少500件扣0.1分", "", rubric.Shortfall, "0.1", "20000", "500", "件"},
		{"注册用户不少于1.5万人，每少1千人扣0.2分", "", rubric.Shortfall, "0.2", "15000", "1000", "人"},
		{"召开调度会少于4次的，每少1次扣2分", "", rubric.Shortfall, "2", "4", "1", "次"},
		{"办结率低于95%的，每低1个百分点扣0.2分", "", rubric.Shortfall, "0.2", "95", "1", "%"},
		{"每少1篇扣0.5分", "（5）全年报送政务信息不少于6篇。（3分）", rubric.Shortfall, "0.5", "6", "1", "篇"},
		{"每少1篇扣0.5分", "（5）积极报送政务信息。（3分）", rubric.Count, "0.5", "", "", "篇"},
		{"电子证照调用率未达到80%的按比例扣分", "", rubric.Ratio, "", "80", "", "%"},
		{"即办件占比不达标的按比例扣分", "（4）即办件占比达到60%以上。（2分）", rubric.Ratio, "", "60", "", "%"},
		{"根据省政务服务网办件质量得分进行折算", "", rubric.Convert, "", "", "", ""},
		{"宣传工作开展不力的酌情扣分", "", rubric.Discretion, "", "", "", ""},
		{"根据现场检查情况扣分", "", rubric.Discretion, "", "", "", ""},
		{"获得国务院办公厅通报表扬的加3分", "", rubric.Bonus, "3", "", "", ""},
		{"发现一起违规收费行为扣1分", "", rubric.Count, "1", "", "", "起"},
		{"每逾期1天扣0.1分", "", rubric.Count, "0.1", "", "", "天"},
		{"未按规定公示的，每项扣0.2分", "", rubric.Count, "0.2", "", "", "项"},
		{"群众投诉查实的扣0.5分/件", "", rubric.Count, "0.5", "", "", "件"},
		{"办件量每低于1个百分点扣0.1分", "（1）网上办件率达到80%以上。（2分）", rubric.Shortfall, "0.1", "80", "1", "%"},
		{"未按时完成整改的，该项不得分", "", rubric.Flag, "", "", "", ""},
		{"资料报送不及时扣0.5分", "", rubric.Flag, "0.5", "", "", ""},
		{"网上办件量按完成比例计分，目标值为90%", "", rubric.Discretion, "", "", "", ""},
		{"网上可办率每低于目标值1个百分点扣0.5分", "（1）网上可办率达到95%以上。（10分）", rubric.Shortfall, "0.5", "95", "1", "%"},
		{"满意度每降低1个百分点扣1分", "（4）群众满意度达到98%。（10分）", rubric.Shortfall, "1", "98", "1", "%"},
		{"未实现“一网通办”的，酌情扣1-3分", "", rubric.Discretion, "", "", "", ""},
	}
	pats := Patterns()
	for _, c := range cases {
		rd := recognise(pats, c.clause, c.content)
		if rd.kind != c.kind || !same(rd.amount, dec(c.amount)) || !same(rd.target, dec(c.target)) || !same(rd.step, dec(c.step)) || rd.unit != c.unit {
			t.Errorf("%q (pattern %q): got %s amount=%s target=%s step=%s unit=%q, want %s amount=%s target=%s step=%s unit=%q",
				c.clause, rd.pattern, rd.kind, show(rd.amount), show(rd.target), show(rd.step), rd.unit,
				c.kind, c.amount, c.target, c.step, c.unit)
		}
		if rd.review != "" && rd.pattern != "ratio-no-target" {
			t.Errorf("%q: marked for review: %s", c.clause, rd.review)
		}
	}
}

func TestNumbers(t *testing.T) {
	for in, want := range map[string]string{"10万": "100000", "1.5万": "15000", "2千": "2000", "6万": "60000",
		"0.5": "0.5", "３": "3", "一": "1", "两": "2", "十": "10", "２．５": "2.5", "五千": "5000"} {
		got, ok := parseNumber(in)
		if !ok || got != decimal.MustParse(want) {
			t.Errorf("parseNumber(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "万", "1.2.3", "99999999999999万"} {
		if d, ok := parseNumber(bad); ok {
			t.Errorf("parseNumber(%q) = %s, want failure", bad, d)
		}
	}
}
