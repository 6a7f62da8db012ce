package explore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/regionmap"
	"lokadaya/internal/web/kit"
)

// mapQuery is what a map shows, read from the query string: the level
// (tingkat), a province to zoom into (wilayah) and the figure (angka).
// Anything unknown falls back to the default rather than failing, except
// a province that does not exist.
type mapQuery struct {
	Level, Within, Figure string
}

func (h *handlers) readMapQuery(r *http.Request) (mapQuery, bool) {
	q := r.URL.Query()
	m := mapQuery{Level: regionmap.LevelProvinsi, Figure: q.Get("angka")}
	if q.Get("tingkat") == regionmap.LevelKabupaten {
		m.Level = regionmap.LevelKabupaten
	}
	if w := strings.TrimSpace(q.Get("wilayah")); w != "" {
		code, ok := region.ParseCode(w)
		if !ok || region.Depth(code) != 1 {
			return m, false
		}
		shapes, err := regionmap.Shapes(regionmap.LevelKabupaten)
		if err != nil || len(regionmap.Within(shapes, code)) == 0 {
			return m, false
		}
		m.Level, m.Within = regionmap.LevelKabupaten, code
	}
	if _, ok := findMapFigure(m.Figure); !ok {
		m.Figure = mapFigures[0].Key
	}
	return m, true
}

// URL is the address of the map page (or, with suffix ".svg", of its
// drawing) for m.
func (m mapQuery) URL(path string) string {
	v := url.Values{}
	if m.Within != "" {
		v.Set("wilayah", m.Within)
	} else if m.Level != regionmap.LevelProvinsi {
		v.Set("tingkat", m.Level)
	}
	v.Set("angka", m.Figure)
	return path + "?" + v.Encode()
}

// mapPage is the data of explore_map.html.
type mapPage struct {
	Query      mapQuery
	WithinName string
	Figures    []figureOption
	Provinces  []region.Region
	SVG        template.HTML
	SVGURL     string
	Legend     []legendItem
	Rows       []mapRow
	Total      string
}

type figureOption struct {
	Key, Label string
	Selected   bool
}

type legendItem struct{ Color, Text string }

// mapRow is one area in the table that says in text what the map shows.
type mapRow struct {
	Code, Name, Value, MapURL string
}

// drawMap draws the map of q with its figures and names.
func (h *handlers) drawMap(ctx context.Context, lang i18n.Lang, q mapQuery, standalone bool) (*regionmap.Map, map[string]string, map[string]int64, error) {
	depth := 1
	if q.Level == regionmap.LevelKabupaten {
		depth = 2
	}
	fig, _ := findMapFigure(q.Figure)
	values, err := h.mapValues(ctx, fig, depth)
	if err != nil {
		return nil, nil, nil, err
	}
	names, err := h.regionNames(ctx, q)
	if err != nil {
		return nil, nil, nil, err
	}
	title := i18n.T(lang, "map.svg_title."+q.Level, i18n.T(lang, "map.figure."+q.Figure))
	if q.Within != "" {
		title = i18n.T(lang, "map.svg_title.within", i18n.T(lang, "map.figure."+q.Figure), names[q.Within])
	}
	m, err := regionmap.Render(regionmap.Spec{
		Level: q.Level, Within: q.Within, Title: title, Names: names, Values: values,
		Label:       func(v int64) string { return figureText(lang, fig, v) },
		Href:        func(code string) string { return "/wilayah/" + code },
		Standalone:  standalone,
		LegendTitle: i18n.T(lang, "map.figure."+q.Figure),
		LegendValue: func(v int64) string { return legendText(fig, v) },
	})
	return m, names, values, err
}

// regionNames are the names of the provinces and, at the kabupaten level,
// of the kabupaten/kota drawn.
func (h *handlers) regionNames(ctx context.Context, q mapQuery) (map[string]string, error) {
	provinces, err := h.Regions.Children(ctx, "")
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, p := range provinces {
		names[p.Code] = p.Name
		if q.Level != regionmap.LevelKabupaten || (q.Within != "" && q.Within != p.Code) {
			continue
		}
		kids, err := h.Regions.Children(ctx, p.Code)
		if err != nil {
			return nil, err
		}
		for _, k := range kids {
			names[k.Code] = k.Name
		}
	}
	return names, nil
}

// mapPageHandler serves GET /peta: the map, the figure chooser and the
// table of the same figures.
func (h *handlers) mapPageHandler(w http.ResponseWriter, r *http.Request) {
	lang := h.site.Lang(r)
	q, ok := h.readMapQuery(r)
	if !ok {
		h.site.NotFound(w, r)
		return
	}
	m, names, values, err := h.drawMap(r.Context(), lang, q, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := mapPage{Query: q, WithinName: names[q.Within], SVG: template.HTML(m.SVG), SVGURL: q.URL("/peta.svg")}
	fig, _ := findMapFigure(q.Figure)
	for _, f := range mapFigures {
		p.Figures = append(p.Figures, figureOption{Key: f.Key, Label: i18n.T(lang, "map.figure."+f.Key), Selected: f.Key == q.Figure})
	}
	if p.Provinces, err = h.Regions.Children(r.Context(), ""); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.Legend = append(p.Legend, legendItem{Color: regionmap.ZeroColor, Text: "0"})
	for _, c := range m.Scale.Classes {
		text := legendText(fig, c.Min)
		if c.Max != c.Min {
			text += "–" + legendText(fig, c.Max)
		}
		p.Legend = append(p.Legend, legendItem{Color: c.Color, Text: text})
	}
	shapes, err := regionmap.Shapes(q.Level)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	var total int64
	for _, s := range regionmap.Within(shapes, q.Within) {
		row := mapRow{Code: s.Code, Name: names[s.Code], Value: figureText(lang, fig, values[s.Code])}
		if q.Level == regionmap.LevelProvinsi {
			row.MapURL = mapQuery{Level: regionmap.LevelKabupaten, Within: s.Code, Figure: q.Figure}.URL("/peta")
		}
		total += values[s.Code]
		p.Rows = append(p.Rows, row)
	}
	p.Total = figureText(lang, fig, total)
	slices.SortFunc(p.Rows, func(a, b mapRow) int { return strings.Compare(a.Name, b.Name) })
	title := i18n.T(lang, "map.title")
	if q.Within != "" {
		title = i18n.T(lang, "map.title.within", p.WithinName)
	}
	h.site.Render(w, r, kit.Page{Name: "explore_map", Title: title, Data: p})
}

// mapSVG serves GET /peta.svg: the same map as a document of its own, to
// download or embed, with an ETag so that an unchanged map is not sent
// again.
func (h *handlers) mapSVG(w http.ResponseWriter, r *http.Request) {
	lang := h.site.Lang(r)
	q, ok := h.readMapQuery(r)
	if !ok {
		h.site.NotFound(w, r)
		return
	}
	m, _, _, err := h.drawMap(r.Context(), lang, q, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	sum := sha256.Sum256([]byte(m.SVG))
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	hd := w.Header()
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", "public, max-age=300")
	hd.Set("Vary", "Accept-Language, Cookie")
	hd.Set("Content-Type", "image/svg+xml; charset=utf-8")
	// ServeContent answers If-None-Match with 304 Not Modified.
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(m.SVG))
}
