package proposal_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/proposal"
)

// TestAdopt takes a proposal up as a new draft initiative in the OMS's
// cycle, refuses outsiders, offices and doubles, and lists the adoption
// on the proposal and its region.
func TestAdopt(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		p, err := f.s.Create(ctx, f.proposer, proposal.Input{Kind: "kegiatan", Title: "Posyandu remaja", What: "Posyandu untuk remaja RW 02.",
			RegionCode: desa})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified' WHERE id = ?`, f.orgID); err != nil {
			t.Fatal(err)
		}
		office, err := (&org.Store{DB: d}).Create(ctx, f.resident.ID, org.Input{Name: "Kelurahan Pajang", Kind: "desa", RegionCode: desa})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified' WHERE id = ?`, office.ID); err != nil {
			t.Fatal(err)
		}
		// Without a cycle there is nowhere to draft the initiative.
		if _, err := f.s.Adopt(ctx, f.resident, p.ID, f.orgID, proposal.AsInitiative, 0); !errors.Is(err, proposal.ErrNoCycle) {
			t.Errorf("no cycle: %v", err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, opened_at) VALUES (?, 1, 1, '1', ?)`, f.orgID, db.Now()); err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]struct {
			actor proposal.Actor
			org   int64
			want  error
		}{
			"outsider": {f.out, f.orgID, proposal.ErrNotMember},
			"office":   {f.resident, office.ID, proposal.ErrNotOMS},
		} {
			if _, err := f.s.Adopt(ctx, c.actor, p.ID, c.org, proposal.AsInitiative, 0); !errors.Is(err, c.want) {
				t.Errorf("%s: %v, want %v", name, err, c.want)
			}
		}
		id, err := f.s.Adopt(ctx, f.resident, p.ID, f.orgID, proposal.AsInitiative, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Adopt(ctx, f.resident, p.ID, f.orgID, proposal.AsInitiative, id); !errors.Is(err, proposal.ErrAdoptedOnce) {
			t.Errorf("twice: %v", err)
		}
		if _, err := f.s.Adopt(ctx, f.resident, p.ID, f.orgID, proposal.AsCampaign, 999); !errors.Is(err, proposal.ErrNotTheirs) {
			t.Errorf("someone else's campaign: %v", err)
		}
		var name, status string
		if err := d.QueryRow(ctx, `SELECT name, status FROM initiatives WHERE id = ?`, id).Scan(&name, &status); err != nil ||
			name != "Posyandu remaja" || status != "draft" {
			t.Errorf("draft initiative %q %q %v", name, status, err)
		}
		list, err := f.s.Adoptions(ctx, p.ID)
		if err != nil || len(list) != 1 || list[0].As != proposal.AsInitiative || list[0].Public || list[0].OrgName != "OMS Pajang" {
			t.Errorf("adoptions %+v %v", list, err)
		}
		in, err := f.s.AdoptionsIn(ctx, kecamatan, 10)
		if err != nil || len(in) != 1 || in[0].ProposalTitle != "Posyandu remaja" {
			t.Errorf("adoptions in the kecamatan %+v %v", in, err)
		}
		if err := f.s.Unadopt(ctx, f.out, list[0].ID); !errors.Is(err, proposal.ErrNotMember) {
			t.Errorf("an outsider took it off: %v", err)
		}
		if err := f.s.Unadopt(ctx, f.resident, list[0].ID); err != nil {
			t.Fatal(err)
		}
	})
}
