package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// Two inspectors score three units of the seed on their own laptops;
// after a merge the lead settles their conflict on 吉首市's 1.2.a. The
// agreement on indicator 1.2 is read from what each recorded before the
// settlement, and equals the hand computation of report/agreement's
// TestSeedIndicatorAgreementByHand: 4 of 6 equal, mean difference 0.2,
// κ = 13/28.
func TestAgreementAfterAMergeAndASettledConflict(t *testing.T) {
	zs, zdb := dbCLI(t, "张三")
	ls, ldb := dbCLI(t, "李四")
	type v struct{ a12, b12 string }
	for unit, vals := range map[string][2]v{
		"吉首市": {{"3", "false"}, {"2", "false"}},
		"泸溪县": {{"2", "true"}, {"1", "false"}},
		"凤凰县": {{"0", "false"}, {"0", "false"}},
	} {
		for i, c := range []*cli{zs, ls} {
			c.ok("new", unit, "2021")
			c.ok("set", unit+"/2021", "1.2.a", vals[i].a12)
			c.ok("set", unit+"/2021", "1.2.b", vals[i].b12)
		}
	}
	// 张三 changes his mind on 吉首市 before the merge: his later value
	// counts (3, as 李四's).
	zs.ok("set", "吉首市/2021", "1.2.a", "3")
	ls.ok("set", "吉首市/2021", "1.2.a", "3")
	lead, _ := dbCLI(t, "组长")
	lead.ok("merge", "--into", lead.env["KAOHE_DB"], zdb, ldb)
	lead.ok("resolve", "泸溪县/2021", "1.2.a", "--value", "2")
	var figs []agreementJSON
	if err := json.Unmarshal([]byte(lead.ok("agreement", "--period", "2021", "--json")), &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) != 1 {
		t.Fatalf("figures %+v", figs)
	}
	f := figs[0]
	pair := f.A + "/" + f.B
	if f.Indicator != "1.2" || (pair != "张三/李四" && pair != "李四/张三") || f.Units != 3 || f.Compared != 6 {
		t.Fatalf("figure %+v (the lead's settlement is not a finding of the lead's)", f)
	}
	if math.Abs(f.Same-0.6667) > 1e-4 || math.Abs(f.MeanDiff-0.2) > 1e-4 || f.Kappa == nil || math.Abs(*f.Kappa-0.4643) > 1e-4 || f.ICC != nil {
		t.Errorf("figure %+v; want same 0.6667, mean difference 0.2, κ 0.4643, no ICC", f)
	}
	if out := lead.ok("agreement"); !strings.Contains(out, "1.2") || !strings.Contains(out, "67%") || !strings.Contains(out, "0.46（6）") {
		t.Errorf("table:\n%s", out)
	}
}
