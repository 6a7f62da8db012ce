package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"

	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// documentPrefix is where legal documents are kept: not a public media
// prefix, so /media never serves them.
const documentPrefix = "documents"

// orgDocumentsURL is the page of an organisation's legal documents.
func orgDocumentsURL(slug string) string { return "/organisasi/" + slug + "/dokumen" }

// CanUploadDocuments reports whether the caller may upload the legal
// documents: the organisation's owners and admins.
func (a *orgAccess) CanUploadDocuments() bool { return a.Role.CanManageMembers() }

// documentsPage lists the legal documents: each kind, its file when there
// is one, and whether the last review asked for it.
type documentsPage struct {
	Org       *org.Organization
	CanUpload bool
	Rows      []documentRow
	Requested string // the documents the last review asked for, by name
}

type documentRow struct {
	Kind      org.DocKind
	Doc       *org.Document
	Requested bool
	URL       string
}

// documentsFor loads the organisation for a caller who may see its
// documents: its owners and admins, its reviewers (coordinators of a hub
// covering it, platform admins) — reviewers also when it is rejected or
// suspended, which is when they need the documents most. Others get 403,
// 404 for an organisation hidden from them, or the login page.
func (s *Server) documentsFor(w http.ResponseWriter, r *http.Request) (*orgAccess, bool) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return nil, false
	}
	a, ok := s.loadAnyOrg(w, r)
	if !ok {
		return nil, false
	}
	if a.CanUploadDocuments() {
		return a, true
	}
	reviews, err := s.hubs.Reviews(r.Context(), actorOf(u), a.Org)
	switch {
	case err != nil:
		s.serverError(w, r, err)
	case reviews:
		return a, true
	case orgHidden(a.Org) && !a.Insider():
		s.notFound(w, r)
	default:
		s.forbidden(w, r)
	}
	return nil, false
}

// orgDocumentRows are the document rows of the organisation.
func (s *Server) orgDocumentRows(r *http.Request, o *org.Organization) ([]documentRow, []org.DocKind, error) {
	docs, err := s.orgs.Documents(r.Context(), o.ID)
	if err != nil {
		return nil, nil, err
	}
	requested, err := s.hubs.RequestedDocuments(r.Context(), o.ID)
	if err != nil {
		return nil, nil, err
	}
	if o.Status != org.StatusNeedsChanges {
		requested = nil
	}
	var rows []documentRow
	for _, k := range org.DocKinds {
		row := documentRow{Kind: k, URL: orgDocumentsURL(o.Slug) + "/" + string(k)}
		for i := range docs {
			if docs[i].Kind == k {
				row.Doc = &docs[i]
			}
		}
		for _, q := range requested {
			row.Requested = row.Requested || q == k
		}
		rows = append(rows, row)
	}
	return rows, requested, nil
}

// orgDocuments shows the legal documents: GET /organisasi/{slug}/dokumen.
func (s *Server) orgDocuments(w http.ResponseWriter, r *http.Request) {
	a, ok := s.documentsFor(w, r)
	if !ok {
		return
	}
	s.renderDocuments(w, r, http.StatusOK, a, nil)
}

func (s *Server) renderDocuments(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, errs validate.Errors) {
	rows, requested, err := s.orgDocumentRows(r, a.Org)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "org.doc.title", a.Org.Name),
		&documentsPage{Org: a.Org, CanUpload: a.CanUploadDocuments(), Rows: rows, Requested: docNames(lang(r), requested)})
	if errs != nil {
		v.Errors = errs
		v.Form.Set("kind", r.FormValue("kind"))
	}
	s.render(w, r, status, "org_documents", v)
}

// orgDocumentUpload takes one document from an owner or admin: POST
// /organisasi/{slug}/dokumen with "kind" and the file in "berkas". A new
// file replaces the old one.
func (s *Server) orgDocumentUpload(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanUploadDocuments)
	if !ok {
		return
	}
	up, refused := readPrivateUpload(w, r, "berkas", org.MaxDocumentBytes)
	kind := org.DocKind(r.FormValue("kind"))
	errs := validate.Errors{}
	if !kind.Valid() {
		errs.Add("kind", "org.doc.err.kind")
	}
	if refused != "" {
		errs.Add("berkas", "org.doc.err."+refused)
	}
	if len(errs) > 0 {
		status := http.StatusUnprocessableEntity
		if refused == "too_large" {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderDocuments(w, r, status, a, errs)
		return
	}
	ctx := r.Context()
	var rnd [16]byte
	_, _ = rand.Read(rnd[:])
	key := documentPrefix + "/" + strconv.FormatInt(a.Org.ID, 10) + "/" + hex.EncodeToString(rnd[:]) + up.Ext
	if err := s.blobs.Put(ctx, key, up.ContentType, bytes.NewReader(up.Data)); err != nil {
		s.serverError(w, r, err)
		return
	}
	old, err := s.orgs.SetDocument(ctx, org.Document{OrgID: a.Org.ID, Kind: kind, BlobKey: key, ContentType: up.ContentType,
		Size: int64(len(up.Data)), UploadedBy: a.User.ID}, a.User.Name)
	if err != nil {
		_ = s.blobs.Delete(ctx, key)
		s.serverError(w, r, err)
		return
	}
	if old != "" {
		if err := s.blobs.Delete(ctx, old); err != nil {
			s.log.Warn("old document not deleted", "key", old, "err", err)
		}
	}
	s.flash(w, "org.doc.saved")
	redirect(w, r, orgDocumentsURL(a.Org.Slug))
}

// orgDocument streams one document to those who may see it:
// GET /organisasi/{slug}/dokumen/{kind}.
func (s *Server) orgDocument(w http.ResponseWriter, r *http.Request) {
	a, ok := s.documentsFor(w, r)
	if !ok {
		return
	}
	kind := org.DocKind(r.PathValue("kind"))
	docs, err := s.orgs.Documents(r.Context(), a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, d := range docs {
		if d.Kind == kind {
			s.servePrivateFile(w, r, d.BlobKey, d.ContentType, a.Org.Slug+"-"+string(kind)+privateFileExt(d.ContentType))
			return
		}
	}
	s.notFound(w, r)
}

// SizeKB is the file's size in kilobytes, rounded up.
func (d documentRow) SizeKB() string { return i18n.Number((d.Doc.Size + 1023) / 1024) }
