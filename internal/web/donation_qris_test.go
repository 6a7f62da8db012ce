package web_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png" // the dynamic code is a PNG
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/payment"
	"lokadaya/internal/qris"
)

func qrisTLV(id, value string) string { return fmt.Sprintf("%s%02d%s", id, len(value), value) }

// testStaticQRIS is a synthetic static QRIS with a valid CRC.
func testStaticQRIS() string {
	body := qrisTLV("00", "01") + qrisTLV("01", "11") +
		qrisTLV("26", qrisTLV("00", "ID.CO.BANKCONTOH.WWW")+qrisTLV("01", "936099990000012345")+
			qrisTLV("02", "000000012345")+qrisTLV("03", "UMI")) +
		qrisTLV("51", qrisTLV("00", "ID.CO.QRIS.WWW")+qrisTLV("02", "ID1025000012345")+qrisTLV("03", "UMI")) +
		qrisTLV("52", "8398") + qrisTLV("53", "360") + qrisTLV("58", "ID") +
		qrisTLV("59", "TAMAN BACA") + qrisTLV("60", "BANDUNG") + "6304"
	return body + fmt.Sprintf("%04X", qris.CRC16([]byte(body)))
}

// withQRIS stores the organisation's static QRIS, confirmed when asked.
func (w *donationWorld) withQRIS(t *testing.T, confirm bool) {
	t.Helper()
	ctx, s := context.Background(), &payment.Store{DB: w.d}
	actor, payload := payment.Actor{ID: w.users["owner"].ID}, testStaticQRIS()
	if _, err := s.SetQRIS(ctx, actor, w.org.ID, payload); err != nil {
		t.Fatal(err)
	}
	if confirm {
		if err := s.ConfirmQRIS(ctx, actor, w.org.ID, payload); err != nil {
			t.Fatal(err)
		}
	}
}

const qrisRadio = `name="method" value="qris"`

func TestDonationQRISEndToEnd(t *testing.T) {
	w := newDonationWorld(t)
	w.withQRIS(t, true)
	if page := w.get(t, "anon", w.page()); !strings.Contains(page.body, qrisRadio) ||
		!strings.Contains(page.body, `name="method" value="transfer"`) {
		t.Fatalf("campaign page lacks the method choice")
	}
	loc := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti"}, "method": {"qris"}})

	var method string
	var code, amount int64
	var account *int64
	if err := w.d.QueryRow(context.Background(), `SELECT method, unique_code, amount, bank_account_id FROM donations`).
		Scan(&method, &code, &amount, &account); err != nil {
		t.Fatal(err)
	}
	if method != "qris" || code != 0 || amount != 50_000 || account != nil {
		t.Fatalf("donation: %s %d %d %v", method, code, amount, account)
	}
	if codes := w.count(t, `SELECT COUNT(*) FROM donation_codes`); codes != 0 {
		t.Fatalf("%d donation_codes rows", codes)
	}
	show := w.get(t, "anon", loc)
	if !strings.Contains(show.body, ">Menunggu pembayaran QRIS</span>") {
		t.Error("the QRIS donation's badge does not say it awaits a QRIS payment")
	}
	if !strings.Contains(show.body, `<img src="`+loc+`/qris.png"`) || strings.Contains(show.body, "<mark>") {
		t.Fatalf("instructions page:\n%s", show.body)
	}

	res := w.get(t, "anon", loc+"/qris.png")
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "image/png" ||
		res.header.Get("Cache-Control") != "private, max-age=3600" {
		t.Fatalf("png: %d %v", res.status, res.header)
	}
	img, _, err := image.Decode(bytes.NewReader([]byte(res.body)))
	if err != nil {
		t.Fatal(err)
	}
	text, err := qris.Decode(img)
	if err != nil {
		t.Fatal(err)
	}
	p, err := qris.Parse(text) // Parse checks the CRC
	if err != nil {
		t.Fatalf("parse %q: %v", text, err)
	}
	if got, ok := p.Amount(); !ok || got != amount || !p.IsDynamic() {
		t.Fatalf("payload amount %d %v, dynamic %v", got, ok, p.IsDynamic())
	}
	if crc := fmt.Sprintf("%04X", qris.CRC16([]byte(text[:len(text)-4]))); crc != text[len(text)-4:] {
		t.Fatalf("crc %s, payload %s", crc, text)
	}

	id := w.pendingID(t)
	if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	if m := w.apiMoney(t); m["confirmed"] != amount || m["pending"] != 0 {
		t.Errorf("money after: %v", m)
	}
	if res := w.get(t, "anon", loc+"/qris.png"); res.status != http.StatusNotFound {
		t.Errorf("png of a settled donation: %d", res.status)
	}
}

func TestDonationQRISHidden(t *testing.T) {
	tests := []struct {
		name   string
		stored bool
	}{{"no QRIS", false}, {"unconfirmed", true}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newDonationWorld(t)
			if tc.stored { // stored but never confirmed
				w.withQRIS(t, false)
			}
			page := w.get(t, "anon", w.page())
			if strings.Contains(page.body, qrisRadio) || strings.Contains(page.body, `type="radio" name="method"`) {
				t.Fatal("QRIS offered without a confirmed code")
			}
			form := url.Values{"amount": {"50000"}, "name": {"Siti"}, "method": {"qris"}, "token": {w.formToken(t)}}
			if res := w.post(t, "anon", w.page()+"/donasi", form); res.status != http.StatusUnprocessableEntity {
				t.Fatalf("qris without a code: %d", res.status)
			}
			loc := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti"}})
			if res := w.get(t, "anon", loc+"/qris.png"); res.status != http.StatusNotFound {
				t.Errorf("png of a transfer: %d", res.status)
			}
		})
	}
}

func TestDonationQRISOnly(t *testing.T) {
	w := newDonationWorld(t)
	w.withQRIS(t, true)
	if _, err := w.d.Exec(context.Background(), `UPDATE org_bank_accounts SET active = FALSE`); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "anon", w.page())
	if !strings.Contains(page.body, `type="hidden" name="method" value="qris"`) || strings.Contains(page.body, `value="transfer"`) {
		t.Fatalf("QRIS-only form:\n%s", page.body)
	}
	loc := w.give(t, url.Values{"amount": {"25000"}, "name": {"Siti"}, "method": {"qris"}})
	if res := w.get(t, "anon", loc+"/qris.png"); res.status != http.StatusOK {
		t.Fatalf("png: %d", res.status)
	}
	form := url.Values{"amount": {"50000"}, "name": {"Siti"}, "method": {"transfer"}, "token": {w.formToken(t)}}
	if res := w.post(t, "anon", w.page()+"/donasi", form); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("transfer without an account: %d", res.status)
	}
}
