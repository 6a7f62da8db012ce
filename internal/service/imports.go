package service

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Statuses of an import.
const (
	ImportPending   = "pending"
	ImportConfirmed = "confirmed"
)

// Errors of imports.
var (
	// ErrConfirmed: the import was confirmed already; nothing more happens.
	ErrConfirmed = errors.New("service: import already confirmed")
	// ErrRowErrors: an import with a row in error cannot be confirmed.
	ErrRowErrors = errors.New("service: import has rows in error")
)

// Import is one uploaded file of records.
type Import struct {
	ID            string
	OrgID         int64
	InitiativeID  int64
	FileName      string
	FileHash      string
	Rows          int
	Status        string
	CreatedName   string
	CreatedAt     time.Time
	ConfirmedName string
	ConfirmedAt   *time.Time
	content       []byte
}

// Pending reports whether the import waits for its confirmation.
func (i *Import) Pending() bool { return i.Status == ImportPending }

// RowProblem is what is wrong with one cell of a file: line, column, why
// (an i18n key).
type RowProblem struct {
	Line   int
	Column string
	Key    string
}

// Preview is what confirming an import would write: its rows checked
// afresh, and the problems found, line by line.
type Preview struct {
	*Import
	Rows     []PreviewRow
	Problems []RowProblem
	Totals   Counts
}

// PreviewRow is one row of the file as it would be recorded.
type PreviewRow struct {
	Line int
	*Checked
}

// Importable reports whether the import may be confirmed: pending and
// without a problem.
func (p *Preview) Importable() bool { return p.Pending() && len(p.Problems) == 0 }

// DuplicateError: the same file was imported already (confirmed then).
type DuplicateError struct{ At time.Time }

func (e *DuplicateError) Error() string { return "service: file imported already" }

