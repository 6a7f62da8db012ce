package opendata

import (
	"net/http"

	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/web/kit"
)

// apiColumn is one entry of a data dictionary in the API.
type apiColumn struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Unit      string `json:"unit"`
	MeaningID string `json:"meaning_id"`
	MeaningEN string `json:"meaning_en"`
}

// apiDataset is a data set in the API: what it is, its dictionary and
// where to download it.
type apiDataset struct {
	Name          string            `json:"name"`
	TitleID       string            `json:"title_id"`
	TitleEN       string            `json:"title_en"`
	DescriptionID string            `json:"description_id"`
	DescriptionEN string            `json:"description_en"`
	License       string            `json:"license"`
	LicenseURL    string            `json:"license_url"`
	Modified      *string           `json:"modified"`
	Columns       []apiColumn       `json:"columns"`
	Downloads     map[string]string `json:"downloads"`
}

// apiDatasets lists the data sets, for the platform or (?organisasi=)
// one organisation, with their dictionaries and download addresses.
func (h *handlers) apiDatasets(w http.ResponseWriter, r *http.Request) {
	slug := r.URL.Query().Get("organisasi")
	var p *od.Publisher
	if slug != "" {
		var err error
		if p, err = h.Data.VisibleBySlug(r.Context(), slug); err != nil {
			kit.APIError(w, http.StatusNotFound, "not_found", i18n.T(h.site.Lang(r), "error.404.title"))
			return
		}
	}
	licence, _ := od.LicenceByID(od.DefaultLicence)
	if p != nil {
		licence, _ = od.LicenceByID(p.Licence)
	} else {
		l, err := h.platformLicence(r.Context())
		if err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		licence = l
	}
	items := make([]apiDataset, 0, len(od.Datasets))
	for _, ds := range od.Datasets {
		st, err := h.Data.Stamp(r.Context(), ds, orgID(p))
		if err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		item := apiDataset{Name: ds.Name, TitleID: ds.Title.ID, TitleEN: ds.Title.EN, DescriptionID: ds.Description.ID,
			DescriptionEN: ds.Description.EN, License: licence.ID, LicenseURL: licence.URL, Downloads: map[string]string{}}
		if !st.Modified.IsZero() {
			m := st.Modified.Format("2006-01-02T15:04:05Z")
			item.Modified = &m
		}
		for _, c := range ds.Columns {
			item.Columns = append(item.Columns, apiColumn{Name: c.Name, Type: string(c.Type), Unit: c.Unit, MeaningID: c.Meaning.ID, MeaningEN: c.Meaning.EN})
		}
		for _, f := range od.Formats {
			item.Downloads[f.Ext] = h.site.BaseURL() + datasetURL(ds, f, p)
		}
		items = append(items, item)
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}
