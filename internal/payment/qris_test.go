package payment_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/payment"
	"lokadaya/internal/qris"
	"lokadaya/internal/validate"
)

func TestCheckQRIS(t *testing.T) {
	static := samplePayload("11", "YAYASAN TAMAN BACA")
	tests := []struct {
		name, payload, key string
	}{
		{"static", static, ""},
		{"static with spaces around", "  " + static + "\n", ""},
		{"bad crc", badCRC(static), "qris.err.crc"},
		{"dynamic", samplePayload("12", "YAYASAN TAMAN BACA"), "payment.err.qris_not_static"},
		{"empty", "", "qris.err.empty"},
		{"not qris", "https://example.org", "qris.err.format"},
		{"too long", strings.Repeat("0", payment.MaxQRISPayload+1), "payment.err.qris_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := payment.CheckQRIS(tt.payload)
			if tt.key == "" {
				if err != nil || p.MerchantName() != "YAYASAN TAMAN BACA" {
					t.Fatalf("got %v, %v", p, err)
				}
				return
			}
			var errs validate.Errors
			if !errors.As(err, &errs) || errs["payload"] != tt.key {
				t.Fatalf("got %v, want payload=%s", err, tt.key)
			}
		})
	}
}

func TestQRISStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &payment.Store{DB: d}
		if _, err := s.QRIS(ctx, f.orgID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("empty: %v", err)
		}
		if err := s.ConfirmQRIS(ctx, f.actor, f.orgID, "x"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("confirm nothing: %v", err)
		}
		first := samplePayload("11", "YAYASAN TAMAN BACA")
		var errs validate.Errors
		if _, err := s.SetQRIS(ctx, f.actor, f.orgID, badCRC(first)); !errors.As(err, &errs) || errs["payload"] != "qris.err.crc" {
			t.Fatalf("bad crc: %v", err)
		}
		q, err := s.SetQRIS(ctx, f.actor, f.orgID, first+"\n")
		if err != nil {
			t.Fatal(err)
		}
		if q.Payload != first || q.MerchantName != "YAYASAN TAMAN BACA" || q.NMID != "ID1025000012345" || q.Confirmed() {
			t.Fatalf("saved %+v", q)
		}
		// Confirming what the page showed before a replacement is refused.
		if err := s.ConfirmQRIS(ctx, f.actor, f.orgID, samplePayload("11", "LAIN")); !errors.Is(err, payment.ErrQRISChanged) {
			t.Fatalf("stale confirm: %v", err)
		}
		if err := s.ConfirmQRIS(ctx, f.actor, f.orgID, first); err != nil {
			t.Fatal(err)
		}
		if err := s.ConfirmQRIS(ctx, f.actor, f.orgID, first); err != nil {
			t.Fatalf("confirm twice: %v", err)
		}
		q, err = s.QRIS(ctx, f.orgID)
		if err != nil {
			t.Fatal(err)
		}
		if !q.Confirmed() || q.ConfirmedBy == nil || *q.ConfirmedBy != f.actor.ID {
			t.Fatalf("confirmed %+v", q)
		}
		// Saving the same code keeps the confirmation; a new one clears it.
		if q, err = s.SetQRIS(ctx, f.actor, f.orgID, first); err != nil || !q.Confirmed() {
			t.Fatalf("same again: %+v %v", q, err)
		}
		second := samplePayload("11", "YAYASAN TAMAN BACA SUKARASA")
		if _, err := s.SetQRIS(ctx, f.actor, f.orgID, second); err != nil {
			t.Fatal(err)
		}
		q, err = s.QRIS(ctx, f.orgID)
		if err != nil {
			t.Fatal(err)
		}
		if q.Confirmed() || q.ConfirmedBy != nil || q.MerchantName != "YAYASAN TAMAN BACA SUKARASA" {
			t.Fatalf("replaced %+v", q)
		}
		if _, err := s.QRIS(ctx, f.otherOrg); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("other org: %v", err)
		}
		want := []string{"payment.qris.saved", "payment.qris.confirmed", "payment.qris.replaced"}
		if got := actions(t, d, f.orgID); !slices.Equal(got, want) {
			t.Fatalf("audit %v, want %v", got, want)
		}
	})
}

func whitePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestQRISFromImage(t *testing.T) {
	static := samplePayload("11", "YAYASAN TAMAN BACA")
	code, err := qris.PNG(static, 400)
	if err != nil {
		t.Fatal(err)
	}
	got, err := payment.QRISFromImage(bytes.NewReader(code))
	if err != nil || got != static {
		t.Fatalf("decoded %q, %v", got, err)
	}
	tests := []struct {
		name string
		data []byte
		key  string
	}{
		{"too many bytes", make([]byte, payment.MaxImageBytes+1), "payment.err.picture_too_big"},
		{"not a picture", []byte("000201 this is text"), "payment.err.picture_format"},
		{"truncated", code[:len(code)/2], "payment.err.picture_format"},
		{"no code", whitePNG(t, 200, 200), "qris.err.unreadable"},
		// A few kilobytes of file declaring 25 megapixels is refused
		// before it is decoded.
		{"too many pixels", whitePNG(t, 5000, 5000), "payment.err.picture_too_big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := payment.QRISFromImage(bytes.NewReader(tt.data))
			var errs validate.Errors
			if !errors.As(err, &errs) || errs["picture"] != tt.key {
				t.Fatalf("got %v, want picture=%s", err, tt.key)
			}
		})
	}
}

// FuzzQRISFromImage checks that no upload makes the reader panic, and that
// whatever it refuses is a message for the person.
func FuzzQRISFromImage(f *testing.F) {
	code, err := qris.PNG(samplePayload("11", "YAYASAN"), 120)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(code)
	f.Add(code[:40])
	f.Add(whitePNG(f, 8, 8))
	f.Add([]byte("GIF89a"))
	f.Add([]byte{0xff, 0xd8, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := payment.QRISFromImage(bytes.NewReader(data))
		var errs validate.Errors
		if err != nil && !errors.As(err, &errs) {
			t.Fatalf("unexpected error kind: %v", err)
		}
	})
}
