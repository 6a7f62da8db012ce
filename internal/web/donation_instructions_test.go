package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

// A donor who leaves an e-mail address and pays by transfer is mailed,
// in the page's language, the exact amount with its unique code, the
// account, the deadline and their donation's private page; without an
// address nothing is sent.
func TestDonationInstructionsMailed(t *testing.T) {
	w := newDonationWorld(t)
	w.withQRIS(t, true)
	tests := []struct {
		name  string
		form  url.Values
		want  []string
		mails int
	}{
		{"transfer in Indonesian", url.Values{"amount": {"50000"}, "name": {"Siti"}, "email": {"siti@example.org"}, "method": {"transfer"}},
			[]string{"Halo Siti", "Buku untuk Anak", "BCA 1234567890 a.n. Taman Baca", "sebelum "}, 1},
		{"transfer in English", url.Values{"amount": {"75000"}, "name": {"Ann"}, "email": {"ann@example.org"}, "method": {"transfer"}, "lang": {"en"}},
			[]string{"Hello Ann", "in the name of Taman Baca", "before "}, 1},
		{"QRIS", url.Values{"amount": {"40000"}, "name": {"Rina"}, "email": {"rina@example.org"}, "method": {"qris"}},
			[]string{"Halo Rina", "memindai kode QRIS"}, 1},
		{"no address", url.Values{"amount": {"60000"}, "name": {"Budi"}, "method": {"transfer"}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`)
			path := w.page() + "/donasi"
			if tt.form.Get("lang") == "en" {
				path += "?lang=en"
			}
			tt.form.Set("token", w.formToken(t))
			res := w.post(t, "anon", path, tt.form)
			if res.status != 303 {
				t.Fatalf("give: %d", res.status)
			}
			if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`) - before; n != tt.mails {
				t.Fatalf("%d mails queued, want %d", n, tt.mails)
			}
			if tt.mails == 0 {
				return
			}
			var payload string
			var amount, code int64
			if err := w.d.QueryRow(context.Background(), `SELECT payload FROM jobs WHERE kind = 'mail' ORDER BY id DESC LIMIT 1`).Scan(&payload); err != nil {
				t.Fatal(err)
			}
			if err := w.d.QueryRow(context.Background(), `SELECT amount, unique_code FROM donations ORDER BY id DESC LIMIT 1`).Scan(&amount, &code); err != nil {
				t.Fatal(err)
			}
			var msg struct{ To, Subject, Text string }
			if err := json.Unmarshal([]byte(payload), &msg); err != nil {
				t.Fatal(err)
			}
			want := append(tt.want, i18n.Rupiah(amount), "http://example.test"+res.location)
			if tt.form.Get("method") == "transfer" {
				want = append(want, i18n.Rupiah(code))
			}
			if msg.To != tt.form.Get("email") {
				t.Errorf("to %q", msg.To)
			}
			for _, s := range want {
				if !strings.Contains(msg.Text, s) {
					t.Errorf("the mail lacks %q:\n%s", s, msg.Text)
				}
			}
		})
	}
}
