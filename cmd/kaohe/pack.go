package main

import (
	"fmt"
	"os"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/spf13/cobra"
)

// packOptions are the inputs of `kaohe pack`.
type packOptions struct {
	app *app
	out string
}

func (a *app) packCmd() *cobra.Command {
	o := &packOptions{app: a}
	return &cobra.Command{
		Use:   "pack OUT.db",
		Short: "Write a self-contained copy of the database for handing over (USB stick, mail)",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.out = args[0]
			return o.run()
		},
	}
}

// run writes the self-contained copy.
func (o *packOptions) run() error {
	return o.app.openStore(reads, func(s opened) error {
		l := o.app.labels(nil)
		if fi, err := os.Lstat(o.out); err == nil && fi.Mode().IsRegular() {
			// Pack refuses it too; this words the refusal for the reader.
			return fmt.Errorf(l.Report.ExistsChoose, textwidth.Line(o.out))
		}
		if err := s.Pack(o.out); err != nil {
			return err
		}
		fmt.Fprintf(o.app.stdout, l.Report.Packed+"\n", textwidth.Line(s.Path()), textwidth.Line(o.out))
		return nil
	})
}
