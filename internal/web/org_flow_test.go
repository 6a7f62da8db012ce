package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/org"
)

func TestOrgCreateFlow(t *testing.T) {
	w := newOrgWorld(t)
	form := url.Values{"name": {"Bank Sampah Berseri"}, "legal_form": {"yayasan"}, "region_prov": {"32"},
		"npwp": {"12"}, "region_refresh": {"1"}}
	// The region picker's refresh re-renders with the input kept, saving nothing.
	res := w.post(t, "user", "/organisasi/baru", form)
	if res.status != 200 || !strings.Contains(res.body, `value="Bank Sampah Berseri"`) || !strings.Contains(res.body, `name="region_kab"`) {
		t.Fatalf("refresh: %d", res.status)
	}
	form.Del("region_refresh")
	res = w.post(t, "user", "/organisasi/baru", form)
	if res.status != 422 {
		t.Fatalf("invalid: %d", res.status)
	}
	for _, msg := range []string{"NPWP terdiri dari 15 digit", "Wajib diisi.", "desa/kelurahan"} {
		if !strings.Contains(res.body, msg) {
			t.Errorf("invalid form lacks %q", msg)
		}
	}
	form.Set("npwp", "01.234.567.8-901.234")
	form.Set("akta_number", "No. 5, 3 Mei 2010")
	form.Set("region_kab", "32.73")
	form.Set("region_kec", "32.73.01")
	form.Set("region_desa", orgDesa)
	res = w.post(t, "user", "/organisasi/baru", form)
	if res.status != 303 || res.location != "/organisasi/bank-sampah-berseri" {
		t.Fatalf("create: %d → %s", res.status, res.location)
	}
	o, err := w.orgs.BySlug(context.Background(), "bank-sampah-berseri")
	if err != nil || o.Status != org.StatusPending || o.NPWP != "012345678901234" || o.RegionCode != orgDesa {
		t.Fatalf("created %+v, %v", o, err)
	}
	if r, _ := w.orgs.RoleOf(context.Background(), o.ID, w.users["user"].ID); r != org.RoleOwner {
		t.Errorf("creator role %q", r)
	}
	page := w.get(t, "anon", "/organisasi/bank-sampah-berseri")
	for _, want := range []string{"Bank Sampah Berseri", "Belum terverifikasi", "Kota Bandung", "Sukarasa"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("profile lacks %q", want)
		}
	}
	if strings.Contains(page.body, "01.234.567.8-901.234") {
		t.Error("NPWP shown to the public")
	}
	if !strings.Contains(w.get(t, "user", "/organisasi/bank-sampah-berseri").body, "01.234.567.8-901.234") {
		t.Error("NPWP hidden from the owner")
	}
}

func TestOrgEditReturnsToReview(t *testing.T) {
	w := newOrgWorld(t)
	ctx := context.Background()
	if _, err := w.d.Exec(ctx, `UPDATE organizations SET status = 'needs_changes', status_reason = 'Lengkapi misi' WHERE id = ?`, w.org.ID); err != nil {
		t.Fatal(err)
	}
	if res := w.get(t, "editor", "/organisasi/taman-baca/ubah"); !strings.Contains(res.body, "Lengkapi misi") {
		t.Error("edit form does not show the coordinator's reason")
	}
	bad := profileForm()
	bad.Set("website", "javascript:alert(1)")
	if res := w.post(t, "editor", "/organisasi/taman-baca/ubah", bad); res.status != 422 || !strings.Contains(res.body, "Semua anak membaca") {
		t.Errorf("invalid edit: %d", res.status)
	}
	if res := w.post(t, "editor", "/organisasi/taman-baca/ubah", profileForm()); res.status != 303 {
		t.Fatalf("edit: %d", res.status)
	}
	o, _ := w.orgs.ByID(ctx, w.org.ID)
	if o.Status != org.StatusPending || o.Vision != "Semua anak membaca" {
		t.Errorf("after edit: %s %q", o.Status, o.Vision)
	}
}

