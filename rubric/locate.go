package rubric

import (
	"bytes"

	"github.com/goccy/go-yaml/parser"
)

// Locate gives problems found beyond the loader's checks (a number that
// disagrees with its words) the positions the loader gives its own: the
// file:line:col of each problem's path in the YAML file's bytes, which
// must be the file the rubric was loaded from.
func Locate(name string, data []byte, ps []Problem) Errors {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	file, err := parser.ParseBytes(data, 0)
	out := make(Errors, 0, len(ps))
	for _, p := range ps {
		e := Error{File: name, Message: p.Message}
		if err == nil {
			e.Line, e.Column = position(file, p.Path)
		}
		out = append(out, e)
	}
	sortErrors(out)
	return out
}
