package campaign

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
)

// NewsJobKind is the kind of the job that e-mails one update to the
// campaign's subscribers. Posting an update only queues this job, so a
// campaign with thousands of subscribers posts as fast as one without.
const NewsJobKind = "campaign.news"

// NewsJob is the payload of a NewsJobKind job.
type NewsJob struct {
	UpdateID int64 `json:"update_id"`
}

// Posted is what PostUpdate did.
type Posted struct {
	ID int64
	// Recipients is how many subscribers the update goes to.
	Recipients int
	// Created is false when the form token had already posted this update
	// (a double submit): nothing was posted or queued again.
	Created bool
}

// PostUpdate posts news on a campaign and, in the same transaction, queues
// the job that e-mails it to the campaign's subscribers. token is the
// update form's one-time token: the same token again returns the update it
// posted first, so a double submit posts and sends once. An empty token
// (updates not typed in a form) is never matched.
func (s *Store) PostUpdate(ctx context.Context, campaignID, authorID int64, title, body, token string) (Posted, error) {
	var author, formToken any
	if authorID != 0 {
		author = authorID
	}
	if token != "" {
		formToken = token
	}
	p := Posted{Created: true}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO campaign_updates (campaign_id, title, body, author, created_at, form_token)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, campaignID, title, body, author, s.now(), formToken).Scan(&p.ID); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM campaign_subscribers
			WHERE campaign_id = ? AND unsubscribed_at IS NULL`, campaignID).Scan(&p.Recipients); err != nil {
			return err
		}
		if p.Recipients == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE campaign_updates SET recipients = ? WHERE id = ?`, p.Recipients, p.ID); err != nil {
			return err
		}
		_, err := jobs.Enqueue(ctx, tx, NewsJobKind, NewsJob{UpdateID: p.ID}, db.Now())
		return err
	})
	if token != "" && db.IsUniqueViolation(err) {
		// The same form again: report the update it posted.
		err = s.DB.QueryRow(ctx, `SELECT id, recipients FROM campaign_updates WHERE form_token = ? AND campaign_id = ?`,
			token, campaignID).Scan(&p.ID, &p.Recipients)
		if errors.Is(err, sql.ErrNoRows) {
			return Posted{}, db.ErrNotFound
		}
		p.Created = false
	}
	if err != nil {
		return Posted{}, fmt.Errorf("campaign: post update: %w", err)
	}
	return p, nil
}

// News is one update as its e-mail tells it.
type News struct {
	UpdateID      int64
	CampaignID    int64
	CampaignSlug  string
	CampaignTitle string
	Title         string
	Body          string
}

// SendNews queues one e-mail per current subscriber of the update's
// campaign, written by compose, and returns how many it queued. It runs in
// one transaction that also marks the update mailed, so that running it
// again (a job retried after its commit) queues nothing more. A subscriber
// whose message cannot be sent as it is (an address that no longer parses)
// is skipped.
func (s *Store) SendNews(ctx context.Context, updateID int64, compose func(News, Subscriber) mail.Message) (int, error) {
	sent := 0
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE campaign_updates SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL`,
			s.now(), updateID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // sent already, or the update is gone
		}
		n := News{UpdateID: updateID}
		if err := tx.QueryRow(ctx, `SELECT c.id, c.slug, c.title, u.title, u.body FROM campaign_updates u
			JOIN campaigns c ON c.id = u.campaign_id WHERE u.id = ?`, updateID).Scan(&n.CampaignID, &n.CampaignSlug,
			&n.CampaignTitle, &n.Title, &n.Body); err != nil {
			return err
		}
		subs, err := Subscribers(ctx, tx, n.CampaignID)
		if err != nil {
			return err
		}
		for _, sub := range subs {
			err := mail.Queue(ctx, tx, compose(n, sub))
			if errors.Is(err, mail.ErrBadMessage) {
				continue
			}
			if err != nil {
				return err
			}
			sent++
		}
		_, err = tx.Exec(ctx, `UPDATE campaign_updates SET recipients = ? WHERE id = ?`, sent, updateID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("campaign: send news: %w", err)
	}
	return sent, nil
}

// NewsHandler is the job handler that e-mails updates with compose.
func (s *Store) NewsHandler(compose func(News, Subscriber) mail.Message) jobs.Handler {
	return func(ctx context.Context, payload []byte) error {
		var j NewsJob
		if err := json.Unmarshal(payload, &j); err != nil || j.UpdateID <= 0 {
			return jobs.Permanent(fmt.Errorf("campaign: news job %q: %v", payload, err))
		}
		_, err := s.SendNews(ctx, j.UpdateID, compose)
		return err
	}
}

// SubscriberByToken returns the subscriber holding token (the stop link's)
// and whether the news still goes to them; db.ErrNotFound when none.
func SubscriberByToken(ctx context.Context, q db.Querier, token string) (*Subscriber, bool, error) {
	sub := &Subscriber{}
	var stopped sql.NullTime
	err := q.QueryRow(ctx, `SELECT id, campaign_id, email, name, lang, token, unsubscribed_at FROM campaign_subscribers
		WHERE token = ?`, token).Scan(&sub.ID, &sub.CampaignID, &sub.Email, &sub.Name, &sub.Lang, &sub.Token, &stopped)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, db.ErrNotFound
	}
	if err != nil {
		return nil, false, fmt.Errorf("campaign: subscriber: %w", err)
	}
	return sub, !stopped.Valid, nil
}
