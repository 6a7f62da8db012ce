package web

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/offer"
	"lokadaya/internal/ratelimit"
)

// offerStore is the offer store for r: a new offer sends the offerer
// their private link, tells the organisation's managers and records the
// wish for news; every word in a thread is e-mailed to the other side,
// each in the transaction that stores it.
func (s *Server) offerStore(r *http.Request) *offer.Store {
	return &offer.Store{DB: s.db,
		OnCreate: func(ctx context.Context, q db.Querier, o *offer.Offer, in offer.Input) error {
			return s.offerCreated(ctx, r, q, o, in)
		},
		OnMessage: func(ctx context.Context, q db.Querier, o *offer.Offer, m *offer.Message) error {
			return s.offerMessaged(ctx, r, q, o, m)
		}}
}

// offerLimit bounds offers and offerers' replies per client address.
func (s *Server) offerLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 20, Window: time.Hour}
}

// offerWrite may answer offers and change their status: the owner,
// admins and editors. Platform admins may read but not speak for the
// organisation.
func offerWrite(a *orgAccess) bool { return a.Role.CanEditProfile() }

// offerRead may see the organisation's offers: every member, and platform
// admins.
func offerRead(a *orgAccess) bool { return a.Insider() }

// offerKind reports whether a need takes offers.
func offerKind(kind string) bool {
	return kind == campaign.KindKeahlian || kind == campaign.KindKemitraan
}

// offerPrivateURL is the offerer's private page.
func offerPrivateURL(o *offer.Offer) string { return "/tawaran/" + o.AccessToken }

// offerOrgURL is the organisation's page of one offer.
func offerOrgURL(a *orgAccess, id int64) string {
	return orgURL(a.Org) + "/tawaran/" + strconv.FormatInt(id, 10)
}

// offersURL is the organisation's list of a campaign's offers.
func offersURL(a *orgAccess, c *campaign.Campaign) string {
	return campaignsURL(a) + "/" + c.Slug + "/tawaran"
}

// offerContext is what the offer e-mails name: the campaign and its
// organisation.
type offerContext struct {
	Campaign, OrgName, OrgSlug string
}

func loadOfferContext(ctx context.Context, q db.Querier, o *offer.Offer) (offerContext, error) {
	var c offerContext
	err := q.QueryRow(ctx, `SELECT c.title, g.name, g.slug FROM campaigns c JOIN organizations g ON g.id = c.org_id
		WHERE c.id = ?`, o.CampaignID).Scan(&c.Campaign, &c.OrgName, &c.OrgSlug)
	if errors.Is(err, sql.ErrNoRows) {
		return c, db.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("web: offer mail: %w", err)
	}
	return c, nil
}

// offererLabel names the offerer for the organisation: "Name (Institution)".
func offererLabel(o *offer.Offer) string {
	if o.Institution != "" {
		return o.Name + ", " + o.Institution
	}
	return o.Name
}

// offerCreated mails the offerer their private link and the managers the
// news, and subscribes the offerer to the campaign's news when asked.
func (s *Server) offerCreated(ctx context.Context, r *http.Request, q db.Querier, o *offer.Offer, in offer.Input) error {
	if in.Kabar {
		if err := campaign.Subscribe(ctx, q, o.CampaignID, o.Email, o.Name, o.Lang); err != nil {
			return err
		}
	}
	c, err := loadOfferContext(ctx, q, o)
	if err != nil {
		return err
	}
	l := i18n.Parse(o.Lang)
	if err := mail.Queue(ctx, q, mail.Message{To: o.Email, Subject: i18n.T(l, "offer.mail.sent_subject", c.Campaign),
		Text: i18n.T(l, "offer.mail.sent_body", o.Name, o.NeedTitle, c.Campaign, c.OrgName,
			s.absURL(r, offerPrivateURL(o)))}); err != nil {
		return err
	}
	return s.notifyOffer(ctx, q, o, c, func(l i18n.Lang) string {
		return i18n.T(l, "notify.event.offer", offererLabel(o), i18n.T(l, "offer.kind."+o.Kind), o.NeedTitle, c.Campaign)
	}, o.Body)
}

// offerMessaged tells the other side of a thread about m: the offerer of
// the organisation's words (with the private link), the managers of the
// offerer's.
func (s *Server) offerMessaged(ctx context.Context, r *http.Request, q db.Querier, o *offer.Offer, m *offer.Message) error {
	c, err := loadOfferContext(ctx, q, o)
	if err != nil {
		return err
	}
	if !m.FromOrg {
		return s.notifyOffer(ctx, q, o, c, func(l i18n.Lang) string {
			return i18n.T(l, "notify.event.offer_answer", offererLabel(o), o.NeedTitle)
		}, m.Body)
	}
	l := i18n.Parse(o.Lang)
	body := m.Body
	if m.Event != "" {
		ev := i18n.T(l, "offer.show.event", i18n.T(l, "offer.status."+m.Event))
		if body == "" {
			body = ev
		} else {
			body = ev + "\n\n" + body
		}
	}
	return mail.Queue(ctx, q, mail.Message{To: o.Email, Subject: i18n.T(l, "offer.mail.reply_subject", c.Campaign),
		Text: i18n.T(l, "offer.mail.reply_body", o.Name, c.OrgName, o.NeedTitle, body,
			i18n.T(l, "offer.status."+o.Status), s.absURL(r, offerPrivateURL(o)))})
}
