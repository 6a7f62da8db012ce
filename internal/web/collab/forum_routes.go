package collab

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/forum"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// forumRoutes registers the forums and their joint action teams (seed
// 001): public pages of published forums and teams, the forms of those
// who convene and manage them, the members' reviews and sittings, the
// plan's export and the API.
func forumRoutes(mux kit.Router, h *handlers) {
	mux.HandleFunc("GET /forum", h.forumList)
	mux.HandleFunc("GET /forum/baru", h.forumNew)
	mux.HandleFunc("POST /forum/baru", h.forumCreate)
	mux.HandleFunc("GET /forum/{id}", h.forumShow)
	mux.HandleFunc("GET /forum/{id}/ubah", h.forumEdit)
	mux.HandleFunc("POST /forum/{id}/ubah", h.forumUpdate)
	mux.HandleFunc("POST /forum/{id}/tim", h.teamCreate)
	mux.HandleFunc("GET /tim/{id}", h.teamShow)
	mux.HandleFunc("GET /tim/{id}/anggota", h.teamMembers)
	mux.HandleFunc("POST /tim/{id}/anggota", h.teamMemberSave)
	mux.HandleFunc("POST /tim/{id}/anggota/{user}/hapus", h.teamMemberRemove)
	mux.HandleFunc("GET /tim/{id}/kegiatan/baru", h.activityNew)
	mux.HandleFunc("POST /tim/{id}/kegiatan/baru", h.activityCreate)
	mux.HandleFunc("GET /tim/{id}/kegiatan/{aid}", h.activityEdit)
	mux.HandleFunc("POST /tim/{id}/kegiatan/{aid}", h.activityUpdate)
	mux.HandleFunc("POST /tim/{id}/data", h.teamCite)
	mux.HandleFunc("POST /tim/{id}/tinjauan", h.reviewSchedule)
	mux.HandleFunc("GET /tim/{id}/tinjauan/{rid}", h.reviewForm)
	mux.HandleFunc("POST /tim/{id}/tinjauan/{rid}", h.reviewRecord)
	mux.HandleFunc("GET /tim/{id}/sesi", h.sittingForm)
	mux.HandleFunc("POST /tim/{id}/sesi", h.sittingRecord)
	mux.HandleFunc("GET /tim/{id}/iklim", h.climate)
	mux.HandleFunc("GET /tim/{id}/rencana.csv", h.planExport)
	mux.HandleFunc("GET /tim/{id}/rencana.xlsx", h.planExport)
	mux.HandleFunc("GET /api/v1/forums", h.apiForums)
	mux.HandleFunc("GET /api/v1/action-teams/{id}", h.apiTeam)
}

func forumPath(id int64) string { return "/forum/" + strconv.FormatInt(id, 10) }
func teamPath(id int64) string  { return "/tim/" + strconv.FormatInt(id, 10) }

// forumActor is the signed-in user as the forum store sees them.
func forumActor(r *http.Request, site kit.Site) forum.Actor {
	u := site.User(r)
	if u == nil {
		return forum.Actor{}
	}
	return forum.Actor{ID: u.ID, Name: u.Name, Admin: u.IsAdmin}
}

func pathID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// loadForum reads the {id} forum with whether the caller manages it; an
// unpublished forum is 404 to all but those who manage it.
func (h *handlers) loadForum(w http.ResponseWriter, r *http.Request) (*forum.Forum, bool, bool) {
	id := pathID(r, "id")
	if id == 0 {
		h.site.NotFound(w, r)
		return nil, false, false
	}
	f, err := h.Forums.Get(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false, false
	}
	manages, err := h.Forums.CanManage(r.Context(), forumActor(r, h.site), f)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, false, false
	}
	if !f.Published && !manages {
		h.site.NotFound(w, r)
		return nil, false, false
	}
	return f, manages, true
}

// teamAccess is a team with what the caller may do there.
type teamAccess struct {
	Team    *forum.Team
	Manages bool
	// Me is the caller's membership, nil when not a member.
	Me *forum.Member
}

// loadTeam reads the {id} team; a team of an unpublished forum is 404 to
// all but its managers and members.
func (h *handlers) loadTeam(w http.ResponseWriter, r *http.Request) (*teamAccess, bool) {
	id := pathID(r, "id")
	if id == 0 {
		h.site.NotFound(w, r)
		return nil, false
	}
	t, err := h.Forums.Team(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	a := &teamAccess{Team: t}
	if u := h.site.User(r); u != nil {
		a.Me = t.MemberOf(u.ID)
		if a.Manages, err = h.Forums.CanManageTeam(r.Context(), forumActor(r, h.site), t); err != nil {
			h.site.ServerError(w, r, err)
			return nil, false
		}
	}
	if !t.Forum.Published && !a.Manages && a.Me == nil {
		h.site.NotFound(w, r)
		return nil, false
	}
	return a, true
}

// teamFor loads the team for a signed-in caller allowed by may; others
// are sent to sign in or refused.
func (h *handlers) teamFor(w http.ResponseWriter, r *http.Request, may func(*teamAccess) bool) (*teamAccess, bool) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return nil, false
	}
	a, ok := h.loadTeam(w, r)
	if !ok {
		return nil, false
	}
	if !may(a) {
		h.site.Forbidden(w, r)
		return nil, false
	}
	return a, true
}

func manages(a *teamAccess) bool  { return a.Manages }
func isMember(a *teamAccess) bool { return a.Me != nil }

// forumRefused answers a store error that is not a field error: a refusal goes
// back to the team page with its message, not found is 404, else 500.
func (h *handlers) forumRefused(w http.ResponseWriter, r *http.Request, back string, err error) {
	if errors.Is(err, forum.ErrNotAllowed) || errors.Is(err, forum.ErrNotMember) {
		h.site.Forbidden(w, r)
		return
	}
	if ref, ok := validate.Refused(err); ok {
		h.site.Flash(w, ref.Key)
		kit.Redirect(w, r, back)
		return
	}
	h.site.Fail(w, r, err)
}

func fieldErrors(err error) (validate.Errors, bool) {
	var e validate.Errors
	ok := errors.As(err, &e)
	return e, ok
}

func isNotFound(err error) bool { return errors.Is(err, db.ErrNotFound) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
