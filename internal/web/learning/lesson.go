package learning

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/web/kit"
)

// lessonRoutes registers the pages and API of the lessons.
func (h *handlers) lessonRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/pelajaran", h.lessonsOfOrg)
	mux.HandleFunc("GET /organisasi/{slug}/pelajaran/baru", h.lessonNew)
	mux.HandleFunc("POST /organisasi/{slug}/pelajaran/baru", h.lessonCreate)
	mux.HandleFunc("GET /organisasi/{slug}/pelajaran/{id}/ubah", h.lessonEdit)
	mux.HandleFunc("POST /organisasi/{slug}/pelajaran/{id}/ubah", h.lessonUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/pelajaran/{id}/terbitkan", h.lessonPublish)
	mux.HandleFunc("POST /organisasi/{slug}/pelajaran/{id}/tarik", h.lessonUnpublish)
	mux.HandleFunc("GET /organisasi/{slug}/pelajaran.csv", h.lessonExport)
	mux.HandleFunc("GET /organisasi/{slug}/pelajaran.xlsx", h.lessonExport)
	mux.HandleFunc("GET /pelajaran", h.lessonLibrary)
	mux.HandleFunc("GET /pelajaran/{id}", h.lessonPage)
	mux.HandleFunc("GET /api/v1/lessons", h.lessonsAPI)
}

// lessonView is a lesson with what its pages show of it.
type lessonView struct {
	*lesson.Lesson
	Org        *org.Organization
	Initiative *initiative.Initiative // nil: none, or not public to the caller
	StageName  string
	RegionName string
}

// lessonStageName is the title of stage n of the current framework ("" for 0).
func lessonStageName(l i18n.Lang, n int) string {
	if n <= 0 {
		return ""
	}
	if st, ok := framework.Current().Stage(n); ok {
		return st.Title.In(l)
	}
	return ""
}

// viewLesson gathers what a lesson's page shows, for a caller with access a
// to its organisation: an unpublished initiative only to its readers.
func (h *handlers) viewLesson(r *http.Request, a *kit.Access, l *lesson.Lesson) (*lessonView, error) {
	v := &lessonView{Lesson: l, Org: a.Org, StageName: lessonStageName(h.site.Lang(r), l.Stage)}
	if l.InitiativeID != 0 {
		i, err := h.Initiatives.ByID(r.Context(), l.InitiativeID)
		switch {
		case errors.Is(err, db.ErrNotFound):
		case err != nil:
			return nil, err
		case i.Published() || a.CanRead():
			v.Initiative = i
		}
	}
	names, err := h.Regions.Ancestors(r.Context(), l.RegionCode)
	if err != nil {
		return nil, err
	}
	parts := make([]string, 0, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		parts = append(parts, names[i].Name)
	}
	v.RegionName = strings.Join(parts, ", ")
	return v, nil
}

// orgLessonsPage is an organisation's lessons.
type orgLessonsPage struct {
	Access    *kit.Access
	Base      string
	Published []*lessonView
	Drafts    []*lessonView
}

// lessonsOfOrg shows an organisation's published lessons to everyone, and
// its drafts and the forms to its people.
func (h *handlers) lessonsOfOrg(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	list, err := h.Lessons.ForOrg(r.Context(), a.Org.ID, a.CanRead())
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &orgLessonsPage{Access: a, Base: "/organisasi/" + a.Org.Slug}
	for _, l := range list {
		v, err := h.viewLesson(r, a, l)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		if l.Published {
			p.Published = append(p.Published, v)
		} else {
			p.Drafts = append(p.Drafts, v)
		}
	}
	h.site.Render(w, r, kit.Page{Name: "learning_lesson_org", Title: h.t(r, "lesson.title_of", a.Org.Name), Data: p})
}

// lessonPage shows one lesson: to everyone when published, to the
// organisation's readers when a draft.
func (h *handlers) lessonPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	l, err := h.Lessons.ByID(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	a, ok := kit.AccessOf(h.site, h.Orgs, w, r, l.OrgID)
	if !ok {
		return
	}
	if (!l.Published || a.Hidden()) && !a.CanRead() {
		h.site.NotFound(w, r)
		return
	}
	v, err := h.viewLesson(r, a, l)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_lesson_page", Title: l.Title,
		Data: &lessonPageData{Access: a, Lesson: v, Base: "/organisasi/" + a.Org.Slug}})
}

type lessonPageData struct {
	Access *kit.Access
	Lesson *lessonView
	Base   string
}

// lessonActor is who acts, for the audit log.
func lessonActor(a *kit.Access) lesson.Actor {
	id, name := a.Actor()
	return lesson.Actor{ID: id, Name: name}
}

// Paragraphs splits text at blank lines (and lone line breaks) into the
// paragraphs a page shows.
func (v *lessonView) Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
