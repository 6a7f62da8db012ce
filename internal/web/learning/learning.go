// Package learning serves the pages of results and learning: an
// initiative's indicators and results, the organisation's participatory
// reflection sessions (CoRel) with their findings and action plan, the
// commitments stakeholders made (menagih janji), the cadre register and the
// lessons library. It is built on the shared kit (internal/web/kit); the
// domain rules and storage live in internal/indicator, internal/reflection,
// internal/commitment, internal/cadre and internal/lesson.
package learning

import (
	"embed"
	"errors"
	"net/http"
	"time"

	"lokadaya/internal/cadre"
	"lokadaya/internal/commitment"
	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
	"lokadaya/internal/initiative"
	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
	"lokadaya/internal/validate"
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
	Indicators  *indicator.Store
	Reflections *reflection.Store
	Commitments *commitment.Store
	Cadres      *cadre.Store
	Lessons     *lesson.Store

	Orgs        *org.Store
	Initiatives *initiative.Store
	Cycles      *cycle.Store
	Regions     *region.Store
	// Voice puts together the voice of the people an initiative serves
	// over a period: a session's evidence.
	Voice *voicesummary.Builder
	// Search is the site's search index, which the lessons library reads.
	Search *search.Index
	Now    func() time.Time
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
	mux.HandleFunc("GET /organisasi/{slug}/pembelajaran", h.overview)
	h.indicatorRoutes(mux)
	h.reflectionRoutes(mux)
	h.commitmentRoutes(mux)
	h.cadreRoutes(mux)
	h.lessonRoutes(mux)
}

// t translates a message in the request's language.
func (h *handlers) t(r *http.Request, key string, args ...any) string {
	return i18n.T(h.site.Lang(r), key, args...)
}

// asErrors reports whether err carries field errors, and sets them.
func asErrors(err error, errs *validate.Errors) bool { return errors.As(err, errs) }
