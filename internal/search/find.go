package search

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/region"
)

// The sorts.
const (
	SortRelevance = "relevance" // best match first; the default with words to match
	SortNewest    = "newest"    // published last first; the default without
	SortEnding    = "ending"    // nearest deadline first, running ones only
	SortNeeded    = "needed"    // largest unmet share of the money target first (see NeedBP)
)

// Sorts lists the sorts in the order a page offers them.
var Sorts = []string{SortRelevance, SortNewest, SortEnding, SortNeeded}

// The statuses a search may ask for: active is running (campaigns before
// their deadline, and every organisation, initiative and hub), ended is a
// campaign past its deadline or closed.
const (
	StatusActive = "active"
	StatusEnded  = "ended"
)

// Page sizes.
const (
	DefaultLimit = 20
	MaxLimit     = 50
)

// Params is one search. Region is a region code (the caller resolves a
// typed name); Issue, Kind, Scheme and Stage are filter values; Cursor is the
// Next of the previous page.
type Params struct {
	Query  string
	Type   string
	Region string
	Issue  string
	Kind   string
	Scheme string
	Stage  string // a lesson's stage of the cycle, "1"–"7"
	Status string
	Sort   string
	Cursor string
	Limit  int
}

// Hit is one result.
type Hit struct {
	ID      int64  `json:"-"` // the id in its own table
	Type    string `json:"type"`
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Summary string `json:"summary,omitempty"`
	Extra
	NeedBP int `json:"need_bp,omitempty"`
}

// Result is one page of results; Next is the cursor of the following page
// ("" on the last).
type Result struct {
	Hits  []Hit
	Next  string
	Terms []Term
	Sort  string // the sort used
}

// sortSpec is how a sort orders rows: by key, then row id, both in the
// same direction.
type sortSpec struct {
	key  string // SQL expression; score for relevance
	col  string // the column of search_docs and search_doc_facets it is, but for relevance
	desc bool
}

// Search answers one page of p. Bad input is an *InputError.
func (x *Index) Search(ctx context.Context, p Params) (*Result, error) {
	qr, err := x.build(p)
	if err != nil {
		return nil, err
	}
	if len(qr.drivers) > 0 {
		return x.driven(ctx, qr)
	}
	if qr.banded {
		return x.banded(ctx, p, qr)
	}
	if qr.walk != "" {
		rows := walkRows
		for rows > 0 {
			args := slices.Clone(qr.walkArgs)
			args[qr.walkAt] = rows
			res, err := x.run(ctx, builtQuery{sql: qr.walk, args: args, sort: qr.sort, terms: qr.terms, limit: qr.limit})
			if err != nil || res.Next != "" {
				return res, err
			}
			rows = longerWalk(rows, len(res.Hits), qr.limit+1)
		}
	}
	return x.run(ctx, qr)
}

// builtQuery is a search as SQL, with what reading its rows needs.
type builtQuery struct {
	sql   string
	args  []any
	sort  string
	terms []Term
	limit int
	// walk, when set, is tried first: it answers when it fills the page
	// (see build).
	walk     string
	walkArgs []any
	walkAt   int // the index in walkArgs of how many rows to walk
	// drivers, when set, are the filters a browse with a facet filter may
	// be led by (see driven); it then walks no documents.
	drivers []driver
	// banded is set on a search sorted by relevance: it ranks its
	// matches band by band (see banded). bandAt is the index in args of
	// the band's lowest id (its highest, exclusive, follows); band is
	// that highest id (0: none), and match the full-text query.
	banded bool
	bandAt int
	band   int64
	match  string
}

// driver is one filter that may lead a filtered browse: its list is read
// and the other filters are checked on each of its documents by key.
type driver struct {
	facet bool   // a facet, whose list is walked; else the region's, read whole
	count string // the rows of its list, counted up to a bound (see driven)
	args  []any  // the count's
	sql   string
	qargs []any // sql's
}

// driverCap bounds how long a region's list may be to lead a browse.
const driverCap = 5000

