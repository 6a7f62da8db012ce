package voice

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/imaging"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// inboxPage is the organisation's complaints for its staff.
type inboxPage struct {
	Access     *kit.Access
	Complaints []*complaint.Complaint
	Now        time.Time
	CanManage  bool
}

func (h *complaintHandlers) inbox(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayHandle)
	if !ok {
		return
	}
	list, err := h.Complaints.Inbox(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_inbox", Title: h.t(r, "complaint.inbox.title"),
		Data: inboxPage{Access: a, Complaints: list, Now: h.now(), CanManage: mayManage(a)}})
}

// detailPage is one complaint for the staff.
type detailPage struct {
	Access      *kit.Access
	C           *complaint.Complaint
	Events      []complaint.Event
	Redactions  []complaint.Redaction
	Members     []org.Member // who it may be assigned to
	Private     bool         // the caller may read its text and contact
	CanManage   bool
	Now         time.Time
	Redactables []complaint.Event
	AssigneeID  int64 // 0 when nobody
}

// staffComplaint loads the organisation for a caller allowed by may and
// its {code} complaint; another organisation's is 404.
func (h *complaintHandlers) staffComplaint(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*kit.Access, *complaint.Complaint, bool) {
	a, ok := h.site.Org(w, r, may)
	if !ok {
		return nil, nil, false
	}
	c, err := h.Complaints.OfOrg(r.Context(), a.Org.ID, r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	return a, c, true
}

func (h *complaintHandlers) detail(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.staffComplaint(w, r, mayHandle)
	if !ok {
		return
	}
	h.renderDetail(w, r, a, c, nil, nil, http.StatusOK)
}

func (h *complaintHandlers) renderDetail(w http.ResponseWriter, r *http.Request, a *kit.Access, c *complaint.Complaint,
	form url.Values, errs validate.Errors, status int) {
	ctx := r.Context()
	p := detailPage{Access: a, C: c, Private: maySeePrivate(a, c), CanManage: mayManage(a), Now: h.now()}
	if c.AssigneeID != nil {
		p.AssigneeID = *c.AssigneeID
	}
	var err error
	if p.Events, err = h.Complaints.Events(ctx, c.ID); err == nil {
		p.Redactions, err = h.Complaints.Redactions(ctx, c.ID)
	}
	if err == nil && p.CanManage {
		var members []org.Member
		members, err = h.Orgs.Members(ctx, a.Org.ID)
		for _, m := range members {
			if complaint.MayHandle(m.Role) {
				p.Members = append(p.Members, m)
			}
		}
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, e := range p.Events {
		if e.PublicBody != "" && slices.Contains(complaint.RedactableEvents, e.Kind) {
			p.Redactables = append(p.Redactables, e)
		}
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_detail", Title: h.t(r, "complaint.detail.title", c.Ref()),
		Data: p, Status: status, Form: form, Errors: errs})
}

// staffAction runs a change on the {code} complaint for a caller allowed
// by may; a refusal shows the page again with the field's message.
func (h *complaintHandlers) staffAction(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool, field, flash string,
	do func(a *kit.Access, c *complaint.Complaint) error) {
	a, c, ok := h.staffComplaint(w, r, may)
	if !ok {
		return
	}
	err := do(a, c)
	var verrs validate.Errors
	switch {
	case errors.As(err, &verrs):
		h.renderDetail(w, r, a, c, r.PostForm, verrs, http.StatusUnprocessableEntity)
	case errorKey(err) != "":
		h.renderDetail(w, r, a, c, r.PostForm, validate.Errors{field: errorKey(err)}, http.StatusConflict)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, flash)
		kit.Redirect(w, r, complaint.StaffPath(a.Org.Slug, c.Code))
	}
}

func (h *complaintHandlers) assign(w http.ResponseWriter, r *http.Request) {
	h.staffAction(w, r, mayManage, "assignee", "complaint.flash.assigned", func(a *kit.Access, c *complaint.Complaint) error {
		id, _ := strconv.ParseInt(r.PostForm.Get("assignee"), 10, 64)
		return h.Complaints.Assign(r.Context(), complaintActor(a), c, id)
	})
}

func (h *complaintHandlers) move(w http.ResponseWriter, r *http.Request) {
	h.staffAction(w, r, mayHandle, "status", "complaint.flash.moved", func(a *kit.Access, c *complaint.Complaint) error {
		return h.Complaints.Move(r.Context(), complaintActor(a), c, r.PostForm.Get("status"), r.PostForm.Get("reason"))
	})
}

func (h *complaintHandlers) answer(w http.ResponseWriter, r *http.Request) {
	h.staffAction(w, r, mayHandle, "answer", "complaint.flash.answered", func(a *kit.Access, c *complaint.Complaint) error {
		if c.Visibility == complaint.VisConfidential && !maySeePrivate(a, c) {
			return errConfidential
		}
		return h.Complaints.Answer(r.Context(), complaintActor(a), c, r.PostForm.Get("answer"))
	})
}

