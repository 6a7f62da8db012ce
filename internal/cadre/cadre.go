// Package cadre keeps an organisation's cadre register (kader): the people
// it has trained to lead, where they work down to desa, their skills,
// trainings and what they led. It is personal data: only the
// organisation's people read it, and a cadre can be exported and erased.
//
// Erasing deletes the cadre's row with its trainings and activities: no
// anonymous row is kept, so the counts by area and level drop by one. The
// audit log keeps only the cadre's id, never the name.
package cadre

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
)

// Store keeps the cadre register.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}

// Today is the day now in the zone of an organisation in orgRegion.
func (s *Store) Today(orgRegion string) string {
	return db.NowFrom(s.Now).In(region.Zone(orgRegion)).Format(DateLayout)
}

const columns = `id, org_id, name, role, region_code, phone, email, skills, work_level, active, volunteer_signup_id,
	created_at, updated_at`

func scan(sc interface{ Scan(...any) error }) (*Cadre, error) {
	c := &Cadre{}
	var skills string
	var signup sql.NullInt64
	err := sc.Scan(&c.ID, &c.OrgID, &c.Name, &c.Role, &c.RegionCode, &c.Phone, &c.Email, &skills, &c.Level, &c.Active,
		&signup, &c.CreatedAt, &c.UpdatedAt)
	c.Skills = SplitSkills(skills)
	if signup.Valid {
		c.SignupID = &signup.Int64
	}
	return c, err
}

// check validates in for the organisation orgID: its shape, the region,
// and that the sign-up is one of the organisation's.
func (s *Store) check(ctx context.Context, orgID int64, in *Input) error {
	e := in.Check()
	if in.RegionCode != "" {
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode).Scan(&n); err != nil {
			return fmt.Errorf("cadre: region: %w", err)
		}
		if n == 0 {
			e.Add("region", "region.required")
		}
	}
	if in.signupID != nil {
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE id = ? AND org_id = ?`,
			*in.signupID, orgID).Scan(&n); err != nil {
			return fmt.Errorf("cadre: signup: %w", err)
		}
		if n == 0 {
			e.Add("signup", "cadre.err.signup")
		}
	}
	return e.Err()
}

// Create adds a cadre to the register of orgID. Bad input is a
// validate.Errors.
func (s *Store) Create(ctx context.Context, a Actor, orgID int64, in Input) (*Cadre, error) {
	if err := s.check(ctx, orgID, &in); err != nil {
		return nil, err
	}
	now := db.NowFrom(s.Now)
	c := &Cadre{OrgID: orgID, CreatedAt: now, UpdatedAt: now}
	c.apply(in)
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO cadres (org_id, name, role, region_code, phone, email, skills, work_level,
			active, volunteer_signup_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			orgID, c.Name, c.Role, c.RegionCode, c.Phone, c.Email, strings.Join(c.Skills, "\n"), c.Level, c.Active,
			c.SignupID, now, now).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("cadre: create: %w", err)
		}
		return record(ctx, tx, a, "cadre.create", c)
	})
	return c, err
}

func (c *Cadre) apply(in Input) {
	c.Name, c.Role, c.RegionCode, c.Phone, c.Email = in.Name, in.Role, in.RegionCode, in.phone, in.Email
	c.Skills, c.Level, c.Active, c.SignupID = in.Skills, in.Level, in.Active, in.signupID
}

// Update changes a cadre's details; trainings and activities stay.
func (s *Store) Update(ctx context.Context, a Actor, c *Cadre, in Input) error {
	if err := s.check(ctx, c.OrgID, &in); err != nil {
		return err
	}
	now := db.NowFrom(s.Now)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE cadres SET name = ?, role = ?, region_code = ?, phone = ?, email = ?, skills = ?,
			work_level = ?, active = ?, volunteer_signup_id = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.Role, in.RegionCode, in.phone, in.Email, strings.Join(in.Skills, "\n"), in.Level, in.Active,
			in.signupID, now, c.ID)
		if err != nil {
			return fmt.Errorf("cadre: update: %w", err)
		}
		c.apply(in)
		c.UpdatedAt = now
		return record(ctx, tx, a, "cadre.update", c)
	})
}

// Erase removes the cadre with its trainings and activities for good and
// logs that it was erased (by id only).
func (s *Store) Erase(ctx context.Context, a Actor, c *Cadre) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM cadre_trainings WHERE cadre_id = ?`, c.ID); err != nil {
			return fmt.Errorf("cadre: erase: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM cadre_activities WHERE cadre_id = ?`, c.ID); err != nil {
			return fmt.Errorf("cadre: erase: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM cadres WHERE id = ?`, c.ID); err != nil {
			return fmt.Errorf("cadre: erase: %w", err)
		}
		return record(ctx, tx, a, "cadre.erase", c)
	})
}

