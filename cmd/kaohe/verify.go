package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// verifyOptions are the inputs of `kaohe verify`.
type verifyOptions struct {
	app         *app
	asJSON      bool
	fingerprint string // an assessment whose fingerprint to print
}

func (a *app) verifyCmd() *cobra.Command {
	o := &verifyOptions{app: a}
	cmd := &cobra.Command{
		Use:     "verify [--json] [--fingerprint ASSESSMENT]",
		Short:   "Check every record: hashes, signatures, evidence files, parents, values, sign-offs; exit 1 naming each bad one",
		Args:    cobra.NoArgs,
		Example: "  kaohe verify\n  kaohe --db 汇总.db verify --json\n  kaohe verify --fingerprint 吉首市/2021",
		RunE:    func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&o.fingerprint, "fingerprint", "", "print this assessment's fingerprint (as its score sheets carry it)")
	return cmd
}

// run verifies the database and exits 1 when any record is bad.
func (o *verifyOptions) run() error {
	a := o.app
	if o.fingerprint != "" {
		return o.printFingerprint()
	}
	return a.openStore(reads, func(s opened) error {
		rep, err := s.Verify()
		if err != nil {
			return err
		}
		if o.asJSON {
			if err := writeJSON(a.stdout, rep); err != nil {
				return err
			}
		} else {
			var b strings.Builder
			l := a.labels(nil)
			for _, p := range rep.Problems {
				b.WriteString(textwidth.Line(report.ProblemText(l, p)) + "\n")
			}
			m := &l.CLI.SignOff
			if len(rep.Problems) == 0 {
				fmt.Fprintf(&b, m.VerifyOK+"\n", rep.Rubrics, rep.Assessments, rep.Revisions, textwidth.Line(s.Path()))
			} else {
				fmt.Fprintf(&b, m.VerifyBad+"\n", len(rep.Problems), rep.Rubrics, rep.Assessments, rep.Revisions, textwidth.Line(s.Path()))
			}
			fmt.Fprintf(&b, m.VerifySigned+"\n", rep.Signed, rep.Unsigned, rep.Files)
			if _, err := io.WriteString(a.stdout, b.String()); err != nil {
				return err
			}
		}
		if len(rep.Problems) > 0 {
			return exitError{1}
		}
		return nil
	})
}

// warnMismatches prints one line on stderr when the states read hold
// records whose content does not match their hash, and one when they hold
// unsigned records in the name of a device that signs.
func (a *app) warnMismatches(s *store.Store, states ...*store.State) {
	l := a.labels(nil).CLI
	bad, err := s.HashMismatches(states...)
	if err != nil {
		a.warnError(err)
		return
	}
	a.warnAbout(l.SignOff.HashWarning, bad, states)
	a.warnUntrusted(s, states...)
}

// warnUntrusted prints on stderr how many current records of the states
// are unsigned in the name of a device whose key the file holds: records
// that may be forged, which list, score and report never pass over in
// silence.
func (a *app) warnUntrusted(s *store.Store, states ...*store.State) {
	bad, err := s.Untrusted(states...)
	if err != nil {
		a.warnError(err)
		return
	}
	a.warnAbout(a.labels(nil).CLI.Trust.ListUntrusted, bad, states)
}

// warnError prints a warning's own failure on stderr, worded.
func (a *app) warnError(err error) {
	l := a.labels(nil)
	fmt.Fprintln(a.stderr, textwidth.Line("kaohe"+l.Values.Colon+errorLine(l, err)))
}

// warnAbout prints format (count, assessments) on stderr when bad names
// any revision of the states.
func (a *app) warnAbout(format string, bad map[string][]*store.Revision, states []*store.State) {
	n := 0
	var where []string
	for _, st := range states {
		if k := len(bad[st.Assessment.ID]); k > 0 {
			n += k
			where = append(where, st.Assessment.Label())
		}
	}
	if n > 0 {
		fmt.Fprintln(a.stderr, textwidth.Line(fmt.Sprintf(format, n, strings.Join(where, ", "))))
	}
}

// printFingerprint prints an assessment's fingerprint: the digest every
// score sheet carries at its foot, recomputed from the records.
func (o *verifyOptions) printFingerprint() error {
	a := o.app
	return a.openStore(reads, findThen(o.fingerprint, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		fp, err := st.Fingerprint()
		if err != nil {
			return err
		}
		if o.asJSON {
			return writeJSON(a.stdout, map[string]string{"assessment": as.Label(), "id": as.ID, "fingerprint": fp})
		}
		fmt.Fprintln(a.stdout, textwidth.Line(as.Label()+"  "+fp))
		return nil
	}))
}
