package volunteer_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/audit"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
	"lokadaya/internal/volunteer"
)

// fixture is an organisation with an active campaign that has a relawan
// need of three slots and a dana need.
type fixture struct {
	d      *db.DB
	store  *volunteer.Store
	target volunteer.Target
	danaID int64
	actor  volunteer.Actor
}

func setup(t *testing.T, d *db.DB, slots string) *fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	var cycleID int64
	if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 4, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	inits := &initiative.Store{DB: d}
	ia := initiative.Actor{ID: u.ID, Name: u.Name}
	i, err := inits.Create(ctx, ia, o.ID, cycleID, initiative.Input{Name: "Pojok Baca", Tagline: "t",
		Category: "pendidikan", Text: map[string]string{"problem": "p"}, Regions: []string{"32.73"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := inits.Publish(ctx, ia, i.ID); err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(i18n.WIB)
	cs := &campaign.Store{DB: d}
	in, errs := campaign.Parse(url.Values{"title": {"Rak Buku"}, "scheme": {"resiprokal"},
		"starts_at": {now.AddDate(0, 0, -1).Format("2006-01-02")}, "ends_at": {now.AddDate(0, 0, 30).Format("2006-01-02")}}, i18n.WIB)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c, err := cs.Create(ctx, campaign.Actor{ID: u.ID}, o.ID, i.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{d: d, store: &volunteer.Store{DB: d}, actor: volunteer.Actor{ID: u.ID, Name: u.Name}}
	add := func(kv url.Values) int64 {
		n, errs := campaign.ParseNeed(kv)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		id, err := cs.AddNeed(ctx, c.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	needID := add(url.Values{"kind": {"relawan"}, "title": {"Pendamping baca"}, "target": {slots}, "place": {"Balai RW"}})
	f.danaID = add(url.Values{"kind": {"dana"}, "title": {"Buku"}, "target": {"1.000.000"}})
	if err := cs.Publish(ctx, campaign.Actor{}, c.ID); err != nil {
		t.Fatal(err)
	}
	f.target = volunteer.Target{CampaignID: c.ID, NeedID: needID, OrgID: o.ID}
	return f
}

func input(n int) volunteer.Input {
	return volunteer.Input{Name: fmt.Sprintf("Relawan Nomor %d", n), Email: fmt.Sprintf("relawan%d@example.org", n),
		Token: fmt.Sprintf("token-relawan-%04d-abcdef", n)}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var ve validate.Errors
	if !errors.As(err, &ve) || ve[field] == "" {
		t.Fatalf("want a validation error on %q, got %v", field, err)
	}
}

func TestSignUpValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		tests := []struct {
			name  string
			edit  func(*volunteer.Input)
			field string
		}{
			{"no name", func(in *volunteer.Input) { in.Name = "" }, "name"},
			{"no e-mail", func(in *volunteer.Input) { in.Email = "" }, "email"},
			{"bad e-mail", func(in *volunteer.Input) { in.Email = "relawan@" }, "email"},
			{"bad phone", func(in *volunteer.Input) { in.Phone = "12" }, "phone"},
			{"long name", func(in *volunteer.Input) { in.Name = string(make([]byte, 101)) }, "name"},
			{"bad text", func(in *volunteer.Input) { in.Skills = "\xff" }, "skills"},
			{"long availability", func(in *volunteer.Input) {
				in.Availability = fmt.Sprintf("%0501d", 0)
			}, "availability"},
			{"short token", func(in *volunteer.Input) { in.Token = "pendek" }, "token"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := input(1)
				tt.edit(&in)
				_, _, err := f.store.SignUp(ctx, f.target, in)
				wantField(t, err, tt.field)
			})
		}
		in := input(2)
		in.Phone = "0812-3456-7890"
		v, created, err := f.store.SignUp(ctx, f.target, in)
		if err != nil || !created || v.Status != volunteer.StatusPending || v.Phone != "+6281234567890" {
			t.Fatalf("valid sign-up: %+v %v %v", v, created, err)
		}
		if _, _, err := f.store.SignUp(ctx, volunteer.Target{CampaignID: f.target.CampaignID, NeedID: f.danaID,
			OrgID: f.target.OrgID}, input(3)); !errors.Is(err, volunteer.ErrNotRelawan) {
			t.Errorf("sign-up for a dana need: %v", err)
		}
	})
}

func TestSignUpOncePerEmailAndToken(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		first, _, err := f.store.SignUp(ctx, f.target, input(1))
		if err != nil {
			t.Fatal(err)
		}
		again, created, err := f.store.SignUp(ctx, f.target, input(1))
		if err != nil || created || again.ID != first.ID {
			t.Fatalf("same token: %v %v %v", again, created, err)
		}
		dup := input(2)
		dup.Email = "  RELAWAN1@example.org "
		_, _, err = f.store.SignUp(ctx, f.target, dup)
		wantField(t, err, "email")
		sl, err := f.store.Slots(ctx, f.target.NeedID)
		if err != nil || sl.Pending != 1 || sl.Left() != 2 {
			t.Fatalf("slots %+v %v", sl, err)
		}
	})
}

