package regionmap_test

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lokadaya/internal/region/regiondata"
	"lokadaya/internal/regionmap"
)

// TestEveryRegionHasAShape checks that the embedded boundaries and the
// embedded Kemendagri list agree: every province and kabupaten/kota has
// exactly one shape and every shape is a region of its level.
func TestEveryRegionHasAShape(t *testing.T) {
	all, err := regiondata.All()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, r := range all {
		switch r.Level {
		case regiondata.Provinsi:
			want[regionmap.LevelProvinsi] = append(want[regionmap.LevelProvinsi], r.Code)
		case regiondata.Kabupaten, regiondata.Kota:
			want[regionmap.LevelKabupaten] = append(want[regionmap.LevelKabupaten], r.Code)
		}
	}
	for level, n := range map[string]int{regionmap.LevelProvinsi: 38, regionmap.LevelKabupaten: 514} {
		if len(want[level]) != n {
			t.Fatalf("the region list has %d at level %s, want %d", len(want[level]), level, n)
		}
		shapes, err := regionmap.Shapes(level)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range shapes {
			got = append(got, s.Code)
			if len(s.Rings) == 0 {
				t.Errorf("%s has no ring", s.Code)
			}
			for _, r := range s.Rings {
				if len(r) < 3 {
					t.Errorf("%s has a ring of %d points", s.Code, len(r))
				}
			}
		}
		exp := slices.Clone(want[level])
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			for _, c := range exp {
				if !slices.Contains(got, c) {
					t.Errorf("%s %s has no shape", level, c)
				}
			}
			for _, c := range got {
				if !slices.Contains(exp, c) {
					t.Errorf("shape %s is no %s of the region list", c, level)
				}
			}
		}
	}
}

// TestShapesLieInIndonesia checks the projection: every shape lies within
// Indonesia's extent, the middle of each kabupaten/kota within its
// province's box (give or take a degree: a province's far small islands
// are dropped from its simplified outline, not from its kabupaten's).
func TestShapesLieInIndonesia(t *testing.T) {
	nw, se := regionmap.Project(94.9, 6.2), regionmap.Project(141.1, -11.1)
	provs, _ := regionmap.Shapes(regionmap.LevelProvinsi)
	kabs, _ := regionmap.Shapes(regionmap.LevelKabupaten)
	boxes := map[string]regionmap.Box{}
	for _, s := range provs {
		boxes[s.Code] = s.Box
	}
	slack := regionmap.Scale
	for _, s := range append(slices.Clone(provs), kabs...) {
		b := s.Box
		if b.MinX < nw.X || b.MinY < nw.Y || b.MaxX > se.X || b.MaxY > se.Y {
			t.Errorf("%s lies outside Indonesia: %+v", s.Code, b)
		}
		if p, ok := boxes[s.Code[:2]]; ok && len(s.Code) > 2 {
			x, y := (b.MinX+b.MaxX)/2, (b.MinY+b.MaxY)/2
			if x < p.MinX-slack || y < p.MinY-slack || x > p.MaxX+slack || y > p.MaxY+slack {
				t.Errorf("%s lies outside its province: %+v not in %+v", s.Code, b, p)
			}
		}
	}
	// Jakarta lies west of Surabaya and north of Kupang.
	if j, s, k := boxes["31"], boxes["35"], boxes["53"]; !(j.MaxX < s.MinX+regionmap.Scale && j.MaxY < k.MinY) {
		t.Errorf("provinces misplaced: Jakarta %+v, Jawa Timur %+v, NTT %+v", j, s, k)
	}
}

