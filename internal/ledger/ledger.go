// Package ledger keeps each organisation's open books: an append-only,
// hash-chained list of entries, one for every rupiah in or out. Nothing is
// ever edited or deleted; a correction is a reversing entry with a reason.
//
// # Entries
//
// Every entry belongs to one organisation and has a gapless sequence
// number there (1, 2, 3, …), the time it was recorded, a kind, a signed
// amount in rupiah (money in is positive, money out negative), a category,
// optionally a campaign and an initiative, a description, the counterparty
// as the supporter chose to be shown (empty for anonymous), a receipt (a
// stored file key), the source it books (for example donation 123), the
// entry it reverses, who recorded it, the previous entry's hash and its own.
//
// Kinds and the sign of their amount:
//
//	donation  money given to the organisation        > 0
//	goods     the value of goods received            > 0
//	expense   money spent                            < 0
//	fee       a platform or payment-gateway fee      < 0, category biaya_platform
//	transfer  money moved between initiatives or
//	          campaigns of the organisation          either (one entry per side)
//	refund    money returned to a supporter          < 0
//	reversal  cancels one earlier entry: same category, campaign and
//	          initiative, the amount negated; the description is the reason
//
// Categories: program, operasional, biaya_platform (platform and gateway
// fees), cadangan (reserve), alokasi_surplus (surplus allocation) and
// zakat_infak. Zakat and infak money is never mixed into other balances:
// Totals reports it apart.
//
// A source (source_type, source_id) is booked at most once per kind, so the
// same donation can never be booked twice; an entry is reversed at most once
// and a reversal is never itself reversed. Reversals carry no source of their
// own: they point at the reversed entry.
//
// # Canonical encoding and hash
//
// An entry's hash is the lowercase hexadecimal SHA-256 of its canonical
// encoding followed by the previous entry's hash (its 64 ASCII hexadecimal
// characters). The first entry of every organisation has the previous hash
// "0000…0000" (64 zeros), the Genesis value.
//
// The canonical encoding is the concatenation of these 16 fields, in this
// order, each written as its length in bytes (decimal ASCII digits, no
// leading zeros, "0" when empty), a colon, the field's UTF-8 bytes and a
// comma — so "program" is written "7:program,":
//
//  1. the format tag "lokadaya-ledger-v1"
//  2. the organisation's id
//  3. seq
//  4. the recorded time in UTC as YYYY-MM-DDTHH:MM:SS.ffffffZ, always with six
//     fraction digits (the time is kept to the microsecond)
//  5. kind
//  6. amount
//  7. category
//  8. campaign id, empty when none
//  9. initiative id, empty when none
//  10. description
//  11. counterparty
//  12. receipt key, empty when none
//  13. source type, empty when none
//  14. source id, empty when none
//  15. the reversed entry's seq, empty when none
//  16. the recording user's id, empty when none
//
// Integers are written in decimal ASCII with no leading zeros and no plus
// sign; a negative amount starts with "-". Ids are never 0, so an empty
// field is never confused with a value.
//
// For example, organisation 7's first entry, recorded 2025-01-31 at
// 03:04:05.000123 UTC, a donation of Rp250.000 to program for campaign 12 of
// initiative 5 from "Budi", booking donation 99, is encoded as
//
//	18:lokadaya-ledger-v1,1:7,1:1,27:2025-01-31T03:04:05.000123Z,8:donation,6:250000,7:program,2:12,1:5,15:Donasi kampanye,4:Budi,0:,8:donation,2:99,0:,0:,
//
// and its hash is SHA-256 of those bytes followed by 64 "0" characters. The
// tests pin this example's hash.
//
// # Checking a chain
//
// Verify walks an organisation's entries in seq order and checks that the
// seqs are 1, 2, 3, … without a gap, that each entry's prev_hash is the
// previous entry's hash (Genesis for the first), that each hash recomputes,
// and that the last entry agrees with the stored head. The public API gives
// every hashed field, so anybody can repeat the check.
//
// # Appending
//
// Append and Reverse run inside the caller's transaction, so an entry lands
// together with the state change it books, or not at all. Appends to one
// organisation queue on its head row in ledger_heads (locked FOR UPDATE on
// PostgreSQL; SQLite transactions are serialised already), which is what
// keeps the chain free of forks and gaps.
package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says what an entry records.
type Kind string