// TestCapacityUnderConcurrency signs up many people at once for a need of
// five slots: exactly five hold a slot, the rest are told it is full or,
// when they agreed to wait, are on the waiting list.
func TestCapacityUnderConcurrency(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "5")
		ctx := context.Background()
		const people = 24
		var wg sync.WaitGroup
		var mu sync.Mutex
		results := map[string]int{}
		for i := range people {
			wg.Go(func() {
				in := input(i)
				in.Waitlist = i%2 == 0
				v, _, err := f.store.SignUp(ctx, f.target, in)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case errors.Is(err, volunteer.ErrFull):
					results["full"]++
				case err != nil:
					t.Errorf("sign-up %d: %v", i, err)
				default:
					results[v.Status]++
				}
			})
		}
		wg.Wait()
		if results[volunteer.StatusPending] != 5 {
			t.Fatalf("results %v", results)
		}
		if results["full"]+results[volunteer.StatusWaiting] != people-5 {
			t.Errorf("results %v", results)
		}
		sl, err := f.store.Slots(ctx, f.target.NeedID)
		if err != nil || sl.Taken() != 5 || !sl.Full() || sl.Waiting != int64(results[volunteer.StatusWaiting]) {
			t.Errorf("slots %+v %v", sl, err)
		}
	})
}

// TestAcceptUnderConcurrency accepts every waiting sign-up at once after
// two slots were freed: exactly two get in.
func TestAcceptUnderConcurrency(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		var pending, waiting []int64
		for i := range 10 {
			in := input(i)
			in.Waitlist = true
			v, _, err := f.store.SignUp(ctx, f.target, in)
			if err != nil {
				t.Fatal(err)
			}
			if v.Status == volunteer.StatusWaiting {
				waiting = append(waiting, v.ID)
			} else {
				pending = append(pending, v.ID)
			}
		}
		if len(pending) != 3 {
			t.Fatalf("%d pending", len(pending))
		}
		for _, id := range pending[:2] {
			if _, err := f.store.Decline(ctx, f.target.CampaignID, id, "Jadwal bentrok", f.actor); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		accepted := 0
		for _, id := range waiting {
			wg.Go(func() {
				_, err := f.store.Accept(ctx, f.target.CampaignID, id, f.actor)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					accepted++
				case !errors.Is(err, volunteer.ErrFull):
					t.Errorf("accept %d: %v", id, err)
				}
			})
		}
		wg.Wait()
		if accepted != 2 {
			t.Fatalf("%d waiting accepted, want 2", accepted)
		}
		if sl, _ := f.store.Slots(ctx, f.target.NeedID); sl.Taken() != 3 {
			t.Errorf("slots %+v", sl)
		}
	})
}

