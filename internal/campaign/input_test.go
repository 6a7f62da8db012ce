package campaign_test

import (
	"net/url"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
)

func TestParsePermitAndDates(t *testing.T) {
	base := func(kv ...string) url.Values {
		f := form("title", "Kampanye", "starts_at", "2025-01-01", "ends_at", "2025-01-31")
		for i := 0; i+1 < len(kv); i += 2 {
			f.Set(kv[i], kv[i+1])
		}
		return f
	}
	permit := []string{"pub_permit_number", "123/PUB/2025", "pub_permit_issuer", "gubernur",
		"pub_permit_from", "2025-01-01", "pub_permit_until", "2025-04-01"}
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string // "" when valid
	}{
		{"no permit", base(), ""},
		{"full permit, exactly three months", base(permit...), ""},
		{"permit longer than three months", base(append(permit, "pub_permit_until", "2025-04-02")...), "pub_permit_until"},
		{"permit ending before it starts", base(append(permit, "pub_permit_until", "2024-12-01")...), "pub_permit_until"},
		{"number only", base("pub_permit_number", "1/PUB"), "pub_permit_issuer"},
		{"dates only", base("pub_permit_from", "2025-01-01"), "pub_permit_number"},
		{"unknown issuer", base(append(permit, "pub_permit_issuer", "camat")...), "pub_permit_issuer"},
		{"bad date", base("ends_at", "31-01-2025"), "ends_at"},
		{"end before start", base("ends_at", "2024-12-31"), "ends_at"},
		{"one-day campaign", base("ends_at", "2025-01-01"), ""},
		{"no title", base("title", " "), "title"},
		{"unknown scheme", base("scheme", "barter"), "scheme"},
	} {
		in, errs := campaign.Parse(tc.form, i18n.WIB)
		switch {
		case tc.field == "" && len(errs) > 0:
			t.Errorf("%s: unexpected %v", tc.name, errs)
		case tc.field != "" && errs[tc.field] == "":
			t.Errorf("%s: want error on %s, got %v", tc.name, tc.field, errs)
		}
		if tc.name == "one-day campaign" && in.EndsAt.Sub(*in.StartsAt) != 24*time.Hour {
			t.Errorf("one day lasts %v", in.EndsAt.Sub(*in.StartsAt))
		}
	}
	// The form round-trips through the stored campaign.
	in, _ := campaign.Parse(base(permit...), i18n.WITA)
	c := &campaign.Campaign{Title: in.Title, StartsAt: in.StartsAt, EndsAt: in.EndsAt, Permit: in.Permit}
	back := c.Form(i18n.WITA)
	if back.Get("ends_at") != "2025-01-31" || back.Get("pub_permit_until") != "2025-04-01" {
		t.Errorf("round trip %v", back)
	}
}

func TestParseNeedByKind(t *testing.T) {
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string
	}{
		{"dana", form("kind", "dana", "title", "Biaya", "target", "Rp1.500.000"), ""},
		{"dana without target", form("kind", "dana", "title", "Biaya"), "target"},
		{"dana with cents", form("kind", "dana", "title", "Biaya", "target", "1.500,50"), "target"},
		{"dana zero", form("kind", "dana", "title", "Biaya", "target", "0"), "target"},
		{"barang without unit", form("kind", "barang", "title", "Kursi", "target", "10"), "unit"},
		{"barang bad value", form("kind", "barang", "title", "Kursi", "target", "10", "unit", "buah", "item_value", "abc"), "item_value"},
		{"relawan", form("kind", "relawan", "title", "Pengajar", "target", "3", "place", "Balai"), ""},
		{"keahlian without target", form("kind", "keahlian", "title", "Akuntan"), ""},
		{"kemitraan", form("kind", "kemitraan", "title", "Percetakan", "target", "oops"), ""},
		{"advokasi without text", form("kind", "advokasi", "title", "Petisi", "target", "100"), "petition_text"},
		{"unknown kind", form("kind", "uang", "title", "x"), "kind"},
		{"no title", form("kind", "keahlian"), "title"},
	} {
		in, errs := campaign.ParseNeed(tc.form)
		switch {
		case tc.field == "" && len(errs) > 0:
			t.Errorf("%s: unexpected %v", tc.name, errs)
		case tc.field != "" && errs[tc.field] == "":
			t.Errorf("%s: want error on %s, got %v", tc.name, tc.field, errs)
		}
		if tc.field == "" && (in.Kind == "keahlian" || in.Kind == "kemitraan") && in.Target != 0 {
			t.Errorf("%s: target %d kept", tc.name, in.Target)
		}
	}
}

// A count (goods, volunteers, signatures) that is not a whole number is
// told so in words of counting, not of rupiah.
func TestParseNeedTargetMessages(t *testing.T) {
	for _, tc := range []struct{ kind, target, want string }{
		{"barang", "dua puluh", "campaign.err.count"},
		{"relawan", "2,5", "campaign.err.count"},
		{"advokasi", "seratus", "campaign.err.count"},
		{"barang", "-5", "tools.err.amount_negative"},
		{"dana", "dua juta", "tools.err.amount_invalid"},
		{"dana", "1.500,50", "tools.err.amount_decimal"},
	} {
		_, errs := campaign.ParseNeed(form("kind", tc.kind, "title", "x", "target", tc.target, "unit", "buah",
			"petition_text", "Kami meminta"))
		if got := errs["target"]; got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.kind, tc.target, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Kampanye", "2025-01-01", "2025-02-01", "1/PUB", "kemensos", "2025-01-01", "2025-03-31")
	f.Add("", "x", "2025-13-40", "", "", "", "")
	f.Add("Ω", "1999-12-31", "2101-01-01", "n", "camat", "2025-05-01", "2025-01-01")
	f.Fuzz(func(t *testing.T, title, start, end, num, issuer, from, until string) {
		in, errs := campaign.Parse(form("title", title, "starts_at", start, "ends_at", end, "pub_permit_number", num,
			"pub_permit_issuer", issuer, "pub_permit_from", from, "pub_permit_until", until), i18n.WIT)
		if len(errs) > 0 {
			return
		}
		if in.StartsAt != nil && in.EndsAt != nil && !in.EndsAt.After(*in.StartsAt) {
			t.Fatalf("accepted end before start: %v %v", in.StartsAt, in.EndsAt)
		}
		if p := in.Permit; p.Present() && (p.From == nil || p.Until == nil || p.Until.After(p.From.AddDate(0, 3, 0))) {
			t.Fatalf("accepted permit %+v", p)
		}
	})
}

func FuzzParseNeed(f *testing.F) {
	f.Add("dana", "Biaya", "1.000.000", "", "")
	f.Add("barang", "Kursi", "10", "buah", "25.000")
	f.Add("advokasi", "Petisi", "-5", "", "")
	f.Add("keahlian", "", "9223372036854775807999", "", "Rp")
	f.Fuzz(func(t *testing.T, kind, title, target, unit, value string) {
		in, errs := campaign.ParseNeed(form("kind", kind, "title", title, "target", target, "unit", unit,
			"item_value", value, "petition_text", "teks"))
		if len(errs) > 0 {
			return
		}
		if !campaign.ValidKind(in.Kind) || in.Target < 0 || (in.ItemValue != nil && *in.ItemValue < 0) {
			t.Fatalf("accepted %+v", in)
		}
		if (in.Kind == "dana" || in.Kind == "barang" || in.Kind == "relawan" || in.Kind == "advokasi") && in.Target <= 0 {
			t.Fatalf("countable need without target: %+v", in)
		}
	})
}
