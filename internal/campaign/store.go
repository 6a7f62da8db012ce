package campaign

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// Store keeps campaigns, their needs, updates and visits.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil. Tests move it past deadlines.
	Now func() time.Time
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return db.Now()
}

const columns = `id, initiative_id, org_id, slug, title, story, cover_key, starts_at, ends_at, status, scheme,
	pub_permit_number, pub_permit_issuer, pub_permit_from, pub_permit_until, created_by, created_at, updated_at, published_at,
	fund`

func scan(sc interface{ Scan(...any) error }, now time.Time) (*Campaign, error) {
	c := &Campaign{}
	var starts, ends, from, until, published sql.NullTime
	if err := sc.Scan(&c.ID, &c.InitiativeID, &c.OrgID, &c.Slug, &c.Title, &c.Story, &c.CoverKey, &starts, &ends,
		&c.Status, &c.Scheme, &c.Permit.Number, &c.Permit.Issuer, &from, &until, &c.CreatedBy, &c.CreatedAt,
		&c.UpdatedAt, &published, &c.Fund); err != nil {
		return nil, err
	}
	c.StartsAt, c.EndsAt, c.PublishedAt = timePtr(starts), timePtr(ends), timePtr(published)
	c.Permit.From, c.Permit.Until = timePtr(from), timePtr(until)
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	c.Status = effective(c.Status, c.EndsAt, now)
	return c, nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

// Create stores a new draft campaign for a published initiative of the
// organisation; another organisation's or a draft initiative is reported
// as a validate.Errors on "initiative".
func (s *Store) Create(ctx context.Context, actor Actor, orgID, initiativeID int64, in Input) (*Campaign, error) {
	var out *Campaign
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var status string
		err := tx.QueryRow(ctx, `SELECT status FROM initiatives WHERE id = ? AND org_id = ?`, initiativeID, orgID).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && status != "published") {
			return validate.Errors{"initiative": "campaign.err.initiative"}
		}
		if err != nil {
			return fmt.Errorf("campaign: create: %w", err)
		}
		base := org.Slugify(in.Title)
		if base == "" {
			base = "kampanye"
		}
		slug, err := db.FreeSlug(ctx, tx, "campaigns", base)
		if err != nil {
			return err
		}
		now := s.now()
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, story, starts_at, ends_at,
			scheme, pub_permit_number, pub_permit_issuer, pub_permit_from, pub_permit_until, created_by, created_at, updated_at,
			fund) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, initiativeID, orgID, slug, in.Title,
			in.Story, in.StartsAt, in.EndsAt, in.Scheme, in.Permit.Number, in.Permit.Issuer, in.Permit.From, in.Permit.Until,
			actorID(actor), now, now, in.fund()).Scan(&id); err != nil {
			return fmt.Errorf("campaign: create: %w", err)
		}
		if err := record(ctx, tx, actor, "campaign.create", id, slug); err != nil {
			return err
		}
		out, err = s.get(ctx, tx, `id = ?`, id)
		return err
	})
	return out, err
}

