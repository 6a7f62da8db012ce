package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"lokadaya/internal/pdf/pdftest"
)

func TestCyclePrintPDF(t *testing.T) {
	w := newCycleWorld(t)
	c := w.start(t, 2)
	ctx := context.Background()
	q := cycleQuestion(t, 1)
	latest, err := w.cycles.Latest(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	answer := "Visi kami: “semua anak membaca” — dana Rp1.500.000 (buku) \\ rak…"
	if _, err := w.cycles.SaveAnswer(ctx, c.ID, q, answer, latest[q].Version, w.actor("editor")); err != nil {
		t.Fatal(err)
	}
	path := "/organisasi/taman-baca/siklus/1/cetak.pdf"
	for _, role := range cycleRoles {
		t.Run(role, func(t *testing.T) {
			got := w.get(t, role, path)
			if want := cycleWant(role, cycleReaders, http.StatusOK); got.status != want {
				t.Fatalf("GET %s as %s = %d, want %d", path, role, got.status, want)
			}
			if got.status != http.StatusOK {
				return
			}
			for h, want := range map[string]string{
				"Content-Type":        "application/pdf",
				"Content-Disposition": `attachment; filename="siklus-taman-baca-1.pdf"`,
				"Cache-Control":       "no-store",
			} {
				if v := got.header.Get(h); v != want {
					t.Errorf("%s = %q, want %q", h, v, want)
				}
			}
			f, err := pdftest.Parse([]byte(got.body))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(f.Text()), " ")
			for _, want := range []string{"Siklus 1 — Taman Baca", answer, "Belum dijawab.", "Halaman 1",
				"Riwayat perpindahan tahap", "Siklus dibuka di tahap 1", "Lanjut dari tahap 1"} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF lacks %q:\n%s", want, text)
				}
			}
			if f.Info["Title"] == "" || f.Info["Producer"] != "Lokadaya" {
				t.Errorf("info = %q", f.Info)
			}
		})
	}
	if got := w.get(t, "viewer", "/organisasi/taman-baca/siklus/2/cetak.pdf"); got.status != http.StatusNotFound {
		t.Errorf("missing cycle = %d", got.status)
	}
	// The file follows the caller's language.
	en := w.get(t, "viewer", path+"?lang=en")
	f, err := pdftest.Parse([]byte(en.body))
	if err != nil {
		t.Fatal(err)
	}
	if text := f.Text(); !strings.Contains(text, "Not answered yet.") || !strings.Contains(text, "Page 1") {
		t.Errorf("English PDF:\n%s", text)
	}
	// Both printable views link to the file.
	for _, page := range []string{"/organisasi/taman-baca/siklus/1", "/organisasi/taman-baca/siklus/1/cetak"} {
		if !strings.Contains(w.get(t, "viewer", page).body, path) {
			t.Errorf("%s has no PDF link", page)
		}
	}
}
