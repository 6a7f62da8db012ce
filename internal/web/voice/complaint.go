package voice

import (
	"errors"
	"fmt"
	"net/http"

	"lokadaya/internal/complaint"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/web/kit"
)

// ComplaintStores are what the complaint pages use.
type ComplaintStores struct {
	Complaints  *complaint.Store
	Orgs        *org.Store
	Initiatives *initiative.Store
	Hubs        *hub.Store
	// FileLimit bounds complaints filed from one address; LookupLimit the
	// status pages opened from one, so codes cannot be guessed.
	FileLimit, LookupLimit *ratelimit.Limiter
	// ClientIP is the caller's address as the site sees it (behind a
	// trusted proxy, the forwarded one).
	ClientIP func(*http.Request) string
}

type complaintHandlers struct {
	site kit.Site
	ComplaintStores
}

// ComplaintRoutes registers the complaint pages and API: the public form,
// status page and log, the staff's inbox, the hubs' escalations.
func ComplaintRoutes(mux kit.Router, site kit.Site, stores ComplaintStores) {
	h := &complaintHandlers{site: site, ComplaintStores: stores}
	// The complainant: no account needed.
	mux.HandleFunc("GET /organisasi/{slug}/adukan", h.form)
	mux.HandleFunc("POST /organisasi/{slug}/adukan", h.file)
	mux.HandleFunc("GET /pengaduan", h.lookup)
	mux.HandleFunc("GET /pengaduan/{code}", h.status)
	mux.HandleFunc("POST /pengaduan/{code}/nilai", h.rate)
	mux.HandleFunc("POST /pengaduan/{code}/buka-kembali", h.reopen)
	mux.HandleFunc("GET /pengaduan/{code}/foto", h.publicPhoto)
	// The public log and its downloads.
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan-publik", h.orgLog)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan-publik.csv", h.orgLogCSV)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan-publik.xlsx", h.orgLogXLSX)
	mux.HandleFunc("GET /inisiatif/{slug}/pengaduan-publik", h.initiativeLog)
	// The organisation's staff.
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan", h.inbox)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan/catat", h.paperForm)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/catat", h.paperFile)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan/pengaturan", h.settings)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/pengaturan", h.settingsSave)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/pengaturan/webhook", h.webhookSecret)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan/{code}", h.detail)
	mux.HandleFunc("GET /organisasi/{slug}/pengaduan/{code}/foto", h.staffPhoto)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/{code}/tugaskan", h.assign)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/{code}/status", h.move)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/{code}/jawab", h.answer)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/{code}/samarkan", h.redact)
	mux.HandleFunc("POST /organisasi/{slug}/pengaduan/{code}/foto", h.attachPhoto)
	// Hub coordinators: the escalations of their region.
	mux.HandleFunc("GET /simpul/{slug}/pengaduan", h.hubEscalations)
	// The API.
	mux.HandleFunc("POST /api/v1/organizations/{slug}/complaints", h.apiFile)
	mux.HandleFunc("GET /api/v1/organizations/{slug}/complaints", h.apiOrgLog)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/complaints", h.apiInitiativeLog)
	mux.HandleFunc("POST /api/v1/organizations/{slug}/complaints/inbound", h.apiInbound)
	mux.HandleFunc("GET /api/v1/complaints/{code}", h.apiStatus)
}

func (h *complaintHandlers) t(r *http.Request, key string, args ...any) string {
	return i18n.T(h.site.Lang(r), key, args...)
}

// publicOrg loads the {slug} organisation for anyone (kit.PublicOrg).
func (h *complaintHandlers) publicOrg(w http.ResponseWriter, r *http.Request) (*kit.Access, bool) {
	return kit.PublicOrg(h.site, h.Orgs, w, r)
}

// allow counts an attempt of the caller against limiter; past the limit
// it answers 429 (a page, or JSON for the API) and returns false.
func (h *complaintHandlers) allow(w http.ResponseWriter, r *http.Request, limiter *ratelimit.Limiter, what string, api bool) bool {
	key := "pengaduan-" + what + ":" + h.ClientIP(r)
	ok, err := limiter.Allow(r.Context(), key)
	if err != nil {
		h.site.ServerError(w, r, err)
		return false
	}
	if ok {
		return true
	}
	w.Header().Set("Retry-After", fmt.Sprint(int(limiter.Window.Seconds())))
	if api {
		kit.APIError(w, http.StatusTooManyRequests, "rate_limited", h.t(r, "error.429.body"))
	} else {
		h.site.TooMany(w, r)
	}
	return false
}

// actor is the logged-in member, for the complaint's log.
func complaintActor(a *kit.Access) complaint.Actor {
	id, name := a.Actor()
	return complaint.Actor{ID: id, Name: name}
}

// mayHandle: owners, admins, editors, and platform admins.
func mayHandle(a *kit.Access) bool { return a.Admin || complaint.MayHandle(a.Role) }

// mayManage: owners, admins, and platform admins.
func mayManage(a *kit.Access) bool { return a.Admin || complaint.MayManage(a.Role) }

// maySeePrivate: the confidential text and the contacts.
func maySeePrivate(a *kit.Access, c *complaint.Complaint) bool {
	if a.Admin {
		return true
	}
	id, _ := a.Actor()
	return complaint.MaySeePrivate(a.Role, id, c)
}

// errorKey is the message of a domain refusal, "" for other errors.
func errorKey(err error) string {
	for e, key := range map[error]string{complaint.ErrTransition: "complaint.error.transition",
		complaint.ErrNoAnswer: "complaint.error.no_answer", complaint.ErrCannotRate: "complaint.error.cannot_rate",
		complaint.ErrCannotReopen: "complaint.error.cannot_reopen", complaint.ErrNotMember: "complaint.error.not_member",
		complaint.ErrPhotoTaken: "complaint.error.photo_taken", errConfidential: "complaint.error.confidential"} {
		if errors.Is(err, e) {
			return key
		}
	}
	return complaint.PhotoErrorKey(err)
}
