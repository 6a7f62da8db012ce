// Package report turns an organisation's open books (internal/ledger) into
// public reports: money in, money out by category, the balance, the share
// of operational costs, and the entries behind them, for an organisation,
// one of its initiatives or one campaign, over a period. It writes the
// report as CSV, XLSX and a printable PDF.
//
// Zakat and infak money is reported apart and never counted in the other
// figures, as the ledger keeps it.
package report

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/distribution"
	"lokadaya/internal/expense"
	"lokadaya/internal/ledger"
)

// Scope is whose books a report covers: an organisation, narrowed to an
// initiative or a campaign when those are set.
type Scope struct {
	OrgID        int64
	InitiativeID int64
	CampaignID   int64
}

// Period bounds the recorded time of the entries: From ≤ t < To, zero is
// open. FromDate and ToDate are the days as given (YYYY-MM-DD, "" when
// open); To is the start of the day after ToDate in the organisation's zone.
type Period struct {
	From, To         time.Time
	FromDate, ToDate string
}

// Open reports whether the period is unbounded on both sides.
func (p Period) Open() bool { return p.FromDate == "" && p.ToDate == "" }

// PeriodError says which bound of a period is wrong; Key is the i18n key of
// the message.
type PeriodError struct {
	Field string // "from" or "to"
	Key   string
}

func (e *PeriodError) Error() string { return "report: bad period " + e.Field + ": " + e.Key }

// Message keys of PeriodError.
const (
	KeyBadDate  = "report.err.date"
	KeyBadOrder = "report.err.order"
)

// maxDateLen bounds what ParsePeriod reads of a parameter.
const maxDateLen = 10

// ParsePeriod reads a period given as two days (YYYY-MM-DD) in zone, both
// included; an empty value is open. A malformed day, a year outside
// 1970–9999 or a from after to is a *PeriodError.
func ParsePeriod(from, to string, zone *time.Location) (Period, error) {
	if zone == nil {
		zone = time.UTC
	}
	var p Period
	for _, b := range []struct {
		field, v string
		day      *string
		dst      *time.Time
		end      bool
	}{{"from", from, &p.FromDate, &p.From, false}, {"to", to, &p.ToDate, &p.To, true}} {
		v := strings.TrimSpace(b.v)
		if v == "" {
			continue
		}
		if len(v) != maxDateLen {
			return Period{}, &PeriodError{Field: b.field, Key: KeyBadDate}
		}
		d, err := time.ParseInLocation(time.DateOnly, v, zone)
		if err != nil || d.Year() < 1970 || d.Year() > 9998 {
			return Period{}, &PeriodError{Field: b.field, Key: KeyBadDate}
		}
		if b.end {
			d = d.AddDate(0, 0, 1)
		}
		*b.day, *b.dst = v, d.UTC()
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return Period{}, &PeriodError{Field: "to", Key: KeyBadOrder}
	}
	return p, nil
}

// Figures are the sums of a report. Every amount is positive rupiah, net of
// reversals, zakat and infak excluded except in Zakat.
type Figures struct {
	// Donations and Goods are money given and the value of goods received.
	Donations, Goods int64
	// In is all money in: donations, goods and any other income.
	In int64
	// Out is money out by category; OutTotal adds it up.
	Out      map[ledger.Category]int64
	OutTotal int64
	// TransferIn and TransferOut are moves between the organisation's own
	// initiatives and campaigns.
	TransferIn, TransferOut int64
	// Balance is In − OutTotal + TransferIn − TransferOut.
	Balance int64
	// Operational is what went to operasional and biaya_platform.
	Operational int64
	// Share is Operational ÷ Donations, or -1 when nothing was donated.
	Share float64
	// Zakat is zakat and infak money, never counted above.
	Zakat ledger.Flow
	// Entries is how many entries the figures add up.
	Entries int64
}

// HasShare reports whether the operational share is defined.
func (f *Figures) HasShare() bool { return f.Share >= 0 }

// SharePercent is the operational share as a percentage, rounded to one
// decimal.
func (f *Figures) SharePercent() float64 {
	if f.Share < 0 {
		return 0
	}
	return float64(int64(f.Share*1000+0.5)) / 10
}

// HasZakat reports whether there is any zakat or infak money.
func (f *Figures) HasZakat() bool {
	z := f.Zakat
	return z.In != 0 || z.Out != 0 || z.TransferIn != 0 || z.TransferOut != 0
}

// OutLine is one category of money out.
type OutLine struct {
	Category ledger.Category
	Amount   int64
}

// OutLines lists money out by category in the ledger's order, zakat and
// infak aside, skipping categories with nothing.
func (f *Figures) OutLines() []OutLine {
	var out []OutLine
	for _, c := range ledger.Categories {
		if c == ledger.CatZakatInfak || f.Out[c] == 0 {
			continue
		}
		out = append(out, OutLine{c, f.Out[c]})
	}
	return out
}

