package main

import (
	"fmt"

	"github.com/kaohe/kaohe/internal/photo"
	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// attachOptions are the inputs of `kaohe attach`.
type attachOptions struct {
	app          *app
	ref, subject string
	files        []string
	note         string
	maxMB        int64
}

func (a *app) attachCmd() *cobra.Command {
	o := &attachOptions{app: a}
	cmd := &cobra.Command{
		Use:   "attach ASSESSMENT RULE|INDICATOR FILE… [--note TEXT]",
		Short: "Attach evidence files (佐证材料) to a rule or an indicator",
		Args:  cobra.MinimumNArgs(3),
		Example: "  kaohe attach 吉首市/2021 1.2.a 台账扫描.pdf --note 2021年下放事项台账\n" +
			"  kaohe attach 吉首市/2021 2.1 照片/*.jpg",
		RunE: func(_ *cobra.Command, args []string) error {
			o.ref, o.subject, o.files = args[0], args[1], args[2:]
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.note, "note", "", "what the files show (kept with each attachment)")
	cmd.Flags().Int64Var(&o.maxMB, "max-mb", store.DefaultBlobLimit>>20, "largest file accepted, in MB")
	return cmd
}

// run checks every file, then attaches them all in one transaction: a
// missing or refused file leaves none attached, as import does.
func (o *attachOptions) run() error {
	a := o.app
	if o.maxMB <= 0 {
		return fmt.Errorf(a.labels(nil).CLI.Doors.MaxMB, o.maxMB)
	}
	return a.openStore(writes, findThen(o.ref, func(s opened, as store.Assessment) error {
		if err := a.knownSubject(s.Store, as, o.subject, ruleOrIndicator); err != nil {
			return err
		}
		id, err := a.identity(s.Store)
		if err != nil {
			return err
		}
		l := a.labelsOf(s.Store, as).CLI
		opts := store.AttachOptions{Limit: o.maxMB << 20, Photo: func(path string) (string, string) {
			info, err := photo.Read(path)
			if err != nil {
				return "", ""
			}
			return info.Taken, info.GPS
		}}
		atts, err := s.AttachAll(id, as.ID, o.subject, o.files, o.note, opts)
		if err != nil {
			return err
		}
		for _, att := range atts {
			format := l.Attached
			if att.Revision == "" {
				format = l.AlreadyAttached
			}
			line := fmt.Sprintf(format, as.Label(), att.Subject, att.Name, store.HumanSize(att.Size), store.ShortID(att.SHA256, 12))
			if att.Taken != "" || att.GPS != "" {
				line += fmt.Sprintf("  %s %s %s", l.PhotoTaken, att.Taken, att.GPS)
			}
			fmt.Fprintln(a.stdout, textwidth.Line(line))
		}
		return nil
	}))
}
