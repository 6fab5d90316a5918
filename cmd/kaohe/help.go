package main

import (
	"fmt"
	"strings"
	"text/template"
	"unicode"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpLanguage is the language --help speaks: the --lang among the
// arguments (read before the command tree parses them, since the texts
// are set before it does), else Chinese, as the CLI speaks with the seed
// rubric.
func helpLanguage(args []string) string {
	lang := ""
	for i, arg := range args {
		if arg == "--" {
			break
		}
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			lang = v
		} else if arg == "--lang" && i+1 < len(args) {
			lang = args[i+1]
		}
	}
	if lang == "" {
		return "zh"
	}
	return lang
}

// speakHelp words the command tree's help in l's language: every
// command's Short, Long and Example and every flag's usage that l words
// (keyed by the English text the command is built with), cobra's own help
// and completion commands and --help flags, and the usage template's
// words. Command and flag names stay as they are.
func speakHelp(root *cobra.Command, l *i18n.Labels) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	usage := template.Must(template.New("usage").Funcs(template.FuncMap{
		"rpad":                    func(s string, n int) string { return textwidth.PadRight(s, n) },
		"trimTrailingWhitespaces": func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) },
		"flagUsages":              flagUsages,
		"replace":                 strings.ReplaceAll,
	}).Parse(l.Help.UsageTemplate))
	root.SetUsageFunc(func(c *cobra.Command) error { return usage.Execute(c.OutOrStderr(), c) })
	word := func(s *string) {
		if w := l.Help.Texts[*s]; w != "" {
			*s = w
		}
	}
	root.InitDefaultVersionFlag()
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = fmt.Sprintf(l.Help.VersionFor, root.DisplayName())
	}
	eachCommand(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = fmt.Sprintf(l.Help.HelpFor, c.DisplayName())
		}
		if w := l.Help.Texts[c.Use]; w != "" && strings.Fields(w)[0] == c.Name() {
			c.Use = w // the arguments' names; the command's stays
		}
		word(&c.Short)
		word(&c.Long)
		word(&c.Example)
		eachFlag(c, func(f *pflag.Flag) {
			word(&f.Usage)
			sayDefault(f, l)
		})
	})
}

// sayDefault words a flag's default in its usage, where pflag would add
// "(default …)" in English; the default value itself is unchanged.
func sayDefault(f *pflag.Flag, l *i18n.Labels) {
	zero := ""
	switch f.Value.Type() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		zero = "0"
	case "string":
	default:
		return // pflag says it, if at all
	}
	if f.DefValue == zero {
		return
	}
	f.Usage += fmt.Sprintf(l.Help.Default, f.DefValue)
	f.DefValue = zero // DefValue is the text usage shows, not the value
}

// eachCommand calls fn on c and every command under it.
func eachCommand(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		eachCommand(sub, fn)
	}
}

// eachFlag calls fn on every flag a command defines, its persistent ones
// too.
func eachFlag(c *cobra.Command, fn func(*pflag.Flag)) {
	c.LocalNonPersistentFlags().VisitAll(fn)
	c.PersistentFlags().VisitAll(fn)
}

// flagUsages lays out a flag set as pflag does (-s, --name value, then the
// usage, in a column), measuring by display width, not bytes, so that a
// Chinese value name (--db 文件) keeps the column straight.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	widest := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + name
		}
		if f.NoOptDefVal != "" && f.NoOptDefVal != "true" {
			left += "[=" + f.NoOptDefVal + "]"
		}
		widest = max(widest, textwidth.Width(left))
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(textwidth.PadRight(r.left, widest+3) + r.usage + "\n")
	}
	return b.String()
}
