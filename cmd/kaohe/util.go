package main

import "strings"

// prefixLines puts "source: " before every line of an error, so each finding
// error names the file it came from.
func prefixLines(source string, err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, source+":") {
			lines[i] = source + ": " + l
		}
	}
	return strings.Join(lines, "\n")
}
