package charter

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
)

// Store keeps the charters' versions.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// Today is the current day in zone, as a date at midnight UTC.
func (s *Store) Today(zone *time.Location) time.Time {
	t := s.now().In(zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

const columns = `id, point_id, org_id, version, service, requirements, procedure_text, time_to_serve, cost,
	complaint_channels, rights, obligations, signer_name, signer_role, signed_on, created_by, created_name, created_at`

func scan(sc interface{ Scan(...any) error }) (*Charter, error) {
	c := &Charter{}
	err := sc.Scan(&c.ID, &c.PointID, &c.OrgID, &c.Version, &c.Service, &c.Requirements, &c.Procedure,
		&c.TimeToServe, &c.Cost, &c.ComplaintChannels, &c.Rights, &c.Obligations, &c.SignerName, &c.SignerRole,
		&c.SignedOn, &c.CreatedByID, &c.CreatedBy, &c.CreatedAt)
	return c, err
}

// Save checks the input and stores it as the point's next version; zone
// is the organisation's, for the day signed. Bad input is a
// validate.Errors and writes nothing.
func (s *Store) Save(ctx context.Context, actor Actor, p *service.Point, zone *time.Location, in Input) (*Charter, error) {
	if e := in.Check(s.Today(zone)); len(e) > 0 {
		return nil, e
	}
	now := s.now()
	c := &Charter{PointID: p.ID, OrgID: p.OrgID, Service: in.Service, Requirements: in.Requirements,
		Procedure: in.Procedure, TimeToServe: in.TimeToServe, Cost: in.cost, ComplaintChannels: in.ComplaintChannels,
		Rights: in.Rights, Obligations: in.Obligations, SignerName: in.SignerName, SignerRole: in.SignerRole,
		SignedOn: in.SignedOn, CreatedByID: actor.ID, CreatedBy: actor.Name, CreatedAt: now}
	if c.SignerName == "" {
		c.SignerRole = ""
	}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM service_charters WHERE point_id = ?`,
			p.ID).Scan(&c.Version); err != nil {
			return fmt.Errorf("charter: next version: %w", err)
		}
		err := tx.QueryRow(ctx, `INSERT INTO service_charters (point_id, org_id, version, service, requirements,
			procedure_text, time_to_serve, cost, complaint_channels, rights, obligations, signer_name, signer_role,
			signed_on, created_by, created_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			RETURNING id`, c.PointID, c.OrgID, c.Version, c.Service, c.Requirements, c.Procedure, c.TimeToServe, c.Cost,
			c.ComplaintChannels, c.Rights, c.Obligations, c.SignerName, c.SignerRole, c.SignedOn, c.CreatedByID,
			c.CreatedBy, c.CreatedAt).Scan(&c.ID)
		if db.IsUniqueViolation(err) {
			// Someone saved the same point at the same moment.
			return validate.Errors{"service": "charter.err.concurrent"}
		}
		if err != nil {
			return fmt.Errorf("charter: save: %w", err)
		}
		detail := p.Code + " v" + strconv.Itoa(c.Version)
		if c.Signed() {
			detail += " " + c.SignedOn + " " + c.SignerName
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "charter.save",
			TargetType: "service_point", TargetID: strconv.FormatInt(p.ID, 10), Detail: detail})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Current is the point's newest signed version, the one the public sees;
// db.ErrNotFound when none is signed.
func (s *Store) Current(ctx context.Context, pointID int64) (*Charter, error) {
	return s.one(ctx, `SELECT `+columns+` FROM service_charters WHERE point_id = ? AND signed_on <> ''
		ORDER BY version DESC LIMIT 1`, pointID)
}

// Latest is the point's newest version, signed or not; db.ErrNotFound
// when it has none.
func (s *Store) Latest(ctx context.Context, pointID int64) (*Charter, error) {
	return s.one(ctx, `SELECT `+columns+` FROM service_charters WHERE point_id = ? ORDER BY version DESC LIMIT 1`, pointID)
}

// Version is version n of the point's charter.
func (s *Store) Version(ctx context.Context, pointID int64, n int) (*Charter, error) {
	return s.one(ctx, `SELECT `+columns+` FROM service_charters WHERE point_id = ? AND version = ?`, pointID, n)
}

func (s *Store) one(ctx context.Context, query string, args ...any) (*Charter, error) {
	c, err := scan(s.DB.QueryRow(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("charter: %w", err)
	}
	return c, nil
}

// History is every version of the point's charter, newest first.
func (s *Store) History(ctx context.Context, pointID int64) ([]*Charter, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+columns+` FROM service_charters WHERE point_id = ? ORDER BY version DESC`, pointID)
	if err != nil {
		return nil, fmt.Errorf("charter: history: %w", err)
	}
	defer rows.Close()
	var out []*Charter
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("charter: history: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Statuses tells, for each point of the initiative that has a charter,
// how many versions it has and whether one is signed.
func (s *Store) Statuses(ctx context.Context, initiativeID int64) (map[int64]Status, error) {
	rows, err := s.DB.Query(ctx, `SELECT c.point_id, COUNT(*), SUM(CASE WHEN c.signed_on <> '' THEN 1 ELSE 0 END)
		FROM service_charters c JOIN service_points p ON p.id = c.point_id
		WHERE p.initiative_id = ? GROUP BY c.point_id`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("charter: statuses: %w", err)
	}
	defer rows.Close()
	out := map[int64]Status{}
	for rows.Next() {
		var id int64
		var versions, signed int
		if err := rows.Scan(&id, &versions, &signed); err != nil {
			return nil, fmt.Errorf("charter: statuses: %w", err)
		}
		out[id] = Status{Versions: versions, Signed: signed > 0}
	}
	return out, rows.Err()
}
