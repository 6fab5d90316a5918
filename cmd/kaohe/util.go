package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/rubric"
	"github.com/kaohe/kaohe/scoring"
	"github.com/kaohe/kaohe/store"
)

// maxProblems is how many problems of one file are listed; the rest are
// counted, so a file of 300,000 bad keys prints a screenful, not 42 MB.
const maxProblems = 20

// problems words the problems of a findings file (or an assessment's
// findings) in rb's language (or --lang), each line prefixed by source:
// the first maxProblems, then how many more there are.
func (a *app) problems(source string, rb *rubric.Rubric, err error) string {
	more := 0
	var es scoring.Errors
	if errors.As(err, &es) && len(es) > maxProblems {
		more = len(es) - maxProblems
		err = es[:maxProblems]
	}
	text := prefixLines(source, a.valueError(rb, err))
	if more > 0 {
		text += "\n" + source + ": " + fmt.Sprintf(a.labels(rb).CLI.Doors.More, more)
	}
	return text
}

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

// What a command's RULE argument may name.
const (
	ruleOnly        = iota // set, unset
	indicatorOnly          // note
	ruleOrIndicator        // attach, detach, evidence
	anySubject             // history, resolve: also status and namespaced subjects
)

// knownSubject refuses a rule or indicator the assessment's rubric does not
// have, worded as set words an unknown rule, so that every command (history,
// set, unset, note, attach, detach, evidence, resolve) refuses 9.9.z the
// same way instead of doing nothing or something else.
func (a *app) knownSubject(s *store.Store, as store.Assessment, subject string, kind int) error {
	rb, err := s.Rubric(as.RubricID, as.RubricVersion)
	if err != nil {
		return err
	}
	_, isRule := rb.Rule(subject)
	_, _, isIndicator := rb.Indicator(subject)
	ok := false
	switch kind {
	case ruleOnly:
		ok = isRule
	case indicatorOnly:
		ok = isIndicator
	case ruleOrIndicator:
		ok = isRule || isIndicator
	default:
		// Status and subjects under a namespace (note/1.2, evidence/…)
		// are the store's to check.
		ok = isRule || isIndicator || subject == store.SubjectStatus || strings.Contains(subject, "/")
	}
	if ok {
		return nil
	}
	return a.valueError(rb, &scoring.FindingError{Rule: subject, Unknown: rb.ID + " " + rb.Version})
}
