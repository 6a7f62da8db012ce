// Package regiondata carries the official Kemendagri region codes
// (Kepmendagri 300.2.2-2138/2025) inside the binary and loads them into the
// regions table. The CSV files come from the idn-area-data package (ODbL);
// scripts/refresh-regions.sh replaces them.
package regiondata

import (
	"compress/gzip"
	"context"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"lokadaya/internal/db"
)

//go:embed data/*.csv.gz
var files embed.FS

// Edition names the regulation the embedded data follows.
const Edition = "Kepmendagri 300.2.2-2138/2025"

// Region is one row of the official list.
type Region struct {
	Code, Parent, Level, Name string
}

// The levels, as the API names them.
const (
	Provinsi  = "provinsi"
	Kabupaten = "kabupaten"
	Kota      = "kota"
	Kecamatan = "kecamatan"
	Desa      = "desa"
	Kelurahan = "kelurahan"
)

// All reads every embedded region, provinces first, then kabupaten/kota,
// kecamatan and desa/kelurahan, so parents always precede children.
func All() ([]Region, error) {
	var out []Region
	for _, f := range []struct {
		name  string
		level func(code, name string) string
	}{
		{"provinces", func(string, string) string { return Provinsi }},
		{"regencies", regencyLevel},
		{"districts", func(string, string) string { return Kecamatan }},
		{"villages", villageLevel},
	} {
		rows, err := readCSV("data/" + f.name + ".csv.gz")
		if err != nil {
			return nil, fmt.Errorf("regiondata: %s: %w", f.name, err)
		}
		for _, r := range rows {
			reg := Region{Code: r[0], Name: r[len(r)-1], Level: f.level(r[0], r[len(r)-1])}
			if len(r) == 3 {
				reg.Parent = r[1]
			}
			out = append(out, reg)
		}
	}
	return out, nil
}

// regencyLevel tells a kota from a kabupaten by its official name.
func regencyLevel(_, name string) string {
	if strings.HasPrefix(name, "Kota ") {
		return Kota
	}
	return Kabupaten
}

// villageLevel follows Kemendagri's numbering: a fourth segment starting with
// 1 is a kelurahan; 2 (desa) and 3 (desa adat) are desa.
func villageLevel(code, _ string) string {
	i := strings.LastIndexByte(code, '.')
	if i >= 0 && i+1 < len(code) && code[i+1] == '1' {
		return Kelurahan
	}
	return Desa
}

func readCSV(name string) ([][]string, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(zr)
	r.ReuseRecord = false
	if _, err := r.Read(); err != nil { // header
		return nil, err
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, rec)
	}
}

// batch is how many rows one INSERT carries: well under both databases'
// limits on bound parameters.
const batch = 500

// Load upserts every embedded region. It runs as a migration, and again with
// a newer edition, which is why it updates names and parents it already has.
func Load(ctx context.Context, tx *db.Tx) error {
	all, err := All()
	if err != nil {
		return err
	}
	for start := 0; start < len(all); start += batch {
		end := min(start+batch, len(all))
		var q strings.Builder
		q.WriteString(`INSERT INTO regions (code, parent_code, level, name) VALUES `)
		args := make([]any, 0, 4*(end-start))
		for i, r := range all[start:end] {
			if i > 0 {
				q.WriteString(",")
			}
			q.WriteString("(?, ?, ?, ?)")
			var parent any
			if r.Parent != "" {
				parent = r.Parent
			}
			args = append(args, r.Code, parent, r.Level, r.Name)
		}
		q.WriteString(` ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code,
			level = excluded.level, name = excluded.name`)
		if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
			return fmt.Errorf("regiondata: insert: %w", err)
		}
	}
	return nil
}
