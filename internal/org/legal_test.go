package org

import (
	"strings"
	"testing"
	"time"
)

func TestParseSKAHU(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"AHU-0012345.AH.01.04.Tahun 2019", "AHU-0012345.AH.01.04.Tahun 2019", true},
		{" ahu-0012345.ah.01.04.tahun 2019 ", "AHU-0012345.AH.01.04.Tahun 2019", true},
		{"AHU - 12.AH.01.07.Tahun2015", "AHU-12.AH.01.07.Tahun 2015", true},
		{"AHU-0012345.AH.01.04. TAHUN 2019", "AHU-0012345.AH.01.04.Tahun 2019", true},
		{"AHU-0012345.AH.1.04.Tahun 2019", "", false},
		{"AHU-.AH.01.04.Tahun 2019", "", false},
		{"AHU-0012345.AH.01.04.Tahun 19", "", false},
		{"0012345.AH.01.04.Tahun 2019", "", false},
		{"", "", false},
	} {
		got, _, ok := ParseSKAHU(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseSKAHU(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseNPWP(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"01.234.567.8-901.234", "012345678901234", true},
		{"012345678901234", "012345678901234", true},
		{"3273 0101 0101 0001", "3273010101010001", true},
		{"3273010101010001", "3273010101010001", true},
		{"01.234.567.8-901.23", "", false},
		{"32730101010100011", "", false},
		{"01.234.567.8/901.234", "", false},
		{"abc", "", false},
		{"", "", false},
	} {
		got, ok := ParseNPWP(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseNPWP(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if got := FormatNPWP("012345678901234"); got != "01.234.567.8-901.234" {
		t.Errorf("FormatNPWP = %q", got)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Yayasan Taman Baca Sukarasa": "yayasan-taman-baca-sukarasa",
		"  Bank Sampah -- Berseri!! ": "bank-sampah-berseri",
		"Perempuan Pérempuan":         "perempuan-perempuan",
		"KSM":                         "ksm",
		"A":                           "oms-a",
		"日本":                          "oms",
		"Baru":                        "oms-baru",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
		if got := Slugify(in); !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", in, got)
		}
	}
	if got := Slugify(strings.Repeat("panjang ", 30)); len(got) > slugMax || !ValidSlug(got) {
		t.Errorf("long slug %q", got)
	}
}

func TestInputCheck(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	ok := Input{Name: "Yayasan Taman Baca", LegalForm: "yayasan", AktaNumber: "12 tanggal 3 Mei 2010",
		RegionCode: "32.73.01.1001", FocusIssues: []string{"pendidikan", "budaya", "pendidikan"},
		SKAHU: "ahu-0012345.ah.01.04.tahun 2019", NPWP: "01.234.567.8-901.234", FoundedYear: "2010",
		Email: "Info@TamanBaca.or.id", Phone: "0812-3456-7890", Website: "https://tamanbaca.or.id"}
	o, e := ok.check(now)
	if len(e) != 0 {
		t.Fatalf("valid input rejected: %v", e)
	}
	if o.NPWP != "012345678901234" || o.SKAHU != "AHU-0012345.AH.01.04.Tahun 2019" ||
		o.Phone != "+6281234567890" || o.Email != "info@tamanbaca.or.id" || len(o.FocusIssues) != 2 {
		t.Errorf("not normalised: %+v", o)
	}
	for _, tc := range []struct {
		field string
		edit  func(*Input)
		key   string
	}{
		{"name", func(in *Input) { in.Name = "AB" }, "org.err.name"},
		{"name", func(in *Input) { in.Name = strings.Repeat("a", 121) }, "org.err.name"},
		{"slug", func(in *Input) { in.Slug = "Bad Slug" }, "org.err.slug"},
		{"slug", func(in *Input) { in.Slug = "baru" }, "org.err.slug"},
		{"legal_form", func(in *Input) { in.LegalForm = "pt" }, "org.err.legal_form"},
		{"akta_number", func(in *Input) { in.AktaNumber = "" }, "form.required"},
		{"sk_ahu", func(in *Input) { in.SKAHU = "AHU-1" }, "org.err.sk_ahu"},
		{"sk_ahu", func(in *Input) { in.SKAHU = "AHU-1.AH.01.04.Tahun 2030" }, "org.err.sk_ahu"},
		{"npwp", func(in *Input) { in.NPWP = "123" }, "org.err.npwp"},
		{"region", func(in *Input) { in.RegionCode = "" }, "org.err.region"},
		{"focus_issues", func(in *Input) { in.FocusIssues = []string{"politik"} }, "org.err.focus_issues"},
		{"vision", func(in *Input) { in.Vision = strings.Repeat("v", 2001) }, "form.too_long"},
		{"mission", func(in *Input) { in.Mission = strings.Repeat("m", 2001) }, "form.too_long"},
		{"founded_year", func(in *Input) { in.FoundedYear = "1899" }, "org.err.founded_year"},
		{"founded_year", func(in *Input) { in.FoundedYear = "2026" }, "org.err.founded_year"},
		{"founded_year", func(in *Input) { in.FoundedYear = "dua ribu" }, "org.err.founded_year"},
		{"email", func(in *Input) { in.Email = "bukan-email" }, "org.err.email"},
		{"phone", func(in *Input) { in.Phone = "+1 415 555 0100" }, "org.err.phone"},
		{"website", func(in *Input) { in.Website = "javascript:alert(1)" }, "org.err.website"},
		{"website", func(in *Input) { in.Website = "tamanbaca.or.id" }, "org.err.website"},
	} {
		in := ok
		tc.edit(&in)
		_, e := in.check(now)
		if e[tc.field] != tc.key {
			t.Errorf("%s: errors %v, want %s=%s", tc.field, e, tc.field, tc.key)
		}
	}
	// Komunitas needs no akta.
	in := ok
	in.LegalForm, in.AktaNumber = "komunitas", ""
	if _, e := in.check(now); len(e) != 0 {
		t.Errorf("komunitas without akta: %v", e)
	}
}

func FuzzParseNPWP(f *testing.F) {
	for _, s := range []string{"01.234.567.8-901.234", "3273010101010001", "", "1-2-3", "٠١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseNPWP(s)
		if !ok {
			return
		}
		if len(d) != 15 && len(d) != 16 {
			t.Fatalf("%q → %q", s, d)
		}
		for _, r := range d {
			if r < '0' || r > '9' {
				t.Fatalf("%q → %q has a non-digit", s, d)
			}
		}
		if again, ok := ParseNPWP(FormatNPWP(d)); !ok || again != d {
			t.Fatalf("format round trip %q → %q", d, again)
		}
	})
}

func FuzzParseSKAHU(f *testing.F) {
	for _, s := range []string{"AHU-0012345.AH.01.04.Tahun 2019", "ahu - 1 . ah . 01 . 02 tahun 2000", "AHU-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, year, ok := ParseSKAHU(s)
		if !ok {
			return
		}
		again, y2, ok := ParseSKAHU(c)
		if !ok || again != c || y2 != year {
			t.Fatalf("canonical %q of %q does not parse to itself", c, s)
		}
	})
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Yayasan Taman Baca", "", "---", "Ünïcödé", "baru"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Slugify(s); !ValidSlug(got) {
			t.Fatalf("Slugify(%q) = %q is invalid", s, got)
		}
	})
}
