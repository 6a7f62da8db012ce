package mail

import (
	"strings"
	"testing"
	"time"
)

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Config
		ok   bool
	}{
		{"smtp://user:pa%40ss@mail.example.org:587", Config{Host: "mail.example.org", Port: 587, Username: "user", Password: "pa@ss"}, true},
		{"smtps://u:p@mail.example.org", Config{Host: "mail.example.org", Port: 465, Username: "u", Password: "p", ImplicitTLS: true}, true},
		{"smtp://localhost:25", Config{Host: "localhost", Port: 25}, true},
		{"smtp://mail.example.org", Config{Host: "mail.example.org", Port: 25}, true},
		{"smtp://[::1]:2525/", Config{Host: "::1", Port: 2525}, true},
		{"http://mail.example.org", Config{}, false},
		{"smtp://", Config{}, false},
		{"smtp://host:0", Config{}, false},
		{"smtp://host:99999", Config{}, false},
		{"smtp://host/path", Config{}, false},
		{"smtp://host?x=1", Config{}, false},
		{"mail.example.org:25", Config{}, false},
		{"", Config{}, false},
	} {
		got, err := ParseURL(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseURL(%q) = %+v, %v", tc.in, got, err)
		}
	}
}

func TestParseFrom(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  DefaultFrom,
		"noreply@lokadaya.id":               "<noreply@lokadaya.id>",
		"Lokadaya <noreply@lokadaya.id>":    `"Lokadaya" <noreply@lokadaya.id>`,
		"Simpul Jawa Barat <a@example.org>": `"Simpul Jawa Barat" <a@example.org>`,
	} {
		if got, err := ParseFrom(in); err != nil || got != want {
			t.Errorf("ParseFrom(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFrom("not an address"); err == nil {
		t.Error("bad sender accepted")
	}
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"smtp://u:p@h:587", "smtps://h", "smtp://[::1]:25", "smtp://%zz", "smtp://h:-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseURL(s)
		if err != nil {
			return
		}
		if c.Host == "" || c.Port < 1 || c.Port > 65535 {
			t.Fatalf("ParseURL(%q) accepted %+v", s, c)
		}
		if !strings.HasPrefix(s, "smtp") {
			t.Fatalf("ParseURL(%q) accepted another scheme", s)
		}
	})
}

func FuzzBuild(f *testing.F) {
	f.Add("a@example.org", "Halo", "isi\n.titik")
	f.Add("Siti <s@example.org>", "Ünïcode — subjek", "=3D\r\n")
	f.Fuzz(func(t *testing.T, to, subject, text string) {
		m := Message{To: to, Subject: subject, Text: text}
		raw, err := Build(DefaultFrom, m, testTime)
		if err != nil {
			return
		}
		// Whatever was accepted must not let the caller add headers.
		head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
		if n := strings.Count(head, "\r\n"); n != 7 {
			t.Fatalf("header has %d lines:\n%s", n+1, head)
		}
	})
}

var testTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
