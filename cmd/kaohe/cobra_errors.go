package main

import (
	"regexp"
	"strings"

	"github.com/kaohe/kaohe/internal/i18n"
)

// cobraPatterns read back the English errors cobra and pflag make about a
// command line (a missing argument, an unknown flag), each as the format
// it is worded by in the wording table, whose arguments are the pattern's
// groups in order; sample is such an error, for the test.
var cobraPatterns = []struct {
	re             *regexp.Regexp
	format, sample string
}{
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "accepts %s arg(s), received %s", "accepts 3 arg(s), received 0"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "accepts at most %s arg(s), received %s", "accepts at most 1 arg(s), received 2"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "requires at least %s arg(s), only received %s", "requires at least 1 arg(s), only received 0"},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "accepts between %s and %s arg(s), received %s", "accepts between 1 and 2 arg(s), received 3"},
	{regexp.MustCompile(`(?s)^unknown command "(.*?)" for "(.*?)"\s*Did you mean this\?\s*(.*?)\s*$`), "unknown command %q for %q; did you mean %s?", "unknown command \"sett\" for \"kaohe\"\n\nDid you mean this?\n\tset\n"},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "unknown command %q for %q", `unknown command "bogus" for "kaohe"`},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "unknown flag: %s", "unknown flag: --bogus"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "unknown shorthand flag: %q in %s", "unknown shorthand flag: 'x' in -x"},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), "flag needs an argument: %s", "flag needs an argument: --note"},
	{regexp.MustCompile(`^flag needs an argument: '(.)' in (\S+)$`), "flag needs an argument: %q in %s", "flag needs an argument: 'o' in -o"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), "invalid argument %q for %q flag", `invalid argument "x" for "--max-mb" flag: strconv.ParseInt: parsing "x": invalid syntax`},
}

// cobraError is an error of cobra's about the command line, worded by In
// in the reader's language; its English is cobra's own.
type cobraError struct {
	err    error
	format string
	args   []any
}

func (e cobraError) Error() string { return e.err.Error() }

// In words the error in l's language, cobra's English when l has none.
func (e cobraError) In(l *i18n.Labels) string {
	if l.Report.Refusals[e.format] == "" {
		return e.err.Error()
	}
	return i18n.Word(l, e.format, e.args...)
}

// wordCobra makes an error of cobra's about the command line one that
// words itself (a cobraError); any other error is returned as it is.
func wordCobra(err error) error {
	for _, p := range cobraPatterns {
		g := p.re.FindStringSubmatch(err.Error())
		if g == nil {
			continue
		}
		args := make([]any, len(g)-1)
		for i, s := range g[1:] {
			args[i] = s
			if strings.ContainsAny(s, "\n\t") { // a list of suggestions, one per line
				args[i] = strings.Join(strings.Fields(s), "、")
			}
		}
		return cobraError{err, p.format, args}
	}
	return err
}
