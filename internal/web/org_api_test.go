package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"lokadaya/internal/db"
)

func decodeJSON(t *testing.T, body string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, body)
	}
	return v
}

func keys(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func TestAPIOrganizations(t *testing.T) {
	w := newOrgWorld(t)
	ctx := context.Background()
	for i := range 55 {
		now := db.Now()
		if _, err := w.d.Exec(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, focus_issues, created_at, updated_at)
			VALUES (?, ?, 'komunitas', '51.71.01.1001', ?, 'budaya', ?, ?)`,
			fmt.Sprintf("bali-%d", i), fmt.Sprintf("Sanggar Bali %d", i), []string{"verified", "pending"}[i%2], now, now); err != nil {
			t.Fatal(err)
		}
	}
	res := w.get(t, "anon", "/api/v1/organizations?region=51")
	body := decodeJSON(t, res.body)
	items, _ := body["items"].([]any)
	if res.status != 200 || len(items) != 50 || body["next"] == nil {
		t.Fatalf("first page: %d, %d items, next %v", res.status, len(items), body["next"])
	}
	first := items[0].(map[string]any)
	if got := keys(first); got != "focus_issues,kind,legal_form,name,region,slug,url,verified" {
		t.Errorf("item keys %s", got)
	}
	reg := first["region"].(map[string]any)
	if keys(reg) != "code,name" || reg["code"] != "51.71.01.1001" || reg["name"] != "Serangan" {
		t.Errorf("region %v", reg)
	}
	if first["url"] != "http://example.test/organisasi/bali-54" || first["focus_issues"].([]any)[0] != "budaya" {
		t.Errorf("item %v", first)
	}
	res = w.get(t, "anon", "/api/v1/organizations?region=51&cursor="+url.QueryEscape(body["next"].(string)))
	body = decodeJSON(t, res.body)
	if items, _ := body["items"].([]any); len(items) != 5 || body["next"] != nil {
		t.Errorf("second page: %d items, next %v", len(items), body["next"])
	}
	res = w.get(t, "anon", "/api/v1/organizations?region=32.73")
	body = decodeJSON(t, res.body)
	if items, _ := body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["slug"] != "taman-baca" {
		t.Errorf("Bandung: %v (the rejected one must not be listed)", body)
	}
	if items, _ := body["items"].([]any); len(items) == 1 && items[0].(map[string]any)["verified"] != false {
		t.Errorf("pending shown as verified")
	}

	res = w.get(t, "anon", "/api/v1/organizations/taman-baca")
	prof := decodeJSON(t, res.body)
	if res.status != 200 || prof["slug"] != "taman-baca" || prof["status"] != "pending" {
		t.Errorf("profile %d %v", res.status, prof)
	}
	for _, private := range []string{"npwp", "members", "012345678901234", "owner@example.org"} {
		if strings.Contains(res.body, private) {
			t.Errorf("profile leaks %q", private)
		}
	}
	if chain, _ := prof["region_chain"].([]any); len(chain) != 4 {
		t.Errorf("region chain %v", prof["region_chain"])
	}

	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/api/v1/organizations?region=abc", 400, "bad_request"},
		{"/api/v1/organizations?region=99", 404, "not_found"},
		{"/api/v1/organizations?cursor=x", 400, "bad_request"},
		{"/api/v1/organizations?cursor=-5", 400, "bad_request"},
		{"/api/v1/organizations/tidak-ada", 404, "not_found"},
		{"/api/v1/organizations/ditolak", 404, "not_found"},
	} {
		res := w.get(t, "anon", tc.path)
		body := decodeJSON(t, res.body)
		e, _ := body["error"].(map[string]any)
		if res.status != tc.status || e == nil || e["code"] != tc.code || e["message"] == "" {
			t.Errorf("%s: %d %v", tc.path, res.status, body)
		}
	}
}

func TestOrgDirectoryPage(t *testing.T) {
	w := newOrgWorld(t)
	for _, tc := range []struct {
		path   string
		status int
		has    []string
		hasNot []string
	}{
		{"/organisasi", 200, []string{"Taman Baca Sukarasa", "Kota Bandung, Jawa Barat"}, []string{"Organisasi Ditolak"}},
		{"/organisasi?q=taman", 200, []string{"Taman Baca Sukarasa"}, nil},
		{"/organisasi?q=zzz", 200, []string{"Belum ada organisasi"}, []string{"Taman Baca Sukarasa"}},
		{"/organisasi?wilayah=32.73", 200, []string{"Taman Baca Sukarasa", "Kota Bandung"}, nil},
		{"/organisasi?wilayah=51", 200, nil, []string{"Taman Baca Sukarasa"}},
		{"/organisasi?terverifikasi=1", 200, nil, []string{"Taman Baca Sukarasa"}},
		{"/organisasi?wilayah=99", 404, nil, nil},
	} {
		res := w.get(t, "anon", tc.path)
		if res.status != tc.status {
			t.Errorf("%s: %d", tc.path, res.status)
		}
		for _, s := range tc.has {
			if !strings.Contains(res.body, s) {
				t.Errorf("%s lacks %q", tc.path, s)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(res.body, s) {
				t.Errorf("%s shows %q", tc.path, s)
			}
		}
	}
}
