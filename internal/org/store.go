package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Store reads and writes organisations, their members and invitations.
type Store struct{ DB *db.DB }

const orgColumns = `id, slug, name, kind, legal_form, akta_number, sk_ahu, npwp, address, region_code,
	focus_issues, vision, mission, founded_year, email, phone, website, logo_key, status,
	status_reason, verified_at, created_at, updated_at`

func scanOrg(row interface{ Scan(...any) error }) (*Organization, error) {
	var o Organization
	var issues string
	var verified sql.NullTime
	if err := row.Scan(&o.ID, &o.Slug, &o.Name, &o.Kind, &o.LegalForm, &o.AktaNumber, &o.SKAHU, &o.NPWP,
		&o.Address, &o.RegionCode, &issues, &o.Vision, &o.Mission, &o.FoundedYear, &o.Email,
		&o.Phone, &o.Website, &o.LogoKey, &o.Status, &o.StatusReason, &verified,
		&o.CreatedAt, &o.UpdatedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, fmt.Errorf("org: scan: %w", err)
	}
	o.FocusIssues = splitIssues(issues)
	if verified.Valid {
		t := verified.Time.UTC()
		o.VerifiedAt = &t
	}
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

// ByID returns the organisation with id.
func (s *Store) ByID(ctx context.Context, id int64) (*Organization, error) {
	return scanOrg(s.DB.QueryRow(ctx, `SELECT `+orgColumns+` FROM organizations WHERE id = ?`, id))
}

// BySlug returns the organisation whose URL name is slug.
func (s *Store) BySlug(ctx context.Context, slug string) (*Organization, error) {
	return scanOrg(s.DB.QueryRow(ctx, `SELECT `+orgColumns+` FROM organizations WHERE slug = ?`, slug))
}

// Validate checks an Input completely, the region and the slug included,
// and returns the cleaned profile; selfID is the organisation being edited
// (0 when creating) so that it does not clash with its own slug.
func (s *Store) Validate(ctx context.Context, in Input, selfID int64) (Organization, validate.Errors, error) {
	o, e := in.check(db.Now())
	if in.RegionCode != "" {
		var level string
		err := s.DB.QueryRow(ctx, `SELECT level FROM regions WHERE code = ?`, in.RegionCode).Scan(&level)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			e.Add("region", "org.err.region")
		case err != nil:
			return o, e, fmt.Errorf("org: region: %w", err)
		case o.IsOMS() && level != "desa" && level != "kelurahan":
			// An OMS is found where it works; an office or a parliament
			// sits at the level it serves.
			e.Add("region", "org.err.region_level")
		}
	}
	if o.Slug != "" && e["slug"] == "" {
		var id int64
		err := s.DB.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, o.Slug).Scan(&id)
		if err == nil && id != selfID {
			e.Add("slug", "org.err.slug_taken")
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return o, e, fmt.Errorf("org: slug: %w", err)
		}
	}
	return o, e, nil
}

// Create registers an organisation with creatorID as its owner. Invalid
// input comes back as validate.Errors. Without a chosen slug one is made
// from the name, with -2, -3 … appended while it is taken.
func (s *Store) Create(ctx context.Context, creatorID int64, in Input) (*Organization, error) {
	o, e, err := s.Validate(ctx, in, 0)
	if err != nil {
		return nil, err
	}
	if err := e.Err(); err != nil {
		return nil, err
	}
	chosen := o.Slug != ""
	base := o.Slug
	if !chosen {
		base = Slugify(o.Name)
	}
	for attempt := 0; attempt < 5; attempt++ {
		if !chosen {
			if o.Slug, err = db.FreeSlug(ctx, s.DB, "organizations", base); err != nil {
				return nil, err
			}
		}
		err = s.DB.InTx(ctx, func(tx *db.Tx) error { return insertOrg(ctx, tx, &o, creatorID) })
		if !db.IsUniqueViolation(err) {
			break
		}
		if chosen {
			return nil, validate.Errors{"slug": "org.err.slug_taken"}
		}
		// Someone took the same slug between the look-up and the insert: try the next one.
	}
	if err != nil {
		return nil, fmt.Errorf("org: create: %w", err)
	}
	return &o, nil
}