// driven answers a browse with a facet filter, led by the filter that the
// fewest documents pass. A facet's list is walked in the sort's order
// (search_doc_facets carries the sort keys) until the page is full; the
// region's list is read whole and sorted, which is worth it only when it
// is shorter than driverCap and every facet's (a kota beside "asks for
// volunteers"). Each count stops at the fewest found so far, and a lone
// candidate is not counted at all.
func (x *Index) driven(ctx context.Context, qr builtQuery) (*Result, error) {
	count := func(dr driver, upTo int) (int, error) {
		var n int
		err := x.DB.QueryRow(ctx, `SELECT COUNT(*) FROM (`+dr.count+` LIMIT ?) c`, append(slices.Clone(dr.args), upTo)...).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("search: count: %w", err)
		}
		return n, nil
	}
	best, fewest := -1, driverCap
	var facets []int
	for i, dr := range qr.drivers {
		if dr.facet {
			facets = append(facets, i)
			continue
		}
		n, err := count(dr, driverCap)
		if err != nil {
			return nil, err
		}
		if n < driverCap {
			best, fewest = i, n
		}
	}
	for j, i := range facets {
		if best < 0 && j == len(facets)-1 {
			best = i
			break
		}
		n, err := count(qr.drivers[i], fewest)
		if err != nil {
			return nil, err
		}
		if best < 0 || n < fewest {
			best, fewest = i, n
		}
	}
	dr := qr.drivers[best]
	return x.run(ctx, builtQuery{sql: dr.sql, args: dr.qargs, sort: qr.sort, terms: qr.terms, limit: qr.limit})
}

// relevanceBand is how many matches a search sorted by relevance scores at
// once. Scoring reads every match's lengths, so a common word's or a
// half-typed word's tens of thousands of matches cost as much to rank as
// to score: they are ranked instead in bands of this many, the newest
// documents' band first. Within a band the best match comes first; fewer
// matches than this are one band, ranked whole. Every match is still
// reached by paging on.
var relevanceBand = 2000

// banded answers a search sorted by relevance one band of matches at a
// time, newest ids first: the band of up to relevanceBand matches below
// the cursor's band's top is ranked, and when it cannot fill the page the
// next band below is ranked for the rest.
func (x *Index) banded(ctx context.Context, p Params, qr builtQuery) (*Result, error) {
	res := &Result{Terms: qr.terms, Sort: qr.sort}
	want := qr.limit
	for {
		lo, err := x.bandStart(ctx, qr.match, qr.band)
		if err != nil {
			return nil, err
		}
		hi := qr.band
		if hi == 0 {
			hi = math.MaxInt64
		}
		qr.args[qr.bandAt], qr.args[qr.bandAt+1] = lo, hi
		qr.limit = want - len(res.Hits)
		qr.args[len(qr.args)-1] = qr.limit + 1
		page, err := x.run(ctx, qr)
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, page.Hits...)
		if page.Next != "" {
			res.Next = page.Next
			return res, nil
		}
		if lo == 0 {
			return res, nil
		}
		if len(res.Hits) == want {
			res.Next = encodeCursor(qr.sort, cursor{Band: lo, Start: true})
			return res, nil
		}
		// The next band, from its start: the cursor's key belonged to
		// this one.
		p.Cursor = encodeCursor(qr.sort, cursor{Band: lo, Start: true})
		if qr, err = x.build(p); err != nil {
			return nil, err
		}
	}
}

// bandStart is the lowest id of the band of matches below below (0: no
// bound): the id of the relevanceBand-th match counting down, or 0 when
// there are no more than that.
func (x *Index) bandStart(ctx context.Context, match string, below int64) (int64, error) {
	if below == 0 {
		below = math.MaxInt64
	}
	q := `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`
	if x.DB.Dialect == db.Postgres {
		q = `SELECT d.id FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ?) AND d.id < ? ORDER BY d.id DESC LIMIT 1 OFFSET ?`
	}
	var lo int64
	err := x.DB.QueryRow(ctx, q, match, below, relevanceBand-1).Scan(&lo)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("search: band: %w", err)
	}
	return lo, nil
}

