package offer_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"lokadaya/internal/offer"
)

func TestFromForm(t *testing.T) {
	in := offer.FromForm(url.Values{"kind": {" swasta "}, "name": {"  Rudi \n Hartono "},
		"institution": {"PT  Buku"}, "body": {"\r\nBaris satu\r\nBaris dua\r\n"}, "email": {" rudi@example.org "},
		"phone": {"0812 3456 7890"}, "show_name": {"1"}, "kabar": {"1"}, "token": {" abcdefghijklmnopq "}})
	want := offer.Input{Kind: "swasta", Name: "Rudi Hartono", Institution: "PT Buku", Body: "Baris satu\nBaris dua",
		Email: "rudi@example.org", Phone: "0812 3456 7890", ShowName: true, Kabar: true, Token: "abcdefghijklmnopq"}
	if in != want {
		t.Errorf("got %+v\nwant %+v", in, want)
	}
	if empty := offer.FromForm(url.Values{}); empty.Kabar || empty.ShowName {
		t.Errorf("unticked boxes read as ticked: %+v", empty)
	}
}

func TestCanMove(t *testing.T) {
	for _, from := range offer.Statuses {
		for _, to := range offer.Statuses {
			want := (from == "baru" && to == "dibahas") || (from == "dibahas" && (to == "disepakati" || to == "ditolak"))
			if offer.CanMove(from, to) != want {
				t.Errorf("CanMove(%s, %s) = %v", from, to, !want)
			}
		}
	}
}

func TestPublicName(t *testing.T) {
	for _, tc := range []struct {
		o    offer.Offer
		want string
	}{
		{offer.Offer{Kind: offer.KindCommunity, Name: "Ani", Institution: "Karang Taruna"}, "Karang Taruna"},
		{offer.Offer{Kind: offer.KindPerson, Name: "Ani", ShowName: true}, "Ani"},
		{offer.Offer{Kind: offer.KindPerson, Name: "Ani"}, ""},
	} {
		if got := tc.o.PublicName(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.o, got, tc.want)
		}
	}
}

// FuzzOfferForm feeds the form parser and validation anything: they never
// panic, and whatever they accept is valid text within the limits.
func FuzzOfferForm(f *testing.F) {
	f.Add("swasta", "Rudi", "PT Buku", "Pelatihan", "rudi@example.org", "0812345678", "abcdefghijklmnopqr")
	f.Add("individu", "Ani", "", "Mengajar\r\nSabtu", "ani@example.org", "", "abcdefghijklmnopqr")
	f.Add("media", " ", "\x00", "\xff", "@", "+1 555", "")
	f.Fuzz(func(t *testing.T, kind, name, institution, body, email, phone, token string) {
		in := offer.FromForm(url.Values{"kind": {kind}, "name": {name}, "institution": {institution},
			"body": {body}, "email": {email}, "phone": {phone}, "token": {token}})
		if errs := in.Check(); len(errs) > 0 {
			return
		}
		if !offer.ValidKind(in.Kind) || in.Name == "" || in.Body == "" || in.Email == "" {
			t.Fatalf("accepted incomplete %+v", in)
		}
		for _, s := range []string{in.Name, in.Institution, in.Body} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Fatalf("accepted invalid text %q", s)
			}
		}
		if utf8.RuneCountInString(in.Body) > offer.MaxBody || utf8.RuneCountInString(in.Name) > offer.MaxName {
			t.Fatalf("accepted too long %+v", in)
		}
		if (in.Kind == offer.KindPerson) != (in.Institution == "") {
			t.Fatalf("institution rule broken: %+v", in)
		}
		if in.Phone != "" && !strings.HasPrefix(in.Phone, "+62") {
			t.Fatalf("phone not normalised: %q", in.Phone)
		}
	})
}
