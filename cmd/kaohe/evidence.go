package main

import (
	"fmt"
	"github.com/kaohe/kaohe/internal/i18n"
	"io"
	"os"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/report"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// evidenceOptions are the inputs of `kaohe evidence`.
type evidenceOptions struct {
	app          *app
	ref, subject string
	asJSON       bool
}

// evidenceJSON is one attachment in `kaohe evidence --json`.
type evidenceJSON struct {
	Subject   string `json:"subject"`
	Name      string `json:"name"`
	Size      int64  `json:"size"`
	Type      string `json:"type"`
	SHA256    string `json:"sha256"`
	Inspector string `json:"inspector"`
	Device    string `json:"device"`
	Time      string `json:"time"`
	Note      string `json:"note,omitempty"`
	Taken     string `json:"taken,omitempty"`
	GPS       string `json:"gps,omitempty"`
}

func (a *app) evidenceCmd() *cobra.Command {
	o := &evidenceOptions{app: a}
	cmd := &cobra.Command{
		Use:   "evidence ASSESSMENT [RULE|INDICATOR] [--json]",
		Short: "List evidence files: subject, name, size, type, sha256, who, when, note",
		Args:  cobra.RangeArgs(1, 2),
		Example: "  kaohe evidence 吉首市/2021\n  kaohe evidence 吉首市/2021 1.2.a --json\n" +
			"  kaohe evidence get 吉首市/2021 3f9a2c -o 台账.pdf",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject = args[0], ""
			if len(args) == 2 {
				o.subject = args[1]
			}
			return o.run()
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	cmd.AddCommand(a.evidenceGetCmd())
	return cmd
}

// run lists the live attachments.
func (o *evidenceOptions) run() error {
	a := o.app
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		if o.subject != "" {
			if err := a.knownSubject(s.Store, as, o.subject, ruleOrIndicator); err != nil {
				return err
			}
		}
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		l := a.labels(st.Rubric).CLI
		atts := st.Attachments(o.subject)
		if o.asJSON {
			out := make([]evidenceJSON, 0, len(atts))
			for _, at := range atts {
				out = append(out, evidenceJSON{Subject: at.Subject, Name: at.Name, Size: at.Size, Type: at.Type, SHA256: at.SHA256,
					Inspector: at.Inspector, Device: at.Device, Time: timefmt.Machine(at.Wall), Note: at.Note, Taken: at.Taken, GPS: at.GPS})
			}
			return writeJSON(a.stdout, out)
		}
		if len(atts) == 0 {
			fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(l.NoEvidence, as.Label(), as.Label())))
			return nil
		}
		var b strings.Builder
		for _, e := range atts {
			fmt.Fprintf(&b, "%s  %s  %s  %s  %s  %s  %s", pad(e.Subject, 6), store.ShortID(e.SHA256, 12), padL(store.HumanSize(e.Size), 9),
				pad(e.Type, 15), pad(e.Inspector, 8), timefmt.Human(e.Wall), textwidth.Line(e.Name))
			if e.Taken != "" || e.GPS != "" {
				fmt.Fprintf(&b, "  %s %s %s", l.PhotoTaken, e.Taken, e.GPS)
			}
			if e.Note != "" {
				fmt.Fprintf(&b, "  「%s」", textwidth.Line(e.Note))
			}
			b.WriteString("\n")
		}
		_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
		return err
	}))
}

// evidenceGetOptions are the inputs of `kaohe evidence get`.
type evidenceGetOptions struct {
	app         *app
	ref, prefix string
	out         string
	force       bool
}

func (a *app) evidenceGetCmd() *cobra.Command {
	o := &evidenceGetOptions{app: a}
	cmd := &cobra.Command{
		Use:     "get ASSESSMENT SHA256-PREFIX -o PATH",
		Short:   "Write one evidence file back out, byte for byte",
		Args:    cobra.ExactArgs(2),
		Example: "  kaohe evidence get 吉首市/2021 3f9a2c -o 台账.pdf",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.prefix = args[0], args[1]
			return o.run()
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "where to write the file")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite an existing file")
	return cmd
}

// run streams the file into a temporary file beside the target, checks
// its hash, then renames it into place: a damaged file never lands.
func (o *evidenceGetOptions) run() error {
	a := o.app
	if o.out == "" {
		return i18n.Errorf("give the output file: -o PATH")
	}
	if fi, err := os.Lstat(o.out); err == nil {
		if !fi.Mode().IsRegular() {
			return i18n.Errorf("%s exists and is not a regular file", o.out)
		}
		if !o.force {
			return i18n.Errorf("%s already exists; use --force to overwrite it", o.out)
		}
	}
	return a.openStore(reads, findThen(o.ref, func(s opened, as store.Assessment) error {
		st, err := s.State(as.ID)
		if err != nil {
			return err
		}
		att, err := st.FindAttachment("", o.prefix)
		if err != nil {
			return err
		}
		// Through a temporary file renamed only once the bytes hashed right.
		var n int64
		if err := report.AtomicWriteFunc(o.out, o.force, func(w io.Writer) (err error) {
			n, err = s.WriteBlob(att.SHA256, w)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, textwidth.Line(fmt.Sprintf(a.labels(st.Rubric).CLI.EvidenceWrote, o.out, att.Name, store.HumanSize(n), store.ShortID(att.SHA256, 12))))
		return nil
	}))
}
