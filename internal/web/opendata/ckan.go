package opendata

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/web/kit"
)

// The CKAN action API's read actions, answered as CKAN answers them
// (docs.ckan.org, "API guide"): {"help", "success": true, "result"} and,
// on failure, {"help", "success": false, "error": {"message", "__type"}}
// with CKAN's status codes: 400 for an unknown action, 404 Not Found
// Error, 409 Validation Error (with the field's messages).

// ckanTime is how CKAN writes its timestamps (UTC, no zone).
const ckanTime = "2006-01-02T15:04:05.000000"

// Paging limits, as CKAN's defaults.
const (
	ckanRowsDefault = 10
	ckanRowsMax     = 1000
	ckanListMax     = 1000
	ckanQueryMax    = 500
)

// ckanError is a failure answered in CKAN's shape.
type ckanError struct {
	status int
	body   map[string]any
}

func notFound() *ckanError {
	return &ckanError{http.StatusNotFound, map[string]any{"message": "Not found", "__type": "Not Found Error"}}
}

func invalid(field, message string) *ckanError {
	return &ckanError{http.StatusConflict, map[string]any{"__type": "Validation Error", "message": field + ": " + message, field: []string{message}}}
}

func (h *handlers) help(action string) string {
	return h.site.BaseURL() + "/api/3/action/help_show?name=" + url.QueryEscape(action)
}

// ckanParams are the action's parameters: the query string, or for a POST
// a JSON object (CKAN clients post one).
func ckanParams(r *http.Request) (url.Values, *ckanError) {
	q := r.URL.Query()
	if r.Method != http.MethodPost {
		return q, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10+1))
	if err != nil || len(body) > 64<<10 {
		return nil, &ckanError{http.StatusBadRequest, map[string]any{"message": "Bad request - JSON Error: body too large or unreadable", "__type": "Bad Request"}}
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return q, nil
	}
	var obj map[string]any
	if err := json.Unmarshal(body, &obj); err != nil {
		return nil, &ckanError{http.StatusBadRequest, map[string]any{"message": "Bad request - JSON Error: Could not read request body as a JSON object", "__type": "Bad Request"}}
	}
	for k, v := range obj {
		switch x := v.(type) {
		case string:
			q.Set(k, x)
		case float64:
			q.Set(k, strconv.FormatFloat(x, 'f', -1, 64))
		case bool:
			q.Set(k, strconv.FormatBool(x))
		}
	}
	return q, nil
}

// natural reads an optional non-negative integer parameter.
func natural(q url.Values, name string, def int) (int, *ckanError) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, invalid(name, "Invalid integer")
	}
	if n < 0 {
		return 0, invalid(name, "Must be a natural number")
	}
	return n, nil
}

func boolParam(q url.Values, name string) bool {
	switch strings.ToLower(q.Get(name)) {
	case "true", "1", "yes", "on":
		return true
	}
	return false
}

// ckan answers one action.
func (h *handlers) ckan(w http.ResponseWriter, r *http.Request) {
	action := r.PathValue("action")
	lang := h.site.Lang(r)
	w.Header().Set("Cache-Control", "public, max-age=60")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	q, cerr := ckanParams(r)
	var result any
	if cerr == nil {
		switch action {
		case "package_list":
			result, cerr = h.packageList(r, q)
		case "package_show":
			result, cerr = h.packageShow(r, q, lang)
		case "package_search":
			result, cerr = h.packageSearch(r, q, lang)
		case "organization_list":
			result, cerr = h.organizationList(r, q, lang)
		case "organization_show":
			result, cerr = h.organizationShow(r, q, lang)
		case "help_show":
			result, cerr = helpShow(q)
		case "status_show":
			result = map[string]any{"site_title": "Lokadaya", "site_url": h.site.BaseURL(), "ckan_version": "2.10.0",
				"site_description": i18n.T(lang, "opendata.intro"), "locale_default": "id", "extensions": []string{}}
		default:
			if !utf8.ValidString(action) || len(action) > 100 {
				action = "?"
			}
			cerr = &ckanError{http.StatusBadRequest, map[string]any{"message": "Bad request - Action name not known: " + action, "__type": "Bad Request"}}
		}
	}
	if cerr != nil && cerr.status == http.StatusInternalServerError {
		return // already logged and answered
	}
	if cerr != nil {
		kit.JSON(w, cerr.status, map[string]any{"help": h.help(action), "success": false, "error": cerr.body})
		return
	}
	kit.JSON(w, http.StatusOK, map[string]any{"help": h.help(action), "success": true, "result": result})
}

