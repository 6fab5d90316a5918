package rectify

import (
	"testing"

	"github.com/kaohe/kaohe/internal/lockedbook"
	"github.com/kaohe/kaohe/store/seed"
)

// The 问题清单 is sealed as every workbook a unit returns is: the shared
// reader opens it, finds its fields and checks each office cell.
func TestProblemBookIsALockedBook(t *testing.T) {
	s, id := seed.Store(t)
	signed(t, s, id, "吉首市")
	path := export(t, s, "吉首市")
	b, err := lockedbook.Open(path, MaxBookBytes, bookKind, bookVersion, "问题清单", "period", "unit", "lang", "sheet", "rows")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Meta.Field("unit") != "吉首市" || b.Meta.Sheet() != "问题清单" || len(b.Meta.Refs) == 0 {
		t.Errorf("meta %+v", b.Meta)
	}
}
