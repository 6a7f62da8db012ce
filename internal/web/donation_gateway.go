package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/gateway"
	"lokadaya/internal/gateway/gatewaytest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// DefaultGatewayServerKey is the server key of the demo sandbox gateway
// when LOKADAYA_GATEWAY_SERVER_KEY is not set. Anyone can sign
// notifications with it, so only demo mode may use it.
const DefaultGatewayServerKey = "sandbox-server-key"

// errGatewayKey refuses a real gateway without a real key: notifications
// signed with a known key would let anyone confirm a donation.
var errGatewayKey = errors.New("LOKADAYA_GATEWAY_URL is set but LOKADAYA_GATEWAY_SERVER_KEY is not: " +
	"set it to the gateway's server key (the sandbox key is accepted only with --demo)")

// gatewayProvider is the configured gateway's name in
// /api/v1/payments/{provider}/notify.
const gatewayProvider = donation.ProviderSandbox

// notifyPath is where the gateway sends its notifications.
const notifyPath = "/api/v1/payments/" + gatewayProvider + "/notify"

// sandboxPrefix is where demo mode serves the in-process sandbox gateway:
// its API and the page where a person plays the payer.
const sandboxPrefix = "/sandbox"

// payGateway is the configured payment gateway.
type payGateway struct {
	client    *gateway.Client
	serverKey string
	// sandbox is the in-process test gateway of demo mode; nil otherwise.
	sandbox *gatewaytest.Server
}

// setupGateway reads the gateway settings: a gateway at GatewayURL, or in
// demo mode without one, the sandbox served under /sandbox/ that calls
// this server back in-process. Without either, no gateway is offered.
// Outside demo mode a gateway needs its real server key.
func (s *Server) setupGateway() error {
	key := s.cfg.GatewayServerKey
	if s.cfg.GatewayURL != "" && !s.cfg.Demo && (key == "" || key == DefaultGatewayServerKey) {
		return errGatewayKey
	}
	if key == "" {
		key = DefaultGatewayServerKey
	}
	switch {
	case s.cfg.GatewayURL != "":
		s.pay = &payGateway{client: &gateway.Client{BaseURL: s.cfg.GatewayURL, ServerKey: key}, serverKey: key}
	case s.cfg.Demo:
		self := &selfTransport{build: s.Handler}
		in := &http.Client{Transport: self, Timeout: gateway.DefaultTimeout}
		sb := gatewaytest.New(key)
		// The payer's browser follows redirect_url: a path on this site,
		// so it stays on whatever address the payer reached us at.
		sb.BaseURL = sandboxPrefix
		sb.NotifyURL = "http://lokadaya.internal" + notifyPath
		sb.HTTP = in
		s.pay = &payGateway{serverKey: key, sandbox: sb,
			client: &gateway.Client{BaseURL: "http://lokadaya.internal" + sandboxPrefix, ServerKey: key, HTTP: in}}
	}
	return nil
}

// selfTransport serves a request with this application's own handler,
// without the network: the sandbox and its client reach each other this
// way whatever the public address is.
type selfTransport struct {
	build func() http.Handler
	once  sync.Once
	h     http.Handler
}

func (t *selfTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.once.Do(func() { t.h = t.build() })
	req := r.Clone(r.Context())
	req.RequestURI = r.URL.RequestURI()
	req.RemoteAddr = "127.0.0.1:0"
	if req.Host == "" {
		req.Host = r.URL.Host
	}
	if req.Body == nil {
		req.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, req)
	return rec.Result(), nil
}

// sandboxPages serves the demo sandbox gateway under /sandbox/.
func (s *Server) sandboxPages(w http.ResponseWriter, r *http.Request) {
	if s.pay == nil || s.pay.sandbox == nil {
		s.notFound(w, r)
		return
	}
	http.StripPrefix(sandboxPrefix, s.pay.sandbox.Handler()).ServeHTTP(w, r)
}

// errPaymentNotStarted is a payment page the gateway did not give: it is
// unreachable or refused. The donation is rejected and never counts.
type errPaymentNotStarted struct {
	err   error
	final bool // the same donation can never get a payment page
}

func (e *errPaymentNotStarted) Error() string { return "payment not started: " + e.err.Error() }
func (e *errPaymentNotStarted) Unwrap() error { return e.err }

// startPayment asks the gateway for d's payment page and stores it.
func (s *Server) startPayment(r *http.Request, d *donation.Donation) (*donation.Payment, error) {
	if s.pay == nil {
		return nil, &errPaymentNotStarted{err: errors.New("no gateway configured"), final: true}
	}
	t := donation.Transaction(d)
	t.FinishURL = s.backURL(r, donationURL(d))
	t.NotificationURL = s.absURL(r, notifyPath)
	if s.pay.sandbox != nil {
		t.NotificationURL = s.pay.sandbox.NotifyURL
	}
	created, err := s.pay.client.CreateTransaction(r.Context(), t)
	// What the gateway answered is stored even when the donor has gone.
	ctx := context.WithoutCancel(r.Context())
	store := s.donationStore()
	if err != nil {
		final := errors.Is(err, gateway.ErrDuplicateOrder) || errors.Is(err, gateway.ErrInvalid)
		s.log.Warn("gateway: transaction not created", "donation", d.ID, "final", final, "err", err)
		if ferr := store.PaymentFailed(ctx, d.ID, final); ferr != nil {
			return nil, ferr
		}
		return nil, &errPaymentNotStarted{err: err, final: final}
	}
	return store.PaymentStarted(ctx, d.ID, created.Token, created.RedirectURL)
}

