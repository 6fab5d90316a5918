package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// whoami prints the name and the fingerprint; devices lists who wrote
// what from which laptop; a roster points out a name used from another
// device, in team list and in the merge summary.
func TestWhoamiDevicesTeam(t *testing.T) {
	zs, zdb := dbCLI(t, "张三")
	who := zs.ok("whoami")
	fields := strings.Fields(who)
	if len(fields) < 4 || fields[1] != "张三" || len(fields[3]) != 16 {
		t.Fatalf("whoami: %q", who)
	}
	zfp := fields[3]
	zs.ok("new", "吉首市", "2021")
	zs.ok("set", "吉首市/2021", "1.2.a", "3")

	ls, ldb := dbCLI(t, "李四")
	ls.ok("new", "吉首市", "2021")
	ls.ok("set", "吉首市/2021", "1.3.a", "1")
	lfp := strings.Fields(ls.ok("whoami"))[3]

	lead, _ := dbCLI(t, "王五")
	lead.ok("team", "add", "张三", zfp)
	lead.ok("team", "add", "李四", zfp) // a mistake: 李四 uses another laptop
	out := lead.ok("merge", "--into", lead.env["KAOHE_DB"], zdb, ldb)
	if !strings.Contains(out, "claims 李四 from device "+lfp) {
		t.Fatalf("merge summary does not point out 李四's device: %s", out)
	}
	var devs []struct {
		Fingerprint string   `json:"fingerprint"`
		Signed      bool     `json:"signed"`
		Names       []string `json:"names"`
		Revisions   int      `json:"revisions"`
	}
	if err := json.Unmarshal([]byte(lead.ok("devices", "--json")), &devs); err != nil {
		t.Fatal(err)
	}
	if len(devs) != 2 {
		t.Fatalf("devices: %+v", devs)
	}
	for _, d := range devs {
		want := map[string]string{zfp: "张三", lfp: "李四"}[d.Fingerprint]
		if want == "" || len(d.Names) != 1 || d.Names[0] != want || !d.Signed || d.Revisions != 1 {
			t.Fatalf("devices: %+v", devs)
		}
	}
	lead.ok("team", "add", "李四", lfp)
	if out := lead.ok("team", "list"); strings.Contains(out, "!") {
		t.Fatalf("still flagged after the roster was fixed: %s", out)
	}
	// The lead's own device, as the lead: the role shows in the list, and
	// adding the line again changes the role rather than adding a line.
	wfp := strings.Fields(lead.ok("whoami"))[3]
	lead.ok("team", "add", "王五", wfp, "--role", "lead")
	if out := lead.ok("team", "list"); !strings.Contains(out, wfp+"  组长") && !strings.Contains(out, wfp+"  lead") {
		t.Fatalf("the lead's role is not listed: %s", out)
	}
	lead.ok("team", "add", "王五", wfp)
	if out := lead.ok("team", "list"); strings.Contains(out, "组长") || strings.Contains(out, "lead") || strings.Count(out, wfp) != 1 {
		t.Fatalf("the role was not taken back: %s", out)
	}
	if _, errOut, code := lead.run("team", "add", "王五", wfp, "--role", "boss"); code == 0 || !strings.Contains(errOut, "boss") {
		t.Fatalf("an unknown role: exit %d, %s", code, errOut)
	}
}
