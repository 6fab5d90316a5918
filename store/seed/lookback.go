package seed

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// LastYear stores unit's signed assessment of period under the default
// rubric, the earlier period a 回头看 test looks back at: nothing deducted
// but 1.1.a found (未开展事项梳理), two items on 1.2.a (殡葬, 人防) and 2 on
// 1.3.a; 1.1.a, 殡葬 and 1.3.a were rectified and closed (已销号), 人防
// left open.
func LastYear(t testing.TB, s *store.Store, id store.Identity, unit, period string) store.Assessment {
	t.Helper()
	a := Assessment(t, s, id, unit, period)
	Record(t, s, id, a.ID, Clean(rubric.Default())...)
	Record(t, s, id, a.ID, store.Retract("1.2.a"), SetJSON(t, "1.1.a", "true", "未开展事项梳理"), SetJSON(t, "1.3.a", "2", ""))
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	st, err := s.State(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := store.ProblemsOf(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Found == "人防" {
			continue
		}
		for _, act := range []store.ProblemAction{{Action: assessment.ActionRectify, Measure: "已整改"}, {Action: assessment.ActionClose}} {
			if _, err := s.ActOnProblems(id, a.ID, []string{p.ID}, false, act); err != nil {
				t.Fatal(err)
			}
		}
	}
	return a
}

// NextYearRubric is the default rubric as next year's office rewrote it
// (version 2022): indicators 1.1 (事项梳理) and 1.2 (下放承接) swapped
// places and numbers, rules and all, and 1.3 (标准化攻坚) gave way to a new
// indicator on other work with the same points. `rubric diff` matches the
// first two by their words; 1.3's problems have nowhere to go.
func NextYearRubric(t testing.TB) *rubric.Rubric {
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
	for _, r := range [][2]string{
		{"（3）落实省、州政务服务事项标准化规范化便利化攻坚行动。（3分）", "（3）推进“跨省通办”“全省通办”事项落地见效。（3分）"},
		{"每有1个实施清单填报没达到标准化规范化要求的扣0.1分，最多扣3分。", "每有1项通办事项未落地的扣0.1分，最多扣3分。"},
		{"未达标准化规范化要求的实施清单", "未落地的通办事项"},
		{`clause: "每有1个实施清单填报没达到标准化规范化要求的扣0.1分，最多扣3分"`, `clause: "每有1项通办事项未落地的扣0.1分，最多扣3分"`},
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
	return rb
}
