package hub

import (
	"context"
	"fmt"
	"lokadaya/internal/db"
	"strings"
)

// regionPrefixes lists the codes of a region's ancestors and itself:
// "14.71.01" → ["14", "14.71", "14.71.01"].
func regionPrefixes(code string) []string {
	parts := strings.Split(code, ".")
	out := make([]string, 0, len(parts))
	for i := range parts {
		out = append(out, strings.Join(parts[:i+1], "."))
	}
	return out
}

// LookupRegions returns the known regions among codes, in the given order;
// unknown codes are left out.
func (s *Store) LookupRegions(ctx context.Context, codes []string) ([]Region, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	rows, err := s.DB.Query(ctx, `SELECT code, name, level FROM regions WHERE code IN (`+db.Marks(len(codes))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("hub: regions: %w", err)
	}
	defer rows.Close()
	found := map[string]Region{}
	for rows.Next() {
		var r Region
		if err := rows.Scan(&r.Code, &r.Name, &r.Level); err != nil {
			return nil, fmt.Errorf("hub: regions: %w", err)
		}
		found[r.Code] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hub: regions: %w", err)
	}
	var out []Region
	for _, c := range codes {
		if r, ok := found[c]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// RegionLabel names a region with its parents, smallest first:
// "Jadirejo, Sukajadi, Kota Pekanbaru, Riau". Unknown codes come back as is.
func (s *Store) RegionLabel(ctx context.Context, code string) (string, error) {
	chain, err := s.LookupRegions(ctx, regionPrefixes(code))
	if err != nil {
		return "", err
	}
	if len(chain) == 0 {
		return code, nil
	}
	names := make([]string, len(chain))
	for i, r := range chain {
		names[len(chain)-1-i] = r.Name
	}
	return strings.Join(names, ", "), nil
}