// build turns p into SQL; bad input is an *InputError.
func (x *Index) build(p Params) (builtQuery, error) {
	ts, err := ParseQuery(p.Query)
	if err != nil {
		return builtQuery{}, err
	}
	sort := p.Sort
	switch {
	case sort == "" && len(ts) > 0:
		sort = SortRelevance
	case sort == "" || (sort == SortRelevance && len(ts) == 0):
		sort = SortNewest
	case !slices.Contains(Sorts, sort):
		return builtQuery{}, ErrBadFilter
	}
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)

	pg := x.DB.Dialect == db.Postgres
	var from string
	var where []string
	var args []any
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	var spec sortSpec
	// The region and facet filters, each written two ways: a probe checks
	// one candidate by its key, a list reads every document that passes.
	type filter struct {
		probe, list string
		args        []any
		facet       bool
		count       string // the rows of its list, to count; "" when it cannot lead a browse
	}
	var filters []filter
	switch {
	case len(ts) > 0 && pg:
		from = `search_docs d`
		add(`d.tsv @@ to_tsquery('simple', ?)`, tsQuery(ts))
	case len(ts) > 0:
		from = `search_fts f JOIN search_docs d ON d.id = f.rowid`
		add(`search_fts MATCH ?`, ftsMatch(ts))
	default:
		from = `search_docs d`
	}
	switch sort {
	case SortRelevance:
		if pg {
			// Weighted like bm25 below: title words count ten times.
			spec.key = `(-ts_rank('{0, 0, 0.1, 1}', d.tsv, to_tsquery('simple', ?))::float8)`
		} else {
			spec.key = `bm25(search_fts, 10.0, 1.0)`
		}
	case SortNewest:
		spec = sortSpec{key: `d.published_unix`, col: `published_unix`, desc: true}
	case SortEnding:
		spec = sortSpec{key: `d.ends_unix`, col: `ends_unix`}
	case SortNeeded:
		spec = sortSpec{key: `d.need_bp`, col: `need_bp`, desc: true}
	}
	keyArgs := func() []any {
		if sort == SortRelevance && pg {
			return []any{tsQuery(ts)}
		}
		return nil
	}

	if p.Type != "" {
		if !slices.Contains(x.Types(), p.Type) {
			return builtQuery{}, ErrBadFilter
		}
		// A filter like the region's: the browse walk checks it on the
		// documents walked rather than reading every campaign.
		filters = append(filters, filter{probe: `d.doc_type = ?`, list: `d.doc_type = ?`, args: []any{p.Type}})
	}
	if p.Region != "" {
		code, ok := region.ParseCode(p.Region)
		if !ok {
			return builtQuery{}, ErrBadFilter
		}
		// Based in the region or anywhere under it (a range on the indexed
		// code: "32.73" up to "32.73/", as '/' follows '.'), or serving a
		// region that contains it.
		cond := `(r.region_code >= ? AND r.region_code < ?)`
		a := []any{code, code + "/"}
		if anc := ancestors(code); len(anc) > 0 {
			cond += ` OR (r.covers = 1 AND r.region_code IN (` + db.Marks(len(anc)) + `))`
			for _, c := range anc {
				a = append(a, c)
			}
		}
		filters = append(filters, filter{
			probe: `EXISTS (SELECT 1 FROM search_doc_regions r WHERE r.doc = d.id AND (` + cond + `))`,
			list:  `d.id IN (SELECT r.doc FROM search_doc_regions r WHERE ` + cond + `)`, args: a,
			count: `SELECT r.doc FROM search_doc_regions r WHERE ` + cond})
	}
	for _, f := range []struct{ facet, value string }{{FacetIssue, p.Issue}, {FacetKind, p.Kind}, {FacetScheme, p.Scheme}, {FacetStage, p.Stage}} {
		if f.value == "" {
			continue
		}
		if len(f.value) > 64 {
			return builtQuery{}, ErrBadFilter
		}
		filters = append(filters, filter{
			probe: `EXISTS (SELECT 1 FROM search_doc_facets x WHERE x.facet = ? AND x.value = ? AND x.doc = d.id)`,
			list:  `d.id IN (SELECT doc FROM search_doc_facets WHERE facet = ? AND value = ?)`, args: []any{f.facet, f.value},
			facet: true, count: `SELECT doc FROM search_doc_facets WHERE facet = ? AND value = ?`})
	}
	switch p.Status {
	case "":
	case StatusActive:
		add(`d.ends_unix > ?`, x.now().Unix())
	case StatusEnded:
		add(`d.ends_unix <= ?`, x.now().Unix())
	default:
		return builtQuery{}, ErrBadFilter
	}
	var c *cursor
	if p.Cursor != "" {
		cur, err := decodeCursor(p.Cursor, sort)
		if err != nil {
			return builtQuery{}, err
		}
		c = &cur
	}
	bandAt := -1
	if sort == SortRelevance {
		// The band's ids, [lowest, highest), set by banded; all of them
		// until then.
		bandAt = len(args)
		if pg {
			add(`d.id >= ? AND d.id < ?`, int64(0), int64(math.MaxInt64))
		} else {
			add(`f.rowid >= ? AND f.rowid < ?`, int64(0), int64(math.MaxInt64))
		}
	}
	// keyConds are the conditions on the sort key, written on key and id
	// (of search_docs or search_doc_facets): running documents only when
	// ending soon, and those after the cursor. bound adds a plain bound on
	// the key, which lets an index walk start at the cursor.
	keyConds := func(key, id string, ka []any, bound bool) ([]string, []any) {
		var conds []string
		var a []any
		if sort == SortEnding {
			conds, a = append(conds, key+` > ?`), append(a, x.now().Unix())
		}
		if c == nil || c.Start {
			return conds, a
		}
		op := ">"
		if spec.desc {
			op = "<"
		}
		var k any = c.Int
		if sort == SortRelevance {
			k = c.Float
		}
		if bound {
			conds, a = append(conds, key+` `+op+`= ?`), append(a, k)
		}
		conds = append(conds, fmt.Sprintf(`(%s %s ? OR (%s = ? AND %s %s ?))`, key, op, key, id, op))
		a = append(append(append(append(a, ka...), k), ka...), k, c.ID)
		return conds, a
	}
	base, baseArgs := slices.Clone(where), slices.Clone(args)
	kc, ka := keyConds(spec.key, `d.id`, keyArgs(), false)
	where, args = append(where, kc...), append(args, ka...)
	dir := ""
	if spec.desc {
		dir = " DESC"
	}
	const pageCols = `d.id, d.doc_id, d.doc_type, d.slug, d.title, d.summary, d.url, d.extra, d.need_bp`
	cols := pageCols + `, ` + spec.key
	order := ` ORDER BY ` + spec.key + dir + `, d.id` + dir
	// query reads the list of the filter lead (none: -1) and checks the
	// others by key. With words the full-text index picks the candidates
	// and each is checked against every filter by its key: reading a
	// province's whole list to check a few thousand matches against it
	// cost more than the search itself. Browsing reads every filter's
	// list unless one leads (see also walk and driven).
	query := func(lead int) (string, []any) {
		all, allArgs := slices.Clone(where), slices.Clone(args)
		for i, f := range filters {
			if len(ts) > 0 || (lead >= 0 && i != lead) {
				all = append(all, f.probe)
			} else {
				all = append(all, f.list)
			}
			allArgs = append(allArgs, f.args...)
		}
		cond := strings.Join(append(all, "1 = 1"), " AND ")
		if len(ts) > 0 {
			// Every match is sorted, so only its id and key are: the
			// page's own columns are read for its rows alone. Sorting a
			// common word's thousands of matches with their text cost
			// more than finding and scoring them.
			q := `SELECT ` + pageCols + `, p.k FROM (SELECT d.id, ` + spec.key + ` AS k FROM ` + from + ` WHERE ` + cond +
				order + ` LIMIT ?) p JOIN search_docs d ON d.id = p.id ORDER BY p.k` + dir + `, p.id` + dir
			return q, append(append(append(append([]any{}, keyArgs()...), allArgs...), keyArgs()...), limit+1)
		}
		q := `SELECT ` + cols + ` FROM ` + from + ` WHERE ` + cond + order + ` LIMIT ?`
		return q, append(append(append(append([]any{}, keyArgs()...), allArgs...), keyArgs()...), limit+1)
	}
	q, qargs := query(-1)
	qr := builtQuery{sql: q, args: qargs, sort: sort, terms: ts, limit: limit}
	if bandAt >= 0 {
		qr.banded, qr.bandAt = true, len(keyArgs())+bandAt
		qr.match = ftsMatch(ts)
		if pg {
			qr.match = tsQuery(ts)
		}
		if c != nil {
			qr.band = c.Band
		}
	}
	if len(ts) > 0 || len(filters) == 0 {
		return qr, nil
	}
	// probes checks every filter but skip by key.
	probes := func(skip int) ([]string, []any) {
		var conds []string
		var a []any
		for i, f := range filters {
			if i != skip {
				conds, a = append(conds, f.probe), append(a, f.args...)
			}
		}
		return conds, a
	}
	// A browse with a facet filter is led by one of its facets or by its
	// region, whichever the fewest documents pass (see driven).
	for i, f := range filters {
		if !f.facet {
			continue
		}
		// The facet's rows first (CROSS JOIN keeps them the outer loop on
		// SQLite), in its sort index's order: the walk stops when the
		// page is full.
		xc, xa := keyConds(`x.`+spec.col, `x.doc`, nil, true)
		pc, pa := probes(i)
		conds := append(append(append([]string{`d.id = x.doc`, `x.facet = ? AND x.value = ?`}, xc...), base...), pc...)
		sql := `SELECT ` + cols + ` FROM search_doc_facets x CROSS JOIN search_docs d WHERE ` + strings.Join(conds, " AND ") +
			` ORDER BY x.` + spec.col + dir + `, x.doc` + dir + ` LIMIT ?`
		qr.drivers = append(qr.drivers, driver{facet: true, count: f.count, args: f.args,
			sql: sql, qargs: append(append(append(append(slices.Clone(f.args), xa...), baseArgs...), pa...), limit+1)})
	}
	if len(qr.drivers) > 0 {
		for i, f := range filters {
			if !f.facet && f.count != "" {
				sql, a := query(i)
				qr.drivers = append(qr.drivers, driver{count: f.count, args: f.args, sql: sql, qargs: a})
			}
		}
		return qr, nil
	}
	// Browsing with filters but no facet first walks the first walkRows
	// documents in the sort's order, checking each by its keys: a common
	// filter (a province) fills a page from them at once, where its list
	// would be read whole and sorted. Only when they do not fill the page
	// is the list query run.
	pc, pa := probes(-1)
	qr.walk = `SELECT ` + cols + ` FROM (SELECT d.id, d.doc_id, d.doc_type, d.slug, d.title, d.summary, d.url,
		d.extra, d.need_bp, d.published_unix, d.ends_unix FROM search_docs d WHERE ` +
		strings.Join(append(slices.Clone(where), "1 = 1"), " AND ") + order + ` LIMIT ?) d
		WHERE ` + strings.Join(pc, " AND ") + order + ` LIMIT ?`
	qr.walkAt = len(args)
	qr.walkArgs = append(append(append(slices.Clone(args), walkRows), pa...), limit+1)
	return qr, nil
}

