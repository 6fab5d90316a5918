package main

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/store"
)

// sqlEdit changes a database behind kaohe's back, as sqlite3 would.
func sqlEdit(t *testing.T, db, query string, args ...any) {
	t.Helper()
	h, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if _, err := h.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

func TestSignListsWhatIsMissing(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	_, errs, code := c.run("sign", "吉首市/2021")
	if code != 1 || !strings.Contains(errs, "not ready to sign") || !strings.Contains(errs, "69 unrecorded rules: 1.1.a, 1.1.b, 1.2.b, 1.3.a") || !strings.Contains(errs, "--allow-incomplete") {
		t.Fatalf("sign of an incomplete assessment: exit %d\n%s", code, errs)
	}
	c.lang = "" // the seed rubric's language
	if _, errs, code := c.run("sign", "吉首市/2021"); code != 1 || !strings.Contains(errs, "吉首市/2021 尚不能签字") || !strings.Contains(errs, "未记录的规则 69 条：1.1.a, 1.1.b") {
		t.Errorf("sign in Chinese: exit %d\n%s", code, errs)
	}
	c.lang = "en"
	if out := c.ok("list"); !strings.Contains(out, "draft") && !strings.Contains(out, "草稿") {
		t.Errorf("a refused sign-off signed:\n%s", out)
	}
	if out := c.ok("sign", "吉首市/2021", "--allow-incomplete"); !strings.Contains(out, "signed 吉首市/2021: total") {
		t.Errorf("sign --allow-incomplete: %s", out)
	}
	// An import cannot change a signed assessment either.
	f := writeFile(t, "f.json", `{"findings": {"1.2.a": 5}}`)
	if _, errs, code := c.run("import", "吉首市/2021", f); code != 1 || !strings.Contains(errs, "signed") {
		t.Errorf("import into a signed assessment: %d %s", code, errs)
	}
	h := c.ok("history", "吉首市/2021", "status")
	if !strings.Contains(h, "- → signed") || !strings.Contains(h, "--allow-incomplete") || strings.Contains(h, "digest") {
		t.Errorf("the sign-off in history:\n%s", h)
	}
	// A discretionary rule with nothing deducted needs no reason.
	c.ok("reopen", "吉首市/2021", "--reason", "补录")
	c.ok("set", "吉首市/2021", "3.4.a", "0")
}

// Through the CLI: the lead merges, resolves, signs; an
// inspector edits a stale copy; the lead merges again.
func TestSignedAssessmentSurvivesStaleMerge(t *testing.T) {
	c, zhang, li, lead := twoInspectors(t)
	c.ok("--db", zhang, "set", "吉首市/2021", "1.2.a", "3")
	c.ok("--db", li, "set", "吉首市/2021", "1.2.a", "5")
	c.ok("--db", zhang, "set", "吉首市/2021", "2.4.a", "92.5")
	c.ok("merge", "--into", lead, zhang, li)
	c.ok("--db", lead, "init", "--inspector", "组长")
	c.ok("--db", lead, "resolve", "吉首市/2021", "1.2.a", "--pick", "李四")
	c.ok("--db", lead, "sign", "吉首市/2021", "--allow-incomplete")
	signed := parseScore(t, c.ok("--db", lead, "score", "吉首市/2021", "--json")).Total.String()

	c.ok("--db", zhang, "set", "吉首市/2021", "2.4.a", "80")
	out := c.ok("merge", "--into", lead, zhang)
	if !strings.Contains(out, "1 new conflicts") {
		t.Errorf("merge summary:\n%s", out)
	}
	if got := parseScore(t, c.ok("--db", lead, "score", "吉首市/2021", "--json")).Total.String(); got != signed {
		t.Fatalf("the signed score changed from %s to %s", signed, got)
	}
	if l := c.ok("--db", lead, "list"); !strings.Contains(l, "signed") && !strings.Contains(l, "已签字") {
		t.Fatalf("no longer signed:\n%s", l)
	}
	text := c.ok("--db", lead, "conflicts")
	if !strings.Contains(text, "吉首市/2021 2.4.a  changed after the sign-off; signed: 92.5 (张三") || !strings.Contains(text, "--keep-signed") {
		t.Fatalf("conflicts:\n%s", text)
	}
	var cj []conflictJSON
	if err := json.Unmarshal([]byte(c.ok("--db", lead, "conflicts", "--json")), &cj); err != nil || len(cj) != 1 || !cj[0].AgainstSignOff {
		t.Fatalf("conflicts --json: %v %+v", err, cj)
	}
	if _, errs, code := c.run("--db", lead, "resolve", "吉首市/2021", "2.4.a", "--pick", "张三"); code != 1 || !strings.Contains(errs, "changed after the sign-off") {
		t.Errorf("picking the new value while signed: %d %s", code, errs)
	}
	c.ok("--db", lead, "resolve", "吉首市/2021", "2.4.a", "--keep-signed", "--note", "以签字为准")
	if out := c.ok("--db", lead, "conflicts"); !strings.Contains(out, "no open conflicts") {
		t.Errorf("after --keep-signed:\n%s", out)
	}

	// A reopening merged in from another file is listed with who and why.
	c.ok("merge", "--into", li, lead)
	c.ok("--db", li, "reopen", "吉首市/2021", "--reason", "李四补充材料")
	out = c.ok("merge", "--into", lead, li)
	if !strings.Contains(out, "吉首市/2021 reopened by 李四") || !strings.Contains(out, "李四补充材料") || !strings.Contains(out, "now draft") {
		t.Errorf("merged reopening not listed:\n%s", out)
	}
	var sums []store.MergeSummary
	if err := json.Unmarshal([]byte(c.ok("merge", "--into", zhang, lead, "--json")), &sums); err != nil || len(sums[0].StatusChanges) != 3 {
		t.Errorf("merge --json status changes: %v %+v", err, sums)
	}
}

func TestVerifyCommand(t *testing.T) {
	c, db := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	c.ok("set", "吉首市/2021", "1.2.a", "3")
	c.ok("set", "吉首市/2021", "2.4.a", "90")
	c.ok("set", "吉首市/2021", "2.4.a", "80") // a head with a parent
	if out := c.ok("verify"); !strings.HasPrefix(out, "ok: 1 rubrics, 1 assessments, 3 revisions checked") {
		t.Fatalf("verify of a genuine database: %s", out)
	}
	if _, errs, code := c.run("list"); code != 0 || errs != "" {
		t.Fatalf("list of a genuine database: exit %d, stderr %q", code, errs)
	}
	// A hand edit with sqlite3: the value changed, the hash left alone.
	sqlEdit(t, db, "UPDATE revision SET value = '0' WHERE subject = '1.2.a'")
	out, errs, code := c.run("verify")
	if code != 1 || !strings.Contains(out, "吉首市/2021 1.2.a revision ") || !strings.Contains(out, "its content does not match its hash") || !strings.Contains(out, "1 bad records") {
		t.Fatalf("verify after a hand edit: exit %d\n%s%s", code, out, errs)
	}
	var rep store.VerifyReport
	out, _, _ = c.run("verify", "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Problems) != 1 || rep.Problems[0].Subject != "1.2.a" {
		t.Fatalf("verify --json: %v %s", err, out)
	}
	for _, cmd := range [][]string{{"list"}, {"score", "吉首市/2021"}, {"report", "--allow-unverified", "-o", filepath.Join(t.TempDir(), "r.md")}} {
		_, errs, code := c.run(cmd...)
		if code != 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "warning: 1 records do not match their hash") || !strings.Contains(errs, "吉首市/2021") {
			t.Errorf("%s after a hand edit: exit %d, stderr %q", cmd[0], code, errs)
		}
	}
	// A head table that no longer matches the revisions is named too.
	sqlEdit(t, db, "DELETE FROM head WHERE subject = '2.4.a'")
	if out, _, code := c.run("verify"); code != 1 || !strings.Contains(out, "head table") || !strings.Contains(out, "2.4.a") {
		t.Errorf("verify after a head-table edit: exit %d\n%s", code, out)
	}
	// With the hash recomputed too, the value the rubric refuses is caught.
	sqlEdit(t, db, "UPDATE revision SET value = '200' WHERE subject = '2.4.a' AND value = '80'")
	if out, _, code := c.run("verify"); code != 1 || !strings.Contains(out, "2.4.a revision") {
		t.Errorf("verify: exit %d\n%s", code, out)
	}
}

