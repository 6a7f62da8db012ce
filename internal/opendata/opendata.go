// Package opendata publishes the platform's public data as open data sets:
// their definitions (names, titles and descriptions in Bahasa Indonesia and
// English, a data dictionary of every column), the licence each
// organisation chose, and row producers that stream from the database into
// CSV, XLSX and JSON without holding a table in memory.
//
// Only what is already public goes in: nothing of rejected or suspended
// organisations, no drafts, and contributions only as counts and sums per
// campaign, day and kind — never a person.
package opendata

import (
	"strings"

	"lokadaya/internal/i18n"
)

// Text is a text in both languages of the site.
type Text struct{ ID, EN string }

// In is the text in lang.
func (t Text) In(lang i18n.Lang) string {
	if lang == i18n.EN {
		return t.EN
	}
	return t.ID
}

// text is a message key's text in both languages. The data sets' titles,
// descriptions and column meanings are in the i18n PO files with the rest
// of the interface; the catalogue and the APIs give both languages at once.
func text(key string) Text { return Text{ID: i18n.T(i18n.ID, key), EN: i18n.T(i18n.EN, key)} }

// Type is the type of a column's values.
type Type string

// The column types. Dates are YYYY-MM-DD, times RFC 3339 in UTC.
const (
	Integer  Type = "integer"
	String   Type = "string"
	Date     Type = "date"
	DateTime Type = "datetime"
	Boolean  Type = "boolean"
	// Decimal is a number with a fixed number of decimals, written with
	// a point ("88.31").
	Decimal Type = "decimal"
)

// Column is one entry of a data dictionary.
type Column struct {
	Name    string
	Type    Type
	Meaning Text
	// Unit of a number ("rupiah", "orang"…), "" when none.
	Unit string
}

// Licence is an open licence an organisation may publish its data under.
type Licence struct {
	// ID is the SPDX identifier, as stored.
	ID    string
	Title string
	URL   string
	// CKAN is the licence id CKAN portals know it by.
	CKAN string
}

// DefaultLicence is the licence of an organisation that chose none.
const DefaultLicence = "CC-BY-4.0"

// Licences are the licences an organisation may choose, the default first.
var Licences = []Licence{
	{ID: "CC-BY-4.0", Title: "Creative Commons Attribution 4.0", URL: "https://creativecommons.org/licenses/by/4.0/", CKAN: "cc-by"},
	{ID: "CC-BY-SA-4.0", Title: "Creative Commons Attribution-ShareAlike 4.0", URL: "https://creativecommons.org/licenses/by-sa/4.0/", CKAN: "cc-by-sa"},
	{ID: "CC0-1.0", Title: "Creative Commons CC0 1.0", URL: "https://creativecommons.org/publicdomain/zero/1.0/", CKAN: "cc-zero"},
	{ID: "ODbL-1.0", Title: "Open Data Commons Open Database License 1.0", URL: "https://opendatacommons.org/licenses/odbl/1-0/", CKAN: "odc-odbl"},
}

// LicenceByID returns the licence of id, and false for an unknown one.
func LicenceByID(id string) (Licence, bool) {
	for _, l := range Licences {
		if l.ID == id {
			return l, true
		}
	}
	return Licence{}, false
}

// RegionAttribution credits the region list whose codes the data sets
// carry; its ODbL asks for it wherever the codes are reused.
var RegionAttribution = text("opendata.region_attribution")

// RegionLicenceURL is the licence of the region list.
const RegionLicenceURL = "https://opendatacommons.org/licenses/odbl/1-0/"

// Format is a download format.
type Format struct {
	Ext string
	// Name is the format as CKAN and DCAT portals name it.
	Name      string
	MediaType string
}

// Formats are the formats every data set is offered in. JSON is one
// streamed array of objects, one per row, keyed by the column names.
var Formats = []Format{
	{Ext: "csv", Name: "CSV", MediaType: "text/csv"},
	{Ext: "xlsx", Name: "XLSX", MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{Ext: "json", Name: "JSON", MediaType: "application/json"},
}

// FormatByExt returns the format of a file extension.
func FormatByExt(ext string) (Format, bool) {
	for _, f := range Formats {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}

// ParseFile splits a download's file name ("kampanye.csv") into its data
// set and format.
func ParseFile(name string) (*Dataset, Format, bool) {
	base, ext, ok := strings.Cut(name, ".")
	if !ok {
		return nil, Format{}, false
	}
	ds := ByName(base)
	f, okf := FormatByExt(ext)
	if ds == nil || !okf {
		return nil, Format{}, false
	}
	return ds, f, true
}
