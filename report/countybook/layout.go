package countybook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SetCell writes a cell of a unit's workbook: its text, when it has one,
// and its style.
func SetCell(f *excelize.File, sheet string, c Cell, style int) error {
	ref := c.Ref()
	if c.Text != "" {
		if err := f.SetCellStr(sheet, ref, c.Text); err != nil {
			return err
		}
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}

// ColumnWidths sets the widths of a sheet's columns from A on.
func ColumnWidths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// PrintA4Landscape lays a unit's workbook out as the office prints it: A4
// landscape, one page wide and as many long as it takes, with the header
// row repeated on every page (header 0: none).
func PrintA4Landscape(f *excelize.File, sheet string, header int) error {
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if header == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), header, header)})
}
