package service

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Limits of a point's fields, in characters.
const (
	MaxPointName = 80
	MaxAddress   = 300
	MaxHours     = 200
)

// PointInput is a service point form as typed.
type PointInput struct {
	Name, Address, Hours string
	RegionCode           string
	Latitude, Longitude  string
	lat, lng             *float64
}

// PointFromForm reads a service point form; the region comes from the
// region picker's fields.
func PointFromForm(form url.Values) PointInput {
	return PointInput{
		Name:       strings.TrimSpace(form.Get("name")),
		Address:    strings.TrimSpace(form.Get("address")),
		Hours:      strings.TrimSpace(form.Get("hours")),
		RegionCode: region.FromForm(form),
		Latitude:   strings.TrimSpace(form.Get("latitude")),
		Longitude:  strings.TrimSpace(form.Get("longitude")),
	}
}

// Form is the point as form values, for its edit page.
func (p *Point) Form() url.Values {
	f := url.Values{"name": {p.Name}, "address": {p.Address}, "hours": {p.Hours}, region.FieldCode: {p.RegionCode}}
	if p.HasCoordinates() {
		f.Set("latitude", strconv.FormatFloat(*p.Latitude, 'f', -1, 64))
		f.Set("longitude", strconv.FormatFloat(*p.Longitude, 'f', -1, 64))
	}
	return f
}

// Check validates the input's shape; whether the region exists is the
// store's question.
func (in *PointInput) Check() validate.Errors {
	e := validate.Errors{}
	if e.Required("name", in.Name) {
		e.MaxLen("name", in.Name, MaxPointName)
	}
	e.MaxLen("address", in.Address, MaxAddress)
	e.MaxLen("hours", in.Hours, MaxHours)
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	}
	for _, s := range []string{in.Name, in.Address, in.Hours} {
		if strings.ContainsAny(s, "\x00") || !utf8.ValidString(s) {
			e.Add("name", "service.err.text")
		}
	}
	in.lat, in.lng = nil, nil
	switch {
	case in.Latitude == "" && in.Longitude == "":
	case in.Latitude == "" || in.Longitude == "":
		e.Add("latitude", "service.err.coords_both")
	default:
		lat, err1 := parseDegrees(in.Latitude)
		lng, err2 := parseDegrees(in.Longitude)
		switch {
		case err1 != nil || !(lat >= -90 && lat <= 90): // NaN too
			e.Add("latitude", "service.err.latitude")
		case err2 != nil || !(lng >= -180 && lng <= 180):
			e.Add("longitude", "service.err.longitude")
		default:
			in.lat, in.lng = &lat, &lng
		}
	}
	return e
}

// parseDegrees reads a coordinate written with a dot or a decimal comma.
func parseDegrees(s string) (float64, error) {
	return strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
}
