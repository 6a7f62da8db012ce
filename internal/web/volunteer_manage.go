package web

import (
	"errors"
	"lokadaya/internal/cadre"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
	"lokadaya/internal/volunteer"
)

// volunteerManagePage is the organisation's page of a campaign's
// volunteers: per relawan need, its activity time and its sign-ups.
type volunteerManagePage struct {
	*campaignCtx
	CanWrite bool   // owner, admin, editor (and platform admins) decide and log hours
	Contacts bool   // sees e-mails and phones (seesVolunteerContacts)
	FormFor  string // the form a failed submit came from, to show its errors
	Today    string // YYYY-MM-DD in the organisation's zone
	Needs    []volunteerNeedBlock
}

// volunteerNeedBlock is one relawan need on the organisation's page.
type volunteerNeedBlock struct {
	Need      campaign.Need
	Slots     volunteer.Slots
	Total     string // hours given by all its volunteers, written out
	Activity  url.Values
	When      *volunteer.Activity // the activity's time as saved, nil when not set
	PublicURL string
	Signups   []volunteerRow
}

// volunteerRow is a sign-up with its hours.
type volunteerRow struct {
	*volunteer.Signup
	Region string // the region's name, "" when none
	Cadre  int64  // the cadre linked to this sign-up, 0 when none
	Total  string
	Hours  []volunteerHoursRow
}

// volunteerHoursRow is a line of hours, written out.
type volunteerHoursRow struct {
	volunteer.Hours
	Duration string
}

// volunteerManageURL is the organisation's page of a campaign's volunteers.
func volunteerManageURL(c *campaignCtx) string {
	return campaignsURL(c.Access) + "/" + c.Campaign.Slug + "/relawan"
}

// ManageVolunteersURL is the address of the campaign's volunteer page.
func (c *campaignCtx) ManageVolunteersURL() string { return volunteerManageURL(c) }

// volunteerActor is the caller as the audit log names them.
func volunteerActor(a *orgAccess) volunteer.Actor {
	return volunteer.Actor{ID: a.User.ID, Name: a.User.Name}
}

// volunteerManage shows the campaign's volunteers to the organisation's
// members (and platform admins); writers act on them.
func (s *Server) volunteerManage(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignRead)
	if !ok {
		return
	}
	s.renderVolunteerManage(w, r, http.StatusOK, c, "", nil)
}

