package service

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// Record loads one record of the initiative with its point's code and its
// vulnerable groups; db.ErrNotFound when the initiative has no such record.
func (s *Store) Record(ctx context.Context, initiativeID, id int64) (*RecordLine, error) {
	return s.record(ctx, s.DB, initiativeID, id)
}

func (s *Store) record(ctx context.Context, q db.Querier, initiativeID, id int64) (*RecordLine, error) {
	l := &RecordLine{}
	err := q.QueryRow(ctx, `SELECT r.id, r.org_id, r.point_id, r.served_on, r.service_type, r.total, r.male, r.female,
		r.age_0_5, r.age_6_17, r.age_18_59, r.age_60_plus, r.disability, r.note, COALESCE(r.import_id, ''), r.created_name,
		r.created_at, p.code, p.name
		FROM service_records r JOIN service_points p ON p.id = r.point_id WHERE r.id = ? AND r.initiative_id = ?`, id, initiativeID).
		Scan(&l.ID, &l.OrgID, &l.PointID, &l.ServedOn, &l.ServiceType, &l.Total, &l.Male, &l.Female, &l.Ages[0], &l.Ages[1],
			&l.Ages[2], &l.Ages[3], &l.Disability, &l.Note, &l.ImportID, &l.CreatedName, &l.CreatedAt, &l.PointCode, &l.PointName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("service: record: %w", err)
	}
	l.InitiativeID = initiativeID
	l.Groups = map[string]int64{}
	rows, err := q.Query(ctx, `SELECT grp, people FROM service_record_groups WHERE record_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("service: record groups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		var n int64
		if err := rows.Scan(&g, &n); err != nil {
			return nil, err
		}
		l.Groups[g] = n
	}
	return l, rows.Err()
}

// Form is the record as its form's values, to correct it.
func (l *RecordLine) Form() url.Values {
	n := func(v int64) []string { return []string{strconv.FormatInt(v, 10)} }
	f := url.Values{FieldDate: {l.ServedOn}, FieldPoint: {l.PointCode}, FieldType: {l.ServiceType},
		FieldTotal: n(l.Total), FieldMale: n(l.Male), FieldFemale: n(l.Female), FieldDisability: n(l.Disability),
		FieldNote: {l.Note}}
	for i, a := range AgeFields {
		f[a] = n(l.Ages[i])
	}
	for g, v := range l.Groups {
		f[GroupField(g)] = n(v)
	}
	return f
}

// describe is a record's figures in one line, for the audit log: what it
// was before a correction or a deletion stays readable there.
func describe(day, point, kind string, c Counts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %q total=%d L=%d P=%d usia=%d/%d/%d/%d disabilitas=%d", day, point, kind, c.Total,
		c.Male, c.Female, c.Ages[0], c.Ages[1], c.Ages[2], c.Ages[3], c.Disability)
	for _, g := range VulnerableGroups {
		if n := c.Groups[g]; n > 0 {
			fmt.Fprintf(&b, " %s=%d", g, n)
		}
	}
	return b.String()
}

// UpdateRecord corrects a record of the initiative with checked values;
// the audit log keeps the figures before and after.
func (s *Store) UpdateRecord(ctx context.Context, actor Actor, initiativeID, id int64, c *Checked) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := s.record(ctx, tx, initiativeID, id)
		if err != nil {
			return err
		}
		var pointID int64
		if err := tx.QueryRow(ctx, `SELECT id FROM service_points WHERE code = ? AND initiative_id = ?`,
			c.PointCode, initiativeID).Scan(&pointID); err != nil {
			return fmt.Errorf("%w: %s", ErrPoint, c.PointCode)
		}
		_, err = tx.Exec(ctx, `UPDATE service_records SET point_id = ?, served_on = ?, service_type = ?, total = ?, male = ?,
			female = ?, age_0_5 = ?, age_6_17 = ?, age_18_59 = ?, age_60_plus = ?, disability = ?, note = ? WHERE id = ?`,
			pointID, c.ServedOn, c.ServiceType, c.Total, c.Male, c.Female, c.Ages[0], c.Ages[1], c.Ages[2], c.Ages[3],
			c.Disability, c.Note, id)
		if err != nil {
			return fmt.Errorf("service: update record: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM service_record_groups WHERE record_id = ?`, id); err != nil {
			return fmt.Errorf("service: update record groups: %w", err)
		}
		for _, g := range VulnerableGroups {
			if n := c.Groups[g]; n > 0 {
				if _, err := tx.Exec(ctx, `INSERT INTO service_record_groups (record_id, grp, people) VALUES (?, ?, ?)`, id, g, n); err != nil {
					return fmt.Errorf("service: update record groups: %w", err)
				}
			}
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "service.record.update",
			TargetType: "service_record", TargetID: strconv.FormatInt(id, 10),
			Detail: describe(old.ServedOn, old.PointCode, old.ServiceType, old.Counts) + " → " +
				describe(c.ServedOn, c.PointCode, c.ServiceType, c.Counts)})
	})
}

// DeleteRecord removes a record of the initiative (one typed in twice, or
// for the wrong initiative); the audit log keeps its figures.
func (s *Store) DeleteRecord(ctx context.Context, actor Actor, initiativeID, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := s.record(ctx, tx, initiativeID, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM service_record_groups WHERE record_id = ?`, id); err != nil {
			return fmt.Errorf("service: delete record: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM service_records WHERE id = ?`, id); err != nil {
			return fmt.Errorf("service: delete record: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "service.record.delete",
			TargetType: "service_record", TargetID: strconv.FormatInt(id, 10),
			Detail: describe(old.ServedOn, old.PointCode, old.ServiceType, old.Counts)})
	})
}
