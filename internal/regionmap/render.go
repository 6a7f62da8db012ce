package regionmap

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Palette is the colour scale, from few to many.
var Palette = []string{"#d4ebe7", "#9dd0c6", "#5eb0a3", "#2c887c", "#0a5c53"}

// ZeroColor fills an area whose figure is zero.
const ZeroColor = "#d9d9d2"

// Class is one step of a colour scale: the figures from Min to Max.
type Class struct {
	Min, Max int64
	Color    string
}

// ColorScale maps a figure to a colour: zero to ZeroColor, the rest to
// up to len(Palette) classes holding about as many areas each.
type ColorScale struct {
	Classes []Class
}

// NewColorScale builds the scale of a set of figures.
func NewColorScale(values []int64) ColorScale {
	var pos []int64
	for _, v := range values {
		if v > 0 {
			pos = append(pos, v)
		}
	}
	slices.Sort(pos)
	if len(pos) == 0 {
		return ColorScale{}
	}
	n := len(Palette)
	var uppers []int64
	for k := 1; k <= n; k++ {
		idx := (k*len(pos)+n-1)/n - 1
		up := pos[idx]
		if len(uppers) == 0 || up > uppers[len(uppers)-1] {
			uppers = append(uppers, up)
		}
	}
	var cs ColorScale
	lo := pos[0]
	for i, up := range uppers {
		color := classColor(i, len(uppers))
		cs.Classes = append(cs.Classes, Class{Min: lo, Max: up, Color: color})
		lo = up + 1
	}
	return cs
}

// classColor is the colour of class i of n: the whole palette for a full
// scale; fewer classes skip its palest step, too close to ZeroColor to
// tell apart when it is the only one.
func classColor(i, n int) string {
	last := len(Palette) - 1
	switch {
	case n >= len(Palette):
		return Palette[i]
	case n == 1:
		return Palette[last-1]
	}
	return Palette[1+i*(last-1)/(n-1)]
}

// Color is the fill of an area with figure v.
func (cs ColorScale) Color(v int64) string {
	if v <= 0 {
		return ZeroColor
	}
	for _, c := range cs.Classes {
		if v <= c.Max {
			return c.Color
		}
	}
	if len(cs.Classes) > 0 {
		return cs.Classes[len(cs.Classes)-1].Color
	}
	return ZeroColor
}

// Spec says what to draw.
type Spec struct {
	// Level is LevelProvinsi or LevelKabupaten; Within, a province code,
	// limits a kabupaten map to that province ("" for the whole country).
	Level, Within string
	// Title names the map for screen readers.
	Title string
	// Names are the regions' names by code; Values their figures.
	Names  map[string]string
	Values map[string]int64
	// Label writes an area's figure as text ("12 organisasi").
	Label func(v int64) string
	// Href is the link of an area.
	Href func(code string) string
	// Standalone writes a document of its own (XML declaration, namespace,
	// a legend drawn inside) rather than an element to put in a page.
	Standalone bool
	// LegendTitle heads the legend of a standalone map; LegendValue
	// writes its figures (plain digits when nil).
	LegendTitle string
	LegendValue func(v int64) string
}

// Map is a drawn map and its colour scale.
type Map struct {
	SVG   string
	Scale ColorScale
	Box   Box
	Areas int
}

