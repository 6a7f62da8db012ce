package web

import (
	"context"

	"lokadaya/internal/dataset"
	"lokadaya/internal/forum"
)

// forumStores are the forum store, whose forums and plans cite catalogue
// datasets, and the dataset store it cites through.
func (s *Server) forumStores() (*forum.Store, *dataset.Store) {
	now := s.pages.now
	datasets := &dataset.Store{DB: s.db, Now: now}
	return &forum.Store{DB: s.db, Now: now, Citations: publishedCitations{datasets}}, datasets
}

// publishedCitations cites through the dataset store, reading back only
// the cited datasets still published: a plan that cited one since
// withdrawn may still add others (citing refuses unpublished ones).
type publishedCitations struct{ *dataset.Store }

func (c publishedCitations) CitedIDs(ctx context.Context, kind string, id int64) ([]int64, error) {
	list, err := c.CitedBy(ctx, kind, id)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(list))
	for _, d := range list {
		ids = append(ids, d.ID)
	}
	return ids, nil
}
