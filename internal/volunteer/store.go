package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Errors of the store.
var (
	// ErrFull means every slot of the need is held by a pending or
	// accepted sign-up.
	ErrFull = errors.New("volunteer: no slot left")
	// ErrNotRelawan means the need is not a relawan need of the campaign.
	ErrNotRelawan = errors.New("volunteer: not a relawan need")
	// ErrState means the sign-up is not in a state the change applies to
	// (already decided, say).
	ErrState = errors.New("volunteer: not in that state")
)

// Store keeps sign-ups, activity times and hours.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
	// OnSignup runs inside the transaction that records a new sign-up,
	// e.g. to queue the confirmation e-mail and record the wish for news.
	OnSignup func(ctx context.Context, q db.Querier, s *Signup, in Input) error
	// OnDecide runs inside the transaction that accepts or declines a
	// sign-up, e.g. to queue the e-mail telling the volunteer.
	OnDecide func(ctx context.Context, q db.Querier, s *Signup) error
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const columns = `id, campaign_id, need_id, org_id, name, email, phone, region_code, skills, availability, hide_name,
	lang, status, decline_reason, form_token, created_at, decided_at, decided_by`

func scan(sc interface{ Scan(...any) error }, extra ...any) (*Signup, error) {
	v := &Signup{}
	var decided sql.NullTime
	dest := append([]any{&v.ID, &v.CampaignID, &v.NeedID, &v.OrgID, &v.Name, &v.Email, &v.Phone, &v.RegionCode,
		&v.Skills, &v.Availability, &v.HideName, &v.Lang, &v.Status, &v.DeclineReason, &v.FormToken, &v.CreatedAt,
		&decided, &v.DecidedBy}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	v.CreatedAt = v.CreatedAt.UTC()
	if decided.Valid {
		t := decided.Time.UTC()
		v.DecidedAt = &t
	}
	return v, nil
}

func get(ctx context.Context, q db.Querier, where string, args ...any) (*Signup, error) {
	v, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM volunteer_signups WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("volunteer: get: %w", err)
	}
	return v, nil
}

// ByToken returns the sign-up its form token created.
func (s *Store) ByToken(ctx context.Context, token string) (*Signup, error) {
	return get(ctx, s.DB, `form_token = ?`, token)
}

// ByID returns a sign-up of the campaign.
func (s *Store) ByID(ctx context.Context, campaignID, id int64) (*Signup, error) {
	return get(ctx, s.DB, `id = ? AND campaign_id = ?`, id, campaignID)
}

// lockNeed takes the need's row for the rest of the transaction and
// returns its slots. PostgreSQL locks the row; SQLite needs no lock, its
// write transactions run one at a time.
func (s *Store) lockNeed(ctx context.Context, tx *db.Tx, campaignID, needID int64) (int64, error) {
	q := `SELECT target FROM campaign_needs WHERE id = ? AND campaign_id = ? AND kind = 'relawan'`
	if s.DB.Dialect == db.Postgres {
		q += ` FOR UPDATE`
	}
	var target int64
	err := tx.QueryRow(ctx, q, needID, campaignID).Scan(&target)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotRelawan
	}
	if err != nil {
		return 0, fmt.Errorf("volunteer: lock need: %w", err)
	}
	return target, nil
}

