package opendata

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// apiPublisher is the organisation publishing a dataset.
type apiPublisher struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// apiPublishedDataset is a dataset an organisation published, in the API.
type apiPublishedDataset struct {
	ID          int64          `json:"id"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	URL         string         `json:"url"`
	Publisher   apiPublisher   `json:"publisher"`
	RegionCode  string         `json:"region_code"`
	License     string         `json:"license"`
	LicenseURL  string         `json:"license_url"`
	Keywords    []string       `json:"keywords"`
	From        *string        `json:"temporal_from"`
	To          *string        `json:"temporal_to"`
	Source      string         `json:"source"`
	Format      string         `json:"format"`
	DownloadURL *string        `json:"download_url"`
	Rows        *int64         `json:"rows"`
	PublishedAt string         `json:"published_at"`
	Columns     []apiDictEntry `json:"columns,omitempty"`
}

// apiDictEntry is one column of a published dataset's dictionary.
type apiDictEntry struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Meaning string `json:"meaning"`
	Unit    string `json:"unit"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (h *handlers) toAPIDataset(d *dataset.Dataset) apiPublishedDataset {
	l := d.LicenceInfo()
	a := apiPublishedDataset{ID: d.ID, Title: d.Title, Description: d.Description, URL: h.site.BaseURL() + d.Path(),
		Publisher: apiPublisher{ID: d.OrgID, Slug: d.OrgSlug, Name: d.OrgName}, RegionCode: d.RegionCode,
		License: l.ID, LicenseURL: l.URL, Keywords: d.Keywords, From: optional(d.From), To: optional(d.To),
		Source: d.Source, Format: d.Format}
	if a.Keywords == nil {
		a.Keywords = []string{}
	}
	if d.IsFile() {
		u, n := h.site.BaseURL()+d.DownloadPath(), d.Rows
		a.DownloadURL, a.Rows = &u, &n
	} else {
		a.DownloadURL = &d.LinkURL
	}
	if d.PublishedAt != nil {
		a.PublishedAt = d.PublishedAt.UTC().Format("2006-01-02T15:04:05Z")
	}
	for _, c := range d.Columns {
		a.Columns = append(a.Columns, apiDictEntry{Name: c.Name, Type: string(c.Type), Meaning: c.Meaning, Unit: c.Unit})
	}
	return a
}

// apiPublished is GET /api/v1/datasets/published?region=&cursor=: the
// datasets organisations published, of a region and those below it,
// newest first, paged.
func (h *handlers) apiPublished(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code := q.Get("region")
	if code != "" {
		c, ok := region.ParseCode(code)
		if !ok {
			kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.region_code"))
			return
		}
		code = c
	}
	list, next, err := h.Datasets.Published(r.Context(), dataset.Filter{Region: code, Cursor: q.Get("cursor")})
	if errors.Is(err, dataset.ErrBadCursor) {
		kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.cursor"))
		return
	}
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	items := make([]apiPublishedDataset, 0, len(list))
	for _, d := range list {
		items = append(items, h.toAPIDataset(d))
	}
	kit.JSONPage(w, items, next)
}

// apiPublishedOne is GET /api/v1/datasets/{id}: one published dataset
// with its dictionary.
func (h *handlers) apiPublishedOne(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "dataset.err.not_found"))
		return
	}
	d, err := h.Datasets.GetPublic(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "dataset.err.not_found"))
		return
	}
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	item := h.toAPIDataset(d)
	if item.Columns == nil {
		item.Columns = []apiDictEntry{}
	}
	kit.JSON(w, http.StatusOK, item)
}
