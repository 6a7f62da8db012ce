package proposal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
)

// What an OMS adopts a proposal as.
const (
	AsInitiative = "inisiatif"
	AsCampaign   = "kampanye"
)

// Adoption is a proposal taken up by an OMS, and what was mobilised
// through what it became.
type Adoption struct {
	ID         int64
	ProposalID int64
	// ProposalTitle names the proposal, for lists of a region's adoptions.
	ProposalTitle string
	OrgID         int64
	OrgSlug       string
	OrgName       string
	As            string // AsInitiative or AsCampaign
	// Slug and Title name the initiative or campaign; Public tells
	// whether its page is open to all (published, not a draft).
	Slug, Title string
	Public      bool
	CreatedAt   time.Time

	// Money is the confirmed rupiah given through it (for an initiative,
	// through its campaigns), from Donors donors; People is the people
	// its service records reached (initiatives only).
	Money  int64
	Donors int64
	People int64
}

// The refusals of adopting.
var (
	ErrNotOMS      = &Refusal{Key: "proposal.err.not_oms"}
	ErrNoCycle     = &Refusal{Key: "proposal.err.no_cycle"}
	ErrNotTheirs   = &Refusal{Key: "proposal.err.not_theirs"}
	ErrAdoptedOnce = &Refusal{Key: "proposal.err.adopted"}
)

// Adopter reports whether orgID is an OMS the actor may adopt for: a
// verified OMS where they may edit.
func (s *Store) Adopter(ctx context.Context, actor Actor, orgID int64) error {
	var kind, status, role string
	err := s.DB.QueryRow(ctx, `SELECT o.kind, o.status, m.role FROM memberships m JOIN organizations o ON o.id = m.org_id
		WHERE m.user_id = ? AND m.org_id = ?`, actor.ID, orgID).Scan(&kind, &status, &role)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotMember
	}
	if err != nil {
		return fmt.Errorf("proposal: adopter: %w", err)
	}
	if kind != "oms" || status != "verified" {
		return ErrNotOMS
	}
	if role != "owner" && role != "admin" && role != "editor" {
		return ErrNotMember
	}
	return nil
}

