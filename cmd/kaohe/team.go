package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kaohe/kaohe/internal/textwidth"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

func (a *app) teamCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "team",
		Short: "The lead's roster: which devices belong to which inspector",
		Args:  cobra.NoArgs,
		Example: "  kaohe team add 张三 3f9a2c17d0b4e851   # the fingerprint 张三 reads from kaohe whoami\n" +
			"  kaohe team list",
	}
	cmd.AddCommand(a.teamAddCmd(), a.teamListCmd())
	return cmd
}

// teamAddOptions are the inputs of `kaohe team add`.
type teamAddOptions struct {
	app          *app
	name, device string
}

func (a *app) teamAddCmd() *cobra.Command {
	o := &teamAddOptions{app: a}
	return &cobra.Command{
		Use: "add NAME FINGERPRINT", Short: "Record that a device belongs to an inspector", Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.name, o.device = strings.TrimSpace(args[0]), strings.ToLower(strings.TrimSpace(args[1]))
			return o.run()
		},
	}
}

// run adds the roster line.
func (o *teamAddOptions) run() error {
	return o.app.openStore(writes, func(s opened) error {
		if err := s.AddTeamMember(o.name, o.device); err != nil {
			return err
		}
		fmt.Fprintln(o.app.stdout, textwidth.Line(fmt.Sprintf(o.app.labels(nil).CLI.RosterAdded, o.name, o.device)))
		return nil
	})
}

// teamListOptions are the inputs of `kaohe team list`.
type teamListOptions struct{ app *app }

func (a *app) teamListCmd() *cobra.Command {
	o := &teamListOptions{app: a}
	return &cobra.Command{
		Use: "list", Short: "Show the roster, and revisions written under a roster name from another device", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return o.run() },
	}
}

// run prints the roster and what does not match it.
func (o *teamListOptions) run() error {
	a := o.app
	return a.openStore(reads, func(s opened) error {
		team, err := s.Team()
		if err != nil {
			return err
		}
		l := a.labels(nil).CLI
		var b strings.Builder
		if len(team) == 0 {
			b.WriteString(l.NoRoster + "\n")
		}
		for _, m := range team {
			fmt.Fprintf(&b, "%s  %s\n", pad(m.Name, 10), m.Device)
		}
		off, err := s.OffRoster()
		if err != nil {
			return err
		}
		for _, r := range off {
			fmt.Fprintf(&b, l.OffRoster+"\n", store.ShortID(r.ID, 8), textwidth.Line(r.Subject), textwidth.Line(r.Inspector), r.Device, textwidth.Line(r.Inspector))
		}
		_, err = io.WriteString(a.stdout, textwidth.Sanitize(b.String(), true))
		return err
	})
}
