package dataset

import (
	"context"
	"fmt"
	"slices"

	"lokadaya/internal/db"
)

// Cite sets the datasets a subject cites — a proposal, a forum, an action
// team's plan (SubjectKinds) — replacing what it cited before. Only
// published datasets may be cited: any other id (unknown, draft,
// withdrawn, of a hidden organisation) refuses the whole set with
// ErrNotPublished and nothing changes. An empty list removes every
// citation of the subject.
func (s *Store) Cite(ctx context.Context, kind string, subjectID int64, datasetIDs []int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error { return s.CiteIn(ctx, tx, kind, subjectID, datasetIDs) })
}

// CiteIn is Cite within the caller's transaction, so a subject and its
// citations are written together or not at all.
func (s *Store) CiteIn(ctx context.Context, q db.Querier, kind string, subjectID int64, datasetIDs []int64) error {
	if !slices.Contains(SubjectKinds, kind) || subjectID <= 0 {
		return ErrSubjectKind
	}
	ids := unique(datasetIDs)
	if err := citable(ctx, q, ids); err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `DELETE FROM dataset_citations WHERE subject_kind = ? AND subject_id = ?`, kind, subjectID); err != nil {
		return fmt.Errorf("dataset: cite: %w", err)
	}
	now := s.now()
	for _, id := range ids {
		if _, err := q.Exec(ctx, `INSERT INTO dataset_citations (dataset_id, subject_kind, subject_id, created_at)
			VALUES (?, ?, ?, ?)`, id, kind, subjectID, now); err != nil {
			return fmt.Errorf("dataset: cite: %w", err)
		}
	}
	return nil
}

// CheckCitable reports ErrNotPublished unless every id is a published
// dataset: a form checks before it writes anything.
func (s *Store) CheckCitable(ctx context.Context, datasetIDs []int64) error {
	return citable(ctx, s.DB, unique(datasetIDs))
}

func citable(ctx context.Context, q db.Querier, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*)`+from+` WHERE d.id IN (`+db.Marks(len(ids))+`) AND `+public,
		args...).Scan(&n); err != nil {
		return fmt.Errorf("dataset: cite: %w", err)
	}
	if n != len(ids) {
		return ErrNotPublished
	}
	return nil
}

func unique(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// CitedBy lists the published datasets a subject cites, by title; one
// withdrawn since it was cited is left out until it comes back. The
// dictionaries are not loaded.
func (s *Store) CitedBy(ctx context.Context, kind string, subjectID int64) ([]*Dataset, error) {
	return s.query(ctx, `SELECT `+columns+from+` JOIN dataset_citations c ON c.dataset_id = d.id
		WHERE c.subject_kind = ? AND c.subject_id = ? AND `+public+` ORDER BY d.title, d.id`, kind, subjectID)
}

// CitedIDs are the ids of the datasets a subject cites, whatever their
// status: a form's checked boxes.
func (s *Store) CitedIDs(ctx context.Context, kind string, subjectID int64) ([]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT dataset_id FROM dataset_citations WHERE subject_kind = ? AND subject_id = ?
		ORDER BY dataset_id`, kind, subjectID)
	if err != nil {
		return nil, fmt.Errorf("dataset: cited: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Citing lists who cites a dataset, oldest citation first. The subjects
// are named by kind and id; the pages that show them look them up.
func (s *Store) Citing(ctx context.Context, datasetID int64) ([]Citation, error) {
	rows, err := s.DB.Query(ctx, `SELECT dataset_id, subject_kind, subject_id, created_at FROM dataset_citations
		WHERE dataset_id = ? ORDER BY created_at, subject_kind, subject_id`, datasetID)
	if err != nil {
		return nil, fmt.Errorf("dataset: citing: %w", err)
	}
	defer rows.Close()
	var out []Citation
	for rows.Next() {
		var c Citation
		if err := rows.Scan(&c.DatasetID, &c.SubjectKind, &c.SubjectID, &c.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
