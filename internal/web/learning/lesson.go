package learning

import "lokadaya/internal/web/kit"

// lessonRoutes registers the pages and API of the lessons.
func (h *handlers) lessonRoutes(mux kit.Router) {}
