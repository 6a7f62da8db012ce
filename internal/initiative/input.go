package initiative

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Limits of the fields, in characters.
const (
	MaxName    = 80
	MaxTagline = 160
	MaxText    = 10000
	MaxRegions = 200
)

// textFields are the long free-text fields with their form names.
var textFields = []string{"problem", "vision_link", "framework", "advantages", "stakeholder_scheme",
	"communication_sheet", "expected_results", "cost_recovery"}

// Input is an initiative form as typed, before it is stored.
type Input struct {
	Name, Tagline, Category string
	Text                    map[string]string // textFields by form name
	Regions                 []string
	AssetIDs                []int64
}

// FromForm reads an initiative form. Regions come from repeated "regions"
// fields and from the "region_codes" textarea (codes separated by spaces,
// commas or new lines); assets from repeated "assets" fields.
func FromForm(form url.Values) Input {
	in := Input{Name: strings.TrimSpace(form.Get("name")), Tagline: strings.TrimSpace(form.Get("tagline")),
		Category: strings.TrimSpace(form.Get("category")), Text: map[string]string{}}
	for _, f := range textFields {
		in.Text[f] = strings.TrimSpace(strings.ReplaceAll(form.Get(f), "\r\n", "\n"))
	}
	raw := append([]string(nil), form["regions"]...)
	raw = append(raw, strings.FieldsFunc(form.Get("region_codes"), func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})...)
	in.Regions = raw
	for _, v := range form["assets"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			in.AssetIDs = append(in.AssetIDs, id)
		}
	}
	return in
}

// Check validates the input's shape (not whether regions and assets
// exist, which the store checks) and normalises region codes. A draft
// needs only a name; the rest is checked again when publishing.
func (in *Input) Check() validate.Errors {
	e := validate.Errors{}
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		e.Add("name", "initiative.err.name")
	case n > MaxName:
		e.Add("name", "initiative.err.name_long")
	}
	if utf8.RuneCountInString(in.Tagline) > MaxTagline {
		e.Add("tagline", "initiative.err.tagline_long")
	}
	if in.Category != "" && !ValidCategory(in.Category) {
		e.Add("category", "initiative.err.category")
	}
	for _, f := range textFields {
		if utf8.RuneCountInString(in.Text[f]) > MaxText {
			e.Add(f, "initiative.err.too_long")
		}
	}
	seen := map[string]bool{}
	var codes []string
	for _, raw := range in.Regions {
		code, ok := region.ParseCode(strings.TrimSpace(raw))
		if !ok {
			e.Add("region_codes", "initiative.err.region_code")
			continue
		}
		if !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	if len(codes) > MaxRegions {
		e.Add("region_codes", "initiative.err.regions_many")
	}
	sort.Strings(codes)
	in.Regions = codes
	return e
}

// Form is the initiative as form values, for the edit page.
func (i *Initiative) Form() url.Values {
	f := url.Values{"name": {i.Name}, "tagline": {i.Tagline}, "category": {i.Category},
		"problem": {i.Problem}, "vision_link": {i.VisionLink}, "framework": {i.Framework},
		"advantages": {i.Advantages}, "stakeholder_scheme": {i.StakeholderScheme},
		"communication_sheet": {i.CommunicationSheet}, "expected_results": {i.ExpectedResults},
		"cost_recovery": {i.CostRecovery}, "region_codes": {strings.Join(i.Regions, "\n")}}
	for _, id := range i.AssetIDs {
		f.Add("assets", strconv.FormatInt(id, 10))
	}
	return f
}

// PublishErrors lists what an initiative lacks to be published: a name,
// tagline, problem, category and at least one region.
func (i *Initiative) PublishErrors() validate.Errors {
	e := validate.Errors{}
	if i.Name == "" {
		e.Add("name", "initiative.err.name")
	}
	if i.Tagline == "" {
		e.Add("tagline", "initiative.err.tagline")
	}
	if i.Problem == "" {
		e.Add("problem", "initiative.err.problem")
	}
	if !ValidCategory(i.Category) {
		e.Add("category", "initiative.err.category")
	}
	if len(i.Regions) == 0 {
		e.Add("region_codes", "initiative.err.regions")
	}
	return e
}
