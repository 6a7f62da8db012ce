// Package bankstatement reads the CSV statement exports of Indonesian
// banks (BCA, BRI, Mandiri, BNI, BSI, in the formats of their personal and
// business internet banking) into one common shape, proposes which
// incoming transfers pay which pending donations, and writes sample files
// in each format.
//
// The formats change between versions of each bank's internet banking, so
// the parsers find their columns by name, accept ',' or ';' separators,
// quoted fields, a byte-order mark and CRLF line ends. docs/bank-statements.md
// says precisely what each accepts.
package bankstatement

import (
	"bytes"
	"errors"
	"io"
	"time"

	"lokadaya/internal/i18n"
)

// Bank names a supported bank.
type Bank string

// The supported banks.
const (
	BCA     Bank = "bca"
	BRI     Bank = "bri"
	Mandiri Bank = "mandiri"
	BNI     Bank = "bni"
	BSI     Bank = "bsi" // Bank Syariah Indonesia
)

// Banks lists the supported banks in the order they are offered.
var Banks = []Bank{BCA, BRI, Mandiri, BNI, BSI}

// MaxFileSize bounds an uploaded statement: a busy month of a small
// organisation's account is a few hundred kilobytes.
const MaxFileSize = 4 << 20

// MaxAmount is the largest amount accepted on one line, far above any
// real transfer and far below int64 overflow when lines are summed.
const MaxAmount = 1_000_000_000_000_000

// Statement is one parsed statement file.
type Statement struct {
	Bank    Bank
	Format  Format
	Account string    // account number as printed, digits only when possible
	Name    string    // account holder, when the file says
	From    time.Time // first day of the period (WIB midnight)
	To      time.Time // last day of the period (WIB midnight)
	Lines   []Line
	Totals  *Totals // the file's own footer totals (BCA), nil when absent
}

// Totals are the summary figures some exports print under the lines.
type Totals struct {
	Opening, Credit, Debit, Closing int64
}

// Line is one transaction.
type Line struct {
	Date        time.Time // the day, WIB midnight
	Description string    // inner whitespace collapsed
	Amount      int64     // rupiah; credit positive, debit negative
	Balance     *int64    // running balance after the line, when the file gives it
	Raw         string    // the line as it stood in the file
	Number      int       // line number in the file, from 1
	Fingerprint string    // stable identity, see Fingerprint
	// Pending is a transaction the bank has not posted yet (BCA's "PEND"):
	// shown, but never matched or booked until a later statement has it
	// settled.
	Pending bool
}

// Credits returns the settled lines that brought money in.
func (s *Statement) Credits() []Line {
	var out []Line
	for _, l := range s.Lines {
		if l.Amount > 0 && !l.Pending {
			out = append(out, l)
		}
	}
	return out
}

// Parse reads a statement of bank from r, dated as of now (see ParseAt).
func Parse(bank Bank, r io.Reader) (*Statement, error) {
	return ParseAt(bank, r, time.Now())
}

// ParseAt reads a statement of bank from r in whichever of the bank's
// formats it is. ref is when the file was exported, or soon after: it
// dates what the file leaves undated (a day and month without a year and
// without a period, a pending line), so a file read again later must be
// read with the same ref.
func ParseAt(bank Bank, r io.Reader, ref time.Time) (*Statement, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	formats := Formats(bank)
	if len(formats) == 0 {
		return nil, unknownFormat()
	}
	if found, err := Detect(bytes.NewReader(data)); err == nil && found.Serves(bank) {
		return parseFormat(found, bank, data, ref)
	}
	// Not recognised by its signature words: a variant may still read
	// under one of the bank's formats, which find their columns by name.
	var firstErr error
	for _, f := range formats {
		st, err := parseFormat(f, bank, data, ref)
		if err == nil {
			return st, nil
		}
		if !errors.Is(err, ErrNoHeader) && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, &ParseError{Key: KeyUnknownFormat, Err: ErrNoHeader, args: []any{bankName(bank), formatNames(formats)}}
}

// ParseAuto detects the format from the content, then parses.
func ParseAuto(r io.Reader, ref time.Time) (*Statement, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	format, err := Detect(bytes.NewReader(data))
	if err != nil {
		return nil, unknownFormat()
	}
	return parseFormat(format, firstBank(format), data, ref)
}

// firstBank is the first bank whose statements come in format f.
func firstBank(f Format) Bank {
	for _, b := range Banks {
		if f.Serves(b) {
			return b
		}
	}
	return ""
}

func parseFormat(format Format, bank Bank, data []byte, ref time.Time) (*Statement, error) {
	l, ok := layoutOf(format)
	if !ok {
		return nil, unknownFormat()
	}
	st, err := l.parse(data, ref)
	if err != nil {
		return nil, err
	}
	st.Format, st.Bank = format, bank
	if len(st.Lines) == 0 {
		return nil, &ParseError{Key: KeyNoLines, Err: ErrNoLines}
	}
	st.fillPeriod()
	fingerprint(st)
	return st, nil
}

// fillPeriod takes the period from the lines when the file did not say.
func (s *Statement) fillPeriod() {
	from, to := s.From.IsZero(), s.To.IsZero()
	for _, l := range s.Lines {
		if from && (s.From.IsZero() || l.Date.Before(s.From)) {
			s.From = l.Date
		}
		if to && (s.To.IsZero() || l.Date.After(s.To)) {
			s.To = l.Date
		}
	}
}

func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &ParseError{Key: KeyRead, Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &ParseError{Key: KeyTooLarge, Err: ErrTooLarge}
	}
	return data, nil
}

// day is the WIB midnight of a calendar date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, i18n.WIB)
}
