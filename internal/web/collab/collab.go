// Package collab serves the pages of working together with local
// government: the issues and proposals (usulan) residents and OMS put
// forward for a region, their supporters and the merging of duplicates,
// and the planning rounds that rank them into years (internal/planning). It is built on the shared kit (internal/web/kit); the domain
// rules and storage live in internal/proposal.
package collab

import (
	"context"
	"embed"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/dataset"
	"lokadaya/internal/forum"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/planning"
	"lokadaya/internal/proposal"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// Templates are the area's page templates, parsed by the web package
// within the site layout.
//
//go:embed templates
var Templates embed.FS

// Stores are the domain stores the area's handlers use.
type Stores struct {
	Proposals *proposal.Store
	Rounds    *planning.Store
	Forums    *forum.Store
	Datasets  *dataset.Store
	Accounts  *account.Store
	Orgs      *org.Store
	Regions   *region.Store
	// CreateLimit counts new proposals per address, UserLimit per user:
	// a proposal is a public page, so a script must not flood it.
	CreateLimit, UserLimit *ratelimit.Limiter
	Now                    func() time.Time
}

type handlers struct {
	site kit.Site
	Stores
}

// Routes registers the area's pages and API.
func Routes(mux kit.Router, site kit.Site, stores Stores) {
	h := &handlers{site: site, Stores: stores}
	if h.Now == nil {
		h.Now = time.Now
	}
	mux.HandleFunc("GET /usulan", h.list)
	mux.HandleFunc("GET /usulan/baru", h.newForm)
	mux.HandleFunc("POST /usulan/baru", h.create)
	mux.HandleFunc("GET /usulan/{id}", h.show)
	mux.HandleFunc("GET /usulan/{id}/ubah", h.editForm)
	mux.HandleFunc("POST /usulan/{id}/ubah", h.update)
	mux.HandleFunc("POST /usulan/{id}/dukung", h.support)
	mux.HandleFunc("POST /usulan/{id}/batal-dukung", h.unsupport)
	mux.HandleFunc("POST /usulan/{id}/gabung", h.merge)
	mux.HandleFunc("POST /usulan/{id}/ambil", h.adopt)
	mux.HandleFunc("POST /usulan/{id}/ambil/{aid}/batal", h.unadopt)
	mux.HandleFunc("GET /api/v1/proposals", h.apiList)
	mux.HandleFunc("GET /api/v1/proposals/{id}", h.apiGet)
	h.roundRoutes(mux)
	forumRoutes(mux, h)
}

// t translates a message in the request's language.
func (h *handlers) t(r *http.Request, key string, args ...any) string {
	return i18n.T(h.site.Lang(r), key, args...)
}

// actor is the signed-in user as the proposal store sees them.
func actor(r *http.Request, site kit.Site) proposal.Actor {
	u := site.User(r)
	if u == nil {
		return proposal.Actor{}
	}
	return proposal.Actor{ID: u.ID, Name: u.Name, Admin: u.IsAdmin}
}

// load reads the {id} proposal; a bad or unknown id is 404.
func (h *handlers) load(w http.ResponseWriter, r *http.Request) (*proposal.Proposal, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.site.NotFound(w, r)
		return nil, false
	}
	p, err := h.Proposals.Get(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	return p, true
}

// regionLabel names a region with its parents, nearest first: "Pajang,
// Kec. Laweyan, Kota Surakarta, Prov. Jawa Tengah".
func (h *handlers) regionLabel(ctx context.Context, code string) string {
	chain, err := h.Regions.Ancestors(ctx, code)
	if err != nil || len(chain) == 0 {
		return code
	}
	parts := make([]string, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		if i == len(chain)-1 {
			parts = append(parts, chain[i].Name)
		} else {
			parts = append(parts, chain[i].ShortName())
		}
	}
	return strings.Join(parts, ", ")
}

func path(id int64) string { return "/usulan/" + strconv.FormatInt(id, 10) }
