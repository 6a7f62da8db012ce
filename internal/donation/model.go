// Package donation keeps money given to Galang Daya campaigns. A bank
// transfer gets a unique code of 1–999 rupiah added, so that the amount
// alone tells the treasurer which pending donation a credit belongs to; a
// donation waits as pending until a money manager confirms or rejects it,
// or it expires and frees its code. Confirmed money is counted once.
package donation

import "time"

// Statuses of a donation.
const (
	StatusPending   = "pending"
	StatusConfirmed = "confirmed"
	StatusRejected  = "rejected"
	StatusExpired   = "expired"
)

// Methods of payment. Transfer and QRIS are offered so far.
const (
	MethodTransfer = "transfer"
	MethodQRIS     = "qris"
	MethodGateway  = "gateway"
)

// Defaults of a Store.
const (
	DefaultMinimum = 10_000         // rupiah
	DefaultMaximum = 1_000_000_000  // rupiah; anything above is a typo
	DefaultTTL     = 24 * time.Hour // how long a transfer may take
	MaxCode        = 999            // the largest unique code
	codeTries      = 20             // codes tried before giving up
	MaxMessage     = 500            // runes
	MaxName        = 100            // runes
	MaxToken       = 100            // bytes
	minToken       = 16             // bytes
)

// Donation is money promised or given to a campaign.
type Donation struct {
	ID            int64
	CampaignID    int64
	NeedID        *int64
	OrgID         int64
	Method        string
	BankAccountID *int64
	BaseAmount    int64 // what the donor chose
	UniqueCode    int64 // added to tell transfers apart
	Amount        int64 // BaseAmount + UniqueCode: what to pay
	DonorName     string
	Anonymous     bool
	Message       string
	Email         string
	Phone         string
	Status        string
	FormToken     string
	CreatedAt     time.Time
	ExpiresAt     time.Time
	ConfirmedAt   *time.Time
	ConfirmedBy   *int64
	RejectReason  string
}

// Pending reports whether the donation still waits for its money.
func (d *Donation) Pending() bool { return d.Status == StatusPending }

// PublicName is how the supporters' wall names the donor: "" when the
// donor asked to stay anonymous (the page says Hamba Allah/Anonim).
func (d *Donation) PublicName() string {
	if d.Anonymous {
		return ""
	}
	return d.DonorName
}

// Actor is who confirms or rejects, for the audit log.
type Actor struct {
	ID   int64
	Name string
}

// Money is a campaign's donations in rupiah.
type Money struct {
	Confirmed int64 // confirmed money, counted once
	Pending   int64 // promised, not yet confirmed (not expired)
	Donors    int64 // distinct donors with a confirmed donation
}