// walkRows is how many documents a filtered browse checks one by one
// before it reads the filters' lists instead.
const walkRows = 2000

// maxWalkRows bounds a second, longer walk. A walk costs the same however
// big the index is, where a filter's list grows with it: a province and an
// issue together may leave a first walk a few short.
const maxWalkRows = 20000

// longerWalk is how many rows a second walk should check, given that walked
// rows found found of the want needed: half again what the first one's
// yield suggests, or 0 when no second walk is worth it (it already was a
// second walk, it found nothing to go by, or it would be too long).
func longerWalk(walked, found, want int) int {
	if walked != walkRows || found == 0 {
		return 0
	}
	rows := walked * want * 3 / (2 * found)
	if rows > maxWalkRows {
		return 0
	}
	return rows
}

// run reads one page of a built search.
func (x *Index) run(ctx context.Context, qr builtQuery) (*Result, error) {
	sort, limit := qr.sort, qr.limit
	rows, err := x.DB.Query(ctx, qr.sql, qr.args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	res := &Result{Terms: qr.terms, Sort: sort}
	type last struct {
		id    int64
		i     int64
		f     float64
		valid bool
	}
	var prev, lastShown last
	for rows.Next() {
		var h Hit
		var row int64
		var extra string
		var key any
		if err := rows.Scan(&row, &h.ID, &h.Type, &h.Slug, &h.Title, &h.Summary, &h.URL, &extra, &h.NeedBP, &key); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if extra != "" {
			if err := json.Unmarshal([]byte(extra), &h.Extra); err != nil {
				return nil, fmt.Errorf("search: extra of %s %s: %w", h.Type, h.Slug, err)
			}
		}
		cur := last{id: row, valid: true}
		switch v := key.(type) {
		case int64:
			cur.i = v
		case float64:
			cur.f = v
		case int32:
			cur.i = int64(v)
		case float32:
			cur.f = float64(v)
		}
		if len(res.Hits) == limit {
			lastShown = prev
			res.Next = encodeCursor(sort, cursor{Int: lastShown.i, Float: lastShown.f, ID: lastShown.id, Band: qr.band})
			break
		}
		res.Hits = append(res.Hits, h)
		prev = cur
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return res, nil
}

// ancestors are the codes above code, province first.
func ancestors(code string) []string {
	var out []string
	for c := region.ParentCode(code); c != ""; c = region.ParentCode(c) {
		out = append([]string{c}, out...)
	}
	return out
}

// cursor is where a page ends: the sort key and row id of its last hit.
// A relevance cursor also names its band (see banded), and may stand at
// a band's start, before any key.
type cursor struct {
	Int   int64
	Float float64
	ID    int64
	Band  int64
	Start bool
}

// encodeCursor writes an opaque cursor: the sort, the key and the row id,
// and for relevance the band ("" for the key at a band's start).
func encodeCursor(sort string, c cursor) string {
	s := "1|" + sort + "|" + strconv.FormatInt(c.Int, 10) + "|" + strconv.FormatInt(c.ID, 10)
	if sort == SortRelevance {
		key := strconv.FormatFloat(c.Float, 'g', -1, 64)
		if c.Start {
			key = ""
		}
		s = "2|" + sort + "|" + key + "|" + strconv.FormatInt(c.ID, 10) + "|" + strconv.FormatInt(c.Band, 10)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func decodeCursor(s, sort string) (cursor, error) {
	var c cursor
	if len(s) > 200 {
		return c, ErrBadCursor
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return c, ErrBadCursor
	}
	parts := strings.Split(string(raw), "|")
	// Version 1 has four parts; 2, a relevance cursor, adds the band.
	if len(parts) < 4 || parts[1] != sort || !(parts[0] == "1" && len(parts) == 4 || parts[0] == "2" && len(parts) == 5 && sort == SortRelevance) {
		return c, ErrBadCursor
	}
	if len(parts) == 5 {
		if c.Band, err = strconv.ParseInt(parts[4], 10, 64); err != nil || c.Band < 0 {
			return c, ErrBadCursor
		}
		c.Start = parts[2] == ""
	}
	switch {
	case c.Start:
	case sort == SortRelevance:
		c.Float, err = strconv.ParseFloat(parts[2], 64)
		if err != nil || math.IsNaN(c.Float) || math.IsInf(c.Float, 0) {
			return c, ErrBadCursor
		}
	default:
		if c.Int, err = strconv.ParseInt(parts[2], 10, 64); err != nil {
			return c, ErrBadCursor
		}
	}
	if c.ID, err = strconv.ParseInt(parts[3], 10, 64); err != nil || c.ID < 0 {
		return c, ErrBadCursor
	}
	return c, nil
}