// LogExport records that a's downloaded the cadre's data.
func (s *Store) LogExport(ctx context.Context, a Actor, c *Cadre) error {
	return record(ctx, s.DB, a, "cadre.export", c)
}

// record writes the audit entry of an action on c: the cadre's id and
// organisation, never personal data.
func record(ctx context.Context, q db.Querier, a Actor, action string, c *Cadre) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "cadre", TargetID: strconv.FormatInt(c.ID, 10), Detail: "org " + strconv.FormatInt(c.OrgID, 10)})
}

// AddTraining records a training c took. Bad input is a validate.Errors.
func (s *Store) AddTraining(ctx context.Context, a Actor, c *Cadre, orgRegion string, in TrainingInput) error {
	if e := in.Check(s.Today(orgRegion)); len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO cadre_trainings (cadre_id, name, taken_on, organiser) VALUES (?, ?, ?, ?)`,
			c.ID, in.Name, in.TakenOn, in.Organiser); err != nil {
			return fmt.Errorf("cadre: training: %w", err)
		}
		return record(ctx, tx, a, "cadre.training", c)
	})
}

// AddActivity records a session or activity c led.
func (s *Store) AddActivity(ctx context.Context, a Actor, c *Cadre, orgRegion string, in ActivityInput) error {
	if e := in.Check(s.Today(orgRegion)); len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO cadre_activities (cadre_id, name, done_on) VALUES (?, ?, ?)`,
			c.ID, in.Name, in.DoneOn); err != nil {
			return fmt.Errorf("cadre: activity: %w", err)
		}
		return record(ctx, tx, a, "cadre.activity", c)
	})
}

// DeleteItem removes a training (kind "training") or an activity of c.
func (s *Store) DeleteItem(ctx context.Context, a Actor, c *Cadre, kind string, id int64) error {
	table := map[string]string{"training": "cadre_trainings", "activity": "cadre_activities"}[kind]
	if table == "" {
		return db.ErrNotFound
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE id = ? AND cadre_id = ?`, id, c.ID)
		if err != nil {
			return fmt.Errorf("cadre: delete %s: %w", kind, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, a, "cadre."+kind+"_delete", c)
	})
}

// Get is the cadre id of the organisation orgID with trainings and
// activities; one of another organisation is db.ErrNotFound.
func (s *Store) Get(ctx context.Context, orgID, id int64) (*Cadre, error) {
	c, err := scan(s.DB.QueryRow(ctx, `SELECT `+columns+` FROM cadres WHERE id = ? AND org_id = ?`, id, orgID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("cadre: get: %w", err)
	}
	return c, s.fill(ctx, []*Cadre{c})
}

// List is the organisation's register by name, with trainings and
// activities.
func (s *Store) List(ctx context.Context, orgID int64) ([]*Cadre, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+columns+` FROM cadres WHERE org_id = ? ORDER BY name, id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("cadre: list: %w", err)
	}
	defer rows.Close()
	var out []*Cadre
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("cadre: list: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cadre: list: %w", err)
	}
	return out, s.fill(ctx, out)
}

