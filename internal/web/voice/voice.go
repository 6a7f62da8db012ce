// Package voice serves the pages of the voice of the people served: the
// service points of an initiative and the records of the service
// delivered there, with their public reach. It is built on the shared kit
// (internal/web/kit); its domain rules and storage live in
// internal/service.
package voice

import (
	"context"
	"embed"
	"net/http"

	"lokadaya/internal/blob"
	"lokadaya/internal/charter"
	"lokadaya/internal/distribution"
	"lokadaya/internal/feedback"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
	"lokadaya/internal/voicesummary"
	"lokadaya/internal/web/kit"
)

// Templates are the area's page templates, parsed by the web package
// within the site layout.
//
//go:embed templates
var Templates embed.FS

// Stores are the domain stores the area's handlers use.
type Stores struct {
	Service     *service.Store
	Initiatives *initiative.Store
	Regions     *region.Store

	// The satisfaction survey and the goods handed out.
	Survey        *survey.Store
	Distributions *distribution.Store
	Orgs          *org.Store
	// Served counts the people served in an initiative's records over a
	// period (days YYYY-MM-DD, both included): the survey's population.
	Served func(ctx context.Context, initiativeID int64, from, to string) (int64, error)
	// Limits on the public forms, per client address.
	SurveyLimit, ReceiptLimit *ratelimit.Limiter
	// The service charters; Blobs holds the organisations' logos, for
	// the charter poster.
	Charters *charter.Store
	Blobs    blob.Store
	// Summary puts together the voice of the people an initiative serves
	// over a period, for the API.
	Summary *voicesummary.Builder
	// Feedback keeps the red / yellow / green votes; FeedbackLimits are
	// the votes per device and per address, per point and day, beyond
	// which votes are flagged; VoteCeiling refuses (429) an address that
	// votes far more than any phone would.
	Feedback       *feedback.Store
	FeedbackLimits feedback.Limits
	VoteCeiling    *ratelimit.Limiter
}

type handlers struct {
	site kit.Site
	Stores
}

// Routes registers the area's pages and API.
func Routes(mux kit.Router, site kit.Site, stores Stores) {
	h := &handlers{site: site, Stores: stores}
	// The organisation's side: service points and records per initiative.
	mux.HandleFunc("GET /organisasi/{slug}/layanan", h.orgOverview)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}", h.initiativeService)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/titik/baru", h.pointNew)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/titik/baru", h.pointCreate)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/titik/{code}/ubah", h.pointEdit)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/titik/{code}/ubah", h.pointUpdate)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/catatan/baru", h.recordNew)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/catatan/baru", h.recordCreate)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/catatan/{id}/ubah", h.recordEdit)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/catatan/{id}/ubah", h.recordUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/catatan/{id}/hapus", h.recordDelete)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/impor", h.importForm)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/impor", h.importUpload)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/impor/{id}", h.importShow)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/impor/{id}/konfirmasi", h.importConfirm)
	mux.HandleFunc("POST /organisasi/{slug}/layanan/{islug}/impor/{id}/buang", h.importDiscard)
	mux.HandleFunc("GET /organisasi/{slug}/layanan/{islug}/{format}", h.importTemplate)

	// The public side: reach per period, and the API.
	mux.HandleFunc("GET /inisiatif/{slug}/jangkauan", h.reachShow)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/service-points", h.apiServicePoints)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/reach", h.apiReach)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/voice", h.apiVoice)
	h.surveyRoutes(mux)
	h.exportRoutes(mux)
	charterRoutes(mux, h)
	h.handoutRoutes(mux)
	h.feedbackRoutes(mux)
}

// t translates a message in the request's language.
func (h *handlers) t(r *http.Request, key string, args ...any) string {
	return i18n.T(h.site.Lang(r), key, args...)
}
