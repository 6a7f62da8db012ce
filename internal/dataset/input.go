package dataset

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/lesson"
	"lokadaya/internal/opendata"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a dataset as written. File is nil for a link, and on an edit
// that keeps the file already uploaded.
type Input struct {
	Title, Description, RegionCode, Licence string
	Keywords                                []string
	From, To                                string
	Source                                  string
	Columns                                 []Column
	File                                    *Upload
	LinkURL, LinkFormat                     string

	// formErrs are what reading a form found wrong (a dictionary line
	// that does not parse).
	formErrs validate.Errors
}

// FromForm reads the dataset form's text fields: title, description, the
// region picker, licence, keywords (separated by commas), from and to
// (YYYY-MM-DD, as a date input sends them), source (file or link), the
// dictionary (one column a line: "name | type | meaning | unit"), link and
// format. The file itself travels apart, in Input.File.
func FromForm(form url.Values) Input {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	in := Input{Title: g("title"), Description: g("description"), RegionCode: region.FromForm(form), Licence: g("licence"),
		Keywords: ParseKeywords(form.Get("keywords")), From: g("from"), To: g("to"), Source: g("source"),
		LinkURL: g("link"), LinkFormat: g("format"), formErrs: validate.Errors{}}
	cols, key := ParseDictionary(form.Get("dictionary"))
	if key != "" {
		in.formErrs.Add("dictionary", key)
	}
	in.Columns = cols
	return in
}

// Form is the dataset as form values, for its edit page.
func (d *Dataset) Form() url.Values {
	return url.Values{"title": {d.Title}, "description": {d.Description}, region.FieldCode: {d.RegionCode},
		"licence": {d.Licence}, "keywords": {strings.Join(d.Keywords, ", ")}, "from": {d.From}, "to": {d.To},
		"source": {d.Source}, "dictionary": {FormatDictionary(d.Columns)}, "link": {d.LinkURL}, "format": {d.Format}}
}

// ParseKeywords splits keywords at commas (or new lines), trimmed, blanks
// and repeats dropped.
func ParseKeywords(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		k = strings.TrimSpace(k)
		if k != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, k) }) {
			out = append(out, k)
		}
	}
	return out
}

// typeNames are the names a dictionary line may give a type: the open
// data type names and their Indonesian words.
var typeNames = map[string]opendata.Type{
	"integer": opendata.Integer, "bilangan": opendata.Integer, "angka": opendata.Integer, "bulat": opendata.Integer,
	"decimal": opendata.Decimal, "desimal": opendata.Decimal, "pecahan": opendata.Decimal,
	"string": opendata.String, "teks": opendata.String, "text": opendata.String,
	"date": opendata.Date, "tanggal": opendata.Date,
	"datetime": opendata.DateTime, "waktu": opendata.DateTime,
	"boolean": opendata.Boolean, "ya/tidak": opendata.Boolean,
}

// Types are the column types offered, in the order shown.
var Types = []opendata.Type{opendata.String, opendata.Integer, opendata.Decimal, opendata.Date, opendata.DateTime, opendata.Boolean}

// ParseDictionary reads a dictionary written one column a line:
// "name | type | meaning | unit", the unit optional. It returns the
// columns read and the i18n key of the first problem ("" when none).
func ParseDictionary(s string) ([]Column, string) {
	var out []Column
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) < 3 || len(parts) > 4 {
			return out, "dataset.err.dictionary_line"
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		t, ok := typeNames[strings.ToLower(parts[1])]
		if !ok {
			return out, "dataset.err.dictionary_type"
		}
		c := Column{Name: parts[0], Type: t, Meaning: parts[2]}
		if len(parts) == 4 {
			c.Unit = parts[3]
		}
		out = append(out, c)
		if len(out) > MaxColumns {
			return out, "dataset.err.columns_many"
		}
	}
	return out, ""
}

