package rubric

import (
	"strings"
)

// A rubric is a few dozen kilobytes nested about six levels deep (the seed:
// 30 KB, indented 12 columns). The YAML parser's cost grows much faster
// than the input on deeply nested documents (a 200 KB nested list took 40 s
// and 15 GB), so a file is measured before it is parsed and refused beyond
// these bounds, which leave a real rubric ample room.
const (
	// MaxBytes is the largest rubric file accepted.
	MaxBytes = 2 << 20
	// MaxDepth is the deepest nesting of collections accepted.
	MaxDepth = 32
)

// checkLimits refuses, before any parsing, a rubric file that is too big
// or nested too deep. It scans the text once: flow collections ([ ], { })
// outside quotes and comments, and block nesting by indentation and by
// "- " entries that start a line.
func checkLimits(name string, data []byte) error {
	if len(data) > MaxBytes {
		return Errors{Errorf(name, 0, 0, "too big for a rubric: %d bytes (at most %d)", len(data), MaxBytes)}
	}
	flow, line := 0, 1
	var indents []int
	tooDeep := func(depth, col int) error {
		return Errors{Errorf(name, line, col, "nested more than %d levels deep; a rubric needs far fewer", MaxDepth)}
	}
	for _, text := range strings.Split(string(data), "\n") {
		if flow == 0 {
			trimmed := strings.TrimLeft(text, " ")
			if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
				indent := len(text) - len(trimmed)
				for len(indents) > 0 && indents[len(indents)-1] > indent {
					indents = indents[:len(indents)-1]
				}
				if len(indents) == 0 || indents[len(indents)-1] < indent {
					indents = append(indents, indent)
				}
				depth := len(indents)
				for rest := trimmed; strings.HasPrefix(rest, "-") && (len(rest) == 1 || rest[1] == ' '); {
					depth++
					rest = strings.TrimLeft(rest[1:], " ")
				}
				if depth > MaxDepth {
					return tooDeep(depth, indent+1)
				}
			}
		}
		var quote byte
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case quote != 0:
				if c == '\\' && quote == '"' {
					i++
				} else if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
				i = len(text)
			case c == '[' || c == '{':
				flow++
				if flow+len(indents) > MaxDepth {
					return tooDeep(flow, i+1)
				}
			case c == ']' || c == '}':
				if flow > 0 {
					flow--
				}
			}
		}
		line++
	}
	return nil
}
