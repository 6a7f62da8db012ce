package goods_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/goods"
	"lokadaya/internal/validate"
)

func TestCreateValidation(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*goods.Input)
		field string
		key   string
	}{
		{"no quantity", func(in *goods.Input) { in.Quantity, in.QuantityRaw = 0, "" }, "quantity", "form.required"},
		{"zero", func(in *goods.Input) { in.Quantity, in.QuantityRaw = 0, "0" }, "quantity", "goods.err.quantity"},
		{"fraction", func(in *goods.Input) { in.Quantity, in.QuantityRaw = 0, "1,5" }, "quantity", "goods.err.quantity"},
		{"huge", func(in *goods.Input) { in.Quantity = goods.MaxQuantity + 1 }, "quantity", "goods.err.quantity_max"},
		{"more than needed", func(in *goods.Input) { in.Quantity = 11 }, "quantity", "goods.err.over"},
		{"no delivery", func(in *goods.Input) { in.Delivery = "" }, "delivery", "goods.err.delivery"},
		{"bad delivery", func(in *goods.Input) { in.Delivery = "teleport" }, "delivery", "goods.err.delivery"},
		{"bad date", func(in *goods.Input) { in.ExpectedOn = "2026-02-30" }, "expected_on", "goods.err.date"},
		{"past date", func(in *goods.Input) { in.ExpectedOn = "2026-03-09" }, "expected_on", "goods.err.date_past"},
		{"far date", func(in *goods.Input) { in.ExpectedOn = "2027-06-01" }, "expected_on", "goods.err.date_far"},
		{"no name", func(in *goods.Input) { in.Name = "" }, "name", "form.required"},
		{"long name", func(in *goods.Input) { in.Name = string(make([]rune, goods.MaxName+1)) }, "name", "form.too_long"},
		{"bad text", func(in *goods.Input) { in.Message = "a\xffb" }, "message", "goods.err.text"},
		{"long note", func(in *goods.Input) { in.DeliveryNote = string(make([]rune, goods.MaxNote+1)) }, "delivery_note", "form.too_long"},
		{"bad e-mail", func(in *goods.Input) { in.Email = "siti@" }, "email", "goods.err.email"},
		{"no contact", func(in *goods.Input) { in.Email = "" }, "email", "goods.err.contact"},
		{"bad phone", func(in *goods.Input) { in.Phone = "+1 415 555 0100" }, "phone", "goods.err.phone"},
		{"short token", func(in *goods.Input) { in.Token = "pendek" }, "token", "goods.err.token"},
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &goods.Store{DB: d}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := input(2, i)
				tt.edit(&in)
				_, _, err := s.Create(context.Background(), f.target, in, today)
				var errs validate.Errors
				if !errors.As(err, &errs) || errs[tt.field] != tt.key {
					t.Fatalf("err %v, want %s: %s", err, tt.field, tt.key)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM goods_pledges`); n != 0 {
			t.Errorf("%d pledges from bad input", n)
		}
		// Valid variants: anonymous without a name, phone only, today.
		ok := []goods.Input{input(1, 100), input(1, 101), input(1, 102)}
		ok[0].Anonymous, ok[0].Name = true, ""
		ok[1].Email, ok[1].Phone = "", "0812-3456-7890"
		ok[2].ExpectedOn = "2026-03-10"
		for _, in := range ok {
			p, created, err := s.Create(context.Background(), f.target, in, today)
			if err != nil || !created {
				t.Fatalf("%+v: %v", in, err)
			}
			if in.Phone != "" && p.Phone != "+6281234567890" {
				t.Errorf("phone %q", p.Phone)
			}
		}
	})
}

func TestCreateOnlyForBarangNeeds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &goods.Store{DB: d}
		dana := f.target
		dana.NeedID = f.dana
		if _, _, err := s.Create(context.Background(), dana, input(1, 1), today); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("pledge to a dana need: %v", err)
		}
		wrong := f.target
		wrong.CampaignID++
		if _, _, err := s.Create(context.Background(), wrong, input(1, 2), today); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("pledge to another campaign's need: %v", err)
		}
	})
}

func TestReceivePartlyThenFully(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		var received []int64
		s := &goods.Store{DB: d, OnReceive: func(_ context.Context, _ db.Querier, p *goods.Pledge, r *goods.Receipt) error {
			received = append(received, r.Quantity)
			return nil
		}}
		p, _, err := s.Create(ctx, f.target, input(6, 1), today)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Create(ctx, f.target, input(5, 2), today); err == nil {
			t.Fatal("pledged 11 of 10")
		}
		tally, err := s.Tally(ctx, f.target.NeedID)
		if err != nil || tally != (goods.Tally{Target: 10, Promised: 6, Pledgers: 1, Remaining: 4}) {
			t.Fatalf("tally %+v, %v", tally, err)
		}
		r := receipt(2)
		r.ReceivedOn, r.Note = "2026-03-09", "Diantar ke sekretariat"
		if p, err = s.Receive(ctx, f.target.OrgID, p.ID, r, today, f.actor); err != nil || p.Status != goods.StatusPartial || p.Received != 2 {
			t.Fatalf("first receipt: %+v, %v", p, err)
		}
		if _, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(5), today, f.actor); !errors.Is(err, goods.ErrTooMany) {
			t.Fatalf("over-receive: %v", err)
		}
		if _, err := s.Receive(ctx, f.other, p.ID, receipt(1), today, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("another organisation: %v", err)
		}
		future := receipt(1)
		future.ReceivedOn = "2026-03-11"
		var errs validate.Errors
		if _, err := s.Receive(ctx, f.target.OrgID, p.ID, future, today, f.actor); !errors.As(err, &errs) || errs["received_on"] != "goods.err.date_future" {
			t.Fatalf("future day: %v", err)
		}
		for range 2 {
			if p, err = s.Receive(ctx, f.target.OrgID, p.ID, receipt(2), today, f.actor); err != nil {
				t.Fatal(err)
			}
		}
		if p.Status != goods.StatusReceived || p.Received != 6 {
			t.Fatalf("after all: %+v", p)
		}
		if _, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(1), today, f.actor); !errors.Is(err, goods.ErrNotOpen) {
			t.Fatalf("receive when complete: %v", err)
		}
		got, err := goods.NeedReceived(ctx, d, f.target.NeedID)
		if err != nil || got != 6 {
			t.Errorf("need received %d, %v", got, err)
		}
		full, err := (&campaign.Store{DB: d}).Fulfilled(ctx, &campaign.Need{ID: f.target.NeedID, Kind: campaign.KindBarang})
		if err != nil || full != 6 {
			t.Errorf("campaign fulfilled %d, %v", full, err)
		}
		rs, err := s.Receipts(ctx, f.target.CampaignID, 0)
		if err != nil || len(rs[p.ID]) != 3 || rs[p.ID][0].Note != "Diantar ke sekretariat" || rs[p.ID][0].ReceivedOn != "2026-03-09" ||
			rs[p.ID][0].Recorder != "Editor Rina" {
			t.Errorf("receipts %+v, %v", rs, err)
		}
		if len(received) != 3 {
			t.Errorf("OnReceive ran %d times", len(received))
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'goods.receive'`); n != 3 {
			t.Errorf("%d audit entries", n)
		}
	})
}

