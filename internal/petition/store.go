package petition

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Store keeps petition signatures.
type Store struct {
	DB *db.DB
	// TTL is how long a verification link works; DefaultTTL when 0.
	TTL time.Duration
	// Now is the clock; db.Now when nil.
	Now func() time.Time
	// OnSign runs inside the transaction that stores a signature or issues
	// it a fresh link, with the link's token (never stored), e.g. to queue
	// the verification e-mail: both land or neither.
	OnSign func(ctx context.Context, q db.Querier, s *Signature, token string) error
	// OnVerify runs inside the transaction that verifies a signature, the
	// first time only, e.g. to subscribe a signer who asked for news.
	OnVerify func(ctx context.Context, q db.Querier, s *Signature) error
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

func (s *Store) ttl() time.Duration {
	if s.TTL > 0 {
		return s.TTL
	}
	return DefaultTTL
}

// newToken is a fresh link token and the hash kept of it.
func newToken() (token, hash string) {
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	token = hex.EncodeToString(b)
	return token, hashToken(token)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// wellFormed reports whether token could be one of ours, so that garbage
// never reaches the database.
func wellFormed(token string) bool {
	if len(token) != 2*tokenBytes {
		return false
	}
	_, err := hex.DecodeString(token)
	return err == nil
}

const columns = `id, campaign_id, need_id, email, name, region_code, kab_code, comment, anonymous, news, lang,
	token_expires_at, created_at, verified_at`

func scan(sc interface{ Scan(...any) error }) (*Signature, error) {
	g := &Signature{}
	var verified sql.NullTime
	if err := sc.Scan(&g.ID, &g.CampaignID, &g.NeedID, &g.Email, &g.Name, &g.RegionCode, &g.KabCode, &g.Comment,
		&g.Anonymous, &g.News, &g.Lang, &g.ExpiresAt, &g.CreatedAt, &verified); err != nil {
		return nil, err
	}
	g.ExpiresAt, g.CreatedAt = g.ExpiresAt.UTC(), g.CreatedAt.UTC()
	if verified.Valid {
		t := verified.Time.UTC()
		g.VerifiedAt = &t
	}
	return g, nil
}

// open checks that t is an advokasi need of a campaign collecting support
// now; ErrClosed otherwise.
func open(ctx context.Context, q db.Querier, t Target, now time.Time) error {
	var kind, status string
	var ends sql.NullTime
	err := q.QueryRow(ctx, `SELECT n.kind, c.status, c.ends_at FROM campaign_needs n
		JOIN campaigns c ON c.id = n.campaign_id WHERE n.id = ? AND n.campaign_id = ?`, t.NeedID, t.CampaignID).
		Scan(&kind, &status, &ends)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrClosed
	}
	if err != nil {
		return fmt.Errorf("petition: campaign: %w", err)
	}
	if kind != "advokasi" || status != "active" || (ends.Valid && !now.Before(ends.Time)) {
		return ErrClosed
	}
	return nil
}

// Sign records a signature on t, or finds the e-mail's signature in the
// campaign: an unverified one takes the new details and a fresh link
// (Resent), a verified one is left alone (AlreadySigned). Invalid input is
// reported as validate.Errors, a region that does not exist included.
// OnSign runs for Signed and Resent, in the same transaction.
func (s *Store) Sign(ctx context.Context, t Target, in Input) (Outcome, *Signature, error) {
	if errs := in.Check(); len(errs) > 0 {
		return 0, nil, errs
	}
	now := s.now()
	g := &Signature{CampaignID: t.CampaignID, NeedID: t.NeedID, Email: in.Email, Name: in.Name,
		RegionCode: in.Region, KabCode: KabOf(in.Region), Comment: in.Comment, Anonymous: in.Anonymous,
		News: in.News, Lang: in.Lang, ExpiresAt: now.Add(s.ttl()), CreatedAt: now}
	var outcome Outcome
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := open(ctx, tx, t, now); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, g.RegionCode).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return validate.Errors{"region": "petition.err.region_unknown"}
		}
		token, hash := newToken()
		// ON CONFLICT leaves the row a concurrent signing of the same
		// e-mail inserted; PostgreSQL waits for that transaction first.
		err := tx.QueryRow(ctx, `INSERT INTO petition_signatures (campaign_id, need_id, email, name, region_code,
			kab_code, comment, anonymous, news, lang, token_hash, token_expires_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (campaign_id, email) DO NOTHING RETURNING id`,
			g.CampaignID, g.NeedID, g.Email, g.Name, g.RegionCode, g.KabCode, g.Comment, g.Anonymous, g.News, g.Lang,
			hash, g.ExpiresAt, g.CreatedAt).Scan(&g.ID)
		switch {
		case err == nil:
			outcome = Signed
		case errors.Is(err, sql.ErrNoRows):
			if outcome, err = s.again(ctx, tx, g, hash); err != nil || outcome == AlreadySigned {
				return err
			}
		default:
			return fmt.Errorf("petition: sign: %w", err)
		}
		if s.OnSign != nil {
			return s.OnSign(ctx, tx, g, token)
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	return outcome, g, nil
}

