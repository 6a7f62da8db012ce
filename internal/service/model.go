// Package service keeps the service points of an initiative and the
// records of the service delivered there (catatan layanan): aggregate
// counts of the people served, disaggregated by sex, age band, disability
// and vulnerable group, typed in by staff or imported from the CSV/XLSX
// template that field teams fill in offline. Reach is the sum of these
// records over a period.
//
// Records carry no names: they count people. They are the figures the
// initiative's public page (jangkauan), stage 5 of the cycle and the API
// show.
package service

import "time"

// Point is a service point (titik layanan) of an initiative.
type Point struct {
	ID           int64
	OrgID        int64
	InitiativeID int64
	// Code is the short public code of the point, for its QR code and
	// short link; it never changes.
	Code       string
	Name       string
	Address    string
	RegionCode string
	// Latitude and Longitude are nil when no coordinates were given.
	Latitude, Longitude *float64
	Hours               string
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

// HasCoordinates reports whether the point's place on a map is known.
func (p *Point) HasCoordinates() bool { return p.Latitude != nil && p.Longitude != nil }

// Actor is who records, for the audit log and the record's author.
type Actor struct {
	ID   int64
	Name string
}
