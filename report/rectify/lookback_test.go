package rectify

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"github.com/xuri/excelize/v2"
)

// The 2021 ledger marks 反弹 in the state column of each problem that
// repeats one 吉首市 closed in 2020 (1.1.a, 殡葬), not 人防 (left open in
// 2020) nor 水土保持 (new), nor 泸溪县's (nothing signed before) — read
// through Collect, which reads the period before only as far as needed,
// and through CollectStates alike.
func TestLedgerMarksRelapses(t *testing.T) {
	s, id := seed.Store(t)
	seed.LastYear(t, s, id, "吉首市", "2020")
	for _, unit := range []string{"吉首市", "泸溪县"} {
		a := seed.Assessment(t, s, id, unit, "2021")
		seed.Record(t, s, id, a.ID, seed.Clean(rubric.Default())...)
		seed.Record(t, s, id, a.ID, seed.SetJSON(t, "1.1.a", "true", "仍未开展"), store.Retract("1.2.a"))
		for _, text := range []string{"殡葬", "人防", "水土保持"} {
			if _, err := s.AddItem(id, a.ID, "1.2.a", text, nil, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Sign(id, a.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.States()
	if err != nil {
		t.Fatal(err)
	}
	byStates, err := CollectStates(all, "2021", "")
	if err != nil {
		t.Fatal(err)
	}
	read, err := Collect(s, "2021", "")
	if err != nil {
		t.Fatal(err)
	}
	for name, entries := range map[string][]Entry{"Collect": read, "CollectStates": byStates} {
		lg, err := NewLedger(entries, "2021", "2022-04-10")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := lg.Write(i18n.For("zh"), &buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("整改台账")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows[2:] {
			got = append(got, r[0]+"|"+r[3]+"|"+r[5])
		}
		want := []string{
			"吉首市|未按要求开展或按时完成事项梳理：仍未开展|待整改（反弹）",
			"吉首市|未按时下放、承接、取消的事项：殡葬|待整改（反弹）",
			"吉首市|未按时下放、承接、取消的事项：人防|待整改",
			"吉首市|未按时下放、承接、取消的事项：水土保持|待整改",
			"泸溪县|未按要求开展或按时完成事项梳理：仍未开展|待整改",
			"泸溪县|未按时下放、承接、取消的事项：殡葬|待整改",
			"泸溪县|未按时下放、承接、取消的事项：人防|待整改",
			"泸溪县|未按时下放、承接、取消的事项：水土保持|待整改",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: ledger rows\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
