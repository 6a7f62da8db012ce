package learning

import "lokadaya/internal/web/kit"

// cadreRoutes registers the pages and API of the cadres.
func (h *handlers) cadreRoutes(mux kit.Router) {}
