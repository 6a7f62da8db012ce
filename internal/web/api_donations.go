package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// apiDonationRequest is the body of POST /api/v1/campaigns/{slug}/donations.
type apiDonationRequest struct {
	Amount    int64  `json:"amount"`
	Name      string `json:"name"`
	Anonymous bool   `json:"anonymous"`
	Message   string `json:"message"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Method    string `json:"method"` // transfer (default), qris or gateway
	News      bool   `json:"news"`   // e-mail the donor the campaign's news
}

// apiDonationReply tells the donor what to pay, how and by when.
type apiDonationReply struct {
	ID              int64     `json:"id"`
	Status          string    `json:"status"`
	Method          string    `json:"method"`
	Amount          int64     `json:"amount"`       // what the donor gives
	UniqueCode      int64     `json:"unique_code"`  // added to a transfer
	TotalToPay      int64     `json:"total_to_pay"` // amount + unique_code
	ExpiresAt       time.Time `json:"expires_at"`
	Instructions    string    `json:"instructions"`
	InstructionsURL string    `json:"instructions_url"`
	QRIS            string    `json:"qris,omitempty"`        // the dynamic QRIS payload, for qris
	PaymentURL      string    `json:"payment_url,omitempty"` // the gateway's payment page, for gateway
}

// idempotencyToken turns a client's Idempotency-Key into the donation's
// one-time token, scoped to the campaign: the same key on the same
// campaign always means the same donation.
func idempotencyToken(campaignID int64, key string) string {
	sum := sha256.Sum256([]byte(strconv.FormatInt(campaignID, 10) + ":" + key))
	return "api-" + hex.EncodeToString(sum[:20])
}

// validIdempotencyKey accepts 16 to 200 printable ASCII characters (a UUID
// is the usual choice).
func validIdempotencyKey(k string) bool {
	if len(k) < 16 || len(k) > 200 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// apiDonate creates a donation through the API, paid by bank transfer,
// QRIS or the payment gateway ("method"). An
// Idempotency-Key header is required: a retry with the same key returns
// the donation made the first time (200) instead of a second one (201).
func (s *Server) apiDonate(w http.ResponseWriter, r *http.Request) {
	ctx, l := r.Context(), lang(r)
	key := r.Header.Get("Idempotency-Key")
	if !validIdempotencyKey(key) {
		apiError(w, http.StatusBadRequest, "idempotency_key", i18n.T(l, "donation.api.key"))
		return
	}
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("slug"))
	if err != nil {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(l, "campaign.api.not_found"))
		return
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil || !c.Public() || orgHidden(o) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(l, "campaign.api.not_found"))
		return
	}
	var req apiDonationRequest
	if !decodeJSON(w, r, 64<<10, &req) {
		return
	}
	in := donation.Input{Amount: req.Amount, AmountRaw: strconv.FormatInt(req.Amount, 10), Name: req.Name,
		Anonymous: req.Anonymous, Message: req.Message, Email: req.Email, Phone: req.Phone,
		Token: idempotencyToken(c.ID, key), News: req.News, Lang: string(l)}
	if d, err := s.donationStore().ByToken(ctx, in.Token); err == nil {
		s.replayDonation(w, r, d, req)
		return
	}
	if !s.allowAPI(w, r, "donasi:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	target, methods, closed, err := s.giveMethods(ctx, c, o)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	if closed != "" {
		apiError(w, http.StatusConflict, "closed", i18n.T(l, closed))
		return
	}
	if !chooseMethod(&target, methods, req.Method) {
		apiValidation(w, l, validate.Errors{"method": "donation.err.method"})
		return
	}
	d, created, err := s.donationStore().Create(ctx, target, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		apiValidation(w, l, errs)
	case errors.Is(err, donation.ErrNoCode):
		apiError(w, http.StatusConflict, "no_code", i18n.T(l, "donation.err.no_code"))
	case err != nil:
		s.apiOrgInternal(w, r, err)
	case !created: // a concurrent retry with the same key won the race
		s.replayDonation(w, r, d, req)
	default:
		s.writeAPIDonation(w, r, http.StatusCreated, d, true)
	}
}

// replayDonation answers a retry: the same donation, unless the key is
// being reused for a different gift.
func (s *Server) replayDonation(w http.ResponseWriter, r *http.Request, d *donation.Donation, req apiDonationRequest) {
	if d.BaseAmount != req.Amount || d.DonorName != req.Name || d.Anonymous != req.Anonymous ||
		(req.Method != "" && req.Method != d.Method) {
		apiError(w, http.StatusUnprocessableEntity, "idempotency_key_reused", i18n.T(lang(r), "donation.api.key_reused"))
		return
	}
	s.writeAPIDonation(w, r, http.StatusOK, d, false)
}

func toAPIDonation(d *donation.Donation) apiDonationReply {
	return apiDonationReply{ID: d.ID, Status: d.Status, Method: d.Method, Amount: d.BaseAmount,
		UniqueCode: d.UniqueCode, TotalToPay: d.Amount, ExpiresAt: d.ExpiresAt, InstructionsURL: donationURL(d)}
}

// allowAPI applies the public-form rate limit with a JSON answer.
func (s *Server) allowAPI(w http.ResponseWriter, r *http.Request, key string) bool {
	limiter := s.giveLimit()
	ok, err := limiter.Allow(r.Context(), key)
	if err == nil && !ok {
		err = setRetryAfter(w, r, limiter, key)
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return false
	}
	if !ok {
		apiError(w, http.StatusTooManyRequests, "rate_limited", i18n.T(lang(r), "error.429.body"))
	}
	return ok
}

// apiValidation answers 422 with each field's translated problem.
func apiValidation(w http.ResponseWriter, l i18n.Lang, errs validate.Errors) {
	kit.APIValidation(w, l, errs)
}
