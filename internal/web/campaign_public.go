package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/figures"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// campaignCard is a campaign with its organisation and initiative.
type campaignCard struct {
	*campaign.Campaign
	Org        *org.Organization
	Initiative *initiative.Initiative
}

// campaignIndexPage lists active campaigns.
type campaignIndexPage struct {
	Items  []campaign.Card
	Kinds  []string
	Region *region.Region // the ?wilayah filter, when valid
	Filter *regionFilter
	Kind   string
	Next   int64
	// BasedIn narrows the region filter to the campaigns of OMS based
	// there (?asal=oms), the list behind a region's campaign figure.
	BasedIn bool
	// Running is how many campaigns the list holds, shown (Counted) when
	// it is the list behind a figure, no kind chosen: the figure itself.
	Running int64
	Counted bool
	// All lists ended campaigns beside the running ones (?tampil=semua):
	// the list behind the money, goods and time figures, which count
	// what every campaign gathered, not only those running now.
	All bool
}

// MoreURL is the address of the list's next page.
func (p *campaignIndexPage) MoreURL() string { return p.listURL(p.Next, p.All) }

// ToggleURL is the same list with ended campaigns shown or hidden.
func (p *campaignIndexPage) ToggleURL() string { return p.listURL(0, !p.All) }

// listURL is the list with the page's filters, from cursor after (0: the
// first page), with or without the ended campaigns.
func (p *campaignIndexPage) listURL(after int64, all bool) string {
	q := url.Values{}
	if after != 0 {
		q.Set("setelah", strconv.FormatInt(after, 10))
	}
	if p.Kind != "" {
		q.Set("jenis", p.Kind)
	}
	if p.Region != nil {
		q.Set("wilayah", p.Region.Code)
		if p.BasedIn {
			q.Set("asal", "oms")
		}
	}
	if all {
		q.Set("tampil", "semua")
	}
	if len(q) == 0 {
		return "/galang-daya"
	}
	return "/galang-daya?" + q.Encode()
}

// campaignShowPage is a campaign's public page.
type campaignShowPage struct {
	campaignCard
	Needs     []needProgress
	Money     campaign.Money
	Updates   []campaign.Update
	Zone      *time.Location
	Now       time.Time
	URL       string // absolute address, for sharing
	MediaBase string // the site's absolute address, for the cover in link previews
	Insider   bool   // a member or platform admin: sees drafts, gets the edit link
	CanWrite  bool
	EditURL   string
	Give      *giveForm            // the donation form, or why money cannot be given
	Wall      []*donation.Donation // confirmed donations, newest first
}

// WallCodes sums the unique codes of the transfers on the wall. The wall
// shows each gift as the donor chose it; the money raised, like the
// ledger, counts what arrived, codes included, and the page says so.
func (p *campaignShowPage) WallCodes() int64 {
	var sum int64
	for _, d := range p.Wall {
		sum += d.UniqueCode
	}
	return sum
}

// WhatsAppURL shares the campaign's title and address on WhatsApp.
func (p *campaignShowPage) WhatsAppURL() string {
	return "https://wa.me/?text=" + url.QueryEscape(p.Title+" "+p.URL)
}

// Summary is the story's start, for link previews.
func (p *campaignShowPage) Summary() string {
	s := strings.Join(strings.Fields(p.Story), " ")
	if utf8.RuneCountInString(s) <= 200 {
		return s
	}
	return string([]rune(s)[:199]) + "…"
}

// DaysLeft and HoursLeft say how long the campaign still runs.
func (p *campaignShowPage) DaysLeft() int  { return int(p.TimeLeft(p.Now).Hours() / 24) }
func (p *campaignShowPage) HoursLeft() int { return int(p.TimeLeft(p.Now).Hours()) }

