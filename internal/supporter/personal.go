package supporter

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/db"
)

// erased starts the marker that replaces an erased person's contact: a
// random token, the same on all their records, so that the supporters
// stay counted as the same number of people while nobody can tell who
// they were. Columns that must look like an e-mail get "@invalid" added.
const erased = "dihapus"

// markerLen is the length of a marker: erased, '-', 16 hex digits.
const markerLen = "24"

// newMarker makes a fresh marker for one erasure.
func newMarker() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return erased + "-" + hex.EncodeToString(b), nil
}

// Records are the supporter records that carry one e-mail address: what a
// person gave or asked for on campaign pages, with or without an account.
type Records struct {
	Donations     []Donation     `json:"donations"`
	Goods         []GoodsPledge  `json:"goods_pledges"`
	Volunteers    []Volunteer    `json:"volunteer_signups"`
	Offers        []Offer        `json:"offers"`
	Signatures    []Signature    `json:"petition_signatures"`
	Subscriptions []Subscription `json:"campaign_news_subscriptions"`
}

// Len is how many records there are in all.
func (r *Records) Len() int {
	return len(r.Donations) + len(r.Goods) + len(r.Volunteers) + len(r.Offers) + len(r.Signatures) + len(r.Subscriptions)
}

// CampaignRef names the campaign a record belongs to.
type CampaignRef struct {
	Slug  string `json:"campaign_slug"`
	Title string `json:"campaign_title"`
}

// Donation is a donation left with the e-mail.
type Donation struct {
	CampaignRef
	Amount    int64     `json:"amount"`
	Method    string    `json:"method"`
	Status    string    `json:"status"`
	Name      string    `json:"name"`
	Anonymous bool      `json:"anonymous"`
	Message   string    `json:"message"`
	Email     string    `json:"email"`
	Phone     string    `json:"phone"`
	CreatedAt time.Time `json:"created_at"`
}

// GoodsPledge is a pledge of goods.
type GoodsPledge struct {
	CampaignRef
	Item         string    `json:"item"`
	Quantity     int64     `json:"quantity"`
	Unit         string    `json:"unit"`
	Received     int64     `json:"received"`
	Status       string    `json:"status"`
	Name         string    `json:"name"`
	Anonymous    bool      `json:"anonymous"`
	Message      string    `json:"message"`
	DeliveryNote string    `json:"delivery_note"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone"`
	CreatedAt    time.Time `json:"created_at"`
}

// Volunteer is a volunteer sign-up.
type Volunteer struct {
	CampaignRef
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone"`
	Region       string    `json:"region_code"`
	Skills       string    `json:"skills"`
	Availability string    `json:"availability"`
	Status       string    `json:"status"`
	CreatedAt    time.Time `json:"created_at"`
}