// again handles a second signing by an e-mail already in the campaign.
func (s *Store) again(ctx context.Context, tx *db.Tx, g *Signature, hash string) (Outcome, error) {
	res, err := tx.Exec(ctx, `UPDATE petition_signatures SET need_id = ?, name = ?, region_code = ?, kab_code = ?,
		comment = ?, anonymous = ?, news = ?, lang = ?, token_hash = ?, token_expires_at = ?
		WHERE campaign_id = ? AND email = ? AND verified_at IS NULL`,
		g.NeedID, g.Name, g.RegionCode, g.KabCode, g.Comment, g.Anonymous, g.News, g.Lang, hash, g.ExpiresAt,
		g.CampaignID, g.Email)
	if err != nil {
		return 0, fmt.Errorf("petition: sign again: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, err
	} else if n == 0 {
		return AlreadySigned, nil
	}
	err = tx.QueryRow(ctx, `SELECT id, created_at FROM petition_signatures WHERE campaign_id = ? AND email = ?`,
		g.CampaignID, g.Email).Scan(&g.ID, &g.CreatedAt)
	g.CreatedAt = g.CreatedAt.UTC()
	return Resent, err
}

// Verify uses a verification link: the first time it marks the signature
// verified and runs OnVerify; later it returns the verified signature
// with first false. An unknown or expired link is ErrTokenInvalid.
func (s *Store) Verify(ctx context.Context, token string) (g *Signature, first bool, err error) {
	if !wellFormed(token) {
		return nil, false, ErrTokenInvalid
	}
	hash, now := hashToken(token), s.now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Of two requests racing with one link, the UPDATE's condition
		// lets one verify; the other finds it verified.
		g, err = scan(tx.QueryRow(ctx, `UPDATE petition_signatures SET verified_at = ?
			WHERE token_hash = ? AND verified_at IS NULL AND token_expires_at > ? RETURNING `+columns, now, hash, now))
		if err == nil {
			first = true
			if s.OnVerify != nil {
				return s.OnVerify(ctx, tx, g)
			}
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("petition: verify: %w", err)
		}
		g, err = scan(tx.QueryRow(ctx, `SELECT `+columns+` FROM petition_signatures
			WHERE token_hash = ? AND verified_at IS NOT NULL`, hash))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrTokenInvalid
		}
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return g, first, nil
}