// Update changes a draft or active campaign; the slug stays. An active
// campaign must stay publishable.
func (s *Store) Update(ctx context.Context, actor Actor, id int64, in Input) (*Campaign, error) {
	var out *Campaign
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := s.get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if !cur.Editable() {
			return validate.Errors{"status": "campaign.err.closed"}
		}
		if err := fundChange(ctx, tx, cur, in.fund()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET title = ?, story = ?, starts_at = ?, ends_at = ?, scheme = ?,
			pub_permit_number = ?, pub_permit_issuer = ?, pub_permit_from = ?, pub_permit_until = ?, updated_at = ?,
			fund = ? WHERE id = ?`, in.Title, in.Story, in.StartsAt, in.EndsAt, in.Scheme, in.Permit.Number, in.Permit.Issuer,
			in.Permit.From, in.Permit.Until, s.now(), in.fund(), id); err != nil {
			return fmt.Errorf("campaign: update: %w", err)
		}
		if err := record(ctx, tx, actor, "campaign.update", id, cur.Slug); err != nil {
			return err
		}
		if out, err = s.get(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		if out.Status == StatusActive {
			if errs := out.PublishErrors(s.now()); len(errs) > 0 {
				return errs
			}
		}
		return nil
	})
	return out, err
}

// SetCover records the blob key of the cover photo ("" removes it); the
// phone-sized copy is gone with it until SetSmallCover names a new one.
func (s *Store) SetCover(ctx context.Context, id int64, key string) error {
	if _, err := s.DB.Exec(ctx, `UPDATE campaigns SET cover_key = ?, cover_small_key = '', updated_at = ? WHERE id = ?`,
		key, s.now(), id); err != nil {
		return fmt.Errorf("campaign: set cover: %w", err)
	}
	return nil
}

// SetSmallCover records the blob key of the cover's phone-sized copy.
func (s *Store) SetSmallCover(ctx context.Context, id int64, key string) error {
	if _, err := s.DB.Exec(ctx, `UPDATE campaigns SET cover_small_key = ? WHERE id = ?`, key, id); err != nil {
		return fmt.Errorf("campaign: set small cover: %w", err)
	}
	return nil
}

// SmallCover is the blob key of the campaign's phone-sized cover, "" when
// there is none.
func (s *Store) SmallCover(ctx context.Context, id int64) (string, error) {
	var key string
	if err := s.DB.QueryRow(ctx, `SELECT cover_small_key FROM campaigns WHERE id = ?`, id).Scan(&key); err != nil {
		return "", fmt.Errorf("campaign: small cover: %w", err)
	}
	return key, nil
}

// Publish makes a draft active; validate.Errors lists what is missing.
func (s *Store) Publish(ctx context.Context, actor Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := s.get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if c.Status != StatusDraft {
			return validate.Errors{"status": "campaign.err.not_draft"}
		}
		now := s.now()
		if errs := c.PublishErrors(now); len(errs) > 0 {
			return errs
		}
		// The status condition makes a concurrent second publish a no-op.
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET status = 'active', published_at = ?, updated_at = ?
			WHERE id = ? AND status = 'draft'`, now, now, id); err != nil {
			return fmt.Errorf("campaign: publish: %w", err)
		}
		return record(ctx, tx, actor, "campaign.publish", id, c.Slug)
	})
}

// Cancel stops a draft or active campaign for good.
func (s *Store) Cancel(ctx context.Context, actor Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := s.get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if !c.Editable() {
			return validate.Errors{"status": "campaign.err.closed"}
		}
		if _, err := tx.Exec(ctx, `UPDATE campaigns SET status = 'cancelled', updated_at = ? WHERE id = ?`, s.now(), id); err != nil {
			return fmt.Errorf("campaign: cancel: %w", err)
		}
		return record(ctx, tx, actor, "campaign.cancel", id, c.Slug)
	})
}

// endDueBatch is how many campaigns one EndDue transaction ends: short
// transactions keep SQLite's single writer free for donations between
// them, however many deadlines passed while the job was not running.
var endDueBatch = 500

// EndDue stores "ended" on active campaigns whose deadline has passed and
// returns how many it changed. Reads already report them as ended; this
// keeps the stored status and the status index honest.
func (s *Store) EndDue(ctx context.Context) (int64, error) {
	now := s.now()
	var total int64
	for {
		var n int64
		err := s.DB.InTx(ctx, func(tx *db.Tx) error {
			res, err := tx.Exec(ctx, `UPDATE campaigns SET status = 'ended', updated_at = ?
				WHERE id IN (SELECT id FROM campaigns WHERE status = 'active' AND ends_at IS NOT NULL AND ends_at <= ?
					ORDER BY ends_at LIMIT ?)`, now, now, endDueBatch)
			if err != nil {
				return err
			}
			n, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return total, fmt.Errorf("campaign: end due: %w", err)
		}
		total += n
		if n < int64(endDueBatch) {
			return total, nil
		}
	}
}

// BySlug returns a campaign with its needs; db.ErrNotFound when none.
func (s *Store) BySlug(ctx context.Context, slug string) (*Campaign, error) {
	return s.get(ctx, s.DB, `slug = ?`, slug)
}

// ByID returns a campaign with its needs.
func (s *Store) ByID(ctx context.Context, id int64) (*Campaign, error) {
	return s.get(ctx, s.DB, `id = ?`, id)
}

func (s *Store) get(ctx context.Context, q db.Querier, where string, arg any) (*Campaign, error) {
	c, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM campaigns WHERE `+where, arg), s.now())
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("campaign: get: %w", err)
	}
	if c.Needs, err = needs(ctx, q, c.ID); err != nil {
		return nil, err
	}
	return c, nil
}

func actorID(a Actor) any {
	if a.ID == 0 {
		return nil
	}
	return a.ID
}

func record(ctx context.Context, q db.Querier, a Actor, action string, id int64, slug string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "campaign", TargetID: strconv.FormatInt(id, 10), Detail: slug})
}
