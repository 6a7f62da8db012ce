package petition

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a signature form as typed, already read.
type Input struct {
	Name      string
	Email     string // normalised: trimmed, lower case
	Region    string // the deepest consistent region of the picker; "" when none
	Comment   string
	Anonymous bool
	News      bool   // the "kabar" box: the campaign's news by e-mail
	Lang      string // "id" or "en"; set by the caller
}

// FromForm reads the signature form: "name", "email", the region picker's
// fields (or a whole code in "region"), "comment", "anonymous" and
// "kabar".
func FromForm(f url.Values) Input {
	return Input{
		Name:      strings.Join(strings.Fields(f.Get("name")), " "),
		Email:     NormalizeEmail(f.Get("email")),
		Region:    region.FromForm(f),
		Comment:   strings.TrimSpace(strings.ReplaceAll(f.Get("comment"), "\r\n", "\n")),
		Anonymous: f.Get("anonymous") != "",
		News:      f.Get("kabar") != "",
	}
}

// NormalizeEmail is the stored form of an e-mail: trimmed, lower case.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// KabOf is the kabupaten/kota code of a region code at that level or
// deeper, or "" for a province or a malformed code.
func KabOf(code string) string {
	if region.Depth(code) < 2 {
		return ""
	}
	return code[:5] // "32.73"
}

// Check validates in: a name, a valid e-mail and a region of at least a
// kabupaten/kota are required; the comment is optional. Whether the
// region exists is the store's to check.
func (in *Input) Check() validate.Errors {
	e := validate.Errors{}
	for field, v := range map[string]string{"name": in.Name, "comment": in.Comment} {
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			e.Add(field, "petition.err.text")
		}
	}
	e.Required("name", in.Name)
	e.MaxLen("name", in.Name, MaxName)
	e.MaxLen("comment", in.Comment, MaxComment)
	switch {
	case in.Email == "":
		e.Add("email", "form.required")
	case len(in.Email) > MaxEmail || !validate.Email(in.Email):
		e.Add("email", "petition.err.email")
	}
	switch {
	case in.Region == "":
		e.Add("region", "petition.err.region_required")
	case KabOf(in.Region) == "":
		e.Add("region", "petition.err.region_kab")
	}
	if in.Lang != "en" {
		in.Lang = "id"
	}
	return e
}