func TestCancel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		s := &goods.Store{DB: d}
		a, _, err := s.Create(ctx, f.target, input(6, 1), today)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := s.Create(ctx, f.target, input(4, 2), today)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Receive(ctx, f.target.OrgID, a.ID, receipt(2), today, f.actor); err != nil {
			t.Fatal(err)
		}
		if err := s.Cancel(ctx, f.target.OrgID, a.ID, "  Tidak   jadi ", f.actor); err != nil {
			t.Fatal(err)
		}
		if err := s.Cancel(ctx, f.target.OrgID, b.ID, "", f.actor); err != nil {
			t.Fatal(err)
		}
		if err := s.Cancel(ctx, f.target.OrgID, b.ID, "", f.actor); !errors.Is(err, goods.ErrNotOpen) {
			t.Errorf("second cancel: %v", err)
		}
		if err := s.Cancel(ctx, f.other, a.ID, "", f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation's cancel: %v", err)
		}
		if _, err := s.Receive(ctx, f.target.OrgID, b.ID, receipt(1), today, f.actor); !errors.Is(err, goods.ErrNotOpen) {
			t.Errorf("receive when cancelled: %v", err)
		}
		// What arrived stays counted; the rest frees its place.
		tally, err := s.Tally(ctx, f.target.NeedID)
		if err != nil || tally != (goods.Tally{Target: 10, Received: 2, Pledgers: 1, Remaining: 8}) {
			t.Errorf("tally %+v, %v", tally, err)
		}
		got, err := s.ByID(ctx, f.target.OrgID, a.ID)
		if err != nil || got.Status != goods.StatusCancelled || got.CancelReason != "Tidak jadi" || got.CancelledAt == nil {
			t.Errorf("cancelled: %+v, %v", got, err)
		}
		sup, err := s.Supporters(ctx, f.target.NeedID, 10)
		if err != nil || len(sup) != 1 || sup[0].ID != a.ID {
			t.Errorf("supporters %v, %v", sup, err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'goods.cancel'`); n != 2 {
			t.Errorf("%d audit entries", n)
		}
	})
}

func TestConcurrentReceiptsNeverOvershoot(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		s := &goods.Store{DB: d}
		p, _, err := s.Create(ctx, f.target, input(10, 1), today)
		if err != nil {
			t.Fatal(err)
		}
		const n = 24
		var ok, refused atomic.Int64
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				_, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(int64(1+i%2)), today, f.actor)
				switch {
				case err == nil:
					ok.Add(1)
				case errors.Is(err, goods.ErrTooMany), errors.Is(err, goods.ErrNotOpen):
					refused.Add(1)
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		got, err := s.ByID(ctx, f.target.OrgID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		sum := count(t, d, `SELECT COALESCE(SUM(quantity), 0) FROM goods_receipts WHERE pledge_id = ?`, p.ID)
		if got.Received != 10 || sum != 10 || got.Status != goods.StatusReceived {
			t.Errorf("received %d, receipts sum %d, status %s", got.Received, sum, got.Status)
		}
		if ok.Load()+refused.Load() != n || count(t, d, `SELECT COUNT(*) FROM goods_receipts`) != ok.Load() {
			t.Errorf("%d recorded, %d refused", ok.Load(), refused.Load())
		}
	})
}

func TestConcurrentPledgesNeverPassTarget(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		s := &goods.Store{DB: d}
		const n = 16
		var wg sync.WaitGroup
		var created atomic.Int64
		for i := range n {
			wg.Go(func() {
				_, _, err := s.Create(ctx, f.target, input(1, i), today)
				var errs validate.Errors
				switch {
				case err == nil:
					created.Add(1)
				case errors.As(err, &errs) && errs["quantity"] == "goods.err.full":
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if created.Load() != 10 || count(t, d, `SELECT COALESCE(SUM(quantity), 0) FROM goods_pledges`) != 10 {
			t.Errorf("%d pledges created for a target of 10", created.Load())
		}
	})
}

func TestSameTokenOnePledge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		var acks atomic.Int64
		s := &goods.Store{DB: d, OnCreate: func(context.Context, db.Querier, *goods.Pledge) error {
			acks.Add(1)
			return nil
		}}
		const n = 8
		ids := make([]int64, n)
		var nCreated atomic.Int64
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				// The whole remaining quantity: a second pledge would not fit,
				// yet a double submit must land on the first, not fail.
				p, c, err := s.Create(ctx, f.target, input(10, 7), today)
				if err != nil {
					t.Error(err)
					return
				}
				ids[i] = p.ID
				if c {
					nCreated.Add(1)
				}
			})
		}
		wg.Wait()
		for _, id := range ids {
			if id != ids[0] {
				t.Fatalf("ids differ: %v", ids)
			}
		}
		if nCreated.Load() != 1 || acks.Load() != 1 || count(t, d, `SELECT COUNT(*) FROM goods_pledges`) != 1 {
			t.Errorf("created %d, acknowledged %d", nCreated.Load(), acks.Load())
		}
	})
}

func TestHookFailureRollsBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		boom := errors.New("antrean penuh")
		s := &goods.Store{DB: d, OnCreate: func(context.Context, db.Querier, *goods.Pledge) error { return boom }}
		if _, _, err := s.Create(context.Background(), f.target, input(1, 1), today); !errors.Is(err, boom) {
			t.Fatalf("err %v", err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM goods_pledges`); n != 0 {
			t.Errorf("%d pledges kept after the hook failed", n)
		}
	})
}

