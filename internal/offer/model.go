// Package offer keeps offers of expertise (keahlian) and partnership
// (kemitraan) made to a campaign's needs. Anyone offers without an
// account — a person, a local government, a business, a community, a
// campus or the media — and follows the conversation through a private
// link. The organisation discusses the offer and agrees to it or turns it
// down: baru → dibahas → disepakati / ditolak. Agreed offers are how such
// needs are filled.
package offer

import (
	"slices"
	"time"
)

// Statuses of an offer.
const (
	StatusNew       = "baru"       // just arrived
	StatusDiscussed = "dibahas"    // the organisation is talking it over
	StatusAgreed    = "disepakati" // closed: agreed
	StatusDeclined  = "ditolak"    // closed: turned down, with a reason
)

// Statuses lists every status in the order an offer moves through them.
var Statuses = []string{StatusNew, StatusDiscussed, StatusAgreed, StatusDeclined}

// transitions are the only status changes allowed.
var transitions = map[string][]string{
	StatusNew:       {StatusDiscussed},
	StatusDiscussed: {StatusAgreed, StatusDeclined},
}

// CanMove reports whether an offer may go from status from to status to.
func CanMove(from, to string) bool { return slices.Contains(transitions[from], to) }

// Kinds of offerer, labelled "offer.kind.<kind>".
const (
	KindPerson    = "individu"
	KindLocalGov  = "pemda"
	KindBusiness  = "swasta"
	KindCommunity = "komunitas"
	KindAcademia  = "akademisi"
	KindMedia     = "media"
)

// Kinds lists the kinds of offerer in the order the form shows them.
var Kinds = []string{KindPerson, KindLocalGov, KindBusiness, KindCommunity, KindAcademia, KindMedia}

// ValidKind reports whether k is a kind of offerer.
func ValidKind(k string) bool { return slices.Contains(Kinds, k) }

// Limits of the input, in runes (tokens in bytes).
const (
	MaxName        = 100
	MaxInstitution = 150
	MaxBody        = 3000
	MaxReason      = 300
	MaxToken       = 100
	minToken       = 16
)

// Offer is an offer to one need of a campaign.
type Offer struct {
	ID          int64
	CampaignID  int64
	NeedID      *int64 // nil once the need was removed
	NeedTitle   string // the need's title when the offer came
	OrgID       int64
	Kind        string // who offers: one of Kinds
	Name        string
	Institution string // required unless Kind is individu
	Body        string // what is offered
	Email       string
	Phone       string
	ShowName    bool   // an individual agreed to be named once agreed
	Lang        string // "id" or "en": the language of the page used
	Status      string
	Reason      string // why it was declined
	AwaitingOrg bool   // the last word is the offerer's
	FormToken   string
	AccessToken string // the offerer's private link
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DecidedAt   *time.Time
}

// Closed reports whether the offer was agreed or declined: the offerer
// can no longer reply.
func (o *Offer) Closed() bool { return o.Status == StatusAgreed || o.Status == StatusDeclined }

// Institutional reports whether an institution, not a person, offers.
func (o *Offer) Institutional() bool { return o.Kind != KindPerson }

// Next lists the statuses the offer may move to now.
func (o *Offer) Next() []string { return transitions[o.Status] }

// PublicName is how an agreed partner is named in public: the
// institution, or a person's name if they agreed to it; "" otherwise.
// Contacts are never public.
func (o *Offer) PublicName() string {
	if o.Institutional() {
		return o.Institution
	}
	if o.ShowName {
		return o.Name
	}
	return ""
}

// Message is one entry of an offer's thread: a reply of either side or a
// status change by the organisation (Event is then the new status, and
// Body its reason or note, possibly empty).
type Message struct {
	ID         int64
	OfferID    int64
	FromOrg    bool
	AuthorID   *int64
	AuthorName string // the member who wrote, for the organisation's side
	Body       string
	Event      string
	CreatedAt  time.Time
}

// Actor is the organisation member who acts, for the thread and the audit
// log.
type Actor struct {
	ID   int64
	Name string
}

// Counts are the offers a need received, and how many were agreed.
type Counts struct {
	Received int64
	Agreed   int64
}
