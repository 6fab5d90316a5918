package diff

import (
	"reflect"
	"testing"
)

// Match pairs what Compare pairs: 2022 swapped the two indicators of
// category 1 and replaced category 2 (政务公开 → 数据共享).
func TestMatchPairsAsCompareDoes(t *testing.T) {
	m := Match(load(t, "testdata/v1.yaml"), load(t, "testdata/v2.yaml"))
	if want := map[string]string{"1": "1", "3": "3"}; !reflect.DeepEqual(m.Categories, want) {
		t.Errorf("categories %v, want %v", m.Categories, want)
	}
	if want := map[string]string{"1.1": "1.2", "1.2": "1.1", "3.1": "3.1"}; !reflect.DeepEqual(m.Indicators, want) {
		t.Errorf("indicators %v, want %v", m.Indicators, want)
	}
	if !reflect.DeepEqual(m.CategoriesAdded, []string{"2"}) || !reflect.DeepEqual(m.CategoriesRemoved, []string{"2"}) {
		t.Errorf("categories +%v -%v", m.CategoriesAdded, m.CategoriesRemoved)
	}
	if !reflect.DeepEqual(m.IndicatorsAdded, []string{"2.1"}) || !reflect.DeepEqual(m.IndicatorsRemoved, []string{"2.1"}) {
		t.Errorf("indicators +%v -%v", m.IndicatorsAdded, m.IndicatorsRemoved)
	}
}