// internal logs err and returns CKAN's internal error body.
func (h *handlers) internal(r *http.Request, err error) *ckanError {
	h.site.Log(r, err)
	return &ckanError{http.StatusInternalServerError, map[string]any{"message": "Internal server error", "__type": "Internal Error"}}
}

var helpTexts = map[string]string{
	"package_list":      "Return a list of the names of the site's datasets (packages).\n\n:param limit: if given, the list of datasets will be broken into pages of at most ``limit`` datasets per page\n:param offset: when ``limit`` is given, the offset to start returning packages from\n:rtype: list of strings",
	"package_show":      "Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name of the dataset\n:rtype: dictionary",
	"package_search":    "Searches for packages satisfying a given search criteria.\n\n:param q: the search words (every one must match)\n:param fq: organization:NAME keeps one organization's datasets\n:param rows: the maximum number of matching rows (datasets) to return (default 10, at most 1000)\n:param start: the offset in the complete result\n:rtype: dictionary with count and results",
	"organization_list": "Return a list of the names of the site's organizations.\n\n:param all_fields: return dictionaries instead of just names\n:param limit: at most 1000\n:param offset: the offset\n:rtype: list of strings or dictionaries",
	"organization_show": "Return the details of an organization.\n\n:param id: the id or name of the organization\n:rtype: dictionary",
	"help_show":         "Return the help string for a particular API action.\n\n:param name: action function name\n:rtype: string",
}

func helpShow(q url.Values) (any, *ckanError) {
	name := q.Get("name")
	if name == "" {
		return nil, invalid("name", "Missing value")
	}
	text, ok := helpTexts[name]
	if !ok {
		return nil, &ckanError{http.StatusNotFound, map[string]any{"message": "Not found: Action function not found", "__type": "Not Found Error"}}
	}
	return text, nil
}

func (h *handlers) packageList(r *http.Request, q url.Values) (any, *ckanError) {
	limit, cerr := natural(q, "limit", -1)
	if cerr != nil {
		return nil, cerr
	}
	offset, cerr := natural(q, "offset", 0)
	if cerr != nil {
		return nil, cerr
	}
	if limit < 0 {
		limit = 1 << 30
	}
	names := []string{}
	for i, ds := range od.Datasets {
		if i >= offset && len(names) < limit {
			names = append(names, platformPrefix+ds.Name)
		}
	}
	// Organisations a page at a time, so that a large list never sits in
	// memory as package dictionaries.
	skip, after := max(0, offset-len(od.Datasets)), ""
	for len(names) < limit {
		slugs, err := h.Data.PublisherSlugs(r.Context(), after, skip, min(500, limit-len(names)))
		if err != nil {
			return nil, h.internal(r, err)
		}
		for _, slug := range slugs {
			names = append(names, orgPrefix+slug)
		}
		if len(slugs) == 0 {
			break
		}
		skip, after = 0, slugs[len(slugs)-1]
	}
	return names, nil
}

func (h *handlers) packageShow(r *http.Request, q url.Values, lang i18n.Lang) (any, *ckanError) {
	id := q.Get("id")
	if id == "" {
		id = q.Get("name_or_id")
	}
	if id == "" {
		return nil, invalid("id", "Missing value")
	}
	p, err := h.findPackage(r.Context(), id, lang)
	if errors.Is(err, db.ErrNotFound) {
		return nil, notFound()
	}
	if err != nil {
		return nil, h.internal(r, err)
	}
	org, err := h.orgDict(r, p.Owner, lang, false)
	if err != nil {
		return nil, h.internal(r, err)
	}
	return h.packageDict(p, org), nil
}

