package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Input is what an admin submits to create or edit a hub.
type Input struct {
	Slug        string
	Name        string
	Description string
	// Regions are region codes at any level.
	Regions []string
	// Coordinators are e-mail addresses of existing accounts.
	Coordinators []string
}

// InputError says what is wrong with an Input, field by field, and which
// region codes and e-mail addresses were not found.
type InputError struct {
	Errors         validate.Errors
	UnknownRegions []string
	UnknownEmails  []string
}

func (e *InputError) Error() string { return "hub: " + e.Errors.Error() }

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedSlugs would clash with the fixed paths under /simpul/.
var reservedSlugs = map[string]bool{"saya": true, "baru": true}

// ParseList splits what a person typed into a textarea — one item per
// line or separated by commas, semicolons or spaces — trimming blanks and
// dropping duplicates while keeping the order.
func ParseList(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == '\n' || r == '\r' || r == ' ' || r == '\t'
	})
	seen := map[string]bool{}
	var out []string
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// normalize trims the input and lower-cases what is case-insensitive.
func (in *Input) normalize() {
	in.Slug = strings.ToLower(strings.TrimSpace(in.Slug))
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	in.Regions = ParseList(strings.Join(in.Regions, "\n"))
	emails := make([]string, 0, len(in.Coordinators))
	for _, e := range in.Coordinators {
		emails = append(emails, account.NormalizeEmail(e))
	}
	in.Coordinators = ParseList(strings.Join(emails, "\n"))
}

// check validates the fields that need no database.
func (in *Input) check() validate.Errors {
	errs := validate.Errors{}
	if errs.Required("name", in.Name) {
		if n := utf8.RuneCountInString(in.Name); n < 3 {
			errs.Add("name", "hub.name_short")
		}
		errs.MaxLen("name", in.Name, 120)
	}
	if errs.Required("slug", in.Slug) {
		switch {
		case len(in.Slug) > 60:
			errs.Add("slug", "form.too_long")
		case !slugPattern.MatchString(in.Slug):
			errs.Add("slug", "hub.slug_invalid")
		case reservedSlugs[in.Slug]:
			errs.Add("slug", "hub.slug_taken")
		}
	}
	errs.MaxLen("description", in.Description, 2000)
	if len(in.Regions) == 0 {
		errs.Add("regions", "hub.regions_required")
	}
	return errs
}

// resolve validates in against the database and returns the coordinators'
// user ids. Hub id is the hub being edited (0 when creating).
func resolve(ctx context.Context, q db.Querier, in *Input, id int64) ([]int64, error) {
	in.normalize()
	ie := &InputError{Errors: in.check()}
	for _, code := range in.Regions {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, code).Scan(&n); err != nil {
			return nil, fmt.Errorf("hub: check region: %w", err)
		}
		if n == 0 {
			ie.UnknownRegions = append(ie.UnknownRegions, code)
		}
	}
	if len(ie.UnknownRegions) > 0 {
		ie.Errors.Add("regions", "hub.regions_unknown")
	}
	var ids []int64
	for _, email := range in.Coordinators {
		var uid int64
		err := q.QueryRow(ctx, `SELECT id FROM users WHERE email = ?`, email).Scan(&uid)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			ie.UnknownEmails = append(ie.UnknownEmails, email)
		case err != nil:
			return nil, fmt.Errorf("hub: check coordinator: %w", err)
		default:
			ids = append(ids, uid)
		}
	}
	if len(ie.UnknownEmails) > 0 {
		ie.Errors.Add("coordinators", "hub.coordinators_unknown")
	}
	if in.Slug != "" && ie.Errors["slug"] == "" {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM hubs WHERE slug = ? AND id <> ?`, in.Slug, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("hub: check slug: %w", err)
		}
		if n > 0 {
			ie.Errors.Add("slug", "hub.slug_taken")
		}
	}
	if len(ie.Errors) > 0 {
		return nil, ie
	}
	return ids, nil
}

func slugTaken() error {
	return &InputError{Errors: validate.Errors{"slug": "hub.slug_taken"}}
}

// summary is the audit detail of a hub change.
func (in *Input) summary() string {
	return fmt.Sprintf("%s (%s); regions: %s; coordinators: %s", in.Name, in.Slug,
		strings.Join(in.Regions, ", "), strings.Join(in.Coordinators, ", "))
}
