package proposal_test

import (
	"context"
	"testing"

	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/proposal"
)

// TestProposalCitesDatasets: a proposal and the datasets it cites are
// written together; a dataset not published refuses both.
func TestProposalCitesDatasets(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified' WHERE id = ?`, f.orgID); err != nil {
			t.Fatal(err)
		}
		ds := &dataset.Store{DB: d}
		f.s.Citations = ds
		owner := dataset.Actor{ID: f.resident.ID, Name: f.resident.Name}
		link := dataset.Input{Title: "APBDes", RegionCode: desa, Licence: "CC-BY-4.0", Source: dataset.SourceLink,
			LinkURL: "https://example.org/apbdes", LinkFormat: "CSV"}
		published, err := ds.Create(ctx, owner, f.orgID, link)
		if err != nil {
			t.Fatal(err)
		}
		if err := ds.Publish(ctx, owner, published); err != nil {
			t.Fatal(err)
		}
		draft, err := ds.Create(ctx, owner, f.orgID, link)
		if err != nil {
			t.Fatal(err)
		}
		before := count(t, d, `SELECT COUNT(*) FROM proposals`)
		cases := []struct {
			name     string
			datasets []int64
			want     error
			cited    int
		}{
			{"a draft", []int64{published.ID, draft.ID}, dataset.ErrNotPublished, 0},
			{"none chosen", nil, nil, 0},
			{"published", []int64{published.ID}, nil, 1},
		}
		for _, c := range cases {
			in := input()
			in.Datasets = c.datasets
			p, err := f.s.Create(ctx, f.proposer, in)
			if err != c.want {
				t.Fatalf("%s: got %v, want %v", c.name, err, c.want)
			}
			if err != nil {
				if n := count(t, d, `SELECT COUNT(*) FROM proposals`); n != before {
					t.Fatalf("%s: refused citation left a proposal", c.name)
				}
				continue
			}
			before++
			cited, _ := ds.CitedBy(ctx, proposal.CiteKind, p.ID)
			if len(cited) != c.cited {
				t.Fatalf("%s: cites %v", c.name, cited)
			}
			if c.cited == 0 {
				continue
			}
			// An edit that leaves the choice out (nil) keeps it; an empty
			// choice clears it.
			in.Title, in.Datasets = "Judul baru", nil
			if err := f.s.Update(ctx, f.proposer, p, in); err != nil {
				t.Fatal(err)
			}
			if cited, _ := ds.CitedBy(ctx, proposal.CiteKind, p.ID); len(cited) != 1 {
				t.Fatalf("kept choice lost: %v", cited)
			}
			in.Datasets = []int64{}
			if err := f.s.Update(ctx, f.proposer, p, in); err != nil {
				t.Fatal(err)
			}
			if cited, _ := ds.CitedBy(ctx, proposal.CiteKind, p.ID); len(cited) != 0 {
				t.Fatalf("cleared choice kept: %v", cited)
			}
		}
	})
}