// FormatDictionary writes columns the way ParseDictionary reads them.
func FormatDictionary(cols []Column) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(c.Name + " | " + string(c.Type) + " | " + c.Meaning)
		if c.Unit != "" {
			b.WriteString(" | " + c.Unit)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// SuggestDictionary is a dictionary to start from for a file's header:
// every column text, its meaning left for the publisher.
func SuggestDictionary(header []string) []Column {
	out := make([]Column, len(header))
	for i, h := range header {
		out[i] = Column{Name: h, Type: opendata.String}
	}
	return out
}

// check validates the input's shape and tidies it; whether the region
// exists and what the file holds are the store's questions. keepFile says
// an edit keeps the file already uploaded.
func (in *Input) check(keepFile bool) validate.Errors {
	e := validate.Errors{}
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	in.Title, in.Description = strings.TrimSpace(in.Title), strings.TrimSpace(in.Description)
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	e.MaxLen("description", in.Description, MaxDescription)
	for f, s := range map[string]string{"title": in.Title, "description": in.Description} {
		if !plainText(s) {
			e.Add(f, "dataset.err.text")
		}
	}
	if _, ok := opendata.LicenceByID(in.Licence); !ok {
		e.Add("licence", "dataset.err.licence")
	}
	if len(in.Keywords) > MaxKeywords {
		e.Add("keywords", "dataset.err.keywords")
	}
	for _, k := range in.Keywords {
		if utf8.RuneCountInString(k) > MaxKeyword || !plainText(k) || strings.ContainsAny(k, "\n\r") {
			e.Add("keywords", "dataset.err.keywords")
		}
	}
	in.checkCoverage(e)
	switch in.Source {
	case SourceFile:
		in.LinkURL, in.LinkFormat = "", ""
		if in.File == nil && !keepFile {
			e.Add("file", "dataset.err.file_required")
		} else if in.File != nil && UploadFormat(in.File.Name) == "" {
			e.Add("file", "dataset.err.file_format")
		} else if in.File != nil && len(in.File.Data) > MaxFileSize {
			e.Add("file", "dataset.err.file_too_big")
		}
		if len(in.Columns) == 0 {
			e.Add("dictionary", "dataset.err.dictionary_required")
		}
	case SourceLink:
		in.File = nil
		if !lesson.ValidURL(in.LinkURL) || strings.HasPrefix(in.LinkURL, "/") || len(in.LinkURL) > MaxURL {
			e.Add("link", "dataset.err.link")
		}
		in.LinkFormat = strings.TrimSpace(in.LinkFormat)
		if e.Required("format", in.LinkFormat) {
			e.MaxLen("format", in.LinkFormat, MaxFormat)
			if !plainText(in.LinkFormat) || strings.ContainsAny(in.LinkFormat, "\n\r") {
				e.Add("format", "dataset.err.text")
			}
		}
	default:
		e.Add("source", "dataset.err.source")
	}
	in.checkColumns(e)
	return e
}

// checkCoverage checks the period covered: either end may be blank, and
// the start is not after the end.
func (in *Input) checkCoverage(e validate.Errors) {
	in.From, in.To = strings.TrimSpace(in.From), strings.TrimSpace(in.To)
	for f, s := range map[string]string{"from": in.From, "to": in.To} {
		if s == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", s); err != nil {
			e.Add(f, "dataset.err.date")
		}
	}
	if in.From != "" && in.To != "" && in.From > in.To {
		e.Add("to", "dataset.err.period")
	}
}

// checkColumns checks the dictionary: names given and unique, known
// types, lengths within limits.
func (in *Input) checkColumns(e validate.Errors) {
	if len(in.Columns) > MaxColumns {
		e.Add("dictionary", "dataset.err.columns_many")
		return
	}
	seen := map[string]bool{}
	for i := range in.Columns {
		c := &in.Columns[i]
		c.Name, c.Meaning, c.Unit = strings.TrimSpace(c.Name), strings.TrimSpace(c.Meaning), strings.TrimSpace(c.Unit)
		switch {
		case c.Name == "" || c.Meaning == "":
			e.Add("dictionary", "dataset.err.dictionary_line")
		case !slices.Contains(Types, c.Type):
			e.Add("dictionary", "dataset.err.dictionary_type")
		case seen[strings.ToLower(c.Name)]:
			e.Add("dictionary", "dataset.err.dictionary_twice")
		case utf8.RuneCountInString(c.Name) > MaxColumnName || utf8.RuneCountInString(c.Meaning) > MaxMeaning ||
			utf8.RuneCountInString(c.Unit) > MaxUnit:
			e.Add("dictionary", "form.too_long")
		case !plainText(c.Name+c.Meaning+c.Unit) || strings.ContainsAny(c.Name+c.Meaning+c.Unit, "|\n\r"):
			e.Add("dictionary", "dataset.err.text")
		}
		seen[strings.ToLower(c.Name)] = true
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
