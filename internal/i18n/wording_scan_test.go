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
// wording (refusals.go, rubricwords.go): the store's refusals (the format
// of each call of a Refusal's constructors, which names no command nor
// flag), the messages of every package made with i18n.Errorf or
// i18n.Phrase, and the problems a rubric file or workbook is refused for
// (the validator's v.add, the workbook reader's r.errorAt, rubric.Errorf),
// so a Chinese user never reads one in English. One scan of the sources
// serves all, so a new message without its wording fails here.
func TestEveryMessageHasChineseWording(t *testing.T) {
	zh := For("zh").Report.Refusals
	// The store's constructors of a Refusal, by where their format is.
	storeRefusals := map[string]int{"invalid": 0, "refusalOf": 1, "subjectRefusal": 2, "fileRefusal": 3}
	// The command line's verbs and flags, which the store's refusals never
	// name: the workbench would show them as they are.
	cliWords := regexp.MustCompile(`kaohe (init|new|list|set|unset|note|import|export|history|sign|reopen|resolve|conflicts|merge|pack|verify|withdraw|whoami|evidence|attach|detach|report|score|where|team)\b|(^|[ (])--[a-z]`)
	fset := token.NewFileSet()
	refusals, messages, problems := 0, 0, 0
	dirs := []string{"../../store", "../../assessment", "../../cmd/kaohe", "../../report", "../../report/rectify", "../../rubric", "../../rubric/sheet", "../../rubric/draft", "../workbook", "../../tui", "../../report/countybook", "../../report/feedbackbook", "../../report/selfbook"}
	for _, dir := range dirs {
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
			inRubric := filepath.Base(dir) == "rubric"
			// check looks up the format at argument i of a call, which
			// must be a literal unless allowed says otherwise.
			check := func(call *ast.CallExpr, i int, what string, literalOnly bool, n *int) {
				if len(call.Args) <= i {
					return
				}
				lit, ok := call.Args[i].(*ast.BasicLit)
				if !ok {
					if literalOnly {
						t.Errorf("%s: %s with a format that is not a literal", fset.Position(call.Pos()), what)
					}
					return
				}
				format, _ := strconv.Unquote(lit.Value)
				*n++
				if format == "%s" || format == "%v" || format == "" {
					return // the argument words itself (or there is no format)
				}
				if zh[format] == "" {
					t.Errorf("%s: %s %q has no Chinese wording in internal/i18n", fset.Position(call.Pos()), what, format)
				}
			}
			ast.Inspect(f, func(node ast.Node) bool {
				call, ok := node.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				switch fn := call.Fun.(type) {
				case *ast.Ident:
					switch {
					case inStore: // the store's refusals: invalid(format, …), refusalOf(code, format, …), …
						at, isRefusal := storeRefusals[fn.Name]
						if !isRefusal || len(call.Args) <= at {
							return true
						}
						lit, ok := call.Args[at].(*ast.BasicLit)
						if !ok {
							return true
						}
						if format, _ := strconv.Unquote(lit.Value); cliWords.MatchString(format) {
							t.Errorf("%s: refusal %q names a command or a flag: the command line and the workbench add their own hint (internal/i18n/hints.go)", fset.Position(call.Pos()), format)
						}
						check(call, at, "refusal", false, &refusals)
					case inRubric && fn.Name == "Errorf": // rubric's Errorf(file, line, col, format, …)
						check(call, 3, "rubric problem", true, &problems)
					}
				case *ast.SelectorExpr:
					x, ok := fn.X.(*ast.Ident)
					if !ok {
						return true
					}
					switch {
					case x.Name == "i18n" && (fn.Sel.Name == "Errorf" || fn.Sel.Name == "Phrase"):
						check(call, 0, "i18n."+fn.Sel.Name, true, &messages)
					case x.Name == "rubric" && fn.Sel.Name == "Errorf":
						check(call, 3, "rubric problem", true, &problems)
					case x.Name == "v" && fn.Sel.Name == "add", x.Name == "r" && fn.Sel.Name == "errorAt":
						// The one call with a format passed on (addErr,
						// a validator's problem placed at a cell) is not
						// a literal; its format was checked where made.
						check(call, 1, "rubric problem", false, &problems)
					}
				}
				return true
			})
		}
	}
	if refusals < 20 || messages < 20 || problems < 50 {
		t.Errorf("found only %d refusals, %d messages and %d rubric problems: is the scan broken?", refusals, messages, problems)
	}
}
