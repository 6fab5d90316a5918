package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// mergeTempPrefix starts the name of every folder a merge keeps its private
// copies in: "kaohe-merge-<pid>-<random>", so that a later merge can tell a
// folder whose process is gone (killed before it could clean up) from one
// another running kaohe is using.
const mergeTempPrefix = "kaohe-merge-"

// legacyTempAge is how old a merge folder without a process ID in its name
// (made before folders carried one) must be before it is taken for stale:
// no merge runs for a day.
const legacyTempAge = 24 * time.Hour

// NewMergeTempDir makes a new folder for one merge's private copies in the
// system's temporary folder, after removing the folders earlier merges
// left there when they were killed (see CleanStaleMergeDirs).
func NewMergeTempDir() (string, error) {
	CleanStaleMergeDirs(os.TempDir())
	return mkMergeTemp(os.TempDir())
}

// mkMergeTemp makes a merge folder named for this process in dir.
func mkMergeTemp(dir string) (string, error) {
	return os.MkdirTemp(dir, fmt.Sprintf("%s%d-*", mergeTempPrefix, os.Getpid()))
}

// CleanStaleMergeDirs removes the merge folders in dir whose process is
// gone: a merge killed outright (kill -9, a power cut) cannot remove its
// private copies, and they would pile up. A folder whose process is alive
// (another kaohe merging now) is left alone, and so is one whose process
// cannot be told: a folder named without a process ID is removed only
// once it is a day old. Failures are ignored: cleaning is a courtesy, and
// the merge goes on.
func CleanStaleMergeDirs(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), mergeTempPrefix) {
			continue
		}
		if staleMergeDir(e, now) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// staleMergeDir reports whether merge folder e is no running merge's.
func staleMergeDir(e os.DirEntry, now time.Time) bool {
	rest := strings.TrimPrefix(e.Name(), mergeTempPrefix)
	if pidText, _, ok := strings.Cut(rest, "-"); ok {
		if pid, err := strconv.Atoi(pidText); err == nil && pid > 0 {
			return pid != os.Getpid() && !processAlive(pid)
		}
	}
	info, err := e.Info()
	return err == nil && now.Sub(info.ModTime()) > legacyTempAge
}