// A note longer than 20000 characters is refused at set and import.
func TestNoteSizeAtEveryDoor(t *testing.T) {
	c, _ := dbCLI(t, "张三")
	c.ok("new", "吉首市", "2021")
	long := strings.Repeat("长", store.MaxNoteChars+1)
	if _, errs, code := c.run("set", "吉首市/2021", "3.4.a", "1", "--note", long); code != 1 || !strings.Contains(errs, "at most 20000") {
		t.Errorf("set with a long note: %d %.200s", code, errs)
	}
	f := writeFile(t, "f.json", `{"findings": {"1.2.a": 3}, "notes": {"1.2": "`+long+`"}}`)
	if _, errs, code := c.run("import", "吉首市/2021", f); code != 1 || !strings.Contains(errs, "at most 20000") {
		t.Errorf("import with a long note: %d %.200s", code, errs)
	}
	if h := c.ok("history", "吉首市/2021"); strings.TrimSpace(h) != "" {
		t.Errorf("a refused note wrote something:\n%s", h)
	}
}

// A source whose built-in rubric was rewritten (every amount 0.01, sha256
// recomputed) is refused by name; the genuine file still merges after it.
func TestMergeRefusesPoisonedBuiltinRubric(t *testing.T) {
	dir := t.TempDir()
	zhang, evil, lead := filepath.Join(dir, "张三.db"), filepath.Join(dir, "evil.db"), filepath.Join(dir, "汇总.db")
	c := newCLI(t)
	for _, db := range []string{zhang, evil} {
		c.ok("--db", db, "init", "--inspector", "张三")
		c.ok("--db", db, "new", "吉首市", "2021")
		c.ok("--db", db, "set", "吉首市/2021", "1.2.a", "3")
	}
	rb := rubric.Default()
	cent := decimal.Cent
	for ci := range rb.Categories {
		for ii := range rb.Categories[ci].Indicators {
			for ri := range rb.Categories[ci].Indicators[ii].Rules {
				if r := &rb.Categories[ci].Indicators[ii].Rules[ri]; r.Amount != nil {
					r.Amount = &cent
				}
			}
		}
	}
	content, sum, err := store.CanonicalRubric(rb)
	if err != nil {
		t.Fatal(err)
	}
	sqlEdit(t, evil, "UPDATE rubric SET content = ?, sha256 = ?", string(content), sum)
	_, errs, code := c.run("merge", "--into", lead, evil)
	if code != 1 || !strings.Contains(errs, evil+": rubric xiangxi-fangguanfu-county 2021: it carries the built-in rubric's id and version but different content") {
		t.Fatalf("poisoned source: exit %d\n%s", code, errs)
	}
	c.ok("merge", "--into", lead, zhang)
	if sc := parseScore(t, c.ok("--db", lead, "score", "吉首市/2021", "--json")); sc.Total.String() != "99.4" {
		t.Errorf("score after the genuine merge: %s", sc.Total)
	}
}
