package web

import (
	"net/url"
	"testing"
	"time"
)

// FuzzParseLedgerQuery: any query string is either refused naming one of
// the parameters, or read into a sane, UTC, non-empty period.
func FuzzParseLedgerQuery(f *testing.F) {
	for _, s := range []string{"", "from=2025-01-02&to=2025-01-03", "from=2025-01-01T20:00:00Z", "cursor=12",
		"to=2025-02-30", "from=2025-02-01&to=2025-01-01", "cursor=-1", "from=%00", "from=0000-01-01",
		"to=9999-12-31", "from=2025-01-01T00:00:00.123456789+07:00&to=2025-01-01T00:00:00.123456790+07:00"} {
		f.Add(s)
	}
	zone := time.FixedZone("WITA", 8*3600)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		opt, bad := parseLedgerQuery(q, zone)
		switch bad {
		case "from", "to", "cursor":
			return
		case "":
		default:
			t.Fatalf("%q: bad field %q", raw, bad)
		}
		if opt.After < 0 || (q.Get("cursor") == "") != (opt.After == 0) {
			t.Fatalf("%q: cursor %d", raw, opt.After)
		}
		for _, tm := range []time.Time{opt.From, opt.To} {
			if !tm.IsZero() && (tm.Location() != time.UTC || tm.Year() < 1970 || tm.Year() > 9999) {
				t.Fatalf("%q: time %v", raw, tm)
			}
		}
		if !opt.From.IsZero() && !opt.To.IsZero() && !opt.From.Before(opt.To) {
			t.Fatalf("%q: empty period %v–%v", raw, opt.From, opt.To)
		}
		if (q.Get("from") == "") != opt.From.IsZero() || (q.Get("to") == "") != opt.To.IsZero() {
			t.Fatalf("%q: a given bound was dropped", raw)
		}
	})
}
