package qris

import (
	"errors"
	"strings"
	"testing"
)

func mustParse(t testing.TB, s string) *Payload {
	t.Helper()
	p, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return p
}

func TestDynamicRoundTrip(t *testing.T) {
	base := staticPairs()
	withTips := replacePair(replacePair(replacePair(base, "55", "02"), "56", "1000"), "57", "5")
	for _, tc := range []struct {
		name   string
		static string
		amount int64
	}{
		{"static", sampleStatic(), 150000},
		{"smallest", sampleStatic(), 1},
		{"largest", sampleStatic(), MaxAmount},
		{"already dynamic", build(replacePair(replacePair(base, "01", "12"), "54", "5000")...), 75000},
		{"tip fields dropped", build(withTips...), 20000},
		{"no tag 01", build(dropPair(base, "01")...), 10000},
		{"after 63 in ID order", build(append(base, "64", tlv("00", "ID")+tlv("01", "SLEMAN"))...), 10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			static := mustParse(t, tc.static)
			before := static.String()
			out, err := Dynamic(static, tc.amount)
			if err != nil {
				t.Fatalf("Dynamic: %v", err)
			}
			if static.String() != before {
				t.Error("Dynamic changed the static payload")
			}
			p := mustParse(t, out)
			if got, ok := p.Amount(); !ok || got != tc.amount {
				t.Errorf("Amount = %d, %v; want %d", got, ok, tc.amount)
			}
			if p.PointOfInitiation() != PointDynamic {
				t.Errorf("tag 01 = %q", p.PointOfInitiation())
			}
			for _, id := range []string{"55", "56", "57"} {
				if _, ok := p.Value(id); ok {
					t.Errorf("tag %s survived", id)
				}
			}
			if p.MerchantName() != static.MerchantName() || p.NMID() != static.NMID() {
				t.Error("merchant data changed")
			}
			if last := p.Objects[len(p.Objects)-1]; last.ID != "63" {
				t.Errorf("last tag = %s", last.ID)
			}
			for i := 1; i < len(p.Objects)-1; i++ {
				if p.Objects[i-1].ID >= p.Objects[i].ID {
					t.Errorf("tags out of order: %s before %s", p.Objects[i-1].ID, p.Objects[i].ID)
				}
			}
		})
	}
}

// TestDynamicExact pins the whole output for the synthetic payload: every
// object kept byte for byte, 54 inserted before 58, CRC from the reference.
func TestDynamicExact(t *testing.T) {
	pairs := replacePair(staticPairs(), "01", "12")
	var want []string
	for i := 0; i < len(pairs); i += 2 {
		if pairs[i] == "58" {
			want = append(want, "54", "150000")
		}
		want = append(want, pairs[i], pairs[i+1])
	}
	got, err := Dynamic(mustParse(t, sampleStatic()), 150000)
	if err != nil {
		t.Fatal(err)
	}
	if w := build(want...); got != w {
		t.Errorf("Dynamic =\n %s\nwant\n %s", got, w)
	}
	if !strings.Contains(got, "5303360"+"5406150000"+"5802ID") {
		t.Errorf("tag 54 not between 53 and 58: %s", got)
	}
}

func TestDynamicRefuses(t *testing.T) {
	static := mustParse(t, sampleStatic())
	for _, amount := range []int64{0, -1, -150000, MaxAmount + 1} {
		if _, err := Dynamic(static, amount); !errors.Is(err, ErrAmountRange) {
			t.Errorf("Dynamic(%d) error = %v, want amount range", amount, err)
		}
	}
	if _, err := Dynamic(nil, 1000); err == nil {
		t.Error("Dynamic(nil) succeeded")
	}
	long := &Payload{Objects: []Object{{ID: "00", Value: "01"}, {ID: "59", Value: strings.Repeat("A", 100)}}}
	if _, err := Dynamic(long, 1000); !errors.Is(err, ErrValueLength) {
		t.Errorf("over-long value: error = %v", err)
	}
}
