// Package petition keeps the signatures on a Galang Daya campaign's
// petitions (advokasi needs).
//
// Anyone may sign, without an account, with a name, a region (at least a
// kabupaten/kota) and an e-mail. A new signature waits unverified until
// the signer opens the one-time link e-mailed to them; only verified
// signatures count and are shown. An e-mail signs once per campaign,
// whichever of its petitions: it is kept trimmed and in lower case, and
// the (campaign, e-mail) pair is unique in storage, so that two signings
// racing each other leave one row. Only the SHA-256 of a link's token is
// stored. Unverified signatures are deleted once their link expires.
//
// Personal data (UU 27/2022 on personal data protection): the e-mail is
// used only to prove that a real, distinct person signed and, when the
// signer asks, to send the campaign's news. It is never shown publicly and
// never handed to the organisation or to the authority the petition
// addresses; the organisation's export carries names, regions, dates and
// comments only, and a signer who asked to be anonymous is listed without
// a name there too.
package petition

import (
	"errors"
	"time"
)

// Limits of a signature.
const (
	MaxName    = 100 // runes
	MaxComment = 500 // runes
	MaxEmail   = 254 // bytes
	// DefaultTTL is how long a verification link works.
	DefaultTTL = 7 * 24 * time.Hour
	// tokenBytes is the entropy of a link's token; it travels hex-encoded.
	tokenBytes = 32
)

// Errors of the store.
var (
	// ErrClosed means the need is not a petition of the campaign, or the
	// campaign is not collecting support now.
	ErrClosed = errors.New("petition: not open for signing")
	// ErrTokenInvalid is a verification link that is unknown or expired.
	ErrTokenInvalid = errors.New("petition: invalid or expired link")
)

// Outcome is what a signing did.
type Outcome int

// Outcomes of Sign.
const (
	// Signed stored a new unverified signature and issued its link.
	Signed Outcome = iota + 1
	// Resent found the e-mail's unverified signature in the campaign,
	// took the new details and issued a fresh link; older links stop
	// working.
	Resent
	// AlreadySigned found the e-mail verified in the campaign already;
	// nothing changed.
	AlreadySigned
)

// Target is the petition signed: an advokasi need of a campaign.
type Target struct {
	CampaignID int64
	NeedID     int64
}

// Signature is one person's signature on a petition.
type Signature struct {
	ID         int64
	CampaignID int64
	NeedID     int64
	Email      string // normalised; never shown publicly
	Name       string
	RegionCode string // as chosen: a kabupaten/kota or deeper
	KabCode    string // its kabupaten/kota
	Comment    string
	Anonymous  bool
	News       bool   // asked for the campaign's news by e-mail
	Lang       string // "id" or "en": the language of the page used
	ExpiresAt  time.Time
	CreatedAt  time.Time
	VerifiedAt *time.Time
}

// Verified reports whether the signer proved their e-mail.
func (s *Signature) Verified() bool { return s.VerifiedAt != nil }

// Signer is a verified signature as the public sees it.
type Signer struct {
	Name       string // "" when the signer asked to be anonymous
	Kab        string // kabupaten/kota name
	VerifiedAt time.Time
}

// Counts are a petition's signatures so far.
type Counts struct {
	Verified int64 // count
	Waiting  int64 // unverified, link still working
}

// KabCount is the number of verified signatures from one kabupaten/kota.
type KabCount struct {
	Code  string
	Name  string
	Count int64
}

// ExportRow is a verified signature as handed to the petition's
// addressee: no e-mail, no name when the signer asked to be anonymous.
type ExportRow struct {
	Name       string // "" when anonymous
	Anonymous  bool
	Region     string // the chosen region's name
	Kab        string
	Province   string
	VerifiedAt time.Time
	Comment    string
}
