package voice

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"lokadaya/internal/report"
	"lokadaya/internal/service"
	"lokadaya/internal/web/kit"
)

// exportRoutes registers the downloads of records and reach.
func (h *handlers) exportRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/ekspor/{file}", h.recordsExport)
	mux.HandleFunc("GET /inisiatif/{slug}/jangkauan.csv", h.reachExport)
	mux.HandleFunc("GET /inisiatif/{slug}/jangkauan.xlsx", h.reachExport)
}

// recordsExport downloads the initiative's records of ?from=&to= for its
// readers (catatan.csv or catatan.xlsx): no notes, no names, the columns
// of the import template.
func (h *handlers) recordsExport(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	format := map[string]string{"catatan.csv": "csv", "catatan.xlsx": "xlsx"}[r.PathValue("file")]
	period, errs := parsePeriod(r)
	if format == "" || len(errs) > 0 {
		h.site.NotFound(w, r)
		return
	}
	table, err := h.Service.RecordsTable(r.Context(), ws.Initiative.ID, period)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.writeTable(w, r, format, "catatan-layanan-"+ws.Initiative.Slug, "Catatan layanan", table, 3)
}

// reachExport downloads the initiative's public reach of ?from=&to= per
// month with the total.
func (h *handlers) reachExport(w http.ResponseWriter, r *http.Request) {
	i, _, ok := h.openPublicInitiative(w, r)
	if !ok {
		return
	}
	period, errs := parsePeriod(r)
	if len(errs) > 0 {
		h.site.NotFound(w, r)
		return
	}
	table, err := h.Service.ReachTable(r.Context(), i.ID, period)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	format := "csv"
	if r.URL.Path[len(r.URL.Path)-4:] == "xlsx" {
		format = "xlsx"
	}
	h.writeTable(w, r, format, "jangkauan-"+i.Slug, "Jangkauan", table, 1)
}

// writeTable sends a table as a CSV or XLSX download named name; in the
// spreadsheet the columns from firstNumber on are numbers.
func (h *handlers) writeTable(w http.ResponseWriter, r *http.Request, format, name, sheet string, table [][]string, firstNumber int) {
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
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && i > 0 && j >= firstNumber {
				cells[i] = append(cells[i], report.NumberCell(n))
			} else {
				cells[i] = append(cells[i], report.TextCell(v))
			}
		}
	}
	hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	if err := report.WriteTableXLSX(w, sheet, cells); err != nil {
		h.site.Log(r, err)
	}
}

// exportQuery is the period of a page as the query of its downloads.
func exportQuery(p service.Period) string {
	q := ""
	if p.From != "" {
		q += "&from=" + p.From
	}
	if p.To != "" {
		q += "&to=" + p.To
	}
	if q == "" {
		return ""
	}
	return "?" + q[1:]
}
