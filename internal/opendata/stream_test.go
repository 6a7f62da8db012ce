package opendata_test

import (
	"context"
	"runtime"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/opendata"
)

// heapWatch is a writer that counts bytes and samples the live heap as
// the download is written.
type heapWatch struct {
	n, next int64
	peak    uint64
}

func (h *heapWatch) Write(p []byte) (int, error) {
	h.n += int64(len(p))
	if h.n >= h.next {
		h.next = h.n + 2<<20
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapAlloc)
	}
	return len(p), nil
}

// TestLargeDownloadStreams writes a ledger of 30,000 entries in each
// format and checks that the live heap stays far below the file's size:
// rows go from the database to the writer as they are read. (XLSX keeps
// up to one chunk of excelize's stream writer, 16 MB, in memory before it
// goes to a temporary file; the archive goes straight to the writer.)
func TestLargeDownloadStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 30,000 rows")
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		orgID := one(t, d, `SELECT MIN(id) FROM organizations`)
		const rows = 30000
		_, err := d.Exec(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
			INSERT INTO ledger_entries (org_id, seq, recorded_at, kind, amount, category, description, counterparty, prev_hash, hash)
			SELECT ?, 1000000 + i, ?, 'donation', 1000 + i, 'program', 'Donasi uji arus panjang untuk memeriksa memori', '',
				'0000000000000000000000000000000000000000000000000000000000000000',
				'1111111111111111111111111111111111111111111111111111111111111111' FROM n`,
			rows, orgID, db.Now())
		if err != nil {
			t.Fatal(err)
		}
		ds := opendata.ByName("buku-kas")
		for _, f := range opendata.Formats {
			runtime.GC()
			var base runtime.MemStats
			runtime.ReadMemStats(&base)
			w := &heapWatch{}
			if err := s.Write(ctx, w, ds, 0, f, i18n.ID); err != nil {
				t.Fatal(err)
			}
			grown := int64(w.peak) - int64(base.HeapAlloc)
			t.Logf("%s: %d MB written, live heap grew by at most %d MB", f.Ext, w.n>>20, grown>>20)
			// CSV and JSON go straight through: the heap must not grow by
			// a tenth of what was written. XLSX keeps one chunk.
			limit := int64(24 << 20)
			if f.Ext != "xlsx" {
				limit = 1 << 20
				if w.n < 6<<20 {
					t.Errorf("%s: only %d bytes for %d rows", f.Ext, w.n, rows)
				}
			}
			if grown > limit {
				t.Errorf("%s: the heap grew by %d MB while writing %d MB", f.Ext, grown>>20, w.n>>20)
			}
		}
	})
}
