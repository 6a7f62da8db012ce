// Package goods keeps pledges of goods and facilities (barang/fasilitas)
// to a campaign's barang needs. Anyone may pledge a quantity of the item
// with a delivery plan, no account needed; the organisation records what
// arrives, partly or in full and as often as it comes, and cancels
// pledges that will not come. What was received fills the need; what was
// pledged and not yet received is shown apart, and no pledge takes the
// need past its target.
package goods

import (
	"slices"
	"time"
)

// Statuses of a pledge.
const (
	StatusPledged   = "pledged"   // dijanjikan: nothing arrived yet
	StatusPartial   = "partial"   // diterima sebagian
	StatusReceived  = "received"  // diterima: all of it arrived
	StatusCancelled = "cancelled" // batal: the rest will not come
)

// Statuses lists every status.
var Statuses = []string{StatusPledged, StatusPartial, StatusReceived, StatusCancelled}

// Delivery plans, labelled "goods.delivery.<plan>".
const (
	DeliverySelf    = "antar"     // the pledger brings it
	DeliveryPickup  = "jemput"    // the organisation picks it up
	DeliveryCourier = "ekspedisi" // sent by a courier
)

// Deliveries lists the delivery plans in the order the form offers them.
var Deliveries = []string{DeliverySelf, DeliveryPickup, DeliveryCourier}

// ValidDelivery reports whether d is a delivery plan.
func ValidDelivery(d string) bool { return slices.Contains(Deliveries, d) }

// Limits of the form.
const (
	MaxQuantity = 1_000_000 // items in one pledge; anything above is a typo
	MaxName     = 100       // runes
	MaxMessage  = 500       // runes
	MaxNote     = 300       // runes: delivery note, receipt note, cancel reason
	MaxToken    = 100       // bytes
	MinToken    = 16        // bytes
	// MaxAhead is how far ahead an expected delivery date may lie.
	MaxAhead = 366 * 24 * time.Hour
)

// DateLayout is how days are written and stored: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// Pledge is a promise of goods to a barang need.
type Pledge struct {
	ID           int64
	CampaignID   int64
	NeedID       *int64 // nil once the need was removed
	OrgID        int64
	Item         string // the need's title when pledged
	Unit         string
	Quantity     int64
	Received     int64 // the sum of the receipts
	Delivery     string
	ExpectedOn   string // YYYY-MM-DD or ""
	DeliveryNote string
	Name         string
	Anonymous    bool
	Message      string
	Email        string
	Phone        string
	Lang         string // "id" or "en"
	Status       string
	FormToken    string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	CancelledAt  *time.Time
	CancelledBy  *int64
	CancelReason string
}

// Open reports whether more of the pledge may still arrive.
func (p *Pledge) Open() bool { return p.Status == StatusPledged || p.Status == StatusPartial }

// Outstanding is how much was pledged and has not arrived yet; 0 once the
// pledge is complete or cancelled.
func (p *Pledge) Outstanding() int64 {
	if !p.Open() {
		return 0
	}
	return p.Quantity - p.Received
}

// PublicName is how public lists name the pledger: "" when they asked to
// stay anonymous (the page says Hamba Allah/Anonim).
func (p *Pledge) PublicName() string {
	if p.Anonymous {
		return ""
	}
	return p.Name
}

// Expected is the expected delivery day (midnight UTC); the zero time
// when none was given.
func (p *Pledge) Expected() time.Time {
	t, _ := time.Parse(DateLayout, p.ExpectedOn)
	return t
}

// Receipt is one arrival of goods for a pledge.
type Receipt struct {
	ID         int64
	PledgeID   int64
	Quantity   int64
	ReceivedOn string // YYYY-MM-DD
	Note       string
	RecordedBy *int64
	Recorder   string // who recorded it, kept after the account is gone
	CreatedAt  time.Time
}

// Day is the day the goods arrived.
func (r *Receipt) Day() time.Time {
	t, _ := time.Parse(DateLayout, r.ReceivedOn)
	return t
}

// Tally is where a barang need stands, in items.
type Tally struct {
	Target    int64 // what the need asks for
	Received  int64 // arrived, every pledge counted (a cancelled one too, for what came)
	Promised  int64 // pledged and not yet arrived, open pledges only
	Pledgers  int64 // pledges that are not cancelled empty-handed
	Remaining int64 // still to be pledged: Target − Received − Promised, at least 0
}

// Actor is who records a receipt or cancels, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
