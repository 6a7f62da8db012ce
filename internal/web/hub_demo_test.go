package web_test

import (
	"strings"
	"testing"
)

// The hub and admin pages render the demo world for the people who use them.
func TestHubPagesOnDemoData(t *testing.T) {
	w := newDemoWorld(t)
	w.signIn(t, "timur", "koordinator.timur@lokadaya.test")
	for _, tc := range []struct {
		path, role string
		contains   []string
	}{
		{"/simpul", "anon", []string{"Simpul Sumatera", "Simpul Jawa–Bali", "Simpul Indonesia Timur", "OMS terverifikasi"}},
		{"/simpul/simpul-indonesia-timur?lang=en", "anon", []string{"Yohanes Nggebu", "Koperasi Perempuan Kapas Timor", "Verified", "Papua"}},
		{"/simpul/simpul-indonesia-timur/tinjau", "timur", []string{"Perkumpulan Air Bersih Sentani", "Serikat Nelayan Tradisional Teluk Banggai"}},
		{"/simpul/simpul-indonesia-timur/tinjau/nelayan-teluk-banggai", "timur", []string{"Lengkapi susunan pengurus", "Perlu perbaikan", "Yohanes Nggebu"}},
		{"/admin", "platform", []string{"Menunggu verifikasi", "Simpul Jawa–Bali"}},
		{"/admin/organisasi?status=pending", "platform", []string{"Komunitas Patroli Api Pulang Pisau", "tangguhkan"}},
		{"/admin/audit", "platform", []string{"org.verified", "hub.created"}},
		{"/admin/simpul/simpul-sumatera/ubah", "platform", []string{"koordinator.sumatera@lokadaya.test", "Kepulauan Riau"}},
	} {
		res := w.get(t, tc.role, tc.path)
		if res.status != 200 {
			t.Errorf("GET %s = %d", tc.path, res.status)
			continue
		}
		for _, want := range tc.contains {
			if !strings.Contains(res.body, want) {
				t.Errorf("GET %s lacks %q", tc.path, want)
			}
		}
	}
}

// Coordinators accompany the verified OMS of their hub: the hub page leads
// them to each one's cycle workspace, which they may read; the public sees
// no such link.
func TestHubPageLeadsCoordinatorsToCycles(t *testing.T) {
	w := newDemoWorld(t)
	link := `href="/organisasi/terang-kampung/siklus"`
	if got := w.get(t, "anon", "/simpul/simpul-jawa-bali"); strings.Contains(got.body, link) {
		t.Error("the public hub page links to a cycle workspace")
	}
	if got := w.get(t, "coordinator", "/simpul/simpul-jawa-bali"); !strings.Contains(got.body, link) {
		t.Fatal("the coordinator's hub page does not link to the member's cycle")
	}
	if got := w.get(t, "coordinator", "/organisasi/terang-kampung/siklus"); got.status != 200 {
		t.Errorf("coordinator opens the member's cycle = %d", got.status)
	}
}
