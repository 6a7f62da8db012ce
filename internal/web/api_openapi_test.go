package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestOpenAPIDescribesRealRoutes checks that the description parses and
// that every path it lists answers (with example values) rather than
// falling through to the API's 404.
func TestOpenAPIDescribesRealRoutes(t *testing.T) {
	ts := foundationServer(t)
	res, err := http.Get(ts.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	// A path may name its own server (the open data files and the CKAN
	// API live outside /api/v1).
	var servers struct {
		Paths map[string]struct {
			Servers []struct {
				URL string `json:"url"`
			} `json:"servers"`
		} `json:"paths"`
	}
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err == nil {
		err = json.Unmarshal(raw, &doc)
	}
	if err == nil {
		err = json.Unmarshal(raw, &servers)
	}
	if err != nil || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json: %v, %d paths", err, len(doc.Paths))
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	examples := map[string]string{"{code}": "32", "{slug}": "tidak-ada-contoh", "{provider}": "sandbox", "{file}": "kampanye.csv", "{id}": "1"}
	for p, ops := range doc.Paths {
		base := "/api/v1"
		if s := servers.Paths[p].Servers; len(s) > 0 {
			base = strings.TrimSuffix(s[0].URL, "/")
		}
		for method := range ops {
			if method == "servers" || method == "parameters" {
				continue
			}
			path := param.ReplaceAllStringFunc(p, func(s string) string { return examples[s] })
			req, _ := http.NewRequest(strings.ToUpper(method), ts.URL+base+path, nil)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			_ = json.NewDecoder(res.Body).Decode(&body)
			res.Body.Close()
			if base != "/api/v1" && res.StatusCode == http.StatusNotFound && body["success"] == nil {
				t.Errorf("%s %s%s is described but not routed", method, base, p)
			}
			if res.StatusCode == http.StatusNotFound && body["error"] != nil {
				if e := body["error"].(map[string]any); e["message"] == "Halaman tidak ditemukan" {
					t.Errorf("%s %s is described but not routed", method, p)
				}
			}
		}
	}
}
