package dataset

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"lokadaya/internal/audit"
	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

const columns = `d.id, d.org_id, o.name, o.slug, d.title, d.description, d.region_code, d.licence, d.keywords,
	d.covers_from, d.covers_to, d.source, d.file_key, d.file_name, d.file_header, d.file_size, d.row_count,
	d.format, d.link_url, d.status, d.published_at, d.created_by, d.created_at, d.updated_at`

const from = ` FROM datasets d JOIN organizations o ON o.id = d.org_id`

// public narrows a query to what anyone may see: published datasets of
// organisations that are not hidden.
const public = `d.status = 'published' AND o.status NOT IN ('rejected', 'suspended')`

func scan(sc interface{ Scan(...any) error }) (*Dataset, error) {
	d := &Dataset{}
	var keywords, header string
	var published sql.NullTime
	var by sql.NullInt64
	if err := sc.Scan(&d.ID, &d.OrgID, &d.OrgName, &d.OrgSlug, &d.Title, &d.Description, &d.RegionCode, &d.Licence,
		&keywords, &d.From, &d.To, &d.Source, &d.FileKey, &d.FileName, &header, &d.FileSize, &d.Rows,
		&d.Format, &d.LinkURL, &d.Status, &published, &by, &d.CreatedAt, &d.UpdatedAt); err != nil {
		return nil, err
	}
	d.Keywords, d.Header = lines(keywords), lines(header)
	if published.Valid {
		t := published.Time
		d.PublishedAt = &t
	}
	d.CreatedBy = by.Int64
	return d, nil
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// MayManage reports whether actor may write, edit, publish and withdraw
// the datasets of orgID: a platform admin, or a member whose role may edit
// the organisation's profile.
func (s *Store) MayManage(ctx context.Context, actor Actor, orgID int64) (bool, error) {
	if actor.Admin {
		return true, nil
	}
	if actor.ID == 0 {
		return false, nil
	}
	role, err := (&org.Store{DB: s.DB}).RoleOf(ctx, orgID, actor.ID)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("dataset: role: %w", err)
	}
	return role.CanEditProfile(), nil
}

func (s *Store) allowed(ctx context.Context, actor Actor, orgID int64) error {
	ok, err := s.MayManage(ctx, actor, orgID)
	if err != nil {
		return err
	}
	if !ok {
		return ErrNotAllowed
	}
	return nil
}

// validated checks the input in whole: its shape, its region, and the
// uploaded file against the dictionary (or, keeping the file already
// uploaded, that file's header). Field problems are validate.Errors, a
// file's content problem a *FileError.
func (s *Store) validated(ctx context.Context, in *Input, kept *Dataset) (Table, error) {
	keep := kept != nil && kept.IsFile() && kept.FileKey != ""
	e := in.check(keep)
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	} else {
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode).Scan(&n); err != nil {
			return Table{}, fmt.Errorf("dataset: region: %w", err)
		}
		if n == 0 {
			e.Add("region", "region.required")
		}
	}
	if err := e.Err(); err != nil {
		return Table{}, err
	}
	if in.Source != SourceFile {
		return Table{}, nil
	}
	if in.File == nil {
		// The kept file was read when it came; its header still has to
		// match the dictionary as now written.
		return Table{Header: kept.Header, Rows: kept.Rows}, matchHeader(kept.Header, in.Columns)
	}
	return ReadFile(*in.File, in.Columns)
}

