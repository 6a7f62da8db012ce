package org

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Input is an organisation profile as typed into the form. Form field names
// are given beside each field; errors are reported under the same names.
type Input struct {
	Name        string   // name
	Kind        string   // kind ("" for an OMS)
	Slug        string   // slug (optional: generated from the name)
	LegalForm   string   // legal_form
	AktaNumber  string   // akta_number
	SKAHU       string   // sk_ahu
	NPWP        string   // npwp
	Address     string   // address
	RegionCode  string   // region
	FocusIssues []string // focus_issues
	Vision      string   // vision
	Mission     string   // mission
	FoundedYear string   // founded_year
	Email       string   // email
	Phone       string   // phone
	Website     string   // website
}

// InputFrom reads an Input from a submitted form; the region code is passed
// separately because the region picker spreads it over several fields.
func InputFrom(form url.Values, regionCode string) Input {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	return Input{
		Name: g("name"), Kind: g("kind"), Slug: strings.ToLower(g("slug")), LegalForm: g("legal_form"),
		AktaNumber: g("akta_number"), SKAHU: g("sk_ahu"), NPWP: g("npwp"), Address: g("address"),
		RegionCode: regionCode, FocusIssues: form["focus_issues"], Vision: g("vision"),
		Mission: g("mission"), FoundedYear: g("founded_year"), Email: g("email"),
		Phone: g("phone"), Website: g("website"),
	}
}

// Form is the inverse of InputFrom: an organisation as form values, for
// the edit page to start from.
func (o *Organization) Form() url.Values {
	f := url.Values{
		"name": {o.Name}, "kind": {string(o.Kind)}, "slug": {o.Slug}, "legal_form": {o.LegalForm},
		"akta_number": {o.AktaNumber}, "sk_ahu": {o.SKAHU}, "npwp": {FormatNPWP(o.NPWP)},
		"address": {o.Address}, "region": {o.RegionCode}, "vision": {o.Vision},
		"mission": {o.Mission}, "email": {o.Email}, "phone": {o.Phone}, "website": {o.Website},
		"focus_issues": append([]string(nil), o.FocusIssues...),
	}
	if o.FoundedYear > 0 {
		f.Set("founded_year", strconv.Itoa(o.FoundedYear))
	}
	return f
}

// check validates everything that needs no database and returns the
// cleaned profile. The region's existence and the slug's uniqueness are
// the store's to check.
func (in Input) check(now time.Time) (Organization, validate.Errors) {
	e := validate.Errors{}
	o := Organization{Name: in.Name, Slug: in.Slug, LegalForm: in.LegalForm,
		AktaNumber: in.AktaNumber, Address: in.Address, RegionCode: in.RegionCode,
		Vision: in.Vision, Mission: in.Mission}

	if n := utf8.RuneCountInString(in.Name); n < 3 || n > 120 {
		e.Add("name", "org.err.name")
	}
	if in.Slug != "" && !ValidSlug(in.Slug) {
		e.Add("slug", "org.err.slug")
	}
	o.Kind = KindOMS
	if in.Kind != "" {
		o.Kind = Kind(in.Kind)
		if !o.Kind.Valid() {
			e.Add("kind", "org.err.kind")
		}
	}
	// A legal form is an OMS's; another actor may name one or none.
	if (o.IsOMS() || in.LegalForm != "") && !ValidLegalForm(in.LegalForm) {
		e.Add("legal_form", "org.err.legal_form")
	}
	if o.IsOMS() && NeedsAkta(in.LegalForm) {
		e.Required("akta_number", in.AktaNumber)
	}
	e.MaxLen("akta_number", in.AktaNumber, 100)
	if in.SKAHU != "" {
		sk, year, ok := ParseSKAHU(in.SKAHU)
		if !ok || year < 1900 || year > now.Year() {
			e.Add("sk_ahu", "org.err.sk_ahu")
		}
		o.SKAHU = sk
	}
	if in.NPWP != "" {
		d, ok := ParseNPWP(in.NPWP)
		if !ok {
			e.Add("npwp", "org.err.npwp")
		}
		o.NPWP = d
	}
	e.MaxLen("address", in.Address, 300)
	if in.RegionCode == "" {
		e.Add("region", "org.err.region")
	}
	seen := map[string]bool{}
	for _, k := range in.FocusIssues {
		if !ValidFocusIssue(k) {
			e.Add("focus_issues", "org.err.focus_issues")
			continue
		}
		if !seen[k] {
			seen[k] = true
			o.FocusIssues = append(o.FocusIssues, k)
		}
	}
	e.MaxLen("vision", in.Vision, 2000)
	e.MaxLen("mission", in.Mission, 2000)
	if in.FoundedYear != "" {
		y, err := strconv.Atoi(in.FoundedYear)
		if err != nil || y < 1900 || y > now.Year() {
			e.Add("founded_year", "org.err.founded_year")
		}
		o.FoundedYear = y
	}
	in.checkContacts(&o, e)
	return o, e
}

// checkContacts validates the optional e-mail, phone and website.
func (in Input) checkContacts(o *Organization, e validate.Errors) {
	if in.Email != "" {
		o.Email = strings.ToLower(in.Email)
		if !validate.Email(o.Email) {
			e.Add("email", "org.err.email")
		}
	}
	if in.Phone != "" {
		p, ok := validate.Phone(in.Phone)
		if !ok {
			e.Add("phone", "org.err.phone")
		}
		o.Phone = p
	}
	if in.Website != "" {
		o.Website = in.Website
		if !ValidWebsite(in.Website) {
			e.Add("website", "org.err.website")
		}
	}
}

// ValidWebsite reports whether s is an absolute http or https address.
func ValidWebsite(s string) bool {
	if len(s) > 300 {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		!strings.ContainsAny(u.Host, " \"'<>")
}

// joinIssues and splitIssues store focus issues as a comma-separated list
// of keys; keys never contain commas.
func joinIssues(keys []string) string { return strings.Join(keys, ",") }

func splitIssues(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
