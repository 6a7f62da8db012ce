package offer

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// Errors of the store.
var (
	// ErrClosed means the offer was agreed or declined: the offerer can no
	// longer reply.
	ErrClosed = errors.New("offer: closed")
	// ErrTransition means the status change is not one of baru → dibahas
	// → disepakati / ditolak, or the offer moved meanwhile.
	ErrTransition = errors.New("offer: status change not allowed")
)

// Target is the need an offer goes to; the caller resolves it from the
// public page and checks that the campaign takes offers now.
type Target struct {
	CampaignID int64
	NeedID     int64
	NeedTitle  string
	OrgID      int64
	Lang       string // the offerer's language, "id" or "en"
}

// Store keeps offers and their threads.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
	// OnCreate runs inside the transaction that stores a new offer: to
	// send the offerer their private link, tell the organisation and
	// record the wish for the campaign's news, all or nothing.
	OnCreate func(ctx context.Context, q db.Querier, o *Offer, in Input) error
	// OnMessage runs inside the transaction that adds to a thread (a reply
	// of either side or a status change), to tell the other side.
	OnMessage func(ctx context.Context, q db.Querier, o *Offer, m *Message) error
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const columns = `id, campaign_id, need_id, need_title, org_id, offerer_kind, name, institution, body,
	contact_email, contact_phone, show_name, lang, status, reject_reason, awaiting_org, form_token, access_token,
	created_at, updated_at, decided_at`

func scan(sc interface{ Scan(...any) error }) (*Offer, error) {
	o := &Offer{}
	var decided sql.NullTime
	if err := sc.Scan(&o.ID, &o.CampaignID, &o.NeedID, &o.NeedTitle, &o.OrgID, &o.Kind, &o.Name, &o.Institution,
		&o.Body, &o.Email, &o.Phone, &o.ShowName, &o.Lang, &o.Status, &o.Reason, &o.AwaitingOrg, &o.FormToken,
		&o.AccessToken, &o.CreatedAt, &o.UpdatedAt, &decided); err != nil {
		return nil, err
	}
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	if decided.Valid {
		t := decided.Time.UTC()
		o.DecidedAt = &t
	}
	return o, nil
}

func get(ctx context.Context, q db.Querier, where string, args ...any) (*Offer, error) {
	o, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM offers WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("offer: get: %w", err)
	}
	return o, nil
}

// ByID returns an offer; db.ErrNotFound when none.
func (s *Store) ByID(ctx context.Context, id int64) (*Offer, error) {
	return get(ctx, s.DB, `id = ?`, id)
}

// OfOrg returns the organisation's offer id; another organisation's offer
// is db.ErrNotFound.
func (s *Store) OfOrg(ctx context.Context, orgID, id int64) (*Offer, error) {
	return get(ctx, s.DB, `id = ? AND org_id = ?`, id, orgID)
}

// ByAccess returns the offer whose private link holds token;
// db.ErrNotFound when none.
func (s *Store) ByAccess(ctx context.Context, token string) (*Offer, error) {
	if token == "" || len(token) > MaxToken {
		return nil, db.ErrNotFound
	}
	return get(ctx, s.DB, `access_token = ?`, token)
}

// ByFormToken returns the offer a form's one-time token created;
// db.ErrNotFound when none.
func (s *Store) ByFormToken(ctx context.Context, token string) (*Offer, error) {
	if token == "" || len(token) > MaxToken {
		return nil, db.ErrNotFound
	}
	return get(ctx, s.DB, `form_token = ?`, token)
}

