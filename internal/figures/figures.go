// Package figures gives the public figures of the country and of every
// region — provinsi, kabupaten/kota, kecamatan, desa/kelurahan: the
// organisations (OMS) based there, the initiatives serving it, the running
// campaigns, what was mobilised (money, goods, volunteer time, agreed
// offers of skills and partnerships), the people reached and the share of
// complaints answered on time.
//
// Everything is counted once, at the region of the organisation it belongs
// to, so a region's figures are the sum of its children's; initiatives are
// counted where they serve (at the region or anywhere under it), so an
// initiative serving two kecamatan counts once in their kabupaten.
//
// Every figure is a running total kept by database triggers in the same
// transaction as the rows it counts (see Schema and RunningTotals), so
// reading a province costs one row, whatever the number of donations.
// Two depend on the clock as well: the published campaigns whose deadline
// has passed but which are not stored as ended yet, and the complaints
// still within their first deadline, are taken off on read — a few rows
// near the present, found by a deadline index.
package figures

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
)

// Figures are one region's figures (” and "Indonesia" for the country).
type Figures struct {
	Code  string
	Name  string
	Level string // region level; "" for the country

	Organizations int64 // OMS based here the public sees (not rejected or suspended)
	Initiatives   int64 // published initiatives serving here or under
	Campaigns     int64 // running campaigns of listed OMS based here

	MoneyConfirmed   int64 // confirmed donations, rupiah
	GoodsReceived    int64 // items received
	VolunteerMinutes int64 // volunteer time logged
	OffersAgreed     int64 // agreed offers of skills and partnerships
	PeopleReached    int64 // people served, from service records

	ComplaintsDecided int64 // complaints answered or past their first deadline
	ComplaintsOnTime  int64 // of those, first answered by the first deadline
}

// VolunteerHours is the volunteer time in whole hours, rounded down.
func (f Figures) VolunteerHours() int64 { return f.VolunteerMinutes / 60 }

// OnTimePermille is the share of complaints answered on time, in tenths of
// a percent; false when no complaint's deadline has come yet.
func (f Figures) OnTimePermille() (int64, bool) {
	if f.ComplaintsDecided == 0 {
		return 0, false
	}
	return i18n.Permille(f.ComplaintsOnTime, f.ComplaintsDecided), true
}

// Active reports whether anything happens in the region.
func (f Figures) Active() bool {
	return f.Organizations > 0 || f.MoneyConfirmed > 0 || f.Initiatives > 0 || f.PeopleReached > 0
}

// Store reads figures.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

// Depths of region codes: the country, a province, a kabupaten/kota, a
// kecamatan and a desa/kelurahan.
const (
	DepthCountry   = 0
	DepthProvince  = 1
	DepthKabupaten = 2
	DepthKecamatan = 3
	DepthDesa      = 4
)

// codeLen is the length of region codes at each depth.
var codeLen = []int{0, 2, 5, 8, 13}

// Depth is the depth of a region code.
func Depth(code string) int {
	for d, n := range codeLen {
		if len(code) <= n {
			return d
		}
	}
	return DepthDesa
}

// Country is the whole country's figures.
func (s *Store) Country(ctx context.Context) (Figures, error) {
	return s.Region(ctx, "")
}

// Region is the figures of one region; a code not in the region list has
// only zeros.
func (s *Store) Region(ctx context.Context, code string) (Figures, error) {
	list, err := s.load(ctx, []string{code}, Depth(code))
	if err != nil {
		return Figures{}, err
	}
	return list[0], nil
}

// Children is the figures of each region directly under code (the
// provinces for ”), in code order, in a fixed number of queries.
func (s *Store) Children(ctx context.Context, code string) ([]Figures, error) {
	d := Depth(code)
	if d >= DepthDesa {
		return nil, nil
	}
	codes, err := s.codes(ctx, `SELECT code FROM regions WHERE `+parentIs(code)+` ORDER BY code`, code)
	if err != nil {
		return nil, err
	}
	return s.load(ctx, codes, d+1)
}

// Level is the figures of every region at a depth (DepthProvince: the 38
// provinces; DepthKabupaten: every kabupaten and kota), in code order —
// what a map colours. Their names are left empty: a map has them from the
// region list.
func (s *Store) Level(ctx context.Context, depth int) ([]Figures, error) {
	if depth < DepthProvince || depth > DepthKabupaten {
		return nil, fmt.Errorf("figures: level %d: only provinces and kabupaten/kota", depth)
	}
	// One range of the depth's index: naming the 514 kabupaten/kota in
	// an IN list cost a map twenty times as much.
	out, err := s.readTotals(ctx, false, `f.depth = ? ORDER BY f.region_code`, depth)
	if err != nil {
		return nil, err
	}
	at := make(map[string]int, len(out))
	for i, f := range out {
		at[f.Code] = i
	}
	return out, s.correct(ctx, out, at, depth)
}

func parentIs(code string) string {
	if code == "" {
		return "parent_code IS NULL"
	}
	return "parent_code = ?"
}

