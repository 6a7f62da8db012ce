package bankstatement

import (
	"errors"
	"fmt"
)

// The causes of parse failures, for errors.Is.
var (
	ErrUnknownBank = errors.New("bankstatement: unknown bank")
	ErrTooLarge    = errors.New("bankstatement: file too large")
	ErrNoHeader    = errors.New("bankstatement: column header not found")
	ErrNoLines     = errors.New("bankstatement: no transactions")
	ErrAmount      = errors.New("bankstatement: not an amount")
	ErrSen         = errors.New("bankstatement: amount has sen")
	ErrDate        = errors.New("bankstatement: not a date")
	ErrMarker      = errors.New("bankstatement: no CR/DB marker")
	ErrBothSides   = errors.New("bankstatement: both debit and credit")
	ErrCurrency    = errors.New("bankstatement: not rupiah")
	ErrTotals      = errors.New("bankstatement: footer totals disagree with the lines")
	ErrCSV         = errors.New("bankstatement: malformed CSV")
	ErrColumns     = errors.New("bankstatement: missing column")
)

// The i18n keys of parse errors (bankstatement.… in the i18n PO files). Keys of errors
// tied to a line take the line number as their one argument.
const (
	KeyUnknownBank   = "bankstatement.err.unknown_bank"   // takes the formats read
	KeyUnknownFormat = "bankstatement.err.unknown_format" // takes the bank and its formats
	KeyRead          = "bankstatement.err.read"
	KeyTooLarge      = "bankstatement.err.too_large"
	KeyNoHeader      = "bankstatement.err.no_header"
	KeyNoLines       = "bankstatement.err.no_lines"
	KeyAmount        = "bankstatement.err.amount"
	KeySen           = "bankstatement.err.sen"
	KeyDate          = "bankstatement.err.date"
	KeyMarker        = "bankstatement.err.marker"
	KeyBothSides     = "bankstatement.err.both_sides"
	KeyNoAmount      = "bankstatement.err.no_amount"
	KeyCurrency      = "bankstatement.err.currency"
	KeyTotals        = "bankstatement.err.totals"
	KeyCSV           = "bankstatement.err.csv"
	KeyColumns       = "bankstatement.err.columns"
)

// ParseError is why a statement could not be read. Line is the 1-based
// line of the file at fault, or 0 when the fault is the whole file; Key
// is the i18n message for the web layer.
type ParseError struct {
	Line int
	Key  string
	Err  error
	args []any // the message's arguments when they are not the line
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%v (line %d)", e.Err, e.Line)
	}
	return e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Args are the arguments of the message under Key: the line number for
// errors tied to a line, nothing otherwise.
func (e *ParseError) Args() []any {
	if e.args != nil {
		return e.args
	}
	if e.Line > 0 {
		return []any{e.Line}
	}
	return nil
}

// lineErr wraps a cell-level error with its line and the matching key.
func lineErr(line int, err error) *ParseError {
	key := KeyAmount
	switch {
	case errors.Is(err, ErrSen):
		key = KeySen
	case errors.Is(err, ErrDate):
		key = KeyDate
	case errors.Is(err, ErrMarker):
		key = KeyMarker
	case errors.Is(err, ErrBothSides):
		key = KeyBothSides
	case errors.Is(err, ErrCurrency):
		key = KeyCurrency
	case errors.Is(err, ErrTotals):
		key = KeyTotals
	case errors.Is(err, ErrNoAmount):
		key = KeyNoAmount
	case errors.Is(err, ErrColumns):
		key = KeyColumns
	}
	return &ParseError{Line: line, Key: key, Err: err}
}

// unknownFormat is the error of a file in none of the formats read; it
// names them all.
func unknownFormat() *ParseError {
	return &ParseError{Key: KeyUnknownBank, Err: ErrUnknownBank, args: []any{FormatNames()}}
}

// ErrNoAmount is a line with neither a debit nor a credit.
var ErrNoAmount = errors.New("bankstatement: line without an amount")
