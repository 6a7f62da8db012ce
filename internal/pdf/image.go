package pdf

import (
	"fmt"
	"image"
	"strconv"
)

// Align places a block across the text width.
type Align int

// The alignments of Image and Centred lines.
const (
	AlignLeft Align = iota
	AlignCentre
)

// picture is an image XObject: its pixels as DeviceGray (one byte a
// pixel) or DeviceRGB (three), with a soft mask of its alpha when it is
// not fully opaque.
type picture struct {
	width, height int
	gray          bool
	pixels        []byte
	alpha         []byte // nil when opaque
}

// newPicture copies img's pixels in the form a PDF image wants; a picture
// of grey pixels only (a QR code) takes one byte a pixel.
func newPicture(img image.Image) *picture {
	b := img.Bounds()
	p := &picture{width: b.Dx(), height: b.Dy(), gray: true}
	n := p.width * p.height
	rgb := make([]byte, 0, 3*n)
	alpha := make([]byte, 0, n)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			// Colours are alpha-premultiplied; show them unpremultiplied
			// and let the soft mask do the blending.
			if a != 0 && a != 0xffff {
				r, g, bl = r*0xffff/a, g*0xffff/a, bl*0xffff/a
			}
			rgb = append(rgb, byte(r>>8), byte(g>>8), byte(bl>>8))
			alpha = append(alpha, byte(a>>8))
			opaque = opaque && a == 0xffff
			p.gray = p.gray && r>>8 == g>>8 && g>>8 == bl>>8
		}
	}
	p.pixels = rgb
	if p.gray {
		p.pixels = make([]byte, n)
		for i := range n {
			p.pixels[i] = rgb[3*i]
		}
	}
	if !opaque {
		p.alpha = alpha
	}
	return p
}

// write writes the picture, and its mask before it, and returns the
// picture's object number. Pixels are always compressed: they are the
// bulk of a file that has any.
func (p *picture) write(pw *writer) int {
	space, mask := "/DeviceRGB", ""
	if p.gray {
		space = "/DeviceGray"
	}
	if p.alpha != nil {
		m := pw.alloc()
		mask = " /SMask " + strconv.Itoa(m) + " 0 R"
		pw.imageStream(m, p.width, p.height, "/DeviceGray", "", p.alpha)
	}
	n := pw.alloc()
	pw.imageStream(n, p.width, p.height, space, mask, p.pixels)
	return n
}

// imageStream writes object n as an 8-bit image of w×h pixels.
func (pw *writer) imageStream(n, w, h int, space, extra string, pixels []byte) {
	pw.streamDict(n, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d "+
		"/ColorSpace %s /BitsPerComponent 8%s", w, h, space, extra), pixels, true)
}

// Image adds img drawn width×height points, at the left margin or centred
// across the text width, moving to a new page when it does not fit. The
// picture is not smoothed when enlarged, so a QR code's modules stay
// sharp.
func (d *Document) Image(img image.Image, width, height float64, align Align) {
	d.need(height)
	// The pixels go out with this page; only the object number stays.
	d.pictures = append(d.pictures, newPicture(img).write(d.out))
	x := Margin
	if align == AlignCentre {
		x += (TextWidth - width) / 2
	}
	d.y -= height
	d.page.WriteString("q " + num(width) + " 0 0 " + num(height) + " " + num(x) + " " + num(d.y) +
		" cm /Im" + strconv.Itoa(len(d.pictures)-1) + " Do Q\n")
	d.y -= bodySize * 0.5
}

// Centred adds text in font f at size, each wrapped line centred across
// the text width.
func (d *Document) Centred(f Font, size float64, text string) {
	for _, l := range Wrap(Encode(flatten(text)), f, size, TextWidth) {
		d.line(f, size, Margin+(TextWidth-f.Width(l, size))/2, l)
	}
	d.y -= size * 0.3
}

// Room is the height left on the current page, in points: a whole page's
// before the first block. A poster sizes its last picture to fit it.
func (d *Document) Room() float64 {
	if !d.onPage {
		return d.top() - Margin
	}
	return d.y - Margin
}

// KeepTogether starts a new page unless h points fit on this one, so the
// blocks that follow (a caption and its picture) are not split.
func (d *Document) KeepTogether(h float64) { d.need(h) }