// The kinds of entry.
const (
	KindDonation Kind = "donation"
	KindGoods    Kind = "goods"
	KindExpense  Kind = "expense"
	KindFee      Kind = "fee"
	KindTransfer Kind = "transfer"
	KindRefund   Kind = "refund"
	KindReversal Kind = "reversal"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{KindDonation, KindGoods, KindExpense, KindFee, KindTransfer, KindRefund, KindReversal}

// Category is what the money is for.
type Category string

// The categories.
const (
	CatProgram     Category = "program"
	CatOperasional Category = "operasional"
	// CatPlatform is platform and payment-gateway fees.
	CatPlatform Category = "biaya_platform"
	// CatCadangan is the reserve.
	CatCadangan Category = "cadangan"
	// CatSurplus is money allocated from a surplus.
	CatSurplus Category = "alokasi_surplus"
	// CatZakatInfak is zakat and infak money, kept apart from every other
	// balance.
	CatZakatInfak Category = "zakat_infak"
)

// Categories lists every category in a stable order.
var Categories = []Category{CatProgram, CatOperasional, CatPlatform, CatCadangan, CatSurplus, CatZakatInfak}

// FormatTag is the first field of the canonical encoding.
const FormatTag = "lokadaya-ledger-v1"

// Genesis is the previous hash of every organisation's first entry.
var Genesis = strings.Repeat("0", 64)

// TimeLayout is how the recorded time is written in the canonical encoding.
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// Limits on the text fields, in characters.
const (
	MaxDescription  = 1000
	MaxCounterparty = 200
	MaxReceiptKey   = 300
	MaxSourceType   = 40
)

// Entry is one line of the books. Id fields are 0 and text fields empty
// when not set.
type Entry struct {
	OrgID        int64
	Seq          int64
	RecordedAt   time.Time
	Kind         Kind
	Amount       int64
	Category     Category
	CampaignID   int64
	InitiativeID int64
	Description  string
	Counterparty string
	ReceiptKey   string
	SourceType   string
	SourceID     int64
	ReversesSeq  int64
	RecordedBy   int64
	PrevHash     string
	Hash         string
}

// Errors returned by Append and Reverse.
var (
	// ErrInvalid wraps every refusal of an entry's content.
	ErrInvalid = errors.New("ledger: invalid entry")
	// ErrDuplicate: the source is already booked with this kind.
	ErrDuplicate = errors.New("ledger: source already booked")
	// ErrAlreadyReversed: the entry has been reversed before.
	ErrAlreadyReversed = errors.New("ledger: entry already reversed")
	// ErrNotReversible: a reversal cannot itself be reversed.
	ErrNotReversible = errors.New("ledger: a reversal cannot be reversed")
)

// Canonical returns the entry's canonical encoding (see the package
// documentation).
func Canonical(e *Entry) []byte {
	var b []byte
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
		b = append(b, ',')
	}
	id := func(n int64) {
		if n == 0 {
			field("")
			return
		}
		field(strconv.FormatInt(n, 10))
	}
	field(FormatTag)
	field(strconv.FormatInt(e.OrgID, 10))
	field(strconv.FormatInt(e.Seq, 10))
	field(e.RecordedAt.UTC().Format(TimeLayout))
	field(string(e.Kind))
	field(strconv.FormatInt(e.Amount, 10))
	field(string(e.Category))
	id(e.CampaignID)
	id(e.InitiativeID)
	field(e.Description)
	field(e.Counterparty)
	field(e.ReceiptKey)
	field(e.SourceType)
	id(e.SourceID)
	id(e.ReversesSeq)
	id(e.RecordedBy)
	return b
}

