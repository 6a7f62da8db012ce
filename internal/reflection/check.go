package reflection

import (
	"slices"
	"strings"
	"time"

	"lokadaya/internal/validate"
)

// Limits on what one field holds.
const (
	MaxTitle = 200
	MaxText  = 4000
	MaxName  = 120
)

// SessionInput is a session's form.
type SessionInput struct {
	Title, HeldOn, Place, Facilitator string
	PeriodFrom, PeriodTo, Purpose     string
	CycleID                           int64
	InitiativeIDs                     []int64
}

// Check reports what is wrong with the session's form.
func (in *SessionInput) Check() validate.Errors {
	e := validate.Errors{}
	in.Title = strings.TrimSpace(in.Title)
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	checkDay(e, "held_on", in.HeldOn, true)
	from := checkDay(e, "period_from", in.PeriodFrom, true)
	to := checkDay(e, "period_to", in.PeriodTo, true)
	if from && to && in.PeriodTo < in.PeriodFrom {
		e.Add("period_to", "reflection.err.period_order")
	}
	e.MaxLen("place", in.Place, MaxName)
	e.MaxLen("facilitator", in.Facilitator, MaxName)
	e.MaxLen("purpose", in.Purpose, MaxText)
	return e
}

// checkDay checks a YYYY-MM-DD field; it reports whether the field holds a day.
func checkDay(e validate.Errors, field, v string, required bool) bool {
	if v == "" {
		if required {
			e.Add(field, "reflection.err.day_required")
		}
		return false
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		e.Add(field, "reflection.err.day")
		return false
	}
	return true
}

// GroupInput is a participant group's form.
type GroupInput struct {
	Kind, Name          string
	Participants, Women int
	SatOn               string
}

// Check reports what is wrong with the group's form.
func (in *GroupInput) Check() validate.Errors {
	e := validate.Errors{}
	in.Name = strings.TrimSpace(in.Name)
	if !slices.Contains(GroupKinds, in.Kind) {
		e.Add("kind", "reflection.err.group_kind")
	}
	if e.Required("name", in.Name) {
		e.MaxLen("name", in.Name, MaxName)
	}
	if in.Participants < 0 || in.Participants > 100000 {
		e.Add("participants", "reflection.err.count")
	}
	if in.Women < 0 || in.Women > in.Participants {
		e.Add("women", "reflection.err.women")
	}
	checkDay(e, "sat_on", in.SatOn, false)
	return e
}

// checkText checks a required text of at most max characters.
func checkText(e validate.Errors, field, v string, max int) {
	if e.Required(field, v) {
		e.MaxLen(field, v, max)
	}
}

// FindingInput is a finding's form.
type FindingInput struct {
	Kind, Title, Body, AddressedTo string
	GroupID                        int64
}

// Check reports what is wrong with the finding's form.
func (in *FindingInput) Check() validate.Errors {
	e := validate.Errors{}
	in.Title, in.Body = strings.TrimSpace(in.Title), strings.TrimSpace(in.Body)
	in.AddressedTo = strings.TrimSpace(in.AddressedTo)
	if !slices.Contains(FindingKinds, in.Kind) {
		e.Add("kind", "reflection.err.finding_kind")
	}
	checkText(e, "title", in.Title, MaxTitle)
	e.MaxLen("body", in.Body, MaxText)
	if in.Kind == FindingRecommendation && in.AddressedTo == "" {
		e.Add("addressed_to", "reflection.err.addressed_to")
	}
	e.MaxLen("addressed_to", in.AddressedTo, MaxName)
	return e
}

// ActionInput is an action's form.
type ActionInput struct {
	What        string
	OwnerID     int64
	DueOn       string
	Budget      int64
	IndicatorID int64
	FindingID   int64
	Status      string
	Note        string
}

// Check reports what is wrong with the action's form.
func (in *ActionInput) Check() validate.Errors {
	e := validate.Errors{}
	in.What, in.Note = strings.TrimSpace(in.What), strings.TrimSpace(in.Note)
	checkText(e, "what", in.What, MaxTitle)
	if in.OwnerID <= 0 {
		e.Add("owner", "reflection.err.owner")
	}
	checkDay(e, "due_on", in.DueOn, true)
	if in.Budget < 0 {
		e.Add("budget", "reflection.err.budget")
	}
	if in.Status == "" {
		in.Status = ActionPlanned
	}
	if !slices.Contains(ActionStatuses, in.Status) {
		e.Add("status", "reflection.err.action_status")
	}
	e.MaxLen("note", in.Note, MaxText)
	return e
}

// errField is a validate.Errors of one field.
func errField(field, key string) error { return validate.Errors{field: key} }

// checkInput reports what is wrong with a group's input.
func checkInput(kind, body string) validate.Errors {
	e := validate.Errors{}
	if !slices.Contains(InputKinds, kind) {
		e.Add("kind", "reflection.err.input_kind")
	}
	checkText(e, "body", body, MaxText)
	return e
}
