package collab

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/planning"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// roundRoutes registers the planning rounds' pages, exports and API.
func (h *handlers) roundRoutes(mux kit.Router) {
	mux.HandleFunc("GET /perencanaan", h.roundList)
	mux.HandleFunc("GET /perencanaan/baru", h.roundNew)
	mux.HandleFunc("POST /perencanaan/baru", h.roundCreate)
	mux.HandleFunc("GET /perencanaan/{id}", h.roundShow)
	mux.HandleFunc("GET /perencanaan/{id}/hasil.csv", h.roundExport)
	mux.HandleFunc("GET /perencanaan/{id}/hasil.xlsx", h.roundExport)
	mux.HandleFunc("GET /perencanaan/{id}/atur", h.roundSetupForm)
	mux.HandleFunc("POST /perencanaan/{id}/atur", h.roundSetupSave)
	mux.HandleFunc("POST /perencanaan/{id}/peserta", h.roundParticipantAdd)
	mux.HandleFunc("POST /perencanaan/{id}/peserta/{user}/hapus", h.roundParticipantRemove)
	mux.HandleFunc("POST /perencanaan/{id}/buka", h.roundOpen)
	mux.HandleFunc("GET /perencanaan/{id}/nilai", h.roundScoreForm)
	mux.HandleFunc("POST /perencanaan/{id}/nilai/{proposal}", h.roundScore)
	mux.HandleFunc("POST /perencanaan/{id}/tetapkan", h.roundSettle)
	mux.HandleFunc("GET /perencanaan/{id}/tahun/{year}", h.roundYearForm)
	mux.HandleFunc("POST /perencanaan/{id}/tahun/{year}", h.roundYearDecide)
	mux.HandleFunc("GET /api/v1/rounds", h.apiRounds)
	mux.HandleFunc("GET /api/v1/regions/{code}/rounds", h.apiRegionRounds)
	mux.HandleFunc("GET /api/v1/rounds/{id}", h.apiRound)
}

// loadRound reads the {id} round; a bad or unknown id is 404.
func (h *handlers) loadRound(w http.ResponseWriter, r *http.Request) (*planning.Round, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.site.NotFound(w, r)
		return nil, false
	}
	rd, err := h.Rounds.Get(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	return rd, true
}

// canManage reports whether the signed-in user may run the round: a
// platform admin, or an editor or above of the convening organisation.
func (h *handlers) canManage(ctx context.Context, r *http.Request, rd *planning.Round) (bool, error) {
	u := h.site.User(r)
	if u == nil {
		return false, nil
	}
	if u.IsAdmin {
		return true, nil
	}
	role, err := h.Orgs.RoleOf(ctx, rd.OrgID, u.ID)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return role.CanEditProfile(), nil
}

// manageable loads the round for one who may run it: 302 to login for
// the anonymous, 403 for others.
func (h *handlers) manageable(w http.ResponseWriter, r *http.Request) (*planning.Round, bool) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return nil, false
	}
	rd, ok := h.loadRound(w, r)
	if !ok {
		return nil, false
	}
	may, err := h.canManage(r.Context(), r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, false
	}
	if !may {
		h.site.Forbidden(w, r)
		return nil, false
	}
	return rd, true
}

// conveners are the organisations through which userID may convene a
// round: verified government offices where they may edit.
func (h *handlers) conveners(ctx context.Context, userID int64) ([]org.Organization, error) {
	ms, err := h.Orgs.MembershipsOf(ctx, userID)
	if err != nil {
		return nil, err
	}
	var out []org.Organization
	for _, m := range ms {
		if m.Org.Kind.Government() && m.Org.Verified() && m.Role.CanEditProfile() {
			out = append(out, m.Org)
		}
	}
	return out, nil
}

// refusal renders a planning refusal as the round page's error, or fails.
func (h *handlers) refused(w http.ResponseWriter, r *http.Request, rd *planning.Round, err error) {
	if ref, ok := validate.Refused(err); ok {
		h.site.Flash(w, ref.Key)
		kit.Redirect(w, r, planning.Path(rd.ID))
		return
	}
	h.site.ServerError(w, r, err)
}

func within(code, parent string) bool { return code == parent || strings.HasPrefix(code, parent+".") }
