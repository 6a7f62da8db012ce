// Package web serves Lokadaya's pages and JSON API: routes, middleware,
// handlers (one file per page or action), templates and static files.
package web

import (
	"log/slog"
	"net/http"
	"slices"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/blob"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/hub"
	"lokadaya/internal/metrics"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
)

// Config is what the web layer needs to know about its deployment.
type Config struct {
	// BaseURL is the public address, used in e-mailed links.
	BaseURL string
	// Demo shows development helpers (the mail outbox, demo logins).
	Demo bool
	// TrustProxy believes X-Forwarded-For/-Proto from a reverse proxy.
	TrustProxy bool
	// UploadsDir is the directory for uploaded files (default "data/uploads").
	UploadsDir string
	// Blobs, when set, keeps uploaded files instead of UploadsDir: an S3
	// bucket shared by several instances (see blob.OpenURL).
	Blobs blob.Store
	// GatewayURL is the payment gateway's address (Snap API); empty means
	// no gateway, or in demo mode the in-process sandbox under /sandbox/.
	GatewayURL string
	// GatewayServerKey authenticates us to the gateway and signs its
	// notifications. Required with GatewayURL; only demo mode may leave
	// it empty (DefaultGatewayServerKey).
	GatewayServerKey string
	// MetricsToken, when set, lets a scraper read /metrics from anywhere
	// with "Authorization: Bearer TOKEN"; without it only this machine
	// (a loopback peer, not through a proxy) may.
	MetricsToken string
	// Metrics is the registry the server feeds; a new one when nil. The
	// command passes its own so that the workers feed the same one.
	Metrics *metrics.Registry
	// MetricsElsewhere means the metrics have an internal listener of
	// their own (--metrics-addr): /metrics is then not served here.
	MetricsElsewhere bool
	// ReceiptRequiredAbove: an expense of more rupiah than this needs a
	// receipt (0: expense.DefaultReceiptAbove).
	ReceiptRequiredAbove int64
	// OperationalCapPercent caps a campaign's operational costs in percent
	// of the money it raised; DisasterOperationalCapPercent is the cap of a
	// disaster appeal (0: the expense package's defaults).
	OperationalCapPercent, DisasterOperationalCapPercent int
	// Clock is the time of features with deadlines (complaints); the
	// real time when nil. Tests move it.
	Clock func() time.Time
	// FeedbackLimits are the red / yellow / green votes one device and one
	// address may cast at a service point in a day before the rest are
	// flagged for staff (zero values: feedback.DefaultLimits).
	FeedbackLimits feedback.Limits
}

// Server holds the dependencies of every handler.
type Server struct {
	cfg       Config
	db        *db.DB
	log       *slog.Logger
	metrics   *metrics.Registry
	templates *templates
	accounts  *account.Store
	orgs      *org.Store
	blobs     blob.Store
	hubs      *hub.Store
	regions   *region.Store
	limits    limits
	pay       *payGateway // nil when no payment gateway is configured
	pages     *pageCache
	visits    *campaign.VisitCounter
	// search is the one search index of the pages that search, so that
	// its first-use build runs once (search.Index.Ready).
	search *search.Index
	// patterns are the route patterns, in the order routes registers them.
	patterns []string
}

// Routes lists the route patterns of the handler Handler built, as they
// were registered: the map of the site, for tests that walk it.
func (s *Server) Routes() []string { return slices.Clone(s.patterns) }

// limits are the rate limits on public forms.
type limits struct {
	login, signup, reset *ratelimit.Limiter
	// resetMail caps the reset e-mails one address receives from browsers
	// that are not its known devices (see resetMailDue).
	resetMail *ratelimit.Limiter
	// loginFail counts failed logins per account from browsers that are
	// not known devices of it (see auth_device.go).
	loginFail *ratelimit.Limiter
}

// New builds a server; it fails when a template does not parse or the
// configuration is unsafe (a gateway without its server key).
func New(cfg Config, d *db.DB, log *slog.Logger) (*Server, error) {
	tmpl, err := loadTemplates()
	if err != nil {
		return nil, err
	}
	if cfg.FeedbackLimits.DevicePerDay <= 0 {
		cfg.FeedbackLimits.DevicePerDay = feedback.DefaultLimits.DevicePerDay
	}
	if cfg.FeedbackLimits.AddressPerDay <= 0 {
		cfg.FeedbackLimits.AddressPerDay = feedback.DefaultLimits.AddressPerDay
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.New(d)
	}
	if cfg.UploadsDir == "" {
		cfg.UploadsDir = "data/uploads"
	}
	if cfg.Blobs == nil {
		cfg.Blobs = blob.NewDir(cfg.UploadsDir)
	}
	s := &Server{
		cfg:       cfg,
		db:        d,
		log:       log,
		metrics:   cfg.Metrics,
		templates: tmpl,
		accounts:  &account.Store{DB: d},
		orgs:      &org.Store{DB: d},
		blobs:     cfg.Blobs,
		hubs:      &hub.Store{DB: d},
		regions:   &region.Store{DB: d},
		pages:     &pageCache{db: d, now: time.Now},
		visits:    &campaign.VisitCounter{Store: &campaign.Store{DB: d}},
		limits: limits{
			login:     &ratelimit.Limiter{DB: d, Max: 10, Window: 15 * time.Minute},
			loginFail: &ratelimit.Limiter{DB: d, Max: 10, Window: 15 * time.Minute},
			signup:    &ratelimit.Limiter{DB: d, Max: 5, Window: time.Hour},
			reset:     &ratelimit.Limiter{DB: d, Max: 5, Window: time.Hour},
			resetMail: &ratelimit.Limiter{DB: d, Max: 3, Window: time.Hour},
		},
	}
	if cfg.Clock != nil {
		s.pages.now = cfg.Clock
	}
	s.search = search.New(d, cfg.Clock)
	s.hubs.OnDecide = s.notifyDecision
	if err := s.setupGateway(); err != nil {
		return nil, err
	}
	return s, nil
}

// Handler returns the whole application with its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(s.csrfDenied))
	var h http.Handler = mux
	// withLang runs inside withUser so that a logged-in user's language
	// preference is known when the language is chosen.
	h = s.limitForms(h)
	h = s.withLang(h)
	h = s.withUser(h)
	h = csrf.Handler(h)
	h = securityHeaders(h, s.cfg.TrustProxy)
	h = gzipResponses(h)
	h = s.pages.wrap(h)
	h = s.observe(h)
	h = s.recoverPanics(h)
	return h
}