func (s *Store) codes(ctx context.Context, q string, arg any) ([]string, error) {
	var args []any
	if strings.Contains(q, "?") {
		args = append(args, arg)
	}
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("figures: regions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("figures: regions: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// load builds the figures of codes, all at depth: the running totals by
// primary key, then the corrections that depend on the clock (onRead).
func (s *Store) load(ctx context.Context, codes []string, depth int) ([]Figures, error) {
	out := make([]Figures, len(codes))
	at := make(map[string]int, len(codes))
	for i, c := range codes {
		out[i].Code = c
		at[c] = i
	}
	if len(codes) == 0 {
		return out, nil
	}
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	found, err := s.readTotals(ctx, true, `f.region_code IN (`+db.Marks(len(codes))+`)`, args...)
	if err != nil {
		return nil, err
	}
	for _, f := range found {
		if i, ok := at[f.Code]; ok {
			out[i] = f
		}
	}
	return out, s.correct(ctx, out, at, depth)
}

// correct applies the counts that depend on the clock (onRead) to out,
// the figures of regions at depth, found by code in at.
func (s *Store) correct(ctx context.Context, out []Figures, at map[string]int, depth int) error {
	for _, q := range onRead(depth, db.NowFrom(s.Now)) {
		rows, err := s.DB.Query(ctx, q.q, q.args...)
		if err != nil {
			return fmt.Errorf("figures: counts: %w", err)
		}
		for rows.Next() {
			var code string
			var n int64
			if err := rows.Scan(&code, &n); err != nil {
				rows.Close()
				return fmt.Errorf("figures: counts: %w", err)
			}
			if i, ok := at[code]; ok {
				q.set(&out[i], n)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("figures: counts: %w", err)
		}
	}
	return nil
}

// countQuery is a count made on read, grouped by region code, and how
// it corrects the running totals.
type countQuery struct {
	q    string
	args []any
	set  func(f *Figures, n int64)
}

// onRead are the counts that depend on the clock, grouped by the code
// prefix of the regions at depth: each reads only rows near the present,
// found by a deadline index, and looks up each row's organisation by its
// key (a scalar subquery, so that neither database starts from the
// organisations of a big region). load ignores the groups of regions it
// was not asked for.
func onRead(depth int, now time.Time) []countQuery {
	code := "''"
	if n := codeLen[depth]; n > 0 {
		code = fmt.Sprintf("substr(o.region_code, 1, %d)", n)
	}
	region := func(org, listed string) string {
		return `COALESCE((SELECT ` + code + ` FROM organizations o WHERE o.id = ` + org + listed + `), '-')`
	}
	return []countQuery{
		// The running total holds every published campaign; those whose
		// deadline passed are still 'active' only until campaign.EndDue
		// stores them as ended (every minute): the few to take off.
		{`SELECT ` + region("c.org_id", ` AND o.status NOT IN ('rejected', 'suspended')`) + `, COUNT(*)
			FROM campaigns c WHERE c.status = 'active' AND c.ends_at <= ? GROUP BY 1`,
			[]any{now}, func(f *Figures, n int64) { f.Campaigns -= n }},
		// A complaint is decided once answered or past its first deadline:
		// those unanswered within it are the few filed in the last days.
		{`SELECT ` + region("k.org_id", "") + `, COUNT(*)
			FROM complaints k WHERE k.first_due_at >= ? AND k.first_answer_at IS NULL GROUP BY 1`,
			[]any{now}, func(f *Figures, n int64) { f.ComplaintsDecided -= n }},
	}
}

// readTotals reads the running totals of the regions that where (a
// condition on region_figures f, with args) picks, with their names when
// named. Looking up 514 names in the regions table cost ten times as much
// as reading the kabupaten/kota's figures.
func (s *Store) readTotals(ctx context.Context, named bool, where string, args ...any) ([]Figures, error) {
	name, join := `'', ''`, ``
	if named {
		name, join = `COALESCE(r.name, ''), COALESCE(r.level, '')`, ` LEFT JOIN regions r ON r.code = f.region_code`
	}
	rows, err := s.DB.Query(ctx, `SELECT f.region_code, `+name+`, f.organizations,
		f.initiatives, f.campaigns_active, f.complaints, f.complaints_on_time, f.money_confirmed, f.goods_received, f.volunteer_minutes, f.offers_agreed, f.people_reached
		FROM region_figures f`+join+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("figures: totals: %w", err)
	}
	defer rows.Close()
	var out []Figures
	for rows.Next() {
		var f Figures
		if err := rows.Scan(&f.Code, &f.Name, &f.Level, &f.Organizations, &f.Initiatives, &f.Campaigns, &f.ComplaintsDecided, &f.ComplaintsOnTime, &f.MoneyConfirmed, &f.GoodsReceived,
			&f.VolunteerMinutes, &f.OffersAgreed, &f.PeopleReached); err != nil {
			return nil, fmt.Errorf("figures: totals: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// ActiveRegions counts the regions at depth (DepthKabupaten: kabupaten
// and kota) where a listed OMS is based or support was mobilised.
func (s *Store) ActiveRegions(ctx context.Context, depth int) (int64, error) {
	var n int64
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM region_figures WHERE depth = ? AND (organizations > 0
		OR money_confirmed > 0 OR goods_received > 0 OR volunteer_minutes > 0 OR offers_agreed > 0 OR people_reached > 0)`,
		depth).Scan(&n); err != nil {
		return 0, fmt.Errorf("figures: active regions: %w", err)
	}
	return n, nil
}
