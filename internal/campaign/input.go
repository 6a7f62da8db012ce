package campaign

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/ledger"
	"lokadaya/internal/validate"
)

// Limits of the fields, in characters.
const (
	MaxTitle    = 120
	MaxStory    = 20000
	MaxPermit   = 100
	MaxText     = 2000
	MaxPetition = 5000
)

// PermitMaxMonths is the longest validity of a public-fundraising permit.
const PermitMaxMonths = 3

const dateLayout = "2006-01-02"

// Input is a campaign form, read and checked.
type Input struct {
	Title, Story, Scheme string
	// Fund is what money the campaign collects: ledger.FundUmum (also
	// when blank) or ledger.FundZakatInfak.
	Fund             string
	StartsAt, EndsAt *time.Time
	Permit           Permit
}

// Parse reads and checks a campaign form. Dates are days (YYYY-MM-DD) in
// zone, the organisation's own time: the campaign starts at the start of
// its first day and ends at the end of its last day.
func Parse(form url.Values, zone *time.Location) (Input, validate.Errors) {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	in := Input{Title: g("title"), Story: strings.TrimSpace(strings.ReplaceAll(form.Get("story"), "\r\n", "\n")),
		Scheme: g("scheme")}
	e := validate.Errors{}
	switch n := utf8.RuneCountInString(in.Title); {
	case n == 0:
		e.Add("title", "campaign.err.title")
	case n > MaxTitle:
		e.Add("title", "form.too_long")
	}
	e.MaxLen("story", in.Story, MaxStory)
	if in.Scheme != "" && !slices.Contains(Schemes(), in.Scheme) {
		e.Add("scheme", "campaign.err.scheme")
	}
	if in.Fund = g("fund"); in.Fund != "" && !slices.Contains(ledger.Funds, in.Fund) {
		e.Add("fund", "campaign.err.fund")
	}
	in.StartsAt = parseDay(e, "starts_at", g("starts_at"), zone)
	if end := parseDay(e, "ends_at", g("ends_at"), zone); end != nil {
		t := end.AddDate(0, 0, 1) // the end of the last day
		in.EndsAt = &t
	}
	if in.StartsAt != nil && in.EndsAt != nil && !in.EndsAt.After(*in.StartsAt) {
		e.Add("ends_at", "campaign.err.ends_before")
	}
	in.Permit = parsePermit(e, g, zone)
	return in, e
}

// parsePermit reads the optional permit: all of it or none of it, valid
// for at most PermitMaxMonths.
func parsePermit(e validate.Errors, g func(string) string, zone *time.Location) Permit {
	p := Permit{Number: g("pub_permit_number"), Issuer: g("pub_permit_issuer")}
	p.From = parseDay(e, "pub_permit_from", g("pub_permit_from"), zone)
	p.Until = parseDay(e, "pub_permit_until", g("pub_permit_until"), zone)
	if p.Number == "" && p.Issuer == "" && p.From == nil && p.Until == nil {
		return Permit{}
	}
	if p.Number == "" {
		e.Add("pub_permit_number", "campaign.err.permit_incomplete")
	}
	e.MaxLen("pub_permit_number", p.Number, MaxPermit)
	if !slices.Contains(PermitIssuers, p.Issuer) {
		e.Add("pub_permit_issuer", "campaign.err.permit_issuer")
	}
	if p.From == nil {
		e.Add("pub_permit_from", "campaign.err.permit_incomplete")
	}
	if p.Until == nil {
		e.Add("pub_permit_until", "campaign.err.permit_incomplete")
	}
	if p.From != nil && p.Until != nil {
		switch {
		case p.Until.Before(*p.From):
			e.Add("pub_permit_until", "campaign.err.permit_order")
		case p.Until.After(p.From.AddDate(0, PermitMaxMonths, 0)):
			e.Add("pub_permit_until", "campaign.err.permit_long")
		}
	}
	return p
}

// parseDay reads a YYYY-MM-DD day at midnight in zone; blank is nil.
func parseDay(e validate.Errors, field, v string, zone *time.Location) *time.Time {
	if v == "" {
		return nil
	}
	t, err := time.ParseInLocation(dateLayout, v, zone)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		e.Add(field, "campaign.err.date")
		return nil
	}
	t = t.UTC()
	return &t
}

// day formats t as YYYY-MM-DD in zone; "" for nil.
func day(t *time.Time, zone *time.Location) string {
	if t == nil {
		return ""
	}
	return t.In(zone).Format(dateLayout)
}

// LastDay is the campaign's last day, in zone (EndsAt is the end of it).
func (c *Campaign) LastDay(zone *time.Location) *time.Time {
	if c.EndsAt == nil {
		return nil
	}
	t := c.EndsAt.In(zone).AddDate(0, 0, -1)
	return &t
}

// Form is the campaign as form values, for its edit page.
func (c *Campaign) Form(zone *time.Location) url.Values {
	return url.Values{"title": {c.Title}, "story": {c.Story}, "scheme": {c.Scheme}, "fund": {c.Fund},
		"starts_at": {day(c.StartsAt, zone)}, "ends_at": {day(c.LastDay(zone), zone)},
		"pub_permit_number": {c.Permit.Number}, "pub_permit_issuer": {c.Permit.Issuer},
		"pub_permit_from": {day(c.Permit.From, zone)}, "pub_permit_until": {day(c.Permit.Until, zone)}}
}

// PublishErrors lists what a campaign lacks to go public at now: at least
// one need, a scheme, and a start and an end still ahead.
func (c *Campaign) PublishErrors(now time.Time) validate.Errors {
	e := validate.Errors{}
	if len(c.Needs) == 0 {
		e.Add("needs", "campaign.err.needs")
	}
	if c.Scheme == "" {
		e.Add("scheme", "campaign.err.scheme")
	}
	if c.StartsAt == nil {
		e.Add("starts_at", "campaign.err.starts")
	}
	switch {
	case c.EndsAt == nil:
		e.Add("ends_at", "campaign.err.ends")
	case !c.EndsAt.After(now):
		e.Add("ends_at", "campaign.err.ends_past")
	}
	return e
}
