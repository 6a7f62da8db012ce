package learning

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/cadre"
	"lokadaya/internal/web/kit"
)

// cadreExport downloads one cadre's data as JSON for the organisation's
// writers (to hand to the cadre who asks for it); the download is
// audit-logged.
func (h *handlers) cadreExport(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if err := h.Cadres.LogExport(r.Context(), cadreActor(a), c); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Cache-Control", "private, no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Disposition", `attachment; filename="kader-`+strconv.FormatInt(c.ID, 10)+`.json"`)
	hd.Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(map[string]any{"organization": a.Org.Slug, "cadre": c})
}

// cadreEraseConfirm asks a writer to confirm erasing a cadre.
func (h *handlers) cadreEraseConfirm(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderErase(w, r, http.StatusOK, a, c, nil)
}

func (h *handlers) renderErase(w http.ResponseWriter, r *http.Request, status int, a *kit.Access, c *cadre.Cadre, errs map[string]string) {
	h.site.Render(w, r, kit.Page{Name: "learning_cadre_erase", Title: h.t(r, "cadre.erase.title", c.Name),
		Data: &cadrePage{Access: a, Base: "/organisasi/" + a.Org.Slug, C: c}, Status: status, Form: r.PostForm, Errors: errs})
}

// cadreErase removes the cadre for good once the writer typed its name.
func (h *handlers) cadreErase(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCadre(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !strings.EqualFold(strings.TrimSpace(r.PostForm.Get("confirm")), strings.TrimSpace(c.Name)) {
		h.renderErase(w, r, http.StatusUnprocessableEntity, a, c, map[string]string{"confirm": "cadre.err.confirm"})
		return
	}
	if err := h.Cadres.Erase(r.Context(), cadreActor(a), c); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "cadre.flash.erased")
	kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/kader")
}

// cadreRegisterExport downloads the register (kader.csv, kader.xlsx) for
// the organisation's people.
func (h *handlers) cadreRegisterExport(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Cadres.List(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	table := [][]string{{"id", "name", "role", "region_code", "level", "active", "phone", "email", "skills", "trainings", "led"}}
	for _, c := range list {
		var trainings, led []string
		for _, t := range c.Trainings {
			trainings = append(trainings, t.TakenOn+" "+t.Name)
		}
		for _, x := range c.Activities {
			led = append(led, x.DoneOn+" "+x.Name)
		}
		table = append(table, []string{strconv.FormatInt(c.ID, 10), c.Name, c.Role, c.RegionCode, c.Level,
			strconv.FormatBool(c.Active), c.Phone, c.Email, strings.Join(c.Skills, "; "), strings.Join(trainings, "; "),
			strings.Join(led, "; ")})
	}
	h.commitmentSendTable(w, r, commitmentFileFormat(r), "kader-"+a.Org.Slug, "Kader", table)
}
