package web

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/goods"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
	"lokadaya/internal/offer"
	"lokadaya/internal/org"
	"lokadaya/internal/volunteer"
)

// notifier tells members of events, with links on the configured public
// address.
func (s *Server) notifier() *notify.Notifier {
	return &notify.Notifier{DB: s.db, BaseURL: s.cfg.BaseURL}
}

// notifyDecision tells the organisation's owners and admins of a
// verification decision, whoever took it: hub.Store calls it in the
// decision's transaction.
func (s *Server) notifyDecision(ctx context.Context, q db.Querier, d hub.Decided) error {
	o := d.Org
	path := orgURL(o)
	if len(d.Documents) > 0 {
		path = orgDocumentsURL(o.Slug)
	}
	return s.notifier().Notify(ctx, q, notify.Event{Kind: notify.KindVerification, OrgID: o.ID, Path: path,
		Summary: func(l i18n.Lang) string { return i18n.T(l, "notify.decision."+string(d.Decision), o.Name) },
		Detail: func(l i18n.Lang) string {
			var lines []string
			if d.Reason != "" {
				lines = append(lines, i18n.T(l, "notify.decision.reason", d.Reason))
			}
			if len(d.Documents) > 0 {
				lines = append(lines, i18n.T(l, "notify.decision.docs", docNames(l, d.Documents),
					s.notifier().Link(orgDocumentsURL(o.Slug))))
			}
			return strings.Join(lines, "\n\n")
		}})
}

// docNames lists documents by name, for e-mails.
func docNames(l i18n.Lang, docs []org.DocKind) string {
	names := make([]string, len(docs))
	for i, k := range docs {
		names[i] = i18n.T(l, "org.doc."+string(k))
	}
	return strings.Join(names, ", ")
}

// campaignNames is what event summaries say about a campaign.
type campaignNames struct {
	Title, Slug, OrgSlug string
}

func loadCampaignNames(ctx context.Context, q db.Querier, campaignID int64) (campaignNames, error) {
	var c campaignNames
	err := q.QueryRow(ctx, `SELECT c.title, c.slug, o.slug FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE c.id = ?`, campaignID).Scan(&c.Title, &c.Slug, &c.OrgSlug)
	if errors.Is(err, sql.ErrNoRows) {
		return c, db.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("web: campaign names: %w", err)
	}
	return c, nil
}

// manageURL is a campaign's page of the given kind of support.
func (c campaignNames) manageURL(kind string) string {
	return "/organisasi/" + c.OrgSlug + "/galang-daya/" + c.Slug + "/" + kind
}

// pledgeCreated acknowledges a goods pledge to the pledger and tells the
// members who handle goods.
func (s *Server) pledgeCreated(ctx context.Context, q db.Querier, p *goods.Pledge) error {
	if err := s.queuePledgeAck(ctx, q, p); err != nil {
		return err
	}
	c, err := loadCampaignNames(ctx, q, p.CampaignID)
	if err != nil {
		return err
	}
	return s.notifier().Notify(ctx, q, notify.Event{Kind: notify.KindGoods, OrgID: p.OrgID, Path: c.manageURL("barang"),
		Summary: func(l i18n.Lang) string {
			what := strings.TrimSpace(i18n.Number(p.Quantity) + " " + p.Unit + " " + p.Item)
			return i18n.T(l, "notify.event.goods", supporterName(l, p.Name), what, c.Title)
		}})
}

// supporterName names a supporter to the organisation's members, who
// see names even of those hidden from the public.
func supporterName(l i18n.Lang, name string) string {
	if name == "" {
		return i18n.T(l, "notify.someone")
	}
	return name
}

// volunteerJoined confirms a sign-up to the volunteer and tells the
// members who decide on volunteers.
func (s *Server) volunteerJoined(ctx context.Context, q db.Querier, v *volunteer.Signup, in volunteer.Input) error {
	if err := s.volunteerSignedUp(ctx, q, v, in); err != nil {
		return err
	}
	info, err := volunteer.Info(ctx, q, v.NeedID)
	if err != nil {
		return err
	}
	c, err := loadCampaignNames(ctx, q, v.CampaignID)
	if err != nil {
		return err
	}
	return s.notifier().Notify(ctx, q, notify.Event{Kind: notify.KindVolunteer, OrgID: v.OrgID, Path: c.manageURL("relawan"),
		Summary: func(l i18n.Lang) string {
			return i18n.T(l, "notify.event.volunteer", v.Name, info.Role, c.Title)
		}})
}

// notifyOffer tells the members who answer offers of news on offer o: a
// summary and, in the e-mail, the offerer's words.
func (s *Server) notifyOffer(ctx context.Context, q db.Querier, o *offer.Offer, c offerContext,
	summary func(l i18n.Lang) string, words string) error {
	return s.notifier().Notify(ctx, q, notify.Event{Kind: notify.KindOffer, OrgID: o.OrgID,
		Path: "/organisasi/" + c.OrgSlug + "/tawaran/" + strconv.FormatInt(o.ID, 10), Summary: summary,
		Detail: func(i18n.Lang) string { return words }})
}

// proofUploaded tells the members who confirm money that a donor's proof
// of transfer waits.
func (s *Server) proofUploaded(ctx context.Context, q db.Querier, d *donation.Donation) error {
	c, err := loadCampaignNames(ctx, q, d.CampaignID)
	if err != nil {
		return err
	}
	return s.notifier().Notify(ctx, q, notify.Event{Kind: notify.KindProof, OrgID: d.OrgID,
		Path: "/organisasi/" + c.OrgSlug + "/donasi",
		Summary: func(l i18n.Lang) string {
			return i18n.T(l, "notify.event.proof", supporterName(l, d.DonorName), i18n.Rupiah(d.Amount), c.Title)
		}})
}
