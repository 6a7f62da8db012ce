package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// proofJPEG is a small photo carrying an EXIF block with a made-up GPS
// note, as phones write them.
func proofJPEG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			img.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 8), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := []byte("Exif\x00\x00GPS-LOKASI-RAHASIA")
	app1 := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	raw := buf.Bytes()
	return append(append(append([]byte{}, raw[:2]...), app1...), raw[2:]...)
}

// uploadProof posts file as the proof of the donation at path.
func (w *orgWorld) uploadProof(t *testing.T, path, name string, file []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if file != nil {
		fw, err := mw.CreateFormFile("bukti", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return w.send(t, "anon", http.MethodPost, path+"/bukti", mw.FormDataContentType(), &buf)
}

func TestDonationProof(t *testing.T) {
	w := newDonationWorld(t)
	page := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti"}})
	id := w.pendingID(t)
	proofURL := "/organisasi/taman-baca/donasi/bukti/" + id

	show := w.get(t, "anon", page).body
	if !strings.Contains(show, `action="`+page+`/bukti#error-summary"`) || !strings.Contains(show, "Bukti transfer (boleh tidak)") {
		t.Fatal("the instructions page offers no proof upload")
	}
	if res := w.get(t, "treasurer", proofURL); res.status != http.StatusNotFound {
		t.Errorf("proof before any upload: %d", res.status)
	}

	photo := proofJPEG(t)
	res := w.uploadProof(t, page, "bukti.jpg", photo)
	if res.status != http.StatusSeeOther || res.location != page {
		t.Fatalf("upload photo: %d %s\n%s", res.status, res.location, res.body)
	}
	if show := w.get(t, "anon", page).body; !strings.Contains(show, "Bukti transfer sudah terlampir") {
		t.Error("the page does not say a proof is attached")
	}
	var key string
	if err := w.d.QueryRow(context.Background(), `SELECT blob_key FROM donation_proofs`).Scan(&key); err != nil {
		t.Fatal(err)
	}
	if res := w.get(t, "anon", "/media/"+key); res.status != http.StatusNotFound {
		t.Errorf("the proof is public under /media: %d", res.status)
	}
	manage := w.get(t, "treasurer", "/organisasi/taman-baca/donasi").body
	if !strings.Contains(manage, "bukti terlampir") || !strings.Contains(manage, proofURL) {
		t.Error("the donations page does not show the proof")
	}
	for _, role := range importRoles {
		t.Run(role, func(t *testing.T) {
			res := w.get(t, role, proofURL)
			wantAccess(t, role, res, http.StatusOK)
			if res.status != http.StatusOK {
				return
			}
			if res.header.Get("Content-Type") != "image/jpeg" || res.header.Get("Cache-Control") != "private, no-store" {
				t.Errorf("headers %v", res.header)
			}
			if strings.Contains(res.body, "GPS-LOKASI-RAHASIA") || strings.Contains(res.body, "Exif") {
				t.Error("the photo kept its EXIF block")
			}
			if _, _, err := image.Decode(strings.NewReader(res.body)); err != nil {
				t.Errorf("served picture: %v", err)
			}
		})
	}
	if res := w.get(t, "rejecter", "/organisasi/ditolak/donasi/bukti/"+id); res.status != http.StatusNotFound {
		t.Errorf("another organisation reads the proof: %d", res.status)
	}

	// A PDF replaces the photo; only the latest is kept.
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if res := w.uploadProof(t, page, "bukti.pdf", pdf); res.status != http.StatusSeeOther {
		t.Fatalf("upload PDF: %d\n%s", res.status, res.body)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donation_proofs`); n != 1 {
		t.Errorf("%d proofs kept", n)
	}
	res = w.get(t, "owner", proofURL)
	if res.status != http.StatusOK || res.body != string(pdf) || res.header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(res.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("PDF: %d %v", res.status, res.header)
	}

	for _, tt := range []struct {
		name   string
		file   []byte
		status int
		want   string
	}{
		{"text", []byte("bukan gambar"), http.StatusUnprocessableEntity, "Hanya gambar JPEG, PNG, GIF, WebP atau PDF"},
		{"html as pdf name", []byte("<html><script>alert(1)</script></html>"), http.StatusUnprocessableEntity, "Hanya gambar"},
		{"nothing", nil, http.StatusUnprocessableEntity, "Pilih berkas bukti transfer"},
		{"too large", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 5<<20+100<<10)...), http.StatusRequestEntityTooLarge, "Berkas terlalu besar"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := w.uploadProof(t, page, "bukti.pdf", tt.file)
			if res.status != tt.status || !strings.Contains(res.body, tt.want) {
				t.Errorf("%d, want %d with %q", res.status, tt.status, tt.want)
			}
			// The form posts to #error-summary: the summary is there,
			// beside the form, and its link leads to the file field.
			if !strings.Contains(res.body, `id="error-summary"`) || !strings.Contains(res.body, `href="#bukti"`) ||
				strings.Count(res.body, `id="bukti"`) != 1 {
				t.Error("no error summary by the proof form, or the field's id is not unique")
			}
		})
	}
	if res := w.get(t, "owner", proofURL); res.body != string(pdf) {
		t.Error("a refused upload replaced the proof")
	}
	if res := w.uploadProof(t, "/donasi/token-yang-tidak-ada-sama-sekali", "bukti.pdf", pdf); res.status != http.StatusNotFound {
		t.Errorf("unknown donation: %d", res.status)
	}

	// Once confirmed, the donation takes no more proofs.
	if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatal(res.status)
	}
	if res := w.uploadProof(t, page, "bukti.pdf", pdf); res.status != http.StatusConflict ||
		!strings.Contains(res.body, "tidak lagi menunggu transfer") {
		t.Errorf("proof after confirmation: %d", res.status)
	}
	if res := w.get(t, "treasurer", proofURL); res.status != http.StatusOK {
		t.Errorf("proof of a confirmed donation: %d", res.status)
	}
}

func TestDonationProofRateLimit(t *testing.T) {
	w := newDonationWorld(t)
	page := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti"}})
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	var last int
	for range 11 {
		last = w.uploadProof(t, page, "bukti.pdf", pdf).status
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("11th upload in an hour: %d", last)
	}
}