// Create writes a draft dataset for orgID by actor. Bad input is a
// validate.Errors, a file not matching its dictionary a *FileError;
// either way nothing is written, in the database or the blob store.
func (s *Store) Create(ctx context.Context, actor Actor, orgID int64, in Input) (*Dataset, error) {
	if err := s.allowed(ctx, actor, orgID); err != nil {
		return nil, err
	}
	table, err := s.validated(ctx, &in, nil)
	if err != nil {
		return nil, err
	}
	now := s.now()
	d := &Dataset{OrgID: orgID, Status: StatusDraft, CreatedBy: actor.ID, CreatedAt: now, UpdatedAt: now}
	apply(d, in, table)
	newKey, err := s.putFile(ctx, d, in.File)
	if err != nil {
		return nil, err
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO datasets (org_id, title, description, region_code, licence, keywords,
			covers_from, covers_to, source, file_key, file_name, file_header, file_size, row_count, format, link_url,
			status, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			d.OrgID, d.Title, d.Description, d.RegionCode, d.Licence, strings.Join(d.Keywords, "\n"), d.From, d.To,
			d.Source, d.FileKey, d.FileName, strings.Join(d.Header, "\n"), d.FileSize, d.Rows, d.Format, d.LinkURL,
			d.Status, nullID(actor.ID), now, now).Scan(&d.ID)
		if err != nil {
			return fmt.Errorf("dataset: create: %w", err)
		}
		if err := writeColumns(ctx, tx, d.ID, d.Columns); err != nil {
			return err
		}
		return record(ctx, tx, actor, "dataset.create", d.ID, d.Title)
	})
	if err != nil {
		s.dropFile(ctx, newKey)
		return nil, err
	}
	return d, nil
}

func apply(d *Dataset, in Input, t Table) {
	d.Title, d.Description, d.RegionCode, d.Licence = in.Title, in.Description, in.RegionCode, in.Licence
	d.Keywords, d.From, d.To, d.Source, d.Columns = in.Keywords, in.From, in.To, in.Source, in.Columns
	switch {
	case in.Source == SourceLink:
		d.FileKey, d.FileName, d.Header, d.FileSize, d.Rows = "", "", nil, 0, 0
		d.LinkURL, d.Format = in.LinkURL, in.LinkFormat
	case in.File != nil:
		d.FileName, d.FileSize, d.Format = cleanName(in.File.Name), int64(len(in.File.Data)), UploadFormat(in.File.Name)
		d.Header, d.Rows, d.LinkURL = t.Header, t.Rows, ""
	}
	// Names in the dictionary take the file's spelling, so the page and
	// the file agree to the letter.
	if d.Source == SourceFile {
		for i := range d.Columns {
			if i < len(d.Header) {
				d.Columns[i].Name = d.Header[i]
			}
		}
	}
}

// cleanName keeps an uploaded file's base name in plain characters, for
// the download's Content-Disposition.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	out := b.String()
	if len(out) > 100 {
		out = out[len(out)-100:]
	}
	if strings.Trim(out, ".-_") == "" || UploadFormat(out) == "" {
		out = "data." + strings.ToLower(UploadFormat(name))
	}
	return out
}

// putFile stores an upload under a new key and points d at it; "" when
// there is nothing to store.
func (s *Store) putFile(ctx context.Context, d *Dataset, u *Upload) (string, error) {
	if u == nil || d.Source != SourceFile {
		return "", nil
	}
	if s.Blobs == nil {
		return "", errors.New("dataset: no file store")
	}
	key := "datasets/" + strings.ToLower(rand.Text()[:16]) + "." + strings.ToLower(d.Format)
	if err := s.Blobs.Put(ctx, key, MediaType(d.Format), bytes.NewReader(u.Data)); err != nil {
		return "", fmt.Errorf("dataset: store file: %w", err)
	}
	d.FileKey = key
	return key, nil
}

// dropFile removes a file no row points at; a failure only leaves an
// orphan behind, so it is not reported.
func (s *Store) dropFile(ctx context.Context, key string) {
	if key != "" && s.Blobs != nil {
		_ = s.Blobs.Delete(context.WithoutCancel(ctx), key)
	}
}