// campaignIndex lists active campaigns: ?wilayah=CODE (the initiative
// serves it or the organisation sits under it; with ?asal=oms only the
// latter), ?jenis=KIND of support, ?tampil=semua the ended ones too,
// ?setelah=cursor.
func (s *Server) campaignIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &campaignIndexPage{Kinds: campaign.Kinds}
	opt := campaign.ListOptions{PublicOnly: true, Status: campaign.StatusActive, Limit: 30}
	keep := url.Values{}
	if k := q.Get("jenis"); campaign.ValidKind(k) {
		p.Kind, opt.Kind = k, k
		keep.Set("jenis", k)
	}
	if q.Get("asal") == "oms" {
		keep.Set("asal", "oms")
	}
	if q.Get("tampil") == "semua" {
		p.All, opt.Status = true, "" // PublicOnly keeps the active and the ended
		keep.Set("tampil", "semua")
	}
	var err error
	if p.Filter, err = s.regionFilterFor(r, "/galang-daya", keep); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Region = p.Filter.Region; p.Region != nil {
		p.BasedIn = q.Get("asal") == "oms"
		if p.BasedIn {
			opt.BasedIn = p.Region.Code
		} else {
			opt.Region = p.Region.Code
		}
	}
	if p.Kind == "" && !p.All && (p.Region == nil || p.BasedIn) {
		code := ""
		if p.Region != nil {
			code = p.Region.Code
		}
		f, err := (&figures.Store{DB: s.db, Now: s.cfg.Clock}).Region(r.Context(), code)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Running, p.Counted = f.Campaigns, true
	}
	opt.After = parseCursor(q.Get("setelah"))
	p.Items, p.Next, err = s.campaignStore().CardList(r.Context(), opt)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "campaign_index", s.view(r, i18n.T(lang(r), "campaign.index.title"), p))
}

func (s *Server) campaignCard(ctx context.Context, c *campaign.Campaign) (campaignCard, error) {
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		return campaignCard{}, err
	}
	i, err := s.initiativeStore().ByID(ctx, c.InitiativeID)
	if err != nil {
		return campaignCard{}, err
	}
	return campaignCard{Campaign: c, Org: o, Initiative: i}, nil
}

// campaignShow is a campaign's public page. Drafts (cancelled ones too)
// and the campaigns of hidden organisations are 404 except to insiders; a
// campaign cancelled after it was published stays, marked cancelled and
// closed to support, for those who gave (see campaignShown).
func (s *Server) campaignShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("cslug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	card, err := s.campaignCard(ctx, c)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.campaignAccess(r, card.Org)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	public := campaignShown(c) && !orgHidden(card.Org)
	if !public && !a.Insider() {
		s.notFound(w, r)
		return
	}
	p := &campaignShowPage{campaignCard: card, Zone: region.Zone(card.Org.RegionCode), Now: db.Now(),
		URL:       strings.TrimRight(s.cfg.BaseURL, "/") + campaignPublicURL(c),
		MediaBase: strings.TrimRight(s.cfg.BaseURL, "/"), Insider: a.Insider(),
		CanWrite: campaignWrite(a), EditURL: campaignManageURL(a, c)}
	if p.Needs, err = s.progress(ctx, c); err == nil {
		if p.Money, err = s.campaignStore().MoneyProgress(ctx, c); err == nil {
			p.Updates, err = s.campaignStore().Updates(ctx, c.ID)
		}
	}
	if err == nil {
		p.Give, p.Wall, err = s.giveSection(ctx, c, card.Org)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if public && c.Public() && !a.Insider() {
		s.countVisit(r, c, card.Org)
	}
	s.render(w, r, http.StatusOK, "campaign_show", s.view(r, c.Title, p))
}

// countVisit counts a view of one of c's public pages, and every view of
// it the page cache answers without rendering it. The counts are written
// every few seconds (campaign.VisitCounter).
func (s *Server) countVisit(r *http.Request, c *campaign.Campaign, o *org.Organization) {
	id, zone := c.ID, region.Zone(o.RegionCode)
	count := func() { s.visits.Add(id, zone) }
	count()
	onPageCacheHit(r, count)
}

// countNeedVisit counts a view of a need's support page, where people
// support without passing by the campaign page, unless the viewer is one
// of the organisation's own.
func (s *Server) countNeedVisit(r *http.Request, c *campaign.Campaign, o *org.Organization) {
	if r.Method != http.MethodGet {
		return
	}
	a, err := s.campaignAccess(r, o)
	if err != nil || a.Insider() {
		return
	}
	s.countVisit(r, c, o)
}

// campaignShown reports whether c's page and report are open to the
// public: a public campaign, or one cancelled after it was published,
// whose donors may still look up what became of their money. Gifts and
// other support are closed on a cancelled campaign (campaign.Open).
func campaignShown(c *campaign.Campaign) bool {
	return c.Public() || (c.Status == campaign.StatusCancelled && c.PublishedAt != nil)
}

// campaignAccess is the caller's rights in an organisation, without
// answering anything itself.
func (s *Server) campaignAccess(r *http.Request, o *org.Organization) (*orgAccess, error) {
	a := &orgAccess{Org: o, User: currentUser(r)}
	if a.User == nil {
		return a, nil
	}
	a.Admin = a.User.IsAdmin
	role, err := s.orgs.RoleOf(r.Context(), o.ID, a.User.ID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return nil, err
	}
	a.Role = role
	return a, nil
}
