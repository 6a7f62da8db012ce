package opendata

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// Publisher is an organisation that publishes open data: it is not hidden
// and has published an initiative or a campaign.
type Publisher struct {
	ID         int64
	Slug       string
	Name       string
	RegionCode string
	Vision     string
	Website    string
	Licence    string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

const publisherColumns = `o.id, o.slug, o.name, o.region_code, o.vision, o.website, o.data_licence, o.created_at, o.updated_at`

// publishes is the condition that makes an organisation o a publisher.
const publishes = visible + ` AND (EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id AND i.status = 'published')
	OR EXISTS (SELECT 1 FROM campaigns c WHERE c.org_id = o.id AND c.status <> 'draft'))`

func scanPublisher(rows interface{ Scan(...any) error }) (*Publisher, error) {
	p := &Publisher{}
	if err := rows.Scan(&p.ID, &p.Slug, &p.Name, &p.RegionCode, &p.Vision, &p.Website, &p.Licence, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return p, nil
}

// PublisherBySlug returns the publishing organisation of a slug, or
// db.ErrNotFound (also for a hidden one, or one with nothing published).
func (s *Store) PublisherBySlug(ctx context.Context, slug string) (*Publisher, error) {
	return s.bySlug(ctx, slug, publishes)
}

// VisibleBySlug returns the organisation of a slug unless it is hidden,
// whether or not it has published anything yet; else db.ErrNotFound.
func (s *Store) VisibleBySlug(ctx context.Context, slug string) (*Publisher, error) {
	return s.bySlug(ctx, slug, visible)
}

func (s *Store) bySlug(ctx context.Context, slug, cond string) (*Publisher, error) {
	p, err := scanPublisher(s.DB.QueryRow(ctx, `SELECT `+publisherColumns+` FROM organizations o WHERE o.slug = ? AND `+cond, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("opendata: publisher: %w", err)
	}
	return p, nil
}

// likePattern is a LIKE pattern that matches s anywhere, with LIKE's
// wildcards in s escaped (ESCAPE '\').
func likePattern(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s))
	return "%" + s + "%"
}

// Publishers returns publishers in slug order, skipping offset and at most
// limit, whose name or slug contains q (any when ""), and how many match.
func (s *Store) Publishers(ctx context.Context, q string, offset, limit int) ([]*Publisher, int, error) {
	// open_publishers holds exactly the organisations that publish.
	where, args := `EXISTS (SELECT 1 FROM open_publishers p WHERE p.org_id = o.id)`, []any{}
	count := `SELECT COUNT(*) FROM open_publishers`
	if q != "" {
		where += ` AND (lower(o.name) LIKE ? ESCAPE '\' OR o.slug LIKE ? ESCAPE '\')`
		args = append(args, likePattern(q), likePattern(q))
		count = `SELECT COUNT(*) FROM organizations o WHERE ` + where
	}
	var total int
	if err := s.DB.QueryRow(ctx, count, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("opendata: publishers: %w", err)
	}
	if limit <= 0 || offset >= total {
		return nil, total, nil
	}
	rows, err := s.DB.Query(ctx, `SELECT `+publisherColumns+` FROM organizations o WHERE `+where+
		` ORDER BY o.slug LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("opendata: publishers: %w", err)
	}
	defer rows.Close()
	var out []*Publisher
	for rows.Next() {
		p, err := scanPublisher(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("opendata: publishers: %w", err)
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// PublisherSlugs lists the publishers' slugs in order, from the one after
// slug after (all when ""), skipping offset of them. A whole catalogue is
// read page after page from where the last ended: paging it by OFFSET
// alone walked the skipped publishers again for every page.
func (s *Store) PublisherSlugs(ctx context.Context, after string, offset, limit int) ([]string, error) {
	rows, err := s.DB.Query(ctx, `SELECT o.slug FROM organizations o
		WHERE o.slug > ? AND EXISTS (SELECT 1 FROM open_publishers p WHERE p.org_id = o.id)
		ORDER BY o.slug LIMIT ? OFFSET ?`, after, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("opendata: publisher slugs: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, fmt.Errorf("opendata: publisher slugs: %w", err)
		}
		out = append(out, slug)
	}
	return out, rows.Err()
}

// Licence is the data licence an organisation chose.
func (s *Store) Licence(ctx context.Context, orgID int64) (Licence, error) {
	var id string
	err := s.DB.QueryRow(ctx, `SELECT data_licence FROM organizations WHERE id = ?`, orgID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Licence{}, db.ErrNotFound
	}
	if err != nil {
		return Licence{}, fmt.Errorf("opendata: licence: %w", err)
	}
	l, _ := LicenceByID(id)
	return l, nil
}

// ErrUnknownLicence is returned for a licence not in Licences.
var ErrUnknownLicence = errors.New("opendata: unknown licence")

// Actor is who changes a licence, for the audit log.
type Actor struct {
	ID   int64
	Name string
}

// SetLicence records the organisation's choice of data licence, with an
// audit entry in the same transaction; its updated_at moves so that the
// data sets' ETags change.
func (s *Store) SetLicence(ctx context.Context, orgID int64, id string, actor Actor, now time.Time) error {
	if _, ok := LicenceByID(id); !ok {
		return ErrUnknownLicence
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var old string
		err := tx.QueryRow(ctx, `SELECT data_licence FROM organizations WHERE id = ?`, orgID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("opendata: set licence: %w", err)
		}
		if old == id {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE organizations SET data_licence = ?, updated_at = ? WHERE id = ?`, id, now.UTC(), orgID); err != nil {
			return fmt.Errorf("opendata: set licence: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{At: now.UTC(), ActorID: actor.ID, ActorName: actor.Name, Action: "org.data_licence",
			TargetType: "organization", TargetID: strconv.FormatInt(orgID, 10), Detail: old + " → " + id})
	})
}

// LastChange is the latest change to what an organisation publishes: its
// profile and the rows of every data set.
func (s *Store) LastChange(ctx context.Context, orgID int64) (time.Time, error) {
	var profile sql.NullString
	err := s.DB.QueryRow(ctx, `SELECT CAST(updated_at AS TEXT) FROM organizations WHERE id = ?`, orgID).Scan(&profile)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, fmt.Errorf("opendata: last change: %w", err)
	}
	vs, err := s.versions(ctx, allSources(), orgID)
	if err != nil {
		return time.Time{}, fmt.Errorf("opendata: last change: %w", err)
	}
	last := parseTime(profile.String)
	for _, c := range vs {
		if c.at.After(last) {
			last = c.at
		}
	}
	return last, nil
}

// Licences in use among the publishers: one when they all agree.
func (s *Store) LicencesInUse(ctx context.Context) ([]string, error) {
	// Each licence in use found from the licence index, the next one
	// after the last: a few probes however many publishers there are.
	rows, err := s.DB.Query(ctx, `WITH RECURSIVE l (licence) AS (SELECT MIN(licence) FROM open_publishers
		UNION ALL SELECT (SELECT MIN(p.licence) FROM open_publishers p WHERE p.licence > l.licence) FROM l WHERE l.licence IS NOT NULL)
		SELECT licence FROM l WHERE licence IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("opendata: licences: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