// Line is one entry as a report shows it.
type Line struct {
	Seq          int64
	RecordedAt   time.Time
	Kind         ledger.Kind
	Amount       int64
	Category     ledger.Category
	Description  string
	Counterparty string
	// HasReceipt: the entry has a receipt, served by its seq.
	HasReceipt    bool
	ReversesSeq   int64
	CampaignSlug  string
	CampaignTitle string
	Hash          string
	// SourceType and SourceID name the record the entry books ("expense"
	// and its id…), "" and 0 for none.
	SourceType string
	SourceID   int64
	// Handout sums the goods an expense bought that were handed out and
	// confirmed by their recipients; nil when none were.
	Handout *distribution.Totals
}

// HashShort is the first 12 characters of the entry's hash.
func (l *Line) HashShort() string {
	if len(l.Hash) > 12 {
		return l.Hash[:12]
	}
	return l.Hash
}

// Report is a report's content.
type Report struct {
	Scope   Scope
	Period  Period
	Figures Figures
	// Entries is a page of entries, newest first, when ReadPage read one;
	// Next is the cursor of the page after it (zero on the last page).
	Entries []Line
	Next    Cursor
	// All yields every entry of the scope and period, oldest first, read
	// in batches as it goes: the files stream them.
	All Entries
	// Handouts are the goods handed out in the period, with their
	// recipients' confirmations.
	Handouts []*distribution.Distribution
	// HeadSeq and HeadHash are the organisation's whole chain head (the
	// hash covers every entry, not only this report's).
	HeadSeq  int64
	HeadHash string

	// handedOut sums the goods each expense bought that were handed out.
	handedOut map[int64]distribution.Totals
}

// Entries calls fn for each entry in turn and stops at fn's first error,
// which it returns.
type Entries func(fn func(*Line) error) error

// Build reads the report of scope over period: its figures, the goods
// handed out and the chain head. Entries are read by ReadPage, or
// streamed by All.
func Build(ctx context.Context, q db.Querier, s Scope, p Period) (*Report, error) {
	if s.OrgID == 0 {
		return nil, errors.New("report: no organisation")
	}
	rep := &Report{Scope: s, Period: p}
	rep.All = func(fn func(*Line) error) error { return each(ctx, q, s, p, fn) }
	var err error
	if rep.Figures, err = figures(ctx, q, s, p); err != nil {
		return nil, err
	}
	if err = rep.handouts(ctx, q); err != nil {
		return nil, err
	}
	if rep.HeadSeq, rep.HeadHash, err = ledger.Head(ctx, q, s.OrgID); err != nil {
		return nil, err
	}
	return rep, nil
}

// filter is the WHERE clause on ledger_entries e selecting scope and period.
func filter(s Scope, p Period) (string, []any) {
	where, args := `e.org_id = ?`, []any{s.OrgID}
	if s.InitiativeID != 0 {
		where += ` AND e.initiative_id = ?`
		args = append(args, s.InitiativeID)
	}
	if s.CampaignID != 0 {
		where += ` AND e.campaign_id = ?`
		args = append(args, s.CampaignID)
	}
	if !p.From.IsZero() {
		where += ` AND e.recorded_at >= ?`
		args = append(args, p.From.UTC())
	}
	if !p.To.IsZero() {
		where += ` AND e.recorded_at < ?`
		args = append(args, p.To.UTC())
	}
	return where, args
}

// figures adds up the ledger's totals and splits money in by kind.
func figures(ctx context.Context, q db.Querier, s Scope, p Period) (Figures, error) {
	sum, err := ledger.Totals(ctx, q, ledger.Filter{OrgID: s.OrgID, CampaignID: s.CampaignID,
		InitiativeID: s.InitiativeID, From: p.From, To: p.To})
	if err != nil {
		return Figures{}, err
	}
	f := Figures{In: sum.In, Out: map[ledger.Category]int64{}, OutTotal: sum.Out, TransferIn: sum.TransferIn,
		TransferOut: sum.TransferOut, Balance: sum.Balance, Zakat: sum.Zakat, Entries: sum.Entries, Share: -1,
		Donations: sum.Net[ledger.KindDonation], Goods: sum.Net[ledger.KindGoods]}
	for c, flow := range sum.ByCategory {
		if flow.Out != 0 {
			f.Out[c] = flow.Out
		}
	}
	f.Operational = f.Out[ledger.CatOperasional] + f.Out[ledger.CatPlatform]
	if f.Donations > 0 {
		f.Share = float64(f.Operational) / float64(f.Donations)
	}
	return f, nil
}

// Cursor is where a page of entries ends: its last entry's recorded time
// and seq. The zero Cursor is the start.
type Cursor struct {
	At  time.Time
	Seq int64
}

// IsZero reports whether c is the start.
func (c Cursor) IsZero() bool { return c.Seq == 0 }

