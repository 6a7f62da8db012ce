package pdf

import (
	"image"
	"image/color"
	"strconv"
)

// Modules draws the dark pixels of img — a QR code's modules, one pixel a
// module — as black squares filling width×width points, at the left margin
// or centred, moving to a new page when it does not fit. Drawn as vectors,
// the code stays sharp at any zoom or printer resolution and takes a few
// hundred bytes. A pixel is dark when its luminance is below half.
func (d *Document) Modules(img image.Image, width float64, align Align) {
	b := img.Bounds()
	if b.Empty() {
		return
	}
	height := width * float64(b.Dy()) / float64(b.Dx())
	d.need(height)
	x := Margin
	if align == AlignCentre {
		x += (TextWidth - width) / 2
	}
	d.y -= height
	// In a space of one unit a module, every square has whole coordinates:
	// neighbours meet exactly, without hairlines between them.
	out := append(d.page.AvailableBuffer(), "q 0 g "...)
	out = append(appendNum(out, width/float64(b.Dx())), " 0 0 "...)
	out = append(appendNum(out, height/float64(b.Dy())), ' ')
	out = append(appendNum(out, x), ' ')
	out = append(appendNum(out, d.y), " cm\n"...)
	for row := range b.Dy() {
		y := b.Dy() - 1 - row // PDF's y grows upwards
		for col := 0; col < b.Dx(); {
			if !dark(img.At(b.Min.X+col, b.Min.Y+row)) {
				col++
				continue
			}
			// One rectangle for a run of dark modules in the row.
			start := col
			for col < b.Dx() && dark(img.At(b.Min.X+col, b.Min.Y+row)) {
				col++
			}
			out = strconv.AppendInt(out, int64(start), 10)
			out = append(out, ' ')
			out = strconv.AppendInt(out, int64(y), 10)
			out = append(out, ' ')
			out = strconv.AppendInt(out, int64(col-start), 10)
			out = append(out, " 1 re\n"...)
		}
	}
	out = append(out, "f Q\n"...)
	d.page.Write(out)
	d.y -= bodySize * 0.5
}

// dark reports whether a pixel is closer to black than to white.
func dark(c color.Color) bool { return color.GrayModel.Convert(c).(color.Gray).Y < 128 }
