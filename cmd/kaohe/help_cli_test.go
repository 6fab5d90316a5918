package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// listed reports whether help shows want, a command's line matching
// whatever padding the longest command's name gives the column.
func listed(help, want string) bool {
	name, text, ok := strings.Cut(strings.TrimLeft(want, " "), "  ")
	if !strings.HasPrefix(want, "  ") || strings.HasPrefix(want, "   ") || !ok {
		return strings.Contains(help, want)
	}
	re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(name) + ` +` + regexp.QuoteMeta(strings.TrimLeft(text, " ")))
	return re.MatchString(help)
}

// kaohe --help speaks the CLI's language: Chinese by default, with cobra's
// own words (用法, 选项) in Chinese too, English with --lang en; command and
// flag names stay as they are.
func TestHelpSpeaksTheCLIsLanguage(t *testing.T) {
	c := newCLI(t)
	c.lang = ""
	root := c.ok("--help")
	for _, want := range []string{"kaohe 带督查人员逐项走完考核指标", "用法：", "可用命令：", "选项：",
		"  set         记录一条规则的值", "  rubric      查看或检查考核指标文件", "--lang 语言", "显示 kaohe 的帮助"} {
		if !listed(root, want) {
			t.Errorf("kaohe --help lacks %q:\n%s", want, root)
		}
	}
	set := c.ok("set", "--help")
	for _, want := range []string{"记录一条规则的值", "kaohe set 考核 规则 值 [--note 理由] [选项]", "示例：", "kaohe set 吉首市/2021 1.2.a 3",
		"      --note 理由   理由：酌情扣分必须填写", "全局选项：", "--db 文件"} {
		if !strings.Contains(set, want) {
			t.Errorf("kaohe set --help lacks %q:\n%s", want, set)
		}
	}
	for _, out := range []string{root, set} {
		for _, english := range []string{"Usage:", "Flags:", "Available Commands", "help for", "Record a rule's value"} {
			if strings.Contains(out, english) {
				t.Errorf("Chinese help holds %q:\n%s", english, out)
			}
		}
	}
	if got := c.ok("help", "set"); got != set {
		t.Errorf("kaohe help set differs from kaohe set --help:\n%s", got)
	}

	c.lang = "en"
	root = c.ok("--help")
	set = c.ok("set", "--help")
	for _, want := range []string{"Usage:", "Available Commands:", "  set         Record a rule's value", "      --lang string   language of labels"} {
		if !listed(root, want) {
			t.Errorf("kaohe --lang en --help lacks %q:\n%s", want, root)
		}
	}
	for _, want := range []string{"kaohe set ASSESSMENT RULE VALUE [--note TEXT] [flags]", "Examples:", "      --note string   why: required for discretionary deductions", "Global Flags:"} {
		if !strings.Contains(set, want) {
			t.Errorf("kaohe --lang en set --help lacks %q:\n%s", want, set)
		}
	}
	if strings.Contains(set, "用法") || strings.Contains(set, "记录一条规则的值") {
		t.Errorf("English help holds Chinese:\n%s", set)
	}
	if _, _, code := c.run("--lang=zh", "set", "--help"); code != 0 {
		t.Error("--lang=zh --help failed")
	}
}

// placeholder is an English argument name in a Use line (ASSESSMENT, FILE).
var placeholder = regexp.MustCompile(`\b[A-Z]{2,}\b`)

// Every command kaohe has, its flags and cobra's own commands have their
// Chinese help: a new command or flag without its wording in
// internal/i18n/help.go fails here.
func TestEveryCommandHasChineseHelp(t *testing.T) {
	zh := i18n.For("zh").Help.Texts
	root := (&app{}).rootCmd()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	commands := 0
	eachCommand(root, func(c *cobra.Command) {
		commands++
		for _, text := range []struct{ what, s string }{{"Short", c.Short}, {"Long", c.Long}} {
			if text.s != "" && !hasHan(zh[text.s]) {
				t.Errorf("%s: %s %q has no Chinese wording", c.CommandPath(), text.what, text.s)
			}
		}
		if strings.Contains(c.Example, "#") && zh[c.Example] == "" {
			t.Errorf("%s: the example's comments have no Chinese wording: %q", c.CommandPath(), c.Example)
		}
		if placeholder.MatchString(c.Use) {
			w := zh[c.Use]
			if w == "" || strings.Fields(w)[0] != c.Name() {
				t.Errorf("%s: Use %q has no Chinese wording starting with the command's name (%q)", c.CommandPath(), c.Use, w)
			}
		}
		eachFlag(c, func(f *pflag.Flag) {
			if !hasHan(zh[f.Usage]) {
				t.Errorf("%s --%s: usage %q has no Chinese wording", c.CommandPath(), f.Name, f.Usage)
			}
		})
	})
	if commands < 40 {
		t.Errorf("only %d commands: is the walk broken?", commands)
	}
}

// A mistyped command line (a missing argument, an unknown command or
// flag) is refused in Chinese by default, in cobra's English with --lang
// en; and every error of cobra's that kaohe reads back is read and has its
// Chinese wording.
func TestCommandLineErrorsSpeakChinese(t *testing.T) {
	c := newCLI(t)
	c.lang = ""
	for _, tc := range []struct {
		args   []string
		zh, en string
	}{
		{[]string{"set"}, "kaohe：需要 3 个参数，实际给了 0 个", "kaohe: accepts 3 arg(s), received 0"},
		{[]string{"where", "extra"}, `kaohe：kaohe where 没有命令 "extra"`, `kaohe: unknown command "extra" for "kaohe where"`},
		{[]string{"set", "--bogus"}, "kaohe：没有选项 --bogus", "kaohe: unknown flag: --bogus"},
		{[]string{"attach", "--note"}, "kaohe：选项 --note 后面需要一个值", "kaohe: flag needs an argument: --note"},
		{[]string{"attach", "--max-mb", "x"}, `kaohe：选项 --max-mb 的值 "x" 无效`, `kaohe: invalid argument "x" for "--max-mb" flag`},
	} {
		c.lang = ""
		if _, stderr, code := c.run(tc.args...); code != 1 || !strings.HasPrefix(stderr, tc.zh) {
			t.Errorf("kaohe %s: exit %d, %q, want %q", strings.Join(tc.args, " "), code, stderr, tc.zh)
		}
		c.lang = "en"
		if _, stderr, code := c.run(tc.args...); code != 1 || !strings.HasPrefix(stderr, tc.en) {
			t.Errorf("kaohe --lang en %s: exit %d, %q, want %q", strings.Join(tc.args, " "), code, stderr, tc.en)
		}
	}
	zh := i18n.For("zh")
	for _, p := range cobraPatterns {
		e := wordCobra(errorString(p.sample))
		if got := e.(interface{ In(*i18n.Labels) string }).In(zh); !hasHan(got) {
			t.Errorf("%q is not worded by its pattern: %q", p.sample, got)
		}
		if zh.Report.Refusals[p.format] == "" {
			t.Errorf("%q has no Chinese wording", p.format)
		}
	}
}

// errorString is an error with the given text.
type errorString string

func (e errorString) Error() string { return string(e) }
