package store

import (
	"path/filepath"
	"runtime"
)

// FileName is the default database file name.
const FileName = "kaohe.db"

// DefaultPath returns where the database lives when neither --db nor
// KAOHE_DB says otherwise: the user's data directory, per platform —
// $XDG_DATA_HOME (or ~/.local/share) on Linux and other Unixes,
// %AppData% on Windows, ~/Library/Application Support on macOS — in a
// "kaohe" folder.
func DefaultPath(getenv func(string) string) (string, error) {
	return defaultPath(runtime.GOOS, getenv)
}

func defaultPath(goos string, getenv func(string) string) (string, error) {
	home := getenv("HOME")
	var dir string
	switch goos {
	case "windows":
		dir = getenv("AppData")
		if dir == "" {
			dir = getenv("APPDATA")
		}
		if dir == "" && getenv("USERPROFILE") != "" {
			dir = filepath.Join(getenv("USERPROFILE"), "AppData", "Roaming")
		}
	case "darwin", "ios":
		if home != "" {
			dir = filepath.Join(home, "Library", "Application Support")
		}
	default:
		dir = getenv("XDG_DATA_HOME")
		if dir == "" || !filepath.IsAbs(dir) {
			dir = ""
			if home != "" {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	if dir == "" {
		return "", refusalOf(CodeNoDataDir, "cannot find the user's data directory (HOME/AppData unset); give the database's path, or set KAOHE_DB")
	}
	return filepath.Join(dir, "kaohe", FileName), nil
}

// DefaultKeyDir returns the folder of the device's private key when
// KAOHE_CONFIG does not say otherwise: the user's config directory —
// $XDG_CONFIG_HOME (or ~/.config) on Linux and other Unixes, %AppData% on
// Windows, ~/Library/Application Support on macOS — in a "kaohe" folder.
// It is "" when no such folder can be found (then writes are unsigned).
func DefaultKeyDir(getenv func(string) string) string {
	if dir := getenv("KAOHE_CONFIG"); dir != "" {
		return dir
	}
	return defaultKeyDir(runtime.GOOS, getenv)
}

func defaultKeyDir(goos string, getenv func(string) string) string {
	if goos == "linux" || goos == "freebsd" || goos == "openbsd" || goos == "netbsd" {
		dir := getenv("XDG_CONFIG_HOME")
		if dir == "" || !filepath.IsAbs(dir) {
			if getenv("HOME") == "" {
				return ""
			}
			dir = filepath.Join(getenv("HOME"), ".config")
		}
		return filepath.Join(dir, "kaohe")
	}
	p, err := defaultPath(goos, getenv)
	if err != nil {
		return ""
	}
	return filepath.Dir(p)
}
