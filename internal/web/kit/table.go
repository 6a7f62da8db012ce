package kit

import (
	"encoding/csv"
	"net/http"

	"lokadaya/internal/report"
)

// WriteTable downloads a table as name.csv or name.xlsx (format "csv" or
// "xlsx"): the first row is the header; in XLSX, whole numbers in columns
// from firstNumber on are numbers, days written 2026-03-04 (or
// 2026-03-04 13:05) are dates, everything else text. CSV cells that a
// spreadsheet would run as formulas are defused.
func WriteTable(site Site, w http.ResponseWriter, r *http.Request, format, name, sheet string, table [][]string, firstNumber int) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Disposition", `attachment; filename="`+name+`.`+format+`"`)
	if format == "csv" {
		hd.Set("Content-Type", "text/csv; charset=utf-8")
		cw := csv.NewWriter(w)
		for _, row := range table {
			for i := range row {
				row[i] = report.SafeCell(row[i])
			}
			_ = cw.Write(row)
		}
		cw.Flush()
		return
	}
	cells := make([][]report.Cell, len(table))
	for i, row := range table {
		for j, v := range row {
			if i == 0 {
				cells[i] = append(cells[i], report.TextCell(v))
			} else {
				cells[i] = append(cells[i], report.AutoCell(v, j >= firstNumber))
			}
		}
	}
	hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	if err := report.WriteTableXLSX(w, sheet, cells); err != nil {
		site.Log(r, err)
	}
}
