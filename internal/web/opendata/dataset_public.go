package opendata

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// Citer names a subject that cites datasets — its title and its page on
// the site — for a dataset's "cited by"; ok false when it is gone or not
// public. The web package supplies one per subject kind.
type Citer func(ctx context.Context, id int64) (title, path string, ok bool)

// t translates a message in the request's language.
func (h *handlers) t(r *http.Request, key string, args ...any) string {
	return i18n.T(h.site.Lang(r), key, args...)
}

// datasetPage feeds opendata_dataset.html.
type datasetPage struct {
	D       *dataset.Dataset
	Licence od.Licence
	Region  string
	Zone    *time.Location
	// URL is the dataset's full, citable address.
	URL string
	// HowToCite is the citation to copy.
	HowToCite string
	CitedBy   []citedBy
	// Manage: the caller may edit it (a link to the form); Preview: it is
	// not public and shown to a member only.
	Manage, Preview bool
}

type citedBy struct {
	Kind, Title, Path string
}

// loadVisible loads the {id} dataset for the caller: a published one for
// anyone, another only for those who read its organisation's work. ok
// false has been answered (404).
func (h *handlers) loadVisible(w http.ResponseWriter, r *http.Request) (*dataset.Dataset, *kit.Access, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	d, err := h.Datasets.Get(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	o, err := h.Orgs.ByID(r.Context(), d.OrgID)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	a, err := h.site.AccessTo(r, o)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, nil, false
	}
	if (!d.Published() || a.Hidden()) && !a.CanRead() {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return d, a, true
}

// datasetShow is a dataset's public page: what it is, its licence,
// publisher, coverage and dictionary, the download or link, how to cite
// it and who cites it.
func (h *handlers) datasetShow(w http.ResponseWriter, r *http.Request) {
	d, a, ok := h.loadVisible(w, r)
	if !ok {
		return
	}
	lang := h.site.Lang(r)
	zone := region.Zone(d.RegionCode)
	p := datasetPage{D: d, Licence: d.LicenceInfo(), Region: h.regionLabel(r.Context(), d.RegionCode), Zone: zone,
		URL: h.site.BaseURL() + d.Path(), Manage: a.CanWrite(), Preview: !d.Published() || a.Hidden()}
	p.HowToCite = i18n.T(lang, "dataset.cite_text", d.OrgName, d.Year(), d.Title, p.URL,
		i18n.Date(lang, db.NowFrom(h.Now), zone))
	cites, err := h.Datasets.Citing(r.Context(), d.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, c := range cites {
		name, ok := h.Citers[c.SubjectKind]
		if !ok {
			continue
		}
		if title, path, ok := name(r.Context(), c.SubjectID); ok {
			p.CitedBy = append(p.CitedBy, citedBy{Kind: c.SubjectKind, Title: title, Path: path})
		}
	}
	h.site.Render(w, r, kit.Page{Name: "opendata_dataset", Title: d.Title, Data: p})
}

// regionLabel names a region with its parents, nearest first.
func (h *handlers) regionLabel(ctx context.Context, code string) string {
	if h.Regions == nil {
		return code
	}
	chain, err := h.Regions.Ancestors(ctx, code)
	if err != nil || len(chain) == 0 {
		return code
	}
	parts := make([]string, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		if i == len(chain)-1 {
			parts = append(parts, chain[i].Name)
		} else {
			parts = append(parts, chain[i].ShortName())
		}
	}
	return strings.Join(parts, ", ")
}

// datasetDownload serves the uploaded file, under its own name.
func (h *handlers) datasetDownload(w http.ResponseWriter, r *http.Request) {
	d, _, ok := h.loadVisible(w, r)
	if !ok {
		return
	}
	rc, err := h.Datasets.OpenFile(r.Context(), d)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	defer rc.Close()
	hdr := w.Header()
	hdr.Set("Content-Type", dataset.MediaType(d.Format))
	hdr.Set("Content-Disposition", `attachment; filename="`+d.FileName+`"`)
	hdr.Set("Content-Length", strconv.FormatInt(d.FileSize, 10))
	if d.Published() {
		hdr.Set("Cache-Control", cacheControl)
	} else {
		hdr.Set("Cache-Control", "private, no-store")
	}
	if _, err := io.Copy(w, rc); err != nil && !errors.Is(err, r.Context().Err()) {
		h.site.Log(r, err)
	}
}