// Update changes a dataset by actor; Input.File nil keeps the uploaded
// file. A published dataset stays published with its new content. Errors
// as Create's; nothing changes on any.
func (s *Store) Update(ctx context.Context, actor Actor, d *Dataset, in Input) error {
	if err := s.allowed(ctx, actor, d.OrgID); err != nil {
		return err
	}
	table, err := s.validated(ctx, &in, d)
	if err != nil {
		return err
	}
	now := s.now()
	next := *d
	apply(&next, in, table)
	next.UpdatedAt = now
	newKey, err := s.putFile(ctx, &next, in.File)
	if err != nil {
		return err
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE datasets SET title = ?, description = ?, region_code = ?, licence = ?, keywords = ?,
			covers_from = ?, covers_to = ?, source = ?, file_key = ?, file_name = ?, file_header = ?, file_size = ?,
			row_count = ?, format = ?, link_url = ?, updated_at = ? WHERE id = ?`,
			next.Title, next.Description, next.RegionCode, next.Licence, strings.Join(next.Keywords, "\n"), next.From, next.To,
			next.Source, next.FileKey, next.FileName, strings.Join(next.Header, "\n"), next.FileSize, next.Rows, next.Format,
			next.LinkURL, now, d.ID)
		if err != nil {
			return fmt.Errorf("dataset: update: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		if _, err := tx.Exec(ctx, `DELETE FROM dataset_columns WHERE dataset_id = ?`, d.ID); err != nil {
			return fmt.Errorf("dataset: update: %w", err)
		}
		if err := writeColumns(ctx, tx, d.ID, next.Columns); err != nil {
			return err
		}
		return record(ctx, tx, actor, "dataset.update", d.ID, next.Title)
	})
	if err != nil {
		s.dropFile(ctx, newKey)
		return err
	}
	if d.FileKey != "" && d.FileKey != next.FileKey {
		s.dropFile(ctx, d.FileKey)
	}
	*d = next
	return nil
}

// Publish makes a dataset public; only a verified organisation publishes.
func (s *Store) Publish(ctx context.Context, actor Actor, d *Dataset) error {
	if err := s.allowed(ctx, actor, d.OrgID); err != nil {
		return err
	}
	o, err := (&org.Store{DB: s.DB}).ByID(ctx, d.OrgID)
	if err != nil {
		return fmt.Errorf("dataset: publish: %w", err)
	}
	if !o.Verified() {
		return ErrNotVerified
	}
	now := s.now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// The first publication's time stays: it is the year to cite by.
		if _, err := tx.Exec(ctx, `UPDATE datasets SET status = 'published', published_at = COALESCE(published_at, ?),
			updated_at = ? WHERE id = ?`, now, now, d.ID); err != nil {
			return fmt.Errorf("dataset: publish: %w", err)
		}
		return record(ctx, tx, actor, "dataset.publish", d.ID, d.Title)
	})
	if err != nil {
		return err
	}
	d.Status, d.UpdatedAt = StatusPublished, now
	if d.PublishedAt == nil {
		d.PublishedAt = &now
	}
	return nil
}

// Withdraw takes a dataset out of the catalogue; its page answers 404 to
// the public, its citations stay for when it comes back.
func (s *Store) Withdraw(ctx context.Context, actor Actor, d *Dataset) error {
	if err := s.allowed(ctx, actor, d.OrgID); err != nil {
		return err
	}
	now := s.now()
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE datasets SET status = 'withdrawn', updated_at = ? WHERE id = ? AND status = 'published'`,
			now, d.ID); err != nil {
			return fmt.Errorf("dataset: withdraw: %w", err)
		}
		return record(ctx, tx, actor, "dataset.withdraw", d.ID, d.Title)
	})
	if err != nil {
		return err
	}
	if d.Status == StatusPublished {
		d.Status, d.UpdatedAt = StatusWithdrawn, now
	}
	return nil
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

func writeColumns(ctx context.Context, tx *db.Tx, id int64, cols []Column) error {
	for i, c := range cols {
		if _, err := tx.Exec(ctx, `INSERT INTO dataset_columns (dataset_id, position, name, type, meaning, unit)
			VALUES (?, ?, ?, ?, ?, ?)`, id, i, c.Name, string(c.Type), c.Meaning, c.Unit); err != nil {
			return fmt.Errorf("dataset: columns: %w", err)
		}
	}
	return nil
}

