package store

import (
	"path/filepath"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/scoring"
)

// plainAndItems records 1.2.a as the plain number 5 and as the two items
// 殡葬 and 人防 (which give 2): a disagreement the lead settles.
func plainAndItems(t *testing.T, s *Store, id Identity, a Assessment) {
	t.Helper()
	if _, err := s.Record(id, a.ID, SetRule("1.2.a", scoring.NumValue(decimal.FromInt(5)), "")); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"殡葬", "人防"} {
		if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
}

// The lead settles a number-vs-items disagreement with resolve: keeping
// the items retracts the plain number (its history stays); recording the
// items' value settles it too; a value or an inspector's number that
// would leave the disagreement open is refused, writing nothing.
func TestResolveSettlesANumberAgainstItems(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Resolution
	}{
		{"keep the items", Resolution{Keep: KeepItems, Note: "以条目为准"}},
		{"record the items' value", Resolution{Value: new(SetRule("1.2.a", scoring.NumValue(decimal.FromInt(2)), "").Value)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			id := mustInspector(t, s, "张三")
			a := mustNew(t, s, id, "吉首市", "2021")
			plainAndItems(t, s, id, a)
			for _, bad := range []Resolution{
				{Keep: "张三"},
				{Value: new(SetRule("1.2.a", scoring.NumValue(decimal.FromInt(3)), "").Value)},
			} {
				before := mustState(t, s, a.ID).Revisions
				if _, err := s.Resolve(id, a.ID, "1.2.a", bad); err == nil {
					t.Fatalf("%+v settled a disagreement it leaves open", bad)
				}
				if after := mustState(t, s, a.ID).Revisions; after != before {
					t.Fatalf("a refused resolution wrote %d revisions", after-before)
				}
			}
			if _, err := s.Resolve(id, a.ID, "1.2.a", tc.r); err != nil {
				t.Fatal(err)
			}
			st := mustState(t, s, a.ID)
			if len(st.Conflicts()) != 0 || len(st.ItemConflicts()) != 0 || st.OpenConflicts() != 0 {
				t.Fatalf("still in conflict: %v", st.ItemConflicts())
			}
			if v := st.Findings()["1.2.a"].Value.String(); v != "2" || len(st.Items("1.2.a")) != 2 {
				t.Fatalf("1.2.a = %s with %d items, want the two items' 2", v, len(st.Items("1.2.a")))
			}
			if _, err := s.Resolve(id, a.ID, "1.2.a", tc.r); err == nil {
				t.Fatal("a settled rule settled again")
			}
		})
	}
}

// A disagreement between a plain number and items counts among merge's new
// conflicts, whether the assessment is new to the target or not.
func TestMergeCountsANumberAgainstItems(t *testing.T) {
	dir := t.TempDir()
	// One laptop holding both: an assessment new to the target.
	bs, bid, bp := inspectorDB(t, dir, "王五")
	plainAndItems(t, bs, bid, mustNew(t, bs, bid, "吉首市", "2021"))
	bs.Close()
	if sums := mergeInto(t, filepath.Join(dir, "new.db"), bp); sums[0].NewConflicts != 1 {
		t.Fatalf("merging a new assessment with a number against items: %d new conflicts, want 1", sums[0].NewConflicts)
	}
	// Two laptops: the number first, the items merged into it.
	zs, zid, zp := inspectorDB(t, dir, "张三")
	ls, lid, lp := inspectorDB(t, dir, "李四")
	za := mustNew(t, zs, zid, "凤凰县", "2021")
	la := mustNew(t, ls, lid, "凤凰县", "2021")
	if _, err := zs.Record(zid, za.ID, SetRule("1.2.a", scoring.NumValue(decimal.FromInt(5)), "")); err != nil {
		t.Fatal(err)
	}
	if _, err := ls.AddItem(lid, la.ID, "1.2.a", "殡葬", nil, ""); err != nil {
		t.Fatal(err)
	}
	zs.Close()
	ls.Close()
	sums := mergeInto(t, filepath.Join(dir, "both.db"), zp, lp)
	if sums[0].NewConflicts != 0 || sums[1].NewConflicts != 1 {
		t.Fatalf("new conflicts %d then %d, want 0 then 1", sums[0].NewConflicts, sums[1].NewConflicts)
	}
}
