package bankstatement

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// matchDay is the WIB midnight of March d, 2025.
func matchDay(d int) time.Time { return day(2025, time.March, d) }

func credit(d int, amount int64) Line {
	return Line{Date: matchDay(d), Amount: amount, Fingerprint: fmt.Sprintf("L%d-%d", d, amount)}
}

// pend is a donation created on day c (10:00 WIB) expiring on day e (10:00 WIB).
func pend(id int64, amount int64, c, e int) Pending {
	return Pending{ID: id, Amount: amount,
		CreatedAt: matchDay(c).Add(10 * time.Hour).UTC(), ExpiresAt: matchDay(e).Add(10 * time.Hour).UTC()}
}

// summary renders a result as "pairs | ambiguous | unmatched".
func summary(r MatchResult) string {
	var p, a, u []string
	for _, x := range r.Pairs {
		p = append(p, fmt.Sprintf("%s=%d", x.Line.Fingerprint, x.Donation.ID))
	}
	for _, x := range r.Ambiguous {
		ids := []string{}
		for _, c := range x.Candidates {
			ids = append(ids, fmt.Sprint(c.ID))
		}
		a = append(a, x.Line.Fingerprint+"?"+strings.Join(ids, "/"))
	}
	for _, x := range r.Unmatched {
		u = append(u, x.Fingerprint)
	}
	return strings.Join(p, " ") + " | " + strings.Join(a, " ") + " | " + strings.Join(u, " ")
}

func TestMatch(t *testing.T) {
	day1 := 24 * time.Hour
	for _, tc := range []struct {
		name    string
		credits []Line
		pending []Pending
		window  time.Duration
		want    string
	}{
		{"exact amount in window", []Line{credit(3, 100123)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			"L3-100123=1 |  | "},
		{"on the creation day", []Line{credit(2, 100123)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			"L2-100123=1 |  | "},
		{"before creation", []Line{credit(1, 100123)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			" |  | L1-100123"},
		{"on the expiry day", []Line{credit(4, 100123)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			"L4-100123=1 |  | "},
		{"after expiry, no window", []Line{credit(5, 100123)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			" |  | L5-100123"},
		{"after expiry, within window", []Line{credit(5, 100123)}, []Pending{pend(1, 100123, 2, 4)}, day1,
			"L5-100123=1 |  | "},
		{"beyond the window", []Line{credit(6, 100123)}, []Pending{pend(1, 100123, 2, 4)}, day1,
			" |  | L6-100123"},
		{"amount off by one rupiah", []Line{credit(3, 100124)}, []Pending{pend(1, 100123, 2, 4)}, 0,
			" |  | L3-100124"},
		{"debits never match", []Line{credit(3, -100123)}, []Pending{pend(1, -100123, 2, 4)}, 0,
			" |  | L3--100123"},
		{"two donations, same amount: ambiguous", []Line{credit(3, 100123)},
			[]Pending{pend(2, 100123, 2, 4), pend(1, 100123, 1, 4)}, 0,
			" | L3-100123?1/2 | "},
		{"one donation, two credits: earliest credit pays", []Line{credit(4, 100123), credit(3, 100123)},
			[]Pending{pend(1, 100123, 2, 4)}, 0,
			"L3-100123=1 |  | L4-100123"},
		{"each donation once, earliest first", []Line{credit(3, 50001), credit(3, 50002), credit(9, 50001)},
			[]Pending{pend(7, 50002, 3, 5), pend(5, 50001, 2, 4), pend(6, 50001, 8, 10)}, 0,
			"L3-50001=5 L3-50002=7 L9-50001=6 |  | "},
		{"overlapping windows: only the shared day is ambiguous",
			[]Line{credit(2, 700), credit(3, 700), credit(5, 700)},
			[]Pending{pend(1, 700, 1, 3), pend(2, 700, 3, 5)}, 0,
			"L2-700=1 L5-700=2 | L3-700?1/2 | "},
		{"expiry late in the WIB day counts as that day", []Line{credit(4, 9)},
			[]Pending{{ID: 1, Amount: 9, CreatedAt: matchDay(2).UTC(), ExpiresAt: matchDay(4).Add(23 * time.Hour).UTC()}}, 0,
			"L4-9=1 |  | "},
		{"nothing pending", []Line{credit(3, 9)}, nil, day1, " |  | L3-9"},
		{"nothing to match", nil, []Pending{pend(1, 9, 2, 4)}, day1, " |  | "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(Match(tc.credits, tc.pending, tc.window))
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			// The answer does not depend on the order of the donations.
			rev := slices.Clone(tc.pending)
			slices.Reverse(rev)
			if again := summary(Match(tc.credits, rev, tc.window)); again != got {
				t.Errorf("reversed donations give %q", again)
			}
		})
	}
}

// Every credit lands in exactly one list, and no donation is paired twice.
func TestMatchPartitions(t *testing.T) {
	var credits []Line
	var pending []Pending
	for i := range 60 {
		credits = append(credits, credit(1+i%20, int64(100+i%7)))
		pending = append(pending, pend(int64(i), int64(100+i%9), 1+i%15, 3+i%15))
	}
	r := Match(credits, pending, 24*time.Hour)
	if n := len(r.Pairs) + len(r.Ambiguous) + len(r.Unmatched); n != len(credits) {
		t.Fatalf("%d lines accounted for, want %d", n, len(credits))
	}
	used := map[int64]bool{}
	for _, p := range r.Pairs {
		if used[p.Donation.ID] {
			t.Errorf("donation %d paired twice", p.Donation.ID)
		}
		used[p.Donation.ID] = true
		if p.Line.Amount != p.Donation.Amount {
			t.Errorf("pair of %d with %d", p.Line.Amount, p.Donation.Amount)
		}
	}
}