// taken counts the sign-ups holding a slot of the need.
func taken(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE need_id = ? AND status IN ('pending', 'accepted')`,
		needID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("volunteer: count: %w", err)
	}
	return n, nil
}

// SignUp records a pending sign-up for the need, or a waiting one when
// the need is full and in.Waitlist says the person agrees to wait (else
// ErrFull). The same form token again returns the sign-up it made, with
// created false. An e-mail already signed up for the need is a
// validate.Errors on "email"; invalid input is validate.Errors too.
func (s *Store) SignUp(ctx context.Context, t Target, in Input) (v *Signup, created bool, err error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, false, errs
	}
	if v, err := s.ByToken(ctx, in.Token); err == nil {
		return v, false, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, false, err
	}
	v = &Signup{CampaignID: t.CampaignID, NeedID: t.NeedID, OrgID: t.OrgID, Name: in.Name, Email: in.Email,
		Phone: in.Phone, RegionCode: in.RegionCode, Skills: in.Skills, Availability: in.Availability,
		HideName: in.HideName, Lang: in.Lang, Status: StatusPending, FormToken: in.Token, CreatedAt: s.now()}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		target, err := s.lockNeed(ctx, tx, t.CampaignID, t.NeedID)
		if err != nil {
			return err
		}
		// Someone already signed up hears so even when the need is full.
		var dup int
		err = tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE need_id = ? AND email = ?`,
			t.NeedID, in.Email).Scan(&dup)
		if err != nil {
			return err
		}
		if dup > 0 {
			return validate.Errors{"email": "volunteer.err.duplicate"}
		}
		n, err := taken(ctx, tx, t.NeedID)
		if err != nil {
			return err
		}
		if n >= target {
			if !in.Waitlist {
				return ErrFull
			}
			v.Status = StatusWaiting
		}
		if err := tx.QueryRow(ctx, `INSERT INTO volunteer_signups (campaign_id, need_id, org_id, name, email, phone,
			region_code, skills, availability, hide_name, lang, status, form_token, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			v.CampaignID, v.NeedID, v.OrgID, v.Name, v.Email, v.Phone, v.RegionCode, v.Skills, v.Availability,
			v.HideName, v.Lang, v.Status, v.FormToken, v.CreatedAt).Scan(&v.ID); err != nil {
			return err
		}
		if s.OnSignup != nil {
			return s.OnSignup(ctx, tx, v, in)
		}
		return nil
	})
	switch {
	case err == nil:
		return v, true, nil
	case db.IsUniqueViolation(err):
		// The same form raced itself, or the e-mail is signed up already.
		if again, err := s.ByToken(ctx, in.Token); err == nil {
			return again, false, nil
		}
		return nil, false, validate.Errors{"email": "volunteer.err.duplicate"}
	case errors.Is(err, ErrFull), errors.Is(err, ErrNotRelawan):
		return nil, false, err
	case errors.As(err, new(validate.Errors)):
		return nil, false, err
	default:
		return nil, false, fmt.Errorf("volunteer: sign up: %w", err)
	}
}

// Slots is how the need's slots stand, with the hours given.
func (s *Store) Slots(ctx context.Context, needID int64) (Slots, error) {
	var sl Slots
	if err := s.DB.QueryRow(ctx, `SELECT target FROM campaign_needs WHERE id = ?`, needID).Scan(&sl.Target); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return sl, db.ErrNotFound
		}
		return sl, fmt.Errorf("volunteer: slots: %w", err)
	}
	rows, err := s.DB.Query(ctx, `SELECT status, COUNT(*) FROM volunteer_signups WHERE need_id = ? GROUP BY status`, needID)
	if err != nil {
		return sl, fmt.Errorf("volunteer: slots: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			return sl, fmt.Errorf("volunteer: slots: %w", err)
		}
		switch status {
		case StatusPending:
			sl.Pending = n
		case StatusAccepted:
			sl.Accepted = n
		case StatusWaiting:
			sl.Waiting = n
		}
	}
	if err := rows.Err(); err != nil {
		return sl, err
	}
	sl.Minutes, err = NeedMinutes(ctx, s.DB, needID)
	return sl, err
}

// Accepted counts the accepted volunteers of a need: how much of it is
// filled.
func Accepted(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE need_id = ? AND status = 'accepted'`, needID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("volunteer: accepted: %w", err)
	}
	return n, nil
}

// NeedMinutes is the time every volunteer of a need gave, in minutes.
func NeedMinutes(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h
		JOIN volunteer_signups v ON v.id = h.signup_id WHERE v.need_id = ?`, needID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("volunteer: minutes: %w", err)
	}
	return n, nil
}

// List returns the campaign's sign-ups, each with its logged minutes,
// oldest first.
func (s *Store) List(ctx context.Context, campaignID int64) ([]*Signup, error) {
	return s.list(ctx, `v.campaign_id = ?`, campaignID)
}

// Public lists the accepted volunteers of a need, oldest first, for
// public pages: only FirstName may be shown of them.
func (s *Store) Public(ctx context.Context, needID int64) ([]*Signup, error) {
	return s.list(ctx, `v.need_id = ? AND v.status = 'accepted'`, needID)
}

func (s *Store) list(ctx context.Context, where string, args ...any) ([]*Signup, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+prefixed+`, COALESCE((SELECT SUM(h.minutes) FROM volunteer_hours h
		WHERE h.signup_id = v.id), 0) FROM volunteer_signups v WHERE `+where+` ORDER BY v.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("volunteer: list: %w", err)
	}
	defer rows.Close()
	var out []*Signup
	for rows.Next() {
		var minutes int64
		v, err := scan(rows, &minutes)
		if err != nil {
			return nil, fmt.Errorf("volunteer: list: %w", err)
		}
		v.Minutes = minutes
		out = append(out, v)
	}
	return out, rows.Err()
}

