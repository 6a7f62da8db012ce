package backup

import "testing"

// TestLibpqURL: the password leaves the command line, and parameters only
// the Go driver knows are dropped, since libpq refuses them.
func TestLibpqURL(t *testing.T) {
	for _, tc := range []struct {
		in, conn, password string
	}{
		{"postgres://u:rahasia@db:5432/lokadaya?sslmode=require", "postgres://u@db:5432/lokadaya?sslmode=require", "rahasia"},
		{"postgres://u@db/lokadaya?plan_cache_mode=auto&application_name=x", "postgres://u@db/lokadaya?application_name=x", ""},
		{"postgresql://db/lokadaya", "postgresql://db/lokadaya", ""},
	} {
		conn, password, err := libpqURL(tc.in)
		if err != nil || conn != tc.conn || password != tc.password {
			t.Errorf("libpqURL(%q) = %q, %q, %v; want %q, %q", tc.in, conn, password, err, tc.conn, tc.password)
		}
	}
}
