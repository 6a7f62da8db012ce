package offer_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"lokadaya/internal/audit"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/offer"
	"lokadaya/internal/validate"
)

func TestCreateValidates(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*offer.Input)
		field string // "" when valid
	}{
		{"valid business", func(*offer.Input) {}, ""},
		{"valid person without institution", func(in *offer.Input) { in.Kind, in.Institution = offer.KindPerson, "" }, ""},
		{"valid with phone", func(in *offer.Input) { in.Phone = "0812-3456-7890" }, ""},
		{"no kind", func(in *offer.Input) { in.Kind = "" }, "kind"},
		{"unknown kind", func(in *offer.Input) { in.Kind = "partai" }, "kind"},
		{"no name", func(in *offer.Input) { in.Name = " " }, "name"},
		{"long name", func(in *offer.Input) { in.Name = strings.Repeat("a", offer.MaxName+1) }, "name"},
		{"institution required of pemda", func(in *offer.Input) { in.Kind, in.Institution = offer.KindLocalGov, "" }, "institution"},
		{"institution required of media", func(in *offer.Input) { in.Kind, in.Institution = offer.KindMedia, "" }, "institution"},
		{"long institution", func(in *offer.Input) { in.Institution = strings.Repeat("b", offer.MaxInstitution+1) }, "institution"},
		{"no offer", func(in *offer.Input) { in.Body = "" }, "body"},
		{"long offer", func(in *offer.Input) { in.Body = strings.Repeat("c", offer.MaxBody+1) }, "body"},
		{"invalid text", func(in *offer.Input) { in.Body = "a\xffb" }, "body"},
		{"no e-mail", func(in *offer.Input) { in.Email = "" }, "email"},
		{"bad e-mail", func(in *offer.Input) { in.Email = "rudi@" }, "email"},
		{"bad phone", func(in *offer.Input) { in.Phone = "12" }, "phone"},
		{"short token", func(in *offer.Input) { in.Token = "pendek" }, "token"},
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := input(i)
				tt.edit(&in)
				o, created, err := s.Create(context.Background(), f.target, in)
				var errs validate.Errors
				if tt.field == "" {
					if err != nil || !created || o.Status != offer.StatusNew || !o.AwaitingOrg || len(o.AccessToken) < 20 {
						t.Fatalf("valid offer: %v %+v", err, o)
					}
					return
				}
				if !errors.As(err, &errs) || errs[tt.field] == "" {
					t.Fatalf("want an error on %s, got %v", tt.field, err)
				}
			})
		}
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM offers`).Scan(&n); err != nil || n != 3 {
			t.Errorf("%d offers stored (%v), want the 3 valid ones", n, err)
		}
	})
}

func TestCreateNormalises(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		in := input(1)
		in.Kind, in.Phone, in.ShowName = offer.KindPerson, "0812 3456 7890", true
		o := create(t, s, f, in)
		if o.Institution != "" || o.Phone != "+6281234567890" || !o.ShowName {
			t.Errorf("person: %+v", o)
		}
		in = input(2)
		in.ShowName = true // means nothing for an institution
		if o = create(t, s, f, in); o.ShowName || o.Institution != "PT Buku Nusantara" {
			t.Errorf("institution: %+v", o)
		}
	})
}

// atStatus makes an offer and puts it in status through the allowed path.
func atStatus(t *testing.T, s *offer.Store, f fixture, i int, status string) *offer.Offer {
	t.Helper()
	ctx := context.Background()
	o := create(t, s, f, input(i))
	path := map[string][]string{
		offer.StatusNew:       nil,
		offer.StatusDiscussed: {offer.StatusDiscussed},
		offer.StatusAgreed:    {offer.StatusDiscussed, offer.StatusAgreed},
		offer.StatusDeclined:  {offer.StatusDiscussed, offer.StatusDeclined},
	}[status]
	for _, to := range path {
		var err error
		if o, err = s.SetStatus(ctx, f.target.OrgID, o.ID, f.actor, to, "Alasan singkat"); err != nil {
			t.Fatalf("to %s: %v", to, err)
		}
	}
	return o
}

func TestTransitions(t *testing.T) {
	allowed := map[[2]string]bool{
		{offer.StatusNew, offer.StatusDiscussed}:      true,
		{offer.StatusDiscussed, offer.StatusAgreed}:   true,
		{offer.StatusDiscussed, offer.StatusDeclined}: true,
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		i := 0
		for _, from := range offer.Statuses {
			for _, to := range append(offer.Statuses, "", "batal") {
				t.Run(from+"→"+to, func(t *testing.T) {
					i++
					o := atStatus(t, s, f, i, from)
					got, err := s.SetStatus(ctx, f.target.OrgID, o.ID, f.actor, to, "Sudah cukup mitra")
					if allowed[[2]string{from, to}] != (err == nil) {
						t.Fatalf("err %v", err)
					}
					if err == nil {
						if got.Status != to || got.Closed() != (to != offer.StatusDiscussed) || (got.DecidedAt != nil) != got.Closed() {
							t.Errorf("after: %+v", got)
						}
						return
					}
					if !errors.Is(err, offer.ErrTransition) {
						t.Errorf("want ErrTransition, got %v", err)
					}
					if now, _ := s.ByID(ctx, o.ID); now.Status != from {
						t.Errorf("status moved to %s", now.Status)
					}
				})
			}
		}
	})
}

func TestDeclineNeedsAReason(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		o := atStatus(t, s, f, 1, offer.StatusDiscussed)
		var errs validate.Errors
		if _, err := s.SetStatus(ctx, f.target.OrgID, o.ID, f.actor, offer.StatusDeclined, "  "); !errors.As(err, &errs) || errs["reason"] == "" {
			t.Fatalf("decline without a reason: %v", err)
		}
		o, err := s.SetStatus(ctx, f.target.OrgID, o.ID, f.actor, offer.StatusDeclined, "Kebutuhan sudah terpenuhi")
		if err != nil || o.Reason != "Kebutuhan sudah terpenuhi" {
			t.Fatalf("decline: %v %+v", err, o)
		}
		// Another organisation's offer is not found, whatever the move.
		if _, err := s.SetStatus(ctx, f.otherID, o.ID, f.actor, offer.StatusDiscussed, ""); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other organisation: %v", err)
		}
		page, err := audit.List(ctx, d, audit.Filter{Action: "offer.status"})
		if err != nil || len(page.Entries) != 2 || !strings.Contains(page.Entries[0].Detail, "dibahas → ditolak: Kebutuhan sudah terpenuhi") {
			t.Errorf("audit: %v %+v", err, page.Entries)
		}
	})
}

func TestThread(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var told []string
		s := &offer.Store{DB: d, OnMessage: func(_ context.Context, _ db.Querier, o *offer.Offer, m *offer.Message) error {
			told = append(told, o.Status+":"+m.Body)
			return nil
		}}
		ctx := context.Background()
		o := create(t, s, f, input(1))
		steps := []struct {
			org  bool
			body string
		}{
			{true, "Terima kasih, bisa kita bicarakan jadwalnya?"},
			{false, "Bisa setiap Sabtu."},
			{true, "Baik, Sabtu depan."},
		}
		for _, st := range steps {
			var err error
			if st.org {
				o, _, err = s.OrgReply(ctx, f.target.OrgID, o.ID, f.actor, st.body)
			} else {
				o, _, err = s.OffererReply(ctx, o.AccessToken, st.body)
			}
			if err != nil {
				t.Fatal(err)
			}
			if o.AwaitingOrg == st.org {
				t.Errorf("after %q awaiting_org = %v", st.body, o.AwaitingOrg)
			}
		}
		if o.Status != offer.StatusDiscussed {
			t.Fatalf("a reply did not move the new offer on: %s", o.Status)
		}
		if _, err := s.SetStatus(ctx, f.target.OrgID, o.ID, f.actor, offer.StatusAgreed, ""); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.OffererReply(ctx, o.AccessToken, "Satu lagi"); !errors.Is(err, offer.ErrClosed) {
			t.Errorf("reply to an agreed offer: %v", err)
		}
		if _, _, err := s.OrgReply(ctx, f.target.OrgID, o.ID, f.actor, "Sampai jumpa Sabtu."); err != nil {
			t.Errorf("the organisation writes on a closed offer: %v", err)
		}
		if _, _, err := s.OrgReply(ctx, f.otherID, o.ID, f.actor, "Bukan urusan kami"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other organisation replies: %v", err)
		}
		var errs validate.Errors
		if _, _, err := s.OrgReply(ctx, f.target.OrgID, o.ID, f.actor, " \r\n "); !errors.As(err, &errs) {
			t.Errorf("empty reply: %v", err)
		}
		thread, err := s.Thread(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			org         bool
			event, body string
		}{
			{true, offer.StatusDiscussed, steps[0].body},
			{false, "", steps[1].body},
			{true, "", steps[2].body},
			{true, offer.StatusAgreed, ""},
			{true, "", "Sampai jumpa Sabtu."},
		}
		if len(thread) != len(want) {
			t.Fatalf("thread: %+v", thread)
		}
		for i, w := range want {
			m := thread[i]
			if m.FromOrg != w.org || m.Event != w.event || m.Body != w.body || (i > 0 && m.ID <= thread[i-1].ID) {
				t.Errorf("message %d: %+v, want %+v", i, m, w)
			}
			if m.FromOrg && (m.AuthorName != "Editor Taman" || m.AuthorID == nil) {
				t.Errorf("message %d author: %+v", i, m)
			}
		}
		if len(told) != len(want) || told[1] != "dibahas:Bisa setiap Sabtu." {
			t.Errorf("told: %q", told)
		}
		page, _ := audit.List(ctx, d, audit.Filter{Action: "offer.status"})
		if len(page.Entries) != 2 {
			t.Errorf("%d audit entries, want the automatic move and the agreement", len(page.Entries))
		}
	})
}

func TestDeclinedTakesNoReply(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		o := atStatus(t, s, f, 1, offer.StatusDeclined)
		if _, _, err := s.OffererReply(context.Background(), o.AccessToken, "Mengapa?"); !errors.Is(err, offer.ErrClosed) {
			t.Errorf("reply to a declined offer: %v", err)
		}
	})
}

func TestTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		o := create(t, s, f, input(1))
		again, created, err := s.Create(ctx, f.target, input(1))
		if err != nil || created || again.ID != o.ID || again.AccessToken != o.AccessToken {
			t.Errorf("same form token: %v %v %+v", err, created, again)
		}
		other := create(t, s, f, input(2))
		if other.AccessToken == o.AccessToken {
			t.Error("two offers share a private link")
		}
		for _, tok := range []string{"", "salah", strings.ToLower(o.AccessToken) + "x", o.FormToken, strings.Repeat("a", 200)} {
			if _, err := s.ByAccess(ctx, tok); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("ByAccess(%q): %v", tok, err)
			}
			if _, _, err := s.OffererReply(ctx, tok, "Halo"); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("OffererReply(%q): %v", tok, err)
			}
		}
		if got, err := s.ByAccess(ctx, o.AccessToken); err != nil || got.ID != o.ID {
			t.Errorf("ByAccess: %v %+v", err, got)
		}
		if _, err := s.OfOrg(ctx, f.otherID, o.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation reads the offer: %v", err)
		}
	})
}

func TestConcurrentFirstRepliesMoveOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		o := create(t, s, f, input(1))
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				if _, _, err := s.OrgReply(ctx, f.target.OrgID, o.ID, f.actor, "Balasan "+string(rune('A'+i))); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		thread, _ := s.Thread(ctx, o.ID)
		events := 0
		for _, m := range thread {
			if m.Event != "" {
				events++
			}
		}
		page, _ := audit.List(ctx, d, audit.Filter{Action: "offer.status"})
		if len(thread) != n || events != 1 || len(page.Entries) != 1 {
			t.Errorf("%d messages, %d moves, %d audit entries", len(thread), events, len(page.Entries))
		}
	})
}

func TestCountsPartnersAndFulfilment(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		offers := []struct {
			kind, name, institution string
			show                    bool
			status                  string
		}{
			{offer.KindAcademia, "Dr. Ani", "Universitas Padjadjaran", false, offer.StatusAgreed},
			{offer.KindPerson, "Yanti", "", true, offer.StatusAgreed},
			{offer.KindPerson, "Rahasia", "", false, offer.StatusAgreed},
			{offer.KindBusiness, "Rudi", "PT Ditolak", false, offer.StatusDeclined},
			{offer.KindMedia, "Sari", "Radio Kampung", false, offer.StatusDiscussed},
			{offer.KindLocalGov, "Pak Camat", "Kecamatan Sukasari", false, offer.StatusNew},
		}
		for i, x := range offers {
			o := create(t, s, f, offer.Input{Kind: x.kind, Name: x.name, Institution: x.institution, ShowName: x.show,
				Body: "Tawaran", Email: "x@example.org", Token: token(i)})
			if _, err := d.Exec(ctx, `UPDATE offers SET status = ?, reject_reason = 'x', decided_at = ? WHERE id = ?`,
				x.status, db.Now(), o.ID); err != nil {
				t.Fatal(err)
			}
		}
		c, err := offer.NeedCounts(ctx, d, f.target.NeedID)
		if err != nil || c != (offer.Counts{Received: 6, Agreed: 3}) {
			t.Errorf("counts %+v %v", c, err)
		}
		partners, err := offer.Partners(ctx, d, f.target.NeedID)
		if err != nil || strings.Join(partners, "|") != "Universitas Padjadjaran|Yanti" {
			t.Errorf("partners %q %v", partners, err)
		}
		cs := &campaign.Store{DB: d}
		for need, want := range map[int64]int64{f.target.NeedID: 3, f.partner: 0} {
			kind := campaign.KindKeahlian
			if need == f.partner {
				kind = campaign.KindKemitraan
			}
			got, err := cs.Fulfilled(ctx, &campaign.Need{ID: need, Kind: kind})
			if err != nil || got != want {
				t.Errorf("need %d fulfilled %d (%v), want %d", need, got, err, want)
			}
		}
	})
}

func TestRemovedNeedKeepsOffers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &offer.Store{DB: d}
		ctx := context.Background()
		o := create(t, s, f, input(1))
		if _, err := d.Exec(ctx, `DELETE FROM campaign_needs WHERE id = ?`, f.target.NeedID); err != nil {
			t.Fatal(err)
		}
		got, err := s.ByAccess(ctx, o.AccessToken)
		if err != nil || got.NeedID != nil || got.NeedTitle != "Pustakawan" {
			t.Fatalf("after removing the need: %v %+v", err, got)
		}
		if list, _ := s.ByCampaign(ctx, f.target.CampaignID); len(list) != 1 {
			t.Errorf("campaign lists %d offers", len(list))
		}
	})
}
