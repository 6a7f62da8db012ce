// Package search keeps the site-wide search index and answers searches
// across campaigns, organisations, initiatives and hubs — and any other
// document type that brings a Source (the lessons library, say).
//
// The index lives in the database (search_docs and its region and filter
// tables) with full text on both databases: FTS5 on SQLite, a tsvector
// with a GIN index on PostgreSQL. Words are split, accent-folded and
// stemmed in Go (Stem) before either sees them, and both the plain words
// and their stems are indexed, so the two databases find the same things:
// "pember" finds "pemberdayaan" (prefix), "pemberdayaan" finds "berdaya"
// and "memberdayakan" (stem).
//
// The index is kept current by Refresh, called right after a write that
// changes what the public sees (a campaign published, an organisation
// edited or suspended…), and rebuilt whole by Rebuild at start when it is
// empty or was built by another Version. Only public documents are
// indexed; Refresh removes one that stopped being public.
package search

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"lokadaya/internal/db"
)

// Version names the shape of the index: documents built by another
// version are rebuilt at start (see EnsureBuilt). Bump it when a Source
// indexes differently.
const Version = "2"

// The document types of the built-in sources.
const (
	TypeCampaign     = "campaign"
	TypeOrganization = "organization"
	TypeInitiative   = "initiative"
	TypeHub          = "hub"
	TypeLesson       = "lesson" // a published lesson of the lessons library
)

// The filter facets.
const (
	FacetIssue  = "issue"  // an organisation's focus issue, an initiative's category
	FacetKind   = "kind"   // a kind of support a campaign asks for
	FacetScheme = "scheme" // a campaign's exchange scheme
	FacetStage  = "stage"  // the stage of the cycle a lesson comes from, "1"–"7"
)

// noDeadline is ends_unix of documents without a deadline: after every
// real one, so they sort last when ending soon and always count as active.
const noDeadline = int64(1) << 62

// Doc is one public document as a Source gives it to the index.
type Doc struct {
	Type    string
	ID      int64 // the id in its own table
	Slug    string
	Title   string
	Summary string // a line shown under the title
	URL     string // the public page, a path
	Body    string // further text searched (description, story…)
	// Regions are where the document is based; Covers the regions it
	// serves, which match searches for places inside them as well.
	Regions, Covers []string
	Facets          map[string][]string
	// EndsAt is the deadline (nil: none); an ended document has one in the
	// past.
	EndsAt    *time.Time
	Published time.Time
	NeedBP    int // unmet share of the money target, 0–10000
	Extra     Extra
}

// Extra is what a result line shows besides title and summary.
type Extra struct {
	Org         string     `json:"org,omitempty"`
	OrgSlug     string     `json:"org_slug,omitempty"`
	Verified    bool       `json:"verified,omitempty"`
	Region      string     `json:"region,omitempty"` // code
	EndsAt      *time.Time `json:"ends_at,omitempty"`
	Status      string     `json:"status,omitempty"`
	MoneyTarget int64      `json:"money_target,omitempty"`
	MoneyRaised int64      `json:"money_raised,omitempty"`
	Kinds       []string   `json:"kinds,omitempty"`
}

// Ref names one document.
type Ref struct {
	Type string
	ID   int64
}

// Source gives the index the public documents of one type.
type Source interface {
	// Type is the document type ("campaign").
	Type() string
	// IDs lists the ids of public documents above after, ascending, at
	// most limit.
	IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error)
	// Docs loads the public documents among ids; a missing one is not
	// public (any more).
	Docs(ctx context.Context, q db.Querier, ids []int64) ([]Doc, error)
	// Dependents lists this type's documents that show something of ref
	// (an organisation's campaigns show its name and region), to refresh
	// them with it.
	Dependents(ctx context.Context, q db.Querier, ref Ref) ([]int64, error)
}

