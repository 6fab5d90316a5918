package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// whereOptions are the inputs of `kaohe where`.
type whereOptions struct{ app *app }

func (a *app) whereCmd() *cobra.Command {
	o := &whereOptions{app: a}
	return &cobra.Command{
		Use: "where", Short: "Print the path of the database in use", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
}

// run prints the database path in use.
func (o *whereOptions) run() error {
	p, err := o.app.dbPath()
	if err != nil {
		return err
	}
	fmt.Fprintln(o.app.stdout, p)
	return nil
}
