package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// DocKind is a kind of legal document an organisation keeps privately for
// its reviewers.
type DocKind string

// The legal documents.
const (
	DocAkta DocKind = "akta"           // akta pendirian (deed of establishment)
	DocSK   DocKind = "sk_kemenkumham" // SK pengesahan Kemenkumham (AHU)
	DocNPWP DocKind = "npwp"           // the NPWP card
)

// DocKinds are the legal documents in the order pages show them.
var DocKinds = []DocKind{DocAkta, DocSK, DocNPWP}

// Valid reports whether k is a known document.
func (k DocKind) Valid() bool { return k == DocAkta || k == DocSK || k == DocNPWP }

// Document is the current file of one legal document.
type Document struct {
	OrgID       int64
	Kind        DocKind
	BlobKey     string
	ContentType string
	Size        int64
	UploadedBy  int64 // 0 when the uploader's account is gone
	UploadedAt  time.Time
}

// MaxDocumentBytes is the largest document file accepted: a scanned page
// as PDF or a phone's photo fits well.
const MaxDocumentBytes = 5 << 20

// Documents returns the organisation's uploaded documents in DocKinds
// order.
func (s *Store) Documents(ctx context.Context, orgID int64) ([]Document, error) {
	rows, err := s.DB.Query(ctx, `SELECT org_id, kind, blob_key, content_type, size, COALESCE(uploaded_by, 0), uploaded_at
		FROM org_documents WHERE org_id = ?`, orgID)
	if err != nil {
		return nil, fmt.Errorf("org: documents: %w", err)
	}
	defer rows.Close()
	byKind := map[DocKind]Document{}
	for rows.Next() {
		var d Document
		if err := rows.Scan(&d.OrgID, &d.Kind, &d.BlobKey, &d.ContentType, &d.Size, &d.UploadedBy, &d.UploadedAt); err != nil {
			return nil, fmt.Errorf("org: documents: %w", err)
		}
		d.UploadedAt = d.UploadedAt.UTC()
		byKind[d.Kind] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("org: documents: %w", err)
	}
	var out []Document
	for _, k := range DocKinds {
		if d, ok := byKind[k]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// SetDocument records d as the organisation's current file of its kind,
// with an audit entry, and returns the blob key of the file it replaces
// ("" when none) for the caller to delete. Like a profile change it sends
// a needs_changes organisation back to review: a reviewer who asked only
// for a document could otherwise never decide again.
func (s *Store) SetDocument(ctx context.Context, d Document, actorName string) (oldKey string, err error) {
	if !d.Kind.Valid() {
		return "", fmt.Errorf("org: unknown document %q", d.Kind)
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `SELECT blob_key FROM org_documents WHERE org_id = ? AND kind = ?`, d.OrgID, string(d.Kind)).Scan(&oldKey)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := db.Now()
		var by any
		if d.UploadedBy != 0 {
			by = d.UploadedBy
		}
		if _, err := tx.Exec(ctx, `INSERT INTO org_documents (org_id, kind, blob_key, content_type, size, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, kind) DO UPDATE SET blob_key = excluded.blob_key,
			content_type = excluded.content_type, size = excluded.size, uploaded_by = excluded.uploaded_by,
			uploaded_at = excluded.uploaded_at`, d.OrgID, string(d.Kind), d.BlobKey, d.ContentType, d.Size, by, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE organizations SET status = ?, updated_at = ? WHERE id = ? AND status = ?`,
			StatusPending, now, d.OrgID, StatusNeedsChanges); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{At: now, ActorID: d.UploadedBy, ActorName: actorName,
			Action: "org.document_uploaded", TargetType: "organization", TargetID: fmt.Sprint(d.OrgID), Detail: string(d.Kind)})
	})
	if err != nil {
		return "", fmt.Errorf("org: set document: %w", err)
	}
	return oldKey, nil
}
