package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// An assessment with nothing recorded is listed as provisional, never as a
// plain 100.00; list --json says whether the total is final.
func TestListMarksProvisionalTotals(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "泸溪县", "2021")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.lang = "zh"
	out := c.ok("list")
	if !strings.Contains(out, "暂 100.00") || !strings.Contains(out, "暂 99.40") || !strings.Contains(out, "0/36") {
		t.Errorf("list:\n%s", out)
	}
	c.lang = "en"
	if out := c.ok("list"); !strings.Contains(out, "prov 100.00") {
		t.Errorf("list in English:\n%s", out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil || len(rows) != 2 || rows[0]["finished"] != false {
		t.Errorf("list --json: %v %v", err, rows)
	}
	c.lang = "zh"
	if out := c.ok("sign", "泸溪县/2021", "--allow-incomplete"); !strings.Contains(out, "总分 100.00（暂，0/36）") {
		t.Errorf("sign: %s", out)
	}
}
