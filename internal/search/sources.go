package search

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
)

// publicOrg is the condition on an organisation alias o that the public
// sees it: not rejected, not suspended (as the campaign list decides).
const publicOrg = `o.status NOT IN ('rejected', 'suspended')`

// excerpt cuts text to about n characters at a word boundary.
func excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	s := string(r)
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + "…"
}

func issueWords(keys string) string { return strings.ReplaceAll(keys, "_", " ") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// idList runs a query of ids.
func idList(ctx context.Context, q db.Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// pairs runs a query of (id, text) pairs into a map of lists.
func pairs(ctx context.Context, q db.Querier, query string, args ...any) (map[int64][]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return nil, err
		}
		out[id] = append(out[id], s)
	}
	return out, rows.Err()
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time.UTC()
	return &v
}

// --- campaigns ---

type campaignSource struct{}

func (campaignSource) Type() string { return TypeCampaign }

const publicCampaign = `c.status IN ('active', 'ended') AND ` + publicOrg

func (campaignSource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	return idList(ctx, q, `SELECT c.id FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE `+publicCampaign+` AND c.id > ? ORDER BY c.id LIMIT ?`, after, limit)
}

func (campaignSource) Dependents(ctx context.Context, q db.Querier, ref Ref) ([]int64, error) {
	switch ref.Type {
	case TypeOrganization:
		return idList(ctx, q, `SELECT id FROM campaigns WHERE org_id = ?`, ref.ID)
	case TypeInitiative:
		return idList(ctx, q, `SELECT id FROM campaigns WHERE initiative_id = ?`, ref.ID)
	}
	return nil, nil
}

