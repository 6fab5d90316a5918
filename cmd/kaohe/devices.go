package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/internal/timefmt"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

// devicesOptions are the inputs of `kaohe devices`.
type devicesOptions struct {
	app    *app
	asJSON bool
}

func (a *app) devicesCmd() *cobra.Command {
	o := &devicesOptions{app: a}
	cmd := &cobra.Command{
		Use: "devices [--json]", Short: "List every device that contributed: fingerprint, names, revisions, first and last time", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return cmd
}

// run lists the devices.
func (o *devicesOptions) run() error {
	a := o.app
	return a.openStore(reads, func(s opened) error {
		devs, err := s.Devices()
		if err != nil {
			return err
		}
		if o.asJSON {
			if devs == nil {
				devs = []store.Device{}
			}
			for i := range devs {
				devs[i].First, devs[i].Last = timefmt.Local(devs[i].First), timefmt.Local(devs[i].Last)
			}
			return writeJSON(a.stdout, devs)
		}
		l := a.labels(nil).CLI
		var b strings.Builder
		for _, d := range devs {
			signed := l.DeviceSigned
			if !d.Signed {
				signed = l.DeviceUnsigned
			}
			fmt.Fprintf(&b, l.DeviceLine, d.Fingerprint, pad(signed, 8), pad(textwidth.Line(strings.Join(d.Names, ",")), 12), d.Revisions,
				timefmt.Human(d.First), timefmt.Human(d.Last))
			if len(d.Team) > 0 {
				fmt.Fprintf(&b, l.DeviceRoster, textwidth.Line(strings.Join(d.Team, ",")))
			}
			b.WriteString("\n")
		}
		if len(devs) == 0 {
			b.WriteString(l.NoDevices + "\n")
		}
		_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
		return err
	})
}
