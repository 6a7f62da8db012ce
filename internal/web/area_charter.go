package web

import (
	"context"

	"lokadaya/internal/charter"
)

// charterLink is a service point whose charter is signed, listed on the
// initiative's public page.
type charterLink struct{ Code, Name string }

// signedCharters lists the initiative's service points that have a signed
// charter, by name.
func (s *Server) signedCharters(ctx context.Context, initiativeID int64) ([]charterLink, error) {
	statuses, err := (&charter.Store{DB: s.db}).Statuses(ctx, initiativeID)
	if err != nil || len(statuses) == 0 {
		return nil, err
	}
	points, err := s.serviceStore().Points(ctx, initiativeID)
	if err != nil {
		return nil, err
	}
	var out []charterLink
	for _, p := range points {
		if statuses[p.ID].Signed {
			out = append(out, charterLink{Code: p.Code, Name: p.Name})
		}
	}
	return out, nil
}