// String is the cursor as a link carries it: the time in microseconds
// since 1970, a dash, the seq; "" for the start.
func (c Cursor) String() string {
	if c.IsZero() {
		return ""
	}
	return strconv.FormatInt(c.At.UnixMicro(), 10) + "-" + strconv.FormatInt(c.Seq, 10)
}

// ParseCursor reads a cursor written by String; anything else is false.
func ParseCursor(v string) (Cursor, bool) {
	at, seq, ok := strings.Cut(v, "-")
	if !ok || len(v) > 40 {
		return Cursor{}, false
	}
	micros, err1 := strconv.ParseInt(at, 10, 64)
	n, err2 := strconv.ParseInt(seq, 10, 64)
	if err1 != nil || err2 != nil || n <= 0 || micros < 0 {
		return Cursor{}, false
	}
	return Cursor{At: time.UnixMicro(micros).UTC(), Seq: n}, true
}

// PageSize is how many entries a report page lists.
const PageSize = 50

// entryColumns are a Line's columns, read by scanLine.
const entryColumns = `e.seq, e.recorded_at, e.kind, e.amount, e.category, e.description,
	e.counterparty, COALESCE(e.receipt_key, ''), COALESCE(e.reverses_seq, 0), e.hash,
	COALESCE(c.slug, ''), COALESCE(c.title, ''), COALESCE(e.source_type, ''), COALESCE(e.source_id, 0)`

// ReadPage reads the page of up to n entries after cursor, newest first
// (by recorded time, then seq), into Entries and Next.
func (rep *Report) ReadPage(ctx context.Context, q db.Querier, after Cursor, n int) error {
	where, args := filter(rep.Scope, rep.Period)
	if !after.IsZero() {
		// The first term lets the time index bound the range.
		where += ` AND e.recorded_at <= ? AND (e.recorded_at < ? OR e.seq < ?)`
		args = append(args, after.At, after.At, after.Seq)
	}
	lines, err := readLines(ctx, q, `SELECT `+entryColumns+`
		FROM ledger_entries e LEFT JOIN campaigns c ON c.id = e.campaign_id
		WHERE `+where+` ORDER BY e.recorded_at DESC, e.seq DESC LIMIT ?`, append(args, n+1)...)
	if err != nil {
		return err
	}
	rep.Next = Cursor{}
	if len(lines) > n {
		lines = lines[:n]
		last := lines[n-1]
		rep.Next = Cursor{At: last.RecordedAt, Seq: last.Seq}
	}
	for i := range lines {
		l := &lines[i]
		if l.SourceType != expense.SourceType || l.ReversesSeq != 0 {
			continue
		}
		if t, ok := rep.handedOut[l.SourceID]; ok {
			l.Handout = &t
		}
	}
	rep.Entries = lines
	return nil
}

// streamBatch is how many entries each reads at a time (a variable for
// the tests).
var streamBatch = 1000

// each calls fn with every entry of the scope and period, oldest first
// (by recorded time, then seq), reading them in batches.
func each(ctx context.Context, q db.Querier, s Scope, p Period, fn func(*Line) error) error {
	var after Cursor
	for {
		where, args := filter(s, p)
		if !after.IsZero() {
			where += ` AND e.recorded_at >= ? AND (e.recorded_at > ? OR e.seq > ?)`
			args = append(args, after.At, after.At, after.Seq)
		}
		lines, err := readLines(ctx, q, `SELECT `+entryColumns+`
			FROM ledger_entries e LEFT JOIN campaigns c ON c.id = e.campaign_id
			WHERE `+where+` ORDER BY e.recorded_at, e.seq LIMIT ?`, append(args, streamBatch)...)
		if err != nil {
			return err
		}
		for i := range lines {
			if err := fn(&lines[i]); err != nil {
				return err
			}
		}
		if len(lines) < streamBatch {
			return nil
		}
		last := lines[len(lines)-1]
		after = Cursor{At: last.RecordedAt, Seq: last.Seq}
	}
}

// readLines runs a query of entryColumns.
func readLines(ctx context.Context, q db.Querier, query string, args ...any) ([]Line, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: entries: %w", err)
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		var kind, cat, receipt string
		if err := rows.Scan(&l.Seq, &l.RecordedAt, &kind, &l.Amount, &cat, &l.Description, &l.Counterparty,
			&receipt, &l.ReversesSeq, &l.Hash, &l.CampaignSlug, &l.CampaignTitle, &l.SourceType, &l.SourceID); err != nil {
			return nil, fmt.Errorf("report: entries: %w", err)
		}
		l.RecordedAt = l.RecordedAt.UTC()
		l.Kind, l.Category, l.HasReceipt = ledger.Kind(kind), ledger.Category(cat), receipt != ""
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: entries: %w", err)
	}
	return out, nil
}
