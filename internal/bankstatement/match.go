package bankstatement

import (
	"sort"
	"time"

	"lokadaya/internal/i18n"
)

// Pending is a donation awaiting its transfer.
type Pending struct {
	ID        int64
	Amount    int64 // rupiah to pay, unique code included
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Pair proposes that Line pays Donation.
type Pair struct {
	Line     Line
	Donation Pending
}

// Ambiguous is a credit that more than one pending donation could explain;
// a person must choose.
type Ambiguous struct {
	Line       Line
	Candidates []Pending // earliest first
}

// MatchResult is Match's proposal. Every credit given to Match appears in
// exactly one of Pairs, Ambiguous and Unmatched, in statement order.
type MatchResult struct {
	Pairs     []Pair
	Ambiguous []Ambiguous
	Unmatched []Line
}

// Match proposes which credits pay which pending donations. A credit and
// a donation fit when the amounts are equal and the statement day lies
// between the donation's creation day and its expiry day plus window
// (days in WIB; the window allows for transfers booked late). A credit
// that fits two or more donations is ambiguous and is not paired.
// Donations are served earliest first (CreatedAt, then ID), each taking
// the earliest unpaired credit that fits only it; so no credit and no
// donation is paired twice and the result does not depend on input order.
// Lines that are not credits (Amount ≤ 0) are returned as unmatched.
func Match(credits []Line, pending []Pending, window time.Duration) MatchResult {
	donations := append([]Pending(nil), pending...)
	sort.SliceStable(donations, func(i, j int) bool {
		a, b := donations[i], donations[j]
		if !a.CreatedAt.Equal(b.CreatedAt) {
			return a.CreatedAt.Before(b.CreatedAt)
		}
		return a.ID < b.ID
	})
	order := make([]int, len(credits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return credits[order[i]].Date.Before(credits[order[j]].Date) })

	fits := make([][]int, len(credits)) // donation indexes each credit fits
	for i, l := range credits {
		for j, d := range donations {
			if fitsDonation(l, d, window) {
				fits[i] = append(fits[i], j)
			}
		}
	}
	paired := make([]int, len(credits)) // donation index + 1, 0 when none
	for j := range donations {
		for _, i := range order {
			if paired[i] == 0 && len(fits[i]) == 1 && fits[i][0] == j {
				paired[i] = j + 1
				break
			}
		}
	}

	var res MatchResult
	for i, l := range credits {
		switch {
		case paired[i] > 0:
			res.Pairs = append(res.Pairs, Pair{Line: l, Donation: donations[paired[i]-1]})
		case len(fits[i]) > 1:
			a := Ambiguous{Line: l}
			for _, j := range fits[i] {
				a.Candidates = append(a.Candidates, donations[j])
			}
			res.Ambiguous = append(res.Ambiguous, a)
		default:
			res.Unmatched = append(res.Unmatched, l)
		}
	}
	return res
}

func fitsDonation(l Line, d Pending, window time.Duration) bool {
	if l.Amount <= 0 || l.Amount != d.Amount {
		return false
	}
	on := wibDay(l.Date)
	return !on.Before(wibDay(d.CreatedAt)) && !on.After(wibDay(d.ExpiresAt).Add(window))
}

// wibDay is the WIB midnight of the day t falls on in WIB.
func wibDay(t time.Time) time.Time {
	y, m, d := t.In(i18n.WIB).Date()
	return day(y, m, d)
}