// fill loads the trainings and activities of list, oldest first.
func (s *Store) fill(ctx context.Context, list []*Cadre) error {
	if len(list) == 0 {
		return nil
	}
	byID := map[int64]*Cadre{}
	ids := make([]any, len(list))
	for i, c := range list {
		byID[c.ID], ids[i] = c, c.ID
	}
	in := `(` + db.Marks(len(ids)) + `)`
	rows, err := s.DB.Query(ctx, `SELECT id, cadre_id, name, taken_on, organiser FROM cadre_trainings
		WHERE cadre_id IN `+in+` ORDER BY taken_on, id`, ids...)
	if err != nil {
		return fmt.Errorf("cadre: trainings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t Training
		var cid int64
		if err := rows.Scan(&t.ID, &cid, &t.Name, &t.TakenOn, &t.Organiser); err != nil {
			return fmt.Errorf("cadre: trainings: %w", err)
		}
		byID[cid].Trainings = append(byID[cid].Trainings, t)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows2, err := s.DB.Query(ctx, `SELECT id, cadre_id, name, done_on FROM cadre_activities
		WHERE cadre_id IN `+in+` ORDER BY done_on, id`, ids...)
	if err != nil {
		return fmt.Errorf("cadre: activities: %w", err)
	}
	defer rows2.Close()
	for rows2.Next() {
		var x Activity
		var cid int64
		if err := rows2.Scan(&x.ID, &cid, &x.Name, &x.DoneOn); err != nil {
			return fmt.Errorf("cadre: activities: %w", err)
		}
		byID[cid].Activities = append(byID[cid].Activities, x)
	}
	return rows2.Err()
}

// Signup is a volunteer sign-up a cadre can be linked to.
type Signup struct {
	ID       int64
	Name     string
	Campaign string
}

// Signups lists the organisation's volunteer sign-ups, newest first, for
// the cadre form's choice.
func (s *Store) Signups(ctx context.Context, orgID int64) ([]Signup, error) {
	rows, err := s.DB.Query(ctx, `SELECT v.id, v.name, c.title FROM volunteer_signups v JOIN campaigns c ON c.id = v.campaign_id
		WHERE v.org_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 500`, orgID)
	if err != nil {
		return nil, fmt.Errorf("cadre: signups: %w", err)
	}
	defer rows.Close()
	var out []Signup
	for rows.Next() {
		var x Signup
		if err := rows.Scan(&x.ID, &x.Name, &x.Campaign); err != nil {
			return nil, fmt.Errorf("cadre: signups: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// BySignup maps the organisation's sign-ups that are linked to a cadre
// to that cadre's id, for the volunteer side.
func (s *Store) BySignup(ctx context.Context, orgID int64) (map[int64]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT volunteer_signup_id, id FROM cadres WHERE org_id = ? AND volunteer_signup_id IS NOT NULL`, orgID)
	if err != nil {
		return nil, fmt.Errorf("cadre: by signup: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var sid, id int64
		if err := rows.Scan(&sid, &id); err != nil {
			return nil, fmt.Errorf("cadre: by signup: %w", err)
		}
		out[sid] = id
	}
	return out, rows.Err()
}

// FindByEmail is every cadre recorded with the e-mail address, in any
// organisation, for the person's own data export (the caller checks that
// the address is theirs and verified).
func FindByEmail(ctx context.Context, q db.Querier, email string) ([]Cadre, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	out := []Cadre{}
	if email == "" {
		return out, nil
	}
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM cadres WHERE LOWER(TRIM(email)) = ? ORDER BY id`, email)
	if err != nil {
		return nil, fmt.Errorf("cadre: find: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("cadre: find: %w", err)
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// EraseByEmail erases every cadre recorded with the e-mail address, as
// Erase does, within tx: what deleting the person's account does to the
// registers that name them.
func EraseByEmail(ctx context.Context, tx *db.Tx, email string) error {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil
	}
	found, err := FindByEmail(ctx, tx, email)
	if err != nil {
		return err
	}
	for i := range found {
		c := &found[i]
		for _, q := range []string{`DELETE FROM cadre_trainings WHERE cadre_id = ?`, `DELETE FROM cadre_activities WHERE cadre_id = ?`,
			`DELETE FROM cadres WHERE id = ?`} {
			if _, err := tx.Exec(ctx, q, c.ID); err != nil {
				return fmt.Errorf("cadre: erase by e-mail: %w", err)
			}
		}
		if err := record(ctx, tx, Actor{Name: "account deletion"}, "cadre.erase", c); err != nil {
			return err
		}
	}
	return nil
}
