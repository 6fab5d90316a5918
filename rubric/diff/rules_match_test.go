package diff

import (
	"reflect"
	"testing"
)

// The rules follow their indicators: 2022 swapped 1.1 and 1.2, so last
// year's 1.1.a (没有梳理的) is this year's 1.2.a and 1.2.a (园区赋权, its
// amount changed) is 1.1.a; 政务公开's rule went with its category and has
// no counterpart; the bonus rule stayed.
func TestMatchRulesFollowTheirIndicators(t *testing.T) {
	old, newer := load(t, "testdata/v1.yaml"), load(t, "testdata/v2.yaml")
	got := MatchRules(old, newer, Match(old, newer))
	want := map[string]string{"1.1.a": "1.2.a", "1.1.b": "1.2.b", "1.2.a": "1.1.a", "3.1.a": "3.1.a"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rules %v, want %v", got, want)
	}
}
