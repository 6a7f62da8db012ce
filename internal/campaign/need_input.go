package campaign

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/validate"
)

// NeedInput is a need form, read and checked.
type NeedInput struct {
	Kind, Title, Description string
	Target                   int64
	Unit                     string
	ItemValue                *int64
	Skills, Schedule, Place  string
	PetitionText             string
}

// ParseNeed reads and checks a need form. Targets and values are typed
// the Indonesian way ("1.500.000"); what a kind does not use is dropped.
func ParseNeed(form url.Values) (NeedInput, validate.Errors) {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	in := NeedInput{Kind: g("kind"), Title: g("title"), Description: g("description")}
	e := validate.Errors{}
	if !ValidKind(in.Kind) {
		e.Add("kind", "campaign.err.kind")
		return in, e
	}
	switch n := utf8.RuneCountInString(in.Title); {
	case n == 0:
		e.Add("title", "campaign.err.need_title")
	case n > MaxTitle:
		e.Add("title", "form.too_long")
	}
	e.MaxLen("description", in.Description, MaxText)
	if in.Kind != KindKeahlian && in.Kind != KindKemitraan {
		in.Target = parseTarget(e, "target", g("target"), in.Kind == KindDana)
	}
	switch in.Kind {
	case KindBarang:
		in.Unit = g("unit")
		if in.Unit == "" {
			e.Add("unit", "campaign.err.unit")
		}
		e.MaxLen("unit", in.Unit, 40)
		if v := g("item_value"); v != "" {
			n, err := cycletool.ParseRupiah(v)
			if err != nil {
				e.Add("item_value", cycletool.AmountErrKey(err))
			} else {
				in.ItemValue = &n
			}
		}
	case KindRelawan:
		in.Skills, in.Schedule, in.Place = g("skills"), g("schedule"), g("place")
		for k, v := range map[string]string{"skills": in.Skills, "schedule": in.Schedule, "place": in.Place} {
			e.MaxLen(k, v, 500)
		}
	case KindAdvokasi:
		in.PetitionText = strings.TrimSpace(strings.ReplaceAll(form.Get("petition_text"), "\r\n", "\n"))
		if in.PetitionText == "" {
			e.Add("petition_text", "campaign.err.petition")
		}
		e.MaxLen("petition_text", in.PetitionText, MaxPetition)
	}
	return in, e
}

// parseTarget reads a positive whole number: rupiah when money is
// asked for, else a count (goods, volunteers, signatures), whose mistakes
// are not told in rupiah.
func parseTarget(e validate.Errors, field, v string, money bool) int64 {
	n, err := cycletool.ParseRupiah(v)
	switch {
	case err != nil && !money && (errors.Is(err, cycletool.ErrAmountInvalid) || errors.Is(err, cycletool.ErrAmountDecimal)):
		e.Add(field, "campaign.err.count")
	case err != nil:
		e.Add(field, cycletool.AmountErrKey(err))
	case n <= 0:
		e.Add(field, "campaign.err.target")
	}
	return n
}

// Form is the need as form values, for its edit form.
func (n *Need) Form() url.Values {
	f := url.Values{"kind": {n.Kind}, "title": {n.Title}, "description": {n.Description}, "unit": {n.Unit},
		"skills": {n.Skills}, "schedule": {n.Schedule}, "place": {n.Place}, "petition_text": {n.PetitionText}}
	if n.Countable() {
		f.Set("target", strconv.FormatInt(n.Target, 10))
	}
	if n.ItemValue != nil {
		f.Set("item_value", strconv.FormatInt(*n.ItemValue, 10))
	}
	return f
}