// stalledStart is how long a payment may stay without a page before a
// retry takes its start over: twice the bound on one gateway call, so the
// request that was starting it has surely ended, or died with a killed
// process.
const stalledStart = 2 * gateway.DefaultTimeout

// gatewayPayment is d's payment, started again when an earlier attempt
// could not reach the gateway (a retry of the same form or key), or when
// the attempt was cut off by a crash and never stored the gateway's
// answer. A payment still being started by another request is returned
// as it is.
func (s *Server) gatewayPayment(r *http.Request, d *donation.Donation) (*donation.Payment, error) {
	store := s.donationStore()
	p, err := store.Payment(r.Context(), d.ID)
	if err != nil {
		return nil, err
	}
	if p.State != donation.PaymentNew || p.Started() {
		return p, nil
	}
	if d.Status == donation.StatusRejected && d.RejectReason == donation.ReasonGatewayDown {
		return s.startPayment(r, d)
	}
	// Asking the gateway again for the same order id either gives the
	// page (it never got the first request) or is refused as a duplicate
	// (its answer was lost): the donation is then rejected and the donor
	// told to give again, rather than kept pending with no way to pay.
	if claimed, err := store.ClaimStalledStart(r.Context(), d.ID, stalledStart); err != nil {
		return nil, err
	} else if claimed {
		return s.startPayment(r, d)
	}
	return p, nil
}

// sameSite reports whether u is on the address the request came to. A
// form may only redirect there (the CSP's form-action 'self'; browsers
// refuse the redirect otherwise and the donor stays on the campaign page),
// so a payment page elsewhere is reached from the donation page's link.
func (s *Server) sameSite(r *http.Request, u string) bool {
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return true
	}
	a, err1 := url.Parse(u)
	b, err2 := url.Parse(s.backURL(r, "/"))
	return err1 == nil && err2 == nil && a.Scheme == b.Scheme && a.Host == b.Host
}

// giveByGateway sends the donor of gateway donation d on: to the payment
// page, or back to the form with a clear message when the gateway could
// not give one.
func (s *Server) giveByGateway(w http.ResponseWriter, r *http.Request, d *donation.Donation, fresh bool) {
	var p *donation.Payment
	var err error
	if fresh {
		p, err = s.startPayment(r, d)
	} else {
		p, err = s.gatewayPayment(r, d)
	}
	var ns *errPaymentNotStarted
	switch {
	case errors.As(err, &ns):
		c, cerr := s.campaignStore().ByID(r.Context(), d.CampaignID)
		o, oerr := s.orgs.ByID(r.Context(), d.OrgID)
		if cerr != nil || oerr != nil {
			s.serverError(w, r, errors.Join(cerr, oerr))
			return
		}
		if ns.final {
			r.PostForm.Del("token") // this token's donation can never be paid: a fresh one
		}
		s.renderGiveForm(w, r, http.StatusServiceUnavailable, c, o, r.PostForm,
			validate.Errors{"method": "donation.err.gateway"})
	case err != nil:
		s.serverError(w, r, err)
	case p.Payable() && s.sameSite(r, p.URL):
		redirect(w, r, p.URL)
	default:
		redirect(w, r, donationURL(d))
	}
}

// notifyLimit bounds a notification body; the gateway's are about 1 KB.
const notifyLimit = 64 << 10

// paymentNotify receives the gateway's notifications. The signature is
// checked with the server key before anything else; the donation is the
// order id. Processed and repeated notifications both answer 200, so
// that the gateway stops retrying; nothing else does.
func (s *Server) paymentNotify(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	if s.pay == nil || r.PathValue("provider") != gatewayProvider {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(l, "gateway.notify.provider"))
		return
	}
	body, ok := readJSON(w, r, notifyLimit)
	if !ok {
		return
	}
	n, err := gateway.ParseNotification(body, s.pay.serverKey)
	switch {
	case errors.Is(err, gateway.ErrBadSignature):
		s.log.Warn("gateway: notification with a bad signature", "remote", clientIP(r, s.cfg.TrustProxy))
		apiError(w, http.StatusUnauthorized, "bad_signature", i18n.T(l, "gateway.notify.signature"))
		return
	case err != nil:
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "gateway.notify.bad"))
		return
	}
	confirmed, err := s.confirmedNotification(r.Context(), n)
	if err != nil {
		s.notifyUnconfirmed(w, r, n, err)
		return
	}
	n = confirmed
	outcome, d, err := s.donationStore().ApplyNotification(r.Context(), gatewayProvider, n)
	switch {
	case errors.Is(err, db.ErrNotFound):
		apiError(w, http.StatusNotFound, "unknown_order", i18n.T(l, "gateway.notify.order"))
	case errors.Is(err, donation.ErrAmountMismatch):
		s.log.Error("gateway: notification amount does not match", "order", n.OrderID, "gross", n.GrossAmount)
		apiError(w, http.StatusUnprocessableEntity, "amount_mismatch", i18n.T(l, "gateway.notify.amount"))
	case err != nil:
		s.apiOrgInternal(w, r, err)
	default:
		writeJSON(w, http.StatusOK, map[string]string{"order_id": n.OrderID, "outcome": outcome, "status": d.Status})
	}
}
