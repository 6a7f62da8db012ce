package region

import (
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

func TestParseCode(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  string
		ok    bool
		depth int
	}{
		{"32", "32", true, 1},
		{" 32.73 ", "32.73", true, 2},
		{"32.73.01", "32.73.01", true, 3},
		{"32.73.01.1001", "32.73.01.1001", true, 4},
		{"", "", false, 0},
		{"3", "", false, 0},
		{"32.7", "", false, 0},
		{"32.73.01.100", "", false, 0},
		{"32.73.01.1001.1", "", false, 0},
		{"32..01", "", false, 0},
		{"3a.73", "", false, 0},
		{"32.73.", "", false, 0},
		{"３２", "", false, 0},
	} {
		got, ok := ParseCode(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseCode(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if d := Depth(tc.in); d != tc.depth {
			t.Errorf("Depth(%q) = %d, want %d", tc.in, d, tc.depth)
		}
	}
}

func TestParentCode(t *testing.T) {
	for in, want := range map[string]string{
		"32": "", "32.73": "32", "32.73.01": "32.73", "32.73.01.1001": "32.73.01", "x.y": "",
	} {
		if got := ParentCode(in); got != want {
			t.Errorf("ParentCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestZone(t *testing.T) {
	for _, tc := range []struct {
		code string
		want string
	}{
		{"32.73", "WIB"}, {"11", "WIB"}, {"61.71", "WIB"}, {"62", "WIB"},
		{"51.71", "WITA"}, {"52", "WITA"}, {"53.71.01", "WITA"}, {"63", "WITA"},
		{"64.72", "WITA"}, {"65", "WITA"}, {"71", "WITA"}, {"73.71.01.1001", "WITA"}, {"76", "WITA"},
		{"81", "WIT"}, {"82.71", "WIT"}, {"91", "WIT"}, {"92", "WIT"}, {"93", "WIT"},
		{"94.71", "WIT"}, {"95", "WIT"}, {"96", "WIT"}, {"97", "WIT"},
		{"", "WIB"}, {"9", "WIB"}, {"9x", "WIB"}, {"garbage", "WIB"},
	} {
		if name := Zone(tc.code).String(); name != tc.want {
			t.Errorf("Zone(%q) = %s, want %s", tc.code, name, tc.want)
		}
	}
	if Zone("51.71") != i18n.WITA || Zone("94.71") != i18n.WIT || Zone("31") != i18n.WIB {
		t.Error("Zone must return the shared i18n locations")
	}
}

func TestContains(t *testing.T) {
	for _, tc := range []struct {
		ancestor, code string
		want           bool
	}{
		{"32", "32", true},
		{"32", "32.73", true},
		{"32", "32.73.01.1001", true},
		{"32.73", "32.73.01", true},
		{"32.73", "32.7", false},
		{"32.7", "32.73", false},
		{"3", "32", false},
		{"32.73", "32", false},
		{"32.73.01", "32.73.02.1001", false},
		{"", "94.71", true},
	} {
		if got := Contains(tc.ancestor, tc.code); got != tc.want {
			t.Errorf("Contains(%q, %q) = %v, want %v", tc.ancestor, tc.code, got, tc.want)
		}
	}
}

func TestFromForm(t *testing.T) {
	form := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"empty", form(), ""},
		{"province", form(FieldProv, "32", FieldKab, ""), "32"},
		{"full", form(FieldProv, "32", FieldKab, "32.73", FieldKec, "32.73.01", FieldDesa, "32.73.01.1001"), "32.73.01.1001"},
		{"stale kecamatan", form(FieldProv, "32", FieldKab, "32.73", FieldKec, "32.04.01", FieldDesa, "32.04.01.2001"), "32.73"},
		{"stale kabupaten", form(FieldProv, "33", FieldKab, "32.73", FieldKec, "32.73.01"), "33"},
		{"gap", form(FieldProv, "32", FieldKab, "", FieldKec, "32.73.01"), "32"},
		{"wrong depth", form(FieldProv, "32.73"), ""},
		{"garbage", form(FieldProv, "<script>"), ""},
		{"whole code", form(FieldCode, "32.73.01"), "32.73.01"},
		{"bad whole code", form(FieldCode, "32.7"), ""},
		{"picker wins over code", form(FieldProv, "31", FieldCode, "32.73"), "31"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromForm(tc.form); got != tc.want {
				t.Errorf("FromForm = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFormValuesRoundTrip(t *testing.T) {
	for _, code := range []string{"32", "32.73", "32.73.01", "32.73.01.1001"} {
		v := FormValues(code)
		if got := FromForm(v); got != code {
			t.Errorf("FromForm(FormValues(%q)) = %q", code, got)
		}
		if len(v) != len(Fields) {
			t.Errorf("FormValues(%q) sets %d fields", code, len(v))
		}
	}
}

func TestLabel(t *testing.T) {
	h := Hit{
		Region: Region{Code: "32.73.01.1001", Name: "Sukarasa", Level: Kelurahan},
		Parents: []Region{
			{Code: "32", Name: "Jawa Barat", Level: Provinsi},
			{Code: "32.04", Name: "Kabupaten Bandung", Level: Kabupaten},
			{Code: "32.04.01", Name: "Sukasari", Level: Kecamatan},
		},
	}
	if got, want := h.Label(), "Sukarasa — Kec. Sukasari, Kab. Bandung, Prov. Jawa Barat"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	if got := (Hit{Region: Region{Name: "Bali"}}).Label(); got != "Bali" {
		t.Errorf("province Label = %q", got)
	}
}

func TestNormalizeQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"  Kota   BANDUNG ", "kota bandung", true},
		{"a", "", false},
		{" a ", "", false},
		{"ab", "ab", true},
		{strings.Repeat("x", MaxQueryLen+1), "", false},
		{"\xff\xfe", "", false},
	} {
		got, ok := NormalizeQuery(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeQuery(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"32", "32.73", "32.73.01", "32.73.01.1001", "", "..", "32.73.01.1001.5", " 94.71 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := ParseCode(s)
		d := Depth(s)
		if !ok {
			if code != "" || d != 0 {
				t.Fatalf("rejected %q but returned %q depth %d", s, code, d)
			}
			return
		}
		if d < 1 || d > 4 {
			t.Fatalf("depth %d for %q", d, s)
		}
		if again, ok2 := ParseCode(code); !ok2 || again != code {
			t.Fatalf("not idempotent: %q → %q → %q", s, code, again)
		}
		l := lineage(code)
		if len(l) != d || l[d-1] != code {
			t.Fatalf("lineage(%q) = %v", code, l)
		}
		for i, anc := range l {
			if !Contains(anc, code) || Depth(anc) != i+1 {
				t.Fatalf("%q should contain %q at depth %d", anc, code, i+1)
			}
		}
		if FromForm(FormValues(code)) != code {
			t.Fatalf("form round trip lost %q", code)
		}
		_ = Zone(s)
	})
}

func FuzzFromForm(f *testing.F) {
	f.Add("32", "32.73", "32.73.01", "32.73.01.1001", "")
	f.Add("", "", "", "", "32.73")
	f.Add("33", "32.73", "", "", "")
	f.Fuzz(func(t *testing.T, prov, kab, kec, desa, whole string) {
		v := url.Values{FieldProv: {prov}, FieldKab: {kab}, FieldKec: {kec}, FieldDesa: {desa}, FieldCode: {whole}}
		got := FromForm(v)
		if got == "" {
			return
		}
		if _, ok := ParseCode(got); !ok {
			t.Fatalf("FromForm returned malformed %q", got)
		}
		if strings.TrimSpace(prov) != "" && !Contains(strings.TrimSpace(prov), got) {
			t.Fatalf("FromForm = %q, outside the chosen province %q", got, prov)
		}
	})
}

func FuzzNormalizeQuery(f *testing.F) {
	for _, s := range []string{"bandung", "  Kota  Bandung", "a", "%_\\", "Regapu’u"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, ok := NormalizeQuery(s)
		if !ok {
			return
		}
		if again, _ := NormalizeQuery(q); again != q {
			t.Fatalf("not idempotent: %q → %q → %q", s, q, again)
		}
		if len(q) > MaxQueryLen || strings.TrimSpace(q) != q {
			t.Fatalf("bad normal form %q", q)
		}
	})
}
