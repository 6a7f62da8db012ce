package qris

import (
	"strconv"
	"strings"
)

// Points of initiation (tag 01 values).
const (
	PointStatic  = "11"
	PointDynamic = "12"
)

// qrisGUID is the globally unique identifier of the QRIS national merchant
// account template, whose sub-tag 02 is the NMID.
const qrisGUID = "ID.CO.QRIS.WWW"

// Object returns the top-level data object with the given ID.
func (p *Payload) Object(id string) (Object, bool) {
	for _, o := range p.Objects {
		if o.ID == id {
			return o, true
		}
	}
	return Object{}, false
}

// Value returns the value of the top-level data object with the given ID.
func (p *Payload) Value(id string) (string, bool) {
	o, ok := p.Object(id)
	return o.Value, ok
}

// SubValue returns the value of sub-object sub inside template id.
func (p *Payload) SubValue(id, sub string) (string, bool) {
	o, ok := p.Object(id)
	if !ok {
		return "", false
	}
	s, ok := o.Get(sub)
	return s.Value, ok
}

// MerchantName is tag 59, the name the payer's app shows.
func (p *Payload) MerchantName() string { v, _ := p.Value("59"); return v }

// MerchantCity is tag 60.
func (p *Payload) MerchantCity() string { v, _ := p.Value("60"); return v }

// CountryCode is tag 58, "ID" for Indonesia.
func (p *Payload) CountryCode() string { v, _ := p.Value("58"); return v }

// Currency is tag 53, the ISO 4217 numeric code; Parse accepts only "360"
// (rupiah).
func (p *Payload) Currency() string { v, _ := p.Value("53"); return v }

// PointOfInitiation is tag 01: "11" for a static code, "12" for a dynamic
// one, "" when absent.
func (p *Payload) PointOfInitiation() string { v, _ := p.Value("01"); return v }

// IsDynamic reports whether the payload is for one payment (tag 01 = "12").
func (p *Payload) IsDynamic() bool { return p.PointOfInitiation() == PointDynamic }

// Amount is tag 54 in whole rupiah; ok is false when the payload carries no
// amount (a static code lets the payer type it).
func (p *Payload) Amount() (amount int64, ok bool) {
	v, ok := p.Value("54")
	if !ok {
		return 0, false
	}
	n, err := parseAmount(v)
	return n, err == nil
}

// NMID is the QRIS National Merchant ID: sub-tag 02 of the merchant account
// template (26–51) whose sub-tag 00 is ID.CO.QRIS.WWW; "" when none.
func (p *Payload) NMID() string {
	for _, o := range p.Objects {
		if !isTemplate(o.ID) || o.ID == "62" {
			continue
		}
		if g, ok := o.Get("00"); ok && strings.EqualFold(g.Value, qrisGUID) {
			if id, ok := o.Get("02"); ok {
				return id.Value
			}
		}
	}
	return ""
}

// parseAmount reads a tag 54 value as whole rupiah. EMVCo allows a decimal
// point; rupiah has no minor unit in use, so any fraction must be zeros.
func parseAmount(v string) (int64, error) {
	whole, frac, hasDot := strings.Cut(v, ".")
	if len(v) > 13 || !isDigits(whole) || (hasDot && frac != "" && !isDigits(frac)) {
		return 0, newErr(ErrAmount, "tag 54 = %q", v)
	}
	if strings.Trim(frac, "0") != "" {
		return 0, newErr(ErrAmount, "tag 54 = %q has a fraction of a rupiah", v)
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, newErr(ErrAmount, "tag 54 = %q", v)
	}
	return n, nil
}
