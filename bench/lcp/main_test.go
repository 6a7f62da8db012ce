package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"testing"
	"time"
)

// TestMeasuresAPage measures a small page through real Chromium and
// prints its paint and bytes.
func TestMeasuresAPage(t *testing.T) {
	if _, err := findChromium(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><title>Uji</title><h1>Galang daya untuk kampung</h1><p>` +
			string(bytes.Repeat([]byte("Relawan membaca bersama anak-anak. "), 40)) + `</p>`))
	}))
	defer srv.Close()
	var out bytes.Buffer
	c := conditions{RTT: 20 * time.Millisecond, DownKbit: 20000, UpKbit: 20000, CPU: 1}
	if err := run(&out, srv.URL, []string{"/"}, c, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^/ +\d+ +[1-9]\d* met`).Match(out.Bytes()) {
		t.Fatalf("no measurement of /:\n%s", out.String())
	}
}
