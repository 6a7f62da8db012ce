// Package volunteer keeps the people who sign up as relawan for a
// campaign's relawan needs: no account needed, one sign-up per e-mail per
// need, and never more pending and accepted sign-ups than the need has
// slots, under any concurrency. The organisation accepts or declines each
// sign-up, marks no-shows, sets when the activity takes place and logs the
// hours each volunteer gave.
package volunteer

import (
	"strings"
	"time"
)

// Statuses of a sign-up. Pending and accepted hold a slot; waiting is the
// waiting list, taken when the need was full.
const (
	StatusPending  = "pending"
	StatusWaiting  = "waiting"
	StatusAccepted = "accepted"
	StatusDeclined = "declined"
	StatusAbsent   = "absent"
)

// Statuses lists every status, in the order the organisation's page
// groups them.
var Statuses = []string{StatusPending, StatusWaiting, StatusAccepted, StatusAbsent, StatusDeclined}

// Limits of the form, in runes (bytes for the token).
const (
	MaxName         = 100
	MaxText         = 500
	MaxReason       = 300
	MaxNote         = 200
	MaxToken        = 100
	minToken        = 16
	MaxMinutesOnDay = 24 * 60
)

// Signup is one person's offer to fill a relawan need.
type Signup struct {
	ID            int64
	CampaignID    int64
	NeedID        int64
	OrgID         int64
	Name          string
	Email         string
	Phone         string
	RegionCode    string
	Skills        string
	Availability  string
	HideName      bool
	Lang          string // "id" or "en": the language of the form used
	Status        string
	DeclineReason string
	FormToken     string
	CreatedAt     time.Time
	DecidedAt     *time.Time
	DecidedBy     *int64

	Minutes int64 // hours logged so far, in minutes (filled by lists)
}

// Active reports whether the sign-up holds a slot.
func (s *Signup) Active() bool { return s.Status == StatusPending || s.Status == StatusAccepted }

// FirstName is how public pages name the volunteer: the first word of the
// name, or "" when they asked not to be named.
func (s *Signup) FirstName() string {
	if s.HideName {
		return ""
	}
	f := strings.Fields(s.Name)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// Activity is when a need's activity takes place.
type Activity struct {
	NeedID int64
	Starts time.Time // UTC
	Ends   time.Time // UTC
}

// Slots is how a need's slots stand.
type Slots struct {
	Target   int64 // the need's slots
	Pending  int64
	Accepted int64
	Waiting  int64
	Minutes  int64 // hours given, in minutes, by every volunteer of the need
}

// Taken is how many slots pending and accepted sign-ups hold.
func (s Slots) Taken() int64 { return s.Pending + s.Accepted }

// Left is how many slots are still free.
func (s Slots) Left() int64 { return max(s.Target-s.Taken(), 0) }

// Full reports whether no slot is free.
func (s Slots) Full() bool { return s.Left() == 0 }

// Hours is a log line of hours given.
type Hours struct {
	ID        int64
	SignupID  int64
	Day       string // YYYY-MM-DD in the organisation's zone
	Minutes   int64
	Note      string
	CreatedBy *int64
	CreatedAt time.Time
}

// Actor is who decides, for the audit log.
type Actor struct {
	ID   int64
	Name string
}

// Target is the need a sign-up is for; the caller resolves it from the
// public page (an open campaign's relawan need).
type Target struct {
	CampaignID int64
	NeedID     int64
	OrgID      int64
}

// NeedInfo is what the e-mails say about a need and its campaign.
type NeedInfo struct {
	NeedID        int64
	Role          string
	Place         string
	Schedule      string
	CampaignTitle string
	CampaignSlug  string
	OrgName       string
	OrgRegion     string
	Activity      *Activity
}

// FormatMinutes writes minutes as hours and minutes, "2j 30m" style
// left to the caller's language: it returns whole hours and the rest.
func FormatMinutes(m int64) (hours, minutes int64) { return m / 60, m % 60 }
