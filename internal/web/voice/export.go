package voice

import (
	"net/http"

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
	h.writeTable(w, r, format, "catatan-layanan-"+ws.Initiative.Slug, h.t(r, "voice.sheet.records"), table, 3)
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
	h.writeTable(w, r, format, "jangkauan-"+i.Slug, h.t(r, "voice.sheet.reach"), table, 1)
}

// writeTable downloads a table (kit.WriteTable).
func (h *handlers) writeTable(w http.ResponseWriter, r *http.Request, format, name, sheet string, table [][]string, firstNumber int) {
	kit.WriteTable(h.site, w, r, format, name, sheet, table, firstNumber)
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
