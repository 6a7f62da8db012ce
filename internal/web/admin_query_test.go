package web

import (
	"net/url"
	"testing"
)

func TestOrgListQuery(t *testing.T) {
	for _, tc := range []struct {
		query  string
		status string
		page   int
	}{
		{"", "", 1},
		{"status=pending&hal=3", "pending", 3},
		{"status=bogus&hal=-1", "", 1},
		{"status=suspended&hal=abc", "suspended", 1},
		{"hal=99999999999", "", 1},
	} {
		q, _ := url.ParseQuery(tc.query)
		st, page := orgListQuery(q)
		if string(st) != tc.status || page != tc.page {
			t.Errorf("orgListQuery(%q) = %q, %d", tc.query, st, page)
		}
	}
}

func FuzzOrgListQuery(f *testing.F) {
	for _, s := range []string{"status=pending&hal=2", "hal=0", "status=%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		st, page := orgListQuery(q)
		if page < 1 || page > 100000 {
			t.Fatalf("page %d out of range", page)
		}
		if st != "" && statusClass(st) == "" && st != "pending" {
			t.Fatalf("unknown status %q accepted", st)
		}
	})
}

func TestAuditFilterRoundTrip(t *testing.T) {
	q, _ := url.ParseQuery("action=org.verified&target_type=organization&target_id=7&sebelum=42")
	f := auditFilter(q)
	if f.Action != "org.verified" || f.TargetType != "organization" || f.TargetID != "7" || f.Before != 42 {
		t.Fatalf("auditFilter = %+v", f)
	}
	back, _ := url.Parse(auditURL(f, f.Before))
	if g := auditFilter(back.Query()); g != f {
		t.Errorf("round trip: %+v != %+v", g, f)
	}
	if got := auditURL(auditFilter(url.Values{"sebelum": {"-5"}}), 0); got != "/admin/audit" {
		t.Errorf("auditURL = %q", got)
	}
}

func FuzzAuditFilter(f *testing.F) {
	for _, s := range []string{"action=x&sebelum=10", "target_id=%ff%fe", "sebelum=-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		a := auditFilter(q)
		if a.Before < 0 || len(a.Action) > 100 || len(a.TargetType) > 100 || len(a.TargetID) > 100 || a.Limit != 50 {
			t.Fatalf("auditFilter(%q) = %+v", raw, a)
		}
		u, err := url.Parse(auditURL(a, a.Before))
		if err != nil {
			t.Fatalf("auditURL gave an unparsable URL: %v", err)
		}
		if b := auditFilter(u.Query()); b != a {
			t.Fatalf("round trip %+v != %+v", b, a)
		}
	})
}
