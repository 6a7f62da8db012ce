package web_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/blob"
	"lokadaya/internal/blob/blobtest"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

// Two instances of the server on one PostgreSQL database and one bucket,
// as behind a load balancer: a logo uploaded through one is served by the
// other, and removing it through the other takes it away from both.
func TestTwoInstancesShareTheBucket(t *testing.T) {
	ctx := context.Background()
	d := dbtest.Postgres(t) // skips when PostgreSQL is not configured
	bucket := blobtest.FakeS3(t, "lokadaya")
	unused := filepath.Join(t.TempDir(), "uploads") // must stay absent: files go to the bucket
	config := func() web.Config {
		store, err := blob.OpenURL(bucket, "")
		if err != nil {
			t.Fatal(err)
		}
		return web.Config{BaseURL: "http://example.test", UploadsDir: unused, Blobs: store}
	}
	one := newOrgWorldWith(t, d, config())

	// The second instance has its own connections, as another process would.
	d2, err := db.Open(ctx, d.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d2.Close() })
	srv2, err := web.New(config(), d2, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	two := *one
	two.srv, two.ts = srv2, serveFront(t, srv2)
	t.Cleanup(two.ts.Close)

	var logo bytes.Buffer
	if err := jpeg.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 64, 64)), nil); err != nil {
		t.Fatal(err)
	}
	if res := one.multipart(t, "admin", "/organisasi/taman-baca/ubah", profileForm(), logo.Bytes()); res.status != 303 {
		t.Fatalf("upload through the first instance: %d %s", res.status, res.body)
	}
	o, err := one.orgs.ByID(ctx, one.org.ID)
	if err != nil || !strings.HasPrefix(o.LogoKey, "logos/") {
		t.Fatalf("logo key %q, %v", o.LogoKey, err)
	}
	for _, w := range []*orgWorld{&two, one} {
		media := w.get(t, "anon", "/media/"+o.LogoKey)
		if media.status != 200 || media.header.Get("Content-Type") != "image/jpeg" {
			t.Errorf("logo from %s: %d %v", w.ts.URL, media.status, media.header)
		}
		if _, _, err := image.DecodeConfig(strings.NewReader(media.body)); err != nil {
			t.Errorf("logo from %s is not an image: %v", w.ts.URL, err)
		}
	}
	if _, err := os.Stat(unused); !os.IsNotExist(err) {
		t.Errorf("the uploads directory was written to: %v", err)
	}
	if !strings.Contains(two.get(t, "anon", "/organisasi/taman-baca").body, "/media/"+o.LogoKey) {
		t.Error("the second instance's profile does not show the logo")
	}

	form := profileForm()
	form.Set("remove_logo", "1")
	if res := two.post(t, "admin", "/organisasi/taman-baca/ubah", form); res.status != 303 {
		t.Fatalf("remove through the second instance: %d", res.status)
	}
	if res := one.get(t, "anon", "/media/"+o.LogoKey); res.status != 404 {
		t.Errorf("removed logo still served by the first instance: %d", res.status)
	}
}
