//go:build unix

package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// laptop runs real kaohe processes on one inspector's database, with that
// laptop's own device key.
type laptop struct {
	t      *testing.T
	db     string
	config string
}

func (l laptop) run(args ...string) result {
	l.t.Helper()
	return runProc(l.t, proc(l.db, []string{"KAOHE_CONFIG=" + l.config}, args...))
}

func (l laptop) ok(args ...string) string {
	l.t.Helper()
	r := l.run(args...)
	if r.code != 0 {
		l.t.Fatalf("kaohe %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

func (l laptop) items(args ...string) []itemJSON {
	l.t.Helper()
	var out []itemJSON
	if err := json.Unmarshal([]byte(l.ok(append([]string{"item", "list"}, append(args, "--json")...)...)), &out); err != nil {
		l.t.Fatal(err)
	}
	return out
}

// Two inspectors record 缺少办事指南 item by item on their own laptops, one
// of them typing the same 殡葬 and also a plain number; the lead merges
// (both orders give the same items), sees every item with the duplicate
// marked and the plain number's disagreement as a conflict that blocks
// signing, settles both, and the score, history and verify see the items.
func TestItemsFromTwoLaptopsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	zhang := laptop{t, filepath.Join(dir, "张三.db"), filepath.Join(dir, "zhang")}
	li := laptop{t, filepath.Join(dir, "李四.db"), filepath.Join(dir, "li")}
	zhang.ok("init", "--inspector", "张三")
	li.ok("init", "--inspector", "李四")
	zhang.ok("new", "吉首市", "2021")
	li.ok("new", "吉首市", "2021")

	out := zhang.ok("item", "add", "吉首市/2021", "1.2.a", "殡葬", "--note", "窗口未公示办事指南")
	if !strings.Contains(out, `added item 1 "殡葬"`) || !strings.Contains(out, "1.2.a now has 1 items, recorded as 1") {
		t.Errorf("item add says:\n%s", out)
	}
	zhang.ok("item", "add", "吉首市/2021", "1.2.a", "人防")
	li.ok("item", "add", "吉首市/2021", "1.2.a", "殡葬")
	li.ok("item", "add", "吉首市/2021", "1.2.a", "水土保持")
	li.ok("set", "吉首市/2021", "1.2.a", "2") // agrees with 李四's two items
	if r := zhang.run("item", "add", "吉首市/2021", "1.2.a", "殡葬"); r.code == 0 || !strings.Contains(r.stderr, `already lists the item "殡葬"`) {
		t.Errorf("the same text twice on one laptop: %d %s", r.code, r.stderr)
	}
	if r := zhang.run("item", "add", "吉首市/2021", "1.2.b", "x"); r.code == 0 || !strings.Contains(r.stderr, "only a count rule") {
		t.Errorf("an item on a flag rule: %d %s", r.code, r.stderr)
	}

	lead := laptop{t, filepath.Join(dir, "汇总.db"), filepath.Join(dir, "lead")}
	other := laptop{t, filepath.Join(dir, "倒序.db"), filepath.Join(dir, "lead")}
	lead.ok("merge", "--into", lead.db, zhang.db, li.db)
	other.ok("merge", "--into", other.db, li.db, zhang.db)
	ids := func(items []itemJSON) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.ID)
		}
		slices.Sort(out)
		return out
	}
	items := lead.items("吉首市/2021", "1.2.a")
	if len(items) != 4 || !slices.Equal(ids(items), ids(other.items("吉首市/2021"))) {
		t.Fatalf("merged items: %+v", items)
	}
	var dups []string
	for _, it := range items {
		if it.PossibleDuplicate {
			dups = append(dups, it.Text+"/"+it.Inspector)
		}
	}
	if strings.Join(dups, ",") != "殡葬/张三,殡葬/李四" {
		t.Errorf("possible duplicates %v, want 殡葬 from each laptop", dups)
	}
	if text := lead.ok("--lang", "zh", "item", "list", "吉首市/2021"); !strings.Contains(text, "可能重复") || !strings.Contains(text, "窗口未公示办事指南") {
		t.Errorf("item list in Chinese:\n%s", text)
	}
	conflicts := lead.ok("conflicts")
	for _, want := range []string{"the value recorded on the rule, 2, disagrees with the 4 items, which give 4", "Possible duplicates", "李四"} {
		if !strings.Contains(conflicts, want) {
			t.Errorf("conflicts lacks %q:\n%s", want, conflicts)
		}
	}
	var cj []conflictJSON
	if err := json.Unmarshal([]byte(lead.ok("conflicts", "--json")), &cj); err != nil {
		t.Fatal(err)
	}
	if len(cj) != 1 || cj[0].Subject != "1.2.a" || cj[0].Items != 4 || cj[0].ItemsGive != "4" {
		t.Errorf("conflicts --json: %+v", cj)
	}
	lead.ok("init", "--inspector", "组长")
	if r := lead.run("sign", "吉首市/2021"); r.code == 0 || !strings.Contains(r.stdout+r.stderr, "1.2.a") {
		t.Errorf("signing over the disagreement: %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// The lead removes 李四's 殡葬 (item 3 of the list) and retracts the
	// plain number: the items stand, 3 of them.
	out = lead.ok("item", "remove", "吉首市/2021", "1.2.a", "3")
	if !strings.Contains(out, `removed "殡葬"`) || !strings.Contains(out, "1.2.a now has 3 items, recorded as 3") {
		t.Errorf("item remove says:\n%s", out)
	}
	lead.ok("unset", "吉首市/2021", "1.2.a")
	if out := lead.ok("item", "edit", "吉首市/2021", "1.2.a", "2", "--note", "人防办未公示"); !strings.Contains(out, `changed to "人防"`) {
		t.Errorf("item edit says:\n%s", out)
	}
	if out := lead.ok("conflicts"); !strings.Contains(out, "no open conflicts") || strings.Contains(out, "Possible duplicates") {
		t.Errorf("after settling:\n%s", out)
	}
	left := lead.items("吉首市/2021")
	var texts []string
	for _, it := range left {
		texts = append(texts, it.Text)
		if it.Text == "人防" && it.Note != "人防办未公示" {
			t.Errorf("the edited note: %q", it.Note)
		}
		if it.PossibleDuplicate {
			t.Errorf("%s still marked a duplicate", it.Text)
		}
	}
	if strings.Join(texts, "、") != "殡葬、人防、水土保持" {
		t.Errorf("items left: %v", texts)
	}
	score := lead.ok("score", "吉首市/2021")
	if !strings.Contains(score, "=3 → 0.60") || !strings.Contains(score, "殡葬、人防、水土保持") {
		t.Errorf("the score does not see the items:\n%s", score)
	}
	if list := lead.ok("list"); !strings.Contains(list, "99.40") {
		t.Errorf("list total:\n%s", list)
	}
	if hist := lead.ok("history", "吉首市/2021"); strings.Count(hist, "item 1.2.a") != 6 || !strings.Contains(hist, "殡葬 → (retracted)") {
		t.Errorf("history of the items:\n%s", hist)
	}
	if hist := lead.ok("history", "吉首市/2021", "1.2.a"); strings.Count(hist, "item 1.2.a") != 6 || !strings.Contains(hist, "1.2.a     - → 2") {
		t.Errorf("the rule's history lacks its items:\n%s", hist)
	}
	if r := lead.run("verify"); r.code != 0 {
		t.Errorf("verify: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
