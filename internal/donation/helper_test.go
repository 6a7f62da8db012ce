package donation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/org"
)

// fixture is an organisation with an active campaign, its dana need and
// a bank account, and a treasurer.
type fixture struct {
	target donation.Target
	actor  donation.Actor
}

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	f := fixture{actor: donation.Actor{ID: u.ID, Name: u.Name}}
	f.target.OrgID = o.ID
	var initID int64
	steps := []struct {
		q    string
		args []any
		dst  *int64
	}{
		{`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at) VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`,
			[]any{o.ID, now, now}, &initID},
		{`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at) VALUES (?, ?, 'buku', 'Buku', 'active', ?, ?) RETURNING id`,
			nil, &f.target.CampaignID},
		{`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Buku', 5000000) RETURNING id`,
			nil, &f.target.NeedID},
		{`INSERT INTO org_bank_accounts (org_id, bank, account_number, account_name, created_at) VALUES (?, 'bca', '1234567890', 'OMS', ?) RETURNING id`,
			[]any{o.ID, now}, &f.target.BankAccountID},
	}
	steps[1].args = []any{&initID, o.ID, now, now}
	steps[2].args = []any{&f.target.CampaignID}
	for i, s := range steps {
		args := make([]any, len(s.args))
		for j, a := range s.args {
			if p, ok := a.(*int64); ok {
				a = *p
			}
			args[j] = a
		}
		if err := d.QueryRow(ctx, s.q, args...).Scan(s.dst); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return f
}

// token is a distinct valid form token.
func token(i int) string { return fmt.Sprintf("token-%012d-abcdef", i) }

// input is a valid form for amount rupiah.
func input(amount int64, i int) donation.Input {
	return donation.Input{Amount: amount, AmountRaw: fmt.Sprint(amount), Name: "Siti", Email: "siti@example.org",
		Token: token(i)}
}

// clock is a settable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }
