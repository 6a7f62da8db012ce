package explore

import (
	"context"

	"lokadaya/internal/figures"
	"lokadaya/internal/i18n"
)

// mapFigure is one figure the map can be coloured by: its key in the
// query string (angka=) and where it is in a region's figures.
type mapFigure struct {
	Key   string
	Value func(figures.Figures) int64
	Money bool
}

// mapFigures are the figures offered, the default first. Each counts what
// the region page counts (internal/figures).
var mapFigures = []mapFigure{
	{Key: "organisasi", Value: func(f figures.Figures) int64 { return f.Organizations }},
	{Key: "inisiatif", Value: func(f figures.Figures) int64 { return f.Initiatives }},
	{Key: "kampanye", Value: func(f figures.Figures) int64 { return f.Campaigns }},
	{Key: "dana", Value: func(f figures.Figures) int64 { return f.MoneyConfirmed }, Money: true},
	{Key: "barang", Value: func(f figures.Figures) int64 { return f.GoodsReceived }},
	{Key: "jam-relawan", Value: func(f figures.Figures) int64 { return f.VolunteerHours() }},
	{Key: "keahlian-kemitraan", Value: func(f figures.Figures) int64 { return f.OffersAgreed }},
	{Key: "penerima", Value: func(f figures.Figures) int64 { return f.PeopleReached }},
}

func findMapFigure(key string) (mapFigure, bool) {
	for _, f := range mapFigures {
		if f.Key == key {
			return f, true
		}
	}
	return mapFigures[0], false
}

// mapValues is a figure of every region at depth (1 the provinces, 2 the
// kabupaten/kota), read in one call; a region without any is zero.
func (h *handlers) mapValues(ctx context.Context, fig mapFigure, depth int) (map[string]int64, error) {
	list, err := h.Figures.Level(ctx, depth)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(list))
	for _, f := range list {
		out[f.Code] = fig.Value(f)
	}
	return out, nil
}

// figureText writes a figure with its unit: "12 organisasi",
// "Rp1.500.000".
func figureText(lang i18n.Lang, fig mapFigure, v int64) string {
	if fig.Money {
		return i18n.Rupiah(v)
	}
	return i18n.T(lang, "map.value."+fig.Key, i18n.Number(v))
}

// legendText writes a figure in the legend: a bare number, or rupiah.
func legendText(fig mapFigure, v int64) string {
	if fig.Money {
		return i18n.Rupiah(v)
	}
	return i18n.Number(v)
}