// Verified counts the verified signatures on a need: how much of an
// advokasi need is fulfilled.
func Verified(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM petition_signatures WHERE need_id = ? AND verified_at IS NOT NULL`,
		needID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("petition: count: %w", err)
	}
	return n, nil
}

// Counts are the verified and the waiting signatures on a need.
func (s *Store) Counts(ctx context.Context, needID int64) (Counts, error) {
	var c Counts
	err := s.DB.QueryRow(ctx, `SELECT
		COALESCE(SUM(CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN verified_at IS NULL AND token_expires_at > ? THEN 1 ELSE 0 END), 0)
		FROM petition_signatures WHERE need_id = ?`, s.now(), needID).Scan(&c.Verified, &c.Waiting)
	if err != nil {
		return Counts{}, fmt.Errorf("petition: counts: %w", err)
	}
	return c, nil
}

// Recent lists the newest verified signers of a need, at most limit.
func (s *Store) Recent(ctx context.Context, needID int64, limit int) ([]Signer, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.name, p.anonymous, k.name, p.verified_at FROM petition_signatures p
		JOIN regions k ON k.code = p.kab_code
		WHERE p.need_id = ? AND p.verified_at IS NOT NULL ORDER BY p.verified_at DESC, p.id DESC LIMIT ?`, needID, limit)
	if err != nil {
		return nil, fmt.Errorf("petition: recent: %w", err)
	}
	defer rows.Close()
	var out []Signer
	for rows.Next() {
		var g Signer
		var anonymous bool
		if err := rows.Scan(&g.Name, &anonymous, &g.Kab, &g.VerifiedAt); err != nil {
			return nil, err
		}
		if anonymous {
			g.Name = ""
		}
		g.VerifiedAt = g.VerifiedAt.UTC()
		out = append(out, g)
	}
	return out, rows.Err()
}

// ByKab counts a need's verified signatures per kabupaten/kota, most
// first.
func (s *Store) ByKab(ctx context.Context, needID int64) ([]KabCount, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.kab_code, k.name, COUNT(*) AS n FROM petition_signatures p
		JOIN regions k ON k.code = p.kab_code
		WHERE p.need_id = ? AND p.verified_at IS NOT NULL
		GROUP BY p.kab_code, k.name ORDER BY n DESC, k.name, p.kab_code`, needID)
	if err != nil {
		return nil, fmt.Errorf("petition: by kabupaten: %w", err)
	}
	defer rows.Close()
	var out []KabCount
	for rows.Next() {
		var k KabCount
		if err := rows.Scan(&k.Code, &k.Name, &k.Count); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Export lists a need's verified signatures, oldest first, as handed to
// the petition's addressee.
func (s *Store) Export(ctx context.Context, needID int64) ([]ExportRow, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.name, p.anonymous, r.name, k.name, COALESCE(v.name, ''), p.verified_at,
		p.comment FROM petition_signatures p
		JOIN regions r ON r.code = p.region_code
		JOIN regions k ON k.code = p.kab_code
		LEFT JOIN regions v ON v.code = SUBSTR(p.kab_code, 1, 2)
		WHERE p.need_id = ? AND p.verified_at IS NOT NULL ORDER BY p.verified_at, p.id`, needID)
	if err != nil {
		return nil, fmt.Errorf("petition: export: %w", err)
	}
	defer rows.Close()
	var out []ExportRow
	for rows.Next() {
		var x ExportRow
		if err := rows.Scan(&x.Name, &x.Anonymous, &x.Region, &x.Kab, &x.Province, &x.VerifiedAt, &x.Comment); err != nil {
			return nil, err
		}
		if x.Anonymous {
			x.Name = ""
		}
		x.VerifiedAt = x.VerifiedAt.UTC()
		out = append(out, x)
	}
	return out, rows.Err()
}

// PurgeExpired deletes the unverified signatures whose link expired: an
// unproven e-mail is not kept. It returns how many went.
func (s *Store) PurgeExpired(ctx context.Context) (int64, error) {
	res, err := s.DB.Exec(ctx, `DELETE FROM petition_signatures WHERE verified_at IS NULL AND token_expires_at <= ?`,
		s.now())
	if err != nil {
		return 0, fmt.Errorf("petition: purge: %w", err)
	}
	return res.RowsAffected()
}

// RunPurgeExpired calls PurgeExpired every interval until ctx ends.
func (s *Store) RunPurgeExpired(ctx context.Context, every time.Duration, log interface {
	Error(string, ...any)
	Info(string, ...any)
}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.PurgeExpired(ctx); err != nil && ctx.Err() == nil {
			log.Error("unverified signatures not purged", "err", err)
		} else if n > 0 {
			log.Info("unverified signatures purged", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
