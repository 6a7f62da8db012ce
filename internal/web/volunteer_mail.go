package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ics"
	"lokadaya/internal/mail"
	"lokadaya/internal/region"
	"lokadaya/internal/volunteer"
)

// volunteerStore is the volunteer store; a sign-up queues its
// confirmation (and records the wish for news), a decision queues the
// e-mail telling the volunteer, each in the transaction of the change.
func (s *Server) volunteerStore() *volunteer.Store {
	return &volunteer.Store{DB: s.db, OnSignup: s.volunteerJoined, OnDecide: s.volunteerDecided}
}

// volunteerSignedUp queues the "menunggu diterima" (or waiting list)
// e-mail and subscribes the volunteer to the campaign's news when the
// kabar box was ticked.
func (s *Server) volunteerSignedUp(ctx context.Context, q db.Querier, v *volunteer.Signup, in volunteer.Input) error {
	if in.Kabar {
		if err := campaign.Subscribe(ctx, q, v.CampaignID, v.Email, v.Name, v.Lang); err != nil {
			return err
		}
	}
	info, err := volunteer.Info(ctx, q, v.NeedID)
	if err != nil {
		return err
	}
	l := i18n.Parse(v.Lang)
	kind := "signup"
	if v.Status == volunteer.StatusWaiting {
		kind = "waiting"
	}
	body := i18n.T(l, "volunteer.mail."+kind+".body", v.Name, info.Role, info.CampaignTitle, info.OrgName,
		volunteerWhere(l, info, false), s.volunteerLink(volunteerNeedPath(info.CampaignSlug, v.NeedID)))
	return mail.Queue(ctx, q, mail.Message{To: v.Email, Subject: i18n.T(l, "volunteer.mail."+kind+".subject", info.Role),
		Text: body})
}

// volunteerDecided tells the volunteer the organisation's decision; an
// acceptance carries the activity as an .ics file when its time is set.
func (s *Server) volunteerDecided(ctx context.Context, q db.Querier, v *volunteer.Signup) error {
	info, err := volunteer.Info(ctx, q, v.NeedID)
	if err != nil {
		return err
	}
	l := i18n.Parse(v.Lang)
	link := s.volunteerLink(volunteerNeedPath(info.CampaignSlug, v.NeedID))
	if v.Status == volunteer.StatusDeclined {
		return mail.Queue(ctx, q, mail.Message{To: v.Email, Subject: i18n.T(l, "volunteer.mail.decline.subject", info.Role),
			Text: i18n.T(l, "volunteer.mail.decline.body", v.Name, info.Role, info.CampaignTitle, info.OrgName,
				v.DeclineReason, link)})
	}
	m := mail.Message{To: v.Email, Subject: i18n.T(l, "volunteer.mail.accept.subject", info.Role),
		Text: i18n.T(l, "volunteer.mail.accept.body", v.Name, info.OrgName, info.Role, info.CampaignTitle,
			volunteerWhere(l, info, true), link)}
	if info.Activity != nil {
		m.Attachments = []mail.Attachment{{Name: "relawan.ics", ContentType: ics.ContentType,
			Data: s.volunteerCalendar(l, v, info, link)}}
	}
	return mail.Queue(ctx, q, m)
}

// volunteerCalendar is the activity as an iCalendar file; its UID stays
// the same for the sign-up, so a second copy replaces the first.
func (s *Server) volunteerCalendar(l i18n.Lang, v *volunteer.Signup, info *volunteer.NeedInfo, link string) []byte {
	stamp := db.Now()
	if v.DecidedAt != nil {
		stamp = *v.DecidedAt
	}
	desc := i18n.T(l, "volunteer.ics.description", info.Role, info.CampaignTitle, info.OrgName)
	if info.Schedule != "" {
		desc += "\n" + i18n.T(l, "volunteer.mail.schedule", info.Schedule)
	}
	desc += "\n" + link
	return ics.Calendar(ics.Event{
		UID:         "relawan-" + strconv.FormatInt(v.ID, 10) + "@" + s.volunteerHost(),
		Stamp:       stamp,
		Start:       info.Activity.Starts,
		End:         info.Activity.Ends,
		Summary:     i18n.T(l, "volunteer.ics.summary", info.Role),
		Location:    info.Place,
		Description: desc,
		URL:         link,
	})
}

// volunteerWhere says when and where the activity is, for the e-mails.
func volunteerWhere(l i18n.Lang, info *volunteer.NeedInfo, withICS bool) string {
	var lines []string
	if a := info.Activity; a != nil {
		zone := region.Zone(info.OrgRegion)
		when := i18n.T(l, "volunteer.mail.when", i18n.DateTime(l, a.Starts, zone), i18n.DateTime(l, a.Ends, zone))
		if withICS {
			when += " " + i18n.T(l, "volunteer.mail.when_ics")
		}
		lines = append(lines, when)
	} else {
		if info.Schedule != "" {
			lines = append(lines, i18n.T(l, "volunteer.mail.schedule", info.Schedule))
		}
		lines = append(lines, i18n.T(l, "volunteer.when.unknown"))
	}
	if info.Place != "" {
		lines = append(lines, i18n.T(l, "volunteer.mail.place", info.Place))
	}
	return strings.Join(lines, "\n")
}

// volunteerLink is path on the site's configured public address, for e-mails
// queued where no request is at hand.
func (s *Server) volunteerLink(path string) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + path
}

// volunteerHost is the site's host name, for ids that must be unique to it.
func (s *Server) volunteerHost() string {
	if u, err := url.Parse(s.cfg.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "lokadaya.local"
}

// volunteerNeedPath is the public sign-up page of a relawan need.
func volunteerNeedPath(campaignSlug string, needID int64) string {
	return "/galang-daya/" + campaignSlug + "/relawan/" + strconv.FormatInt(needID, 10)
}
