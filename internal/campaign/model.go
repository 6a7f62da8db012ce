// Package campaign keeps Galang Daya campaigns: an organisation puts one of
// its published initiatives in front of the public for a while, with the
// exchange scheme it tests, an optional public-fundraising permit (izin
// PUB) and its needs — money, goods, volunteers, skills, partnerships and
// advocacy. Support itself (donations, pledges, sign-ups) comes later.
package campaign

import (
	"slices"
	"time"

	"lokadaya/internal/cycletool"
)

// Statuses of a campaign. An active campaign ends by itself at its
// deadline: reads report it as ended even before EndDue stores that.
const (
	StatusDraft     = "draft"
	StatusActive    = "active"
	StatusEnded     = "ended"
	StatusCancelled = "cancelled"
)

// Statuses lists every status.
var Statuses = []string{StatusDraft, StatusActive, StatusEnded, StatusCancelled}

// Kinds of need, labelled "campaign.kind.<kind>".
const (
	KindDana      = "dana"
	KindBarang    = "barang"
	KindRelawan   = "relawan"
	KindKeahlian  = "keahlian"
	KindKemitraan = "kemitraan"
	KindAdvokasi  = "advokasi"
)

// Kinds lists the kinds of need in the order forms offer them.
var Kinds = []string{KindDana, KindBarang, KindRelawan, KindKeahlian, KindKemitraan, KindAdvokasi}

// PermitIssuers are who may issue a public-fundraising permit, by reach:
// the Ministry of Social Affairs, a governor, a bupati or wali kota.
var PermitIssuers = []string{"kemensos", "gubernur", "bupati_walikota"}

// Schemes are the exchange schemes a campaign may test (stage 4).
func Schemes() []string { return cycletool.ExchangeSchemes }

// ValidKind reports whether k is a kind of need.
func ValidKind(k string) bool { return slices.Contains(Kinds, k) }

// ValidStatus reports whether s is a status.
func ValidStatus(s string) bool { return slices.Contains(Statuses, s) }

// Campaign is a Galang Daya campaign.
type Campaign struct {
	ID           int64
	InitiativeID int64
	OrgID        int64
	Slug         string
	Title        string
	Story        string
	CoverKey     string
	StartsAt     *time.Time
	EndsAt       *time.Time
	Status       string // as seen now: a past-deadline active campaign reads "ended"
	Scheme       string
	Fund         string // ledger.FundUmum or ledger.FundZakatInfak
	Permit       Permit
	CreatedBy    *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
	PublishedAt  *time.Time

	Needs []Need
}

// Permit is a public-fundraising permit (izin PUB); the zero value is none.
type Permit struct {
	Number string
	Issuer string // one of PermitIssuers
	From   *time.Time
	Until  *time.Time
}

// Present reports whether the campaign names a permit.
func (p Permit) Present() bool { return p.Number != "" }

// Public reports whether the public may see the campaign.
func (c *Campaign) Public() bool { return c.Status == StatusActive || c.Status == StatusEnded }

// Editable reports whether the organisation may still change it.
func (c *Campaign) Editable() bool { return c.Status == StatusDraft || c.Status == StatusActive }

// Open reports whether the campaign is collecting support now.
func (c *Campaign) Open() bool { return c.Status == StatusActive }

// TimeLeft is how long the campaign still runs at now (0 when over).
func (c *Campaign) TimeLeft(now time.Time) time.Duration {
	if c.EndsAt == nil || !c.Open() {
		return 0
	}
	return max(c.EndsAt.Sub(now), 0)
}

// effective is the status as of now: an active campaign past its deadline
// has ended, whether or not EndDue has run yet.
func effective(status string, ends *time.Time, now time.Time) string {
	if status == StatusActive && ends != nil && !now.Before(*ends) {
		return StatusEnded
	}
	return status
}

// MoneyTarget is the sum of the campaign's dana targets, in rupiah.
func (c *Campaign) MoneyTarget() int64 {
	var t int64
	for _, n := range c.Needs {
		if n.Kind == KindDana {
			t += n.Target
		}
	}
	return t
}

// HasKind reports whether the campaign has a need of kind.
func (c *Campaign) HasKind(kind string) bool {
	for _, n := range c.Needs {
		if n.Kind == kind {
			return true
		}
	}
	return false
}

// Need is one thing a campaign asks for.
type Need struct {
	ID           int64
	CampaignID   int64
	Kind         string
	Title        string
	Description  string
	Target       int64  // rupiah, items, slots or signatures; 0 for keahlian/kemitraan
	Unit         string // barang
	ItemValue    *int64 // barang: value of one item in rupiah, when known
	Skills       string // relawan
	Schedule     string // relawan
	Place        string // relawan
	PetitionText string // advokasi
	Position     int
}

// Countable reports whether the need has a numeric target to fill.
func (n *Need) Countable() bool { return n.Kind != KindKeahlian && n.Kind != KindKemitraan }

// Update is news the organisation posts on a campaign.
type Update struct {
	ID         int64
	CampaignID int64
	Title      string
	Body       string
	AuthorID   *int64
	Author     string // "" once the account is gone
	CreatedAt  time.Time
	Recipients int // subscribers it was e-mailed to
}

// Visit is the number of public page views on one day.
type Visit struct {
	Day   string // YYYY-MM-DD, UTC
	Count int64
}

// Actor is who changes a campaign, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