// Create stores a new offer with a fresh private link, or returns the
// offer the same form token already created (created is then false).
// Invalid input is reported as validate.Errors.
func (s *Store) Create(ctx context.Context, t Target, in Input) (o *Offer, created bool, err error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, false, errs
	}
	if o, err := s.ByFormToken(ctx, in.Token); err == nil {
		return o, false, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, false, err
	}
	lang := t.Lang
	if lang != "en" {
		lang = "id"
	}
	now := s.now()
	need := t.NeedID
	o = &Offer{CampaignID: t.CampaignID, NeedID: &need, NeedTitle: t.NeedTitle, OrgID: t.OrgID, Kind: in.Kind,
		Name: in.Name, Institution: in.Institution, Body: in.Body, Email: in.Email, Phone: in.Phone,
		ShowName: in.ShowName, Lang: lang, Status: StatusNew, AwaitingOrg: true, FormToken: in.Token,
		AccessToken: rand.Text(), CreatedAt: now, UpdatedAt: now}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO offers (campaign_id, need_id, need_title, org_id, offerer_kind, name,
			institution, body, contact_email, contact_phone, show_name, lang, status, awaiting_org, form_token,
			access_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'baru', TRUE, ?, ?, ?, ?)
			RETURNING id`, o.CampaignID, need, o.NeedTitle, o.OrgID, o.Kind, o.Name, o.Institution, o.Body, o.Email,
			o.Phone, o.ShowName, o.Lang, o.FormToken, o.AccessToken, now, now).Scan(&o.ID); err != nil {
			return err
		}
		if s.OnCreate != nil {
			return s.OnCreate(ctx, tx, o, in)
		}
		return nil
	})
	if db.IsUniqueViolation(err) {
		// A double submit raced itself: the other one won.
		if o, err := s.ByFormToken(ctx, in.Token); err == nil {
			return o, false, nil
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("offer: create: %w", err)
	}
	return o, true, nil
}

// Thread is an offer's messages, oldest first.
func (s *Store) Thread(ctx context.Context, offerID int64) ([]Message, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, offer_id, from_org, author_id, author_name, body, event, created_at
		FROM offer_messages WHERE offer_id = ? ORDER BY id`, offerID)
	if err != nil {
		return nil, fmt.Errorf("offer: thread: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		if err := rows.Scan(&m.ID, &m.OfferID, &m.FromOrg, &m.AuthorID, &m.AuthorName, &m.Body, &m.Event,
			&m.CreatedAt); err != nil {
			return nil, fmt.Errorf("offer: thread: %w", err)
		}
		m.CreatedAt = m.CreatedAt.UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// OffererReply adds the offerer's reply to the offer behind the private
// link token. A closed offer takes no reply: ErrClosed.
func (s *Store) OffererReply(ctx context.Context, token, body string) (*Offer, *Message, error) {
	body, errs := CheckBody("body", body, MaxBody)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	o, err := s.ByAccess(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	var m *Message
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		// The status condition keeps a reply out of an offer closed a
		// moment ago.
		res, err := tx.Exec(ctx, `UPDATE offers SET awaiting_org = TRUE, updated_at = ?
			WHERE id = ? AND status IN ('baru', 'dibahas')`, now, o.ID)
		if n, err := affected(res, err); err != nil {
			return err
		} else if n == 0 {
			return ErrClosed
		}
		if o, err = get(ctx, tx, `id = ?`, o.ID); err != nil {
			return err
		}
		m, err = addMessage(ctx, tx, &Message{OfferID: o.ID, Body: body, CreatedAt: now})
		if err != nil {
			return err
		}
		if s.OnMessage != nil {
			return s.OnMessage(ctx, tx, o, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return o, m, nil
}

// OrgReply adds a member's reply to the organisation's offer. A reply to
// a new offer moves it to dibahas by itself — answering is discussing —
// and the audit log records that. The organisation may still write on a
// closed offer (to arrange what was agreed, say); the status stays.
func (s *Store) OrgReply(ctx context.Context, orgID, id int64, actor Actor, body string) (*Offer, *Message, error) {
	body, errs := CheckBody("body", body, MaxBody)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	var o *Offer
	var m *Message
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		// Whether this reply moves the offer on: of two replies at once,
		// the row lock lets only the first find it new.
		res, err := tx.Exec(ctx, `UPDATE offers SET status = 'dibahas' WHERE id = ? AND org_id = ? AND status = 'baru'`,
			id, orgID)
		moved, err := affected(res, err)
		if err != nil {
			return err
		}
		res, err = tx.Exec(ctx, `UPDATE offers SET awaiting_org = FALSE, updated_at = ? WHERE id = ? AND org_id = ?`,
			now, id, orgID)
		if n, err := affected(res, err); err != nil {
			return err
		} else if n == 0 {
			return db.ErrNotFound
		}
		if o, err = get(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		msg := &Message{OfferID: id, FromOrg: true, AuthorID: actorID(actor), AuthorName: actor.Name, Body: body,
			CreatedAt: now}
		if moved == 1 {
			msg.Event = StatusDiscussed
			if err := record(ctx, tx, actor, o, StatusNew, StatusDiscussed, ""); err != nil {
				return err
			}
		}
		if m, err = addMessage(ctx, tx, msg); err != nil {
			return err
		}
		if s.OnMessage != nil {
			return s.OnMessage(ctx, tx, o, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return o, m, nil
}

// SetStatus moves the organisation's offer to status to, with a note
// (required as the reason when declining). Only baru → dibahas, dibahas →
// disepakati and dibahas → ditolak are allowed; anything else, or an
// offer moved meanwhile by someone else, is ErrTransition. The change is
// written to the thread and the audit log.
func (s *Store) SetStatus(ctx context.Context, orgID, id int64, actor Actor, to, note string) (*Offer, error) {
	// The note is the reason when declining, so required then; otherwise
	// it may be empty.
	note, e := CheckBody("reason", note, MaxReason)
	if len(e) > 0 && (to == StatusDeclined || note != "") {
		return nil, e
	}
	var o *Offer
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := get(ctx, tx, `id = ? AND org_id = ?`, id, orgID)
		if err != nil {
			return err
		}
		if !CanMove(cur.Status, to) {
			return ErrTransition
		}
		now := s.now()
		var decided any
		reason := ""
		if to == StatusAgreed || to == StatusDeclined {
			decided = now
		}
		if to == StatusDeclined {
			reason = note
		}
		res, err := tx.Exec(ctx, `UPDATE offers SET status = ?, reject_reason = ?, decided_at = ?, updated_at = ?,
			awaiting_org = FALSE WHERE id = ? AND status = ?`, to, reason, decided, now, id, cur.Status)
		if n, err := affected(res, err); err != nil {
			return err
		} else if n == 0 {
			return ErrTransition
		}
		if o, err = get(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		if err := record(ctx, tx, actor, o, cur.Status, to, note); err != nil {
			return err
		}
		m, err := addMessage(ctx, tx, &Message{OfferID: id, FromOrg: true, AuthorID: actorID(actor),
			AuthorName: actor.Name, Body: note, Event: to, CreatedAt: now})
		if err != nil {
			return err
		}
		if s.OnMessage != nil {
			return s.OnMessage(ctx, tx, o, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// ByCampaign lists a campaign's offers, newest first.
func (s *Store) ByCampaign(ctx context.Context, campaignID int64) ([]*Offer, error) {
	return s.list(ctx, `campaign_id = ? ORDER BY id DESC`, campaignID)
}

func (s *Store) list(ctx context.Context, where string, args ...any) ([]*Offer, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+columns+` FROM offers WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("offer: list: %w", err)
	}
	defer rows.Close()
	var out []*Offer
	for rows.Next() {
		o, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("offer: list: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// NeedCounts counts the offers a need received and those agreed.
func NeedCounts(ctx context.Context, q db.Querier, needID int64) (Counts, error) {
	var c Counts
	err := q.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'disepakati' THEN 1 ELSE 0 END), 0)
		FROM offers WHERE need_id = ?`, needID).Scan(&c.Received, &c.Agreed)
	if err != nil {
		return Counts{}, fmt.Errorf("offer: counts: %w", err)
	}
	return c, nil
}

// NeedAgreed is the number of agreed offers to a need: how a keahlian or
// kemitraan need is filled.
func NeedAgreed(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	c, err := NeedCounts(ctx, q, needID)
	return c.Agreed, err
}

// Partners are the public names of a need's agreed offerers, oldest
// agreement first: institutions, and individuals who agreed to be named.
func Partners(ctx context.Context, q db.Querier, needID int64) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT offerer_kind, name, institution, show_name FROM offers
		WHERE need_id = ? AND status = 'disepakati' ORDER BY decided_at, id`, needID)
	if err != nil {
		return nil, fmt.Errorf("offer: partners: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o Offer
		if err := rows.Scan(&o.Kind, &o.Name, &o.Institution, &o.ShowName); err != nil {
			return nil, fmt.Errorf("offer: partners: %w", err)
		}
		if n := o.PublicName(); n != "" {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

func addMessage(ctx context.Context, q db.Querier, m *Message) (*Message, error) {
	if err := q.QueryRow(ctx, `INSERT INTO offer_messages (offer_id, from_org, author_id, author_name, body, event,
		created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.OfferID, m.FromOrg, m.AuthorID, m.AuthorName,
		m.Body, m.Event, m.CreatedAt).Scan(&m.ID); err != nil {
		return nil, fmt.Errorf("offer: message: %w", err)
	}
	return m, nil
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, fmt.Errorf("offer: update: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("offer: update: %w", err)
	}
	return n, nil
}

func actorID(a Actor) *int64 {
	if a.ID == 0 {
		return nil
	}
	return &a.ID
}

// record writes a status change to the audit log.
func record(ctx context.Context, q db.Querier, a Actor, o *Offer, from, to, note string) error {
	detail := "#" + strconv.FormatInt(o.ID, 10) + " " + from + " → " + to
	if note != "" {
		detail += ": " + note
	}
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: "offer.status",
		TargetType: "organization", TargetID: strconv.FormatInt(o.OrgID, 10), Detail: detail})
}
