package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	"lokadaya/internal/blob"
	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/opendata"
)

// pajangLightsCSV is what residents and the kelurahan counted in Pajang:
// broken street lights and blocked drains per RT, in March 2026.
const pajangLightsCSV = `rt;rw;lampu_rusak;saluran_tersumbat_m;dicek
01;05;2;40;2026-03-02
02;05;0;15;2026-03-02
03;05;5;120;2026-03-03
04;05;1;60;2026-03-03
01;07;3;0;2026-03-05
02;07;4;25;2026-03-05
`

var pajangLightsDictionary = []dataset.Column{
	{Name: "rt", Type: opendata.String, Meaning: "Nomor RT"},
	{Name: "rw", Type: opendata.String, Meaning: "Nomor RW"},
	{Name: "lampu_rusak", Type: opendata.Integer, Meaning: "Titik lampu jalan yang mati atau rusak", Unit: "titik"},
	{Name: "saluran_tersumbat_m", Type: opendata.Integer, Meaning: "Panjang saluran air yang tersumbat", Unit: "meter"},
	{Name: "dicek", Type: opendata.Date, Meaning: "Tanggal pengecekan bersama warga"},
}

// Titles of the demo's datasets, for tests.
const (
	DatasetPajangTitle = "Titik lampu jalan rusak dan saluran tersumbat per RT, Kelurahan Pajang 2026"
	DatasetKlatenTitle = "Luas panen dan produksi padi per kecamatan, Kabupaten Klaten"
)

// discard is the uploads store of a demo loaded without one: it keeps
// nothing, so a dataset's row is written but its file cannot be opened.
type discard struct{}

func (discard) Put(_ context.Context, _, _ string, r io.Reader) error {
	_, err := io.Copy(io.Discard, r)
	return err
}
func (discard) Open(context.Context, string) (io.ReadCloser, string, error) {
	return nil, "", blob.ErrNotFound
}
func (discard) Delete(context.Context, string) error { return nil }

// publishDatasets publishes two datasets near Kota Surakarta — a survey of
// Pajang uploaded as CSV with its dictionary (by a government unit of the
// kota when the demo has one, else the farmers' group of Klaten that
// supports Pajang's drainage proposal) and a link to BPS data — has the
// drainage proposal cite the survey, and leaves the showcase organisation
// a draft to finish.
func publishDatasets(ctx context.Context, d *db.DB) error {
	var blobs blob.Store = discard{}
	if Receipts != nil {
		blobs = Receipts
	}
	at := db.Now().AddDate(0, 0, -5)
	s := &dataset.Store{DB: d, Blobs: blobs, Now: func() time.Time { return at }}
	system := dataset.Actor{Name: "demo", Admin: true}
	var tyto, showcase int64
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'tyto-alba-lestari'`).Scan(&tyto); err != nil {
		return fmt.Errorf("demo: datasets: %w", err)
	}
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'terang-kampung'`).Scan(&showcase); err != nil {
		return fmt.Errorf("demo: datasets: %w", err)
	}
	publisher := tyto
	var gov int64
	err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE kind IN ('desa', 'kecamatan', 'opd') AND status = 'verified'
		AND region_code >= '33.72' AND region_code < '33.72/' ORDER BY id LIMIT 1`).Scan(&gov)
	if err == nil {
		publisher = gov
	}
	survey, err := s.Create(ctx, system, publisher, dataset.Input{Title: DatasetPajangTitle,
		Description: "Hasil penelusuran bersama warga RW 05 dan RW 07 pada Maret 2026: titik lampu jalan yang mati dan panjang saluran air yang tersumbat di setiap RT. Dikumpulkan untuk forum kelurahan dan usulan perbaikan saluran.",
		RegionCode:  pajang, Licence: "CC-BY-4.0", Keywords: []string{"lampu jalan", "saluran air", "infrastruktur", "Pajang"},
		From: "2026-03-01", To: "2026-03-31", Source: dataset.SourceFile, Columns: pajangLightsDictionary,
		File: &dataset.Upload{Name: "pajang-lampu-saluran-2026.csv", Data: []byte(pajangLightsCSV)}})
	if err != nil {
		return fmt.Errorf("demo: dataset %q: %w", DatasetPajangTitle, err)
	}
	var klaten string
	if err := d.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, tyto).Scan(&klaten); err != nil {
		return fmt.Errorf("demo: datasets: %w", err)
	}
	bps, err := s.Create(ctx, system, tyto, dataset.Input{Title: DatasetKlatenTitle,
		Description: "Tabel BPS Kabupaten Klaten tentang luas panen dan produksi padi tiap kecamatan, yang dipakai kelompok tani untuk merencanakan musim tanam.",
		RegionCode:  klaten[:5], Licence: "CC-BY-4.0", Keywords: []string{"padi", "pertanian", "BPS"}, Source: dataset.SourceLink,
		LinkURL: "https://klatenkab.bps.go.id/", LinkFormat: "HTML"})
	if err != nil {
		return fmt.Errorf("demo: dataset %q: %w", DatasetKlatenTitle, err)
	}
	for _, ds := range []*dataset.Dataset{survey, bps} {
		if err := s.Publish(ctx, system, ds); err != nil {
			return fmt.Errorf("demo: publish %q: %w", ds.Title, err)
		}
	}
	// The showcase organisation's draft: a link it has not published yet.
	if _, err := s.Create(ctx, system, showcase, dataset.Input{Title: "Lampu tenaga surya terpasang per RW",
		RegionCode: "32.73", Licence: "CC-BY-4.0", Source: dataset.SourceLink,
		LinkURL: "https://terang-kampung.or.id/data/lampu", LinkFormat: "CSV"}); err != nil {
		return fmt.Errorf("demo: draft dataset: %w", err)
	}
	var saluran int64
	if err := d.QueryRow(ctx, `SELECT id FROM proposals WHERE title = 'Perbaikan saluran air RW 05 Pajang'`).Scan(&saluran); err != nil {
		return fmt.Errorf("demo: datasets: %w", err)
	}
	return s.Cite(ctx, dataset.SubjectProposal, saluran, []int64{survey.ID})
}
