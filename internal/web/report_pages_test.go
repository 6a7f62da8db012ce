package web_test

import (
	"context"
	"encoding/csv"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/region"
	"lokadaya/internal/report"
)

var (
	reportRowSeq = regexp.MustCompile(`<tr><td>(?:<a [^>]*>)?(\d+)(?:</a>)?</td>`)
	reportNext   = regexp.MustCompile(`<a href="([^"]+)#catatan" rel="next">`)
)

// TestReportPaging: a report page lists a page of entries, newest first,
// and plain links (no script) lead through every entry of the period
// once; the figures on the page are the entries added up; the files hold
// every entry.
func TestReportPaging(t *testing.T) {
	w := newReportWorld(t)
	ctx := context.Background()
	var camp int64
	if err := w.d.QueryRow(ctx, `SELECT id FROM campaigns WHERE slug = 'buku-untuk-desa'`).Scan(&camp); err != nil {
		t.Fatal(err)
	}
	// 130 donations an hour apart from 1 March, every tenth sharing the
	// time of the one before.
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	at := start
	for i := range 130 {
		if i%10 != 9 {
			at = at.Add(time.Hour)
		}
		e := ledger.Entry{OrgID: w.org.ID, Kind: ledger.KindDonation, Amount: int64(1000 + i), Category: ledger.CatProgram,
			CampaignID: camp, Description: "Donasi " + strconv.Itoa(i), RecordedAt: at}
		if err := w.d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, e)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	zone := region.Zone(w.org.RegionCode)
	for _, tc := range []struct{ from, to string }{{"", ""}, {"2026-03-02", "2026-03-04"}, {"2026-01-01", "2026-02-28"}} {
		p, err := report.ParsePeriod(tc.from, tc.to, zone)
		if err != nil {
			t.Fatal(err)
		}
		// What the period holds, read straight from the ledger.
		want := map[int64]bool{}
		var donations int64
		rows, err := w.d.Query(ctx, `SELECT seq, kind, amount, category, recorded_at,
			COALESCE(reverses_seq, 0) FROM ledger_entries WHERE org_id = ?`, w.org.ID)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[int64]string{}
		type row struct {
			seq, amount    int64
			reverses       int64
			kind, category string
			at             time.Time
		}
		var all []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.seq, &r.kind, &r.amount, &r.category, &r.at, &r.reverses); err != nil {
				t.Fatal(err)
			}
			kinds[r.seq] = r.kind
			all = append(all, r)
		}
		rows.Close()
		for _, r := range all {
			if (!p.From.IsZero() && r.at.Before(p.From)) || (!p.To.IsZero() && !r.at.Before(p.To)) {
				continue
			}
			want[r.seq] = true
			// A reversal of a donation takes it off.
			if r.category != string(ledger.CatZakatInfak) && (r.kind == "donation" ||
				(r.kind == "reversal" && kinds[r.reverses] == "donation")) {
				donations += r.amount
			}
		}
		q := "?from=" + tc.from + "&to=" + tc.to
		next := "/organisasi/taman-baca/laporan" + q
		seen := map[int64]bool{}
		for page := 0; next != ""; page++ {
			if page > 10 {
				t.Fatalf("%s: paging does not end", q)
			}
			got := w.get(t, "anon", next)
			if got.status != 200 {
				t.Fatalf("%s: %d", next, got.status)
			}
			if page == 0 && !strings.Contains(got.body, "Donasi masuk</dt><dd>"+i18n.Rupiah(donations)+"</dd>") {
				t.Errorf("%s: donations are not %s", q, i18n.Rupiah(donations))
			}
			if page > 0 && !strings.Contains(got.body, "Kembali ke catatan terbaru") {
				t.Errorf("%s page %d: no link back to the newest", q, page)
			}
			m := reportRowSeq.FindAllStringSubmatch(got.body, -1)
			if len(m) > report.PageSize {
				t.Errorf("%s: a page of %d entries", next, len(m))
			}
			for _, s := range m {
				seq, _ := strconv.ParseInt(s[1], 10, 64)
				if seen[seq] || !want[seq] {
					t.Errorf("%s: entry %d listed twice or outside the period", next, seq)
				}
				seen[seq] = true
			}
			next = ""
			if l := reportNext.FindStringSubmatch(got.body); l != nil {
				next = html.UnescapeString(l[1])
				if tc.from != "" && (!strings.Contains(next, "from="+tc.from) || !strings.Contains(next, "to="+tc.to)) {
					t.Errorf("next link %s loses the period", next)
				}
				if len(m) != report.PageSize {
					t.Errorf("a next link under a page of %d", len(m))
				}
			}
		}
		if len(seen) != len(want) {
			t.Errorf("%s: pages listed %d entries, the period holds %d", q, len(seen), len(want))
		}
		// The CSV holds them all.
		got := w.get(t, "anon", "/organisasi/taman-baca/laporan"+q+"&format=csv")
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(got.body, "\uFEFF")))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, rec := range recs {
			if seq, err := strconv.ParseInt(rec[0], 10, 64); err == nil && len(rec) == 9 && want[seq] {
				n++
			}
		}
		if n != len(want) {
			t.Errorf("%s: the CSV holds %d entries, want %d", q, n, len(want))
		}
	}
	// A broken cursor shows the first page.
	if got := w.get(t, "anon", "/organisasi/taman-baca/laporan?setelah=x-1"); got.status != 200 ||
		len(reportRowSeq.FindAllString(got.body, -1)) != report.PageSize {
		t.Errorf("broken cursor: %d", got.status)
	}
}
