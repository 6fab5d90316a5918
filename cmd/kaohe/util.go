package main

import (
	"errors"
	"strings"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
)

// prefixLines puts "source: " before every line of an error, so each finding
// error names the file it came from.
func prefixLines(source string, err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, source+":") {
			lines[i] = source + ": " + l
		}
	}
	return strings.Join(lines, "\n")
}

// valueError words a value's problem in the language of the rubric (or
// --lang); other errors pass unchanged.
func (a *app) valueError(rb *rubric.Rubric, err error) error {
	var ve *scoring.ValueError
	if errors.As(err, &ve) {
		return errors.New(report.ValueProblem(a.labels(rb), ve))
	}
	var es scoring.Errors
	if errors.As(err, &es) {
		return errors.New(report.FindingProblems(a.labels(rb), es))
	}
	var fe *scoring.FindingError
	if errors.As(err, &fe) {
		return errors.New(report.FindingProblem(a.labels(rb), fe))
	}
	return err
}
