package store

import (
	"strings"
	"testing"
)

// The column count the INSERTs bind is the table's, and a packed row
// carries every column but the assessment.
func TestRevisionColumnsAreOneTable(t *testing.T) {
	if n := len(revisionFields()); n != revisionColumnCount {
		t.Fatalf("%d revision columns, revisionColumnCount says %d", n, revisionColumnCount)
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
