package voice

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// apiComplaintRequest is a complaint filed through the API.
type apiComplaintRequest struct {
	Text       string `json:"text"`
	Initiative string `json:"initiative"` // an initiative's slug, optional
	Visibility string `json:"visibility"`
	Contact    string `json:"contact"`
	Name       string `json:"name"`
	Category   string `json:"category"`
}

// apiFiled is the answer to a filed complaint: the tracking code is the
// complainant's key to its status.
type apiFiled struct {
	Code   string    `json:"code"`
	Ref    string    `json:"ref"`
	Status string    `json:"status"`
	DueAt  time.Time `json:"due_at"`
	URL    string    `json:"url"`
}

// writeFiled answers 201 with a new complaint, 200 with one filed before.
func (h *complaintHandlers) writeFiled(w http.ResponseWriter, c *complaint.Complaint, created bool) {
	status := http.StatusCreated
	if !created {
		status = http.StatusOK
	}
	kit.JSON(w, status, apiFiled{Code: c.Code, Ref: c.Ref(), Status: c.Status, DueAt: c.DueAt,
		URL: h.site.BaseURL() + complaint.StatusPath(c.Code)})
}

func (h *complaintHandlers) apiNotFound(w http.ResponseWriter, r *http.Request) {
	kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "complaint.api.not_found"))
}

func (h *complaintHandlers) apiFile(w http.ResponseWriter, r *http.Request) {
	ctx, l := r.Context(), h.site.Lang(r)
	o, err := h.Orgs.BySlug(ctx, r.PathValue("slug"))
	if err != nil || o.Status == "rejected" || o.Status == "suspended" {
		h.apiNotFound(w, r)
		return
	}
	var req apiComplaintRequest
	if !kit.DecodeJSON(w, r, l, 16<<10, &req) || !h.allow(w, r, h.FileLimit, "file", true) {
		return
	}
	in := complaint.Input{OrgID: o.ID, Category: req.Category, Text: req.Text, Visibility: req.Visibility,
		ContactName: req.Name, Contact: req.Contact, Channel: complaint.ChannelWeb, Lang: string(l)}
	if key := r.Header.Get("Idempotency-Key"); key != "" {
		in.Token = "api:" + key
	}
	if req.Initiative != "" {
		i, err := h.Initiatives.BySlug(ctx, req.Initiative)
		if err != nil || i.OrgID != o.ID || !i.Published() {
			kit.APIValidation(w, l, validate.Errors{"initiative": "complaint.error.initiative"})
			return
		}
		in.InitiativeID = &i.ID
	}
	c, created, err := h.Complaints.Create(ctx, in)
	var verrs validate.Errors
	switch {
	case errors.As(err, &verrs):
		kit.APIValidation(w, l, verrs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.writeFiled(w, c, created)
	}
}

// apiEntry is one complaint of the public log.
type apiEntry struct {
	Code          string      `json:"code"` // the public reference, never the tracking code
	Category      string      `json:"category"`
	Status        string      `json:"status"`
	Initiative    string      `json:"initiative,omitempty"`
	ReceivedAt    time.Time   `json:"received_at"`
	DueAt         time.Time   `json:"due_at"`
	FirstAnswerAt *time.Time  `json:"first_answer_at"`
	HoursToAnswer *float64    `json:"hours_to_first_answer"`
	Overdue       bool        `json:"overdue"`
	Late          bool        `json:"late"`
	Escalated     bool        `json:"escalated"`
	Reopened      bool        `json:"reopened"`
	Rating        *int        `json:"rating"`
	Confidential  bool        `json:"confidential"`
	Text          string      `json:"text,omitempty"`
	Answers       []apiAnswer `json:"answers"`
	Redactions    int         `json:"redactions"`
}

type apiAnswer struct {
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
	Text string    `json:"text,omitempty"`
}

func toAPIEntry(e complaint.PublicEntry) apiEntry {
	out := apiEntry{Code: e.Ref, Category: e.Category, Status: e.Status, Initiative: e.InitiativeSlug,
		ReceivedAt: e.ReceivedAt, DueAt: e.DueAt, FirstAnswerAt: e.FirstAnswerAt, Overdue: e.Overdue, Late: e.Late,
		Escalated: e.Escalated, Reopened: e.Reopened, Confidential: e.Confidential, Text: e.Text,
		Answers: []apiAnswer{}, Redactions: len(e.Redactions)}
	if d, ok := e.TimeToFirstAnswer(); ok {
		hours := float64(d.Round(time.Minute)) / float64(time.Hour)
		out.HoursToAnswer = &hours
	}
	if e.Rating > 0 {
		out.Rating = &e.Rating
	}
	for _, a := range e.Answers {
		out.Answers = append(out.Answers, apiAnswer{Kind: a.Kind, At: a.At, Text: a.Text})
	}
	return out
}

// writeLog writes a page of the public log with its figures.
func (h *complaintHandlers) writeLog(w http.ResponseWriter, r *http.Request, f complaint.LogFilter) {
	if v := r.URL.Query().Get("cursor"); v != "" {
		before, err := strconv.ParseInt(v, 10, 64)
		if err != nil || before <= 0 {
			kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "complaint.api.cursor"))
			return
		}
		f.Before = before
	}
	entries, next, err := h.Complaints.PublicLog(r.Context(), f)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	figures, err := h.Complaints.Figures(r.Context(), f)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	items := make([]apiEntry, 0, len(entries))
	for _, e := range entries {
		items = append(items, toAPIEntry(e))
	}
	var cursor *string
	if next > 0 {
		c := strconv.FormatInt(next, 10)
		cursor = &c
	}
	fig := map[string]any{"total": figures.Total, "answered": figures.Answered, "decided": figures.Decided,
		"answered_on_time": figures.OnTime, "overdue": figures.Overdue, "escalated": figures.Escalated,
		"median_hours_to_first_answer": nil, "on_time_share": nil}
	if figures.Answered > 0 {
		fig["median_hours_to_first_answer"] = float64(figures.MedianFirstAnswer.Round(time.Minute)) / float64(time.Hour)
	}
	if p, ok := figures.OnTimePermille(); ok {
		fig["on_time_share"] = float64(p) / 1000
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items, "next": cursor, "figures": fig})
}

