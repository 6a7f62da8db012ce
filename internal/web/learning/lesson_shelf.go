package learning

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
	"lokadaya/internal/web/kit"
)

// lessonLibraryPage is the public lessons library across organisations.
type lessonLibraryPage struct {
	Query, Stage, Issue string
	Picker              any
	Stages              []lessonStageChoice
	Issues              []string
	Items               []*lessonLibraryItem
	ErrorKey            string
	NextURL             string
	Filtered            bool
}

// lessonLibraryItem is one lesson of a page of the library.
type lessonLibraryItem struct {
	*lesson.Lesson
	Org       search.Extra
	StageName string
	Summary   string
}

// lessonQuery is a search of the library: the words, stage, issue and
// region filters (a whole region code), and the page's cursor.
type lessonQuery struct {
	Query, Stage, Issue, Region, Cursor string
}

// search runs q on the site's search index, lessons only, and loads the
// lessons found. A bad filter is a *search.InputError.
func (h *handlers) searchLessons(ctx context.Context, q lessonQuery, limit int) ([]*lessonLibraryItem, string, error) {
	if q.Stage != "" {
		if n, err := strconv.Atoi(q.Stage); err != nil || n < 1 || n > lesson.Stages {
			return nil, "", search.ErrBadFilter
		}
	}
	if q.Issue != "" && !org.ValidFocusIssue(q.Issue) {
		return nil, "", search.ErrBadFilter
	}
	x := h.Search
	if err := x.Ready(ctx); err != nil {
		return nil, "", err
	}
	res, err := x.Search(ctx, search.Params{Type: search.TypeLesson, Query: q.Query, Stage: q.Stage, Issue: q.Issue,
		Region: q.Region, Cursor: q.Cursor, Limit: limit})
	if err != nil {
		return nil, "", err
	}
	ids := make([]int64, len(res.Hits))
	extra := make(map[int64]search.Hit, len(res.Hits))
	for i, hit := range res.Hits {
		ids[i], extra[hit.ID] = hit.ID, hit
	}
	list, err := h.Lessons.ByIDs(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	items := make([]*lessonLibraryItem, 0, len(list))
	for _, l := range list {
		if !l.Published {
			continue // unpublished since the index was read
		}
		hit := extra[l.ID]
		items = append(items, &lessonLibraryItem{Lesson: l, Org: hit.Extra, Summary: hit.Summary})
	}
	return items, res.Next, nil
}

// lessonLibrary is the public library: GET /pelajaran?q=&tahap=&isu=
// with the region picker, paged.
func (h *handlers) lessonLibrary(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	picker, err := h.site.RegionPicker(r, qs, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	q := lessonQuery{Query: qs.Get("q"), Stage: strings.TrimSpace(qs.Get("tahap")), Issue: strings.TrimSpace(qs.Get("isu")),
		Region: picker.Code, Cursor: qs.Get("cursor")}
	p := &lessonLibraryPage{Query: q.Query, Stage: q.Stage, Issue: q.Issue, Picker: picker.View, Issues: org.FocusIssues,
		Filtered: q.Stage != "" || q.Issue != "" || q.Region != ""}
	for n := 1; n <= lesson.Stages; n++ {
		p.Stages = append(p.Stages, lessonStageChoice{Number: n, Name: lessonStageName(h.site.Lang(r), n)})
	}
	status := http.StatusOK
	items, next, err := h.searchLessons(r.Context(), q, search.DefaultLimit)
	var ie *search.InputError
	switch {
	case errors.As(err, &ie):
		p.ErrorKey, status = ie.Key, http.StatusBadRequest
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	}
	for _, it := range items {
		it.StageName = lessonStageName(h.site.Lang(r), it.Stage)
	}
	p.Items = items
	if next != "" {
		nq := url.Values{}
		for k, v := range map[string]string{"q": q.Query, "tahap": q.Stage, "isu": q.Issue, region.FieldCode: q.Region, "cursor": next} {
			if v != "" {
				nq.Set(k, v)
			}
		}
		p.NextURL = "/pelajaran?" + nq.Encode()
	}
	h.site.Render(w, r, kit.Page{Name: "learning_lesson_shelf", Title: h.t(r, "lesson.shelf"), Data: p, Status: status})
}
