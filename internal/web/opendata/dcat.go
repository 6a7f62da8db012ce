package opendata

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/web/kit"
)

// dcatPageSize is how many organisations' datasets one page of the DCAT
// catalogue holds; the platform's own datasets lead the first page.
const dcatPageSize = 100

var dcatContext = map[string]any{
	"dcat":   "http://www.w3.org/ns/dcat#",
	"dct":    "http://purl.org/dc/terms/",
	"foaf":   "http://xmlns.com/foaf/0.1/",
	"vcard":  "http://www.w3.org/2006/vcard/ns#",
	"xsd":    "http://www.w3.org/2001/XMLSchema#",
	"hydra":  "http://www.w3.org/ns/hydra/core#",
	"skos":   "http://www.w3.org/2004/02/skos/core#",
	"schema": "http://schema.org/",
}

// indonesia is the country in the EU's authority list, as DCAT-AP names
// places.
const indonesia = "http://publications.europa.eu/resource/authority/country/IDN"

func dcatTime(t time.Time) map[string]any {
	return map[string]any{"@value": t.UTC().Format(time.RFC3339), "@type": "xsd:dateTime"}
}

func ref(u string) map[string]any { return map[string]any{"@id": u} }

// dcat serves the catalogue in DCAT-AP style JSON-LD, a page at a time
// (?page=, from 1) as a hydra:PagedCollection.
func (h *handlers) dcat(w http.ResponseWriter, r *http.Request) {
	lang := h.site.Lang(r)
	page := 1
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1<<20 {
			kit.APIError(w, http.StatusBadRequest, "bad_request", i18n.T(lang, "opendata.bad_page"))
			return
		}
		page = n
	}
	ctx := r.Context()
	base := h.site.BaseURL()
	var pkgs []pkg
	if page == 1 {
		l, err := h.platformLicence(ctx)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		for _, ds := range od.Datasets {
			p, err := h.platformPackage(ctx, ds, lang, l)
			if err != nil {
				h.site.ServerError(w, r, err)
				return
			}
			pkgs = append(pkgs, p)
		}
	}
	pubs, total, err := h.Data.Publishers(ctx, "", (page-1)*dcatPageSize, dcatPageSize)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, pub := range pubs {
		p, err := h.orgPackage(ctx, pub, lang)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		pkgs = append(pkgs, p)
	}
	last := max(1, (total+dcatPageSize-1)/dcatPageSize)
	if page > last {
		h.site.NotFound(w, r)
		return
	}
	datasets := make([]map[string]any, 0, len(pkgs))
	for _, p := range pkgs {
		datasets = append(datasets, dcatDataset(base, p, lang))
	}
	self := base + "/catalog.jsonld"
	pageURL := func(n int) string { return self + "?page=" + strconv.Itoa(n) }
	paging := map[string]any{"@id": pageURL(page), "@type": "hydra:PagedCollection",
		"hydra:totalItems": total + len(od.Datasets), "hydra:itemsPerPage": dcatPageSize,
		"hydra:firstPage": pageURL(1), "hydra:lastPage": pageURL(last)}
	if page < last {
		paging["hydra:nextPage"] = pageURL(page + 1)
	}
	if page > 1 {
		paging["hydra:previousPage"] = pageURL(page - 1)
	}
	doc := map[string]any{
		"@context":         dcatContext,
		"@id":              self,
		"@type":            "dcat:Catalog",
		"dct:title":        "Lokadaya — " + i18n.T(lang, "opendata.title"),
		"dct:description":  i18n.T(lang, "opendata.intro"),
		"dct:language":     ref("http://publications.europa.eu/resource/authority/language/IND"),
		"foaf:homepage":    ref(base + "/data"),
		"dct:publisher":    map[string]any{"@type": "foaf:Agent", "foaf:name": "Lokadaya", "foaf:homepage": ref(base + "/")},
		"dct:spatial":      ref(indonesia),
		"dct:rights":       od.RegionAttribution.In(lang),
		"dcat:dataset":     datasets,
		"hydra:view":       paging,
		"schema:isBasedOn": ref("https://github.com/fityannugroho/idn-area-data"),
	}
	w.Header().Set("Content-Type", "application/ld+json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(doc)
}

func dcatDataset(base string, p pkg, lang i18n.Lang) map[string]any {
	modified := p.Modified
	if modified.IsZero() {
		modified = p.Created
	}
	publisher := map[string]any{"@type": "foaf:Organization", "foaf:name": "Lokadaya", "foaf:homepage": ref(base + "/")}
	if p.Publisher != nil {
		publisher = map[string]any{"@id": base + "/organisasi/" + p.Publisher.Slug, "@type": "foaf:Organization",
			"foaf:name": p.Publisher.Name, "foaf:homepage": ref(base + "/organisasi/" + p.Publisher.Slug)}
	}
	spatial := ref(indonesia)
	if p.Region != "" {
		spatial = map[string]any{"@id": base + "/api/v1/regions/" + p.Region, "@type": "dct:Location", "skos:notation": p.Region}
	}
	dists := make([]map[string]any, 0, len(p.Resources))
	for _, res := range p.Resources {
		dists = append(dists, map[string]any{
			"@id": res.URL, "@type": "dcat:Distribution", "dct:identifier": res.ID,
			"dct:title": res.Name, "dct:description": res.Description,
			"dcat:accessURL": ref(p.Landing), "dcat:downloadURL": ref(res.URL),
			"dcat:mediaType": ref("https://www.iana.org/assignments/media-types/" + res.Format.MediaType),
			"dct:format":     res.Format.Name, "dct:license": ref(p.Licence.URL), "dct:modified": dcatTime(modified),
		})
	}
	kw := make([]any, 0, len(p.Keywords))
	for _, k := range p.Keywords {
		kw = append(kw, k)
	}
	return map[string]any{
		"@id": p.Landing, "@type": "dcat:Dataset", "dct:identifier": p.Name,
		"dct:title":       map[string]any{"@value": p.Title, "@language": string(lang)},
		"dct:description": map[string]any{"@value": p.Notes, "@language": string(lang)},
		"dcat:keyword":    kw, "dct:publisher": publisher, "dct:issued": dcatTime(p.Created), "dct:modified": dcatTime(modified),
		"dct:license": ref(p.Licence.URL), "dct:spatial": spatial, "dcat:landingPage": ref(p.Landing),
		"dcat:distribution": dists,
	}
}
