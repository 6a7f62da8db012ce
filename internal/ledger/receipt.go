package ledger

import (
	"strconv"
	"strings"
)

// receiptCheck is how many characters of an entry's hash its receipt
// number carries.
const receiptCheck = 8

// ReceiptNumber is the number printed on the receipt of entry e: the
// organisation's id, the entry's seq and the first characters of its hash
// in capitals, "7-12-3F9A2C1B". The id and seq find the entry; the hash
// characters tie the number to what was recorded, so that numbers cannot
// be made up by counting and a receipt names one version of its entry.
// Hexadecimal capitals have no O or I to mistake for 0 or 1.
func ReceiptNumber(e *Entry) string {
	check := e.Hash
	if len(check) > receiptCheck {
		check = check[:receiptCheck]
	}
	return strconv.FormatInt(e.OrgID, 10) + "-" + strconv.FormatInt(e.Seq, 10) + "-" + strings.ToUpper(check)
}

// ReceiptRef is a receipt number read back.
type ReceiptRef struct {
	OrgID, Seq int64
	// Check is the hash characters, in lower case as hashes are stored.
	Check string
}

// ParseReceiptNumber reads a receipt number, in either case; ok is false
// for anything ReceiptNumber could not have written.
func ParseReceiptNumber(s string) (ref ReceiptRef, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) != 3 || len(parts[2]) != receiptCheck {
		return ReceiptRef{}, false
	}
	for i, p := range parts[:2] {
		// Plain positive decimals, so that one entry has one number.
		if p == "" || p[0] == '0' || strings.Trim(p, "0123456789") != "" {
			return ReceiptRef{}, false
		}
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return ReceiptRef{}, false
		}
		if i == 0 {
			ref.OrgID = n
		} else {
			ref.Seq = n
		}
	}
	ref.Check = strings.ToLower(parts[2])
	if strings.Trim(ref.Check, "0123456789abcdef") != "" {
		return ReceiptRef{}, false
	}
	return ref, true
}

// Names reports whether e is the entry the number was printed for: its
// organisation and seq, and a stored hash starting with the check.
func (r ReceiptRef) Names(e *Entry) bool {
	return e.OrgID == r.OrgID && e.Seq == r.Seq && strings.HasPrefix(e.Hash, r.Check)
}
