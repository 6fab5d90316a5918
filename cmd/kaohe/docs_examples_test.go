package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The documents whose examples are run: the README and every guide under
// docs/. An example is a fenced block opened by "```sh example"; each line
// "$ kaohe …" in it is a command, and the lines under it are output the
// command must print (in that order, each a whole line, "…" standing for
// any text such as a time or a device fingerprint). A comment "# exit N"
// (or "# 退出码 N") after a command says it must exit N; otherwise it must
// exit 0. "> FILE" at the end writes the command's standard output to FILE.
// Each block runs in its own empty folder, with its own home, data and
// config folders, so it starts on a fresh default database.
const docsRoot = "../.."

// docStep is one command of a documented example and what it must show.
type docStep struct {
	line   int      // line number in the document
	text   string   // the command as written
	args   []string // kaohe's arguments
	stdout string   // file that receives standard output, or ""
	code   int      // exit code the document promises
	want   []string // output lines the document shows
}

// docExample is one "```sh example" block.
type docExample struct {
	file  string
	line  int
	steps []docStep
}

// TestDocsExamples runs every marked example of README.md and docs/*.md as
// real kaohe processes and checks each command's exit code and the output
// the document shows, so the documentation cannot drift from the program.
func TestDocsExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(docsRoot, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(docsRoot, "README.md")}, files...)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		examples, err := parseDocExamples(filepath.Base(file), string(src))
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(file) == "README.md" && len(examples) == 0 {
			t.Fatal("README.md has no ```sh example block: its everyday commands are no longer checked")
		}
		for _, ex := range examples {
			t.Run(fmt.Sprintf("%s:%d", ex.file, ex.line), func(t *testing.T) {
				runDocExample(t, ex)
			})
		}
	}
}

// parseDocExamples returns the "```sh example" blocks of one document, or
// an error naming the line of a block it cannot run.
func parseDocExamples(name, src string) ([]docExample, error) {
	var out []docExample
	var cur *docExample
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil:
			if trimmed == "```sh example" {
				cur = &docExample{file: name, line: n}
			}
		case trimmed == "```":
			if len(cur.steps) == 0 {
				return nil, fmt.Errorf("%s:%d: an example block without a $ kaohe command", name, cur.line)
			}
			out = append(out, *cur)
			cur = nil
		case strings.HasPrefix(trimmed, "$ "):
			step, err := parseDocCommand(n, strings.TrimPrefix(trimmed, "$ "))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, err)
			}
			cur.steps = append(cur.steps, step)
		case trimmed == "":
		case len(cur.steps) == 0:
			return nil, fmt.Errorf("%s:%d: output shown before any $ command", name, n)
		default:
			last := &cur.steps[len(cur.steps)-1]
			last.want = append(last.want, line)
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("%s:%d: example block never closed", name, cur.line)
	}
	return out, nil
}

// exitComment finds the exit code a command's comment promises.
var exitComment = regexp.MustCompile(`(?:exit|退出码)\s*(\d+)`)

// parseDocCommand splits one "$ kaohe …" line into arguments the way a
// shell would for the quoting the documents use (words, '…' and "…"), a
// trailing "# comment" and a "> FILE" redirection.
func parseDocCommand(n int, text string) (docStep, error) {
	step := docStep{line: n, text: text}
	words, comment, err := shellWords(text)
	if err != nil {
		return step, err
	}
	if m := exitComment.FindStringSubmatch(comment); m != nil {
		step.code, _ = strconv.Atoi(m[1])
	}
	if len(words) >= 2 && words[len(words)-2] == ">" {
		step.stdout = words[len(words)-1]
		words = words[:len(words)-2]
	}
	if len(words) == 0 || words[0] != "kaohe" {
		return step, fmt.Errorf("%q: an example runs only kaohe commands", text)
	}
	for _, w := range words[1:] {
		if strings.ContainsAny(w, "|<>;&`$*") {
			return step, fmt.Errorf("%q: %q needs a shell; examples run kaohe directly", text, w)
		}
	}
	step.args = words[1:]
	return step, nil
}

// shellWords splits text at unquoted spaces, removing quotes, and returns
// the words and the comment after an unquoted "#" that starts a word.
func shellWords(text string) (words []string, comment string, err error) {
	var word strings.Builder
	inWord, quote := false, rune(0)
	for i, r := range text {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case r == '#' && !inWord:
			return words, text[i+1:], nil
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, "", fmt.Errorf("%q: unclosed quote", text)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, "", nil
}

// runDocExample runs one block's commands in order in a fresh folder.
func runDocExample(t *testing.T, ex docExample) {
	dir := t.TempDir()
	env := docExampleEnv(dir)
	for _, step := range ex.steps {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		cmd := exec.CommandContext(ctx, os.Args[0], step.args...)
		cmd.Dir, cmd.Env = dir, env
		var out, stdout bytes.Buffer
		cmd.Stderr = &out
		cmd.Stdout = &out
		if step.stdout != "" {
			cmd.Stdout = &stdout
		}
		err := cmd.Run()
		cancel()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s:%d: %s: %v", ex.file, step.line, step.text, err)
		}
		if step.stdout != "" {
			if err := os.WriteFile(filepath.Join(dir, step.stdout), stdout.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if code != step.code {
			t.Fatalf("%s:%d: $ %s\nexited %d, the document says %d; it printed:\n%s", ex.file, step.line, step.text, code, step.code, out.String())
		}
		if missing := missingLines(out.String(), step.want); missing != "" {
			t.Fatalf("%s:%d: $ %s\ndid not print the line the document shows:\n%s\nit printed:\n%s", ex.file, step.line, step.text, missing, out.String())
		}
	}
}

// docExampleEnv is this process's environment without anything that would
// point kaohe at the user's own files or language, plus a home, data and
// config folder inside dir, and the switch that runs this test binary as
// kaohe (see TestMain).
func docExampleEnv(dir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "KAOHE_"), strings.HasPrefix(name, "XDG_"), strings.HasPrefix(name, "LC_"),
			name == "HOME", name == "APPDATA", name == "LOCALAPPDATA", name == "USERPROFILE", name == "LANG", name == "LANGUAGE":
			continue
		}
		env = append(env, kv)
	}
	home := filepath.Join(dir, ".home")
	return append(env, "KAOHE_TEST_AS_KAOHE=1", "LANG=C.UTF-8",
		"HOME="+home, "USERPROFILE="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"APPDATA="+filepath.Join(home, "AppData"), "LOCALAPPDATA="+filepath.Join(home, "AppData"))
}

