package gateway

import (
	"errors"
	"testing"
)

func TestMap(t *testing.T) {
	for _, tc := range []struct {
		status, fraud string
		want          State
	}{
		{"settlement", "", StatePaid},
		{"settlement", "accept", StatePaid},
		{"capture", "accept", StatePaid},
		{"capture", "", StatePaid},
		{"capture", "challenge", StatePending},
		{"capture", "deny", StateFailed},
		{"pending", "", StatePending},
		{"authorize", "", StatePending},
		{"deny", "", StateFailed},
		{"deny", "deny", StateFailed},
		{"cancel", "", StateCancelled},
		{"expire", "", StateExpired},
		{"refund", "", StateRefunded},
		{"partial_refund", "", StateRefunded},
		{"capture", "maybe", ""},
		{"paid", "", ""},
		{"", "", ""},
		{"SETTLEMENT", "", ""},
	} {
		got, err := Map(tc.status, tc.fraud)
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("Map(%q, %q) = %q, %v; want %q", tc.status, tc.fraud, got, err, tc.want)
		}
		if err != nil && !errors.Is(err, ErrBadNotification) {
			t.Errorf("Map(%q): %v is not ErrBadNotification", tc.status, err)
		}
	}
}

func TestMayMove(t *testing.T) {
	const (
		pe = StatePending
		pa = StatePaid
		fa = StateFailed
		ca = StateCancelled
		ex = StateExpired
		re = StateRefunded
	)
	// allowed[from] lists every state a notification may move from to.
	allowed := map[State][]State{
		pe: {pa, fa, ca, ex, re},
		fa: {pa, ca, ex, re},
		ca: {pa, re},
		ex: {pa, re},
		pa: {re},
		re: {},
	}
	for _, from := range States {
		for _, next := range States {
			want := false
			for _, a := range allowed[from] {
				want = want || a == next
			}
			if got := MayMove(from, next); got != want {
				t.Errorf("MayMove(%s → %s) = %v, want %v", from, next, got, want)
			}
		}
	}
	for _, tc := range []struct{ from, next State }{{"", pa}, {pe, ""}, {"settled", pa}, {pa, "chargeback"}} {
		if MayMove(tc.from, tc.next) {
			t.Errorf("MayMove(%q → %q) with an unknown state", tc.from, tc.next)
		}
	}
}

// Replaying a shuffled stream of notifications ends where the real order
// ends: a late pending never undoes paid, repeats change nothing.
func TestMayMoveSequences(t *testing.T) {
	for _, tc := range []struct {
		name string
		seq  []State
		want State
	}{
		{"in order", []State{StatePending, StatePaid}, StatePaid},
		{"late pending", []State{StatePaid, StatePending}, StatePaid},
		{"repeated paid", []State{StatePaid, StatePaid, StatePaid}, StatePaid},
		{"refund before paid arrives", []State{StateRefunded, StatePaid, StatePending}, StateRefunded},
		{"paid then refund", []State{StatePending, StatePaid, StateRefunded}, StateRefunded},
		{"late expire after paid", []State{StatePaid, StateExpired}, StatePaid},
		{"denied card then paid with another", []State{StateFailed, StatePaid}, StatePaid},
		{"deny then expire", []State{StateFailed, StateExpired}, StateExpired},
		{"expire then late deny", []State{StateExpired, StateFailed}, StateExpired},
		{"challenge then deny", []State{StatePending, StateFailed, StatePending}, StateFailed},
	} {
		cur := StatePending
		for _, next := range tc.seq {
			if MayMove(cur, next) {
				cur = next
			}
		}
		if cur != tc.want {
			t.Errorf("%s: ended %s, want %s", tc.name, cur, tc.want)
		}
	}
}
