package web

import (
	"context"

	"lokadaya/internal/search"
)

// searchIndex is the site-wide search index (internal/search).
func (s *Server) searchIndex() *search.Index { return s.search }

// reindex brings the search index up to date right after a write that
// changes what the public may find: a campaign published or cancelled,
// an organisation edited or suspended, an initiative published, a hub
// created. The write has succeeded by then, so a failure here is logged,
// not shown; the next write or rebuild corrects the index.
func (s *Server) reindex(ctx context.Context, refs ...search.Ref) {
	if err := s.searchIndex().Refresh(context.WithoutCancel(ctx), refs...); err != nil {
		s.log.Error("search index refresh", "err", err)
	}
}

func campaignRef(id int64) search.Ref   { return search.Ref{Type: search.TypeCampaign, ID: id} }
func orgRef(id int64) search.Ref        { return search.Ref{Type: search.TypeOrganization, ID: id} }
func initiativeRef(id int64) search.Ref { return search.Ref{Type: search.TypeInitiative, ID: id} }
func hubRef(id int64) search.Ref        { return search.Ref{Type: search.TypeHub, ID: id} }