// Upload keeps an uploaded file as a pending import of the initiative
// after reading it; nothing else is written. A file that cannot be read
// is a *FileError; a file imported before is a *DuplicateError.
func (s *Store) Upload(ctx context.Context, actor Actor, orgID, initiativeID int64, fileName string, data []byte) (*Import, error) {
	rows, err := ParseFile(data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if at, err := s.importedAt(ctx, s.DB, orgID, hash); err != nil {
		return nil, err
	} else if at != nil {
		return nil, &DuplicateError{At: *at}
	}
	imp := &Import{ID: newImportID(), OrgID: orgID, InitiativeID: initiativeID, FileName: cleanFileName(fileName),
		FileHash: hash, Rows: len(rows), Status: ImportPending, CreatedName: actor.Name, CreatedAt: s.now(), content: data}
	var by any
	if actor.ID != 0 {
		by = actor.ID
	}
	_, err = s.DB.Exec(ctx, `INSERT INTO service_imports (id, org_id, initiative_id, file_name, file_hash, content, rows_total,
		status, created_by, created_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		imp.ID, orgID, initiativeID, imp.FileName, hash, data, imp.Rows, ImportPending, by, actor.Name, imp.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("service: upload: %w", err)
	}
	return imp, nil
}

// importedAt is when a file with this hash was confirmed, or nil.
func (s *Store) importedAt(ctx context.Context, q db.Querier, orgID int64, hash string) (*time.Time, error) {
	var at time.Time
	err := q.QueryRow(ctx, `SELECT confirmed_at FROM service_imports WHERE org_id = ? AND file_hash = ? AND status = ?`,
		orgID, hash, ImportConfirmed).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("service: imported: %w", err)
	}
	return &at, nil
}

func newImportID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// cleanFileName keeps the base name of an uploaded file, printable and
// short.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	return name
}

const importColumns = `id, org_id, initiative_id, file_name, file_hash, rows_total, status, created_name, created_at,
	confirmed_name, confirmed_at, content`

func scanImport(sc interface{ Scan(...any) error }) (*Import, error) {
	i := &Import{}
	var at sql.NullTime
	if err := sc.Scan(&i.ID, &i.OrgID, &i.InitiativeID, &i.FileName, &i.FileHash, &i.Rows, &i.Status, &i.CreatedName,
		&i.CreatedAt, &i.ConfirmedName, &at, &i.content); err != nil {
		return nil, err
	}
	if at.Valid {
		i.ConfirmedAt = &at.Time
	}
	return i, nil
}

// GetImport loads an import of the initiative.
func (s *Store) GetImport(ctx context.Context, initiativeID int64, id string) (*Import, error) {
	return s.getImport(ctx, s.DB, initiativeID, id)
}

func (s *Store) getImport(ctx context.Context, q db.Querier, initiativeID int64, id string) (*Import, error) {
	i, err := scanImport(q.QueryRow(ctx, `SELECT `+importColumns+` FROM service_imports WHERE id = ? AND initiative_id = ?`, id, initiativeID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("service: import: %w", err)
	}
	return i, nil
}

// Imports lists the initiative's latest imports, newest first.
func (s *Store) Imports(ctx context.Context, initiativeID int64, limit int) ([]*Import, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+importColumns+` FROM service_imports WHERE initiative_id = ?
		ORDER BY created_at DESC LIMIT ?`, initiativeID, limit)
	if err != nil {
		return nil, fmt.Errorf("service: imports: %w", err)
	}
	defer rows.Close()
	var out []*Import
	for rows.Next() {
		i, err := scanImport(rows)
		if err != nil {
			return nil, fmt.Errorf("service: imports: %w", err)
		}
		i.content = nil
		out = append(out, i)
	}
	return out, rows.Err()
}

// Preview checks the import's rows against today (the organisation's
// local day) and the initiative's points as they are now.
func (s *Store) Preview(ctx context.Context, imp *Import, today string) (*Preview, error) {
	return s.preview(ctx, s.DB, imp, today)
}

func (s *Store) preview(ctx context.Context, q db.Querier, imp *Import, today string) (*Preview, error) {
	rows, err := ParseFile(imp.content)
	if err != nil {
		return nil, fmt.Errorf("service: import %s no longer reads: %w", imp.ID, err)
	}
	points, err := s.points(ctx, q, `SELECT `+pointColumns+` FROM service_points WHERE initiative_id = ?`, imp.InitiativeID)
	if err != nil {
		return nil, err
	}
	byCode := PointsByCode(points)
	p := &Preview{Import: imp, Totals: Counts{Groups: map[string]int64{}}}
	for _, row := range rows {
		c, errs := row.Values.Check(today, byCode)
		if len(errs) > 0 {
			p.Problems = append(p.Problems, rowProblems(row.Line, errs)...)
			continue
		}
		p.Rows = append(p.Rows, PreviewRow{Line: row.Line, Checked: c})
		p.Totals.add(c.Counts)
	}
	return p, nil
}

// rowProblems lists a row's field errors in the template's column order.
func rowProblems(line int, errs validate.Errors) []RowProblem {
	var out []RowProblem
	for _, c := range Columns() {
		if k, ok := errs[c]; ok {
			out = append(out, RowProblem{Line: line, Column: c, Key: k})
		}
	}
	return out
}

// add sums b into c.
func (c *Counts) add(b Counts) {
	c.Total += b.Total
	c.Male += b.Male
	c.Female += b.Female
	for i := range c.Ages {
		c.Ages[i] += b.Ages[i]
	}
	c.Disability += b.Disability
	for g, n := range b.Groups {
		c.Groups[g] += n
	}
}

// Confirm writes every row of a pending import, checked afresh, in one
// transaction, and marks it confirmed: ErrRowErrors when a row is wrong
// (nothing is written), ErrConfirmed when it was confirmed already, a
// *DuplicateError when the same file was confirmed through another
// import.
func (s *Store) Confirm(ctx context.Context, actor Actor, initiativeID int64, id, today string) (*Preview, error) {
	var p *Preview
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		imp, err := s.getImport(ctx, tx, initiativeID, id)
		if err != nil {
			return err
		}
		if !imp.Pending() {
			return ErrConfirmed
		}
		if at, err := s.importedAt(ctx, tx, imp.OrgID, imp.FileHash); err != nil {
			return err
		} else if at != nil {
			return &DuplicateError{At: *at}
		}
		if p, err = s.preview(ctx, tx, imp, today); err != nil {
			return err
		}
		if len(p.Problems) > 0 {
			return ErrRowErrors
		}
		now := s.now()
		var by any
		if actor.ID != 0 {
			by = actor.ID
		}
		// Claim the import first: of two confirmations at once, the
		// second changes no row here and writes nothing.
		res, err := tx.Exec(ctx, `UPDATE service_imports SET status = ?, confirmed_by = ?, confirmed_name = ?, confirmed_at = ?
			WHERE id = ? AND status = ?`, ImportConfirmed, by, actor.Name, now, imp.ID, ImportPending)
		if db.IsUniqueViolation(err) {
			return &DuplicateError{At: now}
		}
		if err != nil {
			return fmt.Errorf("service: confirm: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrConfirmed
		}
		for _, row := range p.Rows {
			if _, err := s.insertRecord(ctx, tx, actor, imp.OrgID, imp.InitiativeID, row.Checked, imp.ID, row.Line); err != nil {
				return err
			}
		}
		imp.Status, imp.ConfirmedName, imp.ConfirmedAt = ImportConfirmed, actor.Name, &now
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "service.import.confirm",
			TargetType: "service_import", TargetID: imp.ID, Detail: imp.FileName + " " + strconv.Itoa(len(p.Rows))})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}
