package rectify

import (
	"bytes"
	"github.com/kaohe/kaohe/assessment"
	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
	"github.com/kaohe/kaohe/store/seed"
	"os"
	"testing"
)

func TestLook(t *testing.T) {
	dir := os.Getenv("LOOK")
	if dir == "" {
		t.Skip()
	}
	s, id := seed.Store(t)
	a := signed(t, s, id, "吉首市")
	signed(t, s, id, "泸溪县")
	if _, err := s.Reopen(id, a.ID, "补充"); err != nil {
		t.Fatal(err)
	}
	seed.Record(t, s, id, a.ID, store.Retract("1.3.a"))
	for _, text := range []string{"水土保持方案审批服务事项未在规定时限内完成承接，窗口未公示办事指南和收费标准", "人防工程"} {
		if _, err := s.AddItem(id, a.ID, "1.3.a", text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Sign(id, a.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ActOnProblems(id, a.ID, nil, true, store.ProblemAction{Action: assessment.ActionAssign, Due: "2022-03-31", Owner: "市政务服务中心"}); err != nil {
		t.Fatal(err)
	}
	l := i18n.For("zh")
	es, _ := Collect(s, "2021", "吉首市")
	b, err := NewBook(l, es, "2021", "吉首市")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.Write(l, &buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/book.xlsx", buf.Bytes(), 0o644)
	all, _ := Collect(s, "2021", "")
	lg, _ := NewLedger(all, "2021", "2022-04-10")
	buf.Reset()
	if err := lg.Write(l, &buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir+"/ledger.xlsx", buf.Bytes(), 0o644)
}
