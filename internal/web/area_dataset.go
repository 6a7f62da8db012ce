package web

import (
	"context"

	"lokadaya/internal/dataset"
	"lokadaya/internal/forum"
	"lokadaya/internal/proposal"
	opendataweb "lokadaya/internal/web/opendata"
)

// datasetStore keeps the datasets organisations publish, their files in
// the site's blob store.
func (s *Server) datasetStore() *dataset.Store {
	return &dataset.Store{DB: s.db, Blobs: s.blobs, Now: s.cfg.Clock}
}

// datasetCiters name what cites a dataset, by subject kind, for its
// "cited by" list: proposals, forums and action teams' plans, each linked
// to its public page. A kind without a citer here is left out of the list.
func (s *Server) datasetCiters() map[string]opendataweb.Citer {
	proposals := &proposal.Store{DB: s.db}
	forums := &forum.Store{DB: s.db}
	return map[string]opendataweb.Citer{
		dataset.SubjectProposal: func(ctx context.Context, id int64) (string, string, bool) {
			p, err := proposals.Get(ctx, id)
			if err != nil {
				return "", "", false
			}
			return p.Title, "/usulan/" + itoa(p.ID), true
		},
		dataset.SubjectForum: func(ctx context.Context, id int64) (string, string, bool) {
			f, err := forums.Get(ctx, id)
			if err != nil || !f.Published { // a draft forum is not public
				return "", "", false
			}
			return f.Title, "/forum/" + itoa(f.ID), true
		},
		dataset.SubjectTeamPlan: func(ctx context.Context, id int64) (string, string, bool) {
			t, err := forums.Team(ctx, id)
			if err != nil || !t.Forum.Published {
				return "", "", false
			}
			return t.Name, "/tim/" + itoa(t.ID), true
		},
	}
}
