// Package hub keeps the simpul jaringan (hubs): regional networks whose
// coordinators accompany and verify the OMS of their regions. A hub covers
// regions at any level; covering "63" covers every organisation whose
// region code is 63 or starts with "63.".
package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// Hub is a simpul with its regions and coordinators.
type Hub struct {
	ID           int64
	Slug         string
	Name         string
	Description  string
	CreatedAt    time.Time
	Regions      []Region
	Coordinators []Person
	// VerifiedCount is the number of verified OMS in the hub's regions.
	VerifiedCount int
}

// Region is a covered region with its official name.
type Region struct {
	Code, Name, Level string
}

// Person is a coordinator as shown on pages.
type Person struct {
	ID          int64
	Name, Email string
}

// Actor is whoever performs a change, for the audit log.
type Actor struct {
	ID      int64
	Name    string
	IsAdmin bool
}

// Store reads and writes hubs.
type Store struct {
	DB *db.DB
	// OnDecide, when set, runs in the transaction of every recorded
	// decision (a coordinator's or a platform admin's), e.g. to tell the
	// organisation; its error undoes the decision.
	OnDecide func(ctx context.Context, q db.Querier, d Decided) error
}

// coverSQL is true when organisation alias o lies in hub region alias hr.
const coverSQL = `(o.region_code = hr.region_code OR o.region_code LIKE (hr.region_code || '.%'))`

