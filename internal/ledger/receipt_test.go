package ledger_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
)

func TestReceiptNumber(t *testing.T) {
	e := &ledger.Entry{OrgID: 7, Seq: 12, Hash: "3f9a2c1b" + "00000000000000000000000000000000000000000000000000000000"}
	n := ledger.ReceiptNumber(e)
	if n != "7-12-3F9A2C1B" {
		t.Fatalf("number = %q", n)
	}
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{n, true},
		{"7-12-3f9a2c1b", true},
		{" 7-12-3F9A2C1B ", true},
		{"7-12-3F9A2C1", false},
		{"7-12-3F9A2C1BB", false},
		{"07-12-3F9A2C1B", false},
		{"7-0-3F9A2C1B", false},
		{"7--12-3F9A2C1B", false},
		{"+7-12-3F9A2C1B", false},
		{"7-12-3G9A2C1B", false},
		{"7-12", false},
		{"", false},
		{"99999999999999999999-1-3F9A2C1B", false},
		{"9223372036854775808-1-3F9A2C1B", false},
	} {
		ref, ok := ledger.ParseReceiptNumber(tc.in)
		if ok != tc.ok {
			t.Errorf("parse %q: ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if ok && !ref.Names(e) {
			t.Errorf("parse %q = %+v: does not name the entry", tc.in, ref)
		}
	}
	ref, _ := ledger.ParseReceiptNumber(n)
	for _, other := range []ledger.Entry{
		{OrgID: 8, Seq: 12, Hash: e.Hash},
		{OrgID: 7, Seq: 13, Hash: e.Hash},
		{OrgID: 7, Seq: 12, Hash: "3f9a2c1c" + e.Hash[8:]},
	} {
		if ref.Names(&other) {
			t.Errorf("%+v names %+v", ref, other)
		}
	}
}

// TestVerifyUpTo: an entry verifies when the chain checks out up to it;
// tampering after it leaves it good, tampering at or before it does not.
func TestVerifyUpTo(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, tc := range []struct {
			name    string
			tamper  string // an UPDATE of one entry; ? is the organisation
			okAt    map[int64]bool
			problem string
		}{
			{"untouched", "", map[int64]bool{1: true, 3: true, 6: true}, ""},
			{"amount of 3", `UPDATE ledger_entries SET amount = amount * 10 WHERE org_id = ? AND seq = 3`,
				map[int64]bool{2: true, 3: false, 5: false}, ledger.ProblemHash},
			{"link of 5", `UPDATE ledger_entries SET prev_hash = hash WHERE org_id = ? AND seq = 5`,
				map[int64]bool{4: true, 5: false, 6: false}, ledger.ProblemLink},
		} {
			t.Run(tc.name, func(t *testing.T) {
				b := newBooks(t, d, "upto")
				for _, e := range sample(b) {
					add(t, d, e)
				}
				if tc.tamper != "" {
					if _, err := d.Exec(ctx, tc.tamper, b.org); err != nil {
						t.Fatal(err)
					}
				}
				for seq, want := range tc.okAt {
					res, err := ledger.VerifyUpTo(ctx, d, b.org, seq)
					if err != nil {
						t.Fatal(err)
					}
					if res.OK != want || res.Entries != seq {
						t.Errorf("up to %d: ok=%v entries=%d, want ok=%v", seq, res.OK, res.Entries, want)
					}
					if !want && res.Problem != tc.problem {
						t.Errorf("up to %d: problem %q, want %q", seq, res.Problem, tc.problem)
					}
				}
			})
		}
		// Past the last entry is a missing entry, not a good chain.
		b := newBooks(t, d, "upto")
		add(t, d, sample(b)[0])
		if res, err := ledger.VerifyUpTo(ctx, d, b.org, 2); err != nil || res.OK || res.Problem != ledger.ProblemMissing {
			t.Errorf("past the end: %+v %v", res, err)
		}
	})
}

// FuzzReceiptNumber: any text parses or not without panicking; what
// parses names the entry whose number it is, and a number always parses
// back to its entry.
func FuzzReceiptNumber(f *testing.F) {
	for _, s := range []string{"7-12-3F9A2C1B", "1-1-00000000", "7-12-3f9a2c1b", "", "-", "0-0-0", "9223372036854775807-1-ABCDEF01"} {
		f.Add(s, int64(7), int64(12))
	}
	f.Add("x", int64(math.MaxInt64), int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, s string, org, seq int64) {
		if ref, ok := ledger.ParseReceiptNumber(s); ok {
			e := &ledger.Entry{OrgID: ref.OrgID, Seq: ref.Seq, Hash: ref.Check + strings.Repeat("0", 56)}
			if !ref.Names(e) || !strings.EqualFold(ledger.ReceiptNumber(e), strings.TrimSpace(s)) {
				t.Fatalf("%q parses as %+v, written back %q", s, ref, ledger.ReceiptNumber(e))
			}
		}
		if org <= 0 || seq <= 0 {
			return
		}
		e := &ledger.Entry{OrgID: org, Seq: seq, Hash: "0123456789abcdef" + strings.Repeat("0", 48)}
		ref, ok := ledger.ParseReceiptNumber(ledger.ReceiptNumber(e))
		if !ok || !ref.Names(e) {
			t.Fatalf("%q does not parse back (%+v %v)", ledger.ReceiptNumber(e), ref, ok)
		}
	})
}
