package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/cycle"
	"lokadaya/internal/validate"
)

// cycleAttachmentUpload stores a picture or PDF on a stage. The type is
// decided by the content, never by the name or the browser's claim.
func (s *Server) cycleAttachmentUpload(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) {
		return
	}
	st, ok := s.pathStage(w, r, c)
	if !ok {
		return
	}
	errs := validate.Errors{}
	up, name, key := s.readAttachment(w, r)
	if key != "" {
		errs.Add("file", key)
	} else if !c.Open() {
		errs.Add("file", "cycle.closed")
	}
	if len(errs) > 0 {
		p, err := s.stagePage(r, a, c, st)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		status := http.StatusUnprocessableEntity
		if key == "cycle.attachment.too_large" {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderStage(w, r, status, p, errs)
		return
	}
	var rnd [16]byte
	_, _ = rand.Read(rnd[:])
	// The key is unguessable; the file is served only through the
	// workspace route, which checks the caller may read the cycle.
	blobKey := "cycle/" + strconv.FormatInt(c.ID, 10) + "/" + hex.EncodeToString(rnd[:]) + up.Ext
	if err := s.blobs.Put(r.Context(), blobKey, up.ContentType, bytes.NewReader(up.Data)); err != nil {
		s.serverError(w, r, err)
		return
	}
	att := &cycle.Attachment{CycleID: c.ID, Stage: st.Number, BlobKey: blobKey, FileName: cycle.CleanFileName(name, up.Ext),
		ContentType: up.ContentType, Size: int64(len(up.Data))}
	if err := s.cycleStore().AddAttachment(r.Context(), att, cycleActor(a)); err != nil {
		_ = s.blobs.Delete(r.Context(), blobKey)
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "cycle.flash.attached")
	redirect(w, r, stageURL(a.Org.Slug, c.Number, st.Number)+"#lampiran")
}

// readAttachment reads and checks the uploaded "file"; it returns the i18n
// key of the reason when it is refused.
func (s *Server) readAttachment(w http.ResponseWriter, r *http.Request) (*cycle.Upload, string, string) {
	r.Body = http.MaxBytesReader(w, r.Body, cycle.MaxAttachmentBytes+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "", "cycle.attachment.too_large"
		}
		return nil, "", "cycle.attachment.missing"
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, "", "cycle.attachment.missing"
	}
	defer f.Close()
	up, err := cycle.CheckUpload(f)
	switch {
	case err == nil:
		return up, hdr.Filename, ""
	case errors.Is(err, cycle.ErrAttachmentTooLarge):
		return nil, "", "cycle.attachment.too_large"
	default:
		return nil, "", "cycle.attachment.unsupported"
	}
}

// cycleAttachment serves an attachment to those who may read the cycle.
func (s *Server) cycleAttachment(w http.ResponseWriter, r *http.Request) {
	_, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	att, err := s.cycleStore().Attachment(r.Context(), c.ID, id)
	if err != nil {
		s.cycleFail(w, r, err)
		return
	}
	s.servePrivateFile(w, r, att.BlobKey, att.ContentType, att.FileName)
}
