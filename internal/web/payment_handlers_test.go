package web_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
	"lokadaya/internal/payment"
	"lokadaya/internal/qris"
)

// paymentQRIS builds a synthetic static QRIS (made-up PAN, NMID and name).
func paymentQRIS(merchant string) string {
	tlv := func(id, v string) string { return fmt.Sprintf("%s%02d%s", id, len(v), v) }
	body := tlv("00", "01") + tlv("01", "11") +
		tlv("26", tlv("00", "ID.CO.BANKCONTOH.WWW")+tlv("01", "936099990000012345")) +
		tlv("51", tlv("00", "ID.CO.QRIS.WWW")+tlv("02", "ID1025000012345")) +
		tlv("52", "8398") + tlv("53", "360") + tlv("58", "ID") + tlv("59", merchant) + tlv("60", "BANDUNG") + "6304"
	return body + fmt.Sprintf("%04X", qris.CRC16([]byte(body)))
}

// uploadPicture posts the QRIS form with a picture.
func (w *orgWorld) uploadPicture(t *testing.T, role, path string, picture []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("payload", "")
	fw, err := mw.CreateFormFile("picture", "qris.png")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(picture)
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

func TestPaymentPageAccess(t *testing.T) {
	w := newOrgWorld(t)
	const page = "/organisasi/taman-baca/pembayaran"
	managers := map[string]bool{"treasurer": true, "admin": true, "owner": true}
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			res := w.get(t, role, page)
			switch role {
			case "anon":
				if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
					t.Fatalf("anon: %d %s", res.status, res.location)
				}
				return
			case "user":
				if res.status != http.StatusForbidden {
					t.Fatalf("non-member: %d", res.status)
				}
				return
			}
			if res.status != http.StatusOK {
				t.Fatalf("status %d", res.status)
			}
			hasForm := strings.Contains(res.body, `action="/organisasi/taman-baca/pembayaran/rekening#error-summary"`)
			if hasForm != managers[role] {
				t.Fatalf("form shown=%v for %s", hasForm, role)
			}
			profile := w.get(t, role, "/organisasi/taman-baca")
			if link := strings.Contains(profile.body, `href="/organisasi/taman-baca/pembayaran"`); link != managers[role] {
				t.Fatalf("profile link shown=%v for %s", link, role)
			}
		})
	}
}

