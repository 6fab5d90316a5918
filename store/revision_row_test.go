package store

import (
	"strings"
	"testing"
)

// The column count the INSERTs bind is the table's, and a packed row
// carries every column but the assessment.
func TestRevisionColumnsAreOneTable(t *testing.T) {
	fields := revisionFields()
	seen := map[string]bool{}
	for _, f := range fields {
		if f.col == "" || seen[f.col] || f.get == nil || f.set == nil {
			t.Fatalf("column %q is missing, twice, or without its getter and setter", f.col)
		}
		seen[f.col] = true
	}
	if got := strings.Count(revisionPlaceholders(), "?"); got != revisionColumnCount {
		t.Errorf("%d placeholders", got)
	}
	packed := packedRevisionColumns()
	for _, f := range revisionFields() {
		if strings.Contains(packed, "r."+f.col+")") == !f.packed {
			t.Errorf("column %s packed = %v, want %v", f.col, !f.packed, f.packed)
		}
	}
}
