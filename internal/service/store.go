package service

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Store keeps service points and records.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const pointColumns = `id, org_id, initiative_id, code, name, address, region_code, latitude, longitude, hours, created_at, updated_at`

func scanPoint(sc interface{ Scan(...any) error }) (*Point, error) {
	p := &Point{}
	var lat, lng sql.NullFloat64
	if err := sc.Scan(&p.ID, &p.OrgID, &p.InitiativeID, &p.Code, &p.Name, &p.Address, &p.RegionCode,
		&lat, &lng, &p.Hours, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return nil, err
	}
	if lat.Valid && lng.Valid {
		p.Latitude, p.Longitude = &lat.Float64, &lng.Float64
	}
	return p, nil
}

// codeAlphabet leaves out letters and digits read alike (0/O, 1/I/L) so a
// code copied from a poster by hand is still right.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// CodeLength is the length of a point's public code.
const CodeLength = 6

// freeCode draws codes until one is not taken (almost always the first:
// there are 31^6 of them).
func freeCode(ctx context.Context, q db.Querier) (string, error) {
	for {
		code := newCode()
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM service_points WHERE code = ?`, code).Scan(&n); err != nil {
			return "", fmt.Errorf("service: code: %w", err)
		}
		if n == 0 {
			return code, nil
		}
	}
}

func newCode() string {
	b := make([]byte, CodeLength)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// checkRegion adds a field error when the region does not exist.
func checkRegion(ctx context.Context, q db.Querier, code string, e validate.Errors) error {
	if code == "" {
		return nil
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, code).Scan(&n); err != nil {
		return fmt.Errorf("service: region: %w", err)
	}
	if n == 0 {
		e.Add("region", "region.required")
	}
	return nil
}

// CreatePoint adds a service point to an initiative of the organisation.
// Bad input is a validate.Errors.
func (s *Store) CreatePoint(ctx context.Context, actor Actor, orgID, initiativeID int64, in PointInput) (*Point, error) {
	e := in.Check()
	if err := checkRegion(ctx, s.DB, in.RegionCode, e); err != nil {
		return nil, err
	}
	if len(e) > 0 {
		return nil, e
	}
	now := s.now()
	var p *Point
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		code, err := freeCode(ctx, tx)
		if err != nil {
			return err
		}
		var id int64
		err = tx.QueryRow(ctx, `INSERT INTO service_points (org_id, initiative_id, code, name, address, region_code,
			latitude, longitude, hours, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			orgID, initiativeID, code, in.Name, in.Address, in.RegionCode, in.lat, in.lng, in.Hours, now, now).Scan(&id)
		if db.IsUniqueViolation(err) {
			return validate.Errors{"name": "service.err.name_taken"}
		}
		if err != nil {
			return fmt.Errorf("service: create point: %w", err)
		}
		p = &Point{ID: id, OrgID: orgID, InitiativeID: initiativeID, Code: code, Name: in.Name, Address: in.Address,
			RegionCode: in.RegionCode, Latitude: in.lat, Longitude: in.lng, Hours: in.Hours, CreatedAt: now, UpdatedAt: now}
		return recordPoint(ctx, tx, actor, "service.point.create", p)
	})
	return p, err
}

// UpdatePoint changes a point's details; its code stays.
func (s *Store) UpdatePoint(ctx context.Context, actor Actor, p *Point, in PointInput) error {
	e := in.Check()
	if err := checkRegion(ctx, s.DB, in.RegionCode, e); err != nil {
		return err
	}
	if len(e) > 0 {
		return e
	}
	now := s.now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE service_points SET name = ?, address = ?, region_code = ?, latitude = ?,
			longitude = ?, hours = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.Address, in.RegionCode, in.lat, in.lng, in.Hours, now, p.ID)
		if db.IsUniqueViolation(err) {
			return validate.Errors{"name": "service.err.name_taken"}
		}
		if err != nil {
			return fmt.Errorf("service: update point: %w", err)
		}
		p.Name, p.Address, p.RegionCode, p.Latitude, p.Longitude, p.Hours, p.UpdatedAt =
			in.Name, in.Address, in.RegionCode, in.lat, in.lng, in.Hours, now
		return recordPoint(ctx, tx, actor, "service.point.update", p)
	})
}

func recordPoint(ctx context.Context, q db.Querier, a Actor, action string, p *Point) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "service_point", TargetID: strconv.FormatInt(p.ID, 10), Detail: p.Code + " " + p.Name})
}

// Points lists an initiative's service points by name.
func (s *Store) Points(ctx context.Context, initiativeID int64) ([]*Point, error) {
	return s.points(ctx, s.DB, `SELECT `+pointColumns+` FROM service_points WHERE initiative_id = ? ORDER BY name, id`, initiativeID)
}

func (s *Store) points(ctx context.Context, q db.Querier, query string, args ...any) ([]*Point, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("service: points: %w", err)
	}
	defer rows.Close()
	var out []*Point
	for rows.Next() {
		p, err := scanPoint(rows)
		if err != nil {
			return nil, fmt.Errorf("service: points: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PointByCode finds a point by its public code (upper case).
func (s *Store) PointByCode(ctx context.Context, code string) (*Point, error) {
	p, err := scanPoint(s.DB.QueryRow(ctx, `SELECT `+pointColumns+` FROM service_points WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("service: point: %w", err)
	}
	return p, nil
}

// PointCounts is how many service points each initiative of the
// organisation has, by initiative id.
func (s *Store) PointCounts(ctx context.Context, orgID int64) (map[int64]int, error) {
	rows, err := s.DB.Query(ctx, `SELECT initiative_id, COUNT(*) FROM service_points WHERE org_id = ? GROUP BY initiative_id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("service: point counts: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
