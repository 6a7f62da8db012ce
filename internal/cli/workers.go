package cli

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"time"

	"lokadaya/internal/bankimport"
	"lokadaya/internal/campaign"
	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/metrics"
	"lokadaya/internal/notify"
	"lokadaya/internal/petition"
	"lokadaya/internal/reflection"
	"lokadaya/internal/search"
	"lokadaya/internal/service"
	"lokadaya/internal/voicesummary"
	"lokadaya/internal/web"
)

// mailSender builds the mail sender from LOKADAYA_SMTP_URL and
// LOKADAYA_MAIL_FROM. Without an SMTP URL mail is only logged and kept in
// the jobs table, where the dev outbox (/dev/outbox with --demo) shows it.
func mailSender(log *slog.Logger) (mail.Sender, error) {
	from, err := mail.ParseFrom(os.Getenv("LOKADAYA_MAIL_FROM"))
	if err != nil {
		return nil, err
	}
	raw := os.Getenv("LOKADAYA_SMTP_URL")
	if raw == "" {
		log.Warn("LOKADAYA_SMTP_URL not set: e-mail is logged and kept, not sent")
		return &mail.LogSender{Log: log}, nil
	}
	cfg, err := mail.ParseURL(raw)
	if err != nil {
		return nil, err
	}
	log.Info("mail via SMTP", "host", cfg.Host, "port", cfg.Port, "implicit_tls", cfg.ImplicitTLS, "from", from)
	return &mail.SMTPSender{Config: cfg, From: from}, nil
}

// startWorkers runs the background workers until ctx ends. Every instance
// runs them; the queue makes sure a job is handled by one of them only.
// baseURL roots the links in queued e-mail.
// Mail sent and failed is counted in reg.
func startWorkers(ctx context.Context, d *db.DB, log *slog.Logger, baseURL string, reg *metrics.Registry) (*sync.WaitGroup, error) {
	var wg sync.WaitGroup
	sender, err := mailSender(log)
	if err != nil {
		return nil, err
	}
	w := &jobs.Worker{DB: d, Log: log}
	w.Handle(mail.JobKind, mail.Handler(mail.Counted(sender, reg)))
	// A campaign update fans out into one e-mail per subscriber.
	w.Handle(campaign.NewsJobKind, (&campaign.Store{DB: d}).NewsHandler(web.NewsMail(baseURL)))
	// Complaint deadlines: reminders, overdue notices and escalations to
	// hubs, swept by a job that queues its own next run.
	complaints := &complaint.Store{DB: d, Notifier: &notify.Notifier{DB: d, BaseURL: baseURL}}
	w.Handle(complaint.DeadlineJobKind, complaints.DeadlineHandler(complaint.DeadlineEvery))
	if err := complaint.ScheduleDeadlines(ctx, d); err != nil {
		log.Error("complaint deadlines not scheduled", "err", err)
	}
	wg.Go(func() { _ = w.Run(ctx) })
	// Campaigns read as ended at their deadline already; this stores it.
	campaigns := &campaign.Store{DB: d}
	wg.Go(func() { campaigns.RunEndDue(ctx, time.Minute, log) })
	// Money confirmed in any way reaches the search index's figures.
	wg.Go(func() { search.New(d, nil).RunRefreshMoney(ctx, time.Minute, log) })
	// Pending transfers past their deadline expire and free their codes.
	donations := &donation.Store{DB: d}
	wg.Go(func() { donations.RunExpireDue(ctx, time.Minute, log) })
	// Unverified petition signatures are deleted when their link expires.
	signatures := &petition.Store{DB: d}
	wg.Go(func() { signatures.RunPurgeExpired(ctx, time.Hour, log) })
	// Statement imports never confirmed are discarded, file and all, after
	// bankimport.StaleAfter.
	imports := &bankimport.Store{DB: d}
	wg.Go(func() { imports.RunPurgeStale(ctx, time.Hour, log) })
	// So are service record imports never confirmed, after service.StaleAfter.
	serviceImports := &service.Store{DB: d}
	wg.Go(func() { serviceImports.RunPurgeStale(ctx, time.Hour, log) })
	// Overdue actions of a reflection's plan remind their owner.
	reflections := &reflection.Store{DB: d}
	wg.Go(func() { reflections.RunReminders(ctx, time.Hour, baseURL, log) })
	// Members' daily digests go out from 06:00 in each organisation's zone.
	notifier := &notify.Notifier{DB: d, BaseURL: baseURL}
	wg.Go(func() { notifier.RunDigests(ctx, 5*time.Minute, log) })
	// Each organisation's members hear on Monday morning, in its zone,
	// whom it served last week and what they said.
	weekly := &voicesummary.Weekly{DB: d, Builder: voicesummary.New(d, nil), Notifier: notifier}
	wg.Go(func() { weekly.RunWeekly(ctx, 15*time.Minute, log) })
	return &wg, nil
}