func (h *handlers) packageSearch(r *http.Request, q url.Values, lang i18n.Lang) (any, *ckanError) {
	rows, cerr := natural(q, "rows", ckanRowsDefault)
	if cerr != nil {
		return nil, cerr
	}
	start, cerr := natural(q, "start", 0)
	if cerr != nil {
		return nil, cerr
	}
	text := q.Get("q")
	if len(text) > ckanQueryMax {
		return nil, invalid("q", "Search query too long")
	}
	text = strings.ToValidUTF8(text, " ")
	if t := strings.TrimSpace(text); t == "*:*" || t == "*" {
		text = ""
	}
	org, cerr := fqOrganization(q.Get("fq"))
	if cerr != nil {
		return nil, cerr
	}
	pq := packageQuery{Q: solrWords(text), Org: org, Start: start, Rows: min(rows, ckanRowsMax)}
	pkgs, count, err := h.searchPackages(r.Context(), pq, lang)
	if err != nil {
		return nil, h.internal(r, err)
	}
	results := make([]map[string]any, 0, len(pkgs))
	orgs := map[string]map[string]any{}
	for _, p := range pkgs {
		if orgs[p.Owner] == nil {
			d, err := h.orgDict(r, p.Owner, lang, false)
			if err != nil {
				return nil, h.internal(r, err)
			}
			orgs[p.Owner] = d
		}
		results = append(results, h.packageDict(p, orgs[p.Owner]))
	}
	return map[string]any{"count": count, "sort": "name asc", "facets": map[string]any{}, "search_facets": map[string]any{},
		"results": results}, nil
}

// fqOrganization reads the organisation of a filter query
// ("organization:NAME", the one filter supported); other filters are
// ignored, which returns more, never fewer, packages.
func fqOrganization(fq string) (string, *ckanError) {
	if len(fq) > ckanQueryMax {
		return "", invalid("fq", "Filter query too long")
	}
	for _, term := range strings.Fields(fq) {
		term = strings.TrimPrefix(term, "+")
		if v, ok := strings.CutPrefix(term, "organization:"); ok {
			return strings.Trim(v, `"`), nil
		}
		if v, ok := strings.CutPrefix(term, "owner_org:"); ok {
			return strings.Trim(v, `"`), nil
		}
	}
	return "", nil
}

