package report

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
)

// printFixture is the seed with three units of 2021 as an office prints
// them: every rule recorded, 吉首市 with three items on 1.2.a (the
// sentence of the issue), a capped count and a bonus; 泸溪县 with the hot
// line's rules failed (3.6, the longest 评分标准) and a note; 花垣县 with
// a discretionary deduction.
func printFixture(t testing.TB) []*store.State {
	t.Helper()
	s, id := seed.Store(t)
	rb := rubric.Default()
	full := seed.FullMarks(rb)
	units := map[string][]store.Change{
		"吉首市": {seed.SetJSON(t, "1.3.a", "40", ""), seed.SetJSON(t, "7.1.a", "true", "")},
		"泸溪县": {seed.SetJSON(t, "3.6.a", "true", ""), seed.SetJSON(t, "3.6.c", "true", "夜间无人值守"), seed.SetJSON(t, "1.1.b", "true", "")},
		"花垣县": {seed.SetJSON(t, "3.4.a", "0.5", "电子证照汇聚不全")},
	}
	for _, unit := range []string{"吉首市", "泸溪县", "花垣县"} {
		a := seed.Assessment(t, s, id, unit, "2021")
		var cs []store.Change
		for _, c := range full {
			if unit != "吉首市" || c.Subject != "1.2.a" { // 吉首市's 1.2.a is counted from its items
				cs = append(cs, c)
			}
		}
		seed.Record(t, s, id, a.ID, cs...)
		seed.Record(t, s, id, a.ID, units[unit]...)
		if unit == "吉首市" {
			for _, item := range []string{"不动产登记", "林木采伐", "道路运输许可"} {
				if _, err := s.AddItem(id, a.ID, "1.2.a", item, nil, ""); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	states, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	return states
}

// oneLine is a cell's text without the line breaks the workbook wrote
// into it (see layoutText).
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "") }

// footRow is the first cell of the first row of a score sheet whose text
// begins with prefix (the inspectors' line at its foot), "" if none.
func footRow(rows [][]string, prefix string) string {
	for _, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], prefix) {
			return oneLine(row[0])
		}
	}
	return ""
}

// totalRow is a score sheet's 总分 row, nil if it has none.
func totalRow(rows [][]string) []string {
	for _, row := range rows {
		if len(row) > 5 && row[0] == "总分" {
			return row
		}
	}
	return nil
}
