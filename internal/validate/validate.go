// Package validate collects what is wrong with a user's input, field by
// field, as message keys the web layer translates.
package validate

import (
	"net/mail"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Errors maps a form field to the i18n key of what is wrong with it.
type Errors map[string]string

// Error lists the fields in error, so Errors can travel as an error value.
func (e Errors) Error() string {
	fields := make([]string, 0, len(e))
	for f, k := range e {
		fields = append(fields, f+": "+k)
	}
	sort.Strings(fields)
	return "invalid input: " + strings.Join(fields, ", ")
}

// Add records the first problem found with field.
func (e Errors) Add(field, key string) {
	if _, ok := e[field]; !ok {
		e[field] = key
	}
}

// Err returns e as an error, or nil when nothing is wrong.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// Required records form.required when value is blank.
func (e Errors) Required(field, value string) bool {
	if strings.TrimSpace(value) == "" {
		e.Add(field, "form.required")
		return false
	}
	return true
}

// MaxLen records form.too_long when value has more than n characters.
func (e Errors) MaxLen(field, value string, n int) bool {
	if utf8.RuneCountInString(value) > n {
		e.Add(field, "form.too_long")
		return false
	}
	return true
}

// Email reports whether s is a plain e-mail address (no display name).
func Email(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@'):], ".")
}

var nonDigits = regexp.MustCompile(`[^0-9]`)

// Phone normalises an Indonesian phone number to +62… form: 0812-3456-789,
// 62812…, +62 812… all become +628123456789. It reports false when the
// number cannot be Indonesian (8 to 13 digits after the country code).
func Phone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	plus := strings.HasPrefix(s, "+")
	d := nonDigits.ReplaceAllString(s, "")
	switch {
	case strings.HasPrefix(d, "62"):
		d = d[2:]
	case plus:
		return "", false // another country's code
	case strings.HasPrefix(d, "0"):
		d = d[1:]
	}
	if len(d) < 8 || len(d) > 13 || d[0] == '0' {
		return "", false
	}
	return "+62" + d, true
}
