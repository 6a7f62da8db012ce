package learning

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// assessmentPage is the self-assessment of competence of one session,
// beside the scores of the sessions before it.
type assessmentPage struct {
	*sessionDesk
	Areas      []reflection.Area
	Assessment *reflection.Assessment
}

// ScoreField and NoteField name an area's inputs.
func (assessmentPage) ScoreField(id int64) string { return fmt.Sprintf("score_%d", id) }
func (assessmentPage) NoteField(id int64) string  { return fmt.Sprintf("note_%d", id) }

func (h *handlers) assessmentForm(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	a, err := h.Reflections.AssessmentOf(r.Context(), d.Access.Org.ID, d.Session, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	form := url.Values{}
	last := len(a.Sessions) - 1
	for _, row := range a.Rows {
		if last >= 0 && a.Sessions[last].ID == d.Session.ID && row.Scores[last] != 0 {
			form.Set(fmt.Sprintf("score_%d", row.Area.ID), strconv.Itoa(row.Scores[last]))
			form.Set(fmt.Sprintf("note_%d", row.Area.ID), row.Notes[last])
		}
	}
	h.renderAssessment(w, r, d, form, nil)
}

func (h *handlers) assessmentSave(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	areas, err := h.Reflections.Areas(r.Context(), d.Access.Org.ID, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	var scores []reflection.Score
	errs := validate.Errors{}
	for _, a := range areas {
		raw := r.PostForm.Get(fmt.Sprintf("score_%d", a.ID))
		n := 0
		if raw != "" {
			if n, err = strconv.Atoi(raw); err != nil {
				errs.Add(fmt.Sprintf("score_%d", a.ID), "reflection.err.score")
			}
		}
		scores = append(scores, reflection.Score{AreaID: a.ID, Score: n, Note: r.PostForm.Get(fmt.Sprintf("note_%d", a.ID))})
	}
	if len(errs) == 0 {
		err = h.Reflections.SetScores(r.Context(), actor(d.Access), d.Session, scores)
	} else {
		err = errs
	}
	if h.refused(w, r, err, func(errs validate.Errors) { h.renderAssessment(w, r, d, r.PostForm, errs) }) {
		return
	}
	h.site.Flash(w, "reflection.flash.assessment")
	kit.Redirect(w, r, d.URL()+"#penilaian")
}

func (h *handlers) renderAssessment(w http.ResponseWriter, r *http.Request, d *sessionDesk, form url.Values, errs validate.Errors) {
	areas, err := h.Reflections.Areas(r.Context(), d.Access.Org.ID, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	a, err := h.Reflections.AssessmentOf(r.Context(), d.Access.Org.ID, d.Session, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.site.Render(w, r, kit.Page{Name: "learning_reflection_assessment", Title: h.t(r, "reflection.assess.title", d.Session.Title),
		Data: assessmentPage{sessionDesk: d, Areas: areas, Assessment: a}, Status: status, Form: form, Errors: errs})
}

// areaAdd adds an item to the organisation's competence checklist, from
// a session's assessment page (?sesi=ID brings the writer back there).
func (h *handlers) areaAdd(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	back := h.areaBack(a, r)
	if err := h.Reflections.AddArea(r.Context(), a.Org.ID, r.PostForm.Get("area")); err != nil {
		var errs validate.Errors
		if asErrors(err, &errs) {
			h.site.Flash(w, "reflection.err.area_name")
			kit.Redirect(w, r, back)
			return
		}
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "reflection.flash.area")
	kit.Redirect(w, r, back)
}

func (h *handlers) areaArchive(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	if err := h.Reflections.ArchiveArea(r.Context(), a.Org.ID, pathID(r, "aid"), true); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "reflection.flash.area_archived")
	kit.Redirect(w, r, h.areaBack(a, r))
}

// areaBack is the assessment page the checklist was edited from, or the
// sessions list.
func (h *handlers) areaBack(a *kit.Access, r *http.Request) string {
	if id := atoi64(r.PostForm.Get("sesi")); id > 0 {
		if s, err := h.Reflections.Session(r.Context(), id); err == nil && s.OrgID == a.Org.ID {
			return reflection.SessionPath(a.Org.Slug, id) + "/penilaian"
		}
	}
	return "/organisasi/" + a.Org.Slug + "/refleksi"
}
