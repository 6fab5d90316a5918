package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// The release build stamps these with the linker, as .goreleaser.yaml does:
//
//	go build -ldflags "-X main.version=1.4.0 -X main.commit=<sha> -X main.date=<commit date, RFC 3339>"
//
// -X can only set package-level string variables, so they live here; nothing
// assigns them at run time. Empty means a development build.
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildStamp is what the linker stamped into this binary.
type buildStamp struct{ version, commit, date string }

// devBuild is how a binary built without the release stamp names itself.
const devBuild = "development build (开发版本，非正式发布)"

// addVersion gives root the --version flag and the version command; both
// print versionText for this binary.
func (a *app) addVersion(root *cobra.Command) {
	info, _ := debug.ReadBuildInfo()
	text := versionText(buildStamp{version: version, commit: commit, date: date}, info)
	root.Version = text
	root.SetVersionTemplate("{{.Version}}")
	root.AddCommand(&cobra.Command{
		Use: "version", Short: "Print the version, commit and commit date of this kaohe", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprint(a.stdout, text)
			return err
		},
	})
}

// versionText describes a build: the stamped release if there is one, else
// the module version go install recorded, else a development build with the
// VCS revision Go recorded (go build in a checkout; go run records none).
// The last line is the Go version and platform.
func versionText(s buildStamp, info *debug.BuildInfo) string {
	var b strings.Builder
	rev, when := s.commit, s.date
	switch {
	case s.version != "":
		fmt.Fprintf(&b, "kaohe %s\n", s.version)
	case info != nil && info.Main.Version != "" && info.Main.Version != "(devel)":
		fmt.Fprintf(&b, "kaohe %s\n", info.Main.Version)
	default:
		fmt.Fprintf(&b, "kaohe %s\n", devBuild)
		rev, when = vcsRevision(info)
	}
	if rev != "" {
		fmt.Fprintf(&b, "commit: %s\n", rev)
	}
	if when != "" {
		fmt.Fprintf(&b, "date:   %s\n", when)
	}
	fmt.Fprintf(&b, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// vcsRevision is the commit (marked when the tree had local changes) and
// commit time Go recorded in a development build, if it recorded them.
func vcsRevision(info *debug.BuildInfo) (rev, when string) {
	if info == nil {
		return "", ""
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += " (with local changes)"
	}
	return rev, when
}
