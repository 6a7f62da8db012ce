package learning

import "lokadaya/internal/web/kit"

// reflectionRoutes registers the pages and API of the reflections.
func (h *handlers) reflectionRoutes(mux kit.Router) {}
