package cadre

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a cadre as typed in the form.
type Input struct {
	Name, Role, RegionCode, Phone, Email, Level string
	Skills                                      []string
	Active                                      bool
	// Signup is the volunteer sign-up chosen, "" for none.
	Signup string

	phone    string
	signupID *int64
}

// FromForm reads the cadre form.
func FromForm(f url.Values) Input {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	return Input{Name: get("name"), Role: get("role"), RegionCode: region.FromForm(f), Phone: get("phone"),
		Email: get("email"), Level: get("level"), Skills: SplitSkills(f.Get("skills")), Active: f.Get("active") == "1",
		Signup: get("signup")}
}

// SplitSkills reads a list of skills typed one a line or separated by
// commas: trimmed, empty ones dropped, each kept once.
func SplitSkills(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part != "" && !slices.Contains(out, part) {
			out = append(out, part)
		}
	}
	return out
}

// Form is the cadre as form values, for its edit page.
func (c *Cadre) Form() url.Values {
	f := region.FormValues(c.RegionCode)
	for k, v := range map[string]string{"name": c.Name, "role": c.Role, "phone": c.Phone, "email": c.Email,
		"level": c.Level, "skills": strings.Join(c.Skills, "\n")} {
		f.Set(k, v)
	}
	if c.Active {
		f.Set("active", "1")
	}
	if c.SignupID != nil {
		f.Set("signup", strconv.FormatInt(*c.SignupID, 10))
	}
	return f
}

// Check validates the input's shape; whether the region and the sign-up
// exist is the store's question.
func (in *Input) Check() validate.Errors {
	e := validate.Errors{}
	if e.Required("name", in.Name) {
		e.MaxLen("name", in.Name, MaxName)
	}
	if e.Required("role", in.Role) {
		e.MaxLen("role", in.Role, MaxRole)
	}
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	}
	if !slices.Contains(Levels, in.Level) {
		e.Add("level", "cadre.err.level")
	}
	in.phone = ""
	if in.Phone != "" {
		p, ok := validate.Phone(in.Phone)
		if !ok {
			e.Add("phone", "cadre.err.phone")
		}
		in.phone = p
	}
	if in.Email != "" && (!validate.Email(in.Email) || len(in.Email) > MaxEmail) {
		e.Add("email", "cadre.err.email")
	}
	if len(strings.Join(in.Skills, "\n")) > MaxSkills {
		e.Add("skills", "form.too_long")
	}
	for _, s := range in.Skills {
		e.MaxLen("skills", s, MaxSkill)
	}
	in.signupID = nil
	if in.Signup != "" {
		id, err := strconv.ParseInt(in.Signup, 10, 64)
		if err != nil || id <= 0 {
			e.Add("signup", "cadre.err.signup")
		} else {
			in.signupID = &id
		}
	}
	checkText(e, "name", append([]string{in.Name, in.Role, in.Email}, in.Skills...)...)
	return e
}

func checkText(e validate.Errors, field string, texts ...string) {
	for _, s := range texts {
		if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			e.Add(field, "cadre.err.text")
		}
	}
}

// day checks a required YYYY-MM-DD field not after today.
func day(e validate.Errors, field, v, today string) {
	d, err := time.Parse(DateLayout, v)
	switch {
	case v == "":
		e.Add(field, "form.required")
	case err != nil || d.Year() < 1945:
		e.Add(field, "cadre.err.date")
	case v > today:
		e.Add(field, "cadre.err.future")
	}
}

// TrainingInput is a training as typed in its form.
type TrainingInput struct{ Name, TakenOn, Organiser string }

// TrainingFromForm reads the training form.
func TrainingFromForm(f url.Values) TrainingInput {
	return TrainingInput{Name: strings.TrimSpace(f.Get("training_name")), TakenOn: strings.TrimSpace(f.Get("taken_on")),
		Organiser: strings.TrimSpace(f.Get("organiser"))}
}

// Check validates a training on the day today.
func (in *TrainingInput) Check(today string) validate.Errors {
	e := validate.Errors{}
	if e.Required("training_name", in.Name) {
		e.MaxLen("training_name", in.Name, MaxText)
	}
	day(e, "taken_on", in.TakenOn, today)
	e.MaxLen("organiser", in.Organiser, MaxText)
	checkText(e, "training_name", in.Name, in.Organiser)
	return e
}

// ActivityInput is a led activity as typed in its form.
type ActivityInput struct{ Name, DoneOn string }

// ActivityFromForm reads the activity form.
func ActivityFromForm(f url.Values) ActivityInput {
	return ActivityInput{Name: strings.TrimSpace(f.Get("activity_name")), DoneOn: strings.TrimSpace(f.Get("done_on"))}
}

// Check validates an activity on the day today.
func (in *ActivityInput) Check(today string) validate.Errors {
	e := validate.Errors{}
	if e.Required("activity_name", in.Name) {
		e.MaxLen("activity_name", in.Name, MaxText)
	}
	day(e, "done_on", in.DoneOn, today)
	checkText(e, "activity_name", in.Name)
	return e
}
