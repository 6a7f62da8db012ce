package learning

import "lokadaya/internal/web/kit"

// indicatorRoutes registers the pages and API of the indicators.
func (h *handlers) indicatorRoutes(mux kit.Router) {}