func record(ctx context.Context, q db.Querier, a Actor, action string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "dataset", TargetID: strconv.FormatInt(id, 10), Detail: detail})
}

// Get loads a dataset, whatever its status, with its dictionary;
// db.ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id int64) (*Dataset, error) {
	d, err := scan(s.DB.QueryRow(ctx, `SELECT `+columns+from+` WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("dataset: get: %w", err)
	}
	if d.Columns, err = s.columnsOf(ctx, id); err != nil {
		return nil, err
	}
	return d, nil
}

// GetPublic loads a dataset anyone may see: published, by an organisation
// not hidden; db.ErrNotFound otherwise.
func (s *Store) GetPublic(ctx context.Context, id int64) (*Dataset, error) {
	d, err := scan(s.DB.QueryRow(ctx, `SELECT `+columns+from+` WHERE d.id = ? AND `+public, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("dataset: get: %w", err)
	}
	if d.Columns, err = s.columnsOf(ctx, id); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Store) columnsOf(ctx context.Context, id int64) ([]Column, error) {
	rows, err := s.DB.Query(ctx, `SELECT name, type, meaning, unit FROM dataset_columns WHERE dataset_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("dataset: columns: %w", err)
	}
	defer rows.Close()
	var out []Column
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Name, &c.Type, &c.Meaning, &c.Unit); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ByOrg lists an organisation's datasets, every status, newest first.
func (s *Store) ByOrg(ctx context.Context, orgID int64) ([]*Dataset, error) {
	return s.query(ctx, `SELECT `+columns+from+` WHERE d.org_id = ? ORDER BY d.id DESC`, orgID)
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]*Dataset, error) {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("dataset: list: %w", err)
	}
	defer rows.Close()
	var out []*Dataset
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Filter chooses a page of published datasets: those of Region and the
// regions below it ("" for all), of one organisation (OrgID, 0 for all),
// from Cursor (the previous page's next), at most Limit (20 when 0, at
// most 100).
type Filter struct {
	Region string
	OrgID  int64
	Cursor string
	Limit  int
}

// ErrBadCursor is a cursor that is not one of ours.
var ErrBadCursor = errors.New("dataset: bad cursor")

// Published lists a page of published datasets, newest first, and the
// cursor of the next page ("" at the end): the catalogue, the API and
// the pickers of what may be cited. The dictionaries are not loaded.
func (s *Store) Published(ctx context.Context, f Filter) ([]*Dataset, string, error) {
	if f.Limit <= 0 || f.Limit > 100 {
		f.Limit = 20
	}
	offset := 0
	if f.Cursor != "" {
		n, err := strconv.Atoi(f.Cursor)
		if err != nil || n < 0 || n > 1_000_000 {
			return nil, "", ErrBadCursor
		}
		offset = n
	}
	where, args := []string{public}, []any{}
	if f.Region != "" {
		cond, a := region.WithinSQL("d.region_code", f.Region)
		where, args = append(where, cond), append(args, a...)
	}
	if f.OrgID != 0 {
		where, args = append(where, "d.org_id = ?"), append(args, f.OrgID)
	}
	args = append(args, f.Limit+1, offset)
	out, err := s.query(ctx, `SELECT `+columns+from+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY d.published_at DESC, d.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > f.Limit {
		out, next = out[:f.Limit], strconv.Itoa(offset+f.Limit)
	}
	return out, next, nil
}

// OpenFile opens a dataset's uploaded file; blob.ErrNotFound when it has
// none.
func (s *Store) OpenFile(ctx context.Context, d *Dataset) (io.ReadCloser, error) {
	if !d.IsFile() || d.FileKey == "" || s.Blobs == nil {
		return nil, blob.ErrNotFound
	}
	rc, _, err := s.Blobs.Open(ctx, d.FileKey)
	return rc, err
}

// ValidationErrors reports whether err carries field errors.
func ValidationErrors(err error) (validate.Errors, bool) {
	var e validate.Errors
	ok := errors.As(err, &e)
	return e, ok
}
