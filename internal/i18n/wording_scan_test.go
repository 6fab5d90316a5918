package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Every message kaohe makes in English for later wording has its Chinese
// wording in refusals.go: the store's refusals (the format of each call
// of a Refusal's constructors, which names no command nor flag) and the
// messages of every package made with i18n.Errorf, so a Chinese user never
// reads one in English. One scan of the sources serves both, so a new
// message without its wording fails here.
func TestEveryMessageHasChineseWording(t *testing.T) {
	zh := For("zh").Report.Refusals
	// The store's constructors of a Refusal, by where their format is.
	storeRefusals := map[string]int{"invalid": 0, "refusalOf": 1, "subjectRefusal": 2, "fileRefusal": 3}
	// The command line's verbs and flags, which the store's refusals never
	// name: the workbench would show them as they are.
	cliWords := regexp.MustCompile(`kaohe (init|new|list|set|unset|note|import|export|history|sign|reopen|resolve|conflicts|merge|pack|verify|withdraw|whoami|evidence|attach|detach|report|score|where|team)\b|(^|[ (])--[a-z]`)
	fset := token.NewFileSet()
	refusals, messages := 0, 0
	for _, dir := range []string{"../../store", "../../cmd/kaohe", "../../report", "../../rubric", "../../tui"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			inStore := filepath.Base(dir) == "store"
			ast.Inspect(f, func(node ast.Node) bool {
				call, ok := node.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				switch fn := call.Fun.(type) {
				case *ast.Ident: // the store's refusals: invalid(format, …), refusalOf(code, format, …), …
					at, isRefusal := storeRefusals[fn.Name]
					if !inStore || !isRefusal || len(call.Args) <= at {
						return true
					}
					lit, ok := call.Args[at].(*ast.BasicLit)
					if !ok {
						return true
					}
					format, _ := strconv.Unquote(lit.Value)
					refusals++
					if cliWords.MatchString(format) {
						t.Errorf("%s: refusal %q names a command or a flag: the command line and the workbench add their own hint (internal/i18n/hints.go)", fset.Position(call.Pos()), format)
					}
					if format != "%s" && format != "" && zh[format] == "" {
						t.Errorf("%s: refusal %q has no Chinese wording in internal/i18n/refusals.go", fset.Position(call.Pos()), format)
					}
				case *ast.SelectorExpr: // i18n.Errorf(format, …)
					if x, ok := fn.X.(*ast.Ident); !ok || x.Name != "i18n" || fn.Sel.Name != "Errorf" {
						return true
					}
					lit, ok := call.Args[0].(*ast.BasicLit)
					if !ok {
						t.Errorf("%s: i18n.Errorf with a format that is not a literal", fset.Position(call.Pos()))
						return true
					}
					format, _ := strconv.Unquote(lit.Value)
					messages++
					if zh[format] == "" {
						t.Errorf("%s: %q has no Chinese wording in internal/i18n/refusals.go", fset.Position(call.Pos()), format)
					}
				}
				return true
			})
		}
	}
	if refusals < 20 || messages < 20 {
		t.Errorf("found only %d refusals and %d messages: is the scan broken?", refusals, messages)
	}
}
