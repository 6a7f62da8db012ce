package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
)

// fuzzCampaign gives fuzzServer an owner's session cookie and a draft
// campaign of the owner's organisation, at /organisasi/fuzz/galang-daya/….
func fuzzCampaign(f *testing.F, s *Server) (cookie, slug string) {
	f.Helper()
	ctx := context.Background()
	u, err := s.accounts.Create(ctx, "fuzz@example.org", "Fuzz", "", "kata-sandi-panjang")
	if err != nil {
		f.Fatal(err)
	}
	token, err := s.accounts.CreateSession(ctx, u.ID, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	o, err := s.orgs.Create(ctx, u.ID, org.Input{Name: "OMS Fuzz", Slug: "fuzz", LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		f.Fatal(err)
	}
	var cycleID int64
	if err := s.db.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 4, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
		f.Fatal(err)
	}
	ia := initiative.Actor{ID: u.ID}
	i, err := s.initiativeStore().Create(ctx, ia, o.ID, cycleID, initiative.Input{Name: "Inisiatif Fuzz", Tagline: "t",
		Category: "pendidikan", Text: map[string]string{"problem": "p"}, Regions: []string{"32.73"}})
	if err == nil {
		err = s.initiativeStore().Publish(ctx, ia, i.ID)
	}
	if err != nil {
		f.Fatal(err)
	}
	in, _ := campaign.Parse(url.Values{"title": {"Kampanye Fuzz"}}, i18n.WIB)
	c, err := s.campaignStore().Create(ctx, campaign.Actor{ID: u.ID}, o.ID, i.ID, in)
	if err != nil {
		f.Fatal(err)
	}
	return "lokadaya_session=" + token, c.Slug
}

// FuzzCampaignEditForm posts arbitrary edit forms: whatever comes in, the
// answer is a redirect, a re-rendered form, a 400 or a 404, never a 500.
func FuzzCampaignEditForm(f *testing.F) {
	s := fuzzServer(f)
	cookie, slug := fuzzCampaign(f, s)
	h := s.Handler()
	f.Add("need_add", "barang", "Kursi", "1.000", "", "buah", "2025-01-01")
	f.Add("need_save", "dana", "", "-1", "999", "", "")
	f.Add("need_up", "", "", "", "abc", "", "")
	f.Add("save", "", "Judul", "", "", "2025-02-30", "9999-01-01")
	f.Add("need_remove", "advokasi", "ÿ", "1e9", "0", "", "")
	f.Fuzz(func(t *testing.T, action, kind, title, target, needID, unit, date string) {
		form := url.Values{"action": {action}, "need_kind": {kind}, "need_title": {title}, "need_target": {target},
			"need_id": {needID}, "need_unit": {unit}, "title": {title}, "starts_at": {date}, "ends_at": {date},
			"pub_permit_from": {date}, "need_petition_text": {title}}
		req := httptest.NewRequest(http.MethodPost, "/organisasi/fuzz/galang-daya/"+slug+"/ubah", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Fatalf("%v → %d", form, rec.Code)
		}
	})
}

// FuzzAPICampaigns feeds arbitrary list parameters: a 200 or a 400.
func FuzzAPICampaigns(f *testing.F) {
	h := fuzzServer(f).Handler()
	f.Add("active", "32.73", "")
	f.Add("ended", "x", "-1")
	f.Add("draft", "", "9223372036854775807")
	f.Fuzz(func(t *testing.T, status, region, cursor string) {
		v := url.Values{"status": {status}, "region": {region}, "cursor": {cursor}}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/campaigns?"+v.Encode(), nil))
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("%v → %d", v, rec.Code)
		}
	})
}
