package rubric

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/kaohe/kaohe/internal/decimal"
	"github.com/kaohe/kaohe/internal/i18n"
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
//
// Message is the English wording; Format and Args, when set, are what it
// was made from, kept so that In words it in the reader's language.
type Error struct {
	File    string
	Line    int
	Column  int
	Cell    string
	Message string
	Format  string
	Args    []any
}

// Errorf makes an Error at a file's line and column (0 for the file as a
// whole) from an English fmt format, kept for wording.
func Errorf(file string, line, col int, format string, args ...any) Error {
	return Error{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Error formats the problem as file:line:col: message, or file:cell: message.
func (e Error) Error() string { return e.at() + e.Message }

// In formats the problem as Error does, the message in l's language; the
// position is the same in every language.
func (e Error) In(l *i18n.Labels) string {
	if e.Format == "" {
		return e.Error()
	}
	return e.at() + i18n.Word(l, e.Format, e.Args...)
}

// at is the position and its separator: file:line:col: or file:cell: .
func (e Error) at() string {
	if e.Cell != "" {
		return fmt.Sprintf("%s:%s: ", e.File, e.Cell)
	}
	if e.Line <= 0 {
		return fmt.Sprintf("%s: ", e.File)
	}
	return fmt.Sprintf("%s:%d:%d: ", e.File, e.Line, e.Column)
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

// In joins the problems one per line, each in l's language.
func (es Errors) In(l *i18n.Labels) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.In(l)
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
		return nil, cannotRead(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.Errorf("%s: not a regular file; a rubric is %s", path, format)
	}
	if st.Size() > MaxBytes {
		return nil, Errors{Errorf(path, 0, 0, "too big for a rubric: %d bytes (at most %d)", st.Size(), MaxBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, cannotRead(path, err)
	}
	return data, nil
}

// cannotRead says a rubric file cannot be read, and why in the system's
// words (no such file or directory), which are worded as a reason where
// the language has them.
func cannotRead(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return i18n.Errorf("%s: cannot read rubric: %s", path, err.Error())
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
		return nil, Errors{Errorf(name, 1, 1, "expected exactly one YAML document holding a rubric")}
	}
	if _, ok := file.Docs[0].Body.(*ast.MappingNode); !ok {
		tk := file.Docs[0].Body.GetToken()
		return nil, Errors{Errorf(name, tk.Position.Line, tk.Position.Column, "a rubric file must be a mapping with id, version and categories")}
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
		out = append(out, Error{File: name, Line: line, Column: col, Message: p.Message, Format: p.Format, Args: p.Args})
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
				// Quoted here, so that a key that is also a word kaohe
				// words ("title" where no title belongs) stays the key.
				errs = append(errs, Errorf(name, tk.Position.Line, tk.Position.Column, "unknown field %s", strconv.Quote(key)))
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
		return Errorf(name, tk.Position.Line, tk.Position.Column, "%s", YAMLMessage(cleanYAMLMessage(ye.GetMessage())))
	}
	return Errorf(name, 0, 0, "%s", YAMLMessage(err.Error()))
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
	var bad Error
	switch n := mv.Value.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		if _, err := decimal.Parse(tk.Value); err != nil {
			bad = numberError(nv.name, tk, FieldWord(mv.Key.String()), err)
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
		bad = Errorf(nv.name, tk.Position.Line, tk.Position.Column, "%s must be a number, got %q", FieldWord(mv.Key.String()), tk.Value)
	}
	if bad.Message != "" {
		nv.errs = append(nv.errs, bad)
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

// numberError is the problem of a number the decimal parser refuses, one
// format for each of its faults.
func numberError(name string, tk *token.Token, key Word, err error) Error {
	line, col := tk.Position.Line, tk.Position.Column
	var pe *decimal.ParseError
	if errors.As(err, &pe) {
		switch pe.Fault {
		case decimal.TooLarge:
			return Errorf(name, line, col, "%s: %q is too large (at most %s)", key, pe.Text, decimal.Max)
		case decimal.TooPrecise:
			return Errorf(name, line, col, "%s: %q has more than %d decimal places", key, pe.Text, decimal.FracDigits)
		default:
			return Errorf(name, line, col, "%s: %q is not a decimal number", key, pe.Text)
		}
	}
	return Errorf(name, line, col, "%s: %v", key, err)
}