func (h *complaintHandlers) apiOrgLog(w http.ResponseWriter, r *http.Request) {
	o, err := h.Orgs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil || o.Status == "rejected" || o.Status == "suspended" {
		h.apiNotFound(w, r)
		return
	}
	h.writeLog(w, r, complaint.LogFilter{OrgID: o.ID})
}

func (h *complaintHandlers) apiInitiativeLog(w http.ResponseWriter, r *http.Request) {
	i, err := h.Initiatives.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil || !i.Published() {
		h.apiNotFound(w, r)
		return
	}
	o, err := h.Orgs.ByID(r.Context(), i.OrgID)
	if err != nil || o.Status == "rejected" || o.Status == "suspended" {
		h.apiNotFound(w, r)
		return
	}
	h.writeLog(w, r, complaint.LogFilter{OrgID: o.ID, InitiativeID: i.ID})
}

// apiStatus is the complainant's view by tracking code: their answers
// even when the complaint is confidential, and whether they may reopen.
func (h *complaintHandlers) apiStatus(w http.ResponseWriter, r *http.Request) {
	if !h.allow(w, r, h.LookupLimit, "lookup", true) {
		return
	}
	ctx := r.Context()
	c, err := h.Complaints.ByCode(ctx, r.PathValue("code"))
	if err != nil {
		h.apiNotFound(w, r)
		return
	}
	e, err := h.Complaints.PublicEntry(ctx, c)
	if err == nil {
		var events []complaint.Event
		if events, err = h.Complaints.Events(ctx, c.ID); err == nil {
			e.Answers = e.Answers[:0]
			for _, ev := range events {
				if slices.Contains(complaint.RedactableEvents, ev.Kind) {
					e.Answers = append(e.Answers, complaint.PublicAnswer{EventID: ev.ID, Kind: ev.Kind, At: ev.CreatedAt, Text: ev.Body})
				}
			}
		}
	}
	st, err2 := h.Complaints.Settings(ctx, c.OrgID)
	if err != nil || err2 != nil {
		h.site.ServerError(w, r, errors.Join(err, err2))
		return
	}
	out := toAPIEntry(*e)
	out.Text = c.Body
	kit.JSON(w, http.StatusOK, map[string]any{"code": c.Code, "ref": c.Ref(), "complaint": out,
		"can_rate": c.CanRate(), "can_reopen": c.CanReopen(h.now(), st.ReopenWithin())})
}

// apiInbound is the gateway webhook: 201 filed, 200 a message seen
// before, 401 a bad signature or timestamp, 422 bad content.
func (h *complaintHandlers) apiInbound(w http.ResponseWriter, r *http.Request) {
	ctx, l := r.Context(), h.site.Lang(r)
	o, err := h.Orgs.BySlug(ctx, r.PathValue("slug"))
	if err != nil {
		h.apiNotFound(w, r)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, complaint.MaxInboundBytes))
	if err != nil {
		kit.APIError(w, http.StatusRequestEntityTooLarge, "too_large", h.t(r, "complaint.api.too_large"))
		return
	}
	c, created, err := h.Complaints.ReceiveSigned(ctx, o.ID, r.Header, body)
	var verrs validate.Errors
	switch {
	case errors.Is(err, complaint.ErrSignature), errors.Is(err, complaint.ErrStale), errors.Is(err, complaint.ErrNoSecret):
		kit.APIError(w, http.StatusUnauthorized, "signature", h.t(r, "complaint.api.signature"))
	case errors.Is(err, complaint.ErrInbound):
		kit.APIError(w, http.StatusUnprocessableEntity, "invalid", h.t(r, "complaint.api.inbound"))
	case errors.As(err, &verrs):
		kit.APIValidation(w, l, verrs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.writeFiled(w, c, created)
	}
}
