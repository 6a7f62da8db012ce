package learning

import (
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/web/kit"
)

// commitmentExport downloads the organisation's commitments
// (janji.csv or janji.xlsx): the published ones for everyone, all of them
// for its people.
func (h *handlers) commitmentExport(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	format := commitmentFileFormat(r)
	list, err := h.Commitments.List(r.Context(), a.Org.ID, !a.CanRead())
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	table := [][]string{{"id", "who", "position", "office", "kind", "level", "what", "made_on", "event", "place", "due",
		"status", "follow_ups", "last_follow_up", "region_code", "evidence", "evidence_url", "published"}}
	for _, c := range list {
		last := ""
		if n := len(c.FollowUps); n > 0 {
			last = c.FollowUps[n-1].DoneOn
		}
		table = append(table, []string{strconv.FormatInt(c.ID, 10), c.Who, c.Position, c.Office, c.Kind, c.Level, c.What,
			c.MadeOn, c.Event, c.Place, c.DueOn, c.Status, strconv.Itoa(len(c.FollowUps)), last, c.RegionCode,
			c.Evidence, c.EvidenceURL, strconv.FormatBool(c.Published)})
	}
	h.commitmentSendTable(w, r, format, "janji-"+a.Org.Slug, "Janji", table)
}

// commitmentFileFormat is the format a download's path ends with: "csv" or "xlsx".
func commitmentFileFormat(r *http.Request) string {
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		return "xlsx"
	}
	return "csv"
}

// commitmentSendTable sends a table as a CSV or XLSX download through the kit's
// writer, kept out of shared caches (the register is personal data).
func (h *handlers) commitmentSendTable(w http.ResponseWriter, r *http.Request, format, name, sheet string, table [][]string) {
	w.Header().Set("Cache-Control", "private, no-store")
	kit.WriteTable(h.site, w, r, format, name, sheet, table, len(table[0]))
}
