package forum

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// ForumInput is a forum as written.
type ForumInput struct {
	Title, Issue, RegionCode, HeldOn, Place      string
	ProposalID, OrgID                            int64
	Counts                                       map[string]int
	Causes, Implications, Initiatives, DataNeeds string
	Published                                    bool
	// Datasets are the catalogue datasets the forum cites; nil leaves
	// the cited set as it is.
	Datasets []int64

	formErrs validate.Errors
}

func trimmed(form url.Values, k string) string { return strings.TrimSpace(form.Get(k)) }

// ForumFromForm reads the forum form: title, issue, proposal (an id, may
// be empty), the region picker, held_on, place, org (an id, may be
// empty), n_<group> counts, the four texts and published.
func ForumFromForm(form url.Values) ForumInput {
	in := ForumInput{Title: trimmed(form, "title"), Issue: trimmed(form, "issue"), RegionCode: region.FromForm(form),
		HeldOn: trimmed(form, "held_on"), Place: trimmed(form, "place"), Counts: map[string]int{},
		Causes: trimmed(form, "causes"), Implications: trimmed(form, "implications"),
		Initiatives: trimmed(form, "initiatives"), DataNeeds: trimmed(form, "data_needs"),
		Published: form.Get("published") != "", formErrs: validate.Errors{}}
	in.ProposalID = readID(in.formErrs, form, "proposal")
	if form.Get("datasets_shown") != "" {
		in.Datasets = readIDs(in.formErrs, form, "dataset")
	}
	in.OrgID = readID(in.formErrs, form, "org")
	for _, g := range Groups {
		s := trimmed(form, "n_"+g)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > MaxCount {
			in.formErrs.Add("n_"+g, "forum.err.count")
			continue
		}
		in.Counts[g] = n
	}
	return in
}

// readID reads an optional id field: 0 when empty.
func readID(e validate.Errors, form url.Values, k string) int64 {
	s := strings.TrimPrefix(trimmed(form, k), "#")
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		e.Add(k, "forum.err.id")
		return 0
	}
	return n
}

// readIDs reads the ids of a repeated field (the dataset picker's
// checkboxes); never nil.
func readIDs(e validate.Errors, form url.Values, k string) []int64 {
	out := []int64{}
	for _, s := range form[k] {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || n <= 0 {
			e.Add(k, "forum.err.id")
			continue
		}
		out = append(out, n)
	}
	return out
}

// Form is the forum as form values, for its edit page.
func (f *Forum) Form() url.Values {
	v := url.Values{"title": {f.Title}, "issue": {f.Issue}, region.FieldCode: {f.RegionCode}, "held_on": {f.HeldOn},
		"place": {f.Place}, "causes": {f.Causes}, "implications": {f.Implications}, "initiatives": {f.Initiatives},
		"data_needs": {f.DataNeeds}}
	if f.ProposalID != 0 {
		v.Set("proposal", strconv.FormatInt(f.ProposalID, 10))
	}
	if f.OrgID != 0 {
		v.Set("org", strconv.FormatInt(f.OrgID, 10))
	}
	for g, n := range f.Counts {
		v.Set("n_"+g, strconv.Itoa(n))
	}
	if f.Published {
		v.Set("published", "1")
	}
	return v
}

func (in *ForumInput) check() validate.Errors {
	e := validate.Errors{}
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	required(e, "title", in.Title, MaxTitle)
	required(e, "issue", in.Issue, MaxText)
	checkDay(e, "held_on", in.HeldOn)
	optional(e, "place", in.Place, MaxShort)
	optional(e, "causes", in.Causes, MaxText)
	optional(e, "implications", in.Implications, MaxText)
	optional(e, "initiatives", in.Initiatives, MaxText)
	optional(e, "data_needs", in.DataNeeds, MaxText)
	for g, n := range in.Counts {
		if !slices.Contains(Groups, g) || n < 0 || n > MaxCount {
			e.Add("n_"+g, "forum.err.count")
		}
	}
	return e
}

func required(e validate.Errors, field, v string, max int) {
	if e.Required(field, v) {
		optional(e, field, v, max)
	}
}

func optional(e validate.Errors, field, v string, max int) {
	if e.MaxLen(field, v, max) && !plainText(v) {
		e.Add(field, "forum.err.text")
	}
}

func checkDay(e validate.Errors, field, v string) {
	if !e.Required(field, v) {
		return
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		e.Add(field, "forum.err.day")
	}
}

// plainText reports whether s is valid text without control characters.
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == 0 || (unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t') {
			return false
		}
	}
	return true
}

// TeamInput is a team as written.
type TeamInput struct{ Name, Purpose string }

// TeamFromForm reads name and purpose.
func TeamFromForm(form url.Values) TeamInput {
	return TeamInput{Name: trimmed(form, "name"), Purpose: trimmed(form, "purpose")}
}

func (in *TeamInput) check() validate.Errors {
	e := validate.Errors{}
	required(e, "name", in.Name, MaxTitle)
	optional(e, "purpose", in.Purpose, MaxText)
	return e
}

