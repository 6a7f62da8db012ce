package web_test

import (
	"encoding/json"
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
	err = json.NewDecoder(res.Body).Decode(&doc)
	res.Body.Close()
	if err != nil || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json: %v, %d paths", err, len(doc.Paths))
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	examples := map[string]string{"{code}": "32", "{slug}": "tidak-ada-contoh", "{provider}": "sandbox"}
	for p, ops := range doc.Paths {
		for method := range ops {
			path := param.ReplaceAllStringFunc(p, func(s string) string { return examples[s] })
			req, _ := http.NewRequest(strings.ToUpper(method), ts.URL+"/api/v1"+path, nil)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			_ = json.NewDecoder(res.Body).Decode(&body)
			res.Body.Close()
			if res.StatusCode == http.StatusNotFound && body["error"] != nil {
				if e := body["error"].(map[string]any); e["message"] == "Halaman tidak ditemukan" {
					t.Errorf("%s %s is described but not routed", method, p)
				}
			}
		}
	}
}
