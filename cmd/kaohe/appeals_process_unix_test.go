//go:build unix

package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// office is a kaohe of its own (its database and device key) run as real
// processes.
type office struct {
	t      *testing.T
	db     string
	config string
}

func newOffice(t *testing.T, dir, name string) *office {
	t.Helper()
	o := &office{t: t, db: filepath.Join(dir, name+".db"), config: filepath.Join(dir, name+"-config")}
	o.ok("init", "--inspector", name)
	return o
}

func (o *office) run(args ...string) result {
	o.t.Helper()
	return runProc(o.t, proc(o.db, []string{"KAOHE_CONFIG=" + o.config}, args...))
}

func (o *office) ok(args ...string) string {
	o.t.Helper()
	r := o.run(args...)
	if r.code != 0 {
		o.t.Fatalf("kaohe %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// refused runs a command that must fail with want in its message and
// leave the database exactly as it was.
func (o *office) refused(want string, args ...string) {
	o.t.Helper()
	before := revisionRows(o.t, o.db)
	r := o.run(args...)
	if r.code == 0 || !strings.Contains(r.stderr, want) {
		o.t.Fatalf("kaohe %s: exit %d, stderr %q; want a refusal saying %q", strings.Join(args, " "), r.code, r.stderr, want)
	}
	if after := revisionRows(o.t, o.db); after != before {
		o.t.Fatalf("kaohe %s was refused but changed the database:\nbefore %s\nafter  %s", strings.Join(args, " "), before, after)
	}
}

func (o *office) fingerprint() string {
	o.t.Helper()
	return regexp.MustCompile(`[0-9a-f]{16}`).FindString(o.ok("whoami"))
}

// revisionRows is every revision of a database (and the roster), one line
// each, to tell whether a command changed anything.
func revisionRows(t *testing.T, db string) string {
	t.Helper()
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var b strings.Builder
	for _, q := range []string{"SELECT id || ' ' || subject || ' ' || coalesce(value, '') FROM revision ORDER BY id",
		"SELECT name || ' ' || device || ' ' || role FROM team ORDER BY device"} {
		rows, err := h.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

// rankingOf is the JSON report of a period without its time of writing.
func rankingOf(t *testing.T, o *office, args ...string) (string, []byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "r.json")
	o.ok(append([]string{"report", "--period", "2021", "--format", "json", "-o", p}, args...)...)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "generated")
	delete(m, "dated")
	norm, _ := json.Marshal(m)
	return string(norm), data
}

type rankFigures struct {
	Unit   string      `json:"unit"`
	Rank   int         `json:"rank"`
	Total  json.Number `json:"total"`
	Appeal struct {
		Stage       string      `json:"stage"`
		Preliminary json.Number `json:"preliminary"`
		Adjustment  json.Number `json:"adjustment"`
		Final       json.Number `json:"final"`
		RankBefore  int         `json:"rank_before"`
		RankAfter   int         `json:"rank_after"`
		FeedbackOn  string      `json:"feedback_on"`
		FinalOn     string      `json:"final_on"`
	} `json:"appeal"`
}

func rankingRows(t *testing.T, data []byte) []rankFigures {
	t.Helper()
	var r struct{ Ranking []rankFigures }
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r.Ranking
}

// The whole cycle as an office runs it, each step a real kaohe process:
// three units signed, their preliminary results sent with a deadline,
// three appeals (one upheld +0.5, one rejected, one late: refused, then
// accepted with --late and rejected), one of them recorded by an
// inspector on their own laptop; every refusal leaves the file as it was;
// the final ranking has each hand-computed figure; merged in both orders
// with the inspector's file, the result is identical; verify passes, and
// catches a decision edited by hand in the file.
func TestAppealCycleThroughRealProcesses(t *testing.T) {
	dir := t.TempDir()
	off := newOffice(t, dir, "王组长")
	for _, u := range []string{"吉首市", "泸溪县", "凤凰县"} {
		off.ok("new", u, "2021")
	}
	// 吉首市: 3.4.a 0.5 and 1.2.a 2×0.2 take 0.90 → 99.10.
	off.ok("set", "吉首市/2021", "3.4.a", "0.5", "--note", "电子证照汇聚不全")
	off.ok("set", "吉首市/2021", "1.2.a", "2")
	off.ok("set", "泸溪县/2021", "1.2.a", "4")                         // 99.20
	off.ok("set", "凤凰县/2021", "1.1.a", "true", "--note", "未开展事项梳理") // 99.00
	off.ok("sign", "吉首市/2021", "--allow-incomplete")
	off.ok("sign", "泸溪县/2021", "--allow-incomplete")

	// Feedback refuses the unsigned 凤凰县 by name and writes nothing.
	off.refused("凤凰县/2021", "feedback", "--period", "2021", "--days", "10", "--on", "2022-01-10")
	off.refused("has no feedback issued", "appeal", "add", "吉首市/2021", "3.4.a", "--reason", "已汇聚", "--on", "2022-01-12")
	off.ok("sign", "凤凰县/2021", "--allow-incomplete")
	out := off.ok("feedback", "--period", "2021", "--days", "10", "--on", "2022-01-10")
	if !strings.Contains(out, "吉首市/2021: feedback round 1 issued 2022-01-10, appeals due by 2022-01-20, preliminary total 99.10") {
		t.Fatalf("feedback said:\n%s", out)
	}
	off.refused("is not finalised", "feedback", "--period", "2021", "--days", "10", "--on", "2022-01-11")

	// The inspector takes a copy after the feedback and records 凤凰县's
	// appeal, handed to them on paper.
	insp := newOffice(t, dir, "李四")
	insp.ok("merge", "--into", insp.db, off.db)
	insp.ok("appeal", "add", "凤凰县/2021", "1.1.a", "--reason", "已开展事项梳理，见清单", "--on", "2022-01-15")

	off.refused("deducts nothing", "appeal", "add", "吉首市/2021", "2.4.a", "--reason", "好差评", "--on", "2022-01-12")
	off.refused("before the feedback was issued", "appeal", "add", "吉首市/2021", "3.4.a", "--reason", "已汇聚", "--on", "2022-01-09")
	off.refused("needs its reason", "appeal", "add", "吉首市/2021", "3.4.a", "--reason", " ", "--on", "2022-01-12")
	off.ok("appeal", "add", "吉首市/2021", "3.4.a", "--reason", "电子证照已全部汇聚", "--on", "2022-01-18")
	off.refused("after the deadline 2022-01-20", "appeal", "add", "泸溪县/2021", "1.2.a", "--reason", "两项已承接", "--on", "2022-01-22")
	out = off.ok("appeal", "add", "泸溪县/2021", "1.2.a", "--reason", "两项已承接", "--on", "2022-01-22", "--late")
	if !strings.Contains(out, "(accepted late)") {
		t.Fatalf("a late appeal: %s", out)
	}

	// Only the lead decides; the office's device goes on the roster.
	off.refused("kaohe team add NAME FINGERPRINT --role lead", "appeal", "decide", "吉首市/2021", "1", "--uphold", "--value", "0", "--note", "核实已汇聚", "--on", "2022-01-25")
	off.ok("team", "add", "王组长", off.fingerprint(), "--role", "lead")
	off.refused("takes no --value", "appeal", "decide", "吉首市/2021", "1", "--reject", "--value", "0", "--note", "x")
	off.refused("3.4.a", "appeal", "decide", "吉首市/2021", "1", "--uphold", "--value", "9", "--note", "核实已汇聚", "--on", "2022-01-25")
	off.refused("before the appeal was lodged", "appeal", "decide", "吉首市/2021", "1", "--uphold", "--value", "0", "--note", "核实已汇聚", "--on", "2022-01-17")
	out = off.ok("appeal", "decide", "吉首市/2021", "1", "--uphold", "--value", "0", "--note", "核实已汇聚", "--on", "2022-01-25")
	if !strings.Contains(out, "total after review 99.60") {
		t.Fatalf("decide said: %s", out)
	}
	off.refused("is already decided", "appeal", "decide", "吉首市/2021", "1", "--reject", "--note", "再议", "--on", "2022-01-26")
	off.ok("appeal", "decide", "泸溪县/2021", "1", "--reject", "--note", "逾期且未能提供承接文件", "--on", "2022-01-26")

	// The inspector's appeal comes in with their file; the lead decides it.
	off.ok("merge", "--into", off.db, insp.db)
	list := off.ok("appeal", "list", "--period", "2021", "--open")
	if !strings.Contains(list, "凤凰县/2021") || strings.Contains(list, "吉首市/2021") {
		t.Fatalf("open appeals:\n%s", list)
	}
	off.refused("appeals still open: 1.1.a#", "finalize", "--period", "2021", "--on", "2022-02-01")
	if r := off.run("report", "--period", "2021", "--stage", "final", "-o", filepath.Join(dir, "early.xlsx")); r.code == 0 || !strings.Contains(r.stderr, "has no final result yet") {
		t.Errorf("report --stage final before the final result: exit %d, %s", r.code, r.stderr)
	}
	off.ok("appeal", "decide", "凤凰县/2021", "1", "--reject", "--note", "清单未覆盖全部事项", "--on", "2022-01-27")
	off.refused("the result is final only after it", "finalize", "--period", "2021", "--on", "2022-01-20")
	out = off.ok("finalize", "--period", "2021", "--on", "2022-02-01")
	if !strings.Contains(out, "吉首市/2021: final on 2022-02-01, final total 99.60 (preliminary 99.10)") {
		t.Fatalf("finalize said:\n%s", out)
	}
	off.refused("is final", "appeal", "add", "吉首市/2021", "1.2.a", "--reason", "再申诉", "--on", "2022-02-02", "--late")
	if out := off.ok("score", "吉首市/2021"); !strings.Contains(out, "preliminary 99.10; after review 99.60 (final)") {
		t.Errorf("score after the final result:\n%s", out)
	}

	// The final ranking, hand-computed: 吉首市 99.10 + 0.50 = 99.60 moves
	// from second to first; 泸溪县 99.20 and 凤凰县 99.00 keep theirs.
	final, m := rankingOf(t, off)
	want := map[string]struct {
		rank, before, after int
		pre, adj, fin       string
	}{
		"吉首市": {1, 2, 1, "99.1", "0.5", "99.6"},
		"泸溪县": {2, 1, 2, "99.2", "0", "99.2"},
		"凤凰县": {3, 3, 3, "99", "0", "99"},
	}
	rows := rankingRows(t, m)
	if len(rows) != 3 {
		t.Fatalf("ranking: %+v", rows)
	}
	for _, r := range rows {
		w := want[r.Unit]
		a := r.Appeal
		if r.Rank != w.rank || a.RankBefore != w.before || a.RankAfter != w.after || a.Preliminary.String() != w.pre || a.Adjustment.String() != w.adj ||
			a.Final.String() != w.fin || r.Total.String() != w.fin || a.Stage != "final" || a.FeedbackOn != "2022-01-10" || a.FinalOn != "2022-02-01" {
			t.Errorf("%s: %+v, want %+v", r.Unit, r, w)
		}
	}
	_, pm := rankingOf(t, off, "--stage", "preliminary")
	for _, r := range rankingRows(t, pm) {
		if r.Total.String() != want[r.Unit].pre || r.Rank != want[r.Unit].before {
			t.Errorf("--stage preliminary: %s total %s rank %d, want %s and %d", r.Unit, r.Total, r.Rank, want[r.Unit].pre, want[r.Unit].before)
		}
	}

	// Merged in both orders with the inspector's file, the result is the
	// same.
	// A decision counts from a device the laptop's own roster lists as
	// the lead's: each copy knows the lead.
	x, y := newOffice(t, dir, "汇总甲"), newOffice(t, dir, "汇总乙")
	for _, c := range []*office{x, y} {
		c.ok("team", "add", "王组长", off.fingerprint(), "--role", "lead")
	}
	x.ok("merge", "--into", x.db, off.db)
	x.ok("merge", "--into", x.db, insp.db)
	y.ok("merge", "--into", y.db, insp.db)
	y.ok("merge", "--into", y.db, off.db)
	fx, _ := rankingOf(t, x)
	fy, _ := rankingOf(t, y)
	if fx != final || fy != final {
		t.Errorf("merged in either order, the report differs:\n%s\n%s", firstDifference(final, fx), firstDifference(final, fy))
	}

	// An appeal the inspector records on the copy they had before the
	// final result comes in after it: shown, marked, not applied.
	insp.ok("appeal", "add", "吉首市/2021", "1.2.a", "--reason", "一项已承接", "--on", "2022-01-19")
	off.ok("merge", "--into", off.db, insp.db)
	if list := off.ok("appeal", "list", "吉首市/2021"); !strings.Contains(list, "[merged after the final result, not applied]") {
		t.Errorf("an appeal merged in after the final result is not marked:\n%s", list)
	}
	_, after := rankingOf(t, off)
	for _, r := range rankingRows(t, after) {
		if r.Total.String() != want[r.Unit].fin {
			t.Errorf("an appeal merged in after the final result changed %s to %s", r.Unit, r.Total)
		}
	}
	mdPath := filepath.Join(dir, "after.md")
	off.ok("report", "--period", "2021", "-o", mdPath)
	if md, _ := os.ReadFile(mdPath); !strings.Contains(string(md), "1 appeals or decisions merged in after the final result") {
		t.Errorf("the ranking does not say an appeal came in after the final result:\n%s", md)
	}

	// verify passes, then catches a decision edited by hand in the file.
	off.ok("verify")
	sqlEdit(t, off.db, `UPDATE revision SET value = replace(value, '"value":0', '"value":2') WHERE subject LIKE 'decision/%' AND value LIKE '%uphold%'`)
	r := off.run("verify")
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "decision/") {
		t.Fatalf("verify after a hand-edited decision: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// firstDifference shows where two texts part, with some context.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) && i == len(b) {
		return "(same)"
	}
	from := max(0, i-120)
	return "…" + a[from:min(len(a), i+120)] + "\n   vs …" + b[from:min(len(b), i+120)]
}
