package service_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/service"
)

// xlsxWithRow is a workbook as a spreadsheet program writes it: the
// header, then one row whose date is a real date cell.
func xlsxWithRow(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, c := range service.Columns() {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		_ = f.SetCellValue("Sheet1", cell, c)
	}
	values := []any{46082, "ABC234", "Baca", 10, 4, 6, 1, 7, 2, 0, 1}
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		_ = f.SetCellValue("Sheet1", cell, v)
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	_ = f.SetCellStyle("Sheet1", "A2", "A2", style)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzParseFile: no file, CSV or XLSX, makes the parser panic, return
// more rows than allowed, or rows with unknown columns.
func FuzzParseFile(f *testing.F) {
	head := strings.Join(service.Columns(), ",")
	f.Add([]byte(head + "\n2026-03-01,ABC234,Baca,10,4,6,1,7,2,0,1,0,0,0,0,0,\n"))
	f.Add([]byte(strings.ReplaceAll(head, ",", ";") + "\n02/03/2026;X;\"a;b\";1;1;0;0;1;0;0\n"))
	f.Add([]byte("\uFEFFtanggal\tkode_titik\n"))
	f.Add(xlsxWithRow(f))
	known := map[string]bool{}
	for _, c := range service.Columns() {
		known[c] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := service.ParseFile(data)
		if err != nil {
			return
		}
		if len(rows) == 0 || len(rows) > service.MaxRows {
			t.Fatalf("%d rows", len(rows))
		}
		for _, r := range rows {
			for k := range r.Values {
				if !known[k] {
					t.Fatalf("unknown column %q", k)
				}
			}
			_, _ = r.Values.Check("2026-03-10", nil)
		}
	})
}
