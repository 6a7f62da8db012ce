// Package feedback keeps the red / yellow / green feedback on a service
// point — the glass box of the Deli Serdang clinics (seed 004), online.
// The people served vote from the phone page the point's QR code opens:
// merah (jelek, poor), kuning (biasa, fair) or hijau (baik, good), with an
// optional note and service type, and no account. Staff type in the tally
// of the physical paper box as well.
//
// Public tallies count the votes and the paper slips. A burst of votes
// from one device or one address at one point in one day, beyond the
// configured limits, is kept but flagged: it stays out of the public
// tallies until staff accept or discard it. Notes are public only once
// staff show them. Every staff decision is kept in the audit log.
package feedback

import "time"

// The three colours of a vote, in the order they are shown.
const (
	Merah  = "merah"  // jelek: poor
	Kuning = "kuning" // biasa: fair
	Hijau  = "hijau"  // baik: good
)

// Colours are the colours in the order they are shown.
var Colours = []string{Merah, Kuning, Hijau}

// ValidColour reports whether c is one of the three colours.
func ValidColour(c string) bool { return c == Merah || c == Kuning || c == Hijau }

// Statuses of a vote.
const (
	StatusCounted   = "dihitung" // in the public tallies
	StatusFlagged   = "ditandai" // part of a burst, waiting for staff
	StatusDiscarded = "dibuang"  // a burst staff discarded
)

// Statuses of a vote's note.
const (
	NoteNone    = ""
	NoteWaiting = "menunggu"
	NoteShown   = "tampil"
	NoteHidden  = "disembunyikan"
)

// Vote is one vote from the phone page.
type Vote struct {
	ID           int64
	OrgID        int64
	InitiativeID int64
	PointID      int64
	Colour       string
	ServiceType  string
	Note         string
	NoteStatus   string
	Day          string // YYYY-MM-DD in the point's zone
	Status       string
	CreatedAt    time.Time
}

// Tally is a count of votes and slips per colour.
type Tally struct {
	Merah  int64 `json:"merah"`
	Kuning int64 `json:"kuning"`
	Hijau  int64 `json:"hijau"`
}

// Total is the number of votes and slips of every colour.
func (t Tally) Total() int64 { return t.Merah + t.Kuning + t.Hijau }

// Of is the count of one colour.
func (t Tally) Of(colour string) int64 {
	switch colour {
	case Merah:
		return t.Merah
	case Kuning:
		return t.Kuning
	case Hijau:
		return t.Hijau
	}
	return 0
}

// add adds n to the count of colour.
func (t *Tally) add(colour string, n int64) {
	switch colour {
	case Merah:
		t.Merah += n
	case Kuning:
		t.Kuning += n
	case Hijau:
		t.Hijau += n
	}
}

// Plus is the sum of two tallies.
func (t Tally) Plus(o Tally) Tally {
	return Tally{Merah: t.Merah + o.Merah, Kuning: t.Kuning + o.Kuning, Hijau: t.Hijau + o.Hijau}
}

// MonthTally is the tally of one month, "YYYY-MM".
type MonthTally struct {
	Month string
	Tally
}

// Limits are how many votes one source may cast at one service point in
// one day before the rest are flagged for staff.
type Limits struct {
	// DevicePerDay: votes from one device (a browser).
	DevicePerDay int
	// AddressPerDay: votes from one network address, which many phones
	// may share (a clinic's Wi-Fi, a mobile operator's gateway).
	AddressPerDay int
}

// DefaultLimits are the limits when none are configured.
var DefaultLimits = Limits{DevicePerDay: 3, AddressPerDay: 50}

// Source is where a vote came from: a device identifier (a cookie of the
// phone page, or when cookies are off the address with the browser's
// name) and the network address. Both are hashed before they are stored.
type Source struct {
	Device, Address string
}

// Actor is who acts, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
