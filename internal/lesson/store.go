package lesson

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/search"
	"lokadaya/internal/validate"
)

const columns = `id, org_id, initiative_id, stage, title, body, issues, region_code, led_to, source_kind, source_id,
	published, published_at, created_by, created_at, updated_at`

func scan(sc interface{ Scan(...any) error }) (*Lesson, error) {
	l := &Lesson{}
	var initiative, source, by sql.NullInt64
	var published sql.NullTime
	var issues string
	if err := sc.Scan(&l.ID, &l.OrgID, &initiative, &l.Stage, &l.Title, &l.Body, &issues, &l.RegionCode, &l.LedTo,
		&l.SourceKind, &source, &l.Published, &published, &by, &l.CreatedAt, &l.UpdatedAt); err != nil {
		return nil, err
	}
	l.InitiativeID, l.SourceID, l.CreatedBy = initiative.Int64, source.Int64, by.Int64
	if issues != "" {
		l.Issues = strings.Split(issues, ",")
	}
	if published.Valid {
		t := published.Time
		l.PublishedAt = &t
	}
	return l, nil
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// checkRefs adds field errors for what of in does not belong to its
// organisation (initiative, cycle) or does not exist (region), and fills
// the region with the organisation's when none is given.
func checkRefs(ctx context.Context, q db.Querier, in *Input, e validate.Errors) error {
	var orgRegion string
	err := q.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, in.OrgID).Scan(&orgRegion)
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("lesson: organisation: %w", err)
	}
	if in.RegionCode == "" {
		in.RegionCode = orgRegion
	}
	owned := func(query string, id int64) (bool, error) {
		var n int
		err := q.QueryRow(ctx, query, id, in.OrgID).Scan(&n)
		return n > 0, err
	}
	if in.InitiativeID != 0 {
		ok, err := owned(`SELECT COUNT(*) FROM initiatives WHERE id = ? AND org_id = ?`, in.InitiativeID)
		if err != nil {
			return fmt.Errorf("lesson: initiative: %w", err)
		}
		if !ok {
			e.Add("initiative", "lesson.err.initiative")
		}
	}
	if in.SourceKind == SourceCycle && in.SourceID > 0 {
		ok, err := owned(`SELECT COUNT(*) FROM cycles WHERE id = ? AND org_id = ?`, in.SourceID)
		if err != nil {
			return fmt.Errorf("lesson: cycle: %w", err)
		}
		if !ok {
			e.Add("source_kind", "lesson.err.source")
		}
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode).Scan(&n); err != nil {
		return fmt.Errorf("lesson: region: %w", err)
	}
	if n == 0 {
		e.Add("region", "region.required")
	}
	return nil
}

// validated checks in whole: its shape, then what it refers to. Bad input
// is a validate.Errors.
func (s *Store) validated(ctx context.Context, in *Input) error {
	e := in.check()
	if err := checkRefs(ctx, s.DB, in, e); err != nil {
		return err
	}
	return e.Err()
}

// Create adds a lesson to an organisation, published at once when
// in.Published. Bad input is a validate.Errors and nothing is written.
func (s *Store) Create(ctx context.Context, actor Actor, in Input) (*Lesson, error) {
	if err := s.validated(ctx, &in); err != nil {
		return nil, err
	}
	now := s.now()
	l := &Lesson{OrgID: in.OrgID, CreatedBy: actor.ID, CreatedAt: now, UpdatedAt: now}
	apply(l, in)
	if in.Published {
		l.Published, l.PublishedAt = true, &now
	}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO lessons (org_id, initiative_id, stage, title, body, issues, region_code, led_to,
			source_kind, source_id, published, published_at, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			l.OrgID, nullID(l.InitiativeID), l.Stage, l.Title, l.Body, strings.Join(l.Issues, ","), l.RegionCode, l.LedTo,
			l.SourceKind, nullID(l.SourceID), l.Published, l.PublishedAt, nullID(actor.ID), now, now).Scan(&l.ID)
		if err != nil {
			return fmt.Errorf("lesson: create: %w", err)
		}
		if err := writeEvidence(ctx, tx, l.ID, l.Evidence); err != nil {
			return err
		}
		return record(ctx, tx, actor, "lesson.create", l)
	})
	if err != nil {
		return nil, err
	}
	s.reindex(ctx, l.ID)
	return l, nil
}

// apply copies the checked input onto l.
func apply(l *Lesson, in Input) {
	l.InitiativeID, l.Stage, l.Title, l.Body, l.Issues, l.RegionCode, l.LedTo = in.InitiativeID, in.Stage, in.Title,
		in.Body, in.Issues, in.RegionCode, in.LedTo
	l.SourceKind, l.SourceID, l.Evidence = in.SourceKind, in.SourceID, in.Evidence
}

// Update changes a lesson's content; whether it is published stays (see
// Publish). in.OrgID must be the lesson's organisation.
func (s *Store) Update(ctx context.Context, actor Actor, l *Lesson, in Input) error {
	in.OrgID = l.OrgID
	if err := s.validated(ctx, &in); err != nil {
		return err
	}
	now := s.now()
	next := *l
	apply(&next, in)
	next.UpdatedAt = now
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE lessons SET initiative_id = ?, stage = ?, title = ?, body = ?, issues = ?,
			region_code = ?, led_to = ?, source_kind = ?, source_id = ?, updated_at = ? WHERE id = ?`,
			nullID(next.InitiativeID), next.Stage, next.Title, next.Body, strings.Join(next.Issues, ","), next.RegionCode,
			next.LedTo, next.SourceKind, nullID(next.SourceID), now, l.ID)
		if err != nil {
			return fmt.Errorf("lesson: update: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM lesson_evidence WHERE lesson_id = ?`, l.ID); err != nil {
			return fmt.Errorf("lesson: update: %w", err)
		}
		if err := writeEvidence(ctx, tx, l.ID, next.Evidence); err != nil {
			return err
		}
		return record(ctx, tx, actor, "lesson.update", &next)
	})
	if err != nil {
		return err
	}
	*l = next
	s.reindex(ctx, l.ID)
	return nil
}

