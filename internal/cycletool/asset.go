package cycletool

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Asset levels, holders and statuses of the stage 2 inventory; labels are
// "tools.level.<key>", "tools.holder.<key>" and "tools.status.<key>".
var (
	AssetLevels   = []string{"organisasi", "sistem_lokal"}
	AssetHolders  = []string{"pemda", "swasta", "komunitas", "penerima_manfaat", "media", "akademisi", "tokoh_masyarakat", "tokoh_agama", "lainnya"}
	AssetStatuses = []string{"melekat", "potensial", "terabaikan"}
)

// Asset is one asset or resource of the organisation or its local system.
type Asset struct {
	ID             int64
	CycleID        int64
	Name           string
	Description    string
	Level          string
	Holder         string // only for sistem_lokal
	Status         string
	Tangible       bool
	Financial      bool
	EstimatedValue *int64 // rupiah; nil when unknown
	CarriedFrom    int    // number of the cycle it was carried from; 0 when recorded in this cycle
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// AssetFromForm reads and checks an asset form; what the user typed stays
// in the form for re-rendering.
func AssetFromForm(form url.Values) (Asset, validate.Errors) {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	a := Asset{Name: g("name"), Description: g("description"), Level: g("level"), Holder: g("holder"),
		Status: g("status"), Tangible: form.Get("tangible") == "1", Financial: form.Get("financial") == "1"}
	e := validate.Errors{}
	switch n := utf8.RuneCountInString(a.Name); {
	case n == 0:
		e.Add("name", "tools.err.asset_name")
	case n > 200:
		e.Add("name", "tools.err.too_long")
	}
	if utf8.RuneCountInString(a.Description) > 5000 {
		e.Add("description", "tools.err.too_long")
	}
	if !inList(AssetLevels, a.Level) {
		e.Add("level", "tools.err.level")
	}
	if a.Level == "sistem_lokal" {
		if !inList(AssetHolders, a.Holder) {
			e.Add("holder", "tools.err.holder")
		}
	} else {
		a.Holder = ""
	}
	if !inList(AssetStatuses, a.Status) {
		e.Add("status", "tools.err.status")
	}
	if v := g("estimated_value"); v != "" {
		n, err := ParseRupiah(v)
		if err != nil {
			e.Add("estimated_value", AmountErrKey(err))
		} else {
			a.EstimatedValue = &n
		}
	}
	return a, e
}

// Form is the asset as form values, for the edit page.
func (a *Asset) Form() url.Values {
	f := url.Values{"name": {a.Name}, "description": {a.Description}, "level": {a.Level},
		"holder": {a.Holder}, "status": {a.Status}}
	if a.Tangible {
		f.Set("tangible", "1")
	}
	if a.Financial {
		f.Set("financial", "1")
	}
	if a.EstimatedValue != nil {
		f.Set("estimated_value", fmt.Sprint(*a.EstimatedValue))
	}
	return f
}

const assetColumns = `id, cycle_id, name, description, level, holder, status, tangible, financial, estimated_value,
	carried_from_cycle, created_at, updated_at`

func scanAsset(sc interface{ Scan(...any) error }) (Asset, error) {
	var a Asset
	var v, carried sql.NullInt64
	if err := sc.Scan(&a.ID, &a.CycleID, &a.Name, &a.Description, &a.Level, &a.Holder, &a.Status,
		&a.Tangible, &a.Financial, &v, &carried, &a.CreatedAt, &a.UpdatedAt); err != nil {
		return a, err
	}
	if v.Valid {
		a.EstimatedValue = &v.Int64
	}
	a.CarriedFrom = int(carried.Int64)
	return a, nil
}

func nullable(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

// AddAsset stores a new asset in a cycle and returns its id.
func (s *Store) AddAsset(ctx context.Context, cycleID int64, a Asset) (int64, error) {
	now := db.Now()
	var id int64
	err := s.DB.QueryRow(ctx, `INSERT INTO cycle_assets (cycle_id, name, description, level, holder, status,
		tangible, financial, estimated_value, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		cycleID, a.Name, a.Description, a.Level, a.Holder, a.Status, a.Tangible, a.Financial, nullable(a.EstimatedValue),
		now, now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("cycletool: add asset: %w", err)
	}
	return id, nil
}

// Asset returns an asset of a cycle; db.ErrNotFound when it is not there.
func (s *Store) Asset(ctx context.Context, cycleID, id int64) (*Asset, error) {
	a, err := scanAsset(s.DB.QueryRow(ctx, `SELECT `+assetColumns+` FROM cycle_assets WHERE id = ? AND cycle_id = ?`, id, cycleID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("cycletool: asset: %w", err)
	}
	return &a, nil
}

// Assets lists a cycle's assets by level, then name.
func (s *Store) Assets(ctx context.Context, cycleID int64) ([]Asset, error) {
	return assets(ctx, s.DB, cycleID)
}

func assets(ctx context.Context, q db.Querier, cycleID int64) ([]Asset, error) {
	rows, err := q.Query(ctx, `SELECT `+assetColumns+` FROM cycle_assets WHERE cycle_id = ? ORDER BY level, name, id`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("cycletool: assets: %w", err)
	}
	defer rows.Close()
	var out []Asset
	for rows.Next() {
		a, err := scanAsset(rows)
		if err != nil {
			return nil, fmt.Errorf("cycletool: assets: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UpdateAsset changes an asset of a cycle; db.ErrNotFound when it is not there.
func (s *Store) UpdateAsset(ctx context.Context, cycleID int64, a Asset) error {
	res, err := s.DB.Exec(ctx, `UPDATE cycle_assets SET name = ?, description = ?, level = ?, holder = ?, status = ?,
		tangible = ?, financial = ?, estimated_value = ?, updated_at = ? WHERE id = ? AND cycle_id = ?`,
		a.Name, a.Description, a.Level, a.Holder, a.Status, a.Tangible, a.Financial, nullable(a.EstimatedValue),
		db.Now(), a.ID, cycleID)
	return affected(res, err, "update asset")
}

// DeleteAsset removes an asset of a cycle; db.ErrNotFound when it is not there.
func (s *Store) DeleteAsset(ctx context.Context, cycleID, id int64) error {
	res, err := s.DB.Exec(ctx, `DELETE FROM cycle_assets WHERE id = ? AND cycle_id = ?`, id, cycleID)
	return affected(res, err, "delete asset")
}

func affected(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("cycletool: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("cycletool: %s: %w", what, err)
	}
	if n == 0 {
		return db.ErrNotFound
	}
	return nil
}
