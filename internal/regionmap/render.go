package regionmap

import (
	"fmt"
	"html"
	"math"
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
	paths, grid := pathsFor(spec.Level, spec.Within, shapes)
	values := make([]int64, 0, len(shapes))
	box := emptyBox()
	for _, s := range shapes {
		values = append(values, spec.Values[s.Code])
		box = box.Union(s.Box)
	}
	scale := NewColorScale(values)
	w, h := box.MaxX-box.MinX, box.MaxY-box.MinY
	margin := max(w, h) / 50
	vb := Box{onGrid(box.MinX-margin, grid), onGrid(box.MinY-margin, grid),
		onGrid(box.MaxX+margin, grid), onGrid(box.MaxY+margin, grid)}
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

// A map of the whole country is drawn coarser, its areas being small on
// the screen: some 11,600 units wide, it shows at most about a thousand
// pixels across. Its points are put on a grid of nationalGrid units,
// about a pixel, so that its numbers are short, and its outlines are
// simplified by nationalTolerance units, a few pixels: the provinces'
// map is the first view of /peta and must stay light. The kabupaten/kota
// map, with 514 areas, keeps a finer outline.
const nationalGrid = 10

var nationalTolerance = map[string]float64{LevelProvinsi: 30, LevelKabupaten: 12}

// pathsFor is the path data of shapes, in units of the grid it returns.
func pathsFor(level, within string, shapes []Shape) ([]string, int) {
	tol, grid := 0.0, 1
	if within == "" {
		tol, grid = nationalTolerance[level], nationalGrid
	}
	key := level + "|" + within
	if v, ok := pathCache.Load(key); ok {
		return v.([]string), grid
	}
	out := make([]string, len(shapes))
	for i, s := range shapes {
		out[i] = pathData(s.Rings, tol, grid)
	}
	pathCache.Store(key, out)
	return out, grid
}

// pathData writes rings, simplified by tol and put on a grid of grid
// units, as SVG path data with relative steps: "M10 20l3-2 4 5z". Rings
// that become too small to see are left out, but an area always keeps at
// least its largest ring, so that every region is drawn and linked.
func pathData(rings []Ring, tol float64, grid int) string {
	var b strings.Builder
	largest, largestArea := -1, -1
	for i, r := range rings {
		if a := abs(r.Area()); a > largestArea {
			largest, largestArea = i, a
		}
		if tol > 0 {
			simple := Simplify(r, tol)
			if simple == nil || abs(simple.Area()) < int(tol*tol*2) {
				continue
			}
			r = simple
		}
		r = snap(r, grid)
		if len(r) < 3 {
			continue
		}
		writeRing(&b, r)
	}
	if b.Len() == 0 && largest >= 0 {
		// Too small to simplify: draw its largest ring as stored, on the
		// grid, even if that leaves a single point.
		r := snap(rings[largest], grid)
		if len(r) == 0 {
			r = Ring{{onGrid(rings[largest][0].X, grid), onGrid(rings[largest][0].Y, grid)}}
		}
		writeRing(&b, r)
	}
	return b.String()
}

// snap puts r's points on a grid of grid units, dropping the points that
// then repeat.
func snap(r Ring, grid int) Ring {
	if grid == 1 {
		return r
	}
	out := make(Ring, len(r))
	for i, p := range r {
		out[i] = Point{onGrid(p.X, grid), onGrid(p.Y, grid)}
	}
	return dedupe(out)
}

// onGrid is v in units of grid, rounded to the nearest.
func onGrid(v, grid int) int {
	if grid == 1 {
		return v
	}
	return int(math.Round(float64(v) / float64(grid)))
}

func writeRing(b *strings.Builder, r Ring) {
	fmt.Fprintf(b, "M%d %d", r[0].X, r[0].Y)
	if len(r) > 1 {
		b.WriteByte('l')
	}
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
