package commitment

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a commitment as typed in its form.
type Input struct {
	Who, Position, Office, Kind, Level, What string
	MadeOn, Event, Place, DueOn              string
	Evidence, EvidenceURL, RegionCode        string
	NextFollowUp                             string
	Published                                bool
}

// FromForm reads the commitment form.
func FromForm(f url.Values) Input {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	return Input{Who: get("who"), Position: get("position"), Office: get("office"), Kind: get("kind"),
		Level: get("level"), What: get("what"), MadeOn: get("made_on"), Event: get("event"), Place: get("place"),
		DueOn: get("due_on"), Evidence: get("evidence"), EvidenceURL: get("evidence_url"),
		RegionCode: region.FromForm(f), NextFollowUp: get("next_follow_up"), Published: f.Get("published") == "1"}
}

// Form is the commitment as form values, for its edit page.
func (c *Commitment) Form() url.Values {
	f := region.FormValues(c.RegionCode)
	for k, v := range map[string]string{"who": c.Who, "position": c.Position, "office": c.Office, "kind": c.Kind,
		"level": c.Level, "what": c.What, "made_on": c.MadeOn, "event": c.Event, "place": c.Place, "due_on": c.DueOn,
		"evidence": c.Evidence, "evidence_url": c.EvidenceURL, "next_follow_up": c.NextFollowUp} {
		f.Set(k, v)
	}
	if c.Published {
		f.Set("published", "1")
	}
	return f
}

// Check validates the input on the day today (YYYY-MM-DD in the
// organisation's zone); whether the region exists is the store's question.
func (in *Input) Check(today string) validate.Errors {
	e := validate.Errors{}
	if e.Required("who", in.Who) {
		e.MaxLen("who", in.Who, MaxName)
	}
	e.MaxLen("position", in.Position, MaxShort)
	e.MaxLen("office", in.Office, MaxShort)
	if !slices.Contains(Kinds, in.Kind) {
		e.Add("kind", "commitment.err.kind")
	}
	if in.Level != "" && !slices.Contains(Levels, in.Level) {
		e.Add("level", "commitment.err.level")
	}
	if e.Required("what", in.What) {
		e.MaxLen("what", in.What, MaxWhat)
	}
	e.MaxLen("event", in.Event, MaxShort)
	e.MaxLen("place", in.Place, MaxShort)
	e.MaxLen("evidence", in.Evidence, MaxText)
	if day(e, "made_on", in.MadeOn, true) && in.MadeOn > today {
		e.Add("made_on", "commitment.err.made_future")
	}
	if day(e, "due_on", in.DueOn, false) && in.DueOn != "" && in.MadeOn != "" && in.DueOn < in.MadeOn {
		e.Add("due_on", "commitment.err.due_before")
	}
	if day(e, "next_follow_up", in.NextFollowUp, false) && in.NextFollowUp != "" && in.MadeOn != "" && in.NextFollowUp < in.MadeOn {
		e.Add("next_follow_up", "commitment.err.next_before")
	}
	if in.EvidenceURL != "" && (!WebURL(in.EvidenceURL) || !e.MaxLen("evidence_url", in.EvidenceURL, MaxURL)) {
		e.Add("evidence_url", "commitment.err.url")
	}
	checkText(e, "who", in.Who, in.Position, in.Office, in.What, in.Event, in.Place, in.Evidence, in.EvidenceURL)
	return e
}

// day checks a YYYY-MM-DD field: required or "" allowed. It reports
// whether the value is usable for comparisons.
func day(e validate.Errors, field, v string, required bool) bool {
	if v == "" {
		if required {
			e.Add(field, "form.required")
			return false
		}
		return true
	}
	d, err := time.Parse(DateLayout, v)
	if err != nil || d.Year() < 1945 || d.Year() > 2100 {
		e.Add(field, "commitment.err.date")
		return false
	}
	return true
}

// checkText refuses control characters and broken UTF-8 in any text.
func checkText(e validate.Errors, field string, texts ...string) {
	for _, s := range texts {
		if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			e.Add(field, "commitment.err.text")
		}
	}
}

// WebURL reports whether s is an absolute http or https address with a
// host.
func WebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\r\n")
}

// FollowUpInput is a follow-up as typed in its form.
type FollowUpInput struct {
	DoneOn, Action, By, Status string
	// NextFollowUp, when given, becomes the commitment's next follow-up
	// day; "" clears it.
	NextFollowUp string
}

// FollowUpFromForm reads the follow-up form.
func FollowUpFromForm(f url.Values) FollowUpInput {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	return FollowUpInput{DoneOn: get("done_on"), Action: get("action"), By: get("by"), Status: get("status"),
		NextFollowUp: get("next_follow_up")}
}

// Check validates a follow-up of c on the day today.
func (in *FollowUpInput) Check(c *Commitment, today string) validate.Errors {
	e := validate.Errors{}
	if day(e, "done_on", in.DoneOn, true) {
		switch {
		case in.DoneOn > today:
			e.Add("done_on", "commitment.err.follow_future")
		case in.DoneOn < c.MadeOn:
			e.Add("done_on", "commitment.err.follow_before")
		}
	}
	if e.Required("action", in.Action) {
		e.MaxLen("action", in.Action, MaxText)
	}
	e.MaxLen("by", in.By, MaxShort)
	if !slices.Contains(Statuses, in.Status) {
		e.Add("status", "commitment.err.status")
	}
	if day(e, "next_follow_up", in.NextFollowUp, false) && in.NextFollowUp != "" && in.DoneOn != "" && in.NextFollowUp < in.DoneOn {
		e.Add("next_follow_up", "commitment.err.next_before_follow")
	}
	checkText(e, "action", in.Action, in.By)
	return e
}
