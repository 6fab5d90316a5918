package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// Every problem the validator finds in the rule language (validate_language.go)
// has its Chinese wording, with as many arguments as the English.
func TestRuleLanguageProblemsHaveChineseWording(t *testing.T) {
	zh := For("zh").Report.Refusals
	f, err := parser.ParseFile(token.NewFileSet(), "../../rubric/validate_language.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok || len(call.Args) < 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "add" {
			return true
		}
		lit, ok := call.Args[1].(*ast.BasicLit)
		if !ok {
			t.Errorf("v.add with a format that is not a literal")
			return true
		}
		format, _ := strconv.Unquote(lit.Value)
		n++
		if zh[format] == "" && chineseRuleLanguageWords()[format] == "" && !seedFormat(format) {
			t.Errorf("%q has no Chinese wording", format)
		}
		if w := zh[format]; w != "" && verbs(w) != verbs(format) {
			t.Errorf("%q: the Chinese %q takes %d arguments, the English %d", format, w, verbs(w), verbs(format))
		}
		return true
	})
	if n < 30 {
		t.Errorf("found only %d problems; is the scan reading the right file?", n)
	}
}

// seedFormat reports the validator's formats the rule language reuses from
// the seed's kinds, whose wordings live with theirs.
func seedFormat(f string) bool {
	switch f {
	case "%s rule %s is missing %s", "%s is not used by %s rules (rule %s)",
		"rule %s %s must not be negative, got %s", "%s must have at most 2 decimal places, got %s":
		return true
	}
	return false
}

// verbs counts the fmt verbs of a format.
func verbs(f string) int {
	n := 0
	for i := 0; i < len(f)-1; i++ {
		if f[i] == '%' {
			if f[i+1] == '%' {
				i++
				continue
			}
			n++
		}
	}
	return n
}
