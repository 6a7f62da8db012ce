package web

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/goods"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
)

// goodsStore is the pledge store: a pledge records the pledger's wish for
// the campaign's news and queues the acknowledgement in its own
// transaction, and so does a receipt with its e-mail.
func (s *Server) goodsStore() *goods.Store {
	return &goods.Store{DB: s.db, Subscribe: campaign.Subscribe, OnCreate: s.pledgeCreated,
		OnReceive: s.queueGoodsReceived}
}

// goodsLimit bounds pledge forms per client address.
func (s *Server) goodsLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 20, Window: time.Hour}
}

// pledgeURL is a pledge's private page: its form token, known only to the
// pledger.
func pledgeURL(p *goods.Pledge) string { return "/janji-barang/" + p.FormToken }

// goodsNeedURL is the public pledge page of a barang need.
func goodsNeedURL(c *campaign.Campaign, n *campaign.Need) string {
	return fmt.Sprintf("%s/barang/%d", campaignPublicURL(c), n.ID)
}

// goodsManageURL is the organisation's page of a campaign's pledges.
func goodsManageURL(a *orgAccess, c *campaign.Campaign) string {
	return campaignsURL(a) + "/" + c.Slug + "/barang"
}

// goodsRead may open the organisation's pledge page: its members and
// platform admins. Only members see the pledgers' contacts.
func goodsRead(a *orgAccess) bool { return a.Admin || a.Member() }

// goodsMark may record goods received and cancel pledges: the members who
// handle what comes in — owner, admin, editor (who runs the campaign) and
// treasurer (who keeps the books, goods included). A viewer only reads; a
// platform admin, who is not there when goods arrive, neither.
func goodsMark(a *orgAccess) bool {
	switch a.Role {
	case org.RoleOwner, org.RoleAdmin, org.RoleEditor, org.RoleTreasurer:
		return true
	}
	return false
}

// goodsActor is the caller as the audit log names them.
func goodsActor(a *orgAccess) goods.Actor { return goods.Actor{ID: a.User.ID, Name: a.User.Name} }

// goodsToday is the current moment in the organisation's zone, for
// checking days typed into forms.
func goodsToday(o *org.Organization) time.Time { return db.Now().In(region.Zone(o.RegionCode)) }

// pledgeMailContext is what the pledge e-mails say about the campaign.
func (s *Server) pledgeMailContext(ctx context.Context, q db.Querier, p *goods.Pledge) (title, orgName, link string, l i18n.Lang, err error) {
	err = q.QueryRow(ctx, `SELECT c.title, o.name FROM campaigns c JOIN organizations o ON o.id = c.org_id WHERE c.id = ?`,
		p.CampaignID).Scan(&title, &orgName)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.ErrNotFound
	}
	if err != nil {
		return "", "", "", "", fmt.Errorf("web: pledge mail: %w", err)
	}
	l = i18n.ID
	if p.Lang == string(i18n.EN) {
		l = i18n.EN
	}
	return title, orgName, strings.TrimRight(s.cfg.BaseURL, "/") + pledgeURL(p), l, nil
}

// pledgerName is how the e-mails greet the pledger.
func pledgerName(l i18n.Lang, p *goods.Pledge) string {
	if p.Name == "" {
		return i18n.T(l, "goods.mail.friend")
	}
	return p.Name
}

// queuePledgeAck queues the pledger's acknowledgement when they gave an
// e-mail, in the language of the page they used.
func (s *Server) queuePledgeAck(ctx context.Context, q db.Querier, p *goods.Pledge) error {
	if p.Email == "" {
		return nil
	}
	title, orgName, link, l, err := s.pledgeMailContext(ctx, q, p)
	if err != nil {
		return err
	}
	plan := i18n.T(l, "goods.delivery."+p.Delivery)
	if p.ExpectedOn != "" {
		plan += ", " + i18n.T(l, "goods.show.expected", i18n.Date(l, p.Expected(), time.UTC))
	}
	body := i18n.T(l, "goods.mail.ack_body", pledgerName(l, p), i18n.Number(p.Quantity), p.Unit, p.Item, title, orgName,
		plan, link)
	return mail.Queue(ctx, q, mail.Message{To: p.Email, Subject: i18n.T(l, "goods.mail.ack_subject", title), Text: body})
}

// queueGoodsReceived tells the pledger, when they gave an e-mail, that
// the organisation recorded their goods as received.
func (s *Server) queueGoodsReceived(ctx context.Context, q db.Querier, p *goods.Pledge, r *goods.Receipt) error {
	if p.Email == "" {
		return nil
	}
	title, orgName, link, l, err := s.pledgeMailContext(ctx, q, p)
	if err != nil {
		return err
	}
	body := i18n.T(l, "goods.mail.received_body", pledgerName(l, p), orgName, i18n.Number(r.Quantity), p.Unit, p.Item,
		i18n.Date(l, r.Day(), time.UTC), i18n.Number(p.Received), i18n.Number(p.Quantity), title, link)
	return mail.Queue(ctx, q, mail.Message{To: p.Email, Subject: i18n.T(l, "goods.mail.received_subject", title),
		Text: body})
}
