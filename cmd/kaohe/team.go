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
	app                *app
	name, device, role string
}

func (a *app) teamAddCmd() *cobra.Command {
	o := &teamAddOptions{app: a}
	cmd := &cobra.Command{
		Use: "add NAME FINGERPRINT", Short: "Record that a device belongs to an inspector", Args: cobra.ExactArgs(2),
		Example: "  kaohe team add 王组长 3f9a2c17d0b4e851 --role lead   # the lead, who decides appeals",
		RunE: func(_ *cobra.Command, args []string) error {
			o.name, o.device = strings.TrimSpace(args[0]), strings.ToLower(strings.TrimSpace(args[1]))
			o.role = strings.ToLower(strings.TrimSpace(o.role))
			return o.run()
		},
	}
	cmd.Flags().StringVar(&o.role, "role", "", "the member's role: lead (decides appeals), or none for an inspector")
	return cmd
}

// run adds the roster line.
func (o *teamAddOptions) run() error {
	return o.app.openStore(writes, func(s opened) error {
		if err := s.AddTeamMember(o.name, o.device, o.role); err != nil {
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
			role := ""
			if m.Role == store.RoleLead {
				role = "  " + a.labels(nil).Appeals.RoleLead
			}
			fmt.Fprintf(&b, "%s  %s%s\n", pad(m.Name, 10), m.Device, role)
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
