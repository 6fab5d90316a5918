package main

import (
	"fmt"

	"github.com/kaohe/kaohe/report"
)

// printRubricError prints why a rubric file was refused, every problem on
// its own line at its position (file:line:col, file:sheet!cell), worded in
// the CLI's language (--lang, else Chinese: the file's own language is
// what could not be read).
func (a *app) printRubricError(err error) {
	fmt.Fprintln(a.stderr, report.ErrorText(a.labels(nil), err))
}
