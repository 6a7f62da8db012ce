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
// The additive totals are running totals kept by database triggers in the
// same transaction as the rows they count (see Schema), so reading a
// province costs one row, whatever the number of donations; counts that
// depend on the clock (running campaigns, complaints past their deadline)
// are counted on read over the region's prefix range.
package figures

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/db"
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
	return f.ComplaintsOnTime * 1000 / f.ComplaintsDecided, true
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
	list, err := s.load(ctx, []string{code}, code, Depth(code))
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
	return s.load(ctx, codes, code, d+1)
}

// Level is the figures of every region at a depth (DepthProvince: the 38
// provinces; DepthKabupaten: every kabupaten and kota), in code order —
// what a map colours.
func (s *Store) Level(ctx context.Context, depth int) ([]Figures, error) {
	if depth < DepthProvince || depth > DepthKabupaten {
		return nil, fmt.Errorf("figures: level %d: only provinces and kabupaten/kota", depth)
	}
	codes, err := s.codes(ctx, `SELECT region_code FROM region_figures WHERE depth = ? ORDER BY region_code`, depth)
	if err != nil {
		return nil, err
	}
	return s.load(ctx, codes, "", depth)
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

// load builds the figures of codes, all at depth, lying under scope (”:
// anywhere): the running totals by primary key, then the counts on read,
// each grouped by the codes' prefix in one query over scope's range.
func (s *Store) load(ctx context.Context, codes []string, scope string, depth int) ([]Figures, error) {
	out := make([]Figures, len(codes))
	at := make(map[string]int, len(codes))
	for i, c := range codes {
		out[i].Code = c
		at[c] = i
	}
	if len(codes) == 0 {
		return out, nil
	}
	if err := s.totals(ctx, codes, out, at); err != nil {
		return nil, err
	}
	key := "''"
	if n := codeLen[depth]; n > 0 {
		key = fmt.Sprintf("substr(%%s, 1, %d)", n)
	}
	now := db.NowFrom(s.Now)
	lo, hi := prefixRange(scope)
	minLen := codeLen[depth]
	group := func(col string) string {
		if key == "''" {
			return "''"
		}
		return fmt.Sprintf(key, col)
	}
	// A campaign is published with its deadline (campaign.PublishErrors),
	// so running ones are found by the deadline index alone.
	queries := []struct {
		q    string
		args []any
		set  func(f *Figures, n ...int64)
		cols int
	}{
		{`SELECT ` + group("ir.region_code") + `, COUNT(DISTINCT ir.initiative_id) FROM initiative_regions ir
			JOIN initiatives i ON i.id = ir.initiative_id
			WHERE i.status = 'published' AND ir.region_code >= ? AND ir.region_code < ? AND length(ir.region_code) >= ?
			GROUP BY 1`, []any{lo, hi, minLen}, func(f *Figures, n ...int64) { f.Initiatives = n[0] }, 1},
		{`SELECT ` + group("o.region_code") + `, COUNT(*) FROM organizations o JOIN campaigns c ON c.org_id = o.id
			WHERE o.region_code >= ? AND o.region_code < ? AND length(o.region_code) >= ?
			AND o.status NOT IN ('rejected', 'suspended') AND c.status = 'active' AND c.ends_at > ?
			GROUP BY 1`, []any{lo, hi, minLen, now}, func(f *Figures, n ...int64) { f.Campaigns = n[0] }, 1},
		{`SELECT ` + group("o.region_code") + `,
			COALESCE(SUM(CASE WHEN k.first_answer_at IS NOT NULL OR k.first_due_at < ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN k.first_answer_at IS NOT NULL AND k.first_answer_at <= k.first_due_at THEN 1 ELSE 0 END), 0)
			FROM organizations o JOIN complaints k ON k.org_id = o.id
			WHERE o.region_code >= ? AND o.region_code < ? AND length(o.region_code) >= ?
			GROUP BY 1`, []any{now, lo, hi, minLen}, func(f *Figures, n ...int64) {
			f.ComplaintsDecided, f.ComplaintsOnTime = n[0], n[1]
		}, 2},
	}
	for _, q := range queries {
		rows, err := s.DB.Query(ctx, q.q, q.args...)
		if err != nil {
			return nil, fmt.Errorf("figures: counts: %w", err)
		}
		for rows.Next() {
			var code string
			n := make([]int64, q.cols)
			dest := []any{&code}
			for i := range n {
				dest = append(dest, &n[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("figures: counts: %w", err)
			}
			if i, ok := at[code]; ok {
				q.set(&out[i], n...)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("figures: counts: %w", err)
		}
	}
	return out, nil
}

// prefixRange is the range of region codes at or under code: code itself
// sorts first, and every code under it starts with code + "." ("/" sorts
// right after "."). The country's range holds every code.
func prefixRange(code string) (string, string) {
	if code == "" {
		return "", "~"
	}
	return code, code + "/"
}

// totals reads the running totals and the regions' names.
func (s *Store) totals(ctx context.Context, codes []string, out []Figures, at map[string]int) error {
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(codes)), ", ")
	rows, err := s.DB.Query(ctx, `SELECT f.region_code, COALESCE(r.name, ''), COALESCE(r.level, ''), f.organizations,
		f.money_confirmed, f.goods_received, f.volunteer_minutes, f.offers_agreed, f.people_reached
		FROM region_figures f LEFT JOIN regions r ON r.code = f.region_code WHERE f.region_code IN (`+marks+`)`, args...)
	if err != nil {
		return fmt.Errorf("figures: totals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f Figures
		if err := rows.Scan(&f.Code, &f.Name, &f.Level, &f.Organizations, &f.MoneyConfirmed, &f.GoodsReceived,
			&f.VolunteerMinutes, &f.OffersAgreed, &f.PeopleReached); err != nil {
			return fmt.Errorf("figures: totals: %w", err)
		}
		if i, ok := at[f.Code]; ok {
			out[i] = f
		}
	}
	return rows.Err()
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
