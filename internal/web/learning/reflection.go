package learning

import (
	"net/http"
	"strconv"

	"lokadaya/internal/reflection"
	"lokadaya/internal/web/kit"
)

// reflectionRoutes registers the reflection sessions (CoRel), their
// outcome and the action plan.
func (h *handlers) reflectionRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/refleksi", h.sessionList)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/baru", h.sessionNew)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/baru", h.sessionCreate)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/{id}", h.sessionShow)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/{id}/ubah", h.sessionEdit)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/ubah", h.sessionUpdate)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/{id}/cetak.pdf", h.sessionPDF)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/{id}/unduh/{file}", h.sessionExport)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/kelompok", h.groupAdd)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/kelompok/{gid}/masukan", h.inputAdd)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/masukan/{iid}/hapus", h.inputRemove)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/temuan", h.findingAdd)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/temuan/{fid}/hapus", h.findingRemove)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/temuan/{fid}/inisiatif", h.findingInitiative)
	mux.HandleFunc("GET /organisasi/{slug}/refleksi/{id}/penilaian", h.assessmentForm)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/penilaian", h.assessmentSave)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/selesai", h.sessionHeld)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/terbitkan", h.sessionPublish)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/tarik", h.sessionUnpublish)
	mux.HandleFunc("POST /organisasi/{slug}/refleksi/{id}/aksi", h.actionAdd)
	mux.HandleFunc("POST /organisasi/{slug}/kompetensi", h.areaAdd)
	mux.HandleFunc("POST /organisasi/{slug}/kompetensi/{aid}/arsip", h.areaArchive)

	mux.HandleFunc("GET /organisasi/{slug}/rencana-aksi", h.actionList)
	mux.HandleFunc("GET /organisasi/{slug}/rencana-aksi/{file}", h.actionExport)
	mux.HandleFunc("GET /organisasi/{slug}/rencana-aksi/{id}/ubah", h.actionEdit)
	mux.HandleFunc("POST /organisasi/{slug}/rencana-aksi/{id}/ubah", h.actionUpdate)

	mux.HandleFunc("GET /api/v1/organizations/{slug}/reflections", h.apiReflections)
}

// sessionDesk is a session of an organisation opened by a caller, with
// what they may do there.
type sessionDesk struct {
	Access  *kit.Access
	Session *reflection.Session
}

// CanWrite reports whether the caller records the session.
func (d *sessionDesk) CanWrite() bool { return d.Access.CanWrite() }

// URL is the session's page.
func (d *sessionDesk) URL() string { return reflection.SessionPath(d.Access.Org.Slug, d.Session.ID) }

func actor(a *kit.Access) reflection.Actor {
	id, name := a.Actor()
	return reflection.Actor{ID: id, Name: name}
}

// openSession loads the {id} session of the {slug} organisation. A
// published session is open to anyone; otherwise the caller must be
// allowed by may (and signed in).
func (h *handlers) openSession(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*sessionDesk, bool) {
	var a *kit.Access
	var ok bool
	if may == nil {
		a, ok = kit.PublicOrg(h.site, h.Orgs, w, r)
	} else {
		a, ok = h.site.Org(w, r, may)
	}
	if !ok {
		return nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, false
	}
	s, err := h.Reflections.Session(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	if s.OrgID != a.Org.ID || (may == nil && !s.Published() && !a.CanRead()) {
		if may == nil && a.User == nil && s.OrgID == a.Org.ID {
			// An unpublished session: a member may be signed out.
			if _, ok := h.site.RequireUser(w, r); !ok {
				return nil, false
			}
		}
		h.site.NotFound(w, r)
		return nil, false
	}
	return &sessionDesk{Access: a, Session: s}, true
}

func pathID(r *http.Request, name string) int64 {
	id, _ := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id
}