// Create adds a hub after validating in; invalid input comes back as *InputError.
func (s *Store) Create(ctx context.Context, actor Actor, in Input) (*Hub, error) {
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := resolve(ctx, tx, &in, 0)
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `INSERT INTO hubs (slug, name, description, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			in.Slug, in.Name, in.Description, db.Now()).Scan(&id)
		if db.IsUniqueViolation(err) {
			return slugTaken()
		}
		if err != nil {
			return fmt.Errorf("hub: create: %w", err)
		}
		if err := writeLinks(ctx, tx, id, in.Regions, res); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "hub.created",
			TargetType: "hub", TargetID: fmt.Sprint(id), Detail: in.summary()})
	})
	if err != nil {
		return nil, err
	}
	return s.byID(ctx, id)
}

// Update replaces the hub's profile, regions and coordinators.
func (s *Store) Update(ctx context.Context, actor Actor, id int64, in Input) (*Hub, error) {
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := resolve(ctx, tx, &in, id)
		if err != nil {
			return err
		}
		r, err := tx.Exec(ctx, `UPDATE hubs SET slug = ?, name = ?, description = ? WHERE id = ?`,
			in.Slug, in.Name, in.Description, id)
		if db.IsUniqueViolation(err) {
			return slugTaken()
		}
		if err != nil {
			return fmt.Errorf("hub: update: %w", err)
		}
		if n, err := r.RowsAffected(); err != nil || n == 0 {
			return db.ErrNotFound
		}
		for _, q := range []string{`DELETE FROM hub_regions WHERE hub_id = ?`, `DELETE FROM hub_coordinators WHERE hub_id = ?`} {
			if _, err := tx.Exec(ctx, q, id); err != nil {
				return fmt.Errorf("hub: update: %w", err)
			}
		}
		if err := writeLinks(ctx, tx, id, in.Regions, res); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "hub.updated",
			TargetType: "hub", TargetID: fmt.Sprint(id), Detail: in.summary()})
	})
	if err != nil {
		return nil, err
	}
	return s.byID(ctx, id)
}

func writeLinks(ctx context.Context, tx *db.Tx, id int64, regions []string, coordinators []int64) error {
	for _, code := range regions {
		if _, err := tx.Exec(ctx, `INSERT INTO hub_regions (hub_id, region_code) VALUES (?, ?)`, id, code); err != nil {
			return fmt.Errorf("hub: region %s: %w", code, err)
		}
	}
	for _, uid := range coordinators {
		if _, err := tx.Exec(ctx, `INSERT INTO hub_coordinators (hub_id, user_id) VALUES (?, ?)`, id, uid); err != nil {
			return fmt.Errorf("hub: coordinator %d: %w", uid, err)
		}
	}
	return nil
}

// BySlug returns the hub with its regions, coordinators and verified count.
func (s *Store) BySlug(ctx context.Context, slug string) (*Hub, error) {
	return s.one(ctx, `slug = ?`, slug)
}

func (s *Store) byID(ctx context.Context, id int64) (*Hub, error) {
	return s.one(ctx, `id = ?`, id)
}

func (s *Store) one(ctx context.Context, cond string, arg any) (*Hub, error) {
	var h Hub
	err := s.DB.QueryRow(ctx, `SELECT id, slug, name, description, created_at FROM hubs WHERE `+cond, arg).
		Scan(&h.ID, &h.Slug, &h.Name, &h.Description, &h.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("hub: get: %w", err)
	}
	h.CreatedAt = h.CreatedAt.UTC()
	hubs := []*Hub{&h}
	if err := s.fill(ctx, hubs); err != nil {
		return nil, err
	}
	return &h, nil
}

// List returns every hub by name, with regions, coordinators and counts.
func (s *Store) List(ctx context.Context) ([]*Hub, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, slug, name, description, created_at FROM hubs ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("hub: list: %w", err)
	}
	hubs, err := scanHubs(rows)
	if err != nil {
		return nil, err
	}
	return hubs, s.fill(ctx, hubs)
}

func scanHubs(rows *sql.Rows) ([]*Hub, error) {
	defer rows.Close()
	var hubs []*Hub
	for rows.Next() {
		var h Hub
		if err := rows.Scan(&h.ID, &h.Slug, &h.Name, &h.Description, &h.CreatedAt); err != nil {
			return nil, fmt.Errorf("hub: scan: %w", err)
		}
		h.CreatedAt = h.CreatedAt.UTC()
		hubs = append(hubs, &h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hub: scan: %w", err)
	}
	return hubs, nil
}

// fill loads regions, coordinators and verified counts for hubs with three
// queries in all, however many hubs there are.
func (s *Store) fill(ctx context.Context, hubs []*Hub) error {
	if len(hubs) == 0 {
		return nil
	}
	byID := map[int64]*Hub{}
	for _, h := range hubs {
		byID[h.ID] = h
	}
	each := func(query string, fn func(rows *sql.Rows) error) error {
		rows, err := s.DB.Query(ctx, query)
		if err != nil {
			return fmt.Errorf("hub: load: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return fmt.Errorf("hub: load: %w", err)
			}
		}
		return rows.Err()
	}
	err := each(`SELECT hr.hub_id, r.code, r.name, r.level FROM hub_regions hr JOIN regions r ON r.code = hr.region_code
		ORDER BY hr.hub_id, r.code`, func(rows *sql.Rows) error {
		var id int64
		var r Region
		if err := rows.Scan(&id, &r.Code, &r.Name, &r.Level); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			h.Regions = append(h.Regions, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = each(`SELECT hc.hub_id, u.id, u.name, u.email FROM hub_coordinators hc JOIN users u ON u.id = hc.user_id
		ORDER BY hc.hub_id, u.name, u.id`, func(rows *sql.Rows) error {
		var id int64
		var p Person
		if err := rows.Scan(&id, &p.ID, &p.Name, &p.Email); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			h.Coordinators = append(h.Coordinators, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return each(`SELECT hr.hub_id, COUNT(DISTINCT o.id) FROM hub_regions hr JOIN organizations o ON `+coverSQL+`
		WHERE o.status = 'verified' GROUP BY hr.hub_id`, func(rows *sql.Rows) error {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		if h := byID[id]; h != nil {
			h.VerifiedCount = n
		}
		return nil
	})
}

// RegionCodes lists the codes the hub covers.
func (h *Hub) RegionCodes() []string {
	out := make([]string, len(h.Regions))
	for i, r := range h.Regions {
		out[i] = r.Code
	}
	return out
}

// CoordinatorEmails lists the coordinators' e-mail addresses.
func (h *Hub) CoordinatorEmails() []string {
	out := make([]string, len(h.Coordinators))
	for i, p := range h.Coordinators {
		out[i] = p.Email
	}
	return out
}
