package gateway

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

const testKey = "sandbox-server-key"

// Vectors computed independently: sha512sum of the concatenation.
func TestSignatureVectors(t *testing.T) {
	for _, tc := range []struct{ order, code, gross, key, want string }{
		{"lokadaya-1234", "200", "150000.00", "sandbox-server-key",
			"ec3e73e89daa83d287d6fc36ba675d201de5de7d4277d41034f29abaf7bfe28f9c04fcf7308372b5a17a8846447a9b39dd11ef3d7f987fa4fb8e0a529fe51a5c"},
		{"don-42", "201", "25000.00", "SB-Mid-server-abc",
			"829681ef87184ada457ba30b8d4d841cef763f8d8457d8a1f6b05fff9b6c1ba8d301870af20749565ca98aeaaf8ed8682b0a18e863d8c3ddbf8d6418b94ab350"},
	} {
		if got := Signature(tc.order, tc.code, tc.gross, tc.key); got != tc.want {
			t.Errorf("Signature(%s) = %s, want %s", tc.order, got, tc.want)
		}
	}
}

// body builds a notification; fields in edit replace or (with "") drop
// the defaults after signing.
func body(t testing.TB, edit map[string]string) []byte {
	t.Helper()
	f := map[string]string{
		"order_id": "lokadaya-1234", "status_code": "200", "gross_amount": "150000.00", "currency": "IDR",
		"transaction_status": "settlement", "fraud_status": "accept", "payment_type": "qris",
		"transaction_id": "9aed5972-5b6a-401e-894b-a32c91ed1a3a", "transaction_time": "2026-03-01 14:05:00",
	}
	f["signature_key"] = Signature(f["order_id"], f["status_code"], f["gross_amount"], testKey)
	for k, v := range edit {
		if v == "" {
			delete(f, k)
		} else {
			f[k] = v
		}
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseNotificationValid(t *testing.T) {
	n, err := ParseNotification(body(t, nil), testKey)
	if err != nil {
		t.Fatal(err)
	}
	want := Notification{
		OrderID: "lokadaya-1234", StatusCode: "200", GrossAmount: 150000, GrossAmountRaw: "150000.00",
		TransactionStatus: "settlement", FraudStatus: "accept", PaymentType: "qris",
		TransactionID:   "9aed5972-5b6a-401e-894b-a32c91ed1a3a",
		TransactionTime: time.Date(2026, 3, 1, 7, 5, 0, 0, time.UTC), State: StatePaid,
	}
	if *n != want {
		t.Errorf("got %+v\nwant %+v", *n, want)
	}
}

func TestParseNotificationRejects(t *testing.T) {
	resign := func(order, code, gross string) string { return Signature(order, code, gross, testKey) }
	for _, tc := range []struct {
		name string
		body []byte
		key  string
		want error
	}{
		{"wrong key", body(t, nil), "other-key", ErrBadSignature},
		{"no key", body(t, nil), "", ErrBadSignature},
		{"amount tampered", body(t, map[string]string{"gross_amount": "1500000.00"}), testKey, ErrBadSignature},
		{"order tampered", body(t, map[string]string{"order_id": "lokadaya-1235"}), testKey, ErrBadSignature},
		{"code tampered", body(t, map[string]string{"status_code": "201"}), testKey, ErrBadSignature},
		{"signature cut", body(t, map[string]string{"signature_key": resign("lokadaya-1234", "200", "150000.00")[:64]}), testKey, ErrBadSignature},
		{"pending edited to settlement", body(t, map[string]string{"status_code": "201", "signature_key": resign("lokadaya-1234", "201", "150000.00")}), testKey, ErrBadNotification},
		{"sen", body(t, map[string]string{"gross_amount": "150000.50", "signature_key": resign("lokadaya-1234", "200", "150000.50")}), testKey, ErrBadNotification},
		{"negative", body(t, map[string]string{"gross_amount": "-1.00", "signature_key": resign("lokadaya-1234", "200", "-1.00")}), testKey, ErrBadNotification},
		{"no signature", body(t, map[string]string{"signature_key": ""}), testKey, ErrBadNotification},
		{"no order", body(t, map[string]string{"order_id": ""}), testKey, ErrBadNotification},
		{"unknown status", body(t, map[string]string{"transaction_status": "paid"}), testKey, ErrBadNotification},
		{"currency", body(t, map[string]string{"currency": "USD"}), testKey, ErrBadNotification},
		{"time", body(t, map[string]string{"transaction_time": "yesterday"}), testKey, ErrBadNotification},
		{"not json", []byte("order_id=1"), testKey, ErrBadNotification},
		{"two objects", append(body(t, nil), []byte(" {}")...), testKey, ErrBadNotification},
		{"huge", []byte(strings.Repeat(" ", maxNotification+1)), testKey, ErrBadNotification},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ParseNotification(tc.body, tc.key)
			if !errors.Is(err, tc.want) || n != nil {
				t.Errorf("got %v, %v; want %v", n, err, tc.want)
			}
		})
	}
}

