package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// apiRegion is a region as the API shows it; Parent is null for provinces.
type apiRegion struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Level  string  `json:"level"`
	Parent *string `json:"parent"`
}

func toAPIRegion(r region.Region) apiRegion {
	out := apiRegion{Code: r.Code, Name: r.Name, Level: r.Level}
	if r.Parent != "" {
		p := r.Parent
		out.Parent = &p
	}
	return out
}

// regionCacheControl lets browsers and proxies keep region answers for a
// day: the list changes only with a new Kemendagri edition.
const regionCacheControl = "public, max-age=86400"

// apiRegions lists regions: the provinces, ?parent=CODE's children, or the
// regions matching ?q=NAME (best first, at most ?limit=N, default 20).
// Lists come as {"items": [region, …]}, like every list in the API.
func (s *Server) apiRegions(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	q := r.URL.Query()
	parent, search := strings.TrimSpace(q.Get("parent")), q.Get("q")
	if parent != "" && search != "" {
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "region.api.conflict"))
		return
	}
	var list []region.Region
	var err error
	switch {
	case q.Has("q"):
		list, err = s.apiRegionSearch(r, search)
	case parent != "":
		if _, ok := region.ParseCode(parent); !ok {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "region.api.bad_code"))
			return
		}
		list, err = s.regions.Children(r.Context(), parent)
	default:
		list, err = s.regions.Children(r.Context(), "")
	}
	if err != nil {
		s.apiRegionError(w, r, err)
		return
	}
	items := make([]apiRegion, 0, len(list))
	for _, reg := range list {
		items = append(items, toAPIRegion(reg))
	}
	w.Header().Set("Cache-Control", regionCacheControl)
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// errBadLimit marks a ?limit= outside 1–50.
var errBadLimit = errors.New("web: bad limit")

func (s *Server) apiRegionSearch(r *http.Request, query string) ([]region.Region, error) {
	limit := region.DefaultLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > region.MaxResults {
			return nil, errBadLimit
		}
		limit = n
	}
	hits, err := s.regions.Search(r.Context(), query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]region.Region, len(hits))
	for i, h := range hits {
		out[i] = h.Region
	}
	return out, nil
}

// apiRegion answers one region by its code.
func (s *Server) apiRegion(w http.ResponseWriter, r *http.Request) {
	code, ok := region.ParseCode(r.PathValue("code"))
	if !ok {
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(lang(r), "region.api.bad_code"))
		return
	}
	reg, err := s.regions.Get(r.Context(), code)
	if err != nil {
		s.apiRegionError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", regionCacheControl)
	writeJSON(w, http.StatusOK, toAPIRegion(reg))
}

// apiRegionError turns a domain error into the API's error body.
func (s *Server) apiRegionError(w http.ResponseWriter, r *http.Request, err error) {
	l := lang(r)
	switch {
	case errors.Is(err, db.ErrNotFound):
		apiError(w, http.StatusNotFound, "not_found", i18n.T(l, "region.api.not_found"))
	case errors.Is(err, region.ErrInvalid):
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "region.api.bad_query"))
	case errors.Is(err, errBadLimit):
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "region.api.bad_limit"))
	default:
		s.log.Error("api error", "route", loggedRoute(r), "err", err)
		apiError(w, http.StatusInternalServerError, "internal", i18n.T(l, "error.500.title"))
	}
}
