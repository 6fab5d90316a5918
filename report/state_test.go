package report

import (
	"fmt"
	"testing"

	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// stateOf is an assessment of the default rubric built from heads alone,
// without a database: values are rule IDs and their values as stored
// (JSON text), one head each, recorded by 张三.
func stateOf(t testing.TB, unit, period string, values ...string) *store.State {
	t.Helper()
	rb := rubric.Default()
	a := store.Assessment{ID: store.AssessmentID(rb.ID, rb.Version, unit, period), RubricID: rb.ID, RubricVersion: rb.Version, Unit: unit, Period: period}
	var heads []*store.Revision
	for i := 0; i+1 < len(values); i += 2 {
		v := values[i+1]
		r := &store.Revision{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Assessment: a.ID, Subject: values[i], Value: &v,
			Inspector: "张三", Device: "dev-张三", HLC: store.HLC{Wall: int64(1000 + i)}.String()}
		r.Hash = r.ContentHash()
		heads = append(heads, r)
	}
	st, err := assessment.Build(a, rb, heads, nil)
	if err != nil {
		t.Fatal(err)
	}
	st.Revisions, st.Inspectors = len(heads), []string{"张三"}
	return st
}
