package report_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/report"
)

// TestXLSXCellTypes reads a table back with a spreadsheet library: whole
// numbers are numbers shown with thousands separators, dates are dates
// shown as 2026-03-04 (with the time when they have one), and texts that
// only look like numbers (a phone number) stay texts.
func TestXLSXCellTypes(t *testing.T) {
	at := time.Date(2026, 3, 4, 13, 5, 0, 0, time.FixedZone("WIB", 7*3600))
	table := [][]report.Cell{
		{report.TextCell("jumlah"), report.TextCell("tanggal"), report.TextCell("waktu"), report.TextCell("teks"),
			report.TextCell("hp"), report.TextCell("auto")},
		{report.NumberCell(1_250_000), report.DateCell(at), report.DateTimeCell(at), report.AutoCell("2026-03-04", false),
			report.AutoCell("0812", false), report.AutoCell("-75", true)},
		{report.AutoCell("2026-02-30", false), report.AutoCell("2026-03-04 13:05", false), report.AutoCell("4 Maret 2026", false)},
	}
	var buf bytes.Buffer
	if err := report.WriteTableXLSX(&buf, "Tabel", table); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct {
		cell, shown, raw string
		typ              excelize.CellType
	}{
		{"A2", "1,250,000", "1250000", excelize.CellTypeUnset},
		{"B2", "2026-03-04", "46085", excelize.CellTypeUnset},
		{"C2", "2026-03-04 13:05", "46085.5451388889", excelize.CellTypeUnset},
		{"D2", "2026-03-04", "46085", excelize.CellTypeUnset},
		{"E2", "0812", "0812", excelize.CellTypeInlineString},
		{"F2", "-75", "-75", excelize.CellTypeUnset},
		{"A3", "2026-02-30", "2026-02-30", excelize.CellTypeInlineString},
		{"B3", "2026-03-04 13:05", "46085.5451388889", excelize.CellTypeUnset},
		{"C3", "4 Maret 2026", "4 Maret 2026", excelize.CellTypeInlineString},
	} {
		shown, err := f.GetCellValue("Tabel", c.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("Tabel", c.cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType("Tabel", c.cell)
		if shown != c.shown || raw != c.raw || typ != c.typ {
			t.Errorf("%s: shown %q raw %q type %v, want %q %q %v", c.cell, shown, raw, typ, c.shown, c.raw, c.typ)
		}
	}
	// The dates are real dates to the library too.
	rows, err := f.GetRows("Tabel", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	when, err := excelize.ExcelDateToTime(46085.54513888889, false)
	if err != nil || len(rows) != 3 || when.Format("2006-01-02 15:04") != "2026-03-04 13:05" {
		t.Errorf("date serial reads as %v (%v)", when, err)
	}
}
