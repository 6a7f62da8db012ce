package learning

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/lesson"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
	"lokadaya/internal/web/kit"
)

// lessonAPIItem is a lesson as the API gives it.
type lessonAPIItem struct {
	ID           int64             `json:"id"`
	URL          string            `json:"url"`
	Title        string            `json:"title"`
	Body         string            `json:"body"`
	Stage        *int              `json:"stage"` // null: no particular stage
	Issues       []string          `json:"issues"`
	RegionCode   string            `json:"region_code"`
	Organization lessonRef         `json:"organization"`
	Initiative   *lessonRef        `json:"initiative"` // null: none, or not published
	LedTo        string            `json:"led_to"`
	Evidence     []lesson.Evidence `json:"evidence"`
	PublishedAt  *time.Time        `json:"published_at"`
}

type lessonRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// lessonsAPI is GET /api/v1/lessons?q=&stage=&issue=&region=&cursor=:
// published lessons across organisations, searched in full text.
func (h *handlers) lessonsAPI(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	q := lessonQuery{Query: qs.Get("q"), Stage: strings.TrimSpace(qs.Get("stage")), Issue: strings.TrimSpace(qs.Get("issue")),
		Cursor: qs.Get("cursor")}
	if s := strings.TrimSpace(qs.Get("region")); s != "" {
		code, ok := region.ParseCode(s)
		if !ok {
			kit.APIError(w, http.StatusBadRequest, "bad_filter", h.t(r, search.ErrBadFilter.Key))
			return
		}
		q.Region = code
	}
	limit, _ := strconv.Atoi(qs.Get("limit"))
	items, next, err := h.searchLessons(r.Context(), q, min(max(limit, 0), search.MaxLimit))
	var ie *search.InputError
	switch {
	case errors.As(err, &ie):
		kit.APIError(w, http.StatusBadRequest, "bad_filter", h.t(r, ie.Key))
		return
	case err != nil:
		kit.APIServerError(h.site, w, r, err)
		return
	}
	out := make([]lessonAPIItem, 0, len(items))
	for _, it := range items {
		a, err := h.lessonToAPI(r, it.Lesson, lessonRef{Slug: it.Org.OrgSlug, Name: it.Org.Org})
		if err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		out = append(out, a)
	}
	var nextVal any
	if next != "" {
		nextVal = next
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": out, "next": nextVal})
}

// lessonToAPI is a published lesson for the API; its initiative is named only
// when published.
func (h *handlers) lessonToAPI(r *http.Request, l *lesson.Lesson, o lessonRef) (lessonAPIItem, error) {
	a := lessonAPIItem{ID: l.ID, URL: "/pelajaran/" + strconv.FormatInt(l.ID, 10), Title: l.Title, Body: l.Body,
		Issues: l.Issues, RegionCode: l.RegionCode, Organization: o, LedTo: l.LedTo, Evidence: l.Evidence,
		PublishedAt: l.PublishedAt}
	if l.Stage > 0 {
		st := l.Stage
		a.Stage = &st
	}
	if a.Issues == nil {
		a.Issues = []string{}
	}
	if a.Evidence == nil {
		a.Evidence = []lesson.Evidence{}
	}
	if l.InitiativeID != 0 {
		i, err := h.Initiatives.ByID(r.Context(), l.InitiativeID)
		switch {
		case errors.Is(err, db.ErrNotFound):
		case err != nil:
			return a, err
		case i.Published():
			a.Initiative = &lessonRef{Slug: i.Slug, Name: i.Name}
		}
	}
	return a, nil
}

// lessonExport downloads an organisation's published lessons
// (pelajaran.csv or pelajaran.xlsx), for anyone.
func (h *handlers) lessonExport(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	list, err := h.Lessons.ForOrg(r.Context(), a.Org.ID, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	table := [][]string{{h.t(r, "lesson.export.id"), h.t(r, "lesson.field.title"), h.t(r, "lesson.field.stage"),
		h.t(r, "lesson.field.issues"), h.t(r, "lesson.field.region"), h.t(r, "lesson.field.initiative"),
		h.t(r, "lesson.field.body"), h.t(r, "lesson.field.led_to"), h.t(r, "lesson.field.evidence"),
		h.t(r, "lesson.export.published")}}
	for _, l := range list {
		v, err := h.viewLesson(r, &kit.Access{Org: a.Org}, l)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		issues := make([]string, len(l.Issues))
		for i, k := range l.Issues {
			issues[i] = h.t(r, "org.issue."+k)
		}
		init, stage, published := "", "", ""
		if v.Initiative != nil {
			init = v.Initiative.Name
		}
		if l.Stage > 0 {
			stage = strconv.Itoa(l.Stage)
		}
		if l.PublishedAt != nil {
			published = l.PublishedAt.Format("2006-01-02")
		}
		evidence := make([]string, len(l.Evidence))
		for i, e := range l.Evidence {
			evidence[i] = e.Label + " " + lessonAbsURL(h.site.BaseURL(), e.URL)
		}
		table = append(table, []string{strconv.FormatInt(l.ID, 10), l.Title, stage, strings.Join(issues, ", "),
			v.RegionName, init, l.Body, l.LedTo, strings.Join(evidence, "\n"), published})
	}
	format := "csv"
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		format = "xlsx"
	}
	kit.WriteTable(h.site, w, r, format, "pelajaran-"+a.Org.Slug, "Pelajaran", table, len(table[0]))
}

// lessonAbsURL makes a site path a full address, for a file read elsewhere.
func lessonAbsURL(base, u string) string {
	if strings.HasPrefix(u, "/") {
		return strings.TrimSuffix(base, "/") + u
	}
	return u
}
