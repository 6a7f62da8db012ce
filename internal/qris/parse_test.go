package qris

import (
	"errors"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

func TestParseStatic(t *testing.T) {
	raw := sampleStatic()
	p, err := Parse("  " + raw + "\n") // pasted text often carries blanks
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if p.String() != raw {
		t.Errorf("String() = %q, want the trimmed input", p.String())
	}
	for _, c := range []struct{ name, got, want string }{
		{"MerchantName", p.MerchantName(), "YAYASAN LOKA DAYA NUSANTARA"},
		{"MerchantCity", p.MerchantCity(), "SLEMAN"},
		{"CountryCode", p.CountryCode(), "ID"},
		{"Currency", p.Currency(), "360"},
		{"PointOfInitiation", p.PointOfInitiation(), "11"},
		{"NMID", p.NMID(), "ID1025000012345"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if _, ok := p.Amount(); ok {
		t.Error("static payload reports an amount")
	}
	if p.IsDynamic() {
		t.Error("static payload reports dynamic")
	}
	var ids []string
	for _, o := range p.Objects {
		ids = append(ids, o.ID)
	}
	if got := strings.Join(ids, " "); got != "00 01 26 51 52 53 58 59 60 61 62 63" {
		t.Errorf("object order = %s", got)
	}
	if v, ok := p.SubValue("26", "01"); !ok || v != "936099990000012345" {
		t.Errorf("SubValue(26, 01) = %q, %v", v, ok)
	}
	if v, ok := p.SubValue("62", "07"); !ok || v != "LOKADAYA01" {
		t.Errorf("SubValue(62, 07) = %q, %v", v, ok)
	}
	if _, ok := p.SubValue("52", "00"); ok {
		t.Error("a primitive object has sub-objects")
	}
}

func TestParseAcceptsVariants(t *testing.T) {
	base := staticPairs()
	lower := sampleStatic()
	lower = lower[:len(lower)-4] + strings.ToLower(lower[len(lower)-4:])
	for _, tc := range []struct {
		name    string
		payload string
		amount  int64
	}{
		{"lower-case CRC", lower, -1},
		{"no tag 01", build(dropPair(base, "01")...), -1},
		{"dynamic with amount", build(replacePair(replacePair(base, "01", "12"), "54", "25000")...), 25000},
		{"amount with zero decimals", build(replacePair(base, "54", "25000.00")...), 25000},
		{"objects out of order", build(append(dropPair(base, "52"), "52", "8398")...), -1},
		{"unreserved template kept whole", build(append(base, "99", "0004ABCD")...), -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse(tc.payload)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, ok := p.Amount()
			if tc.amount < 0 && ok || tc.amount >= 0 && (!ok || got != tc.amount) {
				t.Errorf("Amount = %d, %v; want %d", got, ok, tc.amount)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	base := staticPairs()
	good := sampleStatic()
	badCRC := good[:len(good)-4] + "0000"
	if strings.HasSuffix(good, "0000") {
		badCRC = good[:len(good)-4] + "FFFF"
	}
	body := good[:len(good)-8]
	for _, tc := range []struct {
		name    string
		payload string
		want    *Error
	}{
		{"empty", "", ErrEmpty},
		{"blanks", " \n\t", ErrEmpty},
		{"control character", strings.Replace(good, "SLEMAN", "SLE\x00AN", 1), ErrCharset},
		{"non-ASCII", strings.Replace(good, "SLEMAN", "SLEMÁN", 1), ErrCharset},
		{"not EMVCo", "https://example.org/bayar", ErrFormat},
		{"wrong format indicator", build(replacePair(base, "00", "02")...), ErrFormat},
		{"truncated", good[:len(good)-2], ErrSyntax},
		{"trailing garbage", good + "00", ErrSyntax},
		{"trailing digit", good + "7", ErrSyntax},
		{"length past the end", body[:len(body)-3], ErrSyntax},
		{"letters in a length", strings.Replace(good, "5802ID", "58x2ID", 1), ErrSyntax},
		{"zero length", withCRC(tlv("00", "01") + "5900" + tlv("53", "360")), ErrSyntax},
		{"no CRC", body, ErrCRCMissing},
		{"CRC not last", withCRC(body)[:len(body)+8] + tlv("64", "X"), ErrCRCMissing},
		{"CRC too short", body + "6303ABC", ErrCRCMissing},
		{"CRC mismatch", badCRC, ErrCRC},
		{"CRC not hex", body + "6304WXYZ", ErrCRC},
		{"tampered name", strings.Replace(good, "LOKA", "LUKA", 1), ErrCRC},
		{"duplicate tag", build(append(base, "59", "LAIN")...), ErrDuplicate},
		{"broken template", build(replacePair(base, "26", "0016ID.CO.BANK")...), ErrTemplate},
		{"broken additional data", build(replacePair(base, "62", "07")...), ErrTemplate},
		{"not rupiah", build(replacePair(base, "53", "840")...), ErrCurrency},
		{"no currency", build(dropPair(base, "53")...), ErrCurrency},
		{"no merchant name", build(dropPair(base, "59")...), ErrMerchant},
		{"blank merchant name", build(replacePair(base, "59", "   ")...), ErrMerchant},
		{"unknown initiation", build(replacePair(base, "01", "13")...), ErrInitiation},
		{"amount with letters", build(replacePair(base, "54", "10rb")...), ErrAmount},
		{"amount with cents", build(replacePair(base, "54", "10000.50")...), ErrAmount},
		{"amount too long", build(replacePair(base, "54", "12345678901234")...), ErrAmount},
		{"amount just a dot", build(replacePair(base, "54", ".")...), ErrAmount},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse(tc.payload)
			if err == nil {
				t.Fatalf("Parse accepted %q: %+v", tc.payload, p)
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want kind %s", err, tc.want.kind)
			}
			var keyed interface{ Key() string }
			if !errors.As(err, &keyed) || !i18n.Has(keyed.Key()) {
				t.Errorf("error %v has no i18n message", err)
			}
		})
	}
}

func TestEveryErrorHasAMessage(t *testing.T) {
	for _, e := range []*Error{
		ErrEmpty, ErrCharset, ErrFormat, ErrSyntax, ErrDuplicate, ErrTemplate,
		ErrCRCMissing, ErrCRC, ErrCurrency, ErrInitiation, ErrAmount, ErrMerchant,
		ErrAmountRange, ErrValueLength, ErrUnreadable,
	} {
		if !i18n.Has(e.Key()) {
			t.Errorf("no message for %s", e.Key())
		}
	}
}
