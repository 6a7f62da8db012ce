package web

import (
	"net/http/httptest"
	"testing"
)

func TestClientIPCountsIPv6ByItsNetwork(t *testing.T) {
	for _, tc := range []struct {
		remote, forwarded string
		trust             bool
		want              string
	}{
		{"192.0.2.7:5000", "", false, "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "", false, "2001:db8:1:2::/64"},
		{"[fe80::1%eth0]:80", "", false, "fe80::/64"},
		{"[::ffff:198.51.100.9]:80", "", false, "198.51.100.9"},
		{"10.0.0.1:80", "2001:db8:a:b::99, 10.0.0.1", true, "2001:db8:a:b::/64"},
		{"10.0.0.1:80", "203.0.113.5", true, "203.0.113.5"},
		{"10.0.0.1:80", "2001:db8:a:b::99", false, "10.0.0.1"}, // an untrusted header is ignored
		{"10.0.0.1:80", "bukan-alamat", true, "bukan-alamat"},
		{"tanpa-port", "", false, "tanpa-port"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		if tc.forwarded != "" {
			r.Header.Set("X-Forwarded-For", tc.forwarded)
		}
		if got := clientIP(r, tc.trust); got != tc.want {
			t.Errorf("%s / %q (trusted %v) = %q, want %q", tc.remote, tc.forwarded, tc.trust, got, tc.want)
		}
	}
}
