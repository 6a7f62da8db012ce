// Package expense keeps what an organisation spends: an expense is recorded
// by a money manager (owner, admin or bendahara: the maker) with its
// category, what it was charged to, the payee and a receipt, and approved
// or rejected by an owner or admin who is not the maker (the checker).
// Only an approved expense counts: approval appends its ledger entry in the
// same transaction that marks it approved, so it is booked exactly once.
// An approved expense is never edited; it is corrected by a reversing
// ledger entry with a reason.
//
// # Operational-cost cap
//
// Peraturan Pemerintah 29/1980 on collecting donations, Pasal 6 ayat (1),
// allows the cost of a collection ("pembiayaan usaha pengumpulan
// sumbangan") to be at most 10% of what it collected. Platform and payment
// gateway fees are a cost of collecting the money, so Lokadaya counts them
// with operational costs: the capped categories are operasional and
// biaya_platform (see Capped). Money raised is the campaign's donation
// entries in the ledger net of their reversals and of refunds; zakat and
// infak money is never part of it. Expenses not charged to a campaign are
// shown in the organisation's share but not capped.
//
// The cap is a deployment setting (Policy.CapPercent) and a campaign may be
// marked a disaster appeal (bencana) with a cap of its own
// (Policy.DisasterCapPercent). Collections for disaster victims are
// governed by Keputusan Menteri Sosial 01/HUK/1995 (reporting and
// handing the aid over through the authorities); we found no different
// percentage for their collection costs in it that we could confirm, so the
// disaster default is the same 10% as PP 29/1980 and a deployment sets its
// own when its licensing authority asks for another figure.
package expense

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"lokadaya/internal/ledger"
)

// Statuses of an expense.
const (
	StatusPending  = "diajukan"
	StatusApproved = "disetujui"
	StatusRejected = "ditolak"
)

// Statuses lists every status.
var Statuses = []string{StatusPending, StatusApproved, StatusRejected}

// Categories an expense may be recorded in (alokasi_surplus belongs to
// surplus allocation, not here).
var Categories = []ledger.Category{ledger.CatProgram, ledger.CatOperasional, ledger.CatPlatform,
	ledger.CatCadangan, ledger.CatZakatInfak}

// Capped are the categories that count against the operational-cost cap.
var Capped = []ledger.Category{ledger.CatOperasional, ledger.CatPlatform}

// ValidCategory reports whether c is a category an expense may have.
func ValidCategory(c string) bool { return slices.Contains(Categories, ledger.Category(c)) }

// IsCapped reports whether spending in c counts against the cap.
func IsCapped(c string) bool { return slices.Contains(Capped, ledger.Category(c)) }

// Appeal kinds of a campaign.
const (
	AppealGeneral  = "umum"
	AppealDisaster = "bencana"
)

// Appeals lists the appeal kinds.
var Appeals = []string{AppealGeneral, AppealDisaster}

// ValidAppeal reports whether a is an appeal kind.
func ValidAppeal(a string) bool { return slices.Contains(Appeals, a) }

// Defaults of the Policy.
const (
	DefaultReceiptAbove       = 100_000
	DefaultCapPercent         = 10
	DefaultDisasterCapPercent = 10
)

// Policy is the deployment's rules; a zero field means its default.
type Policy struct {
	// ReceiptAbove: an expense of more than this many rupiah needs a
	// receipt (set 1 to require one for every expense).
	ReceiptAbove int64
	// CapPercent caps a campaign's operational costs, in percent of the
	// money it raised.
	CapPercent int
	// DisasterCapPercent is the cap of a disaster appeal.
	DisasterCapPercent int
}

// Receipt returns the threshold above which a receipt is required.
func (p Policy) Receipt() int64 {
	if p.ReceiptAbove > 0 {
		return p.ReceiptAbove
	}
	return DefaultReceiptAbove
}

// Cap returns the cap in percent for a campaign of the appeal kind.
func (p Policy) Cap(appeal string) int {
	if appeal == AppealDisaster {
		if p.DisasterCapPercent > 0 {
			return min(p.DisasterCapPercent, 100)
		}
		return DefaultDisasterCapPercent
	}
	if p.CapPercent > 0 {
		return min(p.CapPercent, 100)
	}
	return DefaultCapPercent
}

// Expense is one recorded expense.
type Expense struct {
	ID           int64
	OrgID        int64
	Amount       int64 // positive rupiah
	Category     string
	CampaignID   int64 // 0 when none
	InitiativeID int64 // 0 when none
	Description  string
	Payee        string
	SpentOn      string // YYYY-MM-DD
	ReceiptKey   string // "" when none
	ReceiptType  string
	Status       string
	RecordedBy   int64
	RecordedName string
	CreatedAt    time.Time
	DecidedBy    int64
	DecidedName  string
	DecidedAt    *time.Time
	RejectReason string
	LedgerSeq    int64 // the approved expense's entry
	ReversalSeq  int64 // the entry that corrected it, 0 when none
	ReversalNote string
}

// Corrected reports whether an approved expense has been reversed.
func (e *Expense) Corrected() bool { return e.ReversalSeq != 0 }

// Actor is who acts, as the audit log and the records name them.
type Actor struct {
	ID   int64
	Name string
}

// Errors of the store.
var (
	// ErrNotPending: the expense was already approved or rejected.
	ErrNotPending = errors.New("expense: not awaiting approval")
	// ErrSameMaker: the checker recorded the expense themselves.
	ErrSameMaker = errors.New("expense: the person who recorded an expense cannot approve or reject it")
	// ErrNotCorrectable: only an approved, not yet corrected expense can be
	// corrected.
	ErrNotCorrectable = errors.New("expense: not an approved, uncorrected expense")
)

// CapError refuses an expense that would push its campaign's operational
// costs above the cap; it carries the figures for the message.
type CapError struct {
	CampaignID int64
	Appeal     string
	Percent    int
	Raised     int64 // money raised, net, zakat and infak excluded
	Cap        int64 // Raised × Percent / 100
	Used       int64 // approved capped spending
	Pending    int64 // capped spending awaiting approval (counted when recording)
	Amount     int64 // the refused expense
}

// Room is what is left under the cap (see roomLeft).
func (e *CapError) Room() int64 { return roomLeft(e.Cap, e.Used, e.Pending) }

// roomLeft is what more capped spending may take under cap: the cap less
// approved spending and less spending awaiting approval, which will count
// once approved. The shares table, the refusal's message and the check
// itself all use it, so the room a page shows is the room that is applied.
func roomLeft(cap, used, pending int64) int64 { return max(cap-used-pending, 0) }

func (e *CapError) Error() string {
	return fmt.Sprintf("expense: campaign %d: operational costs capped at %d%% of Rp%d raised = Rp%d; used Rp%d, awaiting Rp%d, room Rp%d, asked Rp%d",
		e.CampaignID, e.Percent, e.Raised, e.Cap, e.Used, e.Pending, e.Room(), e.Amount)
}

// capOf is percent of raised, rounded down, without overflowing.
func capOf(raised int64, percent int) int64 {
	if raised <= 0 {
		return 0
	}
	p := int64(percent)
	return raised/100*p + raised%100*p/100
}

// ValidStatus reports whether s is a status.
func ValidStatus(s string) bool { return slices.Contains(Statuses, s) }

// DecidedTime is when the expense was approved or rejected (zero when not).
func (e *Expense) DecidedTime() time.Time {
	if e.DecidedAt == nil {
		return time.Time{}
	}
	return *e.DecidedAt
}
