package hub

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/org"
)

// Awaiting is an organisation waiting for a verification decision, with
// whether any hub covers its region. Where none does, only a platform admin
// can review it.
type Awaiting struct {
	Org     *org.Organization
	Covered bool
}

// withExtra scans a row's organisation columns and then extra columns.
type withExtra struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (w withExtra) Scan(dest ...any) error { return w.row.Scan(append(dest, w.extra...)...) }

// AwaitingReview returns every organisation waiting for a decision (pending
// or sent back for changes), by region code so that a province's
// organisations come together, at most limit of them.
func (s *Store) AwaitingReview(ctx context.Context, limit int) ([]Awaiting, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+orgColumns+`,
		CASE WHEN EXISTS (SELECT 1 FROM hub_regions hr WHERE `+coverSQL+`) THEN 1 ELSE 0 END
		FROM organizations o WHERE o.status IN ('pending', 'needs_changes')
		ORDER BY o.region_code, o.updated_at, o.id LIMIT ?`, max(limit, 1))
	if err != nil {
		return nil, fmt.Errorf("hub: awaiting review: %w", err)
	}
	defer rows.Close()
	var out []Awaiting
	for rows.Next() {
		var covered int
		o, err := scanOrg(withExtra{rows, []any{&covered}})
		if err != nil {
			return nil, err
		}
		out = append(out, Awaiting{Org: o, Covered: covered == 1})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hub: awaiting review: %w", err)
	}
	return out, nil
}

// ProvinceCover says how the hubs cover one province.
type ProvinceCover struct {
	Region
	// Hubs name the hubs covering the whole province.
	Hubs []string
	// Partly names the hubs covering only some of its kabupaten/kota or
	// kecamatan.
	Partly []string
}

// Uncovered reports whether no hub covers any part of the province.
func (p ProvinceCover) Uncovered() bool { return len(p.Hubs) == 0 && len(p.Partly) == 0 }

// ProvinceCoverage lists every province, by code, with the hubs covering it.
func (s *Store) ProvinceCoverage(ctx context.Context) ([]ProvinceCover, error) {
	rows, err := s.DB.Query(ctx, `SELECT code, name, level FROM regions WHERE code NOT LIKE '%.%' ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("hub: provinces: %w", err)
	}
	var out []ProvinceCover
	index := map[string]int{}
	for rows.Next() {
		var p ProvinceCover
		if err := rows.Scan(&p.Code, &p.Name, &p.Level); err != nil {
			rows.Close()
			return nil, fmt.Errorf("hub: provinces: %w", err)
		}
		index[p.Code] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hub: provinces: %w", err)
	}
	links, err := s.DB.Query(ctx, `SELECT hr.region_code, h.name FROM hub_regions hr JOIN hubs h ON h.id = hr.hub_id
		ORDER BY h.name, h.id`)
	if err != nil {
		return nil, fmt.Errorf("hub: coverage: %w", err)
	}
	defer links.Close()
	for links.Next() {
		var code, name string
		if err := links.Scan(&code, &name); err != nil {
			return nil, fmt.Errorf("hub: coverage: %w", err)
		}
		prov, _, part := strings.Cut(code, ".")
		i, ok := index[prov]
		switch {
		case !ok:
		case part:
			out[i].Partly = appendOnce(out[i].Partly, name)
		default:
			out[i].Hubs = appendOnce(out[i].Hubs, name)
		}
	}
	return out, links.Err()
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
