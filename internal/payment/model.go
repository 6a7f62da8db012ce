// Package payment keeps where an organisation receives money: its bank
// accounts for transfers and its static QRIS. Donation flows read these
// settings; only the organisation's money managers (owner, admin,
// bendahara) change them, and every change is written to the audit log.
package payment

import "time"

// Bank is a bank an account is held at.
type Bank string

// The banks a transfer account may be at; BankOther covers the rest.
const (
	BankBCA     Bank = "bca"
	BankBRI     Bank = "bri"
	BankMandiri Bank = "mandiri"
	BankBNI     Bank = "bni"
	BankBSI     Bank = "bsi"
	BankOther   Bank = "lainnya"
)

// Banks lists every bank in the order forms offer them.
var Banks = []Bank{BankBCA, BankBRI, BankMandiri, BankBNI, BankBSI, BankOther}

// Valid reports whether b is one of Banks.
func (b Bank) Valid() bool {
	for _, x := range Banks {
		if x == b {
			return true
		}
	}
	return false
}

// BankAccount is an account donors may transfer to.
type BankAccount struct {
	ID            int64
	OrgID         int64
	Bank          Bank
	AccountNumber string // digits only
	AccountName   string // the holder's name as the bank knows it
	Active        bool
	CreatedAt     time.Time
}

// NumberGroups splits the account number into groups of four digits for
// reading aloud and checking: "1234567890" → 1234, 5678, 90. Pages set
// the groups apart with spacing, not spaces, so that a copy of the
// number is the digits alone.
func (a *BankAccount) NumberGroups() []string {
	var groups []string
	for n := a.AccountNumber; n != ""; {
		k := min(4, len(n))
		groups = append(groups, n[:k])
		n = n[k:]
	}
	return groups
}

// QRIS is an organisation's static QRIS with what was read from it.
type QRIS struct {
	OrgID        int64
	Payload      string
	MerchantName string
	NMID         string
	// ConfirmedAt is set once a money manager has checked the merchant
	// name; nil means donations may not use the code yet.
	ConfirmedAt *time.Time
	ConfirmedBy *int64 // nil when unconfirmed or the confirming user was deleted
	UpdatedAt   time.Time
}

// Confirmed reports whether donations may use the code.
func (q *QRIS) Confirmed() bool { return q.ConfirmedAt != nil }

// Actor is who changes the settings, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
