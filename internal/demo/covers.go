package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/imaging"
)

// Cover size, in pixels: 16:9, within the 1200-pixel box of uploaded covers.
const (
	coverWidth  = 960
	coverHeight = 540
	coverBox    = 1200
	// smallCoverBox is the phone-sized copy's box, as for uploads.
	smallCoverBox = 480
)

// coverPalette is a cover's colours: sky from top to bottom, the sun, and
// the land from far to near.
type coverPalette struct {
	skyTop, skyLow, sun color.RGBA
	land                [3]color.RGBA
}

var coverPalettes = []coverPalette{
	{rgb(0x1d3b6e), rgb(0xf7a65a), rgb(0xffe29a), [3]color.RGBA{rgb(0x5b6c8f), rgb(0x3f5a4a), rgb(0x26402f)}}, // dusk
	{rgb(0x7cc6e8), rgb(0xe9f6fb), rgb(0xfff4c2), [3]color.RGBA{rgb(0x8fc18a), rgb(0x5a9a55), rgb(0x3a7a3a)}}, // rice fields
	{rgb(0x0b6e7f), rgb(0x9be3de), rgb(0xfffbe6), [3]color.RGBA{rgb(0x3ba3a0), rgb(0x1f7f7a), rgb(0x0f5a58)}}, // coast
	{rgb(0xf28f5c), rgb(0xfde2b8), rgb(0xfff7e0), [3]color.RGBA{rgb(0xc9825a), rgb(0x9a5b3c), rgb(0x6b3b28)}}, // savanna
	{rgb(0x5a3e8a), rgb(0xf2a7c3), rgb(0xffe3ef), [3]color.RGBA{rgb(0x8a6bb0), rgb(0x6a4a90), rgb(0x432d63)}}, // evening
	{rgb(0x2f7d4f), rgb(0xd9f2c4), rgb(0xfffde0), [3]color.RGBA{rgb(0x7fb069), rgb(0x4f8a3c), rgb(0x2d5e25)}}, // forest
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// coverImage paints a campaign's cover: a sky in one of the palettes, a
// sun, three rolling ridges and a row of small motifs for the initiative's
// focus issue. The same seed always gives the same picture.
func coverImage(seed int64, issue string) *image.RGBA {
	p := coverPalettes[seed%int64(len(coverPalettes))]
	img := image.NewRGBA(image.Rect(0, 0, coverWidth, coverHeight))
	w, h := coverWidth, coverHeight
	// Sky.
	for y := range h {
		c := mix(p.skyTop, p.skyLow, float64(y)/float64(h))
		row := img.Pix[y*img.Stride : y*img.Stride+w*4]
		for x := 0; x < w*4; x += 4 {
			row[x], row[x+1], row[x+2], row[x+3] = c.R, c.G, c.B, 255
		}
	}
	// Sun with a soft halo.
	sx, sy := float64(200+(seed*37)%560), float64(120+(seed*13)%90)
	disc(img, sx, sy, 150, p.sun, 0.18)
	disc(img, sx, sy, 95, p.sun, 0.35)
	disc(img, sx, sy, 60, p.sun, 1)
	// Ridges, far to near.
	for i, c := range p.land {
		base := float64(h) * (0.55 + 0.13*float64(i))
		amp := 28 - 6*float64(i)
		freq := 0.004 + 0.003*float64((seed+int64(i))%3)
		phase := float64(seed%100) / 10 * float64(i+1)
		for x := range w {
			top := int(base + amp*math.Sin(float64(x)*freq+phase) + amp/2*math.Sin(float64(x)*freq*2.7+phase))
			for y := max(top, 0); y < h; y++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	motifs(img, seed, issue, p)
	return img
}

// motifs draws a row of small shapes for the focus issue on the nearest
// ridge: lamps, trees, books, drops, houses.
func motifs(img *image.RGBA, seed int64, issue string, p coverPalette) {
	light := color.RGBA{255, 250, 235, 255}
	dark := mix(p.land[2], color.RGBA{0, 0, 0, 255}, 0.35)
	n := 5 + int(seed%4)
	for i := range n {
		x := float64(coverWidth) * (float64(i) + 0.5) / float64(n)
		y := float64(coverHeight) * 0.86
		switch issue {
		case "energi":
			rect(img, int(x)-3, int(y)-90, int(x)+3, int(y), dark)
			disc(img, x, y-96, 26, p.sun, 0.3)
			disc(img, x, y-96, 11, light, 1)
		case "lingkungan", "kebencanaan", "pertanian_pangan", "sampah":
			rect(img, int(x)-4, int(y)-50, int(x)+4, int(y), dark)
			disc(img, x, y-62, 30, mix(p.land[0], light, 0.15), 1)
			disc(img, x-14, y-52, 20, mix(p.land[1], light, 0.1), 1)
		case "pendidikan", "anak_remaja", "budaya", "tata_kelola", "bantuan_hukum":
			rect(img, int(x)-28, int(y)-44, int(x)+28, int(y)-4, light)
			rect(img, int(x)-2, int(y)-44, int(x)+2, int(y)-4, dark)
		case "air_sanitasi", "kesehatan":
			disc(img, x, y-30, 22, mix(p.skyTop, light, 0.5), 1)
			disc(img, x, y-44, 12, mix(p.skyTop, light, 0.5), 1)
			disc(img, x, y-30, 8, light, 0.8)
		default:
			rect(img, int(x)-24, int(y)-36, int(x)+24, int(y), light)
			for k := range 24 {
				rect(img, int(x)-24+k, int(y)-36-k, int(x)+24-k, int(y)-35-k, dark)
			}
		}
	}
}

// mix is a blended t of the way from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

// disc blends a filled circle of colour c at opacity alpha onto img.
func disc(img *image.RGBA, cx, cy, r float64, c color.RGBA, alpha float64) {
	b := img.Bounds()
	for y := max(int(cy-r), b.Min.Y); y <= min(int(cy+r), b.Max.Y-1); y++ {
		for x := max(int(cx-r), b.Min.X); x <= min(int(cx+r), b.Max.X-1); x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			if dx*dx+dy*dy <= r*r {
				img.SetRGBA(x, y, mix(img.RGBAAt(x, y), c, alpha))
			}
		}
	}
}

// rect fills [x0, x1) × [y0, y1) with c.
func rect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

// coverCampaigns gives every public demo campaign a cover, painted here
// and stored as an uploaded cover is: through imaging (scaled, re-encoded)
// into the uploads store under campaigns/. Without an uploads store
// (Receipts nil) the campaigns keep no cover, rather than one that cannot
// be served.
func coverCampaigns(ctx context.Context, d *db.DB) error {
	if Receipts == nil {
		return nil
	}
	rows, err := d.Query(ctx, `SELECT c.id, c.slug, COALESCE(i.category, '') FROM campaigns c
		JOIN initiatives i ON i.id = c.initiative_id WHERE c.status IN ('active', 'ended') ORDER BY c.id`)
	if err != nil {
		return fmt.Errorf("demo: covers: %w", err)
	}
	type row struct {
		id          int64
		slug, issue string
	}
	var list []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.slug, &r.issue); err != nil {
			rows.Close()
			return fmt.Errorf("demo: covers: %w", err)
		}
		list = append(list, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: covers: %w", err)
	}
	store := &campaign.Store{DB: d}
	for i, r := range list {
		var buf bytes.Buffer
		// Neighbours in the list get different palettes.
		if err := jpeg.Encode(&buf, coverImage(int64(i)+seedOf(r.slug)*int64(len(coverPalettes)), r.issue),
			&jpeg.Options{Quality: 88}); err != nil {
			return fmt.Errorf("demo: cover of %s: %w", r.slug, err)
		}
		img, err := imaging.Process(&buf, coverBox)
		if err != nil {
			return fmt.Errorf("demo: cover of %s: %w", r.slug, err)
		}
		key := fmt.Sprintf("campaigns/%d-demo%s", r.id, img.Ext)
		if err := Receipts.Put(ctx, key, img.ContentType, bytes.NewReader(img.Data)); err != nil {
			return fmt.Errorf("demo: cover of %s: %w", r.slug, err)
		}
		if err := store.SetCover(ctx, r.id, key); err != nil {
			return err
		}
		// The phone-sized copy the campaign cards offer first, as an
		// upload stores it.
		small, err := imaging.Process(bytes.NewReader(img.Data), smallCoverBox)
		if err != nil {
			return fmt.Errorf("demo: small cover of %s: %w", r.slug, err)
		}
		smallKey := fmt.Sprintf("campaigns/%d-demo-kecil%s", r.id, small.Ext)
		if err := Receipts.Put(ctx, smallKey, small.ContentType, bytes.NewReader(small.Data)); err != nil {
			return fmt.Errorf("demo: small cover of %s: %w", r.slug, err)
		}
		if err := store.SetSmallCover(ctx, r.id, smallKey); err != nil {
			return err
		}
	}
	return nil
}
