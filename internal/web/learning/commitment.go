package learning

import "lokadaya/internal/web/kit"

// commitmentRoutes registers the pages and API of the commitments.
func (h *handlers) commitmentRoutes(mux kit.Router) {}
