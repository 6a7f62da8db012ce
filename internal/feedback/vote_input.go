package feedback

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Limits of a vote's optional fields, in characters.
const (
	MaxNote        = 500
	MaxServiceType = 80
)

// Form fields of the phone page.
const (
	FieldColour      = "warna"
	FieldNote        = "catatan"
	FieldServiceType = "layanan"
)

// VoteInput is a vote as sent by the phone page.
type VoteInput struct {
	Colour, Note, ServiceType string
}

// ParseVote reads and checks the phone page's form: warna is merah, kuning
// or hijau; catatan (the note) and layanan (the service type) are
// optional, plain text of limited length. HTML in a note is kept as text
// and shown escaped.
func ParseVote(form url.Values) (VoteInput, validate.Errors) {
	in := VoteInput{
		Colour:      strings.ToLower(strings.TrimSpace(form.Get(FieldColour))),
		Note:        strings.TrimSpace(form.Get(FieldNote)),
		ServiceType: strings.TrimSpace(form.Get(FieldServiceType)),
	}
	e := validate.Errors{}
	if !ValidColour(in.Colour) {
		e.Add(FieldColour, "feedback.err.colour")
	}
	if !plainText(in.Note, true) {
		e.Add(FieldNote, "feedback.err.text")
	} else {
		e.MaxLen(FieldNote, in.Note, MaxNote)
	}
	if !plainText(in.ServiceType, false) {
		e.Add(FieldServiceType, "feedback.err.text")
	} else {
		e.MaxLen(FieldServiceType, in.ServiceType, MaxServiceType)
	}
	return in, e
}

// plainText reports whether s is valid UTF-8 without control characters
// (line breaks allowed in multi-line text).
func plainText(s string, multiline bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}
