package store

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
)

// rubric2022 is the default rubric as next year's office rewrote it:
// indicators 1.1 (事项梳理) and 1.2 (下放承接) swapped their numbers, rules
// and all, and 1.3 (标准化攻坚) gave way to a new indicator on other work
// with the same points.
func rubric2022(t *testing.T) *rubric.Rubric {
	t.Helper()
	src := string(rubric.DefaultSource())
	src = strings.Replace(src, `version: "2021"`, `version: "2022"`, 1)
	// Indicators are numbered by their place: swap the blocks, then the IDs.
	i1, i2, i3 := strings.Index(src, `      - id: "1.1"`), strings.Index(src, `      - id: "1.2"`), strings.Index(src, `      - id: "1.3"`)
	if i1 < 0 || i2 < i1 || i3 < i2 {
		t.Fatal("the default rubric's indicators 1.1 to 1.3 moved")
	}
	src = src[:i1] + src[i2:i3] + src[i1:i2] + src[i3:]
	src = strings.NewReplacer(`"1.1"`, `"1.2"`, `"1.1.a"`, `"1.2.a"`, `"1.1.b"`, `"1.2.b"`,
		`"1.2"`, `"1.1"`, `"1.2.a"`, `"1.1.a"`, `"1.2.b"`, `"1.1.b"`).Replace(src)
	for old, repl := range map[string]string{
		"（3）落实省、州政务服务事项标准化规范化便利化攻坚行动。（3分）":            "（3）推进“跨省通办”“全省通办”事项落地见效。（3分）",
		"每有1个实施清单填报没达到标准化规范化要求的扣0.1分，最多扣3分。":          "每有1项通办事项未落地的扣0.1分，最多扣3分。",
		"未达标准化规范化要求的实施清单":                             "未落地的通办事项",
		`clause: "每有1个实施清单填报没达到标准化规范化要求的扣0.1分，最多扣3分"`: `clause: "每有1项通办事项未落地的扣0.1分，最多扣3分"`,
	} {
		if !strings.Contains(src, old) {
			t.Fatalf("the default rubric no longer holds %q", old)
		}
		src = strings.Replace(src, old, repl, 1)
	}
	rb, err := rubric.Parse("2022.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// deductions records a clean pass but for the flag rule found (with its
// note), the given items on the count rule itemsRule, and n on 1.3.a.
func deductions(t *testing.T, s *Store, id Identity, aid, flagRule, itemsRule string, items []string, n string) {
	t.Helper()
	recordClean(t, s, id, aid)
	if _, err := s.Record(id, aid, Retract(itemsRule), Change{Subject: flagRule, Value: ruleVal(t, "true"), Note: "未开展事项梳理"},
		Change{Subject: "1.3.a", Value: ruleVal(t, n)}); err != nil {
		t.Fatal(err)
	}
	for _, text := range items {
		if _, err := s.AddItem(id, aid, itemsRule, text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
}

// closeFound reports a rectification of the problem with ID found, or
// found as found, and accepts it (销号).
func closeFound(t *testing.T, s *Store, id Identity, aid, found string) {
	t.Helper()
	for _, p := range problemsOf(t, s, aid) {
		if p.ID == found || p.Found != "" && strings.HasPrefix(p.Found, found) {
			for _, act := range []ProblemAction{{Action: assessment.ActionRectify, Measure: "已整改"}, {Action: assessment.ActionClose}} {
				if _, err := s.ActOnProblems(id, aid, []string{p.ID}, false, act); err != nil {
					t.Fatal(err)
				}
			}
			return
		}
	}
	t.Fatalf("no problem %q", found)
}

// earlierLine shows the earlier problems under one current indicator:
// "ID found (state)".
func earlierLine(list []assessment.EarlierProblem) string {
	var b []string
	for _, e := range list {
		b = append(b, e.Rule+" "+e.Found+" ("+e.Status+")")
	}
	return strings.Join(b, "; ")
}

// 吉首市 2020 was signed with 1.1.a (a flag), two items on 1.2.a (殡葬,
// 人防) and 3 on 1.3.a; 1.1.a, 殡葬 and 1.3.a were closed, 人防 left open.
// 2021 finds the flag again, 殡葬 again and 水土保持 new: each 2020 problem
// is shown under the indicator that checks the same thing in 2021, and the
// flag and 殡葬 are 反弹 while 水土保持 is not — under the same rubric, and
// under the 2022 rubric whose indicators 1.1 and 1.2 swapped numbers and
// whose 1.3 is gone (its problem listed as unmapped, not dropped). A 2019
// signed earlier and a 2020 of another unit are not what 2021 looks back
// at.
func TestLookBackShowsLastPeriodsProblemsAndRelapses(t *testing.T) {
	for _, tc := range []struct {
		name string
		rb   func(t *testing.T) *rubric.Rubric
		// the 2021 rubric's rules for 2020's flag 1.1.a and count 1.2.a
		flag, items string
		// what the 2021 indicators show of 2020, and what is unmapped
		want     map[string]string
		unmapped string
	}{
		{"same rubric", func(*testing.T) *rubric.Rubric { return rubric.Default() }, "1.1.a", "1.2.a",
			map[string]string{"1.1": "1.1.a 未开展事项梳理 (closed)", "1.2": "1.2.a 殡葬 (closed); 1.2.a 人防 (open)", "1.3": "1.3.a  (closed)"}, ""},
		{"changed rubric", rubric2022, "1.2.a", "1.1.a",
			map[string]string{"1.2": "1.1.a 未开展事项梳理 (closed)", "1.1": "1.2.a 殡葬 (closed); 1.2.a 人防 (open)", "1.3": ""}, "1.3.a  (closed)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			id := mustInspector(t, s, "张三")
			signed := func(unit, period string, items []string, n string) Assessment {
				a := mustNew(t, s, id, unit, period)
				deductions(t, s, id, a.ID, "1.1.a", "1.2.a", items, n)
				if _, err := s.Sign(id, a.ID, true); err != nil {
					t.Fatal(err)
				}
				return a
			}
			signed("吉首市", "2019", []string{"政务服务"}, "0")
			signed("泸溪县", "2020", []string{"殡葬"}, "0")
			a20 := signed("吉首市", "2020", []string{"殡葬", "人防"}, "3")
			closeFound(t, s, id, a20.ID, "未开展事项梳理")
			closeFound(t, s, id, a20.ID, "殡葬")
			closeFound(t, s, id, a20.ID, "1.3.a")

			a21, _, err := s.CreateAssessment(id, tc.rb(t), "吉首市", "2021")
			if err != nil {
				t.Fatal(err)
			}
			deductions(t, s, id, a21.ID, tc.flag, tc.items, []string{" 殡葬", "水土保持"}, "0")
			st := mustState(t, s, a21.ID)
			l, err := s.LookBack(st)
			if err != nil {
				t.Fatal(err)
			}
			if l.Period() != "2020" || l.Earlier.ID != a20.ID {
				t.Fatalf("looks back at %q (%s), want 2020 of 吉首市", l.Period(), l.Earlier.Label())
			}
			for ind, want := range tc.want {
				if got := earlierLine(l.On(ind)); got != want {
					t.Errorf("under %s: %q, want %q", ind, got, want)
				}
			}
			if got := earlierLine(l.Unmapped); got != tc.unmapped {
				t.Errorf("unmapped %q, want %q", got, tc.unmapped)
			}
			res, err := st.Score()
			if err != nil {
				t.Fatal(err)
			}
			var relapses []string
			for _, p := range st.Problems(res) {
				if e, ok := l.Relapse(p.Key); ok {
					relapses = append(relapses, p.Rule+" "+p.Found+" ← "+e.Rule+" "+e.Found)
				}
			}
			want := []string{tc.flag + " 未开展事项梳理 ← 1.1.a 未开展事项梳理", tc.items + " 殡葬 ← 1.2.a 殡葬"}
			if tc.items < tc.flag {
				want[0], want[1] = want[1], want[0]
			}
			if got := strings.Join(relapses, "; "); got != strings.Join(want, "; ") || l.Relapses() != 2 {
				t.Errorf("relapses %q, want %q", got, strings.Join(want, "; "))
			}
		})
	}
}

// "Last period" is the latest earlier one with a signed assessment: a
// 2021 still in draft is passed over for the signed 2020, a signed 2023
// is later, not earlier. With
// nothing signed before, there is nothing to look back at.
func TestLookBackSkipsUnsignedAndLaterPeriods(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a20 := mustNew(t, s, id, "吉首市", "2020")
	deductions(t, s, id, a20.ID, "1.1.a", "1.2.a", []string{"殡葬"}, "0")
	a21 := mustNew(t, s, id, "吉首市", "2021")
	deductions(t, s, id, a21.ID, "1.1.a", "1.2.a", []string{"人防"}, "0")
	a23 := mustNew(t, s, id, "吉首市", "2023")
	deductions(t, s, id, a23.ID, "1.1.a", "1.2.a", []string{"档案"}, "0")
	if _, err := s.Sign(id, a23.ID, true); err != nil {
		t.Fatal(err)
	}
	a22 := mustNew(t, s, id, "吉首市", "2022")
	deductions(t, s, id, a22.ID, "1.1.a", "1.2.a", []string{"殡葬"}, "0")
	l, err := s.LookBack(mustState(t, s, a22.ID))
	if err != nil {
		t.Fatal(err)
	}
	if l.Period() != "" || len(l.All()) != 0 || l.Relapses() != 0 {
		t.Fatalf("nothing signed before 2022, yet it looks back at %q: %v", l.Period(), l.All())
	}
	if _, err := s.Sign(id, a20.ID, true); err != nil {
		t.Fatal(err)
	}
	l, err = s.LookBack(mustState(t, s, a22.ID))
	if err != nil {
		t.Fatal(err)
	}
	if l.Period() != "2020" || earlierLine(l.All()) != "1.1.a 未开展事项梳理 (open); 1.2.a 殡葬 (open)" {
		t.Fatalf("looks back at %q: %q", l.Period(), earlierLine(l.All()))
	}
	if l.Relapses() != 0 {
		t.Errorf("%d relapses of problems never closed", l.Relapses())
	}
}

// A rule that was replaced within an indicator that remains: 2022's 1.1.a
// checks something else (清单未公示), so 2020's closed 1.1.a is still shown
// under 1.1, by its own ID, but 2022's deduction on the new 1.1.a is no
// relapse of it.
func TestLookBackRuleReplacedInAKeptIndicator(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a20 := mustNew(t, s, id, "吉首市", "2020")
	deductions(t, s, id, a20.ID, "1.1.a", "1.2.a", nil, "0")
	if _, err := s.Sign(id, a20.ID, true); err != nil {
		t.Fatal(err)
	}
	closeFound(t, s, id, a20.ID, "未开展事项梳理")
	src := string(rubric.DefaultSource())
	src = strings.Replace(src, `version: "2021"`, `version: "2022"`, 1)
	for _, r := range [][2]string{
		{"没有按要求开展或在规定时限内完成事项梳理的直接扣1分，", "清单未公示扣1分，"},
		{`label: "未按要求开展或按时完成事项梳理"`, `label: "清单未公示"`},
		{`clause: "没有按要求开展或在规定时限内完成事项梳理的直接扣1分"`, `clause: "清单未公示扣1分"`},
	} {
		if !strings.Contains(src, r[0]) {
			t.Fatalf("the default rubric no longer holds %q", r[0])
		}
		src = strings.Replace(src, r[0], r[1], 1)
	}
	rb, err := rubric.Parse("2022.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a21, _, err := s.CreateAssessment(id, rb, "吉首市", "2021")
	if err != nil {
		t.Fatal(err)
	}
	deductions(t, s, id, a21.ID, "1.1.a", "1.2.a", nil, "0")
	l, err := s.LookBack(mustState(t, s, a21.ID))
	if err != nil {
		t.Fatal(err)
	}
	on := l.On("1.1")
	if len(on) != 1 || on[0].Rule != "1.1.a" || on[0].NowRule != "" || on[0].Status != assessment.ProblemClosed {
		t.Fatalf("under 1.1: %+v", on)
	}
	if l.Relapses() != 0 || len(l.Unmapped) != 0 {
		t.Errorf("%d relapses, unmapped %v: the new 1.1.a checks something else", l.Relapses(), l.Unmapped)
	}
}
