package voice

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/imaging"
	"lokadaya/internal/initiative"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// complaintForm is the public form (and the staff's paper form).
type complaintForm struct {
	Access       *kit.Access
	Initiatives  []*initiative.Initiative
	Categories   []string
	Visibilities []string
	Channels     []string // the paper form's: kertas, telepon
	Action       string
	Staff        bool
}

// publishedInitiatives are the organisation's initiatives a complaint may
// be about.
func (h *complaintHandlers) publishedInitiatives(ctx context.Context, orgID int64) ([]*initiative.Initiative, error) {
	list, _, err := h.Initiatives.List(ctx, initiative.ListOptions{OrgID: orgID})
	var out []*initiative.Initiative
	for _, i := range list {
		if i.Published() {
			out = append(out, i)
		}
	}
	return out, err
}

func (h *complaintHandlers) renderForm(w http.ResponseWriter, r *http.Request, a *kit.Access, staff bool,
	form url.Values, errs validate.Errors) {
	list, err := h.publishedInitiatives(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := complaintForm{Access: a, Initiatives: list, Categories: complaint.Categories,
		Visibilities: complaint.Visibilities, Action: "/organisasi/" + a.Org.Slug + "/adukan", Staff: staff}
	title := h.t(r, "complaint.form.title", a.Org.Name)
	if staff {
		p.Channels, p.Action = complaint.StaffChannels, "/organisasi/"+a.Org.Slug+"/pengaduan/catat"
		title = h.t(r, "complaint.paper.title")
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	if form.Get("token") == "" {
		form.Set("token", rand.Text())
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

func (h *complaintHandlers) form(w http.ResponseWriter, r *http.Request) {
	a, ok := h.publicOrg(w, r)
	if !ok {
		return
	}
	form := url.Values{"initiative": {r.URL.Query().Get("inisiatif")}}
	h.renderForm(w, r, a, false, form, nil)
}

// readComplaint reads the form (multipart when a photo comes along) into
// an Input. A photo is checked before anything is stored.
func (h *complaintHandlers) readComplaint(w http.ResponseWriter, r *http.Request, a *kit.Access) (complaint.Input, url.Values, validate.Errors) {
	data, _, ferr := kit.ReadFile(w, r, "photo", imaging.MaxUploadBytes)
	if r.PostForm == nil {
		_ = r.ParseForm()
	}
	form := r.PostForm
	in := complaint.Input{OrgID: a.Org.ID, Category: form.Get("category"), Text: form.Get("text"),
		Visibility: form.Get("visibility"), ContactName: form.Get("contact_name"), Contact: form.Get("contact"),
		Channel: complaint.ChannelWeb, Lang: string(h.site.Lang(r)), Token: form.Get("token")}
	errs := validate.Errors{}
	if slug := form.Get("initiative"); slug != "" {
		i, err := h.Initiatives.BySlug(r.Context(), slug)
		if err != nil || i.OrgID != a.Org.ID || !i.Published() {
			errs.Add("initiative", "complaint.error.initiative")
		} else {
			in.InitiativeID = &i.ID
		}
	}
	switch {
	case errors.Is(ferr, kit.ErrTooLarge):
		errs.Add("photo", "org.image.too_large")
	case ferr == nil && len(data) > 0:
		img, err := complaint.PreparePhoto(bytes.NewReader(data))
		if key := complaint.PhotoErrorKey(err); key != "" {
			errs.Add("photo", key)
		} else if err == nil {
			in.Photo = img
		}
	}
	return in, form, errs
}

func (h *complaintHandlers) file(w http.ResponseWriter, r *http.Request) {
	a, ok := h.publicOrg(w, r)
	if !ok || !h.allow(w, r, h.FileLimit, "file", false) {
		return
	}
	in, form, errs := h.readComplaint(w, r, a)
	h.create(w, r, a, in, form, errs, false)
}

// create files the complaint or shows the form again with what is wrong.
func (h *complaintHandlers) create(w http.ResponseWriter, r *http.Request, a *kit.Access, in complaint.Input,
	form url.Values, errs validate.Errors, staff bool) {
	for f, k := range in.Check(h.now()) {
		errs.Add(f, k)
	}
	if len(errs) > 0 {
		h.renderForm(w, r, a, staff, form, errs)
		return
	}
	c, _, err := h.Complaints.Create(r.Context(), in)
	var verrs validate.Errors
	switch {
	case errors.As(err, &verrs):
		h.renderForm(w, r, a, staff, form, verrs)
	case err != nil:
		h.site.ServerError(w, r, err)
	case staff:
		h.site.Flash(w, "complaint.flash.logged")
		kit.Redirect(w, r, complaint.StaffPath(a.Org.Slug, c.Code))
	default:
		kit.Redirect(w, r, complaint.StatusPath(c.Code)+"?baru=1")
	}
}

// lookup sends a typed tracking code to its status page. A code left
// empty, badly formed or unknown shows the form again, with what was
// typed and why it leads nowhere. Looking up a well-formed code counts
// against the caller's lookups, like opening a status page.
func (h *complaintHandlers) lookup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	raw := strings.TrimSpace(q.Get("kode"))
	var errKey string
	status := http.StatusOK
	switch code, ok := complaint.NormalizeCode(raw); {
	case !q.Has("kode"):
		// The form, not yet sent.
	case raw == "":
		errKey, status = "complaint.error.code_empty", http.StatusUnprocessableEntity
	case !ok:
		errKey, status = "complaint.error.code", http.StatusUnprocessableEntity
	default:
		if !h.allow(w, r, h.LookupLimit, "lookup", false) {
			return
		}
		c, err := h.Complaints.ByCode(r.Context(), code)
		switch {
		case errors.Is(err, db.ErrNotFound):
			errKey, status = "complaint.error.code_unknown", http.StatusNotFound
		case err != nil:
			h.site.ServerError(w, r, err)
			return
		default:
			kit.Redirect(w, r, complaint.StatusPath(c.Code))
			return
		}
	}
	var errs validate.Errors
	if errKey != "" {
		errs = validate.Errors{"kode": errKey}
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_lookup", Title: h.t(r, "complaint.lookup.title"),
		Status: status, Form: url.Values{"kode": {raw}}, Errors: errs})
}

// statusPage is what the complainant sees with the tracking code.
type statusPage struct {
	C           *complaint.Complaint
	Access      *kit.Access
	Entry       *complaint.PublicEntry
	Answers     []complaint.Event
	New         bool
	CanReopen   bool
	ReopenUntil time.Time
	Now         time.Time
	Ratings     []int
}

// byCode loads the {code} complaint for its complainant; a wrong code
// counts against the caller's lookups.
func (h *complaintHandlers) byCode(w http.ResponseWriter, r *http.Request) (*complaint.Complaint, *kit.Access, bool) {
	if !h.allow(w, r, h.LookupLimit, "lookup", false) {
		return nil, nil, false
	}
	c, err := h.Complaints.ByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	a, ok := kit.AccessOf(h.site, h.Orgs, w, r, c.OrgID)
	return c, a, ok
}

func (h *complaintHandlers) status(w http.ResponseWriter, r *http.Request) {
	c, a, ok := h.byCode(w, r)
	if !ok {
		return
	}
	if c.Code != r.PathValue("code") {
		kit.Redirect(w, r, complaint.StatusPath(c.Code))
		return
	}
	h.renderStatus(w, r, c, a, nil, http.StatusOK)
}

func (h *complaintHandlers) renderStatus(w http.ResponseWriter, r *http.Request, c *complaint.Complaint, a *kit.Access,
	errs validate.Errors, status int) {
	ctx := r.Context()
	entry, err := h.Complaints.PublicEntry(ctx, c)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	events, err := h.Complaints.Events(ctx, c.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	st, err := h.Complaints.Settings(ctx, c.OrgID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := statusPage{C: c, Access: a, Entry: entry, New: r.URL.Query().Get("baru") == "1", Now: h.now(),
		Ratings: []int{1, 2, 3, 4, 5}}
	for _, e := range events {
		if !e.Internal {
			p.Answers = append(p.Answers, e)
		}
	}
	p.CanReopen = c.CanReopen(p.Now, st.ReopenWithin())
	if c.ClosedAt != nil {
		p.ReopenUntil = c.ClosedAt.Add(st.ReopenWithin())
	}
	var form url.Values
	if r.Method == http.MethodPost {
		form = r.PostForm
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_status", Title: h.t(r, "complaint.status.title", c.Code),
		Data: p, Status: status, Form: form, Errors: errs})
}

func (h *complaintHandlers) now() time.Time {
	if h.Complaints.Now != nil {
		return h.Complaints.Now()
	}
	return db.Now()
}

// complainantAction runs rate or reopen and shows the status page again,
// with the refusal when there is one.
func (h *complaintHandlers) complainantAction(w http.ResponseWriter, r *http.Request, field string,
	do func(c *complaint.Complaint) error, flash string) {
	c, a, ok := h.byCode(w, r)
	if !ok {
		return
	}
	err := do(c)
	var verrs validate.Errors
	switch {
	case errors.As(err, &verrs):
		h.renderStatus(w, r, c, a, verrs, http.StatusUnprocessableEntity)
	case errorKey(err) != "":
		h.renderStatus(w, r, c, a, validate.Errors{field: errorKey(err)}, http.StatusConflict)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, flash)
		kit.Redirect(w, r, complaint.StatusPath(c.Code))
	}
}

func (h *complaintHandlers) rate(w http.ResponseWriter, r *http.Request) {
	h.complainantAction(w, r, "rating", func(c *complaint.Complaint) error {
		n, err := strconv.Atoi(r.PostForm.Get("rating"))
		if err != nil {
			return validate.Errors{"rating": "complaint.error.rating"}
		}
		return h.Complaints.Rate(r.Context(), c, n)
	}, "complaint.flash.rated")
}

func (h *complaintHandlers) reopen(w http.ResponseWriter, r *http.Request) {
	h.complainantAction(w, r, "reason", func(c *complaint.Complaint) error {
		return h.Complaints.Reopen(r.Context(), c, r.PostForm.Get("reason"))
	}, "complaint.flash.reopened")
}

// publicPhoto shows the complainant their own photo.
func (h *complaintHandlers) publicPhoto(w http.ResponseWriter, r *http.Request) {
	c, _, ok := h.byCode(w, r)
	if !ok {
		return
	}
	h.servePhoto(w, r, c)
}

func (h *complaintHandlers) servePhoto(w http.ResponseWriter, r *http.Request, c *complaint.Complaint) {
	rc, ctype, err := h.Complaints.Photo(r.Context(), c)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	defer rc.Close()
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = io.Copy(w, rc)
}