// MemberInput is a person joining a team: the web layer finds the
// account by e-mail; OrgID (0 for none) and OrgName say where they come
// from.
type MemberInput struct {
	UserID     int64
	Side, Role string
	OrgID      int64
	OrgName    string
}

func (in *MemberInput) check() validate.Errors {
	e := validate.Errors{}
	if in.UserID <= 0 {
		e.Add("email", "forum.err.no_account")
	}
	if !slices.Contains(MemberSides, in.Side) {
		e.Add("side", "forum.err.side")
	}
	if !slices.Contains(Roles, in.Role) {
		e.Add("role", "forum.err.role")
	}
	in.OrgName = strings.TrimSpace(in.OrgName)
	optional(e, "org_name", in.OrgName, MaxTitle)
	return e
}

// ActivityInput is a plan activity as written.
type ActivityInput struct {
	What, StartsOn, DueOn, Indicator, Datasets, Status string
	OwnerID, Budget                                    int64
	// Cite are catalogue datasets added to the plan's citations.
	Cite []int64

	formErrs validate.Errors
}

// ActivityFromForm reads what, owner (a user id), starts_on, due_on,
// budget (rupiah as typed), indicator, datasets and status.
func ActivityFromForm(form url.Values) ActivityInput {
	in := ActivityInput{What: trimmed(form, "what"), StartsOn: trimmed(form, "starts_on"), DueOn: trimmed(form, "due_on"),
		Indicator: trimmed(form, "indicator"), Datasets: trimmed(form, "datasets"), Status: trimmed(form, "status"),
		formErrs: validate.Errors{}}
	in.OwnerID = readID(in.formErrs, form, "owner")
	in.Cite = readIDs(in.formErrs, form, "dataset")
	if s := trimmed(form, "budget"); s != "" {
		n, err := cycletool.ParseRupiah(s)
		if err != nil {
			in.formErrs.Add("budget", cycletool.AmountErrKey(err))
		} else {
			in.Budget = n
		}
	}
	if in.Status == "" {
		in.Status = Statuses[0]
	}
	return in
}

// Form is the activity as form values.
func (a *Activity) Form() url.Values {
	return url.Values{"what": {a.What}, "owner": {strconv.FormatInt(a.OwnerID, 10)}, "starts_on": {a.StartsOn},
		"due_on": {a.DueOn}, "budget": {strconv.FormatInt(a.Budget, 10)}, "indicator": {a.Indicator},
		"datasets": {a.Datasets}, "status": {a.Status}}
}

func (in *ActivityInput) check() validate.Errors {
	e := validate.Errors{}
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	required(e, "what", in.What, MaxShort)
	if in.OwnerID <= 0 {
		if _, done := e["owner"]; !done {
			e.Add("owner", "forum.err.owner")
		}
	}
	checkDay(e, "starts_on", in.StartsOn)
	checkDay(e, "due_on", in.DueOn)
	if _, bad := e["starts_on"]; !bad {
		if _, bad := e["due_on"]; !bad && in.DueOn < in.StartsOn {
			e.Add("due_on", "forum.err.due_before_start")
		}
	}
	if in.Budget < 0 || in.Budget > cycletool.MaxAmount {
		e.Add("budget", "tools.err.amount_invalid")
	}
	optional(e, "indicator", in.Indicator, MaxShort)
	optional(e, "datasets", in.Datasets, MaxShort)
	if !slices.Contains(Statuses, in.Status) {
		e.Add("status", "forum.err.status")
	}
	return e
}

// SittingInput is a reflection sitting as written: its side, date,
// participants count, a score (1–5) for every question and notes.
type SittingInput struct {
	Side, HeldOn, Notes string
	Participants        int
	Scores              map[string]int

	formErrs validate.Errors
}

// SittingFromForm reads side, held_on, participants, q_<question> and
// notes.
func SittingFromForm(form url.Values) SittingInput {
	in := SittingInput{Side: trimmed(form, "side"), HeldOn: trimmed(form, "held_on"), Notes: trimmed(form, "notes"),
		Scores: map[string]int{}, formErrs: validate.Errors{}}
	if s := trimmed(form, "participants"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > MaxCount {
			in.formErrs.Add("participants", "forum.err.count")
		}
		in.Participants = n
	}
	for _, q := range Questions {
		if s := trimmed(form, "q_"+q); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				n = -1
			}
			in.Scores[q] = n
		}
	}
	return in
}

func (in *SittingInput) check() validate.Errors {
	e := validate.Errors{}
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	if !slices.Contains(SittingSides, in.Side) {
		e.Add("side", "forum.err.side")
	}
	checkDay(e, "held_on", in.HeldOn)
	if in.Participants < 0 || in.Participants > MaxCount {
		e.Add("participants", "forum.err.count")
	}
	for _, q := range Questions {
		if n, ok := in.Scores[q]; !ok || n < 1 || n > 5 {
			e.Add("q_"+q, "forum.err.score")
		}
	}
	for q := range in.Scores {
		if !slices.Contains(Questions, q) {
			e.Add("q_"+q, "forum.err.score")
		}
	}
	optional(e, "notes", in.Notes, MaxText)
	return e
}
