// Package qris reads and writes QRIS payloads: the EMVCo Merchant-Presented
// Mode QR code used for payments in Indonesia. It parses a static QRIS by its
// tag-length-value data objects, checks it, builds the dynamic QRIS for an
// exact amount, and turns payloads into QR images and back.
package qris

import (
	"strings"
)

// Object is one EMVCo data object: a two-digit ID, and its value. Objects of
// the templates (IDs 26–51 and 62) also carry their value parsed into Sub.
type Object struct {
	ID    string
	Value string
	Sub   []Object
}

// Get returns the sub-object with the given ID of a template object.
func (o Object) Get(id string) (Object, bool) {
	for _, s := range o.Sub {
		if s.ID == id {
			return s, true
		}
	}
	return Object{}, false
}

// Payload is a parsed and checked QRIS payload. Objects keeps every top-level
// data object in the order it was read, tag 63 (the CRC) last.
type Payload struct {
	Objects []Object
	raw     string
}

// String returns the payload as it was parsed, surrounding blanks removed.
func (p *Payload) String() string { return p.raw }

// Parse reads a QRIS payload and checks it: printable ASCII only; starts with
// tag 00 = "01"; every length consistent with nothing left over; no top-level
// tag twice; templates well formed; tag 63 last, four characters long, equal
// (in any letter case) to the CRC-16/CCITT-FALSE of everything before its
// value; currency IDR (tag 53 = "360"); a merchant name (tag 59); tag 01, if
// present, "11" or "12"; tag 54, if present, a whole rupiah amount.
func Parse(payload string) (*Payload, error) {
	s := strings.TrimSpace(payload)
	if s == "" {
		return nil, ErrEmpty
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			return nil, newErr(ErrCharset, "byte 0x%02x at %d", s[i], i)
		}
	}
	if !strings.HasPrefix(s, "000201") {
		return nil, ErrFormat
	}
	objs, err := splitTLV(s)
	if err != nil {
		return nil, newErr(ErrSyntax, "%v", err)
	}
	if err := checkCRC(s, objs); err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(objs))
	for i := range objs {
		o := &objs[i]
		if seen[o.ID] {
			return nil, newErr(ErrDuplicate, "tag %s", o.ID)
		}
		seen[o.ID] = true
		if isTemplate(o.ID) {
			if o.Sub, err = splitTLV(o.Value); err != nil {
				return nil, newErr(ErrTemplate, "tag %s: %v", o.ID, err)
			}
		}
	}
	p := &Payload{Objects: objs, raw: s}
	if err := p.checkFields(); err != nil {
		return nil, err
	}
	return p, nil
}

// isTemplate reports whether a top-level ID holds nested data objects: the
// merchant account information templates and the additional data field.
func isTemplate(id string) bool {
	return (id >= "26" && id <= "51") || id == "62"
}

// checkCRC checks that tag 63 closes the payload with a matching checksum.
func checkCRC(s string, objs []Object) error {
	last := objs[len(objs)-1]
	if last.ID != "63" || len(last.Value) != 4 {
		return ErrCRCMissing
	}
	want := crcHex(s[:len(s)-4])
	if !strings.EqualFold(last.Value, want) {
		return newErr(ErrCRC, "payload says %s, computed %s", last.Value, want)
	}
	return nil
}

// checkFields checks the values of the tags QRIS gives a meaning to.
func (p *Payload) checkFields() error {
	if c, _ := p.Value("53"); c != "360" {
		return newErr(ErrCurrency, "tag 53 = %q", c)
	}
	if name, _ := p.Value("59"); strings.TrimSpace(name) == "" {
		return ErrMerchant
	}
	if v, ok := p.Value("01"); ok && v != PointStatic && v != PointDynamic {
		return newErr(ErrInitiation, "tag 01 = %q", v)
	}
	if v, ok := p.Value("54"); ok {
		if _, err := parseAmount(v); err != nil {
			return err
		}
	}
	return nil
}