func TestEmbeddedSize(t *testing.T) {
	total := 0
	for _, name := range []string{"provinsi", "kabupaten"} {
		b, err := regionmap.File(name)
		if err != nil {
			t.Fatal(err)
		}
		total += len(b)
	}
	if total > 300*1024 {
		t.Errorf("embedded boundaries weigh %d bytes, aim ≤ 300 KB", total)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	in := []regionmap.Shape{
		{Code: "11", Rings: []regionmap.Ring{{{0, 0}, {10, 0}, {10, -5}}, {{100, 100}, {90, 120}, {80, 100}}}},
		{Code: "11.01", Rings: []regionmap.Ring{{{-3, 4}, {5, 6}, {7, -8}, {0, 0}}}},
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := regionmap.Write(zw, []string{"a comment"}, in); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	out, err := regionmap.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("read %d shapes", len(out))
	}
	for i := range in {
		if out[i].Code != in[i].Code || fmt.Sprint(out[i].Rings) != fmt.Sprint(in[i].Rings) {
			t.Errorf("shape %d: %+v, want %+v", i, out[i], in[i])
		}
	}
	if b := out[0].Box; b != (regionmap.Box{MinX: 0, MinY: -5, MaxX: 100, MaxY: 120}) {
		t.Errorf("box %+v", b)
	}
}

func TestSimplify(t *testing.T) {
	// A square with points along its sides keeps its four corners.
	var sq regionmap.Ring
	for x := 0; x < 100; x += 10 {
		sq = append(sq, regionmap.Point{X: x, Y: 0})
	}
	for y := 0; y < 100; y += 10 {
		sq = append(sq, regionmap.Point{X: 100, Y: y})
	}
	for x := 100; x > 0; x -= 10 {
		sq = append(sq, regionmap.Point{X: x, Y: 100})
	}
	for y := 100; y > 0; y -= 10 {
		sq = append(sq, regionmap.Point{X: 0, Y: y})
	}
	got := regionmap.Simplify(sq, 1)
	if len(got) != 4 {
		t.Errorf("square simplified to %v", got)
	}
	if a := got.Area(); a != 2*100*100 && a != -2*100*100 {
		t.Errorf("area %d", a)
	}
	// A ring smaller than the tolerance vanishes.
	if r := regionmap.Simplify(regionmap.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, 5); r != nil {
		t.Errorf("tiny ring kept: %v", r)
	}
}

func TestColorScale(t *testing.T) {
	cs := regionmap.NewColorScale([]int64{0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	if len(cs.Classes) != len(regionmap.Palette) {
		t.Fatalf("classes %+v", cs.Classes)
	}
	if cs.Color(0) != regionmap.ZeroColor {
		t.Error("zero is not the zero colour")
	}
	if cs.Color(1) != regionmap.Palette[0] || cs.Color(10) != regionmap.Palette[len(regionmap.Palette)-1] {
		t.Errorf("ends: %s %s", cs.Color(1), cs.Color(10))
	}
	// Classes follow each other without gap or overlap; colours darken.
	for i := 1; i < len(cs.Classes); i++ {
		if cs.Classes[i].Min != cs.Classes[i-1].Max+1 {
			t.Errorf("classes %+v", cs.Classes)
		}
	}
	// One figure for all: one class, a colour clear of the zero one.
	one := regionmap.NewColorScale([]int64{7, 7, 0})
	if len(one.Classes) != 1 || one.Color(7) == regionmap.Palette[0] {
		t.Errorf("single value scale %+v", one)
	}
	// Two figures: two distinct colours, neither the palest.
	two := regionmap.NewColorScale([]int64{1, 1, 1, 1, 3})
	if len(two.Classes) != 2 || two.Color(1) == two.Color(3) || two.Color(1) == regionmap.Palette[0] {
		t.Errorf("two classes %+v", two.Classes)
	}
	if len(regionmap.NewColorScale([]int64{0, 0}).Classes) != 0 {
		t.Error("all zero has classes")
	}
}

type svgDoc struct {
	Areas []struct {
		Href  string `xml:"href,attr"`
		Code  string `xml:"data-code,attr"`
		Title string `xml:"title"`
		Path  struct {
			D    string `xml:"d,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
	} `xml:"g>a"`
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		level, within string
		areas         int
	}{
		{regionmap.LevelProvinsi, "", 38},
		{regionmap.LevelKabupaten, "", 514},
		{regionmap.LevelKabupaten, "32", 27},
		{regionmap.LevelKabupaten, "96", 6},
	} {
		values := map[string]int64{"32": 5, "11": 1, "32.73": 9, "32.04": 2, "96.71": 4}
		m, err := regionmap.Render(regionmap.Spec{
			Level: tc.level, Within: tc.within, Title: "Peta <uji>", Values: values,
			Names:      map[string]string{"32": "Jawa Barat", "32.73": "Kota Bandung"},
			Label:      func(v int64) string { return fmt.Sprintf("%d organisasi", v) },
			Href:       func(code string) string { return "/wilayah/" + code },
			Standalone: true, LegendTitle: "Organisasi",
		})
		if err != nil {
			t.Fatal(err)
		}
		var doc svgDoc
		if err := xml.Unmarshal([]byte(m.SVG), &doc); err != nil {
			t.Fatalf("%s/%s: not XML: %v", tc.level, tc.within, err)
		}
		if len(doc.Areas) != tc.areas || m.Areas != tc.areas {
			t.Errorf("%s/%s: %d areas, want %d", tc.level, tc.within, len(doc.Areas), tc.areas)
		}
		for _, a := range doc.Areas {
			if a.Href != "/wilayah/"+a.Code || !strings.HasPrefix(a.Code, tc.within) {
				t.Errorf("area %s links to %s", a.Code, a.Href)
			}
			if want := m.Scale.Color(values[a.Code]); a.Path.Fill != want {
				t.Errorf("area %s (%d) filled %s, want %s", a.Code, values[a.Code], a.Path.Fill, want)
			}
			if !strings.HasPrefix(a.Path.D, "M") || !strings.HasSuffix(a.Path.D, "z") {
				t.Errorf("area %s: path %q", a.Code, a.Path.D)
			}
			if a.Code == "32.73" && a.Title != "Kota Bandung: 9 organisasi" {
				t.Errorf("title %q", a.Title)
			}
		}
		if !strings.Contains(m.SVG, "Peta &lt;uji&gt;") {
			t.Error("title not escaped")
		}
	}
	if _, err := regionmap.Render(regionmap.Spec{Level: regionmap.LevelKabupaten, Within: "99", Href: func(string) string { return "" }}); err == nil {
		t.Error("a province without shapes drew a map")
	}
}

func FuzzRead(f *testing.F) {
	f.Add("# c\n11 0,0,1,0,0,1\n")
	f.Add("11 0,0,1,0,0,1;5,5,1,1,-1,0\n")
	f.Add("11\n")
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		shapes, err := regionmap.Read(&buf)
		if err != nil {
			return
		}
		for _, sh := range shapes {
			for _, r := range sh.Rings {
				if len(r) < 3 {
					t.Fatalf("ring of %d points accepted", len(r))
				}
			}
		}
	})
}
