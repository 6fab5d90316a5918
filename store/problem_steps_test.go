package store

import (
	"bytes"
	"testing"

	"github.com/kaohe/kaohe/assessment"
)

// Several problems' changes, each with its own values, are written in one
// transaction: a refused one writes none of the others.
func TestProblemStepsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	id := mustInspector(t, s, "张三")
	a := signedWithDeductions(t, s, id)
	rectify := func(measure string) ProblemAction {
		return ProblemAction{Action: assessment.ActionRectify, Measure: measure, Source: assessment.SourceCounty}
	}
	var before bytes.Buffer
	if err := s.Dump(&before); err != nil {
		t.Fatal(err)
	}
	_, err := s.ActOnProblemSteps(id, []ProblemStep{{a.ID, "1", rectify("已建立机制")}, {a.ID, "2", rectify("")}})
	if err == nil {
		t.Fatal("a rectification without its measure was taken")
	}
	_, err = s.ActOnProblemSteps(id, []ProblemStep{{a.ID, "1", rectify("甲")}, {a.ID, "1.1.a", rectify("乙")}})
	if err == nil {
		t.Fatal("one problem changed twice in one batch")
	}
	var after bytes.Buffer
	if err := s.Dump(&after); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before.Bytes(), after.Bytes()) {
		t.Fatal("a refused batch wrote something")
	}
	got, err := s.ActOnProblemSteps(id, []ProblemStep{{a.ID, "1", rectify("已建立机制")}, {a.ID, "3", rectify("已补齐人防指南")}})
	if err != nil || len(got) != 2 {
		t.Fatalf("%v, %d changed", err, len(got))
	}
	ps := problemsOf(t, s, a.ID)
	if ps[0].Record.Measure != "已建立机制" || ps[2].Record.Measure != "已补齐人防指南" || ps[2].Record.Source != assessment.SourceCounty || ps[1].Record != nil {
		t.Fatalf("records %+v %+v %+v", ps[0].Record, ps[1].Record, ps[2].Record)
	}
	again, err := s.ActOnProblemSteps(id, []ProblemStep{{a.ID, "1", rectify("已建立机制")}})
	if err != nil || len(again) != 0 {
		t.Fatalf("the same change again: %v, %d changed", err, len(again))
	}
}
