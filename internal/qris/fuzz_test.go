package qris

import (
	"errors"
	"testing"
)

// FuzzParse feeds Parse arbitrary text: it must never panic, every refusal
// must be a keyed *Error, and whatever it accepts must turn into a dynamic
// QRIS that parses back with the requested amount.
func FuzzParse(f *testing.F) {
	base := staticPairs()
	good := sampleStatic()
	for _, s := range []string{
		good,
		build(replacePair(replacePair(base, "01", "12"), "54", "25000")...),
		build(append(base, "64", "0002ID0106SLEMAN")...),
		build(replacePair(base, "55", "01")...),
		good[:len(good)-4] + "0000",
		good + "00",
		good[:len(good)-1],
		"000201",
		"0002016304",
		"",
		"hello",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %v is not a *qris.Error", s, err)
			}
			return
		}
		out, err := Dynamic(p, 10000)
		if err != nil {
			t.Fatalf("Dynamic of accepted %q: %v", s, err)
		}
		d, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Dynamic(%q)) = %v\n%s", s, err, out)
		}
		if n, ok := d.Amount(); !ok || n != 10000 {
			t.Fatalf("amount = %d, %v", n, ok)
		}
		if !d.IsDynamic() || d.MerchantName() != p.MerchantName() {
			t.Fatalf("dynamic lost its data: %q", out)
		}
	})
}

// FuzzParseBody fuzzes the data objects and seals them with a correct CRC,
// so mutations reach the template and field checks behind the checksum.
func FuzzParseBody(f *testing.F) {
	good := sampleStatic()
	f.Add(good[:len(good)-8])
	f.Add("000201010212" + tlv("53", "360") + tlv("54", "9999999999999") + tlv("59", "X"))
	f.Add("000201" + tlv("26", "0002AB0102") + tlv("53", "360") + tlv("59", "X"))
	f.Fuzz(func(t *testing.T, body string) {
		p, err := Parse(withCRC(body))
		if err != nil {
			return
		}
		out, err := Dynamic(p, 10000)
		if err != nil {
			t.Fatalf("Dynamic of accepted %q: %v", body, err)
		}
		d, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Dynamic(%q)) = %v\n%s", body, err, out)
		}
		if n, ok := d.Amount(); !ok || n != 10000 {
			t.Fatalf("amount = %d, %v", n, ok)
		}
	})
}
