package cycle

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode"

	"lokadaya/internal/db"
	"lokadaya/internal/imaging"
)

// MaxAttachmentBytes is the largest attachment accepted. Pictures are
// further held to imaging's own limit, since they are decoded.
const MaxAttachmentBytes = 5 << 20

// attachmentBox is the square pictures are scaled to fit.
const attachmentBox = 2000

// Reasons an upload is refused.
var (
	ErrAttachmentTooLarge    = errors.New("cycle: attachment larger than 5 MB")
	ErrAttachmentUnsupported = errors.New("cycle: attachment is not a picture or a PDF")
)

// Attachment is a file added to a stage of the cycle (a photo of a
// meeting's flip chart, a scanned decision). It is private to those who may
// read the cycle.
type Attachment struct {
	ID           int64
	CycleID      int64
	Stage        int
	QuestionKey  string
	BlobKey      string
	FileName     string
	ContentType  string
	Size         int64
	UploaderID   int64
	UploaderName string
	CreatedAt    time.Time
}

// Upload is a checked file ready to store.
type Upload struct {
	Data        []byte
	ContentType string
	Ext         string
}

// CheckUpload reads at most MaxAttachmentBytes from r and decides by the
// content what the file is: a PDF (by its %PDF magic) is kept as sent; a
// picture is re-encoded by imaging, which drops its metadata (such as a
// phone's GPS position). Anything else is refused.
func CheckUpload(r io.Reader) (*Upload, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxAttachmentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cycle: read upload: %w", err)
	}
	if len(data) > MaxAttachmentBytes {
		return nil, ErrAttachmentTooLarge
	}
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return &Upload{Data: data, ContentType: "application/pdf", Ext: ".pdf"}, nil
	}
	res, err := imaging.Process(bytes.NewReader(data), attachmentBox)
	switch {
	case err == nil:
		return &Upload{Data: res.Data, ContentType: res.ContentType, Ext: res.Ext}, nil
	case errors.Is(err, imaging.ErrTooLarge):
		return nil, ErrAttachmentTooLarge
	default:
		return nil, ErrAttachmentUnsupported
	}
}

// CleanFileName keeps a display name for an uploaded file: the base name,
// without control characters, at most 120 runes, with ext as its extension.
func CleanFileName(name, ext string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.TrimSuffix(name, path.Ext(name))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || r == '/' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if rs := []rune(name); len(rs) > 120 {
		name = string(rs[:120])
	}
	if name == "" || name == "." {
		name = "lampiran"
	}
	return name + ext
}

// AddAttachment records a stored file on stage of the cycle.
func (s *Store) AddAttachment(ctx context.Context, a *Attachment, actor Actor) error {
	a.UploaderID, a.UploaderName, a.CreatedAt = actor.ID, actor.Name, db.Now()
	err := s.DB.QueryRow(ctx, `INSERT INTO answer_attachments (cycle_id, stage, question_key, blob_key, file_name, content_type, size,
		uploader_id, uploader_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.CycleID, a.Stage, nullString(a.QuestionKey), a.BlobKey, a.FileName, a.ContentType, a.Size,
		actor.id(), actor.Name, a.CreatedAt).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("cycle: add attachment: %w", err)
	}
	return nil
}

const attachmentColumns = `id, cycle_id, stage, question_key, blob_key, file_name, content_type, size, uploader_id, uploader_name, created_at`

func scanAttachment(row interface{ Scan(...any) error }) (Attachment, error) {
	var a Attachment
	var key sql.NullString
	var by sql.NullInt64
	err := row.Scan(&a.ID, &a.CycleID, &a.Stage, &key, &a.BlobKey, &a.FileName, &a.ContentType, &a.Size, &by, &a.UploaderName, &a.CreatedAt)
	a.QuestionKey, a.UploaderID, a.CreatedAt = key.String, by.Int64, a.CreatedAt.UTC()
	return a, err
}

// Attachments lists the files on stage of the cycle, oldest first.
func (s *Store) Attachments(ctx context.Context, cycleID int64, stage int) ([]Attachment, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+attachmentColumns+` FROM answer_attachments
		WHERE cycle_id = ? AND stage = ? ORDER BY id`, cycleID, stage)
	if err != nil {
		return nil, fmt.Errorf("cycle: attachments: %w", err)
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		a, err := scanAttachment(rows)
		if err != nil {
			return nil, fmt.Errorf("cycle: attachments: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Attachment returns the file with id in the cycle.
func (s *Store) Attachment(ctx context.Context, cycleID, id int64) (*Attachment, error) {
	a, err := scanAttachment(s.DB.QueryRow(ctx, `SELECT `+attachmentColumns+` FROM answer_attachments
		WHERE cycle_id = ? AND id = ?`, cycleID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("cycle: attachment: %w", err)
	}
	return &a, nil
}
