package donation_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
)

func TestProofKeepsTheLatest(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &donation.Store{DB: d}
		x, _, err := s.Create(ctx, f.target, input(50_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		if has, err := s.HasProof(ctx, x.ID); err != nil || has {
			t.Fatalf("proof before upload: %v %v", has, err)
		}
		old, err := s.SetProof(ctx, donation.Proof{DonationID: x.ID, BlobKey: "proofs/1/a.jpg", ContentType: "image/jpeg", Size: 10})
		if err != nil || old != "" {
			t.Fatalf("first proof: %q %v", old, err)
		}
		old, err = s.SetProof(ctx, donation.Proof{DonationID: x.ID, BlobKey: "proofs/1/b.pdf", ContentType: "application/pdf", Size: 20})
		if err != nil || old != "proofs/1/a.jpg" {
			t.Fatalf("second proof: %q %v", old, err)
		}
		p, err := s.ProofOf(ctx, f.target.OrgID, x.ID)
		if err != nil || p.BlobKey != "proofs/1/b.pdf" || p.ContentType != "application/pdf" || p.Size != 20 {
			t.Fatalf("proof %+v %v", p, err)
		}
		if _, err := s.ProofOf(ctx, f.target.OrgID+1, x.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation's proof: %v", err)
		}
		with, err := s.WithProof(ctx, f.target.OrgID)
		if err != nil || len(with) != 1 || !with[x.ID] {
			t.Errorf("with proof %v %v", with, err)
		}
		if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetProof(ctx, donation.Proof{DonationID: x.ID, BlobKey: "proofs/1/c.pdf", ContentType: "application/pdf"}); !errors.Is(err, donation.ErrProofClosed) {
			t.Errorf("proof after confirmation: %v", err)
		}
		if _, err := s.SetProof(ctx, donation.Proof{DonationID: x.ID + 100, BlobKey: "proofs/x.pdf"}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("proof of no donation: %v", err)
		}
	})
}
