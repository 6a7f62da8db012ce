package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/report"
)

// bigBooks is an organisation with n entries on SQLite, a mix of
// donations, expenses with receipts and fees over a year, and the report
// of all of them.
func bigBooks(tb testing.TB, n int) (*report.Report, *report.Meta) {
	tb.Helper()
	d := dbtest.SQLite(tb)
	ctx := context.Background()
	now := db.Now()
	var org, ini, camp int64
	scan := func(id *int64, q string, args ...any) {
		if err := d.QueryRow(ctx, q, args...).Scan(id); err != nil {
			tb.Fatal(err)
		}
	}
	scan(&org, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES ('kas-besar', 'Yayasan Kas Besar', 'komunitas', '51.71.01.1001', 'verified', ?, ?) RETURNING id`, now, now)
	scan(&ini, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'kas-besar-a', 'Inisiatif a', 'published', ?, ?) RETURNING id`, org, now, now)
	scan(&camp, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'kas-besar-a1', 'Kampanye a1', 'active', ?, ?) RETURNING id`, ini, org, now, now)
	start := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	const batch = 1000
	for from := 0; from < n; from += batch {
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			for i := from; i < min(from+batch, n); i++ {
				e := ledger.Entry{OrgID: org, CampaignID: camp, Kind: ledger.KindDonation, Amount: int64(10_000 + i%97*1_000),
					Category: ledger.CatProgram, Description: "Donasi transfer", Counterparty: fmt.Sprintf("Donatur %d", i),
					RecordedAt: start.Add(time.Duration(i) * 25 * time.Minute)}
				switch i % 10 {
				case 7:
					e.Kind, e.Amount, e.Counterparty = ledger.KindExpense, -int64(50_000+i%13*1_000), "Toko Bangunan Sumber Rejeki"
					e.Description, e.ReceiptKey = "Semen, pasir dan paku untuk perbaikan atap taman baca", "receipts/1/nota.jpg"
				case 8:
					e.Kind, e.Amount, e.Category, e.Counterparty = ledger.KindFee, -1_000, ledger.CatPlatform, ""
					e.Description = "Biaya gateway"
				}
				if _, err := ledger.Append(ctx, tx, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			tb.Fatal(err)
		}
	}
	rep, err := report.Build(ctx, d, report.Scope{OrgID: org}, report.Period{})
	if err != nil {
		tb.Fatal(err)
	}
	m := &report.Meta{Lang: i18n.ID, Title: "Laporan keuangan Yayasan Kas Besar", OrgName: "Yayasan Kas Besar",
		Zone: wita, Generated: time.Date(2027, 1, 10, 2, 0, 0, 0, time.UTC),
		BaseURL: "https://lokadaya.example", OrgSlug: "kas-besar"}
	return rep, m
}

// TestPDFAcrossPages writes a report of many pages and reads it back:
// every entry once and in order across the page breaks, each page
// numbered, and the closing block after the last entry.
func TestPDFAcrossPages(t *testing.T) {
	const n = 400
	rep, m := bigBooks(t, n)
	var buf bytes.Buffer
	if err := report.WritePDF(&buf, rep, m); err != nil {
		t.Fatal(err)
	}
	f, err := pdftest.Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Pages) < 10 {
		t.Fatalf("%d pages for %d entries", len(f.Pages), n)
	}
	next := int64(1)
	for i, p := range f.Pages {
		if p[len(p)-1] != fmt.Sprintf("Halaman %d", i+1) {
			t.Errorf("page %d ends with %q", i+1, p[len(p)-1])
		}
		for _, line := range p {
			if seq, ok := strings.CutPrefix(line, "#"); ok {
				if want := strconv.FormatInt(next, 10) + " · "; !strings.HasPrefix(seq, want) {
					t.Fatalf("page %d: entry line %q, want #%s", i+1, line, want)
				}
				next++
			}
		}
	}
	if next != n+1 {
		t.Errorf("read back %d entries, want %d", next-1, n)
	}
	last := strings.Join(f.Pages[len(f.Pages)-1], " ")
	if !strings.Contains(last, m.VerifyURL()) {
		t.Errorf("the last page lacks the verification link:\n%s", last)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		cmd := exec.Command("pdfinfo", "-")
		cmd.Stdin = bytes.NewReader(buf.Bytes())
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), fmt.Sprintf("Pages:           %d\n", len(f.Pages))) {
			t.Errorf("pdfinfo: %v\n%s", err, out)
		}
	}
}

// TestPDFFailure: entries that cannot be read at all leave the writer
// untouched, so the download can still answer with an error page; a
// failure after pages went out leaves a file no reader takes for whole.
func TestPDFFailure(t *testing.T) {
	rep, m := bigBooks(t, 400)
	all := rep.All
	broken := errors.New("disk gone")
	for _, tc := range []struct {
		name  string
		after int // entries read before the failure
		sent  bool
	}{
		{"at once", 0, false},
		{"after pages went out", 300, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep.All = func(fn func(*report.Line) error) error {
				read := 0
				return all(func(l *report.Line) error {
					if read == tc.after {
						return broken
					}
					read++
					return fn(l)
				})
			}
			var buf bytes.Buffer
			if err := report.WritePDF(&buf, rep, m); !errors.Is(err, broken) {
				t.Fatalf("WritePDF = %v", err)
			}
			if sent := buf.Len() > 0; sent != tc.sent {
				t.Fatalf("%d bytes written", buf.Len())
			}
			if _, err := pdftest.Parse(buf.Bytes()); tc.sent && err == nil {
				t.Errorf("a cut-off file parses as whole")
			}
		})
	}
}

// BenchmarkPDF20k writes the PDF of an organisation with 20,000 entries,
// reading them from SQLite as the download does. peak-heap-MB is the
// most the live heap grew while the file was written.
func BenchmarkPDF20k(b *testing.B) {
	rep, m := bigBooks(b, 20_000)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		stop := watchHeap(&peak)
		if err := report.WritePDF(io.Discard, rep, m); err != nil {
			b.Fatal(err)
		}
		stop()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// watchHeap samples the heap's live objects until stop is called and
// raises *peak to the most they grew past where they started.
func watchHeap(peak *uint64) (stop func()) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > base && v-base > *peak {
				*peak = v - base
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