// solrWords turns a Solr query into plain words: field prefixes, quotes,
// operators and wildcards go, so that "title:kampanye*" searches for
// "kampanye".
func solrWords(q string) string {
	var words []string
	for _, w := range strings.Fields(q) {
		if _, v, ok := strings.Cut(w, ":"); ok {
			w = v
		}
		w = strings.Trim(w, `"'*?()[]{}+-!^~\`)
		switch w {
		case "", "AND", "OR", "NOT", "TO":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

func (h *handlers) organizationList(r *http.Request, q url.Values, lang i18n.Lang) (any, *ckanError) {
	limit, cerr := natural(q, "limit", ckanListMax)
	if cerr != nil {
		return nil, cerr
	}
	offset, cerr := natural(q, "offset", 0)
	if cerr != nil {
		return nil, cerr
	}
	limit = min(limit, ckanListMax)
	all := boolParam(q, "all_fields")
	var out []any
	if offset == 0 && limit > 0 {
		if all {
			d, err := h.orgDict(r, platformOrg, lang, true)
			if err != nil {
				return nil, h.internal(r, err)
			}
			out = append(out, d)
		} else {
			out = append(out, platformOrg)
		}
	}
	pubs, _, err := h.Data.Publishers(r.Context(), "", max(0, offset-1), limit-len(out))
	if err != nil {
		return nil, h.internal(r, err)
	}
	for _, p := range pubs {
		if all {
			out = append(out, h.publisherDict(p, lang))
		} else {
			out = append(out, p.Slug)
		}
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

func (h *handlers) organizationShow(r *http.Request, q url.Values, lang i18n.Lang) (any, *ckanError) {
	id := q.Get("id")
	if id == "" {
		return nil, invalid("id", "Missing value")
	}
	d, err := h.orgDict(r, id, lang, true)
	if errors.Is(err, db.ErrNotFound) {
		return nil, notFound()
	}
	if err != nil {
		return nil, h.internal(r, err)
	}
	return d, nil
}

// orgDict is a CKAN organisation: the platform's or an OMS's.
func (h *handlers) orgDict(r *http.Request, name string, lang i18n.Lang, full bool) (map[string]any, error) {
	if name == platformOrg {
		d := map[string]any{"id": platformOrg, "name": platformOrg, "title": "Lokadaya", "display_name": "Lokadaya",
			"description": i18n.T(lang, "opendata.intro"), "image_url": "", "created": time.Time{}.Format(ckanTime),
			"is_organization": true, "approval_status": "approved", "state": "active", "type": "organization"}
		if full {
			d["package_count"] = len(od.Datasets)
		}
		return d, nil
	}
	pub, err := h.Data.PublisherBySlug(r.Context(), name)
	if err != nil {
		return nil, err
	}
	return h.publisherDict(pub, lang), nil
}

func (h *handlers) publisherDict(p *od.Publisher, lang i18n.Lang) map[string]any {
	return map[string]any{"id": p.Slug, "name": p.Slug, "title": p.Name, "display_name": p.Name,
		"description": p.Vision, "image_url": "", "created": p.CreatedAt.UTC().Format(ckanTime),
		"is_organization": true, "approval_status": "approved", "state": "active", "type": "organization",
		"package_count": 1}
}

// packageDict is a package as CKAN's package_show returns it.
func (h *handlers) packageDict(p pkg, org map[string]any) map[string]any {
	modified := p.Modified
	if modified.IsZero() {
		modified = p.Created
	}
	tags := make([]map[string]any, 0, len(p.Keywords))
	for _, k := range p.Keywords {
		tags = append(tags, map[string]any{"id": k, "name": k, "display_name": k, "state": "active", "vocabulary_id": nil})
	}
	resources := make([]map[string]any, 0, len(p.Resources))
	for i, res := range p.Resources {
		resources = append(resources, map[string]any{"id": res.ID, "package_id": p.Name, "name": res.Name,
			"description": res.Description, "format": res.Format.Name, "mimetype": res.Format.MediaType,
			"url": res.URL, "url_type": nil, "position": i, "state": "active", "resource_type": nil,
			"created": p.Created.UTC().Format(ckanTime), "last_modified": modified.UTC().Format(ckanTime),
			"metadata_modified": modified.UTC().Format(ckanTime), "hash": "", "size": nil, "datastore_active": false})
	}
	author := "Lokadaya"
	if p.Publisher != nil {
		author = p.Publisher.Name
	}
	extras := []map[string]any{{"key": "language", "value": "id"}}
	if p.Region != "" {
		extras = append(extras, map[string]any{"key": "spatial_kemendagri", "value": p.Region},
			map[string]any{"key": "spatial_uri", "value": h.site.BaseURL() + "/api/v1/regions/" + p.Region})
	}
	return map[string]any{
		"id": p.Name, "name": p.Name, "title": p.Title, "notes": p.Notes, "type": "dataset", "state": "active",
		"private": false, "isopen": true, "version": nil, "url": p.Landing,
		"author": author, "author_email": nil, "maintainer": author, "maintainer_email": nil,
		"license_id": p.Licence.CKAN, "license_title": p.Licence.Title, "license_url": p.Licence.URL,
		"metadata_created": p.Created.UTC().Format(ckanTime), "metadata_modified": modified.UTC().Format(ckanTime),
		"owner_org": p.Owner, "organization": org,
		"num_resources": len(resources), "resources": resources,
		"num_tags": len(tags), "tags": tags, "groups": []any{}, "extras": extras,
		"relationships_as_object": []any{}, "relationships_as_subject": []any{},
	}
}
