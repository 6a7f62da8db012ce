package demo_test

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg"
	"io"
	"testing"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
)

// TestDemoCovers checks every public demo campaign gets a cover of its own,
// stored in the uploads store as an uploaded cover is.
func TestDemoCovers(t *testing.T) {
	dir := t.TempDir()
	demo.Receipts = blob.NewDir(dir)
	t.Cleanup(func() { demo.Receipts = nil })
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		rows, err := d.Query(ctx, `SELECT slug, cover_key, cover_small_key FROM campaigns WHERE status IN ('active', 'ended') ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		sizes := map[int64]string{}
		n := 0
		for rows.Next() {
			var slug, key, small string
			if err := rows.Scan(&slug, &key, &small); err != nil {
				t.Fatal(err)
			}
			n++
			if key == "" {
				t.Errorf("%s has no cover", slug)
				continue
			}
			r, _, err := demo.Receipts.Open(ctx, key)
			if err != nil {
				t.Fatalf("%s: %v", slug, err)
			}
			data, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || format != "jpeg" || cfg.Width > 1200 || cfg.Width < 600 {
				t.Errorf("%s: cover %s is %s %dx%d (%v)", slug, key, format, cfg.Width, cfg.Height, err)
			}
			// The phone-sized copy the cards offer first.
			sr, _, err := demo.Receipts.Open(ctx, small)
			if err != nil {
				t.Fatalf("%s: small cover %q: %v", slug, small, err)
			}
			scfg, _, err := image.DecodeConfig(sr)
			sr.Close()
			if err != nil || scfg.Width > 480 || scfg.Width*cfg.Height != scfg.Height*cfg.Width {
				t.Errorf("%s: small cover %dx%d of %dx%d (%v)", slug, scfg.Width, scfg.Height, cfg.Width, cfg.Height, err)
			}
			if other, ok := sizes[int64(len(data))]; ok {
				t.Errorf("%s has the same cover as %s", slug, other)
			}
			sizes[int64(len(data))] = slug
		}
		if n < 12 {
			t.Errorf("%d public campaigns", n)
		}
	})
}