// Index is the search index over its sources.
type Index struct {
	DB      *db.DB
	Sources []Source
	Now     func() time.Time // nil: the real clock

	// building lets one caller of Ready build at a time; built says a
	// build (or the check that none was needed) succeeded.
	building sync.Mutex
	built    atomic.Bool
}

// New is the index of the built-in sources: campaigns, organisations,
// initiatives, hubs and lessons.
func New(d *db.DB, now func() time.Time) *Index {
	return &Index{DB: d, Now: now, Sources: BuiltinSources()}
}

// BuiltinSources are the sources of the built-in document types.
func BuiltinSources() []Source {
	return []Source{campaignSource{}, orgSource{}, initiativeSource{}, hubSource{}, lessonSource{}}
}

func (x *Index) now() time.Time { return db.NowFrom(x.Now) }

func (x *Index) source(typ string) Source {
	for _, s := range x.Sources {
		if s.Type() == typ {
			return s
		}
	}
	return nil
}

// Types lists the document types searched, in source order.
func (x *Index) Types() []string {
	out := make([]string, len(x.Sources))
	for i, s := range x.Sources {
		out[i] = s.Type()
	}
	return out
}

// Refresh brings the documents named by refs, and those that show
// something of them, up to date: indexed again when public, removed when
// not (or gone).
func (x *Index) Refresh(ctx context.Context, refs ...Ref) error {
	for _, ref := range refs {
		if err := x.refreshOne(ctx, ref); err != nil {
			return err
		}
		for _, s := range x.Sources {
			ids, err := s.Dependents(ctx, x.DB, ref)
			if err != nil {
				return fmt.Errorf("search: dependents of %s %d: %w", ref.Type, ref.ID, err)
			}
			for _, id := range ids {
				if err := x.refreshOne(ctx, Ref{Type: s.Type(), ID: id}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (x *Index) refreshOne(ctx context.Context, ref Ref) error {
	return x.refreshMany(ctx, ref.Type, []int64{ref.ID})
}

// refreshBatch is how many documents a refresh of many writes in one
// transaction. On SQLite every commit writes FTS5's pending terms as a
// new segment, and with one document a commit the merging of those
// segments was most of the work: a first money refresh after a bulk load
// of 30,000 organisations kept half a core busy for a quarter of an hour.
const refreshBatch = 100

// refreshMany refreshes the documents of type typ with ids, refreshBatch
// to a transaction.
func (x *Index) refreshMany(ctx context.Context, typ string, ids []int64) error {
	src := x.source(typ)
	if src == nil {
		return fmt.Errorf("search: no source for type %q", typ)
	}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), refreshBatch)]
		ids = ids[len(chunk):]
		docs, err := src.Docs(ctx, x.DB, chunk)
		if err != nil {
			return fmt.Errorf("search: load %s %v: %w", typ, chunk, err)
		}
		err = x.DB.InTx(ctx, func(tx *db.Tx) error { return refreshChunk(ctx, tx, typ, chunk, docs) })
		if err != nil {
			return err
		}
	}
	return nil
}

// Remove takes a document out of the index.
func (x *Index) Remove(ctx context.Context, ref Ref) error {
	return x.DB.InTx(ctx, func(tx *db.Tx) error { return remove(ctx, tx, ref) })
}

func remove(ctx context.Context, tx *db.Tx, ref Ref) error {
	var row int64
	err := tx.QueryRow(ctx, `SELECT id FROM search_docs WHERE doc_type = ? AND doc_id = ?`, ref.Type, ref.ID).Scan(&row)
	if err != nil {
		if isNoRows(err) {
			return nil
		}
		return fmt.Errorf("search: remove: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE id = ?`, row); err != nil {
		return fmt.Errorf("search: remove: %w", err)
	}
	return writeText(ctx, tx, []int64{row}, nil, nil)
}

// refreshChunk brings the documents of type typ with ids up to date, docs
// being those of them that are public: rewritten in place when indexed
// already, added when not, taken out when no longer public. On SQLite the
// full text is written last, in two statements (see writeText).
func refreshChunk(ctx context.Context, tx *db.Tx, typ string, ids []int64, docs []Doc) error {
	indexed, err := docRows(ctx, tx, typ, ids)
	if err != nil {
		return err
	}
	var drop, rows []int64
	var texts, fresh []Doc
	for _, d := range docs {
		row, ok := indexed[d.ID]
		if !ok {
			fresh = append(fresh, d)
			continue
		}
		if err := update(ctx, tx, row, d); err != nil {
			return err
		}
		drop, rows, texts = append(drop, row), append(rows, row), append(texts, d)
	}
	added, err := insertDocRows(ctx, tx, fresh)
	if err != nil {
		return err
	}
	rows, texts = append(rows, added...), append(texts, fresh...)
	public := make(map[int64]bool, len(docs))
	for _, d := range docs {
		public[d.ID] = true
	}
	var gone []int64
	for _, id := range ids {
		if row, ok := indexed[id]; ok && !public[id] {
			gone = append(gone, row)
		}
	}
	if len(gone) > 0 {
		// Their regions and facets go with them (ON DELETE CASCADE).
		if _, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE id IN (`+db.Marks(len(gone))+`)`, int64Args(gone)...); err != nil {
			return fmt.Errorf("search: remove: %w", err)
		}
	}
	return writeText(ctx, tx, append(drop, gone...), rows, texts)
}

// docRows finds the index rows of the documents of type typ with ids.
func docRows(ctx context.Context, tx *db.Tx, typ string, ids []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.Query(ctx, `SELECT doc_id, id FROM search_docs WHERE doc_type = ? AND doc_id IN (`+db.Marks(len(ids))+`)`,
		append([]any{typ}, int64Args(ids)...)...)
	if err != nil {
		return nil, fmt.Errorf("search: find: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, row int64
		if err := rows.Scan(&id, &row); err != nil {
			return nil, fmt.Errorf("search: find: %w", err)
		}
		out[id] = row
	}
	return out, rows.Err()
}

// update rewrites d, indexed as row, in place (the row keeps its id, so
// a page cursor holding it stays good) but for its full text on SQLite,
// which the caller writes (writeText).
func update(ctx context.Context, tx *db.Tx, row int64, d Doc) error {
	extra, err := json.Marshal(d.Extra)
	if err != nil {
		return err
	}
	cols, args := `slug = ?, title = ?, summary = ?, url = ?, extra = ?, ends_unix = ?, published_unix = ?, need_bp = ?`,
		[]any{d.Slug, d.Title, d.Summary, d.URL, string(extra), endsUnix(d), d.Published.Unix(), d.NeedBP}
	if tx.Dialect == db.Postgres {
		cols += `, tsv = ` + tsvExpr
		args = append(args, terms(d.Title), terms(d.Summary+" "+d.Body))
	}
	if _, err := tx.Exec(ctx, `UPDATE search_docs SET `+cols+` WHERE id = ?`, append(args, row)...); err != nil {
		return fmt.Errorf("search: put: %w", err)
	}
	for _, q := range []string{`DELETE FROM search_doc_regions WHERE doc = ?`, `DELETE FROM search_doc_facets WHERE doc = ?`} {
		if _, err := tx.Exec(ctx, q, row); err != nil {
			return fmt.Errorf("search: put: %w", err)
		}
	}
	return writeParts(ctx, tx, []int64{row}, []Doc{d})
}

// tsvExpr is the weighted text of a document on PostgreSQL, from its
// title terms and the rest: titles weigh more (A) than the rest (B).
const tsvExpr = `setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')`

func endsUnix(d Doc) int64 {
	if d.EndsAt == nil {
		return noDeadline
	}
	return d.EndsAt.Unix()
}

// insertDocs adds documents that are not in the index yet, of one type:
// one multi-row statement per table rather than one per row, which is
// what lets a rebuild index hundreds of thousands of documents quickly.
func insertDocs(ctx context.Context, tx *db.Tx, docs []Doc) error {
	rows, err := insertDocRows(ctx, tx, docs)
	if err != nil {
		return err
	}
	return writeText(ctx, tx, nil, rows, docs)
}

// insertDocRows adds documents, of one type, but for their full text on
// SQLite (writeText), and returns their rows in the order of docs.
func insertDocRows(ctx context.Context, tx *db.Tx, docs []Doc) ([]int64, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	cols, vals := `doc_type, doc_id, slug, title, summary, url, extra, ends_unix, published_unix, need_bp`, `?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	if tx.Dialect == db.Postgres {
		cols, vals = cols+`, tsv`, vals+`, `+tsvExpr
	}
	var args []any
	for _, d := range docs {
		extra, err := json.Marshal(d.Extra)
		if err != nil {
			return nil, err
		}
		args = append(args, d.Type, d.ID, d.Slug, d.Title, d.Summary, d.URL, string(extra), endsUnix(d),
			d.Published.Unix(), d.NeedBP)
		if tx.Dialect == db.Postgres {
			args = append(args, terms(d.Title), terms(d.Summary+" "+d.Body))
		}
	}
	rows, err := tx.Query(ctx, `INSERT INTO search_docs (`+cols+`) VALUES `+valueRows(len(docs), vals)+
		` RETURNING id, doc_type, doc_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("search: put: %w", err)
	}
	ids := map[Ref]int64{}
	for rows.Next() {
		var row int64
		var ref Ref
		if err := rows.Scan(&row, &ref.Type, &ref.ID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search: put: %w", err)
		}
		ids[ref] = row
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: put: %w", err)
	}
	rowIDs := make([]int64, len(docs))
	for i, d := range docs {
		rowIDs[i] = ids[Ref{Type: d.Type, ID: d.ID}]
	}
	return rowIDs, writeParts(ctx, tx, rowIDs, docs)
}

// writeParts writes the regions, facets and (on SQLite) the full text of
// docs, whose search_docs ids are rows. The full text goes last, in one
// statement: FTS5 writes its pending terms out as a new segment whenever
// a later statement of the transaction begins, so a text written between
// other statements cost a segment — and merges — per document.
func writeParts(ctx context.Context, tx *db.Tx, rows []int64, docs []Doc) error {
	var regions, facets []any
	for i, d := range docs {
		codes := map[string]int{}
		var order []string
		for _, c := range d.Regions {
			if _, ok := codes[c]; c != "" && !ok {
				codes[c] = 0
				order = append(order, c)
			}
		}
		for _, c := range d.Covers {
			if c == "" {
				continue
			}
			if _, ok := codes[c]; !ok {
				order = append(order, c)
			}
			codes[c] = 1
		}
		for _, c := range order {
			regions = append(regions, rows[i], c, codes[c])
		}
		for facet, values := range d.Facets {
			seen := map[string]bool{}
			for _, v := range values {
				if v != "" && !seen[v] {
					seen[v] = true
					facets = append(facets, rows[i], facet, v, endsUnix(d), d.Published.Unix(), d.NeedBP)
				}
			}
		}
	}
	if err := insertRows(ctx, tx, `INSERT INTO search_doc_regions (doc, region_code, covers)`, 3, regions); err != nil {
		return fmt.Errorf("search: put regions: %w", err)
	}
	// A facet row carries its document's sort keys, so that a browse can
	// walk one facet's list in the sort's order (see driven).
	if err := insertRows(ctx, tx, `INSERT INTO search_doc_facets (doc, facet, value, ends_unix, published_unix, need_bp)`,
		6, facets); err != nil {
		return fmt.Errorf("search: put facets: %w", err)
	}
	return nil
}

// writeText writes the full text of docs, indexed as rows, on SQLite,
// after taking out that of the rows in drop; it does nothing on
// PostgreSQL, where the text is a column of search_docs. It is the last
// write of a transaction, and one statement each: once FTS5 is written to
// in a transaction it writes its pending terms as a new segment at every
// statement that follows, and a segment per document made merging them
// most of a refresh's work.
func writeText(ctx context.Context, tx *db.Tx, drop, rows []int64, docs []Doc) error {
	if tx.Dialect != db.SQLite {
		return nil
	}
	if len(drop) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM search_fts WHERE rowid IN (`+db.Marks(len(drop))+`)`, int64Args(drop)...); err != nil {
			return fmt.Errorf("search: put text: %w", err)
		}
	}
	texts := make([]any, 0, 3*len(docs))
	for i, d := range docs {
		texts = append(texts, rows[i], terms(d.Title), terms(d.Summary+" "+d.Body))
	}
	if err := insertRows(ctx, tx, `INSERT INTO search_fts (rowid, title, body)`, 3, texts); err != nil {
		return fmt.Errorf("search: put text: %w", err)
	}
	return nil
}

// maxRowsPerInsert keeps a multi-row INSERT well under both databases'
// limits on bound values (32766 on SQLite, 65535 on PostgreSQL).
const maxRowsPerInsert = 1000

// insertRows inserts args, width values a row, with as few statements
// as the limit on bound values allows.
func insertRows(ctx context.Context, tx *db.Tx, insert string, width int, args []any) error {
	row := db.Marks(width)
	for len(args) > 0 {
		n := min(len(args)/width, maxRowsPerInsert)
		if _, err := tx.Exec(ctx, insert+` VALUES `+valueRows(n, row), args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// valueRows is "(row), (row), …" n times.
func valueRows(n int, row string) string {
	return strings.TrimSuffix(strings.Repeat("("+row+"), ", n), ", ")
}

// rebuildBatch is how many documents a rebuild loads and writes at once.
const rebuildBatch = 500

// Rebuild empties the index and indexes every public document again, in
// batches of a few hundred per transaction; it is how a bulk load (the
// generated national-scale data) makes its documents findable. It returns
// how many documents it indexed.
func (x *Index) Rebuild(ctx context.Context) (n int, err error) {
	started := x.now()
	err = x.DB.InTx(ctx, func(tx *db.Tx) error {
		stmts := []string{`DELETE FROM search_doc_facets`, `DELETE FROM search_doc_regions`, `DELETE FROM search_docs`,
			`DELETE FROM search_meta WHERE name = 'version'`, `DELETE FROM search_fts`}
		if tx.Dialect == db.Postgres {
			// TRUNCATE leaves no dead rows behind for the rebuild to
			// write after and autovacuum to clean up.
			stmts = []string{`TRUNCATE search_doc_facets, search_doc_regions, search_docs`,
				`DELETE FROM search_meta WHERE name = 'version'`}
		}
		for _, s := range stmts {
			if _, err := tx.Exec(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("search: rebuild: %w", err)
	}
	if x.DB.Dialect == db.SQLite {
		// FTS5 merges segments a little at every commit; over a rebuild's
		// thousand batches that is most of the work, and settle merges
		// everything into one segment at the end anyway.
		if err := x.automerge(ctx, 0); err != nil {
			return 0, err
		}
		defer func() {
			if merr := x.automerge(context.WithoutCancel(ctx), defaultAutomerge); merr != nil && err == nil {
				err = merr
			}
		}()
	}
	for _, src := range x.Sources {
		var after int64
		for {
			ids, err := src.IDs(ctx, x.DB, after, rebuildBatch)
			if err != nil {
				return n, fmt.Errorf("search: rebuild %s: %w", src.Type(), err)
			}
			if len(ids) == 0 {
				break
			}
			after = ids[len(ids)-1]
			docs, err := src.Docs(ctx, x.DB, ids)
			if err != nil {
				return n, fmt.Errorf("search: rebuild %s: %w", src.Type(), err)
			}
			if err := x.DB.InTx(ctx, func(tx *db.Tx) error { return insertDocs(ctx, tx, docs) }); err != nil {
				return n, fmt.Errorf("search: rebuild %s: %w", src.Type(), err)
			}
			n += len(docs)
		}
	}
	if err := x.settle(ctx); err != nil {
		return n, fmt.Errorf("search: rebuild: %w", err)
	}
	if err := x.setMeta(ctx, "money_since", started.Format(time.RFC3339Nano)); err != nil {
		return n, err
	}
	if err := x.setMeta(ctx, "version", Version); err != nil {
		return n, err
	}
	return n, nil
}

// defaultAutomerge is FTS5's own automerge setting, which live writes use.
const defaultAutomerge = 4

// automerge sets how eagerly FTS5 merges segments as it commits (0: never).
func (x *Index) automerge(ctx context.Context, n int) error {
	if _, err := x.DB.Exec(ctx, `INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)`, n); err != nil {
		return fmt.Errorf("search: automerge: %w", err)
	}
	return nil
}

// settle readies a freshly built index for searching: the full text
// merged into one segment on SQLite (a rebuild leaves one per batch, each
// of which every search would read), and on PostgreSQL the full-text
// index's pending entries moved into it and the visibility map set (by
// VACUUM, so the filters' index-only scans need not visit the table).
// Both then refresh the planner's statistics of the index tables.
func (x *Index) settle(ctx context.Context) error {
	stmts := []string{`INSERT INTO search_fts (search_fts) VALUES ('optimize')`,
		`ANALYZE search_docs`, `ANALYZE search_doc_regions`, `ANALYZE search_doc_facets`}
	if x.DB.Dialect == db.Postgres {
		stmts = []string{`VACUUM ANALYZE search_docs, search_doc_regions, search_doc_facets`}
	}
	for _, s := range stmts {
		if _, err := x.DB.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// EnsureBuilt rebuilds the index when it was never built, was built by
// another Version or is empty; otherwise it does nothing. Call it at start, after
// loading demo or generated data.
func (x *Index) EnsureBuilt(ctx context.Context) (rebuilt bool, err error) {
	var v string
	err = x.DB.QueryRow(ctx, `SELECT value FROM search_meta WHERE name = 'version'`).Scan(&v)
	if err != nil && !isNoRows(err) {
		return false, fmt.Errorf("search: version: %w", err)
	}
	if err == nil && v == Version {
		// Built, but perhaps before data was loaded behind its back (the
		// demo command): an empty index is cheap to fill again.
		var any int
		if err := x.DB.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_docs LIMIT 1) d`).Scan(&any); err != nil {
			return false, fmt.Errorf("search: count: %w", err)
		}
		if any > 0 {
			return false, nil
		}
	}
	_, err = x.Rebuild(ctx)
	return err == nil, err
}

// Ready is EnsureBuilt for the pages that search: the first caller checks
// (and builds when needed) while the others wait, later callers do
// nothing, and a failed build is tried again by the next caller instead of
// failing every search until a restart. Share one Index among the pages of
// a process, so that two pages never rebuild at the same time.
func (x *Index) Ready(ctx context.Context) error {
	if x.built.Load() {
		return nil
	}
	x.building.Lock()
	defer x.building.Unlock()
	if x.built.Load() {
		return nil
	}
	if _, err := x.EnsureBuilt(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	x.built.Store(true)
	return nil
}

// Count is how many documents the index holds.
func (x *Index) Count(ctx context.Context) (int, error) {
	var n int
	err := x.DB.QueryRow(ctx, `SELECT COUNT(*) FROM search_docs`).Scan(&n)
	return n, err
}

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }

// placeholders is "?, ?, …" for n values.

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

var errNoRows = sql.ErrNoRows
