package initiative

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// Store keeps initiatives.
type Store struct {
	DB *db.DB
}

// Actor is who changes an initiative, for the audit log.
type Actor struct {
	ID   int64
	Name string
}

const columns = `id, org_id, cycle_id, slug, name, logo_key, tagline, problem, vision_link, framework, advantages,
	stakeholder_scheme, communication_sheet, expected_results, cost_recovery, category, status, published_at,
	parent_id, created_at, updated_at`

func scan(sc interface{ Scan(...any) error }) (*Initiative, error) {
	i := &Initiative{}
	var cycle, parent sql.NullInt64
	var published sql.NullTime
	if err := sc.Scan(&i.ID, &i.OrgID, &cycle, &i.Slug, &i.Name, &i.LogoKey, &i.Tagline, &i.Problem, &i.VisionLink,
		&i.Framework, &i.Advantages, &i.StakeholderScheme, &i.CommunicationSheet, &i.ExpectedResults,
		&i.CostRecovery, &i.Category, &i.Status, &published, &parent, &i.CreatedAt, &i.UpdatedAt); err != nil {
		return nil, err
	}
	if cycle.Valid {
		i.CycleID = &cycle.Int64
	}
	if parent.Valid {
		i.ParentID = &parent.Int64
	}
	if published.Valid {
		t := published.Time.UTC()
		i.PublishedAt = &t
	}
	return i, nil
}

// Create stores a new draft initiative of an organisation, made in a cycle.
// Invalid input, unknown regions and assets of another organisation are
// reported as validate.Errors.
func (s *Store) Create(ctx context.Context, actor Actor, orgID, cycleID int64, in Input) (*Initiative, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	var out *Initiative
	err := s.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		out, err = CreateIn(ctx, tx, actor, orgID, cycleID, in)
		return err
	})
	return out, err
}

// CreateIn is Create within the caller's transaction, for a write that
// opens an initiative together with its own rows (a reflection's "new
// initiative" finding, say).
func CreateIn(ctx context.Context, tx *db.Tx, actor Actor, orgID, cycleID int64, in Input) (*Initiative, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	if err := checkLinks(ctx, tx, orgID, in); err != nil {
		return nil, err
	}
	slug, err := db.FreeSlug(ctx, tx, "initiatives", org.Slugify(in.Name))
	if err != nil {
		return nil, err
	}
	now := db.Now()
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO initiatives (org_id, cycle_id, slug, name, tagline, problem, vision_link,
		framework, advantages, stakeholder_scheme, communication_sheet, expected_results, cost_recovery, category,
		status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id`,
		orgID, cycleID, slug, in.Name, in.Tagline, in.Text["problem"], in.Text["vision_link"], in.Text["framework"],
		in.Text["advantages"], in.Text["stakeholder_scheme"], in.Text["communication_sheet"],
		in.Text["expected_results"], in.Text["cost_recovery"], in.Category, now, now).Scan(&id); err != nil {
		return nil, fmt.Errorf("initiative: create: %w", err)
	}
	if err := setLinks(ctx, tx, id, in); err != nil {
		return nil, err
	}
	if err := record(ctx, tx, actor, "initiative.create", id, slug); err != nil {
		return nil, err
	}
	return get(ctx, tx, `id = ?`, id)
}

// Update changes an initiative's fields, regions and assets; the slug
// stays, so links to it keep working.
func (s *Store) Update(ctx context.Context, actor Actor, id int64, in Input) (*Initiative, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	var out *Initiative
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if err := checkLinks(ctx, tx, cur.OrgID, in); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE initiatives SET name = ?, tagline = ?, problem = ?, vision_link = ?, framework = ?,
			advantages = ?, stakeholder_scheme = ?, communication_sheet = ?, expected_results = ?, cost_recovery = ?,
			category = ?, updated_at = ? WHERE id = ?`, in.Name, in.Tagline, in.Text["problem"], in.Text["vision_link"],
			in.Text["framework"], in.Text["advantages"], in.Text["stakeholder_scheme"], in.Text["communication_sheet"],
			in.Text["expected_results"], in.Text["cost_recovery"], in.Category, db.Now(), id); err != nil {
			return fmt.Errorf("initiative: update: %w", err)
		}
		for _, q := range []string{`DELETE FROM initiative_regions WHERE initiative_id = ?`, `DELETE FROM initiative_assets WHERE initiative_id = ?`} {
			if _, err := tx.Exec(ctx, q, id); err != nil {
				return fmt.Errorf("initiative: update: %w", err)
			}
		}
		if err := setLinks(ctx, tx, id, in); err != nil {
			return err
		}
		if err := record(ctx, tx, actor, "initiative.update", id, cur.Slug); err != nil {
			return err
		}
		out, err = get(ctx, tx, `id = ?`, id)
		if err == nil && out.Published() {
			// A published initiative stays publishable: removing its last
			// region or its problem is refused rather than half-published.
			if errs := out.PublishErrors(); len(errs) > 0 {
				return errs
			}
		}
		return err
	})
	return out, err
}