func TestOrgLogoUpload(t *testing.T) {
	w := newOrgWorld(t)
	img := image.NewRGBA(image.Rect(0, 0, 800, 400))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	// A camera's EXIF block with a position, right after the JPEG header.
	exif := append([]byte("Exif\x00\x00"), "GPS -6.8915 107.6107 SECRET-SPOT"...)
	n := len(exif) + 2
	jpg := append([]byte{0xff, 0xd8, 0xff, 0xe1, byte(n >> 8), byte(n)}, exif...)
	jpg = append(jpg, buf.Bytes()[2:]...)

	res := w.multipart(t, "admin", "/organisasi/taman-baca/ubah", url.Values{"name": {"Taman Baca Sukarasa"},
		"legal_form": {"komunitas"}, "region": {orgDesa}}, []byte("%PDF-1.4 not a picture"))
	if res.status != 422 || !strings.Contains(res.body, "Hanya gambar JPEG") {
		t.Errorf("pdf logo: %d", res.status)
	}
	res = w.multipart(t, "admin", "/organisasi/taman-baca/ubah", profileForm(), jpg)
	if res.status != 303 {
		t.Fatalf("upload: %d %s", res.status, res.body)
	}
	o, _ := w.orgs.ByID(context.Background(), w.org.ID)
	if !strings.HasPrefix(o.LogoKey, "logos/") {
		t.Fatalf("logo key %q", o.LogoKey)
	}
	media := w.get(t, "anon", "/media/"+o.LogoKey)
	if media.status != 200 || media.header.Get("Content-Type") != "image/jpeg" ||
		media.header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(media.header.Get("Cache-Control"), "max-age=31536000") {
		t.Errorf("media: %d %v", media.status, media.header)
	}
	if strings.Contains(media.body, "SECRET-SPOT") || strings.Contains(media.body, "Exif") {
		t.Error("EXIF served with the logo")
	}
	cfg, _, err := image.DecodeConfig(strings.NewReader(media.body))
	if err != nil || cfg.Width != 512 || cfg.Height != 256 {
		t.Errorf("served logo %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	if !strings.Contains(w.get(t, "anon", "/organisasi/taman-baca").body, "/media/"+o.LogoKey) {
		t.Error("profile does not show the logo")
	}
	// Removing the logo deletes the file.
	form := profileForm()
	form.Set("remove_logo", "1")
	if res := w.multipart(t, "admin", "/organisasi/taman-baca/ubah", form, nil); res.status != 303 {
		t.Fatalf("remove: %d", res.status)
	}
	if res := w.get(t, "anon", "/media/"+o.LogoKey); res.status != 404 {
		t.Errorf("removed logo still served: %d", res.status)
	}
	for _, p := range []string{"/media/../etc/passwd", "/media/logos/..%2f..%2fx", "/media/.x", "/media/"} {
		// The mux answers a path with ".." by redirecting to its clean form.
		if res := w.get(t, "anon", p); res.status != 404 && res.status != 307 {
			t.Errorf("%s: %d", p, res.status)
		}
	}
}

var invitationLink = regexp.MustCompile(`/undangan/([0-9a-f]{64})`)

func TestOrgInvitationFlow(t *testing.T) {
	w := newOrgWorld(t)
	ctx := context.Background()
	if res := w.post(t, "admin", "/organisasi/taman-baca/undangan", url.Values{"email": {"bukan"}, "role": {"editor"}}); res.status != 422 {
		t.Errorf("bad e-mail: %d", res.status)
	}
	if res := w.post(t, "admin", "/organisasi/taman-baca/undangan", url.Values{"email": {"x@example.org"}, "role": {"owner"}}); res.status != 422 {
		t.Errorf("owner invitation: %d", res.status)
	}
	if res := w.post(t, "admin", "/organisasi/taman-baca/undangan", url.Values{"email": {"Viewer@Example.org"}, "role": {"editor"}}); res.status != 422 {
		t.Errorf("member invited again: %d", res.status)
	}
	// "user" is not a member yet: invite them, in another case.
	if res := w.post(t, "admin", "/organisasi/taman-baca/undangan", url.Values{"email": {"USER@example.org"}, "role": {"editor"}}); res.status != 303 {
		t.Fatalf("invite: %d", res.status)
	}
	var payload string
	if err := w.d.QueryRow(ctx, `SELECT payload FROM jobs WHERE kind = 'mail' ORDER BY id DESC LIMIT 1`).Scan(&payload); err != nil {
		t.Fatalf("no invitation e-mail queued: %v", err)
	}
	var msg struct{ To, Subject, Text string }
	if err := json.Unmarshal([]byte(payload), &msg); err != nil {
		t.Fatal(err)
	}
	m := invitationLink.FindStringSubmatch(msg.Text)
	if msg.To != "user@example.org" || !strings.Contains(msg.Subject, "Taman Baca Sukarasa") || m == nil ||
		!strings.Contains(msg.Text, "http://example.test/undangan/") {
		t.Fatalf("mail %+v", msg)
	}
	path := "/undangan/" + m[1]
	if res := w.get(t, "admin", "/organisasi/taman-baca/anggota"); !strings.Contains(res.body, "user@example.org") {
		t.Error("pending invitation not listed")
	}
	if res := w.get(t, "anon", path); res.status != 303 || !strings.HasPrefix(res.location, "/masuk") {
		t.Errorf("anonymous: %d %s", res.status, res.location)
	}
	if res := w.get(t, "editor", path); res.status != 403 {
		t.Errorf("someone else: %d", res.status)
	}
	if res := w.post(t, "editor", path, nil); res.status != 403 {
		t.Errorf("someone else accepts: %d", res.status)
	}
	if res := w.get(t, "user", "/dasbor"); !strings.Contains(res.body, "Taman Baca Sukarasa") {
		t.Error("dashboard does not show the invitation")
	}
	if res := w.get(t, "user", path); res.status != 200 || !strings.Contains(res.body, "Terima undangan") {
		t.Errorf("invitee: %d", res.status)
	}
	if res := w.post(t, "user", path, nil); res.status != 303 || res.location != "/organisasi/taman-baca" {
		t.Fatalf("accept: %d %s", res.status, res.location)
	}
	if r := w.role(t, "user"); r != org.RoleEditor {
		t.Errorf("role after accepting %q", r)
	}
	if res := w.post(t, "user", path, nil); res.status != 410 {
		t.Errorf("second use: %d", res.status)
	}
	if res := w.get(t, "user", "/undangan/"+strings.Repeat("0", 64)); res.status != 404 {
		t.Errorf("unknown token: %d", res.status)
	}
}

func TestOrgMemberRules(t *testing.T) {
	w := newOrgWorld(t)
	path := func(user, action string) string {
		return "/organisasi/taman-baca/anggota/" + itoa(w.users[user].ID) + "/" + action
	}
	for _, tc := range []struct {
		name, who, path string
		form            url.Values
		status          int
		flash           string
	}{
		{"admin cannot touch the owner", "admin", path("owner", "peran"), url.Values{"role": {"viewer"}}, 403, ""},
		{"admin cannot make an owner", "admin", path("editor", "peran"), url.Values{"role": {"owner"}}, 403, ""},
		{"unknown role", "admin", path("editor", "peran"), url.Values{"role": {"ketua"}}, 303, "org.flash.bad_role"},
		{"admin promotes editor", "admin", path("editor", "peran"), url.Values{"role": {"treasurer"}}, 303, "org.flash.role_changed"},
		{"owner cannot demote themselves alone", "owner", path("owner", "peran"), url.Values{"role": {"admin"}}, 303, "org.flash.last_owner"},
		{"owner cannot leave alone", "owner", path("owner", "hapus"), nil, 303, "org.flash.last_owner"},
		{"viewer may leave", "viewer", path("viewer", "hapus"), nil, 303, "org.flash.left"},
		{"non-member target", "admin", path("user", "peran"), url.Values{"role": {"viewer"}}, 404, ""},
	} {
		res := w.post(t, tc.who, tc.path, tc.form)
		if res.status != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, res.status, tc.status)
		}
		if tc.flash != "" && !strings.Contains(res.header.Get("Set-Cookie"), "flash="+tc.flash) {
			t.Errorf("%s: flash %q", tc.name, res.header.Get("Set-Cookie"))
		}
	}
	if r := w.role(t, "editor"); r != org.RoleTreasurer {
		t.Errorf("editor now %q", r)
	}
	// The only owner is offered neither buttons that would be refused, but
	// told how to leave; other members keep theirs.
	page := w.get(t, "owner", "/organisasi/taman-baca/anggota").body
	if strings.Contains(page, `action="`+path("owner", "peran")+`"`) || strings.Contains(page, `action="`+path("owner", "hapus")+`"`) ||
		!strings.Contains(page, "alihkan kepemilikan dulu") || !strings.Contains(page, `action="`+path("editor", "hapus")+`"`) {
		t.Error("the only owner's row offers what would be refused, or no longer says why, or others lost their buttons")
	}
	if r := w.role(t, "owner"); r != org.RoleOwner {
		t.Errorf("owner now %q", r)
	}
	// Transfer: the previous owner becomes admin and may then leave.
	if res := w.post(t, "owner", "/organisasi/taman-baca/alih-kepemilikan", url.Values{"to": {itoa(w.users["user"].ID)}}); res.status != 422 {
		t.Errorf("transfer to non-member: %d", res.status)
	}
	if res := w.post(t, "owner", "/organisasi/taman-baca/alih-kepemilikan", url.Values{"to": {itoa(w.users["admin"].ID)}}); res.status != 303 {
		t.Fatalf("transfer: %d", res.status)
	}
	if w.role(t, "owner") != org.RoleAdmin || w.role(t, "admin") != org.RoleOwner {
		t.Errorf("after transfer: owner=%s admin=%s", w.role(t, "owner"), w.role(t, "admin"))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