func (campaignSource) Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := db.Marks(len(ids)), int64Args(ids)
	rows, err := q.Query(ctx, `SELECT c.id, c.slug, c.title, c.story, c.status, c.scheme, c.ends_at, c.published_at,
		c.created_at, c.updated_at, o.name, o.slug, o.region_code, o.status, i.name, i.category, COALESCE(r.name, '')
		FROM campaigns c JOIN organizations o ON o.id = c.org_id JOIN initiatives i ON i.id = c.initiative_id
		LEFT JOIN regions r ON r.code = o.region_code
		WHERE `+publicCampaign+` AND c.id IN (`+in+`) ORDER BY c.id`, args...)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for rows.Next() {
		var d Doc
		var story, status, scheme, orgName, orgSlug, orgRegion, orgStatus, initName, category, regionName string
		var ends, published sql.NullTime
		var created, updated time.Time
		if err := rows.Scan(&d.ID, &d.Slug, &d.Title, &story, &status, &scheme, &ends, &published, &created, &updated,
			&orgName, &orgSlug, &orgRegion, &orgStatus, &initName, &category, &regionName); err != nil {
			rows.Close()
			return nil, err
		}
		d.Type, d.URL = TypeCampaign, "/galang-daya/"+d.Slug
		d.Summary = excerpt(story, 160)
		d.Body = strings.Join([]string{orgName, initName, regionName, issueWords(category)}, " ")
		d.Regions = []string{orgRegion}
		d.Facets = map[string][]string{FacetIssue: {category}, FacetScheme: {scheme}}
		d.EndsAt = timePtr(ends)
		if status == "ended" && (d.EndsAt == nil || d.EndsAt.After(updated)) {
			u := updated.UTC()
			d.EndsAt = &u
		}
		d.Published = created
		if published.Valid {
			d.Published = published.Time
		}
		d.Extra = Extra{Org: orgName, OrgSlug: orgSlug, Verified: orgStatus == "verified", Region: orgRegion,
			EndsAt: d.EndsAt, Status: status}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	byID := make(map[int64]*Doc, len(docs))
	for i := range docs {
		byID[docs[i].ID] = &docs[i]
	}
	// Needs: their kinds, words and the money target.
	nrows, err := q.Query(ctx, `SELECT campaign_id, kind, title, description, skills, target FROM campaign_needs
		WHERE campaign_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	for nrows.Next() {
		var id, target int64
		var kind, title, desc, skills string
		if err := nrows.Scan(&id, &kind, &title, &desc, &skills, &target); err != nil {
			nrows.Close()
			return nil, err
		}
		d := byID[id]
		if d == nil {
			continue
		}
		d.Facets[FacetKind] = append(d.Facets[FacetKind], kind)
		if !containsString(d.Extra.Kinds, kind) {
			d.Extra.Kinds = append(d.Extra.Kinds, kind)
		}
		d.Body += " " + title + " " + desc + " " + skills
		if kind == "dana" {
			d.Extra.MoneyTarget += target
		}
	}
	nrows.Close()
	if err := nrows.Err(); err != nil {
		return nil, err
	}
	served, err := pairs(ctx, q, `SELECT c.id, r.region_code FROM campaigns c
		JOIN initiative_regions r ON r.initiative_id = c.initiative_id WHERE c.id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	raised := map[int64]int64{}
	mrows, err := q.Query(ctx, `SELECT campaign_id, COALESCE(SUM(amount), 0) FROM donations
		WHERE status = 'confirmed' AND campaign_id IN (`+in+`) GROUP BY campaign_id`, args...)
	if err != nil {
		return nil, err
	}
	for mrows.Next() {
		var id, sum int64
		if err := mrows.Scan(&id, &sum); err != nil {
			mrows.Close()
			return nil, err
		}
		raised[id] = sum
	}
	mrows.Close()
	if err := mrows.Err(); err != nil {
		return nil, err
	}
	for i := range docs {
		d := &docs[i]
		d.Covers = served[d.ID]
		d.Extra.MoneyRaised = raised[d.ID]
		d.NeedBP = NeedBP(d.Extra.MoneyTarget, d.Extra.MoneyRaised)
	}
	return docs, nil
}

// NeedBP is the "most needed" measure: the share of the money target not
// yet confirmed, in basis points (10000 = nothing raised yet); 0 without a
// money target.
func NeedBP(target, raised int64) int {
	if target <= 0 {
		return 0
	}
	unmet := max(target-raised, 0)
	return int(unmet * 10000 / target)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// --- organisations ---

type orgSource struct{}

func (orgSource) Type() string { return TypeOrganization }

func (orgSource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	return idList(ctx, q, `SELECT o.id FROM organizations o WHERE `+publicOrg+` AND o.id > ? ORDER BY o.id LIMIT ?`, after, limit)
}

func (orgSource) Dependents(context.Context, db.Querier, Ref) ([]int64, error) { return nil, nil }

// Docs indexes what an organisation's public profile shows — never its
// e-mail, phone, address or tax numbers.
func (orgSource) Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, `SELECT o.id, o.slug, o.name, o.legal_form, o.region_code, o.focus_issues, o.vision,
		o.mission, o.status, o.created_at, o.verified_at, COALESCE(r.name, '')
		FROM organizations o LEFT JOIN regions r ON r.code = o.region_code
		WHERE `+publicOrg+` AND o.id IN (`+db.Marks(len(ids))+`) ORDER BY o.id`, int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []Doc
	for rows.Next() {
		var d Doc
		var legal, region, issues, vision, mission, status, regionName string
		var verified sql.NullTime
		if err := rows.Scan(&d.ID, &d.Slug, &d.Title, &legal, &region, &issues, &vision, &mission, &status,
			&d.Published, &verified, &regionName); err != nil {
			return nil, err
		}
		d.Type, d.URL = TypeOrganization, "/organisasi/"+d.Slug
		d.Summary = excerpt(vision, 160)
		d.Body = strings.Join([]string{legal, regionName, issueWords(issues), mission}, " ")
		d.Regions = []string{region}
		d.Facets = map[string][]string{FacetIssue: splitList(issues)}
		d.Extra = Extra{Verified: status == "verified", Region: region}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// --- initiatives ---

type initiativeSource struct{}

func (initiativeSource) Type() string { return TypeInitiative }

const publicInitiative = `i.status = 'published' AND ` + publicOrg

func (initiativeSource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	return idList(ctx, q, `SELECT i.id FROM initiatives i JOIN organizations o ON o.id = i.org_id
		WHERE `+publicInitiative+` AND i.id > ? ORDER BY i.id LIMIT ?`, after, limit)
}

func (initiativeSource) Dependents(ctx context.Context, q db.Querier, ref Ref) ([]int64, error) {
	if ref.Type == TypeOrganization {
		return idList(ctx, q, `SELECT id FROM initiatives WHERE org_id = ?`, ref.ID)
	}
	return nil, nil
}

func (initiativeSource) Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := db.Marks(len(ids)), int64Args(ids)
	rows, err := q.Query(ctx, `SELECT i.id, i.slug, i.name, i.tagline, i.problem, i.framework, i.advantages,
		i.expected_results, i.category, i.published_at, i.created_at, o.name, o.slug, o.region_code, o.status
		FROM initiatives i JOIN organizations o ON o.id = i.org_id
		WHERE `+publicInitiative+` AND i.id IN (`+in+`) ORDER BY i.id`, args...)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for rows.Next() {
		var d Doc
		var tagline, problem, framework, advantages, results, category, orgName, orgSlug, region, orgStatus string
		var published sql.NullTime
		if err := rows.Scan(&d.ID, &d.Slug, &d.Title, &tagline, &problem, &framework, &advantages, &results,
			&category, &published, &d.Published, &orgName, &orgSlug, &region, &orgStatus); err != nil {
			rows.Close()
			return nil, err
		}
		if published.Valid {
			d.Published = published.Time
		}
		d.Type, d.URL = TypeInitiative, "/inisiatif/"+d.Slug
		d.Summary = excerpt(tagline, 160)
		d.Body = strings.Join([]string{orgName, issueWords(category), problem, framework, advantages, results}, " ")
		d.Regions = []string{region}
		d.Facets = map[string][]string{FacetIssue: {category}}
		d.Extra = Extra{Org: orgName, OrgSlug: orgSlug, Verified: orgStatus == "verified", Region: region}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	served, err := pairs(ctx, q, `SELECT initiative_id, region_code FROM initiative_regions
		WHERE initiative_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Covers = served[docs[i].ID]
	}
	return docs, nil
}

// --- hubs ---

type hubSource struct{}

func (hubSource) Type() string { return TypeHub }

func (hubSource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	return idList(ctx, q, `SELECT id FROM hubs WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
}

func (hubSource) Dependents(context.Context, db.Querier, Ref) ([]int64, error) { return nil, nil }

func (hubSource) Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := db.Marks(len(ids)), int64Args(ids)
	rows, err := q.Query(ctx, `SELECT id, slug, name, description, created_at FROM hubs WHERE id IN (`+in+`) ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for rows.Next() {
		var d Doc
		var desc string
		if err := rows.Scan(&d.ID, &d.Slug, &d.Title, &desc, &d.Published); err != nil {
			rows.Close()
			return nil, err
		}
		d.Type, d.URL = TypeHub, "/simpul/"+d.Slug
		d.Summary, d.Body = excerpt(desc, 160), desc
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	covered, err := pairs(ctx, q, `SELECT h.hub_id, h.region_code FROM hub_regions h WHERE h.hub_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	names, err := pairs(ctx, q, `SELECT h.hub_id, r.name FROM hub_regions h JOIN regions r ON r.code = h.region_code
		WHERE h.hub_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Covers = covered[docs[i].ID]
		docs[i].Body += " " + strings.Join(names[docs[i].ID], " ")
	}
	return docs, nil
}