func TestTransitions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		cid := f.target.CampaignID
		mk := func(n int) int64 {
			v, _, err := f.store.SignUp(ctx, f.target, input(n))
			if err != nil {
				t.Fatal(err)
			}
			return v.ID
		}
		a, b := mk(1), mk(2)
		v, err := f.store.Accept(ctx, cid, a, f.actor)
		if err != nil || v.Status != volunteer.StatusAccepted || v.DecidedAt == nil {
			t.Fatalf("accept: %+v %v", v, err)
		}
		tests := []struct {
			name string
			do   func() error
			want error
		}{
			{"accept twice", func() error { _, err := f.store.Accept(ctx, cid, a, f.actor); return err }, volunteer.ErrState},
			{"decline accepted", func() error { _, err := f.store.Decline(ctx, cid, a, "x", f.actor); return err }, volunteer.ErrState},
			{"absent pending", func() error { _, err := f.store.MarkAbsent(ctx, cid, b, f.actor); return err }, volunteer.ErrState},
			{"hours for pending", func() error {
				return f.store.LogHours(ctx, cid, b, volunteer.HoursInput{Day: "2025-01-02", Minutes: 60}, f.actor)
			}, volunteer.ErrState},
			{"other campaign", func() error { _, err := f.store.Accept(ctx, cid+1000, b, f.actor); return err }, db.ErrNotFound},
			{"decline pending", func() error { _, err := f.store.Decline(ctx, cid, b, "Kuota penuh", f.actor); return err }, nil},
			{"accept declined", func() error { _, err := f.store.Accept(ctx, cid, b, f.actor); return err }, volunteer.ErrState},
			{"hours for accepted", func() error {
				return f.store.LogHours(ctx, cid, a, volunteer.HoursInput{Day: "2025-01-02", Minutes: 150, Note: "Mendongeng"}, f.actor)
			}, nil},
			{"absent accepted", func() error { _, err := f.store.MarkAbsent(ctx, cid, a, f.actor); return err }, nil},
			{"absent twice", func() error { _, err := f.store.MarkAbsent(ctx, cid, a, f.actor); return err }, volunteer.ErrState},
		}
		for _, tt := range tests {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
			}
		}
		if _, err := f.store.Decline(ctx, cid, mk(3), "  ", f.actor); err == nil {
			t.Error("decline without a reason")
		} else {
			wantField(t, err, "reason")
		}
		list, err := f.store.List(ctx, cid)
		if err != nil || len(list) != 3 {
			t.Fatalf("list %v %v", list, err)
		}
		if list[0].Minutes != 150 || list[1].DeclineReason != "Kuota penuh" {
			t.Errorf("list %+v %+v", list[0], list[1])
		}
		sl, _ := f.store.Slots(ctx, f.target.NeedID)
		if sl.Minutes != 150 || sl.Accepted != 0 || sl.Pending != 1 {
			t.Errorf("slots %+v", sl)
		}
		page, err := audit.List(ctx, d, audit.Filter{TargetType: "organization"})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]int{}
		for _, e := range page.Entries {
			actions[e.Action]++
		}
		for _, a := range []string{"volunteer.accepted", "volunteer.declined", "volunteer.absent", "volunteer.hours"} {
			if actions[a] != 1 {
				t.Errorf("audit %s: %d", a, actions[a])
			}
		}
	})
}

func TestFulfilledCountsAccepted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		cs := &campaign.Store{DB: d}
		n, err := cs.Need(ctx, f.target.CampaignID, f.target.NeedID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			v, _, err := f.store.SignUp(ctx, f.target, input(i))
			if err != nil {
				t.Fatal(err)
			}
			if i < 2 {
				if _, err := f.store.Accept(ctx, f.target.CampaignID, v.ID, f.actor); err != nil {
					t.Fatal(err)
				}
			}
		}
		if got, err := cs.Fulfilled(ctx, n); err != nil || got != 2 {
			t.Errorf("fulfilled %d %v, want 2", got, err)
		}
	})
}

func TestActivity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d, "3")
		ctx := context.Background()
		in, errs := volunteer.ParseActivity(url.Values{"date": {"2025-03-15"}, "start": {"08:00"}, "end": {"12:30"}}, i18n.WIB)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for range 2 { // setting it again replaces it
			if err := f.store.SetActivity(ctx, f.target.CampaignID, f.target.NeedID, in, f.actor); err != nil {
				t.Fatal(err)
			}
		}
		info, err := volunteer.Info(ctx, d, f.target.NeedID)
		if err != nil || info.Activity == nil || info.Role != "Pendamping baca" || info.Place != "Balai RW" {
			t.Fatalf("info %+v %v", info, err)
		}
		if want := time.Date(2025, 3, 15, 1, 0, 0, 0, time.UTC); !info.Activity.Starts.Equal(want) {
			t.Errorf("starts %v, want %v", info.Activity.Starts, want)
		}
		if err := f.store.SetActivity(ctx, f.target.CampaignID, f.danaID, in, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("activity on a dana need: %v", err)
		}
		if err := f.store.SetActivity(ctx, f.target.CampaignID, f.target.NeedID, volunteer.ActivityInput{Clear: true}, f.actor); err != nil {
			t.Fatal(err)
		}
		if a, err := volunteer.ActivityOf(ctx, d, f.target.NeedID); a != nil || err != nil {
			t.Errorf("cleared activity: %v %v", a, err)
		}
	})
}
