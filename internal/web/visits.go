package web

import (
	"context"
	"time"
)

// VisitFlushEvery is how often the views of campaign pages counted in
// memory are written to the database.
const VisitFlushEvery = 5 * time.Second

// CountVisits writes the counted views of campaign pages every
// VisitFlushEvery until ctx ends; FlushVisits writes the rest once the
// server takes no more requests.
func (s *Server) CountVisits(ctx context.Context) {
	s.visits.Run(ctx, VisitFlushEvery, s.log)
}

// FlushVisits writes the views of campaign pages counted so far.
func (s *Server) FlushVisits(ctx context.Context) error {
	return s.visits.Flush(ctx)
}
