package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// ruleResult is one rule's scored figures in the state's score.
func ruleResult(t *testing.T, st *State, rule string) scoring.RuleResult {
	t.Helper()
	res, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Categories {
		for _, ir := range c.Indicators {
			for _, rr := range ir.Rules {
				if rr.ID() == rule {
					return rr
				}
			}
		}
	}
	t.Fatalf("no rule %s in the score", rule)
	return scoring.RuleResult{}
}

func itemTexts(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

// 缺少办事指南3个：殡葬、水土保持、人防 recorded as three items gives the
// count rule 3 and its deduction; removing one gives 2, and the removed
// item's history keeps its text.
func TestItemsDeriveTheRuleValueAndRemoveKeepsHistory(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	var added []Item
	for _, text := range []string{"殡葬", "水土保持", "人防"} {
		it, err := s.AddItem(id, a.ID, "1.2.a", text, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, it)
	}
	st := mustState(t, s, a.ID)
	f := st.Findings()["1.2.a"]
	if f.Value.String() != "3" || f.Note != "殡葬、水土保持、人防" {
		t.Fatalf("1.2.a from its items: %v %q", f.Value, f.Note)
	}
	if rr := ruleResult(t, st, "1.2.a"); rr.Raw.String() != "0.6" {
		t.Fatalf("three items at 0.2 deduct %s, want 0.6", rr.Raw)
	}
	if slices.Contains(st.Readiness().Unrecorded, "1.2.a") {
		t.Fatal("a rule recorded as items is listed as unrecorded")
	}
	gone, err := s.RemoveItem(id, a.ID, "1.2.a", "2")
	if err != nil || gone.Text != "水土保持" {
		t.Fatalf("remove item 2: %+v %v", gone, err)
	}
	st = mustState(t, s, a.ID)
	if got := itemTexts(st.Items("1.2.a")); strings.Join(got, ",") != "殡葬,人防" {
		t.Fatalf("items after removing 2: %v", got)
	}
	if v := st.Findings()["1.2.a"].Value.String(); v != "2" {
		t.Fatalf("1.2.a after a removal = %s, want 2", v)
	}
	hist, err := s.History(a.ID, "item/1.2.a/"+added[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Decoded().Item.Text != "水土保持" || !hist[1].Tombstone() {
		t.Fatalf("the removed item's history: %+v", hist)
	}
	// By the start of its ID, too.
	if _, err := s.RemoveItem(id, a.ID, "1.2.a", added[0].Short()); err != nil {
		t.Fatal(err)
	}
	if got := itemTexts(mustState(t, s, a.ID).Items("1.2.a")); strings.Join(got, ",") != "人防" {
		t.Fatalf("items after removing by ID: %v", got)
	}
	rep, err := s.Verify()
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("verify: %v %+v", err, rep)
	}
}

// Two inspectors add items to one rule on their own laptops: merged in
// either order the files are the same, every item is kept with no
// conflict, and the text both typed is shown as a possible duplicate.
func TestItemsMergeAsAUnionAndShowDuplicates(t *testing.T) {
	dir := t.TempDir()
	zs, zid, zp := inspectorDB(t, dir, "张三")
	ls, lid, lp := inspectorDB(t, dir, "李四")
	za := mustNew(t, zs, zid, "吉首市", "2021")
	la := mustNew(t, ls, lid, "吉首市", "2021")
	for _, c := range []struct {
		s    *Store
		id   Identity
		a    Assessment
		text string
	}{{zs, zid, za, "殡葬"}, {zs, zid, za, "人防"}, {ls, lid, la, "殡葬 "}, {ls, lid, la, "水土保持"}} {
		if _, err := c.s.AddItem(c.id, c.a.ID, "1.2.a", c.text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	zs.Close()
	ls.Close()
	ab := filepath.Join(dir, "ab.db")
	ba := filepath.Join(dir, "ba.db")
	mergeInto(t, ab, zp, lp)
	mergeInto(t, ba, lp)
	mergeInto(t, ba, zp)
	mergeInto(t, ba, zp, lp) // again: nothing new
	if dumpFile(t, ab) != dumpFile(t, ba) {
		t.Fatal("merge order changed the result")
	}
	s, err := Open(ab, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := mustState(t, s, za.ID)
	items := st.Items("1.2.a")
	if len(items) != 4 {
		t.Fatalf("want 4 items, got %v", itemTexts(items))
	}
	if len(st.Conflicts()) != 0 {
		t.Fatalf("items conflicted: %v", st.Conflicts()[0].Subject)
	}
	dups := st.ItemDuplicates()
	if len(dups) != 2 || strings.TrimSpace(dups[0].Text) != "殡葬" || dups[0].Inspector == dups[1].Inspector {
		t.Fatalf("possible duplicates: %+v", dups)
	}
	if v := st.Findings()["1.2.a"].Value.String(); v != "4" {
		t.Fatalf("1.2.a = %s, want 4 (a duplicate counts until the lead removes it)", v)
	}
	rep, err := s.Verify()
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("verify: %v %+v", err, rep)
	}
}

// A plain number on the rule and items that give another are a conflict:
// sign-off waits for it, the score's range spans both, and retracting the
// plain number settles it in the items' favour.
func TestItemsDisagreeingWithAPlainNumberIsAConflict(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.Record(id, a.ID, SetRule("1.2.a", scoring.NumValue(decimal.FromInt(5)), "")); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	st := mustState(t, s, a.ID)
	ics := st.ItemConflicts()
	if len(ics) != 1 || ics[0].Rule != "1.2.a" || ics[0].Derived.String() != "2" || ics[0].Plain.Decoded().Rule.String() != "5" {
		t.Fatalf("item conflicts: %+v", ics)
	}
	if len(st.Conflicts()) != 1 || !slices.Contains(st.Readiness().Conflicts, "1.2.a") {
		t.Fatalf("the disagreement is not an open conflict: %v %v", st.Conflicts(), st.Readiness().Conflicts)
	}
	res, err := st.Score()
	if err != nil {
		t.Fatal(err)
	}
	if res.Range == nil || res.Range.Min.String() != "99" || res.Range.Max.String() != "99.6" {
		t.Fatalf("range across the plain 5 and the items' 2: %+v (total %s)", res.Range, res.Total)
	}
	if res.Total.String() != "99.6" {
		t.Fatalf("the items count while the conflict is open: total %s", res.Total)
	}
	if _, err := s.Record(id, a.ID, Retract("1.2.a")); err != nil {
		t.Fatal(err)
	}
	st = mustState(t, s, a.ID)
	if len(st.ItemConflicts()) != 0 || len(st.Conflicts()) != 0 || st.Findings()["1.2.a"].Value.String() != "2" {
		t.Fatalf("after retracting the plain number: %v %v", st.ItemConflicts(), st.Findings()["1.2.a"])
	}
	// A plain number that agrees is no conflict.
	if _, err := s.Record(id, a.ID, SetRule("1.2.a", scoring.NumValue(decimal.FromInt(2)), "")); err != nil {
		t.Fatal(err)
	}
	if st := mustState(t, s, a.ID); len(st.Conflicts()) != 0 {
		t.Fatalf("an agreeing plain number conflicts: %v", st.ItemConflicts())
	}
}

// A rule with a range records each item's amount; the rule's value is the
// list of amounts. Amounts where there is no range, a missing or
// out-of-range amount, a rule that is not a count, an empty text and the
// same text twice on one laptop are refused, writing nothing.
func TestItemAmountsAndRefusalsWriteNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	rb, err := rubric.LoadFile(filepath.Join("..", "rubric", "testdata", "language.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ra, _, err := s.CreateAssessment(id, rb, "甲县", "2021")
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) *decimal.Dec { v := decimal.MustParse(s); return &v }
	if _, err := s.AddItem(id, ra.ID, "1.4.a", "12345热线投诉", d("2.5"), "超期未办结"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddItem(id, ra.ID, "1.4.a", "信访件", d("3"), ""); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, ra.ID)
	if v := st.Findings()["1.4.a"].Value; v.Type != scoring.List || v.String() != "2.5,3" {
		t.Fatalf("1.4.a from its items: %v", v)
	}
	a := mustNew(t, s, id, "吉首市", "2021")
	if _, err := s.AddItem(id, a.ID, "1.2.a", "殡葬", nil, ""); err != nil {
		t.Fatal(err)
	}
	before := func() int {
		var n int
		s.db.QueryRow("SELECT count(*) FROM revision").Scan(&n)
		return n
	}()
	for _, c := range []struct {
		name, assessment, rule, text string
		amount                       *decimal.Dec
		want                         string
	}{
		{"a flag rule", a.ID, "1.2.b", "x", nil, "only a count rule"},
		{"an empty text", a.ID, "1.2.a", "  ", nil, "needs a short text"},
		{"an amount without a range", a.ID, "1.2.a", "人防", d("1"), "no range of amounts"},
		{"the same text again", a.ID, "1.2.a", " 殡葬", nil, "already lists the item"},
		{"a line break", a.ID, "1.2.a", "殡葬\n人防", nil, "one line"},
		{"a long text", a.ID, "1.2.a", strings.Repeat("长", MaxItemChars+1), nil, "at most 200"},
		{"no amount on a range", ra.ID, "1.4.a", "投诉", nil, "its own amount between 2 and 5"},
		{"an amount outside the range", ra.ID, "1.4.a", "投诉", d("6"), "outside"},
		{"an unknown rule", a.ID, "9.9.z", "x", nil, "has no rule"},
	} {
		_, err := s.AddItem(id, c.assessment, c.rule, c.text, c.amount, "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
	if _, err := s.RemoveItem(id, a.ID, "1.2.a", "7"); err == nil || !strings.Contains(err.Error(), "no item number 7") {
		t.Errorf("removing item 7 of 1: %v", err)
	}
	var after int
	s.db.QueryRow("SELECT count(*) FROM revision").Scan(&after)
	if after != before {
		t.Fatalf("refusals wrote %d revisions", after-before)
	}
}

// A sign-off signs the items: a signed assessment refuses a new item, and
// an item merged in after signing is a conflict against the sign-off that
// leaves the signed count (and score) as signed.
func TestItemsAreSignedAndAnItemMergedInLaterDoesNotCount(t *testing.T) {
	dir := t.TempDir()
	zs, zid, zp := inspectorDB(t, dir, "张三")
	za := mustNew(t, zs, zid, "吉首市", "2021")
	recordFull(t, zs, zid, za.ID)
	if _, err := zs.Record(zid, za.ID, Retract("1.2.a")); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := zs.AddItem(zid, za.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := zs.Sign(zid, za.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := zs.AddItem(zid, za.ID, "1.2.a", "水土保持", nil, ""); !errors.Is(err, ErrSigned) {
		t.Fatalf("an item on a signed assessment: %v", err)
	}
	zs.Close()
	ls, lid, lp := inspectorDB(t, dir, "李四")
	la := mustNew(t, ls, lid, "吉首市", "2021")
	if _, err := ls.AddItem(lid, la.ID, "1.2.a", "水土保持", nil, ""); err != nil {
		t.Fatal(err)
	}
	ls.Close()
	mergeInto(t, zp, lp)
	s, err := Open(zp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := mustState(t, s, za.ID)
	if v := st.Findings()["1.2.a"].Value.String(); v != "2" || len(st.Items("1.2.a")) != 2 {
		t.Fatalf("signed 1.2.a = %s with %v, want the 2 signed items", v, itemTexts(st.Items("1.2.a")))
	}
	var late []string
	for _, c := range st.SignOffConflicts() {
		late = append(late, c.Subject)
	}
	if len(late) != 1 || !strings.HasPrefix(late[0], "item/1.2.a/") {
		t.Fatalf("sign-off conflicts %v, want the item merged in later", late)
	}
}

// Editing an item is a revision of it: the rule keeps its count, the item
// its place, and history both texts; an edit to another item's text is
// refused.
func TestEditItemIsARevision(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := mustNew(t, s, id, "吉首市", "2021")
	first, err := s.AddItem(id, a.ID, "1.2.a", "殡葬", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddItem(id, a.ID, "1.2.a", "人防", nil, ""); err != nil {
		t.Fatal(err)
	}
	text, note := "殡葬管理", "大厅未公示"
	if _, err := s.EditItem(id, a.ID, "1.2.a", "1", ItemEdit{Text: &text, Note: &note}); err != nil {
		t.Fatal(err)
	}
	st := mustState(t, s, a.ID)
	items := st.Items("1.2.a")
	if len(items) != 2 || items[0].ID != first.ID || items[0].Text != "殡葬管理" || items[0].Note != "大厅未公示" || st.Findings()["1.2.a"].Value.String() != "2" {
		t.Fatalf("after the edit: %+v", items)
	}
	hist, _ := s.History(a.ID, "item/1.2.a/"+first.ID)
	if len(hist) != 2 || hist[0].Decoded().Item.Text != "殡葬" || hist[1].Decoded().Item.Text != "殡葬管理" {
		t.Fatalf("history of the edited item: %+v", hist)
	}
	same := "人防"
	if _, err := s.EditItem(id, a.ID, "1.2.a", "1", ItemEdit{Text: &same}); err == nil || !strings.Contains(err.Error(), "already lists") {
		t.Fatalf("an edit to another item's text: %v", err)
	}
}
