package sheet

import (
	"strings"
	"testing"

	"github.com/kaohe/kaohe/rubric"
)

// A rubric whose grades, bands, ranges or penalty categories the workbook
// cannot hold yet is refused, naming each, instead of written without them.
func TestWriteRefusesWhatTheWorkbookCannotHold(t *testing.T) {
	rb, err := rubric.LoadFile("../testdata/language.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(rb)
	if err == nil || data != nil {
		t.Fatalf("wrote %d bytes of a workbook without the rubric's bands", len(data))
	}
	for _, want := range []string{"grades", "1.1.a bands", "1.4.a range", "1.3.a limit", "category 4 penalty"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not name %q", err, want)
		}
	}
	if _, err := Write(rubric.Default()); err != nil {
		t.Errorf("the seed is refused: %v", err)
	}
}