// Render draws the map of spec.
func Render(spec Spec) (*Map, error) {
	shapes, err := Shapes(spec.Level)
	if err != nil {
		return nil, err
	}
	shapes = Within(shapes, spec.Within)
	if len(shapes) == 0 {
		return nil, fmt.Errorf("regionmap: nothing to draw within %q", spec.Within)
	}
	paths := pathsFor(spec.Level, spec.Within, shapes)
	values := make([]int64, 0, len(shapes))
	box := emptyBox()
	for _, s := range shapes {
		values = append(values, spec.Values[s.Code])
		box = box.Union(s.Box)
	}
	scale := NewColorScale(values)
	w, h := box.MaxX-box.MinX, box.MaxY-box.MinY
	margin := max(w, h) / 50
	vb := Box{box.MinX - margin, box.MinY - margin, box.MaxX + margin, box.MaxY + margin}
	legendH := 0
	if spec.Standalone {
		legendH = (vb.MaxX - vb.MinX) / 12
	}
	var b strings.Builder
	b.Grow(len(shapes) * 400)
	if spec.Standalone {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	fmt.Fprintf(&b, `<svg`)
	if spec.Standalone {
		b.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	fmt.Fprintf(&b, ` viewBox="%d %d %d %d" class="map" aria-labelledby="map-title" preserveAspectRatio="xMidYMid meet">`,
		vb.MinX, vb.MinY, vb.MaxX-vb.MinX, vb.MaxY-vb.MinY+legendH)
	fmt.Fprintf(&b, `<title id="map-title">%s</title>`, esc(spec.Title))
	b.WriteString(`<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd" vector-effect="non-scaling-stroke">`)
	for i, s := range shapes {
		v := spec.Values[s.Code]
		name := spec.Names[s.Code]
		if name == "" {
			name = s.Code
		}
		label := strconv.FormatInt(v, 10)
		if spec.Label != nil {
			label = spec.Label(v)
		}
		fmt.Fprintf(&b, `<a href="%s" data-code="%s"`, esc(spec.Href(s.Code)), s.Code)
		if spec.Standalone {
			b.WriteString(` target="_top"`)
		}
		fmt.Fprintf(&b, `><title>%s: %s</title><path d="%s" fill="%s" vector-effect="non-scaling-stroke"/></a>`,
			esc(name), esc(label), paths[i], scale.Color(v))
	}
	b.WriteString(`</g>`)
	if spec.Standalone {
		writeLegend(&b, spec, scale, vb, legendH)
	}
	b.WriteString(`</svg>`)
	return &Map{SVG: b.String(), Scale: scale, Box: vb, Areas: len(shapes)}, nil
}

func writeLegend(b *strings.Builder, spec Spec, scale ColorScale, vb Box, h int) {
	size := h / 3
	x, y := vb.MinX+size/2, vb.MaxY+size/3
	fmt.Fprintf(b, `<g font-family="sans-serif" font-size="%d" fill="#222222">`, size*2/3)
	fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`, x, y+size*2/3, esc(spec.LegendTitle))
	y += size
	steps := append([]Class{{Min: 0, Max: 0, Color: ZeroColor}}, scale.Classes...)
	for _, c := range steps {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#999999"/>`, x, y, size, size*2/3, c.Color)
		format := spec.LegendValue
		if format == nil {
			format = func(v int64) string { return strconv.FormatInt(v, 10) }
		}
		text := format(c.Min)
		if c.Max != c.Min {
			text += "–" + format(c.Max)
		}
		fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`, x+size+size/4, y+size*2/3-size/10, esc(text))
		x += size * 4
	}
	b.WriteString(`</g>`)
}

func esc(s string) string { return html.EscapeString(s) }

// The path data of each level and province are drawn once and kept.
var pathCache sync.Map // key level|within → []string

// nationalTolerance simplifies a map of the whole country further: some
// 11,600 units wide, it shows at most about a thousand pixels across, so
// a dozen units is about a pixel. The kabupaten/kota map, with 514 areas,
// is simplified a little more to stay light.
var nationalTolerance = map[string]float64{LevelProvinsi: 9, LevelKabupaten: 12}

// pathsFor is the path data of shapes; a map of the whole country is
// simplified further, its areas being small on the screen.
func pathsFor(level, within string, shapes []Shape) []string {
	key := level + "|" + within
	if v, ok := pathCache.Load(key); ok {
		return v.([]string)
	}
	tol := 0.0
	if within == "" {
		tol = nationalTolerance[level]
	}
	out := make([]string, len(shapes))
	for i, s := range shapes {
		out[i] = pathData(s.Rings, tol)
	}
	pathCache.Store(key, out)
	return out
}

// pathData writes rings as SVG path data with relative steps:
// "M10 20l3-2 4 5z".
func pathData(rings []Ring, tol float64) string {
	var b strings.Builder
	drawn := 0
	for _, r := range rings {
		if tol > 0 {
			simple := Simplify(r, tol)
			if simple == nil || abs(simple.Area()) < int(tol*tol*2) {
				continue
			}
			r = simple
		}
		drawn++
		writeRing(&b, r)
	}
	if drawn == 0 {
		// Too small to simplify: draw it as stored.
		for _, r := range rings {
			writeRing(&b, r)
		}
	}
	return b.String()
}

func writeRing(b *strings.Builder, r Ring) {
	fmt.Fprintf(b, "M%d %d", r[0].X, r[0].Y)
	b.WriteByte('l')
	for i := 1; i < len(r); i++ {
		dx, dy := r[i].X-r[i-1].X, r[i].Y-r[i-1].Y
		if i > 1 && dx >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(dx))
		if dy >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(dy))
	}
	b.WriteByte('z')
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
