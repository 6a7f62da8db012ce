package org_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

func TestDocuments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "pemilik@example.org")
		o, err := s.Create(ctx, u.ID, input("Yayasan Dokumen"))
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range []org.Document{
			{OrgID: o.ID, Kind: org.DocNPWP, BlobKey: "documents/1/a.jpg", ContentType: "image/jpeg", Size: 10, UploadedBy: u.ID},
			{OrgID: o.ID, Kind: org.DocAkta, BlobKey: "documents/1/b.pdf", ContentType: "application/pdf", Size: 20},
			{OrgID: o.ID, Kind: org.DocNPWP, BlobKey: "documents/1/c.png", ContentType: "image/png", Size: 30, UploadedBy: u.ID},
		} {
			old, err := s.SetDocument(ctx, doc, "Pemilik")
			if err != nil {
				t.Fatal(err)
			}
			if want := map[int]string{2: "documents/1/a.jpg"}[i]; old != want {
				t.Errorf("upload %d replaced %q, want %q", i, old, want)
			}
		}
		if _, err := s.SetDocument(ctx, org.Document{OrgID: o.ID, Kind: "ktp", BlobKey: "x"}, ""); err == nil {
			t.Error("an unknown document was kept")
		}
		docs, err := s.Documents(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 || docs[0].Kind != org.DocAkta || docs[1].Kind != org.DocNPWP || docs[1].BlobKey != "documents/1/c.png" ||
			docs[1].Size != 30 || docs[1].UploadedBy != u.ID || docs[0].UploadedBy != 0 {
			t.Errorf("documents %+v", docs)
		}
		var audits int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'org.document_uploaded'`).Scan(&audits); err != nil || audits != 3 {
			t.Errorf("%d audit entries, %v", audits, err)
		}
	})
}

// A document uploaded while the reviewer asks for changes sends the
// organisation back to review, as a profile change does; other statuses
// stay as they are.
func TestDocumentSendsBackToReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "pemilik@example.org")
		for _, tc := range []struct{ from, want org.Status }{
			{org.StatusNeedsChanges, org.StatusPending},
			{org.StatusVerified, org.StatusVerified},
			{org.StatusRejected, org.StatusRejected},
		} {
			o, err := s.Create(ctx, u.ID, input("Yayasan "+string(tc.from)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Exec(ctx, `UPDATE organizations SET status = ? WHERE id = ?`, tc.from, o.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SetDocument(ctx, org.Document{OrgID: o.ID, Kind: org.DocAkta, BlobKey: "documents/x.pdf",
				ContentType: "application/pdf", Size: 20, UploadedBy: u.ID}, "Pemilik"); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.ByID(ctx, o.ID); got.Status != tc.want {
				t.Errorf("upload while %s: status %s, want %s", tc.from, got.Status, tc.want)
			}
		}
	})
}
