package learning

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/initiative"
	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// lessonFormPage is the form of a new or changed lesson.
type lessonFormPage struct {
	Access      *kit.Access
	Base        string
	Lesson      *lesson.Lesson // nil for a new one
	Action      string
	Picker      any
	Stages      []lessonStageChoice
	Issues      []string
	Initiatives []*initiative.Initiative
	// CycleNumber and CycleStage name the cycle stage a lesson is written
	// from (?siklus=&tahap=), 0 when none.
	CycleNumber, CycleStage int
}

type lessonStageChoice struct {
	Number int
	Name   string
}

// lessonNew shows the form of a new lesson; ?tahap=N&siklus=C (the cycle
// stage page's link) prefill the stage and the cycle it is written from.
func (h *handlers) lessonNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{"source_kind": {lesson.SourceElsewhere}}
	q := r.URL.Query()
	if n, err := strconv.Atoi(q.Get("tahap")); err == nil && n >= 1 && n <= lesson.Stages {
		form.Set("stage", strconv.Itoa(n))
	}
	if id, err := strconv.ParseInt(q.Get("siklus"), 10, 64); err == nil && id > 0 {
		if c, err := h.Cycles.Get(r.Context(), id); err == nil && c.OrgID == a.Org.ID {
			form.Set("source_kind", lesson.SourceCycle)
			form.Set("source_id", strconv.FormatInt(id, 10))
		}
	}
	h.renderLessonForm(w, r, http.StatusOK, a, nil, form, nil)
}

func (h *handlers) lessonCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderLessonForm(w, r, http.StatusOK, a, nil, r.PostForm, nil)
		return
	}
	in := lesson.FromForm(a.Org.ID, r.PostForm)
	in.Published = r.PostForm.Get("published") != ""
	l, err := h.Lessons.Create(r.Context(), lessonActor(a), in)
	h.afterLessonSave(w, r, a, nil, l, err)
}

func (h *handlers) lessonEdit(w http.ResponseWriter, r *http.Request) {
	a, l, ok := h.openLesson(w, r)
	if !ok {
		return
	}
	h.renderLessonForm(w, r, http.StatusOK, a, l, l.Form(), nil)
}

func (h *handlers) lessonUpdate(w http.ResponseWriter, r *http.Request) {
	a, l, ok := h.openLesson(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderLessonForm(w, r, http.StatusOK, a, l, r.PostForm, nil)
		return
	}
	err := h.Lessons.Update(r.Context(), lessonActor(a), l, lesson.FromForm(a.Org.ID, r.PostForm))
	h.afterLessonSave(w, r, a, l, l, err)
}

func (h *handlers) lessonPublish(w http.ResponseWriter, r *http.Request) {
	h.lessonSetPublished(w, r, true)
}
func (h *handlers) lessonUnpublish(w http.ResponseWriter, r *http.Request) {
	h.lessonSetPublished(w, r, false)
}

func (h *handlers) lessonSetPublished(w http.ResponseWriter, r *http.Request, on bool) {
	a, l, ok := h.openLesson(w, r)
	if !ok {
		return
	}
	do, flash := h.Lessons.Unpublish, "lesson.flash.unpublished"
	if on {
		do, flash = h.Lessons.Publish, "lesson.flash.published"
	}
	if err := do(r.Context(), lessonActor(a), l); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, flash)
	kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/pelajaran")
}

// openLesson loads the organisation for a writer and its lesson {id}; a
// lesson of another organisation is 404.
func (h *handlers) openLesson(w http.ResponseWriter, r *http.Request) (*kit.Access, *lesson.Lesson, bool) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	l, err := h.Lessons.ByID(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if l.OrgID != a.Org.ID {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return a, l, true
}

// afterLessonSave goes to the lesson's page, or shows the form again
// with the user's input and what is wrong with it.
func (h *handlers) afterLessonSave(w http.ResponseWriter, r *http.Request, a *kit.Access, old, l *lesson.Lesson, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderLessonForm(w, r, http.StatusUnprocessableEntity, a, old, r.PostForm, errs)
	case err != nil:
		h.site.Fail(w, r, err)
	default:
		h.site.Flash(w, "lesson.flash.saved")
		kit.Redirect(w, r, "/pelajaran/"+strconv.FormatInt(l.ID, 10))
	}
}

func (h *handlers) renderLessonForm(w http.ResponseWriter, r *http.Request, status int, a *kit.Access,
	l *lesson.Lesson, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	inits, _, err := h.Initiatives.List(r.Context(), initiative.ListOptions{OrgID: a.Org.ID, Limit: 200})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	base := "/organisasi/" + a.Org.Slug + "/pelajaran"
	p := &lessonFormPage{Access: a, Base: base, Lesson: l, Action: base + "/baru", Picker: picker.View,
		Issues: org.FocusIssues, Initiatives: inits}
	for n := 1; n <= lesson.Stages; n++ {
		p.Stages = append(p.Stages, lessonStageChoice{Number: n, Name: lessonStageName(h.site.Lang(r), n)})
	}
	if form.Get("source_kind") == lesson.SourceCycle {
		if id, err := strconv.ParseInt(form.Get("source_id"), 10, 64); err == nil {
			if c, err := h.Cycles.Get(r.Context(), id); err == nil && c.OrgID == a.Org.ID {
				p.CycleNumber = c.Number
				p.CycleStage, _ = strconv.Atoi(form.Get("stage"))
			}
		}
	}
	title := h.t(r, "lesson.new")
	if l != nil {
		p.Action, title = base+"/"+strconv.FormatInt(l.ID, 10)+"/ubah", h.t(r, "lesson.edit")
	}
	h.site.Render(w, r, kit.Page{Name: "learning_lesson_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}
