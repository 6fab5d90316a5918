package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// planList is `kaohe plan list --json`.
func (c *cli) planList() []planJSON {
	c.t.Helper()
	var out []planJSON
	if err := json.Unmarshal([]byte(c.ok("plan", "list", "--json")), &out); err != nil {
		c.t.Fatal(err)
	}
	return out
}

// Two leads plan 王五 differently for 吉首市 on their own laptops: after
// the merge plan list shows the conflict with both plans, a plain assign
// is refused (nothing changes), and --resolve settles it.
func TestTwoLeadsPlansMeetAsAConflict(t *testing.T) {
	a, dbA := dbCLI(t, "组长甲")
	b, dbB := dbCLI(t, "组长乙")
	a.ok("plan", "assign", "王五", "--categories", "1,2", "--units", "吉首市", "--period", "2021")
	b.ok("plan", "assign", "王五", "--categories", "3", "--units", "吉首市", "--period", "2021")
	a.ok("plan", "double", "王五", "张三", "--units", "吉首市")
	b.ok("plan", "double", "王五", "李四", "--units", "吉首市")
	a.ok("merge", "--into", dbA, dbB)
	p := a.planList()
	if len(p) != 1 || len(p[0].Assignments) != 1 || !p[0].Assignments[0].Conflict || len(p[0].Assignments[0].Alternatives) != 2 {
		t.Fatalf("two leads' plans after the merge: %+v", p)
	}
	a.lang = "zh"
	if !p[0].DoubleConflict || len(p[0].DoubleAlternatives) != 2 {
		t.Errorf("two leads' double scorings after the merge: %+v", p[0])
	}
	if out := a.ok("plan", "list"); !strings.Contains(out, "冲突（两位组长的分工不同：") || !strings.Contains(out, "类别 3") || !strings.Contains(out, "类别 1、2") ||
		!strings.Contains(out, "张三、王五") || !strings.Contains(out, "李四、王五") {
		t.Errorf("plan list does not show the conflict:\n%s", out)
	}
	if out := a.ok("conflicts"); !strings.Contains(out, "吉首市/2021 分工 王五") || !strings.Contains(out, "吉首市/2021 背靠背评分") {
		t.Errorf("conflicts does not word the plan:\n%s", out)
	}
	before := a.ok("plan", "list", "--json")
	if _, errs, code := a.run("plan", "assign", "王五", "--categories", "4", "--units", "吉首市"); code == 0 || !strings.Contains(errs, "两位组长的分工不同") || !strings.Contains(errs, "--resolve") {
		t.Errorf("a plain assign over the conflict: exit %d %s", code, errs)
	}
	if a.ok("plan", "list", "--json") != before {
		t.Error("the refused assign changed the plan")
	}
	a.ok("plan", "assign", "王五", "--categories", "3,4", "--units", "吉首市", "--resolve")
	if p := a.planList(); p[0].Assignments[0].Conflict || strings.Join(p[0].Assignments[0].Categories, ",") != "3,4" {
		t.Errorf("after --resolve: %+v", p[0].Assignments)
	}
}

// A plan needs --categories, and without --units and --period it covers
// every unit the rubric lists, in the rubric's order, for its year.
func TestPlanAssignDefaultsToTheRubricsUnits(t *testing.T) {
	c, _ := dbCLI(t, "组长")
	if _, errs, code := c.run("plan", "assign", "张三"); code == 0 || !strings.Contains(errs, "--categories") {
		t.Errorf("assign without --categories: exit %d %s", code, errs)
	}
	c.ok("plan", "assign", "张三", "--categories", "1，2")
	var units []string
	for _, p := range c.planList() {
		units = append(units, p.Unit+"/"+p.Period+":"+strings.Join(p.Assignments[0].Categories, ","))
	}
	if got := strings.Join(units, " "); got != "吉首市/2021:1,2 泸溪县/2021:1,2 凤凰县/2021:1,2 花垣县/2021:1,2 保靖县/2021:1,2 古丈县/2021:1,2 永顺县/2021:1,2 龙山县/2021:1,2" {
		t.Errorf("plan over the rubric's units: %s", got)
	}
	c.ok("plan", "assign", "张三", "--categories", "", "--units", "吉首市")
	if p := c.planList(); len(p[0].Assignments) != 0 {
		t.Errorf("an empty --categories left 张三 on 吉首市's plan: %+v", p[0])
	}
}

// A withdrawn assessment takes no plan: named, the plan is refused and
// nothing changes; by default its unit is left out.
func TestAWithdrawnAssessmentTakesNoPlan(t *testing.T) {
	c, _ := dbCLI(t, "组长")
	c.ok("new", "吉首市", "2021")
	c.ok("withdraw", "吉首市/2021", "--reason", "建错了")
	if _, errs, code := c.run("plan", "assign", "张三", "--categories", "1", "--units", "吉首市,泸溪县", "--period", "2021"); code == 0 || !strings.Contains(errs, "withdrawn") {
		t.Errorf("a plan for a withdrawn assessment: exit %d %s", code, errs)
	}
	if p := c.planList(); len(p) != 0 {
		t.Fatalf("the refused plan made or changed assessments: %+v", p)
	}
	c.ok("plan", "assign", "张三", "--categories", "1", "--period", "2021")
	for _, p := range c.planList() {
		if p.Unit == "吉首市" {
			t.Fatalf("the withdrawn 吉首市 was planned: %+v", p)
		}
	}
}