func (h *complaintHandlers) redact(w http.ResponseWriter, r *http.Request) {
	h.staffAction(w, r, mayManage, "phrase", "complaint.flash.redacted", func(a *kit.Access, c *complaint.Complaint) error {
		var event *int64
		if id, err := strconv.ParseInt(r.PostForm.Get("event"), 10, 64); err == nil && id > 0 {
			event = &id
		}
		return h.Complaints.Redact(r.Context(), complaintActor(a), c, event, r.PostForm.Get("phrase"), r.PostForm.Get("reason"))
	})
}

func (h *complaintHandlers) attachPhoto(w http.ResponseWriter, r *http.Request) {
	h.staffAction(w, r, mayHandle, "photo", "complaint.flash.photo", func(a *kit.Access, c *complaint.Complaint) error {
		data, _, err := kit.ReadFile(w, r, "photo", imaging.MaxUploadBytes)
		switch {
		case errors.Is(err, kit.ErrTooLarge):
			return imaging.ErrTooLarge
		case err != nil:
			return validate.Errors{"photo": "form.required"}
		}
		return h.Complaints.AttachPhoto(r.Context(), complaintActor(a), c, bytes.NewReader(data))
	})
}

// errConfidential refuses an answer to a confidential complaint from a
// member who may not read it.
var errConfidential = errors.New("complaint: confidential")

// staffPhoto shows the photo to those who may read the complaint's
// private part.
func (h *complaintHandlers) staffPhoto(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.staffComplaint(w, r, mayHandle)
	if !ok {
		return
	}
	if !maySeePrivate(a, c) && c.Visibility == complaint.VisConfidential {
		h.site.Forbidden(w, r)
		return
	}
	h.servePhoto(w, r, c)
}

func (h *complaintHandlers) paperForm(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayHandle)
	if !ok {
		return
	}
	h.renderForm(w, r, a, true, url.Values{}, nil)
}

// paperFile logs a complaint received on paper or by phone, with the
// date it was received (in the organisation's zone).
func (h *complaintHandlers) paperFile(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayHandle)
	if !ok {
		return
	}
	in, form, errs := h.readComplaint(w, r, a)
	in.Channel, in.LoggedBy = form.Get("channel"), complaintActor(a)
	if raw := form.Get("received_at"); raw != "" {
		t, err := time.ParseInLocation("2006-01-02T15:04", raw, region.Zone(a.Org.RegionCode))
		if err != nil {
			errs.Add("received_at", "form.invalid")
		} else {
			in.ReceivedAt = t
		}
	}
	h.create(w, r, a, in, form, errs, true)
}

// settingsPage shows the deadlines and the gateway webhook.
type settingsPage struct {
	Access     *kit.Access
	Settings   complaint.Settings
	WebhookURL string
	NewSecret  string // shown once, right after it was made
}

func (h *complaintHandlers) settings(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayManage)
	if !ok {
		return
	}
	st, err := h.Complaints.Settings(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	form := url.Values{"answer_hours": {strconv.Itoa(st.AnswerHours)}, "reopen_days": {strconv.Itoa(st.ReopenDays)}}
	h.renderSettings(w, r, a, st, "", form, nil)
}

func (h *complaintHandlers) renderSettings(w http.ResponseWriter, r *http.Request, a *kit.Access, st complaint.Settings,
	secret string, form url.Values, errs validate.Errors) {
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	p := settingsPage{Access: a, Settings: st, NewSecret: secret,
		WebhookURL: h.site.BaseURL() + "/api/v1/organizations/" + a.Org.Slug + "/complaints/inbound"}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_settings", Title: h.t(r, "complaint.settings.title"),
		Data: p, Status: status, Form: form, Errors: errs})
}

func (h *complaintHandlers) settingsSave(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayManage)
	if !ok {
		return
	}
	st, err := h.Complaints.Settings(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	errs := validate.Errors{}
	hours, err1 := strconv.Atoi(r.PostForm.Get("answer_hours"))
	days, err2 := strconv.Atoi(r.PostForm.Get("reopen_days"))
	if err1 != nil {
		errs.Add("answer_hours", "complaint.error.answer_hours")
	}
	if err2 != nil {
		errs.Add("reopen_days", "complaint.error.reopen_days")
	}
	st.AnswerHours, st.ReopenDays = hours, days
	if len(errs) == 0 {
		err := h.Complaints.SaveDeadlines(r.Context(), complaintActor(a), st)
		if !errors.As(err, &errs) && err != nil {
			h.site.ServerError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		h.renderSettings(w, r, a, st, "", r.PostForm, errs)
		return
	}
	h.site.Flash(w, "complaint.flash.settings")
	kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/pengaduan/pengaturan")
}

// webhookSecret makes a new secret and shows it once.
func (h *complaintHandlers) webhookSecret(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayManage)
	if !ok {
		return
	}
	secret, err := h.Complaints.NewWebhookSecret(r.Context(), complaintActor(a), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	st, err := h.Complaints.Settings(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	form := url.Values{"answer_hours": {strconv.Itoa(st.AnswerHours)}, "reopen_days": {strconv.Itoa(st.ReopenDays)}}
	h.renderSettings(w, r, a, st, secret, form, nil)
}
