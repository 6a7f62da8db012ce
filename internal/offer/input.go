package offer

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Input is the public offer form as typed.
type Input struct {
	Kind        string
	Name        string
	Institution string
	Body        string
	Email       string
	Phone       string
	ShowName    bool // an individual may be named among the partners once agreed
	Kabar       bool // wants the campaign's news by e-mail
	Token       string
}

// FromForm reads the offer form: "kind", "name", "institution", "body",
// "email", "phone", the checkboxes "show_name" and "kabar", and the
// one-time "token". Names are trimmed and their inner spaces collapsed.
func FromForm(f url.Values) Input {
	return Input{
		Kind:        strings.TrimSpace(f.Get("kind")),
		Name:        oneLine(f.Get("name")),
		Institution: oneLine(f.Get("institution")),
		Body:        cleanText(f.Get("body")),
		Email:       strings.TrimSpace(f.Get("email")),
		Phone:       strings.TrimSpace(f.Get("phone")),
		ShowName:    f.Get("show_name") != "",
		Kabar:       f.Get("kabar") != "",
		Token:       strings.TrimSpace(f.Get("token")),
	}
}

// Check validates in and normalises the phone number in place. The
// institution is required of every kind but individu, and dropped for an
// individu; show_name only means something for an individu.
func (in *Input) Check() validate.Errors {
	e := validate.Errors{}
	if e.Required("kind", in.Kind) && !ValidKind(in.Kind) {
		e.Add("kind", "form.invalid")
	}
	text(e, "name", in.Name, MaxName, true)
	if in.Kind == KindPerson {
		in.Institution = ""
	} else {
		in.ShowName = false
		text(e, "institution", in.Institution, MaxInstitution, in.Kind != "")
	}
	text(e, "body", in.Body, MaxBody, true)
	if e.Required("email", in.Email) && !validate.Email(in.Email) {
		e.Add("email", "offer.err.email")
	}
	if in.Phone != "" {
		if p, ok := validate.Phone(in.Phone); ok {
			in.Phone = p
		} else {
			e.Add("phone", "offer.err.phone")
		}
	}
	if len(in.Token) < minToken || len(in.Token) > MaxToken {
		e.Add("token", "offer.err.token")
	}
	return e
}

// CheckBody validates a reply or a reason: required, valid UTF-8, at most
// n runes. It returns the cleaned text.
func CheckBody(field, s string, n int) (string, validate.Errors) {
	s = cleanText(s)
	e := validate.Errors{}
	text(e, field, s, n, true)
	return s, e
}

// text checks one text field: required when asked, valid UTF-8, no longer
// than n runes.
func text(e validate.Errors, field, s string, n int, required bool) {
	if required && !e.Required(field, s) {
		return
	}
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		e.Add(field, "offer.err.text")
		return
	}
	e.MaxLen(field, s, n)
}

// oneLine trims s and collapses its runs of spaces and line breaks.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanText trims s and turns Windows line ends into plain ones, so that
// a long text keeps its paragraphs.
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
