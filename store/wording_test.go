package store

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kaohe/kaohe/internal/i18n"
)

// Every refusal the store words in English (each invalid call's format)
// has its Chinese wording, so a Chinese user never reads it in English.
func TestEveryRefusalHasChineseWording(t *testing.T) {
	zh := i18n.For("zh").Report.Refusals
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "invalid" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			n++
			if format != "%s" && zh[format] == "" {
				t.Errorf("%s: refusal %q has no Chinese wording in internal/i18n/refusals.go", fset.Position(call.Pos()), format)
			}
			return true
		})
	}
	if n < 20 {
		t.Errorf("found only %d refusals: is the scan broken?", n)
	}
	for _, sentinel := range []error{ErrSigned, ErrNoInspector, ErrNoBlob, errUnreadableRecord} {
		if zh[sentinel.Error()] == "" {
			t.Errorf("%q has no Chinese wording", sentinel)
		}
	}
}

// Wording gives back a refusal's format and arguments, and nothing for
// errors it did not make.
func TestWordingKeepsFormatAndArguments(t *testing.T) {
	err := invalid("%s is not signed", "吉首市/2021")
	format, args, ok := Wording(err)
	if !ok || format != "%s is not signed" || len(args) != 1 || args[0] != "吉首市/2021" || err.Error() != "吉首市/2021 is not signed" {
		t.Errorf("Wording = %q %v %v", format, args, ok)
	}
	if _, _, ok := Wording(fmt.Errorf("wrapped: %w", err)); ok {
		t.Error("Wording looked through a wrapper")
	}
	if _, _, ok := Wording(errors.New("other")); ok {
		t.Error("Wording of an error the store did not make")
	}
}