// Adopt links proposal id to an initiative or a campaign of orgID (target
// is its id), or with target 0 and As initiative opens a new draft
// initiative in the organisation's current cycle from the proposal's
// title, text and region. It returns the initiative's or campaign's id.
func (s *Store) Adopt(ctx context.Context, actor Actor, id, orgID int64, as string, target int64) (int64, error) {
	if err := s.Adopter(ctx, actor, orgID); err != nil {
		return 0, err
	}
	p, err := s.Get(ctx, id)
	if err != nil {
		return 0, err
	}
	if p.Merged() {
		return 0, ErrMerged
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if as == AsInitiative && target == 0 {
			if target, err = draftFrom(ctx, tx, actor, orgID, p); err != nil {
				return err
			}
		} else if err := owned(ctx, tx, as, target, orgID); err != nil {
			return err
		}
		col := "initiative_id"
		if as == AsCampaign {
			col = "campaign_id"
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM proposal_adoptions WHERE proposal_id = ? AND `+col+` = ?`,
			id, target).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrAdoptedOnce
		}
		_, err := tx.Exec(ctx, `INSERT INTO proposal_adoptions (proposal_id, org_id, `+col+`, adopted_by, created_at)
			VALUES (?, ?, ?, ?, ?)`, id, orgID, target, actor.ID, s.now())
		return err
	})
	return target, err
}

// owned checks that the initiative or campaign target is orgID's.
func owned(ctx context.Context, tx *db.Tx, as string, target, orgID int64) error {
	table := map[string]string{AsInitiative: "initiatives", AsCampaign: "campaigns"}[as]
	if table == "" || target <= 0 {
		return ErrNotTheirs
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = ? AND org_id = ?`, target, orgID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ErrNotTheirs
	}
	return nil
}

// draftFrom opens a draft initiative of orgID in its current cycle from
// the proposal.
func draftFrom(ctx context.Context, tx *db.Tx, actor Actor, orgID int64, p *Proposal) (int64, error) {
	var cycleID int64
	err := tx.QueryRow(ctx, `SELECT id FROM cycles WHERE org_id = ? ORDER BY number DESC LIMIT 1`, orgID).Scan(&cycleID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNoCycle
	}
	if err != nil {
		return 0, err
	}
	name := []rune(p.Title)
	if len(name) > 120 {
		name = name[:120]
	}
	in := initiative.Input{Name: string(name), Text: map[string]string{"problem": p.What}, Regions: []string{p.RegionCode}}
	i, err := initiative.CreateIn(ctx, tx, initiative.Actor{ID: actor.ID, Name: actor.Name}, orgID, cycleID, in)
	if err != nil {
		return 0, err
	}
	return i.ID, nil
}

// Unadopt takes an adoption off, by an editor of its organisation.
func (s *Store) Unadopt(ctx context.Context, actor Actor, adoptionID int64) error {
	var orgID int64
	err := s.DB.QueryRow(ctx, `SELECT org_id FROM proposal_adoptions WHERE id = ?`, adoptionID).Scan(&orgID)
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := s.Adopter(ctx, actor, orgID); err != nil {
		return err
	}
	_, err = s.DB.Exec(ctx, `DELETE FROM proposal_adoptions WHERE id = ?`, adoptionID)
	return err
}

// adoptionSelect reads adoptions with what each mobilised: money and
// donors through the campaign (or the initiative's campaigns), people
// reached through the initiative's service records.
const adoptionSelect = `SELECT a.id, a.proposal_id, p.title, a.org_id, o.slug, o.name,
	CASE WHEN a.campaign_id IS NULL THEN 'inisiatif' ELSE 'kampanye' END,
	COALESCE(i.slug, c.slug), COALESCE(i.name, c.title),
	CASE WHEN a.campaign_id IS NULL THEN CASE WHEN i.status = 'published' THEN 1 ELSE 0 END
		ELSE CASE WHEN c.status IN ('active', 'ended') THEN 1 ELSE 0 END END,
	a.created_at,
	COALESCE((SELECT SUM(m.confirmed) FROM campaign_money m JOIN campaigns x ON x.id = m.campaign_id
		WHERE x.id = a.campaign_id OR x.initiative_id = a.initiative_id), 0),
	COALESCE((SELECT SUM(m.donors) FROM campaign_money m JOIN campaigns x ON x.id = m.campaign_id
		WHERE x.id = a.campaign_id OR x.initiative_id = a.initiative_id), 0),
	COALESCE((SELECT SUM(r.total) FROM service_records r WHERE r.initiative_id = a.initiative_id), 0)
	FROM proposal_adoptions a JOIN proposals p ON p.id = a.proposal_id JOIN organizations o ON o.id = a.org_id
	LEFT JOIN initiatives i ON i.id = a.initiative_id LEFT JOIN campaigns c ON c.id = a.campaign_id`

// Adoptions lists who took up proposal id, oldest first.
func (s *Store) Adoptions(ctx context.Context, id int64) ([]Adoption, error) {
	return s.adoptions(ctx, ` WHERE a.proposal_id = ? AND o.status NOT IN ('rejected', 'suspended') ORDER BY a.id`, id)
}

// AdoptionsIn lists the proposals of a region and the regions below it
// that OMS took up, newest first, at most limit.
func (s *Store) AdoptionsIn(ctx context.Context, code string, limit int) ([]Adoption, error) {
	return s.adoptions(ctx, fmt.Sprintf(` WHERE p.region_code >= ? AND p.region_code < ? AND o.status NOT IN ('rejected', 'suspended')
		ORDER BY a.id DESC LIMIT %d`, limit), code, code+"/")
}

func (s *Store) adoptions(ctx context.Context, where string, args ...any) ([]Adoption, error) {
	rows, err := s.DB.Query(ctx, adoptionSelect+where, args...)
	if err != nil {
		return nil, fmt.Errorf("proposal: adoptions: %w", err)
	}
	defer rows.Close()
	var out []Adoption
	for rows.Next() {
		var a Adoption
		var public int
		if err := rows.Scan(&a.ID, &a.ProposalID, &a.ProposalTitle, &a.OrgID, &a.OrgSlug, &a.OrgName, &a.As, &a.Slug, &a.Title,
			&public, &a.CreatedAt, &a.Money, &a.Donors, &a.People); err != nil {
			return nil, err
		}
		a.Public, a.CreatedAt = public == 1, a.CreatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// Target is an initiative or a campaign an OMS may adopt a proposal as.
type Target struct {
	ID    int64
	Title string
}

// Targets lists orgID's initiatives and campaigns, newest first, that a
// proposal may be adopted as (not cancelled campaigns).
func (s *Store) Targets(ctx context.Context, orgID int64) (inits, camps []Target, err error) {
	read := func(q string) ([]Target, error) {
		rows, err := s.DB.Query(ctx, q, orgID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []Target
		for rows.Next() {
			var t Target
			if err := rows.Scan(&t.ID, &t.Title); err != nil {
				return nil, err
			}
			out = append(out, t)
		}
		return out, rows.Err()
	}
	if inits, err = read(`SELECT id, name FROM initiatives WHERE org_id = ? ORDER BY id DESC LIMIT 50`); err != nil {
		return nil, nil, fmt.Errorf("proposal: targets: %w", err)
	}
	if camps, err = read(`SELECT id, title FROM campaigns WHERE org_id = ? AND status <> 'cancelled' ORDER BY id DESC LIMIT 50`); err != nil {
		return nil, nil, fmt.Errorf("proposal: targets: %w", err)
	}
	return inits, camps, nil
}
