package surplus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Actor is who decides, for the records and the audit log.
type Actor struct {
	ID   int64
	Name string
}

// Compute returns the surplus table of an initiative of the organisation
// over p. When the period already has decisions, its stored reserve is
// used (and Fixed set) instead of p.Reserve. An initiative of another
// organisation is db.ErrNotFound.
func Compute(ctx context.Context, q db.Querier, orgID int64, p PeriodInput) (*Table, error) {
	var owner int64
	err := q.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, p.InitiativeID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != orgID) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("surplus: initiative: %w", err)
	}
	stored, err := periodOf(ctx, q, p)
	if err != nil {
		return nil, err
	}
	per := Period{OrgID: orgID, InitiativeID: p.InitiativeID, From: p.From.UTC(), To: p.To.UTC(), Reserve: p.Reserve}
	if stored != nil {
		per = *stored
	}
	return compute(ctx, q, per, stored != nil)
}

func compute(ctx context.Context, q db.Querier, p Period, fixed bool) (*Table, error) {
	sum, err := ledger.Totals(ctx, q, ledger.Filter{OrgID: p.OrgID, InitiativeID: p.InitiativeID, From: p.From, To: p.To})
	if err != nil {
		return nil, err
	}
	t := &Table{Period: p, Fixed: fixed, In: sum.In, Out: sum.Out, TransferIn: sum.TransferIn,
		TransferOut: sum.TransferOut, Zakat: sum.Zakat}
	for _, c := range ledger.Categories {
		if f, ok := sum.ByCategory[c]; ok {
			t.Rows = append(t.Rows, Row{Category: c, In: f.In, Out: f.Out, TransferIn: f.TransferIn, TransferOut: f.TransferOut})
		}
	}
	t.Surplus = t.In - t.Out - p.Reserve
	if p.ID != 0 {
		if err := q.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM surplus_allocations WHERE period_id = ?`,
			p.ID).Scan(&t.Allocated); err != nil {
			return nil, fmt.Errorf("surplus: allocated: %w", err)
		}
	}
	t.Free = max(t.Surplus-t.Allocated, 0)
	return t, nil
}

const periodColumns = `id, org_id, initiative_id, period_from, period_to, reserve, created_at`

func scanPeriod(s interface{ Scan(...any) error }) (*Period, error) {
	var p Period
	if err := s.Scan(&p.ID, &p.OrgID, &p.InitiativeID, &p.From, &p.To, &p.Reserve, &p.CreatedAt); err != nil {
		return nil, err
	}
	p.From, p.To, p.CreatedAt = p.From.UTC(), p.To.UTC(), p.CreatedAt.UTC()
	return &p, nil
}

// periodOf returns the stored period with exactly p's days, or nil.
func periodOf(ctx context.Context, q db.Querier, p PeriodInput) (*Period, error) {
	per, err := scanPeriod(q.QueryRow(ctx, `SELECT `+periodColumns+` FROM surplus_periods
		WHERE initiative_id = ? AND period_from = ? AND period_to = ?`, p.InitiativeID, p.From.UTC(), p.To.UTC()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("surplus: period: %w", err)
	}
	return per, nil
}

// Periods lists the organisation's periods with decisions, newest first.
func Periods(ctx context.Context, q db.Querier, orgID int64) ([]*Period, error) {
	rows, err := q.Query(ctx, `SELECT `+periodColumns+` FROM surplus_periods WHERE org_id = ?
		ORDER BY period_from DESC, id DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("surplus: periods: %w", err)
	}
	defer rows.Close()
	var out []*Period
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, fmt.Errorf("surplus: periods: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Allocate records decision d of the organisation and books it in the
// ledger, all in one transaction. Refusals are validate.Errors keyed by
// form field: an initiative or target that is not the organisation's, a
// period overlapping another of the initiative's, a reserve other than the
// period's fixed one, an amount above what is left of the surplus.
func Allocate(ctx context.Context, d *db.DB, orgID int64, actor Actor, dec Decision) (*Allocation, error) {
	var out *Allocation
	err := d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		out, err = allocate(ctx, tx, orgID, actor, dec)
		return err
	})
	return out, err
}