// Publish makes a lesson public; the date it was first published stays
// when it is published again.
func (s *Store) Publish(ctx context.Context, actor Actor, l *Lesson) error {
	return s.setPublished(ctx, actor, l, true)
}

// Unpublish takes a lesson back to a draft, out of the public library.
func (s *Store) Unpublish(ctx context.Context, actor Actor, l *Lesson) error {
	return s.setPublished(ctx, actor, l, false)
}

func (s *Store) setPublished(ctx context.Context, actor Actor, l *Lesson, on bool) error {
	now := s.now()
	at := l.PublishedAt
	if on && at == nil {
		at = &now
	}
	action := map[bool]string{true: "lesson.publish", false: "lesson.unpublish"}[on]
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE lessons SET published = ?, published_at = ?, updated_at = ? WHERE id = ?`,
			on, at, now, l.ID); err != nil {
			return fmt.Errorf("lesson: publish: %w", err)
		}
		return record(ctx, tx, actor, action, l)
	})
	if err != nil {
		return err
	}
	l.Published, l.PublishedAt, l.UpdatedAt = on, at, now
	s.reindex(ctx, l.ID)
	return nil
}

func writeEvidence(ctx context.Context, tx *db.Tx, id int64, list []Evidence) error {
	for i, e := range list {
		if _, err := tx.Exec(ctx, `INSERT INTO lesson_evidence (lesson_id, position, label, url) VALUES (?, ?, ?, ?)`,
			id, i, e.Label, e.URL); err != nil {
			return fmt.Errorf("lesson: evidence: %w", err)
		}
	}
	return nil
}

func record(ctx context.Context, q db.Querier, a Actor, action string, l *Lesson) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "lesson", TargetID: strconv.FormatInt(l.ID, 10), Detail: l.Title})
}

// reindex brings the lesson's search entry up to date after a write. The
// write has succeeded by then, so a failure is logged, not returned: the
// next write or rebuild corrects the index.
func (s *Store) reindex(ctx context.Context, id int64) {
	if s.NoSearch {
		return
	}
	ref := search.Ref{Type: search.TypeLesson, ID: id}
	if err := search.New(s.DB, s.Now).Refresh(context.WithoutCancel(ctx), ref); err != nil {
		slog.Error("search index refresh", "lesson", id, "err", err)
	}
}

// ByID loads a lesson with its evidence.
func (s *Store) ByID(ctx context.Context, id int64) (*Lesson, error) {
	list, err := s.list(ctx, `SELECT `+columns+` FROM lessons WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, db.ErrNotFound
	}
	return list[0], nil
}

// ByIDs loads the lessons with ids, in the order of ids; missing ones are
// left out.
func (s *Store) ByIDs(ctx context.Context, ids []int64) ([]*Lesson, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	list, err := s.list(ctx, `SELECT `+columns+` FROM lessons WHERE id IN (`+db.Marks(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Lesson, len(list))
	for _, l := range list {
		byID[l.ID] = l
	}
	out := make([]*Lesson, 0, len(list))
	for _, id := range ids {
		if l := byID[id]; l != nil {
			out = append(out, l)
		}
	}
	return out, nil
}

// ForOrg lists an organisation's lessons, newest first: the published
// ones, and the drafts too when includeDrafts.
func (s *Store) ForOrg(ctx context.Context, orgID int64, includeDrafts bool) ([]*Lesson, error) {
	q := `SELECT ` + columns + ` FROM lessons WHERE org_id = ?`
	if !includeDrafts {
		q += ` AND published = TRUE`
	}
	return s.list(ctx, q+` ORDER BY COALESCE(published_at, created_at) DESC, id DESC`, orgID)
}

// BySource lists the lessons written from one source (a reflection
// session, a cycle), oldest first, drafts included.
func (s *Store) BySource(ctx context.Context, kind string, id int64) ([]*Lesson, error) {
	return s.list(ctx, `SELECT `+columns+` FROM lessons WHERE source_kind = ? AND source_id = ? ORDER BY id`, kind, id)
}

func (s *Store) list(ctx context.Context, query string, args ...any) ([]*Lesson, error) {
	rows, err := s.DB.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("lesson: list: %w", err)
	}
	var out []*Lesson
	for rows.Next() {
		l, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("lesson: list: %w", err)
		}
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lesson: list: %w", err)
	}
	return out, s.loadEvidence(ctx, out)
}

// loadEvidence fills the evidence of lessons, in one query.
func (s *Store) loadEvidence(ctx context.Context, list []*Lesson) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*Lesson, len(list))
	args := make([]any, len(list))
	for i, l := range list {
		byID[l.ID], args[i] = l, l.ID
	}
	rows, err := s.DB.Query(ctx, `SELECT lesson_id, label, url FROM lesson_evidence WHERE lesson_id IN (`+
		db.Marks(len(list))+`) ORDER BY lesson_id, position`, args...)
	if err != nil {
		return fmt.Errorf("lesson: evidence: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e Evidence
		if err := rows.Scan(&id, &e.Label, &e.URL); err != nil {
			return fmt.Errorf("lesson: evidence: %w", err)
		}
		byID[id].Evidence = append(byID[id].Evidence, e)
	}
	return rows.Err()
}
