package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
)

// subscribeDonor records, inside the transaction that stores a donation,
// that the donor ticked "kabar": the campaign's news by e-mail.
func subscribeDonor(ctx context.Context, q db.Querier, d *donation.Donation, in donation.Input) error {
	if !in.News || d.Email == "" {
		return nil
	}
	return campaign.Subscribe(ctx, q, d.CampaignID, d.Email, d.DonorName, in.Lang)
}

// newsStopURL is a subscriber's stop link, in their language.
func newsStopURL(base string, sub campaign.Subscriber) string {
	u := base + "/kabar/berhenti/" + url.PathEscape(sub.Token)
	if sub.Lang == string(i18n.EN) {
		u += "?lang=en"
	}
	return u
}

// NewsMail writes the e-mail that carries a campaign update to one
// subscriber, in the subscriber's language, with links under baseURL: the
// campaign page and a stop link. The stop link is also given as RFC 8058
// one-click List-Unsubscribe headers, which mail programs POST to.
func NewsMail(baseURL string) func(campaign.News, campaign.Subscriber) mail.Message {
	base := strings.TrimRight(baseURL, "/")
	return func(n campaign.News, sub campaign.Subscriber) mail.Message {
		l := i18n.Parse(sub.Lang)
		name := sub.Name
		if name == "" {
			name = i18n.T(l, "news.mail.friend")
		}
		stop := newsStopURL(base, sub)
		subject := strings.Join(strings.Fields(i18n.T(l, "news.mail.subject", n.CampaignTitle, n.Title)), " ")
		return mail.Message{To: sub.Email, Subject: subject,
			Text: i18n.T(l, "news.mail.body", name, n.CampaignTitle, n.Title, n.Body,
				base+"/galang-daya/"+n.CampaignSlug, stop),
			Headers: map[string]string{"List-Unsubscribe": "<" + stop + ">",
				"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}}
	}
}

// newsStopPage asks to confirm stopping a campaign's news, or says it has
// stopped.
type newsStopPage struct {
	Campaign *campaign.Campaign
	Token    string
	Active   bool // the news still goes out
	Stopped  bool // this request stopped it
}

// newsStop shows the stop link's page: a button, because mail scanners
// open links, and stopping must be the reader's own act. An unknown token
// is 404.
func (s *Server) newsStop(w http.ResponseWriter, r *http.Request) {
	sub, active, err := campaign.SubscriberByToken(r.Context(), s.db, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderNewsStop(w, r, sub, &newsStopPage{Token: sub.Token, Active: active})
}

// newsStopConfirm stops the news: the page's button, or a mail program's
// one-click POST (RFC 8058). Stopping twice is fine.
func (s *Server) newsStopConfirm(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	sub, _, err := campaign.SubscriberByToken(r.Context(), s.db, token)
	if err == nil {
		_, err = campaign.Unsubscribe(r.Context(), s.db, token)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderNewsStop(w, r, sub, &newsStopPage{Token: token, Stopped: true})
}

func (s *Server) renderNewsStop(w http.ResponseWriter, r *http.Request, sub *campaign.Subscriber, p *newsStopPage) {
	c, err := s.campaignStore().ByID(r.Context(), sub.CampaignID)
	if errors.Is(err, db.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Campaign = c
	s.render(w, r, http.StatusOK, "news_stop", s.view(r, i18n.T(lang(r), "news.stop.title"), p))
}
