package qris

import "fmt"

// Error is a reason a QRIS payload, amount or picture was refused. Its Key
// names an i18n message (qris.… in the i18n PO files) the web layer can show; errors.Is
// matches it against the Err… values below by kind, ignoring the detail.
type Error struct {
	kind   string
	detail string
}

// The kinds of Error. Compare with errors.Is(err, qris.ErrCRC).
var (
	ErrEmpty       = &Error{kind: "empty"}
	ErrCharset     = &Error{kind: "charset"}
	ErrFormat      = &Error{kind: "format"}
	ErrSyntax      = &Error{kind: "syntax"}
	ErrDuplicate   = &Error{kind: "duplicate"}
	ErrTemplate    = &Error{kind: "template"}
	ErrCRCMissing  = &Error{kind: "crc_missing"}
	ErrCRC         = &Error{kind: "crc"}
	ErrCurrency    = &Error{kind: "currency"}
	ErrInitiation  = &Error{kind: "initiation"}
	ErrAmount      = &Error{kind: "amount"}
	ErrMerchant    = &Error{kind: "merchant"}
	ErrAmountRange = &Error{kind: "amount_range"}
	ErrValueLength = &Error{kind: "value_length"}
	ErrUnreadable  = &Error{kind: "unreadable"}
)

// newErr returns an error of the same kind as base with a detail for logs.
func newErr(base *Error, format string, args ...any) *Error {
	return &Error{kind: base.kind, detail: fmt.Sprintf(format, args...)}
}

// Key is the i18n key of the message describing the error to a person.
func (e *Error) Key() string { return "qris.err." + e.kind }

// Error describes the failure in English for logs.
func (e *Error) Error() string {
	if e.detail == "" {
		return "qris: " + e.kind
	}
	return "qris: " + e.kind + ": " + e.detail
}

// Is reports whether target is an *Error of the same kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.kind == e.kind
}