func TestPaymentAccountAdd(t *testing.T) {
	w := newOrgWorld(t)
	const path = "/organisasi/taman-baca/pembayaran/rekening"
	s := &payment.Store{DB: w.d}
	added := 0
	for i, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			number := strconv.Itoa(1234567000 + i)
			res := w.post(t, role, path, url.Values{"bank": {"bca"}, "account_number": {number}, "account_name": {"Yayasan Taman Baca"}})
			switch {
			case role == "anon":
				if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
					t.Fatalf("anon: %d %s", res.status, res.location)
				}
			case role == "treasurer" || role == "admin" || role == "owner":
				if res.status != http.StatusSeeOther || res.location != "/organisasi/taman-baca/pembayaran" {
					t.Fatalf("manager: %d %s", res.status, res.location)
				}
				added++
			default:
				if res.status != http.StatusForbidden {
					t.Fatalf("%s: %d", role, res.status)
				}
			}
		})
	}
	list, err := s.Accounts(context.Background(), w.org.ID)
	if err != nil || len(list) != added || added != 3 {
		t.Fatalf("accounts %d (%v), want %d", len(list), err, added)
	}

	t.Run("invalid keeps input", func(t *testing.T) {
		res := w.post(t, "treasurer", path, url.Values{"bank": {"bri"}, "account_number": {"12a-456"}, "account_name": {"Bendahara OMS"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		msg := html.EscapeString(i18n.T(i18n.ID, "payment.err.account_digits"))
		if !strings.Contains(res.body, msg) || !strings.Contains(res.body, `value="12a-456"`) || !strings.Contains(res.body, `value="Bendahara OMS"`) {
			t.Fatalf("error or input missing:\n%s", res.body)
		}
	})

	t.Run("deactivate", func(t *testing.T) {
		id := strconv.FormatInt(list[0].ID, 10)
		if res := w.post(t, "viewer", path+"/"+id+"/nonaktifkan", nil); res.status != http.StatusForbidden {
			t.Fatalf("viewer: %d", res.status)
		}
		if res := w.post(t, "treasurer", path+"/"+id+"/nonaktifkan", nil); res.status != http.StatusSeeOther {
			t.Fatalf("treasurer: %d", res.status)
		}
		if res := w.post(t, "treasurer", path+"/"+id+"/nonaktifkan", nil); res.status != http.StatusNotFound {
			t.Fatalf("twice: %d", res.status)
		}
		if res := w.post(t, "treasurer", path+"/x/nonaktifkan", nil); res.status != http.StatusNotFound {
			t.Fatalf("bad id: %d", res.status)
		}
		page := w.get(t, "viewer", "/organisasi/taman-baca/pembayaran")
		if !strings.Contains(page.body, i18n.T(i18n.ID, "payment.accounts.inactive")) {
			t.Fatal("inactive account not shown")
		}
	})
}

func TestPaymentQRISBadCRC(t *testing.T) {
	w := newOrgWorld(t)
	good := paymentQRIS("YAYASAN TAMAN BACA")
	bad := good[:len(good)-4] + "0000"
	if bad == good {
		bad = good[:len(good)-4] + "FFFF"
	}
	res := w.post(t, "treasurer", "/organisasi/taman-baca/pembayaran/qris", url.Values{"payload": {bad}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.status)
	}
	msg := html.EscapeString(i18n.T(i18n.ID, "qris.err.crc"))
	if !strings.Contains(res.body, msg) {
		t.Fatalf("CRC message %q missing:\n%s", msg, res.body)
	}
	if !strings.Contains(res.body, ">"+html.EscapeString(bad)+"</textarea>") {
		t.Fatal("pasted text not kept")
	}
	if _, err := (&payment.Store{DB: w.d}).QRIS(context.Background(), w.org.ID); err == nil {
		t.Fatal("bad QRIS stored")
	}
	// Pasting is refused to those who may not manage money.
	if res := w.post(t, "editor", "/organisasi/taman-baca/pembayaran/qris", url.Values{"payload": {good}}); res.status != http.StatusForbidden {
		t.Fatalf("editor: %d", res.status)
	}
}

func TestPaymentQRISUploadAndConfirm(t *testing.T) {
	w := newOrgWorld(t)
	ctx := context.Background()
	s := &payment.Store{DB: w.d}
	static := paymentQRIS("YAYASAN TAMAN BACA")
	picture, err := qris.PNG(static, 360)
	if err != nil {
		t.Fatal(err)
	}
	res := w.uploadPicture(t, "treasurer", "/organisasi/taman-baca/pembayaran/qris", picture)
	if res.status != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", res.status, res.body)
	}
	q, err := s.QRIS(ctx, w.org.ID)
	if err != nil || q.Payload != static || q.Confirmed() {
		t.Fatalf("stored %+v %v", q, err)
	}
	page := w.get(t, "treasurer", "/organisasi/taman-baca/pembayaran")
	for _, want := range []string{"YAYASAN TAMAN BACA", "ID1025000012345", `action="/organisasi/taman-baca/pembayaran/qris/konfirmasi"`} {
		if !strings.Contains(page.body, want) {
			t.Fatalf("page lacks %q", want)
		}
	}
	// A viewer sees the code but cannot confirm it.
	if res := w.post(t, "viewer", "/organisasi/taman-baca/pembayaran/qris/konfirmasi", url.Values{"payload": {static}}); res.status != http.StatusForbidden {
		t.Fatalf("viewer confirm: %d", res.status)
	}
	res = w.post(t, "treasurer", "/organisasi/taman-baca/pembayaran/qris/konfirmasi", url.Values{"payload": {static}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	if q, err = s.QRIS(ctx, w.org.ID); err != nil || !q.Confirmed() || *q.ConfirmedBy != w.users["treasurer"].ID {
		t.Fatalf("confirmed %+v %v", q, err)
	}
	page = w.get(t, "viewer", "/organisasi/taman-baca/pembayaran")
	if strings.Contains(page.body, "/qris/konfirmasi") || !strings.Contains(page.body, "Dikonfirmasi") || !strings.Contains(page.body, "YAYASAN TAMAN BACA") {
		t.Fatal("viewer page wrong after confirmation")
	}

	t.Run("picture without a code", func(t *testing.T) {
		res := w.uploadPicture(t, "owner", "/organisasi/taman-baca/pembayaran/qris", []byte("not a picture"))
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, html.EscapeString(i18n.T(i18n.ID, "payment.err.picture_format"))) {
			t.Fatalf("status %d", res.status)
		}
	})
	t.Run("picture too big", func(t *testing.T) {
		res := w.uploadPicture(t, "owner", "/organisasi/taman-baca/pembayaran/qris", make([]byte, payment.MaxImageBytes+128<<10))
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, html.EscapeString(i18n.T(i18n.ID, "payment.err.picture_too_big"))) {
			t.Fatalf("status %d", res.status)
		}
	})
	t.Run("replacing clears confirmation", func(t *testing.T) {
		res := w.post(t, "admin", "/organisasi/taman-baca/pembayaran/qris", url.Values{"payload": {paymentQRIS("YAYASAN BARU")}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("replace: %d", res.status)
		}
		// Confirming the old code after the replacement confirms nothing.
		w.post(t, "treasurer", "/organisasi/taman-baca/pembayaran/qris/konfirmasi", url.Values{"payload": {static}})
		if q, err := s.QRIS(ctx, w.org.ID); err != nil || q.Confirmed() || q.MerchantName != "YAYASAN BARU" {
			t.Fatalf("after replace %+v %v", q, err)
		}
	})
}
