package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
	"lokadaya/internal/petition"
	"lokadaya/internal/ratelimit"
)

// petitionStore is the signature store: a signer who asked for news is
// subscribed when their e-mail is verified, in the same transaction.
func (s *Server) petitionStore() *petition.Store {
	return &petition.Store{DB: s.db, OnVerify: subscribeSigner}
}

// subscribeSigner records the news wish of a signer whose e-mail was just
// verified; only proven addresses get news.
func subscribeSigner(ctx context.Context, q db.Querier, g *petition.Signature) error {
	if !g.News {
		return nil
	}
	return campaign.Subscribe(ctx, q, g.CampaignID, g.Email, g.Name, g.Lang)
}

// signLimit bounds signature forms per client address: a village
// gathering behind one connection may sign together, a script may not
// flood the table.
func (s *Server) signLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 30, Window: time.Hour}
}

// signMailLimit bounds verification e-mails to one address, so that the
// form cannot be used to flood somebody's inbox.
func (s *Server) signMailLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 5, Window: time.Hour}
}

// emailKey is a rate-limit key for an e-mail that does not store it.
func emailKey(email string) string {
	sum := sha256.Sum256([]byte(email))
	return hex.EncodeToString(sum[:12])
}

// petitionCtx is a public petition: an advokasi need of a campaign the
// public may see.
type petitionCtx struct {
	Campaign *campaign.Campaign
	Org      *org.Organization
	Need     campaign.Need
}

// URL is the petition's public page.
func (p *petitionCtx) URL() string { return petitionURL(p.Campaign, p.Need.ID) }

func petitionURL(c *campaign.Campaign, needID int64) string {
	return campaignPublicURL(c) + "/petisi/" + strconv.FormatInt(needID, 10)
}

// petitionVerifyURL is the path of a verification link.
func petitionVerifyURL(token string) string { return "/petisi/verifikasi/" + token }

// loadPetition loads the campaign in {cslug} and its petition in {need}:
// 404 unless the public may see the campaign and the need is a petition
// of it.
func (s *Server) loadPetition(w http.ResponseWriter, r *http.Request) (*petitionCtx, bool) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindAdvokasi)
	if !ok {
		return nil, false
	}
	return &petitionCtx{Campaign: c, Org: o, Need: *n}, true
}

// queueSignatureMail queues the e-mail carrying a signature's
// verification link, in the signer's language, on q.
func (s *Server) queueSignatureMail(r *http.Request, p *petitionCtx) func(context.Context, db.Querier, *petition.Signature, string) error {
	return func(ctx context.Context, q db.Querier, g *petition.Signature, token string) error {
		l := i18n.Parse(g.Lang)
		return mail.Queue(ctx, q, mail.Message{To: g.Email, Subject: i18n.T(l, "petition.mail.subject", p.Need.Title),
			Text: i18n.T(l, "petition.mail.body", g.Name, p.Need.Title, p.Campaign.Title,
				s.absURL(r, petitionVerifyURL(token)))})
	}
}
