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

// AddUpdate posts news on a campaign and queues its e-mail to the
// subscribers; see PostUpdate.
func (s *Store) AddUpdate(ctx context.Context, campaignID, authorID int64, title, body string) (int64, error) {
	p, err := s.PostUpdate(ctx, campaignID, authorID, title, body, "")
	return p.ID, err
}

// Updates lists a campaign's updates, newest first.
func (s *Store) Updates(ctx context.Context, campaignID int64) ([]Update, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.id, p.title, p.body, p.author, COALESCE(u.name, ''), p.created_at, p.recipients
		FROM campaign_updates p LEFT JOIN users u ON u.id = p.author WHERE p.campaign_id = ? ORDER BY p.id DESC`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("campaign: updates: %w", err)
	}
	defer rows.Close()
	var out []Update
	for rows.Next() {
		u := Update{CampaignID: campaignID}
		if err := rows.Scan(&u.ID, &u.Title, &u.Body, &u.AuthorID, &u.Author, &u.CreatedAt, &u.Recipients); err != nil {
			return nil, fmt.Errorf("campaign: updates: %w", err)
		}
		u.CreatedAt = u.CreatedAt.UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}