// Offer is an offer of skills or partnership.
type Offer struct {
	CampaignRef
	Need        string    `json:"need"`
	Kind        string    `json:"offerer_kind"`
	Name        string    `json:"name"`
	Institution string    `json:"institution"`
	Body        string    `json:"body"`
	Email       string    `json:"email"`
	Phone       string    `json:"phone"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
}

// Signature is a petition signature.
type Signature struct {
	CampaignRef
	Name       string     `json:"name"`
	Email      string     `json:"email"`
	Region     string     `json:"region_code"`
	Comment    string     `json:"comment"`
	Anonymous  bool       `json:"anonymous"`
	VerifiedAt *time.Time `json:"verified_at"`
	CreatedAt  time.Time  `json:"created_at"`
}

// Subscription is a wish for a campaign's news by e-mail.
type Subscription struct {
	CampaignRef
	Name           string     `json:"name"`
	Email          string     `json:"email"`
	CreatedAt      time.Time  `json:"created_at"`
	UnsubscribedAt *time.Time `json:"unsubscribed_at"`
}

// matches is the condition on a record's e-mail column (alias x).
func matches(col string) string { return `LOWER(TRIM(x.` + col + `)) = ?` }

// norm is an e-mail as records are matched: trimmed, lower case.
func norm(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// each runs query and calls scan for every row.
func each(ctx context.Context, q db.Querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func utcPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

// Find gathers the supporter records left with email, oldest first in
// each kind. The caller must know that email belongs to the person asking
// (a verified account address).
func Find(ctx context.Context, q db.Querier, email string) (*Records, error) {
	email = norm(email)
	r := &Records{Donations: []Donation{}, Goods: []GoodsPledge{}, Volunteers: []Volunteer{}, Offers: []Offer{},
		Signatures: []Signature{}, Subscriptions: []Subscription{}}
	if email == "" {
		return r, nil
	}
	args := []any{email}
	steps := []struct {
		query string
		scan  func(*sql.Rows) error
	}{
		{`SELECT c.slug, c.title, x.amount, x.method, x.status, x.donor_name, x.anonymous, x.message, x.contact_email,
			x.contact_phone, x.created_at FROM donations x JOIN campaigns c ON c.id = x.campaign_id
			WHERE ` + matches("contact_email") + ` ORDER BY x.id`, func(rs *sql.Rows) error {
			var d Donation
			err := rs.Scan(&d.Slug, &d.Title, &d.Amount, &d.Method, &d.Status, &d.Name, &d.Anonymous, &d.Message,
				&d.Email, &d.Phone, &d.CreatedAt)
			d.CreatedAt = d.CreatedAt.UTC()
			r.Donations = append(r.Donations, d)
			return err
		}},
		{`SELECT c.slug, c.title, x.item, x.quantity, x.unit, x.received, x.status, x.pledger_name, x.anonymous,
			x.message, x.delivery_note, x.contact_email, x.contact_phone, x.created_at FROM goods_pledges x
			JOIN campaigns c ON c.id = x.campaign_id WHERE ` + matches("contact_email") + ` ORDER BY x.id`,
			func(rs *sql.Rows) error {
				var g GoodsPledge
				err := rs.Scan(&g.Slug, &g.Title, &g.Item, &g.Quantity, &g.Unit, &g.Received, &g.Status, &g.Name,
					&g.Anonymous, &g.Message, &g.DeliveryNote, &g.Email, &g.Phone, &g.CreatedAt)
				g.CreatedAt = g.CreatedAt.UTC()
				r.Goods = append(r.Goods, g)
				return err
			}},
		{`SELECT c.slug, c.title, x.name, x.email, x.phone, x.region_code, x.skills, x.availability, x.status,
			x.created_at FROM volunteer_signups x JOIN campaigns c ON c.id = x.campaign_id
			WHERE ` + matches("email") + ` ORDER BY x.id`, func(rs *sql.Rows) error {
			var v Volunteer
			err := rs.Scan(&v.Slug, &v.Title, &v.Name, &v.Email, &v.Phone, &v.Region, &v.Skills, &v.Availability,
				&v.Status, &v.CreatedAt)
			v.CreatedAt = v.CreatedAt.UTC()
			r.Volunteers = append(r.Volunteers, v)
			return err
		}},
		{`SELECT c.slug, c.title, x.need_title, x.offerer_kind, x.name, x.institution, x.body, x.contact_email,
			x.contact_phone, x.status, x.created_at FROM offers x JOIN campaigns c ON c.id = x.campaign_id
			WHERE ` + matches("contact_email") + ` ORDER BY x.id`, func(rs *sql.Rows) error {
			var o Offer
			err := rs.Scan(&o.Slug, &o.Title, &o.Need, &o.Kind, &o.Name, &o.Institution, &o.Body, &o.Email,
				&o.Phone, &o.Status, &o.CreatedAt)
			o.CreatedAt = o.CreatedAt.UTC()
			r.Offers = append(r.Offers, o)
			return err
		}},
		{`SELECT c.slug, c.title, x.name, x.email, x.region_code, x.comment, x.anonymous, x.verified_at,
			x.created_at FROM petition_signatures x JOIN campaigns c ON c.id = x.campaign_id
			WHERE ` + matches("email") + ` ORDER BY x.id`, func(rs *sql.Rows) error {
			var s Signature
			var at sql.NullTime
			err := rs.Scan(&s.Slug, &s.Title, &s.Name, &s.Email, &s.Region, &s.Comment, &s.Anonymous, &at,
				&s.CreatedAt)
			s.CreatedAt, s.VerifiedAt = s.CreatedAt.UTC(), utcPtr(at)
			r.Signatures = append(r.Signatures, s)
			return err
		}},
		{`SELECT c.slug, c.title, x.name, x.email, x.created_at, x.unsubscribed_at FROM campaign_subscribers x
			JOIN campaigns c ON c.id = x.campaign_id WHERE ` + matches("email") + ` ORDER BY x.id`,
			func(rs *sql.Rows) error {
				var s Subscription
				var at sql.NullTime
				err := rs.Scan(&s.Slug, &s.Title, &s.Name, &s.Email, &s.CreatedAt, &at)
				s.CreatedAt, s.UnsubscribedAt = s.CreatedAt.UTC(), utcPtr(at)
				r.Subscriptions = append(r.Subscriptions, s)
				return err
			}},
	}
	for _, st := range steps {
		if err := each(ctx, q, st.query, args, st.scan); err != nil {
			return nil, fmt.Errorf("supporter: find: %w", err)
		}
	}
	return r, nil
}

// Erase removes the personal data from the supporter records left with
// email, run inside the transaction that deletes the account. What counts
// stays: a donation keeps its amount, method and status but loses name,
// contact and message; a pledge keeps its items; an accepted volunteer
// stays accepted without name or contact (a sign-up still pending or
// waiting is declined, freeing its slot); an offer keeps its text with the
// organisation but loses the person's name and contact; a verified
// signature stays counted, by region, without name, e-mail or comment
// (an unverified one is deleted); news subscriptions are deleted. The
// contacts are replaced by one random marker, so the person still counts
// once among the supporters.
func Erase(ctx context.Context, tx *db.Tx, email string) error {
	email = norm(email)
	if email == "" {
		return nil
	}
	mark, err := newMarker()
	if err != nil {
		return fmt.Errorf("supporter: erase: %w", err)
	}
	addr := mark + "@invalid"
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE donations SET donor_name = '', anonymous = TRUE, message = '', contact_email = '', contact_phone = ?
			WHERE LOWER(TRIM(contact_email)) = ?`, []any{mark, email}},
		{`UPDATE goods_pledges SET pledger_name = '', anonymous = TRUE, message = '', delivery_note = '',
			contact_email = '', contact_phone = ? WHERE LOWER(TRIM(contact_email)) = ?`, []any{mark, email}},
		{`UPDATE volunteer_signups SET status = 'declined', decline_reason = ?
			WHERE LOWER(TRIM(email)) = ? AND status IN ('pending', 'waiting')`, []any{erased, email}},
		{`UPDATE volunteer_signups SET name = '', email = ?, phone = '', skills = '', availability = '',
			hide_name = TRUE WHERE LOWER(TRIM(email)) = ?`, []any{addr, email}},
		{`UPDATE offer_messages SET author_name = '' WHERE from_org = FALSE
			AND offer_id IN (SELECT id FROM offers WHERE LOWER(TRIM(contact_email)) = ?)`, []any{email}},
		{`UPDATE offers SET name = '', contact_email = '', contact_phone = ?, show_name = FALSE
			WHERE LOWER(TRIM(contact_email)) = ?`, []any{mark, email}},
		{`DELETE FROM petition_signatures WHERE LOWER(TRIM(email)) = ? AND verified_at IS NULL`, []any{email}},
		{`UPDATE petition_signatures SET name = '', email = ?, comment = '', anonymous = TRUE
			WHERE LOWER(TRIM(email)) = ?`, []any{addr, email}},
		{`DELETE FROM campaign_subscribers WHERE LOWER(TRIM(email)) = ?`, []any{email}},
	}
	for _, st := range steps {
		if _, err := tx.Exec(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("supporter: erase: %w", err)
		}
	}
	return nil
}
