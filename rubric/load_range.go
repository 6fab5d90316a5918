package rubric

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/kaohe/kaohe/internal/decimal"
)

// rangeValue checks a range: [lo, hi] before decoding: a flow or block
// list of exactly two plain decimals. Anything else is reported at its
// position and an empty list stands in for it, so the rest of the file is
// still checked.
func (nv *numberVisitor) rangeValue(mv *ast.MappingValueNode) {
	seq, ok := mv.Value.(*ast.SequenceNode)
	if !ok || len(seq.Values) != 2 {
		tk := mv.Value.GetToken()
		nv.errs = append(nv.errs, Error{File: nv.name, Line: tk.Position.Line, Column: tk.Position.Column,
			Message: fmt.Sprintf("range must be a list of two numbers [lowest, highest], got %q", mv.Value.String())})
		pos := *tk.Position
		mv.Value = ast.Sequence(token.New("[", "[", &pos), true)
		return
	}
	for i, el := range seq.Values {
		tk := el.GetToken()
		bad := ""
		switch n := el.(type) {
		case *ast.IntegerNode, *ast.FloatNode:
			if _, err := decimal.Parse(tk.Value); err != nil {
				bad = fmt.Sprintf("range: %v", err)
			}
			alone := *tk
			alone.Prev, alone.Next = nil, nil
			if in, ok := n.(*ast.IntegerNode); ok {
				in.Token = &alone
			} else {
				n.(*ast.FloatNode).Token = &alone
			}
		default:
			bad = fmt.Sprintf("range must be a list of two numbers [lowest, highest], got %q", tk.Value)
		}
		if bad != "" {
			nv.errs = append(nv.errs, Error{File: nv.name, Line: tk.Position.Line, Column: tk.Position.Column, Message: bad})
			pos := *tk.Position
			seq.Values[i] = ast.Integer(token.New("0", "0", &pos))
		}
	}
}
