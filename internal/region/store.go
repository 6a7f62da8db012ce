package region

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"lokadaya/internal/db"
)

// Store reads regions from the database. Regions are reference data that
// only a migration changes, so a Store keeps what it has read in memory;
// every instance holds the same list, so nothing needs invalidating.
type Store struct {
	DB *db.DB

	mu       sync.Mutex
	regions  map[string]Region   // by code
	children map[string][]Region // by parent code; "" for the provinces
	levels   map[string]int      // regions per level, once counted
	names    *names              // every region's name, once searched
}

// The caches are bounded so that a crawler walking every desa cannot grow
// them without limit; when full they start over.
const (
	maxCachedRegions  = 20000
	maxCachedChildren = 10000
)

const selectRegion = `SELECT code, COALESCE(parent_code, ''), level, name FROM regions`

func scanRegion(sc interface{ Scan(...any) error }) (Region, error) {
	var r Region
	err := sc.Scan(&r.Code, &r.Parent, &r.Level, &r.Name)
	return r, err
}

// Get returns the region with code, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, code string) (Region, error) {
	code, ok := ParseCode(code)
	if !ok {
		return Region{}, db.ErrNotFound
	}
	if r, ok := s.cachedRegion(code); ok {
		return r, nil
	}
	r, err := scanRegion(s.DB.QueryRow(ctx, selectRegion+` WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return Region{}, db.ErrNotFound
	}
	if err != nil {
		return Region{}, fmt.Errorf("region: get %s: %w", code, err)
	}
	s.remember(r)
	return r, nil
}

// Valid reports whether code names an existing region.
func (s *Store) Valid(ctx context.Context, code string) (bool, error) {
	_, err := s.Get(ctx, code)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Children lists the regions directly under parent, by name; the provinces
// when parent is "". A desa has no children (an empty list); an unknown
// parent is db.ErrNotFound. The slice is shared with the cache: read it,
// never modify it.
func (s *Store) Children(ctx context.Context, parent string) ([]Region, error) {
	if parent != "" {
		p, ok := ParseCode(parent)
		if !ok {
			return nil, db.ErrNotFound
		}
		parent = p
	}
	if list, ok := s.cachedChildren(parent); ok {
		return list, nil
	}
	q, args := selectRegion+` WHERE parent_code IS NULL ORDER BY name, code`, []any(nil)
	if parent != "" {
		q, args = selectRegion+` WHERE parent_code = ? ORDER BY name, code`, []any{parent}
	}
	list, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("region: children of %q: %w", parent, err)
	}
	if len(list) == 0 && parent != "" {
		// Tell "no children" from "no such parent".
		if _, err := s.Get(ctx, parent); err != nil {
			return nil, err
		}
	}
	s.rememberChildren(parent, list)
	return list, nil
}

// Ancestors is the chain from the province down to the region itself:
// [Jawa Barat, Kota Bandung, Coblong, Dago] for a kelurahan in Bandung. An
// unknown code is db.ErrNotFound.
func (s *Store) Ancestors(ctx context.Context, code string) ([]Region, error) {
	codes := lineage(strings.TrimSpace(code))
	if codes == nil {
		return nil, db.ErrNotFound
	}
	found, err := s.getMany(ctx, codes)
	if err != nil {
		return nil, err
	}
	chain := make([]Region, 0, len(codes))
	for _, c := range codes {
		r, ok := found[c]
		if !ok {
			return nil, db.ErrNotFound
		}
		chain = append(chain, r)
	}
	return chain, nil
}

// getMany fetches the regions with the given codes in one query, from the
// cache where it can; missing codes are simply absent from the result.
func (s *Store) getMany(ctx context.Context, codes []string) (map[string]Region, error) {
	found := make(map[string]Region, len(codes))
	asked := make(map[string]bool, len(codes))
	var missing []any
	for _, c := range codes {
		if asked[c] {
			continue
		}
		asked[c] = true
		if r, ok := s.cachedRegion(c); ok {
			found[c] = r
		} else {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return found, nil
	}
	q := selectRegion + ` WHERE code IN (` + db.Marks(len(missing)) + `)`
	list, err := s.query(ctx, q, missing...)
	if err != nil {
		return nil, fmt.Errorf("region: get many: %w", err)
	}
	for _, r := range list {
		found[r.Code] = r
		s.remember(r)
	}
	return found, nil
}

// CountByLevel counts the regions of each level, for the about-data page.
// Counting sorts all 90,000 rows, so the counts are kept once read: only
// a migration, before the server starts, changes them.
func (s *Store) CountByLevel(ctx context.Context) (map[string]int, error) {
	s.mu.Lock()
	kept := s.levels
	s.mu.Unlock()
	if kept == nil {
		counts, err := s.countByLevel(ctx)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.levels, kept = counts, counts
		s.mu.Unlock()
	}
	out := make(map[string]int, len(kept))
	for level, n := range kept {
		out[level] = n
	}
	return out, nil
}

func (s *Store) countByLevel(ctx context.Context) (map[string]int, error) {
	rows, err := s.DB.Query(ctx, `SELECT level, COUNT(*) FROM regions GROUP BY level`)
	if err != nil {
		return nil, fmt.Errorf("region: count: %w", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var level string
		var n int
		if err := rows.Scan(&level, &n); err != nil {
			return nil, fmt.Errorf("region: count: %w", err)
		}
		counts[level] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("region: count: %w", err)
	}
	return counts, nil
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]Region, error) {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Region
	for rows.Next() {
		r, err := scanRegion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *Store) cachedRegion(code string) (Region, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.regions[code]
	return r, ok
}

func (s *Store) remember(r Region) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.regions == nil || len(s.regions) >= maxCachedRegions {
		s.regions = make(map[string]Region)
	}
	s.regions[r.Code] = r
}

func (s *Store) cachedChildren(parent string) ([]Region, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	list, ok := s.children[parent]
	return list, ok
}

// rememberChildren caches a parent's list and its members. The capacity is
// capped so that a caller's append copies instead of writing into the
// shared array.
func (s *Store) rememberChildren(parent string, list []Region) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.children == nil || len(s.children) >= maxCachedChildren {
		s.children = make(map[string][]Region)
	}
	s.children[parent] = list[:len(list):len(list)]
	if s.regions == nil || len(s.regions)+len(list) >= maxCachedRegions {
		s.regions = make(map[string]Region)
	}
	for _, r := range list {
		s.regions[r.Code] = r
	}
}