// missingLines returns the first wanted line that output does not hold at
// or after the line the previous one matched, or "" when all are there.
func missingLines(output string, want []string) string {
	got := strings.Split(strings.ReplaceAll(output, "\r\n", "\n"), "\n")
	i := 0
	for _, w := range want {
		for i < len(got) && !lineMatches(strings.TrimRight(got[i], " \t"), w) {
			i++
		}
		if i == len(got) {
			return w
		}
		i++
	}
	return ""
}

// lineMatches reports whether line is pattern, each "…" in pattern
// standing for any run of characters (none included).
func lineMatches(line, pattern string) bool {
	parts := strings.Split(pattern, "…")
	if len(parts) == 1 {
		return line == pattern
	}
	first, last := parts[0], parts[len(parts)-1]
	if !strings.HasPrefix(line, first) || !strings.HasSuffix(line, last) || len(line) < len(first)+len(last) {
		return false
	}
	rest := line[len(first) : len(line)-len(last)]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}

// The example format itself: quoting, the exit comment, a redirection and
// "…" are read as the documents mean them, and a block the test could not
// run faithfully is refused with its line instead of being skipped.
func TestDocExampleFormat(t *testing.T) {
	src := "text\n```sh example\n$ kaohe set 吉首市/2021 3.4.a 0.5 --note '电子 证照' # 拒绝 exit 1\nkaohe: …（…）\n\n$ kaohe export 吉首市/2021 --json > f.json\n```\n```sh\n$ rm -rf /\n```\n"
	ex, err := parseDocExamples("t.md", src)
	if err != nil || len(ex) != 1 || len(ex[0].steps) != 2 {
		t.Fatalf("parsed %+v, %v", ex, err)
	}
	set, export := ex[0].steps[0], ex[0].steps[1]
	if strings.Join(set.args, "|") != "set|吉首市/2021|3.4.a|0.5|--note|电子 证照" || set.code != 1 || set.line != 3 || len(set.want) != 1 {
		t.Errorf("set step: %+v", set)
	}
	if export.stdout != "f.json" || strings.Join(export.args, " ") != "export 吉首市/2021 --json" || export.code != 0 {
		t.Errorf("export step: %+v", export)
	}
	for _, bad := range []string{
		"```sh example\n$ sqlite3 a.db .tables\n```\n",
		"```sh example\n$ kaohe list | head\n```\n",
		"```sh example\n$ kaohe attach 吉首市/2021 2.1 *.jpg\n```\n",
		"```sh example\noutput first\n$ kaohe list\n```\n",
		"```sh example\n$ kaohe note 吉首市/2021 2.1 'unclosed\n```\n",
		"```sh example\n$ kaohe list\n",
		"```sh example\n```\n",
	} {
		if _, err := parseDocExamples("t.md", bad); err == nil || !strings.HasPrefix(err.Error(), "t.md:") {
			t.Errorf("%q: want an error naming the line, got %v", bad, err)
		}
	}
	for _, c := range []struct {
		line, pattern string
		ok            bool
	}{
		{"已保存 吉首市/2021 1.2.a = 3", "已保存 吉首市/2021 1.2.a = 3", true},
		{"已保存 吉首市/2021 1.2.a = 3", "已保存 吉首市/2021 1.2.a = 4", false},
		{"已保存 吉首市/2021 1.2.a = 30", "已保存 吉首市/2021 1.2.a = 3", false},
		{"督查人员 张三，设备 0baf665b771a28ef，数据库 /tmp/x/kaohe.db", "督查人员 张三，设备 …，数据库 …", true},
		{"督查人员 李四，设备 0baf665b771a28ef，数据库 /tmp/x/kaohe.db", "督查人员 张三，设备 …，数据库 …", false},
		{"  1) 5  李四  e87a  rev f0a1  「复核后为5项」", "  1) 5  李四  …  「复核后为5项」", true},
		{"ab", "a…b…b", false},
		{"事项…   2.00", "事项…   2.00", true},
	} {
		if got := lineMatches(c.line, c.pattern); got != c.ok {
			t.Errorf("lineMatches(%q, %q) = %v", c.line, c.pattern, got)
		}
	}
}
