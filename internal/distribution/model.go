// Package distribution records goods handed out to the people served and
// their confirmation of receipt: what, how many, where and when, linked to
// the open books by the approved expense that bought the goods or the
// goods receipt that brought them in. Each recipient — a household, or a
// group whose RT/RW head answers for it — gets a slip with a one-time code
// and a QR code; confirming says how many arrived. Public reports show,
// per expense and per distribution, what was confirmed and what was not.
package distribution

import "time"

// Distribution is one handing-out of goods.
type Distribution struct {
	ID             int64
	OrgID          int64
	ExpenseID      int64 // 0 when linked to a goods receipt
	GoodsReceiptID int64 // 0 when linked to an expense
	CampaignID     int64
	InitiativeID   int64
	Item           string
	Unit           string
	Quantity       int64
	Place          string
	DistributedOn  string // YYYY-MM-DD
	RecordedName   string
	CreatedAt      time.Time
	Totals         Totals
}

// Recipient is one share of a distribution and its confirmation.
type Recipient struct {
	ID             int64
	DistributionID int64
	Label          string
	Kind           string // KindPerson or KindGroup
	Quantity       int64
	Code           string
	ConfirmedAt    *time.Time
	ConfirmedVia   string // ViaQR or ViaCode
	Confirmer      string // one of Confirmers
	Received       int64  // how many arrived, when confirmed
	Note           string
}

// Confirmed reports whether the recipient confirmed receipt.
func (r *Recipient) Confirmed() bool { return r.ConfirmedAt != nil }

// Kinds of recipient.
const (
	KindPerson = "penerima" // a household or a person confirms for itself
	KindGroup  = "kelompok" // the head of the RT or RW confirms for a group
)

// How a receipt was confirmed.
const (
	ViaQR   = "qr"   // the page the slip's QR code opens
	ViaCode = "kode" // the slip's code typed in
)

// Confirmers are who may confirm: the recipient, or for a group the head
// of its RT or RW. Labelled "distribution.confirmer.<v>".
var Confirmers = []string{"penerima", "ketua_rt", "ketua_rw"}

// Totals sum a distribution's (or an expense's) shares.
type Totals struct {
	Recipients int
	Confirmed  int   // recipients who confirmed
	Quantity   int64 // shared out to recipients
	Received   int64 // confirmed as arrived
	// Unconfirmed is the quantity of the shares not yet confirmed.
	Unconfirmed int64
}

// add counts one recipient.
func (t *Totals) add(r *Recipient) {
	t.Recipients++
	t.Quantity += r.Quantity
	if r.Confirmed() {
		t.Confirmed++
		t.Received += r.Received
	} else {
		t.Unconfirmed += r.Quantity
	}
}

// Actor is who records, for the audit log and the record's author.
type Actor struct {
	ID   int64
	Name string
}

// CodeLength is the length of a recipient's code.
const CodeLength = 8

// ConfirmedTime is when the recipient confirmed, the zero time if not yet.
func (r *Recipient) ConfirmedTime() time.Time {
	if r.ConfirmedAt == nil {
		return time.Time{}
	}
	return *r.ConfirmedAt
}
