package diff

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

func load(t *testing.T, path string) *rubric.Rubric {
	t.Helper()
	rb, err := rubric.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

func findIndicator(rep *Report, oldID, newID string) *Indicator {
	for i := range rep.Indicators {
		if rep.Indicators[i].OldID == oldID && rep.Indicators[i].NewID == newID {
			return &rep.Indicators[i]
		}
	}
	return nil
}

func hasField(fs []Field, name, old, new string) bool {
	for _, f := range fs {
		if f.Name == name && f.Old == old && f.New == new {
			return true
		}
	}
	return false
}

// Two hand-made versions: 2022 swaps the two indicators of category 1 and
// changes one's amounts, adds a clause to the other, replaces category 2
// and keeps the bonus category.
func TestCompareTwoVersions(t *testing.T) {
	rep := Compare(load(t, "testdata/v1.yaml"), load(t, "testdata/v2.yaml"))
	if !hasField(rep.Fields, "version", "2021", "2022") || len(rep.Fields) != 1 {
		t.Errorf("rubric fields %+v, want the version only", rep.Fields)
	}
	if len(rep.UnitsAdded) != 1 || rep.UnitsAdded[0] != "丙县" || len(rep.UnitsGone) != 1 || rep.UnitsGone[0] != "乙县" {
		t.Errorf("units +%v -%v", rep.UnitsAdded, rep.UnitsGone)
	}
	// Categories: 1 re-weighted, 政务公开 removed, 数据共享 added, 3 untouched.
	if len(rep.Categories) != 3 {
		t.Fatalf("categories %+v", rep.Categories)
	}
	if c := rep.Categories[0]; c.Status != Changed || c.NewID != "1" || !hasField(c.Fields, "points", "5", "6") {
		t.Errorf("category 1: %+v", c)
	}
	if c := rep.Categories[1]; c.Status != Added || c.Title != "数据共享" {
		t.Errorf("added category: %+v", c)
	}
	if c := rep.Categories[2]; c.Status != Removed || c.Title != "政务公开" {
		t.Errorf("removed category: %+v", c)
	}
	// 园区赋权 moved from 1.2 to 1.1: matched by its words, renumbered,
	// with its points and its rule's amount and cap changed.
	ind := findIndicator(rep, "1.2", "1.1")
	if ind == nil || ind.Status != Changed || !hasField(ind.Fields, "points", "3", "4") {
		t.Fatalf("园区赋权: %+v", ind)
	}
	if len(ind.Rules) != 1 || !hasField(ind.Rules[0].Fields, "amount", "0.2", "0.5") || !hasField(ind.Rules[0].Fields, "cap", "3", "4") {
		t.Errorf("园区赋权 rules: %+v", ind.Rules)
	}
	want := []Line{{"-", "没有完成园区赋权的，每少1项扣0.2分，最多扣3分"}, {"+", "没有完成园区赋权的，每少1项扣0.5分，最多扣4分"}}
	if len(ind.Standard) != 2 || ind.Standard[0] != want[0] || ind.Standard[1] != want[1] {
		t.Errorf("园区赋权 standard: %+v", ind.Standard)
	}
	// 梳理事项清单 moved from 1.1 to 1.2 and gained a clause and its rule;
	// its two kept rules, renumbered with it, are not reported.
	ind = findIndicator(rep, "1.1", "1.2")
	if ind == nil {
		t.Fatal("梳理事项清单 not matched")
	}
	if len(ind.Standard) != 3 || ind.Standard[0].Op != " " || ind.Standard[1].Op != " " || ind.Standard[2] != (Line{"+", "没有更新的扣0.5分"}) {
		t.Errorf("梳理 standard: %+v", ind.Standard)
	}
	if len(ind.Rules) != 1 || ind.Rules[0].Status != Added || ind.Rules[0].NewID != "1.2.c" || !hasField(ind.Rules[0].Fields, "amount", "", "0.5") {
		t.Errorf("梳理 rules: %+v", ind.Rules)
	}
	// The indicator of the replaced category is removed, the new one added,
	// though both are numbered 2.1.
	if ind := findIndicator(rep, "2.1", ""); ind == nil || ind.Status != Removed {
		t.Errorf("公开办事指南 not removed: %+v", rep.Indicators)
	}
	if ind := findIndicator(rep, "", "2.1"); ind == nil || ind.Status != Added || len(ind.Rules) != 1 {
		t.Errorf("推进数据共享 not added: %+v", rep.Indicators)
	}
	if findIndicator(rep, "3.1", "3.1") != nil {
		t.Error("the unchanged bonus indicator is reported")
	}
	if len(rep.Indicators) != 4 {
		t.Errorf("%d indicators reported, want 4", len(rep.Indicators))
	}
}

func TestCompareSameIsEmpty(t *testing.T) {
	if rep := Compare(rubric.Default(), rubric.Default()); !rep.Empty() {
		t.Fatalf("the seed differs from itself: %+v", rep)
	}
}

// A group's cap change is reported on its indicator.
func TestCompareGroupCap(t *testing.T) {
	old, newer := rubric.Default(), rubric.Default()
	_, ind, _ := newer.Indicator("3.2")
	ind.Groups[0].Cap += ind.Groups[0].Cap
	rep := Compare(old, newer)
	got := findIndicator(rep, "3.2", "3.2")
	if got == nil || !hasField(got.Fields, "group cards", "cap 1 [b, c]", "cap 2 [b, c]") {
		t.Fatalf("%+v", rep.Indicators)
	}
}

func TestSimilarity(t *testing.T) {
	if s := similarity("梳理事项清单", "梳理事项清单"); s != 1 {
		t.Errorf("equal texts: %v", s)
	}
	if s := similarity("政务公开", "数据共享"); s != 0 {
		t.Errorf("unrelated texts: %v", s)
	}
	if k := contentKey("（12）开展园区赋权。（3.5分）"); k != "开展园区赋权。" {
		t.Errorf("contentKey = %q", k)
	}
}

// renumber gives every category, indicator, rule and group the ID its
// position gives it.
func renumber(rb *rubric.Rubric) {
	for ci := range rb.Categories {
		c := &rb.Categories[ci]
		c.ID = strconv.Itoa(ci + 1)
		for ii := range c.Indicators {
			ind := &c.Indicators[ii]
			ind.ID = fmt.Sprintf("%s.%d", c.ID, ii+1)
			for ri := range ind.Rules {
				ind.Rules[ri].ID = fmt.Sprintf("%s.%c", ind.ID, 'a'+ri)
			}
			for gi := range ind.Groups {
				g := &ind.Groups[gi]
				g.ID = ind.ID + "." + letter(g.ID)
				for k := range g.Rules {
					g.Rules[k] = ind.ID + "." + letter(g.Rules[k])
				}
			}
		}
	}
}

// Swapping the first two categories renumbers them and all their
// indicators, and changes nothing else: nothing is reported added or
// removed, no rule is reported.
func TestCompareSwappedCategories(t *testing.T) {
	old, newer := rubric.Default(), rubric.Default()
	newer.Categories[0], newer.Categories[1] = newer.Categories[1], newer.Categories[0]
	renumber(newer)
	if err := rubric.Validate(newer); err != nil {
		t.Fatal(err)
	}
	rep := Compare(old, newer)
	if len(rep.Categories) != 2 {
		t.Fatalf("categories %+v", rep.Categories)
	}
	for _, c := range rep.Categories {
		if c.Status != Changed || c.OldID == c.NewID || len(c.Fields) != 0 {
			t.Errorf("category %+v, want renumbered only", c)
		}
	}
	n := len(old.Categories[0].Indicators) + len(old.Categories[1].Indicators)
	if len(rep.Indicators) != n {
		t.Fatalf("%d indicators reported, want the %d of the two categories", len(rep.Indicators), n)
	}
	for _, ind := range rep.Indicators {
		if ind.Status != Changed || ind.OldID == ind.NewID || len(ind.Rules) != 0 || len(ind.Standard) != 0 {
			t.Errorf("indicator %+v, want renumbered only", ind)
		}
		for _, f := range ind.Fields {
			if f.Name != "category" && f.Name != "content" {
				t.Errorf("indicator %s→%s: unexpected change of %s", ind.OldID, ind.NewID, f.Name)
			}
		}
	}
}