const prefixed = `v.id, v.campaign_id, v.need_id, v.org_id, v.name, v.email, v.phone, v.region_code, v.skills,
	v.availability, v.hide_name, v.lang, v.status, v.decline_reason, v.form_token, v.created_at, v.decided_at,
	v.decided_by`

// Accept accepts a pending sign-up, or a waiting one when a slot is free
// (else ErrFull). A sign-up already decided is ErrState; one of another
// campaign is db.ErrNotFound.
func (s *Store) Accept(ctx context.Context, campaignID, id int64, actor Actor) (*Signup, error) {
	var v *Signup
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, `id = ? AND campaign_id = ?`, id, campaignID)
		if err != nil {
			return err
		}
		if cur.Status == StatusWaiting {
			target, err := s.lockNeed(ctx, tx, campaignID, cur.NeedID)
			if err != nil {
				return err
			}
			if n, err := taken(ctx, tx, cur.NeedID); err != nil {
				return err
			} else if n >= target {
				return ErrFull
			}
		}
		if v, err = s.decide(ctx, tx, cur, StatusAccepted, "", actor, StatusPending, StatusWaiting); err != nil {
			return err
		}
		if s.OnDecide != nil {
			return s.OnDecide(ctx, tx, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Decline declines a pending or waiting sign-up with a reason the
// volunteer is told.
func (s *Store) Decline(ctx context.Context, campaignID, id int64, reason string, actor Actor) (*Signup, error) {
	reason = text(reason)
	e := validate.Errors{}
	if e.Required("reason", reason) {
		e.MaxLen("reason", reason, MaxReason)
	}
	if len(e) > 0 {
		return nil, e
	}
	var v *Signup
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, `id = ? AND campaign_id = ?`, id, campaignID)
		if err != nil {
			return err
		}
		if v, err = s.decide(ctx, tx, cur, StatusDeclined, reason, actor, StatusPending, StatusWaiting); err != nil {
			return err
		}
		if s.OnDecide != nil {
			return s.OnDecide(ctx, tx, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// MarkAbsent records that an accepted volunteer did not come; the slot
// no longer counts as filled.
func (s *Store) MarkAbsent(ctx context.Context, campaignID, id int64, actor Actor) (*Signup, error) {
	var v *Signup
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, `id = ? AND campaign_id = ?`, id, campaignID)
		if err != nil {
			return err
		}
		v, err = s.decide(ctx, tx, cur, StatusAbsent, "", actor, StatusAccepted)
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// decide moves cur to status when it is in one of from, with a
// conditional UPDATE so that two clicks at once change it once, and
// writes the audit log.
func (s *Store) decide(ctx context.Context, tx *db.Tx, cur *Signup, status, reason string, actor Actor, from ...string) (*Signup, error) {
	args := []any{status, reason, s.now(), actorID(actor), cur.ID}
	in := ""
	for i, f := range from {
		if i > 0 {
			in += ", "
		}
		in += "?"
		args = append(args, f)
	}
	res, err := tx.Exec(ctx, `UPDATE volunteer_signups SET status = ?, decline_reason = ?, decided_at = ?, decided_by = ?
		WHERE id = ? AND status IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("volunteer: decide: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, fmt.Errorf("volunteer: decide: %w", err)
	} else if n == 0 {
		return nil, ErrState
	}
	v, err := get(ctx, tx, `id = ?`, cur.ID)
	if err != nil {
		return nil, err
	}
	detail := v.Name
	if reason != "" {
		detail += ": " + reason
	}
	return v, record(ctx, tx, actor, "volunteer."+status, v.OrgID, "#"+strconv.FormatInt(v.ID, 10)+" "+detail)
}

// LogHours adds hours an accepted volunteer gave; other sign-ups are
// ErrState.
func (s *Store) LogHours(ctx context.Context, campaignID, id int64, in HoursInput, actor Actor) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		v, err := get(ctx, tx, `id = ? AND campaign_id = ?`, id, campaignID)
		if err != nil {
			return err
		}
		if v.Status != StatusAccepted {
			return ErrState
		}
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_hours (signup_id, day, minutes, note, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, v.ID, in.Day, in.Minutes, in.Note, actorID(actor), s.now()); err != nil {
			return fmt.Errorf("volunteer: log hours: %w", err)
		}
		return record(ctx, tx, actor, "volunteer.hours", v.OrgID, fmt.Sprintf("#%d %s %s %dm", v.ID, v.Name, in.Day, in.Minutes))
	})
}

// HoursOf lists the hours logged for the campaign's volunteers, by
// sign-up, in day order.
func (s *Store) HoursOf(ctx context.Context, campaignID int64) (map[int64][]Hours, error) {
	rows, err := s.DB.Query(ctx, `SELECT h.id, h.signup_id, h.day, h.minutes, h.note, h.created_by, h.created_at
		FROM volunteer_hours h JOIN volunteer_signups v ON v.id = h.signup_id WHERE v.campaign_id = ?
		ORDER BY h.day, h.id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("volunteer: hours: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Hours{}
	for rows.Next() {
		var h Hours
		if err := rows.Scan(&h.ID, &h.SignupID, &h.Day, &h.Minutes, &h.Note, &h.CreatedBy, &h.CreatedAt); err != nil {
			return nil, fmt.Errorf("volunteer: hours: %w", err)
		}
		h.CreatedAt = h.CreatedAt.UTC()
		out[h.SignupID] = append(out[h.SignupID], h)
	}
	return out, rows.Err()
}

// SetActivity sets or (with in.Clear) forgets when the need's activity
// takes place.
func (s *Store) SetActivity(ctx context.Context, campaignID, needID int64, in ActivityInput, actor Actor) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var orgID int64
		err := tx.QueryRow(ctx, `SELECT c.org_id FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id
			WHERE n.id = ? AND n.campaign_id = ? AND n.kind = 'relawan'`, needID, campaignID).Scan(&orgID)
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("volunteer: activity: %w", err)
		}
		detail := "need #" + strconv.FormatInt(needID, 10)
		if in.Clear {
			_, err = tx.Exec(ctx, `DELETE FROM volunteer_activities WHERE need_id = ?`, needID)
			detail += " -"
		} else {
			_, err = tx.Exec(ctx, `INSERT INTO volunteer_activities (need_id, starts_at, ends_at, updated_at)
				VALUES (?, ?, ?, ?) ON CONFLICT (need_id) DO UPDATE SET starts_at = excluded.starts_at,
				ends_at = excluded.ends_at, updated_at = excluded.updated_at`, needID, in.Starts, in.Ends, s.now())
			detail += " " + in.Starts.Format(time.RFC3339) + "/" + in.Ends.Format(time.RFC3339)
		}
		if err != nil {
			return fmt.Errorf("volunteer: activity: %w", err)
		}
		return record(ctx, tx, actor, "volunteer.activity", orgID, detail)
	})
}

// ActivityOf returns when the need's activity takes place; nil when the
// organisation has not said.
func ActivityOf(ctx context.Context, q db.Querier, needID int64) (*Activity, error) {
	a := &Activity{NeedID: needID}
	err := q.QueryRow(ctx, `SELECT starts_at, ends_at FROM volunteer_activities WHERE need_id = ?`, needID).
		Scan(&a.Starts, &a.Ends)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("volunteer: activity: %w", err)
	}
	a.Starts, a.Ends = a.Starts.UTC(), a.Ends.UTC()
	return a, nil
}

// Info is what the e-mails say about a need: its role, place, campaign
// and organisation, and when the activity takes place.
func Info(ctx context.Context, q db.Querier, needID int64) (*NeedInfo, error) {
	in := &NeedInfo{NeedID: needID}
	err := q.QueryRow(ctx, `SELECT n.title, n.place, n.schedule, c.title, c.slug, o.name, o.region_code
		FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id JOIN organizations o ON o.id = c.org_id
		WHERE n.id = ?`, needID).Scan(&in.Role, &in.Place, &in.Schedule, &in.CampaignTitle, &in.CampaignSlug,
		&in.OrgName, &in.OrgRegion)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("volunteer: info: %w", err)
	}
	in.Activity, err = ActivityOf(ctx, q, needID)
	return in, err
}

func actorID(a Actor) any {
	if a.ID == 0 {
		return nil
	}
	return a.ID
}

func record(ctx context.Context, q db.Querier, a Actor, action string, orgID int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "organization", TargetID: strconv.FormatInt(orgID, 10), Detail: detail})
}
