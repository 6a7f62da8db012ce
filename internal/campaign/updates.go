package campaign

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// MaxUpdateBody bounds an update's text, in characters.
const MaxUpdateBody = 10000

// ParseUpdate reads and checks an update form: a title and a body.
func ParseUpdate(title, body string) (string, string, validate.Errors) {
	title = strings.TrimSpace(title)
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	e := validate.Errors{}
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		e.Add("update_title", "campaign.err.update_title")
	case n > MaxTitle:
		e.Add("update_title", "form.too_long")
	}
	switch n := utf8.RuneCountInString(body); {
	case n == 0:
		e.Add("update_body", "campaign.err.update_body")
	case n > MaxUpdateBody:
		e.Add("update_body", "form.too_long")
	}
	return title, body, e
}

// AddUpdate posts news on a campaign. E-mailing supporters who asked for
// news comes with the support flows.
func (s *Store) AddUpdate(ctx context.Context, campaignID, authorID int64, title, body string) (int64, error) {
	var author any
	if authorID != 0 {
		author = authorID
	}
	var id int64
	if err := s.DB.QueryRow(ctx, `INSERT INTO campaign_updates (campaign_id, title, body, author, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, campaignID, title, body, author, s.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("campaign: add update: %w", err)
	}
	return id, nil
}

// Updates lists a campaign's updates, newest first.
func (s *Store) Updates(ctx context.Context, campaignID int64) ([]Update, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.id, p.title, p.body, p.author, COALESCE(u.name, ''), p.created_at
		FROM campaign_updates p LEFT JOIN users u ON u.id = p.author WHERE p.campaign_id = ? ORDER BY p.id DESC`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("campaign: updates: %w", err)
	}
	defer rows.Close()
	var out []Update
	for rows.Next() {
		u := Update{CampaignID: campaignID}
		if err := rows.Scan(&u.ID, &u.Title, &u.Body, &u.AuthorID, &u.Author, &u.CreatedAt); err != nil {
			return nil, fmt.Errorf("campaign: updates: %w", err)
		}
		u.CreatedAt = u.CreatedAt.UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}
