// Package supporter counts a campaign's supporters of every kind together
// and gathers or erases the supporter records that carry one person's
// e-mail (for the rights of access and erasure, UU 27/2022).
//
// A supporter is anyone who gave confirmed money, pledged goods (not
// cancelled), was accepted as a volunteer, offered skills or a partnership
// (unless the organisation turned the offer down), or signed a petition
// with a verified e-mail. People are told apart by e-mail (trimmed, lower
// case), else by phone; a record with neither is one supporter by itself.
package supporter

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// Kinds of support, in the order pages show them.
const (
	KindMoney      = "money"
	KindGoods      = "goods"
	KindVolunteers = "volunteers"
	KindOffers     = "offers"
	KindSignatures = "signatures"
)

// Kinds lists every kind of support.
var Kinds = []string{KindMoney, KindGoods, KindVolunteers, KindOffers, KindSignatures}

// who names a person across records from an e-mail and a phone column; a
// record with neither is named by its kind and id, so it counts alone.
func who(kind, email, phone string) string {
	return person(email, phone, `'`+kind+`:' || CAST(id AS TEXT)`)
}

// known is who, but NULL for a record that names nobody recognisable.
func known(email, phone string) string { return person(email, phone, "NULL") }

// person names whoever left a record: by the marker of an erased person
// (the same on all their records, so counts do not change; see Erase),
// else by e-mail, else by phone, else by otherwise.
func person(email, phone, otherwise string) string {
	return `CASE WHEN ` + email + ` LIKE '` + erased + `-%' THEN 'x:' || SUBSTR(` + email + `, 1, ` + markerLen + `)
		WHEN ` + phone + ` LIKE '` + erased + `-%' THEN 'x:' || SUBSTR(` + phone + `, 1, ` + markerLen + `)
		WHEN TRIM(` + email + `) <> '' THEN 'e:' || LOWER(TRIM(` + email + `))
		WHEN TRIM(` + phone + `) <> '' THEN 'p:' || TRIM(` + phone + `)
		ELSE ` + otherwise + ` END`
}

// union selects (kind, campaign_id, person) for every record that counts
// as support; person is built by name(kind, email column, phone column).
// where filters campaign_id and takes one argument per branch.
func union(name func(kind, email, phone string) string, where string) string {
	return `SELECT 'money' AS kind, campaign_id, ` + name("d", "contact_email", "contact_phone") + ` AS person
			FROM donations WHERE status = 'confirmed' AND ` + where + `
		UNION ALL SELECT 'goods', campaign_id, ` + name("g", "contact_email", "contact_phone") + `
			FROM goods_pledges WHERE status <> 'cancelled' AND ` + where + `
		UNION ALL SELECT 'volunteers', campaign_id, ` + name("v", "email", "phone") + `
			FROM volunteer_signups WHERE status = 'accepted' AND ` + where + `
		UNION ALL SELECT 'offers', campaign_id, ` + name("o", "contact_email", "contact_phone") + `
			FROM offers WHERE status <> 'ditolak' AND ` + where + `
		UNION ALL SELECT 'signatures', campaign_id, ` + name("s", "email", "''") + `
			FROM petition_signatures WHERE verified_at IS NOT NULL AND ` + where
}

// branches is how many arguments union's where needs in all.
const branches = 5

// Count is the supporters of a campaign (or of several, summed).
type Count struct {
	// Total counts distinct people over every kind: one person who gave
	// money and signed counts once here and once in each kind.
	Total      int64
	Money      int64
	Goods      int64
	Volunteers int64
	Offers     int64
	Signatures int64
}

// Of is the count for one kind.
func (c Count) Of(kind string) int64 {
	switch kind {
	case KindMoney:
		return c.Money
	case KindGoods:
		return c.Goods
	case KindVolunteers:
		return c.Volunteers
	case KindOffers:
		return c.Offers
	case KindSignatures:
		return c.Signatures
	}
	return 0
}

