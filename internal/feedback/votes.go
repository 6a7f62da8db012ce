package feedback

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
	"lokadaya/internal/region"
	"lokadaya/internal/service"
)

// Store keeps votes, paper tallies and staff decisions.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// Today is the day (YYYY-MM-DD) it is now at the point, in its zone.
func (s *Store) Today(p *service.Point) string { return s.TodayIn(region.Zone(p.RegionCode)) }

// TodayIn is the day (YYYY-MM-DD) it is now in the zone.
func (s *Store) TodayIn(zone *time.Location) string { return s.now().In(zone).Format(time.DateOnly) }

// saltDays is how long a day's salt is kept: after that no one can tell
// which address or device a vote of that day came from.
const saltDays = 7

// Vote records one vote at the point. Bad input must have been refused by
// ParseVote. A vote beyond the limits of its device or address for the
// point and day is kept but flagged (Status StatusFlagged).
func (s *Store) Vote(ctx context.Context, p *service.Point, in VoteInput, src Source, lim Limits) (*Vote, error) {
	now := s.now()
	v := &Vote{OrgID: p.OrgID, InitiativeID: p.InitiativeID, PointID: p.ID, Colour: in.Colour,
		ServiceType: in.ServiceType, Note: in.Note, Day: s.Today(p), Status: StatusCounted, CreatedAt: now}
	if v.Note != "" {
		v.NoteStatus = NoteWaiting
	}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		salt, err := daySalt(ctx, tx, v.Day)
		if err != nil {
			return err
		}
		device, address := sourceKey(salt, "device", src.Device), sourceKey(salt, "address", src.Address)
		burst, err := burstKey(ctx, tx, p.ID, v.Day, device, address, lim)
		if err != nil {
			return err
		}
		if burst != "" {
			v.Status = StatusFlagged
		}
		return tx.QueryRow(ctx, `INSERT INTO feedback_votes (org_id, initiative_id, point_id, colour, service_type, note,
			note_status, day, status, device_key, address_key, burst_key, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			v.OrgID, v.InitiativeID, v.PointID, v.Colour, v.ServiceType, v.Note, v.NoteStatus, v.Day, v.Status,
			device, address, burst, now).Scan(&v.ID)
	})
	if err != nil {
		return nil, fmt.Errorf("feedback: vote: %w", err)
	}
	return v, nil
}

// burstKey is the key of the source (device first, then address) that has
// already cast its day's allowance at the point, or "" when both are
// within their limits.
func burstKey(ctx context.Context, q db.Querier, pointID int64, day, device, address string, lim Limits) (string, error) {
	for _, c := range []struct {
		column, key string
		max         int
	}{{"device_key", device, lim.DevicePerDay}, {"address_key", address, lim.AddressPerDay}} {
		var n int
		err := q.QueryRow(ctx, `SELECT COUNT(*) FROM feedback_votes WHERE point_id = ? AND day = ? AND `+c.column+` = ?`,
			pointID, day, c.key).Scan(&n)
		if err != nil {
			return "", err
		}
		if c.max > 0 && n >= c.max {
			return c.key, nil
		}
	}
	return "", nil
}

// daySalt is the salt of day, made on its first vote; salts older than
// saltDays are deleted on the way.
func daySalt(ctx context.Context, q db.Querier, day string) (string, error) {
	var salt string
	err := q.QueryRow(ctx, `SELECT salt FROM feedback_salts WHERE day = ?`, day).Scan(&salt)
	if err == nil {
		return salt, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	if _, err := q.Exec(ctx, `INSERT INTO feedback_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING`,
		day, hex.EncodeToString(b)); err != nil {
		return "", err
	}
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		old := t.AddDate(0, 0, -saltDays).Format(time.DateOnly)
		if _, err := q.Exec(ctx, `DELETE FROM feedback_salts WHERE day < ?`, old); err != nil {
			return "", err
		}
	}
	err = q.QueryRow(ctx, `SELECT salt FROM feedback_salts WHERE day = ?`, day).Scan(&salt)
	return salt, err
}

// sourceKey hashes a device or address with the day's salt.
func sourceKey(salt, kind, value string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + kind + "\x00" + value))
	return hex.EncodeToString(sum[:12])
}
