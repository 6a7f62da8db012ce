package explore

import (
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/search"
	"lokadaya/internal/web/kit"
)

// apiSearchItem is one result of the search API.
type apiSearchItem struct {
	search.Hit
	// Needed is the unmet share of the money target in percent, for
	// campaigns with one.
	NeededPercent *float64 `json:"needed_percent,omitempty"`
}

// apiRegion is the region a search was narrowed to.
type apiRegion struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
}

// searchAPI is GET /api/v1/search: the same search as /cari, as JSON.
// wilayah takes a code or a name; a name several regions carry is
// narrowed to the best match and the others are listed in
// region_candidates.
func (h *handlers) searchAPI(w http.ResponseWriter, r *http.Request) {
	form := readSearchForm(r.URL.Query())
	res, choice, errKey, err := h.run(r, form)
	if err != nil {
		h.site.Log(r, err)
		kit.APIError(w, http.StatusInternalServerError, "server_error", i18n.T(h.site.Lang(r), "error.500.title"))
		return
	}
	var candidates []apiRegion
	if errKey == "" && choice.Region == nil && len(choice.Candidates) > 0 {
		// Take the best match and say which others the name could mean.
		for _, c := range choice.Candidates {
			candidates = append(candidates, apiRegion{Code: c.Code, Name: c.Name, Level: c.Level})
		}
		form.Wilayah = choice.Candidates[0].Code
		res, choice, errKey, err = h.run(r, form)
		if err != nil {
			h.site.Log(r, err)
			kit.APIError(w, http.StatusInternalServerError, "server_error", i18n.T(h.site.Lang(r), "error.500.title"))
			return
		}
	}
	if errKey != "" {
		kit.APIError(w, http.StatusBadRequest, "bad_request", i18n.T(h.site.Lang(r), errKey))
		return
	}
	items := make([]apiSearchItem, 0, len(res.Hits))
	for _, hit := range res.Hits {
		it := apiSearchItem{Hit: hit}
		if hit.MoneyTarget > 0 {
			v := float64(hit.NeedBP) / 100
			it.NeededPercent = &v
		}
		items = append(items, it)
	}
	body := map[string]any{"items": items, "next": nil, "sort": res.Sort}
	if res.Next != "" {
		body["next"] = res.Next
	}
	if choice.Region != nil {
		body["region"] = apiRegion{Code: choice.Region.Code, Name: choice.Region.Name, Level: choice.Region.Level}
	}
	if len(candidates) > 0 {
		body["region_candidates"] = candidates
	}
	kit.JSON(w, http.StatusOK, body)
}
