package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/cycle"
	"lokadaya/internal/donation"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/validate"
)

// proofLimit bounds proof uploads per client address.
func (s *Server) proofLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 10, Window: time.Hour}
}

// proofPrefix is where proofs are kept: not a public media prefix, so
// /media never serves them.
const proofPrefix = "proofs"

// donationProofUpload takes the donor's optional proof of transfer from
// the instructions page: a picture (re-encoded, its metadata dropped) or a
// PDF (by its magic bytes). A new upload replaces the old one.
func (s *Server) donationProofUpload(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := s.donationStore().ByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.allow(w, r, s.proofLimit(), "bukti:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	if !d.TakesProof() {
		s.renderDonationShow(w, r, http.StatusConflict, d, validate.Errors{"bukti": "donation.proof.err.closed"})
		return
	}
	up, key := s.readProof(w, r)
	if key != "" {
		status := http.StatusUnprocessableEntity
		if key == "donation.proof.err.too_large" {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderDonationShow(w, r, status, d, validate.Errors{"bukti": key})
		return
	}
	var rnd [16]byte
	_, _ = rand.Read(rnd[:])
	blobKey := proofPrefix + "/" + strconv.FormatInt(d.ID, 10) + "/" + hex.EncodeToString(rnd[:]) + up.Ext
	if err := s.blobs.Put(ctx, blobKey, up.ContentType, bytes.NewReader(up.Data)); err != nil {
		s.serverError(w, r, err)
		return
	}
	old, err := s.donationStore().SetProof(ctx, donation.Proof{DonationID: d.ID, BlobKey: blobKey,
		ContentType: up.ContentType, Size: int64(len(up.Data))})
	if err != nil {
		_ = s.blobs.Delete(ctx, blobKey)
		if errors.Is(err, donation.ErrProofClosed) {
			s.renderDonationShow(w, r, http.StatusConflict, d, validate.Errors{"bukti": "donation.proof.err.closed"})
			return
		}
		s.serverError(w, r, err)
		return
	}
	if old != "" {
		if err := s.blobs.Delete(ctx, old); err != nil {
			s.log.Warn("old proof not deleted", "key", old, "err", err)
		}
	}
	s.flash(w, "donation.proof.flash")
	redirect(w, r, donationURL(d))
}

// readProof reads and checks the uploaded "bukti"; it returns the i18n
// key of the reason when it is refused.
func (s *Server) readProof(w http.ResponseWriter, r *http.Request) (*cycle.Upload, string) {
	up, refused := readPrivateUpload(w, r, "bukti", donation.MaxProofBytes)
	if refused != "" {
		return nil, "donation.proof.err." + refused
	}
	return up, ""
}

// readPrivateUpload reads the file in field, at most limit bytes: a PDF
// as sent or a picture re-encoded without its metadata. When it is
// refused it names why: "too_large", "missing" or "unsupported".
func readPrivateUpload(w http.ResponseWriter, r *http.Request, field string, limit int) (*cycle.Upload, string) {
	r.Body = http.MaxBytesReader(w, r.Body, int64(limit)+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "too_large"
		}
		return nil, "missing"
	}
	f, _, err := r.FormFile(field)
	if err != nil {
		return nil, "missing"
	}
	defer f.Close()
	up, err := cycle.CheckUpload(io.LimitReader(f, int64(limit)+1))
	switch {
	case err == nil && len(up.Data) <= limit:
		return up, ""
	case err == nil, errors.Is(err, cycle.ErrAttachmentTooLarge):
		return nil, "too_large"
	default:
		return nil, "unsupported"
	}
}

// donationProof streams a donation's proof of transfer to the
// organisation's money managers only.
func (s *Server) donationProof(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	p, err := s.donationStore().ProofOf(r.Context(), a.Org.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.servePrivateFile(w, r, p.BlobKey, p.ContentType, "bukti-transfer-"+strconv.FormatInt(id, 10)+privateFileExt(p.ContentType))
}