func TestKabarSubscribes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		s := &goods.Store{DB: d, Subscribe: campaign.Subscribe}
		tests := []struct {
			name  string
			kabar bool
			email string
			want  int64
		}{
			{"unticked", false, "tanpa.kabar@example.org", 0},
			{"ticked", true, "Dengan.Kabar@example.org", 1},
			{"ticked without e-mail", true, "", 0},
		}
		for i, tt := range tests {
			in := input(1, i)
			in.Kabar, in.Email, in.Phone, in.Lang = tt.kabar, tt.email, "081234567890", "en"
			if _, _, err := s.Create(ctx, f.target, in, today); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if tt.email == "" {
				continue
			}
			n := count(t, d, `SELECT COUNT(*) FROM campaign_subscribers WHERE campaign_id = ? AND email = ? AND lang = 'en'`,
				f.target.CampaignID, tt.email)
			if tt.kabar {
				n = count(t, d, `SELECT COUNT(*) FROM campaign_subscribers WHERE campaign_id = ? AND email = 'dengan.kabar@example.org'`,
					f.target.CampaignID)
			}
			if n != tt.want {
				t.Errorf("%s: %d subscribers", tt.name, n)
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM campaign_subscribers`); n != 1 {
			t.Errorf("%d subscribers in all", n)
		}
	})
}
