// Package opendata serves the open data: the catalogue page (/data), the
// downloads of every data set in CSV, XLSX and JSON (for the whole
// platform or one organisation), the DCAT catalogue in JSON-LD
// (/catalog.jsonld) and the read actions of the CKAN API (/api/3/action/…)
// that Satu Data Indonesia's CKAN portals harvest. It is built on the
// shared kit (internal/web/kit); the data sets live in internal/opendata.
package opendata

import (
	"embed"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// Templates are the area's page templates, parsed by the web package
// within the site layout. Page names start with "opendata_".
//
//go:embed templates
var Templates embed.FS

// Stores are the domain stores the area's handlers use.
type Stores struct {
	Data *od.Store
	Orgs *org.Store
	// Datasets are the datasets organisations publish; Regions names
	// their regions; Citers name what cites them, by subject kind.
	Datasets *dataset.Store
	Regions  *region.Store
	Citers   map[string]Citer
	// Now is the clock (db.Now when nil).
	Now func() time.Time
}

type handlers struct {
	site kit.Site
	Stores
}

// Routes registers the area's pages and API.
func Routes(mux kit.Router, site kit.Site, stores Stores) {
	h := &handlers{site: site, Stores: stores}
	mux.HandleFunc("GET /data", h.catalogue)
	mux.HandleFunc("GET /data/{name}", h.download)
	mux.HandleFunc("GET /catalog.jsonld", h.dcat)
	mux.HandleFunc("GET /api/v1/datasets", h.apiDatasets)
	mux.HandleFunc("GET /api/3/action/{action}", h.ckan)
	mux.HandleFunc("POST /api/3/action/{action}", h.ckan)
	mux.HandleFunc("GET /api/action/{action}", h.ckan)
	mux.HandleFunc("POST /organisasi/{slug}/lisensi-data", h.setLicence)
	h.datasetRoutes(mux)
}

// cacheControl lets browsers and proxies keep a file for five minutes and
// then ask again with its ETag.
const cacheControl = "public, max-age=300"

// publisher loads the ?organisasi= organisation: nil for the whole
// platform; ok false when it is unknown or hidden (answered 404).
func (h *handlers) publisher(w http.ResponseWriter, r *http.Request) (*od.Publisher, bool) {
	slug := r.URL.Query().Get("organisasi")
	if slug == "" {
		return nil, true
	}
	p, err := h.Data.VisibleBySlug(r.Context(), slug)
	if errors.Is(err, db.ErrNotFound) {
		h.site.NotFound(w, r)
		return nil, false
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, false
	}
	return p, true
}

func orgID(p *od.Publisher) int64 {
	if p == nil {
		return 0
	}
	return p.ID
}

// fileName is the download's name: lokadaya-kampanye.csv, or with the
// organisation's slug.
func fileName(ds *od.Dataset, p *od.Publisher, f od.Format) string {
	name := "lokadaya-" + ds.Name
	if p != nil {
		name += "-" + p.Slug
	}
	return name + "." + f.Ext
}

// download streams one data set in one format, answering 304 when the
// caller's copy is current.
func (h *handlers) download(w http.ResponseWriter, r *http.Request) {
	ds, f, ok := od.ParseFile(r.PathValue("name"))
	if !ok {
		h.site.NotFound(w, r)
		return
	}
	p, ok := h.publisher(w, r)
	if !ok {
		return
	}
	st, err := h.Data.Stamp(r.Context(), ds, orgID(p))
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	lang := h.site.Lang(r)
	etag := st.ETag
	if f.Ext == "xlsx" {
		// The dictionary sheet is in the caller's language.
		etag = strings.TrimSuffix(etag, `"`) + "-" + string(lang) + `"`
	}
	hdr := w.Header()
	hdr.Set("ETag", etag)
	hdr.Set("Cache-Control", cacheControl)
	hdr.Set("Vary", "Accept-Language, Cookie")
	if !st.Modified.IsZero() {
		hdr.Set("Last-Modified", st.Modified.Format(http.TimeFormat))
	}
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	ct := f.MediaType
	if f.Ext != "xlsx" {
		ct += "; charset=utf-8"
	}
	hdr.Set("Content-Type", ct)
	hdr.Set("Content-Disposition", `attachment; filename="`+fileName(ds, p, f)+`"`)
	hdr.Set("X-Content-Type-Options", "nosniff")
	if f.Ext == "csv" {
		hdr.Set("Content-Type", ct+"; header=present")
	}
	if err := h.Data.Write(r.Context(), w, ds, orgID(p), f, lang); err != nil {
		// The status is gone with the first bytes: log and cut the body
		// short, so the client sees a broken download, not a whole one.
		h.site.Log(r, err)
		panic(http.ErrAbortHandler)
	}
}

// etagMatch reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	if strings.TrimSpace(header) == "*" {
		return true
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		if strings.TrimPrefix(strings.TrimSpace(t), "W/") == want {
			return true
		}
	}
	return false
}

// setLicence records the data licence the organisation's owners chose.
func (h *handlers) setLicence(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, isOwner)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	id, name := a.Actor()
	err := h.Data.SetLicence(r.Context(), a.Org.ID, r.PostForm.Get("data_licence"), od.Actor{ID: id, Name: name}, db.NowFrom(h.Now))
	if errors.Is(err, od.ErrUnknownLicence) {
		h.site.Flash(w, "opendata.licence.unknown")
		kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/ubah#lisensi-data")
		return
	}
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "opendata.licence.saved")
	kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/ubah#lisensi-data")
}

// isOwner: the organisation's data licence is its owners' choice (and
// platform admins').
func isOwner(a *kit.Access) bool { return a.Admin || a.Role == org.RoleOwner }

// text picks a Text in the request's language.
func text(lang i18n.Lang, t od.Text) string { return t.In(lang) }

func itoa(n int) string { return strconv.Itoa(n) }
