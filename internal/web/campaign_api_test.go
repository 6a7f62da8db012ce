package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/campaign"
)

func TestCampaignAPI(t *testing.T) {
	w := newCampaignWorld(t)
	draft := w.add(t, "Draf API", false)
	var active []*campaign.Campaign
	for _, title := range []string{"API Satu", "API Dua", "API Tiga"} {
		active = append(active, w.add(t, title, true))
	}
	barang, _ := campaign.ParseNeed(url.Values{"kind": {"barang"}, "title": {"Kursi"}, "target": {"20"}, "unit": {"buah"}})
	if _, err := w.store.AddNeed(context.Background(), active[0].ID, barang); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path   string
		status int
		count  int
	}{
		{"/api/v1/campaigns", 200, 3},
		{"/api/v1/campaigns?status=active&region=32", 200, 3},
		{"/api/v1/campaigns?region=32.73.01.1001", 200, 3},
		{"/api/v1/campaigns?region=14", 200, 0},
		{"/api/v1/campaigns?status=ended", 200, 0},
		{"/api/v1/campaigns?status=draft", 400, 0},
		{"/api/v1/campaigns?region=x", 400, 0},
		{"/api/v1/campaigns?cursor=-1", 400, 0},
		{"/api/v1/campaigns?cursor=" + itoa(active[1].ID), 200, 1},
	} {
		res, body := apiGet(t, w.ts.URL, tc.path)
		if res.StatusCode != tc.status {
			t.Errorf("%s: %d, want %d", tc.path, res.StatusCode, tc.status)
			continue
		}
		if tc.status != 200 {
			if e, ok := body["error"].(map[string]any); !ok || e["code"] != "bad_request" {
				t.Errorf("%s: error body %v", tc.path, body)
			}
			continue
		}
		if items := body["items"].([]any); len(items) != tc.count {
			t.Errorf("%s: %d items, want %d", tc.path, len(items), tc.count)
		}
	}
	// One campaign, exactly the documented shape.
	res, err := http.Get(w.ts.URL + "/api/v1/campaigns/" + active[0].Slug)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Slug, Title, Status string
		EndsAt              *string `json:"ends_at"`
		Organization        struct {
			Slug, Name string
			Verified   *bool
		}
		Initiative struct{ Slug, Name string }
		Needs      []struct {
			ID                int64
			Kind, Title, Unit string
			Target, Fulfilled int64
		}
		Money map[string]int64
	}
	err = json.NewDecoder(res.Body).Decode(&got)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("one: %d %v", res.StatusCode, err)
	}
	if got.Slug != active[0].Slug || got.Status != "active" || got.EndsAt == nil || got.Organization.Slug != "taman-baca" ||
		got.Organization.Verified == nil || got.Initiative.Name != "Pojok Baca Warga" || len(got.Needs) != 2 ||
		got.Needs[1].Unit != "buah" || got.Needs[1].Target != 20 {
		t.Errorf("one: %+v", got)
	}
	want := map[string]int64{"target": 5_000_000, "confirmed": 0, "pending": 0, "donors": 0}
	for k, v := range want {
		if m, ok := got.Money[k]; !ok || m != v {
			t.Errorf("money.%s = %d (present %v), want %d", k, m, ok, v)
		}
	}
	for _, slug := range []string{draft.Slug, "tidak-ada"} {
		res, body := apiGet(t, w.ts.URL, "/api/v1/campaigns/"+slug)
		if res.StatusCode != 404 || !strings.Contains(body["error"].(map[string]any)["message"].(string), "Kampanye") {
			t.Errorf("%s: %d %v", slug, res.StatusCode, body)
		}
	}
}
