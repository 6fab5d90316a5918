package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// The list shows a signed result's stage once it was sent to the unit
// (申诉中 while an appeal waits), and the workbench lists a rule's appeals
// under it with their decisions: an open one and one rejected with its
// reason.
func TestListShowsTheStageAndTheWorkbenchTheAppeals(t *testing.T) {
	h := harnessOn(t, rubric.Default(), "吉首市", []store.Change{
		store.SetRule("3.4.a", scoring.NumValue(decimal.MustParse("0.5")), "电子证照汇聚不全"),
		store.SetRule("1.2.a", scoring.NumValue(decimal.MustParse("2")), ""),
	})
	s := h.s
	id, err := s.Identity("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTeamMember("张三", id.Device, store.RoleLead); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, h.a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAppeal(id, h.a.ID, "3.4.a", "电子证照已全部汇聚", "2022-01-15", false, "", nil); err != nil {
		t.Fatal(err)
	}
	rej, err := s.AddAppeal(id, h.a.ID, "1.2.a", "两项已承接", "2022-01-22", true, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(id, h.a.ID, rej.ID, false, nil, "未能提供承接文件", "2022-01-26", false); err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		name string
		w, h int
	}{{"wide", 120, 40}, {"narrow", 80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
		h.keys("b")
		if !strings.Contains(h.screen(), "申诉中") {
			t.Errorf("%s: the list does not show the stage:\n%s", size.name, h.screen())
		}
		golden(t, "appeals_picker_"+size.name, h.screen()+"\n")
		h.keys("enter")
		h.gotoIndicator("3.4")
		h.mustContain("申诉：2022-01-15", "待复核")
		h.gotoIndicator("1.2")
		if size.name == "wide" { // at 80×24 the pane scrolls: the lines are below
			h.mustContain("申诉：2022-01-22 两项已承接（逾期受理） —— 不", "予采纳：未能提供承接文件")
		}
	}
}

// An appeal recorded on a copy taken before the final result and merged
// in after it is listed under its rule, marked as not applied.
func TestWorkbenchMarksAnAppealMergedAfterTheFinalResult(t *testing.T) {
	h := harnessOn(t, rubric.Default(), "吉首市", []store.Change{
		store.SetRule("1.2.a", scoring.NumValue(decimal.MustParse("2")), ""),
	})
	s := h.s
	id, err := s.Identity("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sign(id, h.a.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueFeedback(id, h.a.ID, "2022-01-10", "2022-01-20"); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "李四.db")
	other, err := store.Open(copyPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	oid, err := other.SetInspector("李四")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Merge(s.Path()); err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddAppeal(oid, h.a.ID, "1.2.a", "一项已承接", "2022-01-19", false, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(id, h.a.ID, "2022-02-01"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(copyPath); err != nil {
		t.Fatal(err)
	}
	h.keys("b enter")
	h.gotoIndicator("1.2")
	h.mustContain("申诉：2022-01-19 一项已承接 —— 待复核［终审后")
}