func TestParseNotificationUppercaseSignature(t *testing.T) {
	sig := strings.ToUpper(Signature("lokadaya-1234", "200", "150000.00", testKey))
	if _, err := ParseNotification(body(t, map[string]string{"signature_key": sig}), testKey); err != nil {
		t.Fatal(err)
	}
}

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"150000.00", 150000, true}, {"150000", 150000, true}, {"10000.0", 10000, true},
		{"1.000", 1, true}, {"999999999999999.00", 999999999999999, true},
		{"150000.50", 0, false}, {"150000.01", 0, false}, {"0.00", 0, false}, {"0", 0, false},
		{"", 0, false}, {".00", 0, false}, {"1.", 0, false}, {"-5.00", 0, false}, {"+5", 0, false},
		{"1e5", 0, false}, {" 5", 0, false}, {"1,000.00", 0, false}, {"1000000000000000", 0, false},
		{"١٢", 0, false},
	} {
		got, err := ParseAmount(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrBadNotification) {
			t.Errorf("ParseAmount(%q): error %v is not ErrBadNotification", tc.in, err)
		}
	}
	if got := FormatAmount(150000); got != "150000.00" {
		t.Errorf("FormatAmount = %q", got)
	}
}

// FuzzParseNotification: never panics, and nothing but the genuine signed
// values ever verifies.
func FuzzParseNotification(f *testing.F) {
	f.Add(body(f, nil), testKey)
	f.Add(body(f, map[string]string{"transaction_status": "pending", "status_code": "201"}), testKey)
	f.Add(body(f, map[string]string{"transaction_status": "capture", "fraud_status": "challenge"}), testKey)
	f.Add(body(f, map[string]string{"gross_amount": "150000"}), testKey)
	f.Add([]byte(`{"order_id":1}`), testKey)
	f.Add([]byte(`null`), "")
	f.Add([]byte(`{"order_id":"a","status_code":"200","gross_amount":"1.5","signature_key":"00"}`), "k")
	f.Fuzz(func(t *testing.T, b []byte, key string) {
		n, err := ParseNotification(b, key)
		if err != nil {
			if n != nil {
				t.Fatal("notification with an error")
			}
			return
		}
		if n.GrossAmount <= 0 || !n.State.Valid() {
			t.Fatalf("bad values verified: %+v", n)
		}
		if n.State == StatePaid && n.StatusCode != "200" {
			t.Fatalf("paid without status_code 200: %+v", n)
		}
		// Only the first seed carries a genuine signature; whatever else
		// the fuzzer changes (the unsigned transaction_status, say), the
		// signed order_id, status_code and gross_amount must stay.
		if key != testKey || n.OrderID != "lokadaya-1234" || n.StatusCode != "200" || n.GrossAmountRaw != "150000.00" {
			t.Fatalf("tampered body verified with key %q: %+v", key, n)
		}
	})
}

// A key given twice is refused even when the signature matches: parsers
// disagree on which of two transaction_status values counts.
func TestParseNotificationDuplicateKey(t *testing.T) {
	sig := Signature("1", "200", "50000.00", testKey)
	body := `{"order_id":"1","status_code":"200","gross_amount":"50000.00","transaction_status":"cancel",` +
		`"transaction_status":"settlement","signature_key":"` + sig + `"}`
	if _, err := ParseNotification([]byte(body), testKey); !errors.Is(err, ErrBadNotification) {
		t.Errorf("duplicate transaction_status: %v", err)
	}
}
