package web_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestFavicon checks that the icon browsers ask for on their own is served
// and cached, and that pages name the versioned SVG icon.
func TestFavicon(t *testing.T) {
	ts := foundationServer(t)
	res, err := http.Get(ts.URL + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/x-icon" || len(body) < 22 ||
		string(body[:4]) != "\x00\x00\x01\x00" {
		t.Fatalf("/favicon.ico: %d %q, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(body))
	}
	cache := res.Header.Get("Cache-Control")
	age, _ := strconv.Atoi(strings.TrimPrefix(cache[strings.Index(cache, "max-age="):], "max-age="))
	if !strings.Contains(cache, "public") || age < 30*24*3600 {
		t.Errorf("/favicon.ico cached %q, want public for a month or more", cache)
	}

	res, err = http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	home, _ := io.ReadAll(res.Body)
	res.Body.Close()
	i := strings.Index(string(home), `<link rel="icon" href="/static/favicon.svg?v=`)
	if i < 0 {
		t.Fatal("home page names no icon")
	}
	href := strings.SplitN(string(home[i+len(`<link rel="icon" href="`):]), `"`, 2)[0]
	res, err = http.Get(ts.URL + href)
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(svg), "<svg") ||
		!strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("%s: %d %q", href, res.StatusCode, res.Header.Get("Cache-Control"))
	}
}
