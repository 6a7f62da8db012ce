package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"/akun":                "/akun",
		"/organisasi/a?x=1#b":  "/organisasi/a?x=1#b",
		"//evil.example":       "",
		"/\\evil.example":      "",
		"\\\\evil.example":     "",
		"https://evil.example": "",
		"javascript:alert(1)":  "",
		"akun":                 "",
		"/a\r\nSet-Cookie: x":  "",
		"/%2F%2Fevil.example":  "/%2F%2Fevil.example",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/akun", "//x", "/\\x", "http://x", "/a?b=//c", "/%5C%5Cx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := safeNext(s)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(got, "/") ||
			strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\r\n") {
			t.Fatalf("safeNext(%q) = %q leaves the site", s, got)
		}
		// What a browser resolves it to must stay on the site.
		base, _ := url.Parse("https://lokadaya.test/masuk")
		if r := base.ResolveReference(u); r.Host != "lokadaya.test" {
			t.Fatalf("safeNext(%q) = %q resolves to %s", s, got, r)
		}
	})
}

func TestLinkParts(t *testing.T) {
	text := "Buka https://a.test/x?y=1 lalu http://b.test.\nSelesai"
	parts := linkParts(text)
	var joined strings.Builder
	links := 0
	for _, p := range parts {
		joined.WriteString(p.Text)
		if p.Link {
			links++
		}
	}
	if joined.String() != text || links != 2 || parts[3].Text != "http://b.test" {
		t.Errorf("linkParts = %+v", parts)
	}
}
