package learning

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/cadre"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// cadreFormPage is the form of a new or changed cadre.
type cadreFormPage struct {
	Access  *kit.Access
	Base    string
	C       *cadre.Cadre // nil for a new one
	Picker  any
	Action  string
	Levels  []string
	Signups []cadre.Signup
}

func (h *handlers) cadreNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderCadreForm(w, r, http.StatusOK, a, nil, url.Values{"active": {"1"}}, nil)
}

func (h *handlers) cadreCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderCadreForm(w, r, http.StatusOK, a, nil, r.PostForm, nil)
		return
	}
	c, err := h.Cadres.Create(r.Context(), cadreActor(a), a.Org.ID, cadre.FromForm(r.PostForm))
	h.afterCadreSave(w, r, a, c, nil, err)
}

func (h *handlers) cadreEdit(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderCadreForm(w, r, http.StatusOK, a, c, c.Form(), nil)
}

func (h *handlers) cadreUpdate(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderCadreForm(w, r, http.StatusOK, a, c, r.PostForm, nil)
		return
	}
	err := h.Cadres.Update(r.Context(), cadreActor(a), c, cadre.FromForm(r.PostForm))
	h.afterCadreSave(w, r, a, c, c, err)
}

func (h *handlers) afterCadreSave(w http.ResponseWriter, r *http.Request, a *kit.Access, saved, editing *cadre.Cadre, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderCadreForm(w, r, http.StatusUnprocessableEntity, a, editing, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "cadre.flash.saved")
		kit.Redirect(w, r, cadreURL(a, saved))
	}
}

func (h *handlers) renderCadreForm(w http.ResponseWriter, r *http.Request, status int, a *kit.Access,
	c *cadre.Cadre, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	base := "/organisasi/" + a.Org.Slug
	p := &cadreFormPage{Access: a, Base: base, C: c, Picker: picker.View, Action: base + "/kader/baru", Levels: cadre.Levels}
	if p.Signups, err = h.Cadres.Signups(r.Context(), a.Org.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	title := h.t(r, "cadre.new")
	if c != nil {
		p.Action, title = cadreURL(a, c)+"/ubah", h.t(r, "cadre.edit", c.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "learning_cadre_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

// cadrePage is one cadre with trainings and activities and, for writers,
// the forms that add them.
type cadrePage struct {
	Access     *kit.Access
	Base       string
	C          *cadre.Cadre
	RegionName string
	Signup     *cadre.Signup
}

func (h *handlers) cadreDetail(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	h.renderCadre(w, r, http.StatusOK, a, c, url.Values{}, nil)
}

func (h *handlers) renderCadre(w http.ResponseWriter, r *http.Request, status int, a *kit.Access, c *cadre.Cadre,
	form url.Values, errs validate.Errors) {
	p := &cadrePage{Access: a, Base: "/organisasi/" + a.Org.Slug, C: c}
	names := map[string]string{}
	if err := h.cadreRegionNames(r, names, []string{c.RegionCode}); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.RegionName = names[c.RegionCode]
	if c.SignupID != nil {
		signups, err := h.Cadres.Signups(r.Context(), a.Org.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		for i := range signups {
			if signups[i].ID == *c.SignupID {
				p.Signup = &signups[i]
			}
		}
	}
	h.site.Render(w, r, kit.Page{Name: "learning_cadre_detail", Title: c.Name, Data: p, Status: status, Form: form, Errors: errs})
}

func (h *handlers) cadreTrainingCreate(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Cadres.AddTraining(r.Context(), cadreActor(a), c, a.Org.RegionCode, cadre.TrainingFromForm(r.PostForm))
	h.afterCadreItem(w, r, a, c, err, "#pelatihan")
}

func (h *handlers) cadreActivityCreate(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Cadres.AddActivity(r.Context(), cadreActor(a), c, a.Org.RegionCode, cadre.ActivityFromForm(r.PostForm))
	h.afterCadreItem(w, r, a, c, err, "#kegiatan")
}

func (h *handlers) afterCadreItem(w http.ResponseWriter, r *http.Request, a *kit.Access, c *cadre.Cadre, err error, anchor string) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderCadre(w, r, http.StatusUnprocessableEntity, a, c, r.PostForm, errs)
	case err != nil:
		h.site.Fail(w, r, err)
	default:
		h.site.Flash(w, "cadre.flash.saved")
		kit.Redirect(w, r, cadreURL(a, c)+anchor)
	}
}

func (h *handlers) cadreItemDelete(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	kind := map[string]string{"pelatihan": "training", "kegiatan": "activity"}[r.PathValue("kind")]
	id, err := strconv.ParseInt(r.PathValue("item"), 10, 64)
	if kind == "" || err != nil {
		h.site.NotFound(w, r)
		return
	}
	if err := h.Cadres.DeleteItem(r.Context(), cadreActor(a), c, kind, id); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "cadre.flash.saved")
	kit.Redirect(w, r, cadreURL(a, c)+"#"+r.PathValue("kind"))
}