func (s *Server) renderVolunteerManage(w http.ResponseWriter, r *http.Request, status int, c *campaignCtx,
	formFor string, errs validate.Errors) {
	ctx := r.Context()
	l := lang(r)
	zone := c.Zone()
	p := &volunteerManagePage{campaignCtx: c, CanWrite: campaignWrite(c.Access), Contacts: seesVolunteerContacts(c.Access),
		FormFor: formFor, Today: time.Now().In(zone).Format("2006-01-02")}
	store := s.volunteerStore()
	signups, err := store.List(ctx, c.Campaign.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	hours, err := store.HoursOf(ctx, c.Campaign.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cadres, err := (&cadre.Store{DB: s.db}).BySignup(ctx, c.Campaign.OrgID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, n := range c.Campaign.Needs {
		if n.Kind != campaign.KindRelawan {
			continue
		}
		b := volunteerNeedBlock{Need: n, PublicURL: volunteerNeedPath(c.Campaign.Slug, n.ID), Activity: url.Values{}}
		if b.Slots, err = store.Slots(ctx, n.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
		b.Total = volunteerDuration(l, b.Slots.Minutes)
		a, err := volunteer.ActivityOf(ctx, s.db, n.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if a != nil {
			b.When = a
			st, en := a.Starts.In(zone), a.Ends.In(zone)
			b.Activity = url.Values{"date": {st.Format("2006-01-02")}, "start": {st.Format("15:04")},
				"end": {en.Format("15:04")}}
			if en.Format("2006-01-02") != st.Format("2006-01-02") {
				b.Activity.Set("end_date", en.Format("2006-01-02"))
			}
		}
		for _, v := range signups {
			if v.NeedID != n.ID {
				continue
			}
			row := volunteerRow{Signup: v, Cadre: cadres[v.ID], Total: volunteerDuration(l, v.Minutes)}
			if v.RegionCode != "" {
				if reg, err := s.regions.Get(ctx, v.RegionCode); err == nil {
					row.Region = reg.Name
				}
			}
			for _, h := range hours[v.ID] {
				row.Hours = append(row.Hours, volunteerHoursRow{Hours: h, Duration: volunteerDuration(l, h.Minutes)})
			}
			b.Signups = append(b.Signups, row)
		}
		p.Needs = append(p.Needs, b)
	}
	v := s.view(r, i18n.T(l, "volunteer.manage.title", c.Campaign.Title), p)
	if errs != nil {
		v.Errors, v.Form = errs, r.PostForm
	}
	s.render(w, r, status, "volunteer_manage", v)
}

// volunteerAction checks that the caller may act on the campaign's
// volunteers and reads the form and the sign-up id.
func (s *Server) volunteerAction(w http.ResponseWriter, r *http.Request) (*campaignCtx, int64, bool) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return nil, 0, false
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return nil, 0, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return nil, 0, false
	}
	return c, id, true
}

// afterVolunteerAction redirects back to the page; a sign-up decided
// meanwhile (a double click, another editor) is said so, not an error.
func (s *Server) afterVolunteerAction(w http.ResponseWriter, r *http.Request, c *campaignCtx, formFor string, err error, flash string) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderVolunteerManage(w, r, http.StatusUnprocessableEntity, c, formFor, errs)
		return
	case errors.Is(err, volunteer.ErrState):
		s.flash(w, "volunteer.flash.already")
	case errors.Is(err, volunteer.ErrFull):
		s.flash(w, "volunteer.flash.full")
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		s.flash(w, flash)
	}
	redirect(w, r, volunteerManageURL(c))
}

// volunteerAccept accepts a sign-up; the volunteer gets an e-mail with
// the activity as an .ics file.
func (s *Server) volunteerAccept(w http.ResponseWriter, r *http.Request) {
	c, id, ok := s.volunteerAction(w, r)
	if !ok {
		return
	}
	_, err := s.volunteerStore().Accept(r.Context(), c.Campaign.ID, id, volunteerActor(c.Access))
	s.afterVolunteerAction(w, r, c, "", err, "volunteer.flash.accepted")
}

// volunteerDecline declines a sign-up with a reason the volunteer is told.
func (s *Server) volunteerDecline(w http.ResponseWriter, r *http.Request) {
	c, id, ok := s.volunteerAction(w, r)
	if !ok {
		return
	}
	_, err := s.volunteerStore().Decline(r.Context(), c.Campaign.ID, id, r.PostForm.Get("reason"), volunteerActor(c.Access))
	s.afterVolunteerAction(w, r, c, "decline-"+strconv.FormatInt(id, 10), err, "volunteer.flash.declined")
}

// volunteerAbsent marks an accepted volunteer who did not come.
func (s *Server) volunteerAbsent(w http.ResponseWriter, r *http.Request) {
	c, id, ok := s.volunteerAction(w, r)
	if !ok {
		return
	}
	_, err := s.volunteerStore().MarkAbsent(r.Context(), c.Campaign.ID, id, volunteerActor(c.Access))
	s.afterVolunteerAction(w, r, c, "", err, "volunteer.flash.absent")
}

// volunteerHours logs hours an accepted volunteer gave.
func (s *Server) volunteerHours(w http.ResponseWriter, r *http.Request) {
	c, id, ok := s.volunteerAction(w, r)
	if !ok {
		return
	}
	formFor := "hours-" + strconv.FormatInt(id, 10)
	in, errs := volunteer.ParseHours(r.PostForm, time.Now().In(c.Zone()))
	if len(errs) > 0 {
		// An unknown sign-up is still a 404, not a form error.
		if _, err := s.volunteerStore().ByID(r.Context(), c.Campaign.ID, id); err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderVolunteerManage(w, r, http.StatusUnprocessableEntity, c, formFor, errs)
		return
	}
	err := s.volunteerStore().LogHours(r.Context(), c.Campaign.ID, id, in, volunteerActor(c.Access))
	s.afterVolunteerAction(w, r, c, formFor, err, "volunteer.flash.hours")
}

// volunteerActivity sets when a relawan need's activity takes place, in
// the organisation's zone; empty fields forget it.
func (s *Server) volunteerActivity(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	needID, err := strconv.ParseInt(r.PostForm.Get("need"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	formFor := "activity-" + strconv.FormatInt(needID, 10)
	in, errs := volunteer.ParseActivity(r.PostForm, c.Zone())
	if len(errs) > 0 {
		if !c.Campaign.HasKind(campaign.KindRelawan) {
			s.notFound(w, r)
			return
		}
		s.renderVolunteerManage(w, r, http.StatusUnprocessableEntity, c, formFor, errs)
		return
	}
	err = s.volunteerStore().SetActivity(r.Context(), c.Campaign.ID, needID, in, volunteerActor(c.Access))
	if errors.Is(err, db.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.afterVolunteerAction(w, r, c, formFor, err, "volunteer.flash.activity")
}