// ComputeHash returns the hash the entry should have: the hex SHA-256 of its
// canonical encoding followed by e.PrevHash.
func ComputeHash(e *Entry) string {
	h := sha256.New()
	h.Write(Canonical(e))
	h.Write([]byte(e.PrevHash))
	return hex.EncodeToString(h.Sum(nil))
}

// validKind reports whether k is a known kind.
func validKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// ValidCategory reports whether c is a known category.
func ValidCategory(c Category) bool {
	for _, x := range Categories {
		if x == c {
			return true
		}
	}
	return false
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// normalize trims the text fields and fixes the time to UTC microseconds.
func normalize(e *Entry) {
	e.Description = strings.TrimSpace(e.Description)
	e.Counterparty = strings.TrimSpace(e.Counterparty)
	e.ReceiptKey = strings.TrimSpace(e.ReceiptKey)
	e.SourceType = strings.TrimSpace(e.SourceType)
	if !e.RecordedAt.IsZero() {
		e.RecordedAt = e.RecordedAt.UTC().Truncate(time.Microsecond)
	}
}

// validate checks what can be checked without the database. Reversals are
// checked against the reversed entry by Append.
func validate(e *Entry) error {
	if e.OrgID <= 0 {
		return invalid("no organisation")
	}
	if !validKind(e.Kind) {
		return invalid("unknown kind %q", e.Kind)
	}
	if !ValidCategory(e.Category) {
		return invalid("unknown category %q", e.Category)
	}
	if e.Amount == 0 {
		return invalid("amount is zero")
	}
	switch e.Kind {
	case KindDonation, KindGoods:
		if e.Amount < 0 {
			return invalid("a %s is money in: amount must be positive", e.Kind)
		}
	case KindExpense, KindFee, KindRefund:
		if e.Amount > 0 {
			return invalid("a %s is money out: amount must be negative", e.Kind)
		}
	}
	if e.Kind != KindReversal && (e.Kind == KindFee) != (e.Category == CatPlatform) {
		return invalid("fees, and only fees, are in category %s", CatPlatform)
	}
	if e.Kind == KindReversal {
		if e.ReversesSeq <= 0 {
			return invalid("a reversal names the entry it reverses")
		}
		if e.Description == "" {
			return invalid("a reversal needs a reason")
		}
		if e.SourceType != "" || e.SourceID != 0 {
			return invalid("a reversal has no source of its own")
		}
	} else if e.ReversesSeq != 0 {
		return invalid("only a reversal reverses an entry")
	}
	if e.CampaignID < 0 || e.InitiativeID < 0 || e.SourceID < 0 || e.RecordedBy < 0 {
		return invalid("negative id")
	}
	if (e.SourceType == "") != (e.SourceID == 0) {
		return invalid("a source needs both a type and an id")
	}
	if e.SourceType != "" {
		if len(e.SourceType) > MaxSourceType {
			return invalid("source type too long")
		}
		for _, r := range e.SourceType {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
				return invalid("source type %q: use a-z, 0-9 and _", e.SourceType)
			}
		}
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{
		{"description", e.Description, MaxDescription},
		{"counterparty", e.Counterparty, MaxCounterparty},
		{"receipt key", e.ReceiptKey, MaxReceiptKey},
	} {
		if !utf8.ValidString(f.v) || strings.ContainsRune(f.v, 0) {
			return invalid("%s is not valid text", f.name)
		}
		if utf8.RuneCountInString(f.v) > f.max {
			return invalid("%s longer than %d characters", f.name, f.max)
		}
	}
	if y := e.RecordedAt.Year(); !e.RecordedAt.IsZero() && (y < 1970 || y > 9999) {
		return invalid("recorded time out of range")
	}
	return nil
}
