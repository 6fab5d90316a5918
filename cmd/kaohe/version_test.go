package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// A binary built without release ldflags (go run, go build, go test) must
// say it is a development build, by flag and by command alike.
func TestVersionOfADevelopmentBuild(t *testing.T) {
	c := newCLI(t)
	byFlag := c.ok("--version")
	byCmd := c.ok("version")
	if byFlag != byCmd {
		t.Errorf("--version and version differ:\n%s\n---\n%s", byFlag, byCmd)
	}
	for _, want := range []string{"kaohe", "development build", "开发版本", runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH} {
		if !strings.Contains(byFlag, want) {
			t.Errorf("kaohe --version lacks %q:\n%s", want, byFlag)
		}
	}
	if _, _, code := c.run("version", "extra"); code == 0 {
		t.Error("kaohe version extra: want a usage error")
	}
}

// The text of every kind of build: a release stamped by GoReleaser's
// ldflags, go install of a tagged module, and a development build with and
// without the VCS revision Go records.
func TestVersionText(t *testing.T) {
	goLine := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	vcs := func(rev, modified string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/kaohe/kaohe", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}, {Key: "vcs.time", Value: "2026-11-26T10:00:00Z"}}}
	}
	cases := []struct {
		name  string
		stamp buildStamp
		info  *debug.BuildInfo
		want  string
	}{
		{"release", buildStamp{version: "1.4.0", commit: "e9d19df0123456789", date: "2026-11-27T03:00:00Z"}, vcs("ffff", "true"),
			"kaohe 1.4.0\ncommit: e9d19df0123456789\ndate:   2026-11-27T03:00:00Z\n" + goLine + "\n"},
		{"release without commit or date", buildStamp{version: "1.4.0"}, nil,
			"kaohe 1.4.0\n" + goLine + "\n"},
		{"go install of a tag", buildStamp{}, &debug.BuildInfo{Main: debug.Module{Path: "github.com/kaohe/kaohe", Version: "v1.4.0"}},
			"kaohe v1.4.0\n" + goLine + "\n"},
		{"development, clean checkout", buildStamp{}, vcs("0123456789abcdef0123", "false"),
			"kaohe development build (开发版本，非正式发布)\ncommit: 0123456789abcdef0123\ndate:   2026-11-26T10:00:00Z\n" + goLine + "\n"},
		{"development, local changes", buildStamp{}, vcs("0123456789abcdef0123", "true"),
			"kaohe development build (开发版本，非正式发布)\ncommit: 0123456789abcdef0123 (with local changes)\ndate:   2026-11-26T10:00:00Z\n" + goLine + "\n"},
		{"development, no VCS information", buildStamp{}, &debug.BuildInfo{Main: debug.Module{Path: "github.com/kaohe/kaohe", Version: "(devel)"}},
			"kaohe development build (开发版本，非正式发布)\n" + goLine + "\n"},
		{"no build information at all", buildStamp{}, nil,
			"kaohe development build (开发版本，非正式发布)\n" + goLine + "\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionText(tc.stamp, tc.info); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// The release build stamps main.version, main.commit and main.date with
// -ldflags -X, as .goreleaser.yaml does: build a real binary that way and
// run it.
func TestVersionStampedByLdflags(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "kaohe")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ldflags := "-X main.version=9.8.7 -X main.commit=abcdef1234567890 -X main.date=2026-11-27T03:04:05Z"
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	want := "kaohe 9.8.7\ncommit: abcdef1234567890\ndate:   2026-11-27T03:04:05Z\n"
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("kaohe %s: %v\n%s", args[0], err, out)
		}
		if !strings.HasPrefix(string(out), want) {
			t.Errorf("kaohe %s printed\n%s\nwant it to begin with\n%s", args[0], out, want)
		}
		if strings.Contains(string(out), "development") {
			t.Errorf("kaohe %s: a stamped release calls itself a development build:\n%s", args[0], out)
		}
	}
}
