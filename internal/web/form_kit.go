package web

import (
	"html/template"
	"sort"
	"strings"

	"lokadaya/internal/i18n"
)

// ErrorSummaryID is the id of a form's error summary. Forms post to their
// action plus "#error-summary", so that without JavaScript the browser
// scrolls to (and focuses) the summary of a refused form; app.js focuses it
// too. A successful POST redirects elsewhere, where no such id exists.
const ErrorSummaryID = "error-summary"

// SummaryItem is one line of a form's error summary: the message, after
// the field's label when the form declared it, linking to the field.
type SummaryItem struct {
	Href    string
	Label   string
	Message string
}

// FieldError is what the "field-message" partial shows under a field: the
// translated message and the id the field's aria-describedby points at.
type FieldError struct {
	ID      string
	Message string
}

// FormSummary is what the "form-errors" partial receives from View.Fields:
// the form's fields in order, so the summary names and links to each
// wrong one.
type FormSummary struct {
	v      *View
	fields []summaryField
}

type summaryField struct{ name, id, label string }

// Fields declares a form's fields for its error summary as pairs of field
// name and label key, in the order they appear: "name", "org.field.name",
// … A name may carry the id of its input after "#" when the two differ
// ("amount#amount_custom").
func (v *View) Fields(pairs ...string) *FormSummary {
	s := &FormSummary{v: v}
	for i := 0; i+1 < len(pairs); i += 2 {
		name, id, _ := strings.Cut(pairs[i], "#")
		if id == "" {
			id = name
		}
		f := summaryField{name: name, id: id}
		if pairs[i+1] != "" { // "" for a field without a label of its own
			f.label = v.T(pairs[i+1])
		}
		s.fields = append(s.fields, f)
	}
	return s
}

// T translates a message key, for the partial.
func (s *FormSummary) T(key string, args ...any) string { return s.v.T(key, args...) }

// SummaryItems lists the declared fields that are in error, in form
// order, then any other error of the page by its message alone.
func (s *FormSummary) SummaryItems() []SummaryItem {
	var items []SummaryItem
	declared := map[string]bool{}
	for _, f := range s.fields {
		declared[f.name] = true
		if msg := s.v.Err(f.name); msg != "" {
			items = append(items, SummaryItem{Href: "#" + f.id, Label: f.label, Message: msg})
		}
	}
	for _, item := range s.v.SummaryItems() {
		if !declared[strings.TrimPrefix(item.Href, "#"+fieldErrorID(""))] {
			items = append(items, item)
		}
	}
	return items
}

// SummaryItems lists every error of the page by its message, linking to
// the message under its field, for forms that declare no fields.
func (v *View) SummaryItems() []SummaryItem {
	names := make([]string, 0, len(v.Errors))
	for name := range v.Errors {
		names = append(names, name)
	}
	sort.Strings(names)
	items := make([]SummaryItem, 0, len(names))
	for _, name := range names {
		items = append(items, SummaryItem{Href: "#" + fieldErrorID(name), Message: v.Err(name)})
	}
	return items
}

// FieldError is the message of field for the "field-message" partial.
func (v *View) FieldError(field string) FieldError {
	return FieldError{ID: fieldErrorID(field), Message: v.Err(field)}
}

// Aria is the aria-invalid and aria-describedby attributes of field's
// input: the hints given (ids of elements describing it) and, when the
// field is in error, its message.
func (v *View) Aria(field string, hints ...string) template.HTMLAttr {
	var b strings.Builder
	if v.Err(field) != "" {
		b.WriteString(` aria-invalid="true"`)
		hints = append(hints, fieldErrorID(field))
	}
	if len(hints) > 0 {
		b.WriteString(` aria-describedby="` + template.HTMLEscapeString(strings.Join(hints, " ")) + `"`)
	}
	return template.HTMLAttr(b.String())
}

// Required is the visible mark after a required field's label.
func (v *View) Required() template.HTML {
	return template.HTML(` <span class="required">(` + template.HTMLEscapeString(i18n.T(v.Lang, "form.required_mark")) + `)</span>`)
}

// fieldErrorID is the id of a field's message.
func fieldErrorID(field string) string { return "err-" + field }
