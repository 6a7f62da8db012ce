package web

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/framework"
)

// errNotOrgs answers 404 for an initiative of another organisation.
var errNotOrgs = fmt.Errorf("web: initiative of another organisation: %w", db.ErrNotFound)

// stageOneAnswers reads the latest answer to each stage 1 question of a
// cycle, in the framework's order, for the "triangle" beside the problem.
// The answers belong to the cycle workspace; they are read by SQL so the
// tools do not depend on its code.
func (s *Server) stageOneAnswers(ctx context.Context, cycleID int64) ([]toolAnswer, error) {
	rows, err := s.db.Query(ctx, `SELECT a.question_key, a.body FROM answer_versions a
		WHERE a.cycle_id = ? AND a.question_key LIKE '1.%'
		AND a.version = (SELECT MAX(b.version) FROM answer_versions b WHERE b.cycle_id = a.cycle_id AND b.question_key = a.question_key)
		ORDER BY a.question_key`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("web: stage 1 answers: %w", err)
	}
	defer rows.Close()
	byKey := map[string]string{}
	var keys []string
	for rows.Next() {
		var k, body string
		if err := rows.Scan(&k, &body); err != nil {
			return nil, fmt.Errorf("web: stage 1 answers: %w", err)
		}
		if body != "" {
			byKey[k] = body
			keys = append(keys, k)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []toolAnswer
	fw := framework.Current()
	if st, ok := fw.Stage(1); ok {
		for _, q := range st.Questions {
			if b, ok := byKey[q.Key]; ok {
				out = append(out, toolAnswer{Key: q.Key, Question: q.Text, Body: b})
				delete(byKey, q.Key)
			}
		}
	}
	// Answers to questions of another edition still count.
	for _, k := range keys {
		if b, ok := byKey[k]; ok {
			out = append(out, toolAnswer{Key: k, Question: framework.Text{ID: k, EN: k}, Body: b})
		}
	}
	return out, nil
}