// Add sums two counts (for campaigns taken together, where a person who
// supported two campaigns counts in each).
func (c Count) Add(o Count) Count {
	return Count{Total: c.Total + o.Total, Money: c.Money + o.Money, Goods: c.Goods + o.Goods,
		Volunteers: c.Volunteers + o.Volunteers, Offers: c.Offers + o.Offers, Signatures: c.Signatures + o.Signatures}
}

const countColumns = `COUNT(DISTINCT person),
	COUNT(DISTINCT CASE WHEN kind = 'money' THEN person END),
	COUNT(DISTINCT CASE WHEN kind = 'goods' THEN person END),
	COUNT(DISTINCT CASE WHEN kind = 'volunteers' THEN person END),
	COUNT(DISTINCT CASE WHEN kind = 'offers' THEN person END),
	COUNT(DISTINCT CASE WHEN kind = 'signatures' THEN person END)`

func repeatArg(v any) []any {
	args := make([]any, branches)
	for i := range args {
		args[i] = v
	}
	return args
}

// Campaign counts one campaign's supporters.
func Campaign(ctx context.Context, q db.Querier, campaignID int64) (Count, error) {
	var c Count
	err := q.QueryRow(ctx, `SELECT `+countColumns+` FROM (`+union(who, "campaign_id = ?")+`) s`,
		repeatArg(campaignID)...).Scan(&c.Total, &c.Money, &c.Goods, &c.Volunteers, &c.Offers, &c.Signatures)
	if err != nil {
		return Count{}, fmt.Errorf("supporter: count: %w", err)
	}
	return c, nil
}

// orgCampaigns filters the records of an organisation's campaigns.
const orgCampaigns = "campaign_id IN (SELECT id FROM campaigns WHERE org_id = ?)"

// Org counts the supporters of each campaign of an organisation, by
// campaign id; campaigns without any are absent.
func Org(ctx context.Context, q db.Querier, orgID int64) (map[int64]Count, error) {
	rows, err := q.Query(ctx, `SELECT campaign_id, `+countColumns+` FROM (`+union(who, orgCampaigns)+`) s
		GROUP BY campaign_id`, repeatArg(orgID)...)
	if err != nil {
		return nil, fmt.Errorf("supporter: org counts: %w", err)
	}
	defer rows.Close()
	out := map[int64]Count{}
	for rows.Next() {
		var id int64
		var c Count
		if err := rows.Scan(&id, &c.Total, &c.Money, &c.Goods, &c.Volunteers, &c.Offers, &c.Signatures); err != nil {
			return nil, fmt.Errorf("supporter: org counts: %w", err)
		}
		out[id] = c
	}
	return out, rows.Err()
}

// Repeat counts a campaign's returning supporters, of any kind. People are
// recognised by e-mail, else phone; those who left neither cannot be.
type Repeat struct {
	// Known is how many distinct recognisable people supported it.
	Known int64
	// Returning supported an earlier campaign of the same organisation
	// too (one created before this one).
	Returning int64
	// Multiple supported this campaign more than once (twice the same
	// kind, or two kinds).
	Multiple int64
}

// Repeats counts a campaign's recognisable, returning and multiple
// supporters.
func Repeats(ctx context.Context, q db.Querier, campaignID int64) (Repeat, error) {
	var r Repeat
	name := func(_, email, phone string) string { return known(email, phone) }
	args := append(repeatArg(campaignID), campaignID, campaignID)
	err := q.QueryRow(ctx, `WITH k AS (`+union(name, "campaign_id IN (SELECT id FROM campaigns WHERE org_id = (SELECT org_id FROM campaigns WHERE id = ?))")+`
		), here AS (
			SELECT person, COUNT(*) AS times FROM k WHERE campaign_id = ? AND person IS NOT NULL GROUP BY person
		)
		SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM k e WHERE e.person = here.person AND e.campaign_id < ?)
				THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN times > 1 THEN 1 ELSE 0 END), 0)
		FROM here`, args...).Scan(&r.Known, &r.Returning, &r.Multiple)
	if err != nil {
		return Repeat{}, fmt.Errorf("supporter: repeats: %w", err)
	}
	return r, nil
}
