// Package regionmap draws Indonesia's provinces and kabupaten/kota as a
// server-rendered SVG map, each area a link to its region page and
// coloured by a figure. The boundaries are embedded in the binary (see
// data/README.md for their source and licence), keyed by the Kemendagri
// codes of internal/region, already projected and quantised to integers by
// the converter in gen/, so rendering needs no outside request.
package regionmap

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The projection: a plain equirectangular one, which near the equator
// hardly differs from Mercator. A point's x is (longitude − OriginLng) ×
// Scale and its y (OriginLat − latitude) × Scale, rounded to integers.
const (
	Scale     = 250 // units per degree: one unit is about 440 m
	OriginLng = 94.5
	OriginLat = 6.5
)

// Project turns a longitude and latitude into map units.
func Project(lng, lat float64) Point {
	return Point{int(math.Round((lng - OriginLng) * Scale)), int(math.Round((OriginLat - lat) * Scale))}
}

// Point is a projected point in map units.
type Point struct{ X, Y int }

// Ring is a closed outline; its last point joins its first.
type Ring []Point

// Box is a bounding box in map units.
type Box struct{ MinX, MinY, MaxX, MaxY int }

// Add widens b to take p in.
func (b Box) Add(p Point) Box {
	return Box{min(b.MinX, p.X), min(b.MinY, p.Y), max(b.MaxX, p.X), max(b.MaxY, p.Y)}
}

// Union is the smallest box holding b and o.
func (b Box) Union(o Box) Box {
	return Box{min(b.MinX, o.MinX), min(b.MinY, o.MinY), max(b.MaxX, o.MaxX), max(b.MaxY, o.MaxY)}
}

func emptyBox() Box { return Box{math.MaxInt, math.MaxInt, math.MinInt, math.MinInt} }

// Shape is the outline of one region: its Kemendagri code and rings
// (islands and, drawn even-odd, holes).
type Shape struct {
	Code  string
	Rings []Ring
	Box   Box
}

func (s *Shape) computeBox() {
	b := emptyBox()
	for _, r := range s.Rings {
		for _, p := range r {
			b = b.Add(p)
		}
	}
	s.Box = b
}

// Area is twice the signed area of r (shoelace), positive or negative by
// the ring's direction.
func (r Ring) Area() int {
	a := 0
	for i := range r {
		j := (i + 1) % len(r)
		a += r[i].X*r[j].Y - r[j].X*r[i].Y
	}
	return a
}

// Simplify drops the points of r that lie within tol map units of the
// line kept (Douglas–Peucker); a ring too small to keep three points
// comes back nil.
func Simplify(r Ring, tol float64) Ring {
	if len(r) < 4 {
		return dedupe(r)
	}
	// Split the closed ring at its first point and the point farthest
	// from it, and simplify both halves as open lines.
	far, best := 0, -1
	for i, p := range r {
		d := sq(p.X-r[0].X) + sq(p.Y-r[0].Y)
		if d > best {
			far, best = i, d
		}
	}
	keep := make([]bool, len(r)+1)
	keep[0], keep[far], keep[len(r)] = true, true, true
	closed := append(append(Ring{}, r...), r[0])
	dp(closed, 0, far, tol*tol, keep)
	dp(closed, far, len(r), tol*tol, keep)
	var out Ring
	for i := 0; i < len(r); i++ {
		if keep[i] {
			out = append(out, r[i])
		}
	}
	out = dedupe(out)
	if len(out) < 3 {
		return nil
	}
	return out
}

func dp(line Ring, a, b int, tol2 float64, keep []bool) {
	if b <= a+1 {
		return
	}
	idx, best := -1, tol2
	for i := a + 1; i < b; i++ {
		if d := segDist2(line[i], line[a], line[b]); d > best {
			idx, best = i, d
		}
	}
	if idx < 0 {
		return
	}
	keep[idx] = true
	dp(line, a, idx, tol2, keep)
	dp(line, idx, b, tol2, keep)
}

func segDist2(p, a, b Point) float64 {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	px, py := float64(p.X-a.X), float64(p.Y-a.Y)
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return px*px + py*py
	}
	t := max(0, min(1, (px*dx+py*dy)/l2))
	ex, ey := px-t*dx, py-t*dy
	return ex*ex + ey*ey
}

func sq(v int) int { return v * v }

// dedupe drops repeated consecutive points, the closing one included.
func dedupe(r Ring) Ring {
	var out Ring
	for _, p := range r {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

// Write stores shapes in the embedded format: comment lines start with
// '#', then one line per shape, "CODE x,y,dx,dy,…;x,y,…" — each ring's
// first point and then the steps to the next, so most numbers are short.
func Write(w io.Writer, comments []string, shapes []Shape) error {
	bw := bufio.NewWriter(w)
	for _, c := range comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	for _, s := range shapes {
		bw.WriteString(s.Code)
		for i, r := range s.Rings {
			if i == 0 {
				bw.WriteByte(' ')
			} else {
				bw.WriteByte(';')
			}
			prev := Point{}
			for j, p := range r {
				if j > 0 {
					bw.WriteByte(',')
				}
				bw.WriteString(strconv.Itoa(p.X - prev.X))
				bw.WriteByte(',')
				bw.WriteString(strconv.Itoa(p.Y - prev.Y))
				prev = p
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Read parses what Write wrote, gzip-compressed.
func Read(r io.Reader) ([]Shape, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var shapes []Shape
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, rest, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("regionmap: shape %q has no rings", code)
		}
		s := Shape{Code: code}
		for _, rs := range strings.Split(rest, ";") {
			nums := strings.Split(rs, ",")
			if len(nums)%2 != 0 || len(nums) < 6 {
				return nil, fmt.Errorf("regionmap: shape %s: bad ring", code)
			}
			ring := make(Ring, 0, len(nums)/2)
			prev := Point{}
			for i := 0; i < len(nums); i += 2 {
				dx, err1 := strconv.Atoi(nums[i])
				dy, err2 := strconv.Atoi(nums[i+1])
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("regionmap: shape %s: bad number", code)
				}
				prev = Point{prev.X + dx, prev.Y + dy}
				ring = append(ring, prev)
			}
			s.Rings = append(s.Rings, ring)
		}
		s.computeBox()
		shapes = append(shapes, s)
	}
	return shapes, sc.Err()
}