// SetLogo records the blob key of an initiative's logo ("" removes it).
func (s *Store) SetLogo(ctx context.Context, id int64, key string) error {
	_, err := s.DB.Exec(ctx, `UPDATE initiatives SET logo_key = ?, updated_at = ? WHERE id = ?`, key, db.Now(), id)
	if err != nil {
		return fmt.Errorf("initiative: set logo: %w", err)
	}
	return nil
}

// Publish makes a draft public; it returns validate.Errors listing what
// is missing when the initiative is not ready.
func (s *Store) Publish(ctx context.Context, actor Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		i, err := get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if errs := i.PublishErrors(); len(errs) > 0 {
			return errs
		}
		if i.Published() {
			return nil
		}
		now := db.Now()
		if _, err := tx.Exec(ctx, `UPDATE initiatives SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?`,
			now, now, id); err != nil {
			return fmt.Errorf("initiative: publish: %w", err)
		}
		return record(ctx, tx, actor, "initiative.publish", id, i.Slug)
	})
}

// Unpublish takes an initiative back to draft.
func (s *Store) Unpublish(ctx context.Context, actor Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		i, err := get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE initiatives SET status = 'draft', updated_at = ? WHERE id = ?`, db.Now(), id); err != nil {
			return fmt.Errorf("initiative: unpublish: %w", err)
		}
		return record(ctx, tx, actor, "initiative.unpublish", id, i.Slug)
	})
}

// BySlug returns an initiative with its regions and assets; db.ErrNotFound
// when there is none.
func (s *Store) BySlug(ctx context.Context, slug string) (*Initiative, error) {
	return get(ctx, s.DB, `slug = ?`, slug)
}

// ByID returns an initiative with its regions and assets.
func (s *Store) ByID(ctx context.Context, id int64) (*Initiative, error) {
	return get(ctx, s.DB, `id = ?`, id)
}

func get(ctx context.Context, q db.Querier, where string, arg any) (*Initiative, error) {
	i, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM initiatives WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("initiative: get: %w", err)
	}
	if err := loadLinks(ctx, q, []*Initiative{i}); err != nil {
		return nil, err
	}
	return i, nil
}

// checkLinks reports unknown regions and assets that are not the
// organisation's as validate.Errors.
func checkLinks(ctx context.Context, q db.Querier, orgID int64, in Input) error {
	e := validate.Errors{}
	for _, code := range in.Regions {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, code).Scan(&n); err != nil {
			return fmt.Errorf("initiative: check region: %w", err)
		}
		if n == 0 {
			e.Add("region_codes", "initiative.err.region_unknown")
		}
	}
	for _, id := range in.AssetIDs {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM cycle_assets a JOIN cycles c ON c.id = a.cycle_id
			WHERE a.id = ? AND c.org_id = ?`, id, orgID).Scan(&n); err != nil {
			return fmt.Errorf("initiative: check asset: %w", err)
		}
		if n == 0 {
			e.Add("assets", "initiative.err.asset")
		}
	}
	return e.Err()
}

func setLinks(ctx context.Context, q db.Querier, id int64, in Input) error {
	for _, code := range in.Regions {
		if _, err := q.Exec(ctx, `INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?)`, id, code); err != nil {
			return fmt.Errorf("initiative: region: %w", err)
		}
	}
	seen := map[int64]bool{}
	for _, a := range in.AssetIDs {
		if seen[a] {
			continue
		}
		seen[a] = true
		if _, err := q.Exec(ctx, `INSERT INTO initiative_assets (initiative_id, asset_id) VALUES (?, ?)`, id, a); err != nil {
			return fmt.Errorf("initiative: asset: %w", err)
		}
	}
	return nil
}

// loadLinks fills the regions and assets of the given initiatives.
func loadLinks(ctx context.Context, q db.Querier, list []*Initiative) error {
	if len(list) == 0 {
		return nil
	}
	byID := map[int64]*Initiative{}
	ids := make([]string, 0, len(list))
	for _, i := range list {
		byID[i.ID] = i
		ids = append(ids, strconv.FormatInt(i.ID, 10))
	}
	// The ids are integers formatted here, so joining them into the
	// query is safe and keeps it one round trip.
	in := strings.Join(ids, ",")
	rows, err := q.Query(ctx, `SELECT initiative_id, region_code FROM initiative_regions WHERE initiative_id IN (`+in+`) ORDER BY region_code`)
	if err != nil {
		return fmt.Errorf("initiative: regions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return fmt.Errorf("initiative: regions: %w", err)
		}
		byID[id].Regions = append(byID[id].Regions, code)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	arows, err := q.Query(ctx, `SELECT initiative_id, asset_id FROM initiative_assets WHERE initiative_id IN (`+in+`) ORDER BY asset_id`)
	if err != nil {
		return fmt.Errorf("initiative: assets: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id, asset int64
		if err := arows.Scan(&id, &asset); err != nil {
			return fmt.Errorf("initiative: assets: %w", err)
		}
		byID[id].AssetIDs = append(byID[id].AssetIDs, asset)
	}
	return arows.Err()
}

func record(ctx context.Context, q db.Querier, a Actor, action string, id int64, slug string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "initiative", TargetID: strconv.FormatInt(id, 10), Detail: slug})
}
