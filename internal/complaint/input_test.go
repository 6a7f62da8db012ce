package complaint_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
)

func TestCodeIsShortReadableAndNormalised(t *testing.T) {
	shape := regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)
	seen := map[string]bool{}
	for range 2000 {
		c := complaint.NewCode()
		if !shape.MatchString(c) {
			t.Fatalf("code %q has the wrong shape", c)
		}
		if seen[c] {
			t.Fatalf("code %q drawn twice in 2000", c)
		}
		seen[c] = true
	}
	for _, tc := range []struct{ in, want string }{
		{"K7QM-4TXR", "K7QM-4TXR"},
		{"k7qm4txr", "K7QM-4TXR"},
		{" k7qm 4txr ", "K7QM-4TXR"},
		{"IL0O-ABCD", "1100-ABCD"}, // I and L read as one, O as zero
		{"K7QM-4TX", ""},
		{"K7QM-4TXRR", ""},
		{"K7QM-4TXU", ""}, // U is not in the alphabet
		{"<script>", ""},
		{strings.Repeat("A", 40), ""},
	} {
		got, ok := complaint.NormalizeCode(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("NormalizeCode(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestInputCheck(t *testing.T) {
	now := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
	valid := func() complaint.Input {
		return complaint.Input{OrgID: 1, Text: "Antrean terlalu lama, tiga jam menunggu.", Visibility: complaint.VisPublic,
			Channel: complaint.ChannelWeb}
	}
	for _, tc := range []struct {
		name   string
		change func(*complaint.Input)
		field  string
		key    string
	}{
		{"valid", func(*complaint.Input) {}, "", ""},
		{"empty text", func(in *complaint.Input) { in.Text = "   " }, "text", "form.required"},
		{"short text", func(in *complaint.Input) { in.Text = "lama" }, "text", "complaint.error.text_short"},
		{"long text", func(in *complaint.Input) { in.Text = strings.Repeat("a", complaint.MaxText+1) }, "text", "form.too_long"},
		{"a megabyte", func(in *complaint.Input) { in.Text = strings.Repeat("x", 1<<20) }, "text", "form.too_long"},
		{"html kept as text", func(in *complaint.Input) { in.Text = "<script>alert(1)</script> antre" }, "", ""},
		{"bad category", func(in *complaint.Input) { in.Category = "politik" }, "category", "complaint.error.category"},
		{"no visibility", func(in *complaint.Input) { in.Visibility = "" }, "visibility", "form.required"},
		{"bad visibility", func(in *complaint.Input) { in.Visibility = "semua" }, "visibility", "complaint.error.visibility"},
		{"anonymous with contact", func(in *complaint.Input) {
			in.Visibility, in.Contact = complaint.VisAnonymous, "siti@example.net"
		}, "contact", "complaint.error.anonymous_contact"},
		{"anonymous with name", func(in *complaint.Input) {
			in.Visibility, in.ContactName = complaint.VisAnonymous, "Siti"
		}, "contact", "complaint.error.anonymous_contact"},
		{"bad contact", func(in *complaint.Input) { in.Contact = "bukan kontak" }, "contact", "complaint.error.contact"},
		{"phone contact", func(in *complaint.Input) { in.Contact = "0812-3456-7890" }, "", ""},
		{"long name", func(in *complaint.Input) { in.ContactName = strings.Repeat("n", 101) }, "contact_name", "form.too_long"},
		{"bad channel", func(in *complaint.Input) { in.Channel = "merpati" }, "channel", "complaint.error.channel"},
		{"future", func(in *complaint.Input) { in.ReceivedAt = now.Add(time.Hour) }, "received_at", "complaint.error.future"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := valid()
			tc.change(&in)
			errs := in.Check(now)
			if tc.field == "" {
				if len(errs) > 0 {
					t.Fatalf("refused: %v", errs)
				}
				return
			}
			if errs[tc.field] != tc.key {
				t.Fatalf("errors %v, want %s=%s", errs, tc.field, tc.key)
			}
		})
	}
	in := valid()
	in.Contact = "+62 812 3456 7890"
	if errs := in.Check(now); len(errs) > 0 || in.Contact != "+6281234567890" || in.Category != complaint.CategoryOther {
		t.Errorf("normalised to contact %q, category %q (%v)", in.Contact, in.Category, errs)
	}
}

func TestMaskContacts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hubungi saya di siti@example.net ya", "Hubungi saya di [disamarkan] ya"},
		{"WA 0812-3456-7890 sore", "WA [disamarkan] sore"},
		{"nomor +62 812 3456 7890", "nomor [disamarkan]"},
		{"NIK 3273010101010001", "NIK [disamarkan]"},
		{"biaya Rp 150.000.000 terlalu mahal", "biaya Rp 150.000.000 terlalu mahal"},
		{"diminta Rp1.500.000", "diminta Rp1.500.000"},
		{"tanggal 12-03-2026 jam 10", "tanggal 12-03-2026 jam 10"},
		{"antre 3 jam", "antre 3 jam"},
	} {
		got, changed := complaint.MaskContacts(tc.in)
		if got != tc.want || changed != (tc.in != tc.want) {
			t.Errorf("MaskContacts(%q) = %q, %v; want %q", tc.in, got, changed, tc.want)
		}
	}
}

func TestRedact(t *testing.T) {
	got, n := complaint.Redact("Pak Budi kasar. pak budi juga minta uang.", "Pak Budi")
	if n != 2 || got != "[disamarkan] kasar. [disamarkan] juga minta uang." {
		t.Errorf("Redact = %q, %d", got, n)
	}
	if _, n := complaint.Redact("tidak ada", "Budi"); n != 0 {
		t.Errorf("redacted %d of nothing", n)
	}
}

func TestPublicRef(t *testing.T) {
	if got := complaint.PublicRef(42); got != "PGD-000042" {
		t.Errorf("PublicRef(42) = %q", got)
	}
	for in, want := range map[string]int64{"PGD-000042": 42, "pgd-000042 ": 42, "PGD-1234567": 1234567,
		"PGD-42": 0, "K7QM-4TXR": 0, "PGD-00000x": 0, "PGD-000000": 0} {
		if got, ok := complaint.ParseRef(in); got != want || ok != (want != 0) {
			t.Errorf("ParseRef(%q) = %d, %v", in, got, ok)
		}
	}
}
