package collab

import (
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/proposal"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// adopter is one of the signed-in user's OMS that may take the proposal
// up, with what it could take it up as.
type adopter struct {
	ID                     int64
	Name                   string
	Initiatives, Campaigns []proposal.Target
}

// adopters are the verified OMS where the user may edit.
func (h *handlers) adopters(r *http.Request, ms []org.Membership) ([]adopter, error) {
	var out []adopter
	for _, m := range ms {
		if !m.Org.IsOMS() || !m.Org.Verified() || !m.Role.CanEditProfile() {
			continue
		}
		inits, camps, err := h.Proposals.Targets(r.Context(), m.Org.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, adopter{ID: m.Org.ID, Name: m.Org.Name, Initiatives: inits, Campaigns: camps})
	}
	return out, nil
}

// adopt is POST /usulan/{id}/ambil with org and as: "baru" (a new draft
// initiative in the organisation's cycle), "inisiatif:ID" or
// "kampanye:ID".
func (h *handlers) adopt(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	p, ok := h.load(w, r)
	if !ok {
		return
	}
	orgID, _ := strconv.ParseInt(r.PostForm.Get("org"), 10, 64)
	as, target := proposal.AsInitiative, int64(0)
	if v := r.PostForm.Get("as"); v != "baru" {
		kind, id, _ := strings.Cut(v, ":")
		as = kind
		target, _ = strconv.ParseInt(id, 10, 64)
	}
	_, err := h.Proposals.Adopt(r.Context(), actor(r, h.site), p.ID, orgID, as, target)
	h.answerAdoption(w, r, p.ID, err, "proposal.flash.adopted")
}

// unadopt is POST /usulan/{id}/ambil/{aid}/batal.
func (h *handlers) unadopt(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return
	}
	p, ok := h.load(w, r)
	if !ok {
		return
	}
	aid, err := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	if err != nil || aid <= 0 {
		h.site.NotFound(w, r)
		return
	}
	err = h.Proposals.Unadopt(r.Context(), actor(r, h.site), aid)
	h.answerAdoption(w, r, p.ID, err, "proposal.flash.unadopted")
}

func (h *handlers) answerAdoption(w http.ResponseWriter, r *http.Request, id int64, err error, done string) {
	switch ref, refused := validate.Refused(err); {
	case err == nil:
		h.site.Flash(w, done)
	case err == db.ErrNotFound:
		h.site.NotFound(w, r)
		return
	case err == proposal.ErrNotMember:
		h.site.Forbidden(w, r)
		return
	case refused:
		h.site.Flash(w, ref.Key)
	default:
		h.site.ServerError(w, r, err)
		return
	}
	kit.Redirect(w, r, path(id)+"#diambil")
}
