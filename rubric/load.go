package rubric

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/kaohe/kaohe/internal/decimal"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultFileName is the name the embedded rubric reports errors under.
const DefaultFileName = "rubric/default.yaml"

// DefaultSource returns the bytes of the embedded seed rubric.
func DefaultSource() []byte { return append([]byte(nil), defaultYAML...) }

// Default parses and returns the embedded seed rubric. The tests guarantee it
// is valid, so an error here means a broken build and it panics.
func Default() *Rubric {
	rb, err := Parse(DefaultFileName, defaultYAML)
	if err != nil {
		panic(fmt.Sprintf("embedded rubric is invalid: %v", err))
	}
	return rb
}

// Error is one problem in a rubric file, at a position: a line and column in
// a YAML file, a cell (规则!E12) in a workbook.
type Error struct {
	File    string
	Line    int
	Column  int
	Cell    string
	Message string
}

// Error formats the problem as file:line:col: message, or file:cell: message.
func (e Error) Error() string {
	if e.Cell != "" {
		return fmt.Sprintf("%s:%s: %s", e.File, e.Cell, e.Message)
	}
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

// Errors is every problem found in one rubric file, in file order.
type Errors []Error

// Error joins the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and validates the rubric file at path.
// A file larger than MaxBytes, or that is not a regular file (a named pipe
// would be waited on), is refused without being read.
func LoadFile(path string) (*Rubric, error) {
	data, err := ReadFile(path, "a YAML file")
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// ReadFile reads a rubric file of any format, refusing without reading it
// a file that is not a regular file (a named pipe would be waited on) or is
// larger than MaxBytes. format names what a rubric file is in the refusal
// ("a YAML file", "an Excel workbook (.xlsx)").
func ReadFile(path, format string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read rubric: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file; a rubric is %s", path, format)
	}
	if st.Size() > MaxBytes {
		return nil, Errors{{File: path, Message: fmt.Sprintf("too big for a rubric: %d bytes (at most %d)", st.Size(), MaxBytes)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read rubric: %w", path, err)
	}
	return data, nil
}

// Parse decodes and validates a rubric file's bytes; name is used in error
// positions. The error, when not nil, is an Errors listing every problem.
//
// A file larger than MaxBytes, nested deeper than MaxDepth, or not valid
// UTF-8 is refused before it is parsed.
func Parse(name string, data []byte) (*Rubric, error) {
	// Windows Notepad starts UTF-8 files with a byte-order mark.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkLimits(name, data); err != nil {
		return nil, err
	}
	if err := checkUTF8(name, data); err != nil {
		return nil, err
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		return nil, Errors{{File: name, Line: 1, Column: 1, Message: "expected exactly one YAML document holding a rubric"}}
	}
	if _, ok := file.Docs[0].Body.(*ast.MappingNode); !ok {
		tk := file.Docs[0].Body.GetToken()
		return nil, Errors{{File: name, Line: tk.Position.Line, Column: tk.Position.Column, Message: "a rubric file must be a mapping with id, version and categories"}}
	}
	// Shape problems (unknown fields, text where a number belongs) are
	// collected first, then the rest is decoded and validated anyway, so an
	// author sees every error in one run.
	body := file.Docs[0].Body
	shape := checkNumbers(name, file)
	shape = append(shape, checkKeys(name, body, reflect.TypeOf(Rubric{}))...)
	var rb Rubric
	if err := yaml.NodeToValue(body, &rb); err != nil {
		out := append(shape, yamlError(name, err))
		sortErrors(out)
		return nil, out
	}
	taken := map[[2]int]bool{}
	for _, e := range shape {
		taken[[2]int{e.Line, e.Column}] = true
	}
	out := shape
	for _, p := range append(Check(&rb), CheckForm(&rb)...) {
		line, col := position(file, p.Path)
		if taken[[2]int{line, col}] {
			continue // already reported by the shape check at this spot
		}
		out = append(out, Error{File: name, Line: line, Column: col, Message: p.Message})
	}
	if len(out) == 0 {
		return &rb, nil
	}
	sortErrors(out)
	return nil, out
}

func sortErrors(out Errors) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
}

// checkKeys reports mapping keys the rubric format does not have, walking
// the YAML alongside the Go types (their yaml tags are the format).
func checkKeys(name string, node ast.Node, t reflect.Type) Errors {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var errs Errors
	switch n := node.(type) {
	case *ast.MappingNode:
		if t.Kind() != reflect.Struct {
			return nil
		}
		for _, mv := range n.Values {
			key := mv.Key.String()
			f, ok := fieldByTag(t, key)
			if !ok {
				tk := mv.Key.GetToken()
				errs = append(errs, Error{File: name, Line: tk.Position.Line, Column: tk.Position.Column,
					Message: fmt.Sprintf("unknown field %q", key)})
				continue
			}
			errs = append(errs, checkKeys(name, mv.Value, f.Type)...)
		}
	case *ast.SequenceNode:
		if t.Kind() != reflect.Slice {
			return nil
		}
		for _, v := range n.Values {
			errs = append(errs, checkKeys(name, v, t.Elem())...)
		}
	}
	return errs
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// yamlError turns a goccy/go-yaml error into a positioned Error.
func yamlError(name string, err error) Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		tk := ye.GetToken()
		return Error{File: name, Line: tk.Position.Line, Column: tk.Position.Column, Message: cleanYAMLMessage(ye.GetMessage())}
	}
	return Error{File: name, Message: err.Error()}
}

