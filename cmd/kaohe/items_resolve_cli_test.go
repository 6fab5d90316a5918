package main

import (
	"strings"
	"testing"
)

// A plain number against items is settled the way kaohe conflicts says:
// with kaohe resolve, keeping the items; a value that would leave the two
// disagreeing is refused, and the conflict stays listed until settled.
func TestResolveKeepsTheItemsOverAPlainNumber(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "5")
	c.ok("item", "add", "吉首市/2021", "1.2.a", "殡葬")
	c.ok("item", "add", "吉首市/2021", "1.2.a", "人防")
	hint := "kaohe resolve 吉首市/2021 1.2.a --pick items"
	if out := c.ok("conflicts"); !strings.Contains(out, hint) {
		t.Fatalf("conflicts does not say how to settle it with resolve:\n%s", out)
	}
	if _, errs, code := c.run("resolve", "吉首市/2021", "1.2.a", "--value", "3"); code == 0 || !strings.Contains(errs, "its 2 items give 2") {
		t.Fatalf("a value the items do not give: exit %d\n%s", code, errs)
	}
	if _, errs, code := c.run("resolve", "吉首市/2021", "1.2.a", "--pick", "张三"); code == 0 || !strings.Contains(errs, "its 2 items give 2") {
		t.Fatalf("keeping the plain number: exit %d\n%s", code, errs)
	}
	c.ok("resolve", "吉首市/2021", "1.2.a", "--pick", "items", "--note", "以条目为准")
	if out := c.ok("conflicts"); !strings.Contains(out, "no open conflicts") {
		t.Fatalf("after keeping the items:\n%s", out)
	}
	if out := c.ok("score", "吉首市/2021"); !strings.Contains(out, "殡葬、人防") {
		t.Fatalf("the items no longer count:\n%s", out)
	}
}
