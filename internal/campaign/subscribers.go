package campaign

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"strings"

	"lokadaya/internal/db"
)

// Subscriber is a supporter who asked for a campaign's news by e-mail.
type Subscriber struct {
	ID         int64
	CampaignID int64
	Email      string
	Name       string
	Lang       string // "id" or "en": the language of the page they used
	Token      string // for the stop link in every message
}

// Subscribe records that email wants the campaign's news. It is called in
// the transaction that records the support, so both land or neither. A
// second support from the same e-mail keeps one row and turns the news
// back on if it had been stopped.
func Subscribe(ctx context.Context, q db.Querier, campaignID int64, email, name, lang string) error {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil
	}
	if lang != "en" {
		lang = "id"
	}
	_, err := q.Exec(ctx, `INSERT INTO campaign_subscribers (campaign_id, email, name, lang, token, created_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (campaign_id, email) DO UPDATE SET unsubscribed_at = NULL`,
		campaignID, email, strings.TrimSpace(name), lang, rand.Text(), db.Now())
	return err
}

// Subscribers lists who still wants the campaign's news, oldest first.
func Subscribers(ctx context.Context, q db.Querier, campaignID int64) ([]Subscriber, error) {
	rows, err := q.Query(ctx, `SELECT id, campaign_id, email, name, lang, token FROM campaign_subscribers
		WHERE campaign_id = ? AND unsubscribed_at IS NULL ORDER BY id`, campaignID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Subscriber
	for rows.Next() {
		var s Subscriber
		if err := rows.Scan(&s.ID, &s.CampaignID, &s.Email, &s.Name, &s.Lang, &s.Token); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Unsubscribe stops the news for the subscriber holding token and returns
// the campaign. Stopping twice is fine; an unknown token is db.ErrNotFound.
func Unsubscribe(ctx context.Context, q db.Querier, token string) (campaignID int64, err error) {
	err = q.QueryRow(ctx, `SELECT campaign_id FROM campaign_subscribers WHERE token = ?`, token).Scan(&campaignID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, db.ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	_, err = q.Exec(ctx, `UPDATE campaign_subscribers SET unsubscribed_at = ? WHERE token = ? AND unsubscribed_at IS NULL`,
		db.Now(), token)
	return campaignID, err
}
