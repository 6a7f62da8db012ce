// Package explore serves the pages where the public finds and sees what
// happens on the platform: the home page, search across campaigns,
// organisations, initiatives, hubs and lessons, the region pages and the
// map. It is built on the shared kit (internal/web/kit); the figures and
// the search index live in their own domain packages.
package explore

import (
	"embed"
	"lokadaya/internal/proposal"

	"lokadaya/internal/campaign"
	"lokadaya/internal/figures"
	"lokadaya/internal/hub"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
	"lokadaya/internal/web/kit"
)

// Templates are the area's page templates, parsed by the web package
// within the site layout. Page names start with "explore_".
//
//go:embed templates
var Templates embed.FS

// Stores are the domain stores the area's handlers use.
type Stores struct {
	Regions   *region.Store
	Figures   *figures.Store
	Hubs      *hub.Store
	Campaigns *campaign.Store
	Search    *search.Index
	// Proposals tells which of a region's proposals OMS took up.
	Proposals *proposal.Store
}

type handlers struct {
	site kit.Site
	Stores
}

// Routes registers the area's pages and API.
func Routes(mux kit.Router, site kit.Site, stores Stores) {
	h := &handlers{site: site, Stores: stores}
	mux.HandleFunc("GET /{$}", h.home)
	mux.HandleFunc("GET /wilayah/{code}", h.region)
	mux.HandleFunc("GET /api/v1/regions/{code}/summary", h.apiRegionSummary)
	mux.HandleFunc("GET /peta", h.mapPageHandler)
	mux.HandleFunc("GET /peta.svg", h.mapSVG)
	mux.HandleFunc("GET /cari", h.search)
	mux.HandleFunc("GET /api/v1/search", h.searchAPI)
}
