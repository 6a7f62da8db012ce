package search

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"lokadaya/internal/db"
)

// --- lessons (internal/lesson) ---

type lessonSource struct{}

func (lessonSource) Type() string { return TypeLesson }

// publicLesson is the condition on a lesson alias l (and its
// organisation o) that the public sees it.
const publicLesson = `l.published = TRUE AND ` + publicOrg

func (lessonSource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	return idList(ctx, q, `SELECT l.id FROM lessons l JOIN organizations o ON o.id = l.org_id
		WHERE `+publicLesson+` AND l.id > ? ORDER BY l.id LIMIT ?`, after, limit)
}

// Dependents: a lesson shows its organisation's name and its initiative's.
func (lessonSource) Dependents(ctx context.Context, q db.Querier, ref Ref) ([]int64, error) {
	switch ref.Type {
	case TypeOrganization:
		return idList(ctx, q, `SELECT id FROM lessons WHERE org_id = ?`, ref.ID)
	case TypeInitiative:
		return idList(ctx, q, `SELECT id FROM lessons WHERE initiative_id = ?`, ref.ID)
	}
	return nil, nil
}

// Docs indexes a published lesson: its title, what was learned and what
// it led to, with its organisation, its initiative when that is
// published, its region's name and its issues.
func (lessonSource) Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, `SELECT l.id, l.title, l.body, l.led_to, l.stage, l.issues, l.region_code,
		l.published_at, l.created_at, o.name, o.slug, o.status, COALESCE(i.name, ''), COALESCE(r.name, '')
		FROM lessons l JOIN organizations o ON o.id = l.org_id
		LEFT JOIN initiatives i ON i.id = l.initiative_id AND i.status = 'published'
		LEFT JOIN regions r ON r.code = l.region_code
		WHERE `+publicLesson+` AND l.id IN (`+db.Marks(len(ids))+`) ORDER BY l.id`, int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []Doc
	for rows.Next() {
		var d Doc
		var body, ledTo, issues, region, orgName, orgSlug, orgStatus, initName, regionName string
		var stage int
		var published sql.NullTime
		if err := rows.Scan(&d.ID, &d.Title, &body, &ledTo, &stage, &issues, &region, &published, &d.Published,
			&orgName, &orgSlug, &orgStatus, &initName, &regionName); err != nil {
			return nil, err
		}
		if published.Valid {
			d.Published = published.Time
		}
		id := strconv.FormatInt(d.ID, 10)
		d.Type, d.Slug, d.URL = TypeLesson, id, "/pelajaran/"+id
		d.Summary = excerpt(body, 160)
		d.Body = strings.Join([]string{body, ledTo, orgName, initName, regionName, issueWords(issues)}, " ")
		d.Regions = []string{region}
		d.Facets = map[string][]string{FacetIssue: splitList(issues)}
		if stage > 0 {
			d.Facets[FacetStage] = []string{strconv.Itoa(stage)}
		}
		d.Extra = Extra{Org: orgName, OrgSlug: orgSlug, Verified: orgStatus == "verified", Region: region}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}