type initiativeRow struct {
	id, org  int64
	cycle    sql.NullInt64
	name     string
	slug     string
	category string
}

func loadInitiative(ctx context.Context, tx *db.Tx, id int64, lock bool) (*initiativeRow, error) {
	q := `SELECT id, org_id, cycle_id, name, slug, category FROM initiatives WHERE id = ?`
	if lock && tx.Dialect == db.Postgres {
		q += ` FOR UPDATE`
	}
	var r initiativeRow
	err := tx.QueryRow(ctx, q, id).Scan(&r.id, &r.org, &r.cycle, &r.name, &r.slug, &r.category)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("surplus: initiative: %w", err)
	}
	return &r, nil
}

func allocate(ctx context.Context, tx *db.Tx, orgID int64, actor Actor, dec Decision) (*Allocation, error) {
	p := dec.Period
	// The initiative's row lock queues every decision on it: the checks
	// below cannot race with another decision of the same initiative.
	src, err := loadInitiative(ctx, tx, p.InitiativeID, true)
	if errors.Is(err, db.ErrNotFound) || (err == nil && src.org != orgID) {
		return nil, validate.Errors{FieldInitiative: "surplus.err.initiative"}
	}
	if err != nil {
		return nil, err
	}
	target := src
	if dec.Kind == KindReserve || (dec.Kind == KindScaleUp && dec.TargetID == 0) {
		dec.TargetID = src.id // reserve and scale-up without a target stay with the initiative
	}
	if !dec.Kind.Valid() {
		return nil, validate.Errors{FieldKind: "surplus.err.kind"}
	}
	if dec.TargetID != 0 && dec.TargetID != src.id {
		target, err = loadInitiative(ctx, tx, dec.TargetID, false)
		if errors.Is(err, db.ErrNotFound) || (err == nil && target.org != orgID) {
			return nil, validate.Errors{FieldTarget: "surplus.err.target"}
		}
		if err != nil {
			return nil, err
		}
	}
	var overlap int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM surplus_periods WHERE initiative_id = ?
		AND period_from < ? AND period_to > ? AND NOT (period_from = ? AND period_to = ?)`,
		src.id, p.To.UTC(), p.From.UTC(), p.From.UTC(), p.To.UTC()).Scan(&overlap); err != nil {
		return nil, fmt.Errorf("surplus: overlap: %w", err)
	}
	if overlap > 0 {
		return nil, validate.Errors{FieldFrom: "surplus.err.overlap"}
	}
	per, err := periodOf(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	now := db.Now()
	if per == nil {
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO surplus_periods (org_id, initiative_id, period_from, period_to, reserve,
			created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, orgID, src.id, p.From.UTC(), p.To.UTC(),
			p.Reserve, nullID(actor.ID), now).Scan(&id); err != nil {
			return nil, fmt.Errorf("surplus: new period: %w", err)
		}
		per = &Period{ID: id, OrgID: orgID, InitiativeID: src.id, From: p.From.UTC(), To: p.To.UTC(), Reserve: p.Reserve, CreatedAt: now}
	} else if per.Reserve != p.Reserve {
		return nil, validate.Errors{FieldReserve: "surplus.err.reserve_fixed"}
	}
	t, err := compute(ctx, tx, *per, true)
	if err != nil {
		return nil, err
	}
	if dec.Amount <= 0 || dec.Amount > t.Free {
		return nil, validate.Errors{FieldAmount: "surplus.err.exceeds"}
	}
	a := &Allocation{PeriodID: per.ID, OrgID: orgID, Kind: dec.Kind, Amount: dec.Amount, Rationale: dec.Rationale,
		DecidedBy: actor.ID, DecidedName: actor.Name, DecidedAt: now, From: per.From, To: per.To,
		InitiativeID: src.id, InitiativeName: src.name, InitiativeSlug: src.slug}
	if dec.TargetID == 0 {
		if dec.NewName == "" || dec.Kind == KindReserve || dec.Kind == KindScaleUp {
			return nil, validate.Errors{FieldTarget: "surplus.err.target"}
		}
		target, err = createChild(ctx, tx, actor, src, dec.NewName)
		if err != nil {
			return nil, err
		}
		a.CreatedTarget = true
	}
	a.TargetID, a.TargetName, a.TargetSlug = target.id, target.name, target.slug
	if err := tx.QueryRow(ctx, `INSERT INTO surplus_allocations (period_id, org_id, kind, amount, target_id, created_target,
		rationale, decided_by, decided_name, decided_at, out_seq, in_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
		RETURNING id`, a.PeriodID, orgID, string(a.Kind), a.Amount, a.TargetID, a.CreatedTarget, a.Rationale,
		nullID(a.DecidedBy), a.DecidedName, a.DecidedAt).Scan(&a.ID); err != nil {
		return nil, fmt.Errorf("surplus: allocation: %w", err)
	}
	// The books are read by people: the period's days as they write
	// them, in the organisation's zone where its days begin.
	var regionCode string
	if err := tx.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, orgID).Scan(&regionCode); err != nil {
		return nil, fmt.Errorf("surplus: allocation: %w", err)
	}
	zone := region.Zone(regionCode)
	fromText := i18n.Date(i18n.ID, per.From, zone)
	untilText := i18n.Date(i18n.ID, per.To.In(zone).AddDate(0, 0, -1), zone)
	desc := fmt.Sprintf("Alokasi surplus %s s.d. %s: %s dari %s ke %s", fromText, untilText, kindLabel[a.Kind], src.name, target.name)
	if a.Kind == KindReserve {
		desc = fmt.Sprintf("Alokasi surplus %s s.d. %s ke cadangan %s", fromText, untilText, src.name)
	}
	inCat := ledger.CatSurplus
	if a.Kind == KindReserve {
		inCat = ledger.CatCadangan
	}
	outE, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: orgID, Kind: ledger.KindTransfer, Amount: -a.Amount,
		Category: ledger.CatSurplus, InitiativeID: src.id, Description: desc, SourceType: SourceFrom, SourceID: a.ID,
		RecordedBy: actor.ID, RecordedAt: now})
	if err != nil {
		return nil, err
	}
	inE, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: orgID, Kind: ledger.KindTransfer, Amount: a.Amount,
		Category: inCat, InitiativeID: target.id, Description: desc, SourceType: SourceTo, SourceID: a.ID,
		RecordedBy: actor.ID, RecordedAt: now})
	if err != nil {
		return nil, err
	}
	a.OutSeq, a.InSeq = outE.Seq, inE.Seq
	if _, err := tx.Exec(ctx, `UPDATE surplus_allocations SET out_seq = ?, in_seq = ? WHERE id = ?`,
		a.OutSeq, a.InSeq, a.ID); err != nil {
		return nil, fmt.Errorf("surplus: allocation seqs: %w", err)
	}
	if err := audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "surplus.allocate",
		TargetType: "initiative", TargetID: strconv.FormatInt(src.id, 10),
		Detail: fmt.Sprintf("%s Rp%d → %s", a.Kind, a.Amount, target.slug)}); err != nil {
		return nil, err
	}
	return a, nil
}

// kindLabel names the kinds in ledger descriptions (the ledger is public
// and written in Indonesian).
var kindLabel = map[Kind]string{KindReplication: "replikasi", KindScaleUp: "perluasan",
	KindSpinOff: "pemisahan", KindReserve: "cadangan"}

// createChild creates a draft initiative born from parent's surplus: same
// organisation and cycle, the parent's category and regions.
func createChild(ctx context.Context, tx *db.Tx, actor Actor, parent *initiativeRow, name string) (*initiativeRow, error) {
	base := org.Slugify(name)
	if base == "" {
		base = parent.slug + "-baru"
	}
	slug, err := db.FreeSlug(ctx, tx, "initiatives", base)
	if err != nil {
		return nil, err
	}
	now := db.Now()
	c := &initiativeRow{org: parent.org, cycle: parent.cycle, name: name, slug: slug, category: parent.category}
	var cycle any
	if parent.cycle.Valid {
		cycle = parent.cycle.Int64
	}
	if err := tx.QueryRow(ctx, `INSERT INTO initiatives (org_id, cycle_id, slug, name, category, status, parent_id,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?) RETURNING id`, c.org, cycle, slug, name,
		c.category, parent.id, now, now).Scan(&c.id); err != nil {
		return nil, fmt.Errorf("surplus: new initiative: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO initiative_regions (initiative_id, region_code)
		SELECT ?, region_code FROM initiative_regions WHERE initiative_id = ?`, c.id, parent.id); err != nil {
		return nil, fmt.Errorf("surplus: new initiative regions: %w", err)
	}
	if err := audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "initiative.create",
		TargetType: "initiative", TargetID: strconv.FormatInt(c.id, 10), Detail: slug}); err != nil {
		return nil, err
	}
	return c, nil
}

