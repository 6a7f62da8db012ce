package service

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// ErrPoint means a record names a point that is not the initiative's.
var ErrPoint = errors.New("service: unknown point")

// PointsByCode maps an initiative's points by code, for checking records.
func PointsByCode(points []*Point) map[string]*Point {
	m := make(map[string]*Point, len(points))
	for _, p := range points {
		m[p.Code] = p
	}
	return m
}

// AddRecord stores a checked record of the initiative.
func (s *Store) AddRecord(ctx context.Context, actor Actor, orgID, initiativeID int64, c *Checked) (*Record, error) {
	var rec *Record
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		rec, err = s.insertRecord(ctx, tx, actor, orgID, initiativeID, c, "", 0)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "service.record.add",
			TargetType: "service_record", TargetID: strconv.FormatInt(rec.ID, 10),
			Detail: c.ServedOn + " " + c.PointCode + " " + strconv.FormatInt(c.Total, 10)})
	})
	return rec, err
}

// insertRecord writes one record with its groups; the point must be one
// of the initiative's.
func (s *Store) insertRecord(ctx context.Context, q db.Querier, actor Actor, orgID, initiativeID int64, c *Checked,
	importID string, line int) (*Record, error) {
	var pointID int64
	err := q.QueryRow(ctx, `SELECT id FROM service_points WHERE code = ? AND initiative_id = ?`, c.PointCode, initiativeID).Scan(&pointID)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrPoint, c.PointCode)
	}
	now := s.now()
	var imp, ln, by any
	if importID != "" {
		imp, ln = importID, line
	}
	if actor.ID != 0 {
		by = actor.ID
	}
	rec := &Record{OrgID: orgID, InitiativeID: initiativeID, PointID: pointID, ServedOn: c.ServedOn, ServiceType: c.ServiceType,
		Counts: c.Counts, Note: c.Note, ImportID: importID, CreatedName: actor.Name, CreatedAt: now}
	err = q.QueryRow(ctx, `INSERT INTO service_records (org_id, initiative_id, point_id, served_on, service_type, total, male, female,
		age_0_5, age_6_17, age_18_59, age_60_plus, disability, note, import_id, import_line, created_by, created_name, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		orgID, initiativeID, pointID, c.ServedOn, c.ServiceType, c.Total, c.Male, c.Female, c.Ages[0], c.Ages[1], c.Ages[2], c.Ages[3],
		c.Disability, c.Note, imp, ln, by, actor.Name, now).Scan(&rec.ID)
	if err != nil {
		return nil, fmt.Errorf("service: add record: %w", err)
	}
	for _, g := range VulnerableGroups {
		if n := c.Groups[g]; n > 0 {
			if _, err := q.Exec(ctx, `INSERT INTO service_record_groups (record_id, grp, people) VALUES (?, ?, ?)`, rec.ID, g, n); err != nil {
				return nil, fmt.Errorf("service: add record group: %w", err)
			}
		}
	}
	return rec, nil
}

// RecordLine is a record as listed: with its point's code and name.
type RecordLine struct {
	Record
	PointCode, PointName string
}

// Records lists an initiative's latest records, newest day first.
func (s *Store) Records(ctx context.Context, initiativeID int64, limit int) ([]RecordLine, error) {
	rows, err := s.DB.Query(ctx, `SELECT r.id, r.served_on, r.service_type, r.total, r.male, r.female, r.age_0_5, r.age_6_17,
		r.age_18_59, r.age_60_plus, r.disability, r.note, COALESCE(r.import_id, ''), r.created_name, r.created_at, p.code, p.name
		FROM service_records r JOIN service_points p ON p.id = r.point_id
		WHERE r.initiative_id = ? ORDER BY r.served_on DESC, r.id DESC LIMIT ?`, initiativeID, limit)
	if err != nil {
		return nil, fmt.Errorf("service: records: %w", err)
	}
	defer rows.Close()
	var out []RecordLine
	for rows.Next() {
		var l RecordLine
		if err := rows.Scan(&l.ID, &l.ServedOn, &l.ServiceType, &l.Total, &l.Male, &l.Female, &l.Ages[0], &l.Ages[1],
			&l.Ages[2], &l.Ages[3], &l.Disability, &l.Note, &l.ImportID, &l.CreatedName, &l.CreatedAt, &l.PointCode, &l.PointName); err != nil {
			return nil, fmt.Errorf("service: records: %w", err)
		}
		l.InitiativeID = initiativeID
		out = append(out, l)
	}
	return out, rows.Err()
}

// ServiceTypes lists the kinds of service an initiative has recorded, for
// suggestions in the form.
func (s *Store) ServiceTypes(ctx context.Context, initiativeID int64) ([]string, error) {
	rows, err := s.DB.Query(ctx, `SELECT DISTINCT service_type FROM service_records WHERE initiative_id = ? ORDER BY service_type`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("service: types: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
