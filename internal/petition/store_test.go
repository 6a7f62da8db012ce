package petition_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/petition"
	"lokadaya/internal/validate"
)

// Real regions: Sukarasa (a kelurahan of Kota Bandung), Kota Bandung,
// Kota Pekanbaru.
const (
	sukarasa  = "32.73.01.1001"
	bandung   = "32.73"
	pekanbaru = "14.71"
)

// world is an organisation with an active campaign holding two petitions
// and a money need, a second active campaign with one petition, and
// campaigns that cannot be signed: a draft and one past its end.
type world struct {
	d                  *db.DB
	store              *petition.Store
	clock              time.Time
	campaign, other    int64
	needA, needB, dana int64
	otherNeed          int64
	draftNeed, endNeed int64
	draft, ended       int64
	tokens             map[string]string // the last link token issued, by e-mail
	verified           []int64           // OnVerify calls, by signature id
	mu                 sync.Mutex
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Bank Sampah", Slug: "bank-sampah",
		LegalForm: "komunitas", RegionCode: sukarasa})
	if err != nil {
		t.Fatal(err)
	}
	var cycleID int64
	if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 4, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	ia := initiative.Actor{ID: u.ID, Name: u.Name}
	i, err := (&initiative.Store{DB: d}).Create(ctx, ia, o.ID, cycleID, initiative.Input{Name: "Pilah Sampah",
		Tagline: "t", Category: "lingkungan", Text: map[string]string{"problem": "p"}, Regions: []string{bandung}})
	if err != nil {
		t.Fatal(err)
	}
	w := &world{d: d, clock: db.Now(), tokens: map[string]string{}}
	w.store = &petition.Store{DB: d, Now: func() time.Time { return w.clock },
		OnSign: func(_ context.Context, _ db.Querier, s *petition.Signature, token string) error {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.tokens[s.Email] = token
			return nil
		},
		OnVerify: func(_ context.Context, _ db.Querier, s *petition.Signature) error {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.verified = append(w.verified, s.ID)
			return nil
		}}
	mkCampaign := func(slug, status string, ends time.Time) int64 {
		var id int64
		if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, ends_at, created_at,
			updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, i.ID, o.ID, slug, "Kampanye "+slug, status, ends,
			db.Now(), db.Now()).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	mkNeed := func(campaignID int64, kind string) int64 {
		var id int64
		if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target, petition_text)
			VALUES (?, ?, ?, 100, ?) RETURNING id`, campaignID, kind, "Petisi "+kind, "Kami meminta …").Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	future := w.clock.AddDate(0, 1, 0)
	w.campaign = mkCampaign("angkut-sampah", campaign.StatusActive, future)
	w.needA, w.needB, w.dana = mkNeed(w.campaign, "advokasi"), mkNeed(w.campaign, "advokasi"), mkNeed(w.campaign, "dana")
	w.other = mkCampaign("lain", campaign.StatusActive, future)
	w.otherNeed = mkNeed(w.other, "advokasi")
	w.draft = mkCampaign("draf", campaign.StatusDraft, future)
	w.draftNeed = mkNeed(w.draft, "advokasi")
	w.ended = mkCampaign("lewat", campaign.StatusActive, w.clock.Add(-time.Hour))
	w.endNeed = mkNeed(w.ended, "advokasi")
	return w
}

func (w *world) token(email string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.tokens[email]
}

func input(name, email, region string) petition.Input {
	return petition.Input{Name: name, Email: petition.NormalizeEmail(email), Region: region}
}

func (w *world) sign(t *testing.T, need int64, in petition.Input) petition.Outcome {
	t.Helper()
	campaignID := w.campaign
	if need == w.otherNeed {
		campaignID = w.other
	}
	out, _, err := w.store.Sign(context.Background(), petition.Target{CampaignID: campaignID, NeedID: need}, in)
	if err != nil {
		t.Fatalf("sign %s: %v", in.Email, err)
	}
	return out
}

func (w *world) count(t *testing.T, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSignValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		long := strings.Repeat("a", petition.MaxName+1)
		for _, tc := range []struct {
			name  string
			in    petition.Input
			field string // "" when valid
		}{
			{"valid kelurahan", input("Sari", "sari@example.org", sukarasa), ""},
			{"valid kota", input("Tono", "tono@example.org", bandung), ""},
			{"no name", input(" ", "a@example.org", bandung), "name"},
			{"long name", input(long, "b@example.org", bandung), "name"},
			{"bad text", input("Sa\xffri", "c@example.org", bandung), "name"},
			{"no e-mail", input("Sari", "", bandung), "email"},
			{"bad e-mail", input("Sari", "sari@", bandung), "email"},
			{"display-name e-mail", input("Sari", "Sari <s@example.org>", bandung), "email"},
			{"no region", input("Sari", "d@example.org", ""), "region"},
			{"province only", input("Sari", "e@example.org", "32"), "region"},
			{"unknown region", input("Sari", "f@example.org", "32.99"), "region"},
			{"long comment", petition.Input{Name: "Sari", Email: "g@example.org", Region: bandung,
				Comment: strings.Repeat("k", petition.MaxComment+1)}, "comment"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, g, err := w.store.Sign(context.Background(), petition.Target{CampaignID: w.campaign, NeedID: w.needA}, tc.in)
				if tc.field == "" {
					if err != nil || g.ID == 0 || g.KabCode != "32.73" || g.Lang != "id" {
						t.Fatalf("valid input: %+v, %v", g, err)
					}
					return
				}
				var errs validate.Errors
				if !errors.As(err, &errs) || errs[tc.field] == "" {
					t.Fatalf("want an error on %s, got %v", tc.field, err)
				}
			})
		}
		if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 2 {
			t.Errorf("%d rows, want the 2 valid ones", n)
		}
	})
}

func TestSignClosed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		for name, target := range map[string]petition.Target{
			"draft campaign":           {CampaignID: w.draft, NeedID: w.draftNeed},
			"past its end":             {CampaignID: w.ended, NeedID: w.endNeed},
			"money need":               {CampaignID: w.campaign, NeedID: w.dana},
			"need of another campaign": {CampaignID: w.campaign, NeedID: w.otherNeed},
			"no such need":             {CampaignID: w.campaign, NeedID: 99999},
		} {
			_, _, err := w.store.Sign(context.Background(), target, input("Sari", "sari@example.org", bandung))
			if !errors.Is(err, petition.ErrClosed) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 0 {
			t.Errorf("%d signatures on closed petitions", n)
		}
	})
}

func TestOnePerEmailPerCampaign(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		if out := w.sign(t, w.needA, input("Sari", " Sari@Example.ORG ", sukarasa)); out != petition.Signed {
			t.Fatalf("first: %v", out)
		}
		first := w.token("sari@example.org")
		// Unverified, signing the campaign's other petition re-sends the
		// link, with the new details; the old link stops working.
		if out := w.sign(t, w.needB, input("Sari Aminah", "sari@example.org", pekanbaru)); out != petition.Resent {
			t.Fatalf("again, unverified: %v", out)
		}
		second := w.token("sari@example.org")
		if first == second || second == "" {
			t.Fatal("no fresh link")
		}
		if _, _, err := w.store.Verify(ctx, first); !errors.Is(err, petition.ErrTokenInvalid) {
			t.Errorf("old link: %v", err)
		}
		g, fresh, err := w.store.Verify(ctx, second)
		if err != nil || !fresh || g.NeedID != w.needB || g.Name != "Sari Aminah" || g.KabCode != pekanbaru {
			t.Fatalf("verify: %+v %v %v", g, fresh, err)
		}
		// Verified: any petition of the campaign says already signed and
		// changes nothing.
		for _, need := range []int64{w.needA, w.needB} {
			if out := w.sign(t, need, input("Penyusup", "SARI@example.org", bandung)); out != petition.AlreadySigned {
				t.Errorf("verified, need %d: %v", need, out)
			}
		}
		if w.token("sari@example.org") != second {
			t.Error("a link was issued for a verified e-mail")
		}
		// Another campaign is another signature.
		if out := w.sign(t, w.otherNeed, input("Sari", "sari@example.org", bandung)); out != petition.Signed {
			t.Errorf("other campaign: %v", out)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures WHERE email = 'sari@example.org'`); n != 2 {
			t.Errorf("%d rows for one e-mail in two campaigns", n)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures WHERE name = 'Penyusup'`); n != 0 {
			t.Error("a signing after verification changed the signature")
		}
	})
}

func TestVerifyCountsAndLists(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		signers := []petition.Input{
			input("Sari", "sari@example.org", sukarasa),
			{Name: "Rahasia", Email: "rahasia@example.org", Region: bandung, Anonymous: true, Comment: "Setuju"},
			input("Tono", "tono@example.org", pekanbaru),
			input("Belum", "belum@example.org", bandung), // never verifies
		}
		for i, in := range signers {
			w.clock = w.clock.Add(time.Minute)
			w.sign(t, w.needA, in)
			if i == len(signers)-1 {
				break
			}
			if _, fresh, err := w.store.Verify(ctx, w.token(in.Email)); err != nil || !fresh {
				t.Fatalf("verify %s: %v %v", in.Email, fresh, err)
			}
		}
		// A second visit to a link shows the signature again without
		// verifying it twice.
		g, fresh, err := w.store.Verify(ctx, w.token("sari@example.org"))
		if err != nil || fresh || g.Name != "Sari" || len(w.verified) != 3 {
			t.Fatalf("second visit: %+v %v %v, OnVerify %d times", g, fresh, err, len(w.verified))
		}
		for _, bad := range []string{"", "nope", strings.Repeat("0", 64), strings.Repeat("z", 64)} {
			if _, _, err := w.store.Verify(ctx, bad); !errors.Is(err, petition.ErrTokenInvalid) {
				t.Errorf("token %q: %v", bad, err)
			}
		}
		if n, err := petition.Verified(ctx, d, w.needA); err != nil || n != 3 {
			t.Errorf("verified = %d, %v", n, err)
		}
		if c, err := w.store.Counts(ctx, w.needA); err != nil || c != (petition.Counts{Verified: 3, Waiting: 1}) {
			t.Errorf("counts = %+v, %v", c, err)
		}
		if c, _ := w.store.Counts(ctx, w.needB); c != (petition.Counts{}) {
			t.Errorf("other petition counts = %+v", c)
		}
		recent, err := w.store.Recent(ctx, w.needA, 2)
		if err != nil || len(recent) != 2 || recent[0].Name != "Tono" || recent[0].Kab != "Kota Pekanbaru" ||
			recent[1].Name != "" || recent[1].Kab != "Kota Bandung" {
			t.Errorf("recent = %+v, %v", recent, err)
		}
		byKab, err := w.store.ByKab(ctx, w.needA)
		if err != nil || len(byKab) != 2 || byKab[0] != (petition.KabCount{Code: bandung, Name: "Kota Bandung", Count: 2}) ||
			byKab[1].Count != 1 {
			t.Errorf("by kabupaten = %+v, %v", byKab, err)
		}
		rows, err := w.store.Export(ctx, w.needA)
		if err != nil || len(rows) != 3 {
			t.Fatalf("export = %+v, %v", rows, err)
		}
		if rows[0].Name != "Sari" || rows[0].Region != "Sukarasa" || rows[0].Kab != "Kota Bandung" ||
			rows[0].Province != "Jawa Barat" || rows[1].Name != "" || !rows[1].Anonymous || rows[1].Comment != "Setuju" {
			t.Errorf("export rows = %+v", rows)
		}
	})
}

func TestExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		w.sign(t, w.needA, input("Sari", "sari@example.org", bandung))
		w.sign(t, w.needA, input("Tono", "tono@example.org", bandung))
		if _, _, err := w.store.Verify(ctx, w.token("tono@example.org")); err != nil {
			t.Fatal(err)
		}
		late := w.token("sari@example.org")
		w.clock = w.clock.Add(petition.DefaultTTL + time.Minute)
		if _, _, err := w.store.Verify(ctx, late); !errors.Is(err, petition.ErrTokenInvalid) {
			t.Fatalf("expired link: %v", err)
		}
		if c, _ := w.store.Counts(ctx, w.needA); c != (petition.Counts{Verified: 1}) {
			t.Errorf("counts after expiry = %+v", c)
		}
		// Signing again before the purge issues a working link.
		if out := w.sign(t, w.needA, input("Sari", "sari@example.org", bandung)); out != petition.Resent {
			t.Fatalf("sign after expiry: %v", out)
		}
		if _, fresh, err := w.store.Verify(ctx, w.token("sari@example.org")); err != nil || !fresh {
			t.Fatalf("fresh link: %v %v", fresh, err)
		}
		// The purge takes only unverified signatures past their link.
		w.sign(t, w.needA, input("Lupa", "lupa@example.org", bandung))
		w.clock = w.clock.Add(petition.DefaultTTL)
		n, err := w.store.PurgeExpired(ctx)
		if err != nil || n != 1 {
			t.Fatalf("purged %d, %v", n, err)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 2 {
			t.Errorf("%d signatures left, want the 2 verified", n)
		}
	})
}

// TestConcurrentSigning signs with one e-mail, spelled differently, on
// both petitions of a campaign at once: one row, one new signature.
func TestConcurrentSigning(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		const n = 8
		outcomes := make([]petition.Outcome, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				need := w.needA
				if i%2 == 1 {
					need = w.needB
				}
				email := "Kembar@Example.org"
				if i%3 == 0 {
					email = " kembar@example.org"
				}
				outcomes[i], _, errs[i] = w.store.Sign(ctx, petition.Target{CampaignID: w.campaign, NeedID: need},
					input(fmt.Sprintf("Kembar %d", i), email, bandung))
			})
		}
		wg.Wait()
		signed := 0
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("signer %d: %v", i, errs[i])
			}
			if outcomes[i] == petition.Signed {
				signed++
			} else if outcomes[i] != petition.Resent {
				t.Errorf("signer %d: %v", i, outcomes[i])
			}
		}
		if signed != 1 {
			t.Errorf("%d new signatures, want 1", signed)
		}
		if c := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); c != 1 {
			t.Fatalf("%d rows, want 1", c)
		}
		// The last link issued works, once, however many open it at once.
		token := w.token("kembar@example.org")
		firsts := make([]bool, n)
		for i := range n {
			wg.Go(func() {
				_, firsts[i], errs[i] = w.store.Verify(ctx, token)
			})
		}
		wg.Wait()
		verified := 0
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("verify %d: %v", i, errs[i])
			}
			if firsts[i] {
				verified++
			}
		}
		if verified != 1 || len(w.verified) != 1 {
			t.Errorf("verified %d times, OnVerify %d times", verified, len(w.verified))
		}
	})
}

// TestNewsAtVerification subscribes a signer who ticked "kabar" when
// their e-mail is verified, not before, and never one who did not.
func TestNewsAtVerification(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		w.store.OnVerify = func(ctx context.Context, q db.Querier, s *petition.Signature) error {
			if !s.News {
				return nil
			}
			return campaign.Subscribe(ctx, q, s.CampaignID, s.Email, s.Name, s.Lang)
		}
		wants := petition.Input{Name: "Sari", Email: "sari@example.org", Region: bandung, News: true, Lang: "en"}
		w.sign(t, w.needA, wants)
		w.sign(t, w.needA, input("Tono", "tono@example.org", bandung))
		subs, _ := campaign.Subscribers(ctx, d, w.campaign)
		if len(subs) != 0 {
			t.Fatalf("subscribed before verification: %+v", subs)
		}
		for _, e := range []string{"sari@example.org", "tono@example.org"} {
			if _, _, err := w.store.Verify(ctx, w.token(e)); err != nil {
				t.Fatal(err)
			}
		}
		subs, err := campaign.Subscribers(ctx, d, w.campaign)
		if err != nil || len(subs) != 1 || subs[0].Email != "sari@example.org" || subs[0].Lang != "en" {
			t.Fatalf("subscribers = %+v, %v", subs, err)
		}
	})
}

// TestFulfilled is the campaign's view of a petition: verified
// signatures.
func TestFulfilled(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		w.sign(t, w.needA, input("Sari", "sari@example.org", bandung))
		w.sign(t, w.needA, input("Tono", "tono@example.org", bandung))
		if _, _, err := w.store.Verify(ctx, w.token("tono@example.org")); err != nil {
			t.Fatal(err)
		}
		got, err := (&campaign.Store{DB: d}).Fulfilled(ctx, &campaign.Need{ID: w.needA, Kind: campaign.KindAdvokasi})
		if err != nil || got != 1 {
			t.Errorf("fulfilled = %d, %v; want 1", got, err)
		}
	})
}

func FuzzFromForm(f *testing.F) {
	f.Add("Sari", " Sari@Example.org ", "32", "32.73", "32.73.01", "32.73.01.1001", "", "komentar", "1", "1")
	f.Add("", "", "", "", "", "", "32.73", "", "", "")
	f.Add("  a  b ", "x@y", "99", "<script>", "", "", "32.7", "=1+1", "", "on")
	f.Fuzz(func(t *testing.T, name, email, prov, kab, kec, desa, whole, comment, anon, news string) {
		form := url.Values{"name": {name}, "email": {email}, "region_prov": {prov}, "region_kab": {kab},
			"region_kec": {kec}, "region_desa": {desa}, "region": {whole}, "comment": {comment},
			"anonymous": {anon}, "kabar": {news}}
		in := petition.FromForm(form)
		if in.Email != strings.ToLower(in.Email) || in.Email != strings.TrimSpace(in.Email) {
			t.Fatalf("e-mail not normalised: %q", in.Email)
		}
		if in.News != (news != "") || in.Anonymous != (anon != "") {
			t.Fatal("checkboxes misread")
		}
		errs := in.Check()
		if len(errs) > 0 {
			return
		}
		if in.Name == "" || len([]rune(in.Name)) > petition.MaxName || len([]rune(in.Comment)) > petition.MaxComment {
			t.Fatalf("accepted %+v", in)
		}
		if k := petition.KabOf(in.Region); k == "" || !strings.HasPrefix(in.Region, k) {
			t.Fatalf("accepted region %q", in.Region)
		}
		if in.Lang != "id" && in.Lang != "en" {
			t.Fatalf("lang %q", in.Lang)
		}
	})
}
