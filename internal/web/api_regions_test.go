package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// apiGet fetches path and decodes its JSON body into a generic value.
func apiGet(t *testing.T, base, path string) (*http.Response, map[string]any) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("GET %s: not JSON: %v: %s", path, err, raw)
	}
	return res, body
}

func TestAPIRegionsLists(t *testing.T) {
	ts := foundationServer(t)
	for _, tc := range []struct {
		name     string
		path     string
		n        int // exact length, or -1
		min      int
		contains string // a code in the list
	}{
		{"provinces", "/api/v1/regions", 38, 0, "32"},
		{"empty parent is provinces", "/api/v1/regions?parent=", 38, 0, "94"},
		{"children of Jawa Barat", "/api/v1/regions?parent=32", 27, 0, "32.73"},
		{"children of Kota Bandung", "/api/v1/regions?parent=32.73", 30, 0, "32.73.01"},
		{"desa has no children", "/api/v1/regions?parent=32.73.01.1001", 0, 0, ""},
		{"search", "/api/v1/regions?q=bandung", -1, 2, "32.73"},
		{"search with limit", "/api/v1/regions?q=sukamaju&limit=5", 5, 0, ""},
		{"search without hits", "/api/v1/regions?q=zzqqxx", 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := apiGet(t, ts.URL, tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %v", res.StatusCode, body)
			}
			if got := res.Header.Get("Cache-Control"); got != "public, max-age=86400" {
				t.Errorf("Cache-Control = %q", got)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			items, ok := body["items"].([]any)
			if !ok {
				t.Fatalf("no data list: %v", body)
			}
			if tc.n >= 0 && len(items) != tc.n || len(items) < tc.min {
				t.Errorf("%d items, want %d (min %d)", len(items), tc.n, tc.min)
			}
			found := tc.contains == ""
			for _, it := range items {
				obj := it.(map[string]any)
				checkRegionShape(t, obj)
				found = found || obj["code"] == tc.contains
			}
			if !found {
				t.Errorf("list lacks %s", tc.contains)
			}
		})
	}
}

// checkRegionShape insists on exactly code, name, level and parent.
func checkRegionShape(t *testing.T, obj map[string]any) {
	t.Helper()
	if len(obj) != 4 {
		t.Errorf("region has keys %v", obj)
	}
	for _, k := range []string{"code", "name", "level"} {
		if s, ok := obj[k].(string); !ok || s == "" {
			t.Errorf("region %v: %s missing", obj, k)
		}
	}
	parent, has := obj["parent"]
	if !has {
		t.Errorf("region %v: parent missing", obj)
	}
	if obj["level"] == "provinsi" && parent != nil || obj["level"] != "provinsi" && parent == nil {
		t.Errorf("region %v: wrong parent", obj)
	}
}

func TestAPIRegionOne(t *testing.T) {
	ts := foundationServer(t)
	for _, tc := range []struct {
		path   string
		status int
		want   map[string]any // expected region, or nil for an error
		code   string         // expected error code
	}{
		{"/api/v1/regions/32", 200, map[string]any{"code": "32", "name": "Jawa Barat", "level": "provinsi", "parent": nil}, ""},
		{"/api/v1/regions/32.73", 200, map[string]any{"code": "32.73", "name": "Kota Bandung", "level": "kota", "parent": "32"}, ""},
		{"/api/v1/regions/32.73.01.1001", 200, map[string]any{"code": "32.73.01.1001", "name": "Sukarasa", "level": "kelurahan", "parent": "32.73.01"}, ""},
		{"/api/v1/regions/99.99", 404, nil, "not_found"},
		{"/api/v1/regions/32.7", 400, nil, "bad_request"},
		{"/api/v1/regions/abc", 400, nil, "bad_request"},
		{"/api/v1/regions?parent=99", 404, nil, "not_found"},
		{"/api/v1/regions?parent=x%27", 400, nil, "bad_request"},
		{"/api/v1/regions?q=a", 400, nil, "bad_request"},
		{"/api/v1/regions?q=", 400, nil, "bad_request"},
		{"/api/v1/regions?q=bandung&limit=0", 400, nil, "bad_request"},
		{"/api/v1/regions?q=bandung&limit=x", 400, nil, "bad_request"},
		{"/api/v1/regions?q=bandung&parent=32", 400, nil, "bad_request"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, body := apiGet(t, ts.URL, tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %v", res.StatusCode, tc.status, body)
			}
			if tc.want != nil {
				checkRegionShape(t, body)
				for k, v := range tc.want {
					if body[k] != v {
						t.Errorf("%s = %v, want %v", k, body[k], v)
					}
				}
				return
			}
			e, ok := body["error"].(map[string]any)
			if !ok || len(body) != 1 {
				t.Fatalf("error body = %v", body)
			}
			if e["code"] != tc.code {
				t.Errorf("error code = %v, want %s", e["code"], tc.code)
			}
			if msg, _ := e["message"].(string); msg == "" {
				t.Errorf("error without message: %v", e)
			}
			if res.Header.Get("Cache-Control") == "public, max-age=86400" {
				t.Error("errors must not be cached for a day")
			}
		})
	}
}

func TestAPIRegionErrorInEnglish(t *testing.T) {
	ts := foundationServer(t)
	_, body := apiGet(t, ts.URL, "/api/v1/regions/99?lang=en")
	e, _ := body["error"].(map[string]any)
	if e["message"] != "Region not found." {
		t.Errorf("message = %v", e["message"])
	}
}