// cleanYAMLMessage drops the "[line:col] " prefix some messages repeat.
func cleanYAMLMessage(msg string) string {
	if strings.HasPrefix(msg, "[") {
		if i := strings.Index(msg, "] "); i > 0 {
			return msg[i+2:]
		}
	}
	return msg
}

// position finds the line and column of the node at a YAML path such as
// $.categories[0].indicators[2].rules[1].amount, walking up to the nearest
// existing ancestor when the node itself is missing.
func position(file *ast.File, path string) (int, int) {
	for p := path; p != ""; p = ParentPath(p) {
		yp, err := yaml.PathString(p)
		if err != nil {
			continue
		}
		node, err := yp.FilterFile(file)
		if err != nil || node == nil {
			continue
		}
		// For a mapping, point at its first key rather than its colon.
		if m, ok := node.(*ast.MappingNode); ok && len(m.Values) > 0 {
			node = m.Values[0].Key
		}
		tk := node.GetToken()
		if tk == nil {
			continue
		}
		return tk.Position.Line, tk.Position.Column
	}
	return 1, 1
}

// ParentPath returns the path of the field holding the one at p
// ($.categories[0].points → $.categories[0]), "" above the root.
func ParentPath(p string) string {
	if p == "$" {
		return ""
	}
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return "$"
	}
	return p[:i]
}

// isNumberKey reports whether a mapping key's value must be a decimal number.
func isNumberKey(k string) bool {
	switch k {
	case "points", "cap", "amount", "target", "step", "full", "max_value", "min", "limit", "from", "to":
		return true
	}
	return false
}

// numberVisitor collects a positioned error for every number-valued key
// whose value is not a plain decimal, before decoding (the decoder would
// report them without a position).
type numberVisitor struct {
	name string
	errs Errors
}

func (nv *numberVisitor) Visit(node ast.Node) ast.Visitor {
	mv, ok := node.(*ast.MappingValueNode)
	if ok && mv.Key != nil && mv.Value != nil && mv.Key.String() == "range" {
		nv.rangeValue(mv)
		return nv
	}
	if !ok || mv.Key == nil || mv.Value == nil || !isNumberKey(mv.Key.String()) {
		return nv
	}
	tk := mv.Value.GetToken()
	bad := ""
	switch n := mv.Value.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		if _, err := decimal.Parse(tk.Value); err != nil {
			bad = fmt.Sprintf("%s: %v", mv.Key.String(), err)
		}
		// The decoder hands a decimal its text by formatting the node,
		// which first walks every token of the file linked to the node's
		// own: a rubric with thousands of numbers took seconds per
		// thousand. A copy of the token linked to nothing formats alone.
		alone := *tk
		alone.Prev, alone.Next = nil, nil
		if i, ok := n.(*ast.IntegerNode); ok {
			i.Token = &alone
		} else {
			n.(*ast.FloatNode).Token = &alone
		}
	default:
		bad = fmt.Sprintf("%s must be a number, got %q", mv.Key.String(), tk.Value)
	}
	if bad != "" {
		nv.errs = append(nv.errs, Error{File: nv.name, Line: tk.Position.Line, Column: tk.Position.Column, Message: bad})
		// Stand a 0 in for it, so the rest of the file can still be checked.
		pos := *tk.Position
		mv.Value = ast.Integer(token.New("0", "0", &pos))
	}
	return nv
}

func checkNumbers(name string, file *ast.File) Errors {
	nv := &numberVisitor{name: name}
	for _, doc := range file.Docs {
		ast.Walk(nv, doc)
	}
	return nv.errs
}