func insertOrg(ctx context.Context, tx *db.Tx, o *Organization, creatorID int64) error {
	now := db.Now()
	o.Status, o.CreatedAt, o.UpdatedAt = StatusPending, now, now
	if o.Kind == "" {
		o.Kind = KindOMS
	}
	err := tx.QueryRow(ctx, `INSERT INTO organizations (slug, name, kind, legal_form, akta_number, sk_ahu,
		npwp, address, region_code, focus_issues, vision, mission, founded_year, email, phone,
		website, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		o.Slug, o.Name, o.Kind, o.LegalForm, o.AktaNumber, o.SKAHU, o.NPWP, o.Address, o.RegionCode,
		joinIssues(o.FocusIssues), o.Vision, o.Mission, o.FoundedYear, o.Email, o.Phone,
		o.Website, o.Status, now, now).Scan(&o.ID)
	if err != nil {
		return err
	}
	return addMember(ctx, tx, o.ID, creatorID, RoleOwner)
}

// Update saves an edited profile. An organisation that was asked for
// changes goes back to pending, so its hub coordinator reviews it again.
// The kind stays what it was registered as: what an organisation may do
// (campaigns, the cycle) hangs on it.
func (s *Store) Update(ctx context.Context, id int64, in Input) (*Organization, error) {
	cur, err := s.ByID(ctx, id)
	if err != nil {
		return nil, err
	}
	in.Kind = string(cur.Kind)
	o, e, err := s.Validate(ctx, in, id)
	if err != nil {
		return nil, err
	}
	if err := e.Err(); err != nil {
		return nil, err
	}
	if o.Slug == "" {
		o.Slug = cur.Slug
	}
	res, err := s.DB.Exec(ctx, `UPDATE organizations SET slug = ?, name = ?, legal_form = ?,
		akta_number = ?, sk_ahu = ?, npwp = ?, address = ?, region_code = ?, focus_issues = ?,
		vision = ?, mission = ?, founded_year = ?, email = ?, phone = ?, website = ?,
		status = CASE WHEN status = ? THEN ? ELSE status END, updated_at = ?
		WHERE id = ?`,
		o.Slug, o.Name, o.LegalForm, o.AktaNumber, o.SKAHU, o.NPWP, o.Address, o.RegionCode,
		joinIssues(o.FocusIssues), o.Vision, o.Mission, o.FoundedYear, o.Email, o.Phone,
		o.Website, StatusNeedsChanges, StatusPending, db.Now(), id)
	if db.IsUniqueViolation(err) {
		return nil, validate.Errors{"slug": "org.err.slug_taken"}
	}
	if err != nil {
		return nil, fmt.Errorf("org: update: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return nil, db.ErrNotFound
	}
	return s.ByID(ctx, id)
}

// SetLogo records the blob key of the organisation's logo ("" for none).
// Like any profile change it sends a needs_changes organisation back to review.
func (s *Store) SetLogo(ctx context.Context, id int64, key string) error {
	res, err := s.DB.Exec(ctx, `UPDATE organizations SET logo_key = ?,
		status = CASE WHEN status = ? THEN ? ELSE status END, updated_at = ? WHERE id = ?`,
		key, StatusNeedsChanges, StatusPending, db.Now(), id)
	if err != nil {
		return fmt.Errorf("org: set logo: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// ByIDs returns the organisations of ids, by id, in one query; an id
// without an organisation is absent.
func (s *Store) ByIDs(ctx context.Context, ids []int64) (map[int64]*Organization, error) {
	out := make(map[int64]*Organization, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.DB.Query(ctx, `SELECT `+orgColumns+` FROM organizations WHERE id IN (`+
		db.Marks(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("org: by ids: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out[o.ID] = o
	}
	return out, rows.Err()
}