// List returns the organisation's decisions, newest first.
func List(ctx context.Context, q db.Querier, orgID int64) ([]*Allocation, error) {
	rows, err := q.Query(ctx, `SELECT a.id, a.period_id, a.org_id, a.kind, a.amount, a.target_id, a.created_target,
		a.rationale, a.decided_by, a.decided_name, a.decided_at, a.out_seq, a.in_seq,
		p.period_from, p.period_to, p.initiative_id, s.name, s.slug, t.name, t.slug
		FROM surplus_allocations a
		JOIN surplus_periods p ON p.id = a.period_id
		JOIN initiatives s ON s.id = p.initiative_id
		JOIN initiatives t ON t.id = a.target_id
		WHERE a.org_id = ? ORDER BY a.id DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("surplus: list: %w", err)
	}
	defer rows.Close()
	var out []*Allocation
	for rows.Next() {
		var a Allocation
		var kind string
		var by sql.NullInt64
		if err := rows.Scan(&a.ID, &a.PeriodID, &a.OrgID, &kind, &a.Amount, &a.TargetID, &a.CreatedTarget,
			&a.Rationale, &by, &a.DecidedName, &a.DecidedAt, &a.OutSeq, &a.InSeq, &a.From, &a.To,
			&a.InitiativeID, &a.InitiativeName, &a.InitiativeSlug, &a.TargetName, &a.TargetSlug); err != nil {
			return nil, fmt.Errorf("surplus: list: %w", err)
		}
		a.Kind, a.DecidedBy = Kind(kind), by.Int64
		a.DecidedAt, a.From, a.To = a.DecidedAt.UTC(), a.From.UTC(), a.To.UTC()
		out = append(out, &a)
	}
	return out, rows.Err()
}

// Relative is an initiative's parent or child, as the public sees it.
type Relative struct {
	ID        int64
	Slug      string
	Name      string
	Published bool
	// Kind is the allocation that created the child ("" when the link was
	// made otherwise).
	Kind Kind
}

// Lineage returns the initiative's parent (nil when none) and children,
// oldest first. With publicOnly, drafts are left out.
func Lineage(ctx context.Context, q db.Querier, initiativeID int64, publicOnly bool) (*Relative, []Relative, error) {
	var parent *Relative
	var pid sql.NullInt64
	if err := q.QueryRow(ctx, `SELECT parent_id FROM initiatives WHERE id = ?`, initiativeID).Scan(&pid); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, db.ErrNotFound
		}
		return nil, nil, fmt.Errorf("surplus: lineage: %w", err)
	}
	byKind := `COALESCE((SELECT a.kind FROM surplus_allocations a WHERE a.target_id = i.id AND a.created_target
		ORDER BY a.id LIMIT 1), '')`
	scanRel := func(s interface{ Scan(...any) error }) (Relative, error) {
		var r Relative
		var status, kind string
		err := s.Scan(&r.ID, &r.Slug, &r.Name, &status, &kind)
		r.Published, r.Kind = status == "published", Kind(kind)
		return r, err
	}
	if pid.Valid {
		r, err := scanRel(q.QueryRow(ctx, `SELECT i.id, i.slug, i.name, i.status, '' FROM initiatives i WHERE i.id = ?`, pid.Int64))
		if err != nil {
			return nil, nil, fmt.Errorf("surplus: lineage parent: %w", err)
		}
		if r.Published || !publicOnly {
			parent = &r
		}
		var k string
		if err := q.QueryRow(ctx, `SELECT `+byKind+` FROM initiatives i WHERE i.id = ?`, initiativeID).Scan(&k); err != nil {
			return nil, nil, fmt.Errorf("surplus: lineage kind: %w", err)
		}
		if parent != nil {
			parent.Kind = Kind(k)
		}
	}
	rows, err := q.Query(ctx, `SELECT i.id, i.slug, i.name, i.status, `+byKind+` FROM initiatives i
		WHERE i.parent_id = ? ORDER BY i.id`, initiativeID)
	if err != nil {
		return nil, nil, fmt.Errorf("surplus: lineage children: %w", err)
	}
	defer rows.Close()
	var children []Relative
	for rows.Next() {
		r, err := scanRel(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("surplus: lineage children: %w", err)
		}
		if r.Published || !publicOnly {
			children = append(children, r)
		}
	}
	return parent, children, rows.Err()
}

// Initiatives lists the organisation's initiatives by name, for forms.
func Initiatives(ctx context.Context, q db.Querier, orgID int64) ([]Relative, error) {
	rows, err := q.Query(ctx, `SELECT id, slug, name, status, '' FROM initiatives WHERE org_id = ? ORDER BY name, id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("surplus: initiatives: %w", err)
	}
	defer rows.Close()
	var out []Relative
	for rows.Next() {
		var r Relative
		var status, kind string
		if err := rows.Scan(&r.ID, &r.Slug, &r.Name, &status, &kind); err != nil {
			return nil, fmt.Errorf("surplus: initiatives: %w", err)
		}
		r.Published = status == "published"
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, rows.Err()
}

func nullID(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// Family is an initiative's parent and children (see Lineage).
type Family struct {
	Parent   *Relative
	Children []Relative
}

// Lineages is Lineage for several initiatives in two queries, by id, for
// the pages and API lists that show many.
func Lineages(ctx context.Context, q db.Querier, ids []int64, publicOnly bool) (map[int64]Family, error) {
	out := make(map[int64]Family, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := db.Marks(len(ids))
	byKind := func(alias string) string {
		return `COALESCE((SELECT a.kind FROM surplus_allocations a WHERE a.target_id = ` + alias + `.id AND a.created_target
		ORDER BY a.id LIMIT 1), '')`
	}
	each := func(query string, add func(id int64, r Relative)) error {
		rows, err := q.Query(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("surplus: lineages: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var r Relative
			var status, kind string
			if err := rows.Scan(&id, &r.ID, &r.Slug, &r.Name, &status, &kind); err != nil {
				return fmt.Errorf("surplus: lineages: %w", err)
			}
			r.Published, r.Kind = status == "published", Kind(kind)
			if r.Published || !publicOnly {
				add(id, r)
			}
		}
		return rows.Err()
	}
	// A parent's kind is how the child was made from it.
	if err := each(`SELECT c.id, p.id, p.slug, p.name, p.status, `+byKind("c")+` FROM initiatives c
		JOIN initiatives p ON p.id = c.parent_id WHERE c.id IN (`+in+`)`, func(id int64, r Relative) {
		f := out[id]
		f.Parent = &r
		out[id] = f
	}); err != nil {
		return nil, err
	}
	if err := each(`SELECT i.parent_id, i.id, i.slug, i.name, i.status, `+byKind("i")+` FROM initiatives i
		WHERE i.parent_id IN (`+in+`) ORDER BY i.id`, func(id int64, r Relative) {
		f := out[id]
		f.Children = append(f.Children, r)
		out[id] = f
	}); err != nil {
		return nil, err
	}
	return out, nil
}
