package opendata_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/opendata"
)

// copyRow is an INSERT that copies the first row of table matching where,
// with some columns set to other SQL expressions (the id is left out).
func copyRow(t *testing.T, d *db.DB, table, where string, set map[string]string) string {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT * FROM `+table+` WHERE 1 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := rows.Columns()
	rows.Close()
	if err != nil {
		t.Fatal(err)
	}
	var names, values []string
	for _, c := range cols {
		if c == "id" {
			continue
		}
		v := c
		if e, ok := set[c]; ok {
			v = e
		}
		names, values = append(names, c), append(values, v)
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(names, ", ") + `) SELECT ` + strings.Join(values, ", ") +
		` FROM ` + table + ` WHERE ` + where + ` ORDER BY 1 LIMIT 1`
}

// stamps are the ETags of every data set for the whole catalogue (org 0)
// and for each organisation of orgs.
func stamps(t *testing.T, s *opendata.Store, orgs ...int64) map[int64]map[string]string {
	t.Helper()
	out := map[int64]map[string]string{}
	for _, org := range append([]int64{0}, orgs...) {
		out[org] = map[string]string{}
		for _, ds := range opendata.Datasets {
			st, err := s.Stamp(context.Background(), ds, org)
			if err != nil {
				t.Fatal(err)
			}
			out[org][ds.Name] = st.ETag
		}
	}
	return out
}

// TestStampsFollowEveryWrite makes each kind of write to every table a
// data set reads — insert, update, delete, the organisation hidden or
// re-licensed — to one organisation, and checks that the ETags of the data
// sets whose rows it changes move, for the whole catalogue and for that
// organisation, while another organisation's stay. Writes that change no
// published row (a pending donation) move nothing.
func TestStampsFollowEveryWrite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		// a has rows of every kind; b is another organisation with rows.
		a := one(t, d, `SELECT org_id FROM survey_responses x JOIN survey_rounds r ON r.id = x.round_id ORDER BY org_id LIMIT 1`)
		b := one(t, d, `SELECT MIN(org_id) FROM ledger_entries WHERE org_id <> ?`, a)
		campaign := `org_id = ? AND status <> 'draft'`
		ofA := func(table string) string {
			return `EXISTS (SELECT 1 FROM campaigns c WHERE c.id = ` + table + `.campaign_id AND c.org_id = ?)`
		}
		const (
			kampanye, kebutuhan, dukungan, bukuKas   = "kampanye", "kebutuhan", "dukungan-harian", "buku-kas"
			pengeluaran, laporan, inisiatif, layanan = "pengeluaran", "laporan-keuangan", "inisiatif", "layanan-bulanan"
			survei                                   = "survei-ikm"
		)
		all := []string{kampanye, kebutuhan, dukungan, bukuKas, pengeluaran, laporan, inisiatif, layanan, survei}
		onCampaigns := []string{kampanye, kebutuhan, dukungan, bukuKas, pengeluaran, laporan}
		onInitiatives := []string{kampanye, bukuKas, pengeluaran, inisiatif, layanan, survei}
		tests := []struct {
			name string
			sql  string // each argument is organisation a
			// changes are the data sets whose rows the write changes.
			changes []string
		}{
			{"donation pending", copyRow(t, d, "donations", "org_id = ? AND status = 'confirmed'",
				map[string]string{"status": "'pending'", "confirmed_at": "NULL", "confirmed_by": "NULL", "form_token": "'stamp-1'"}), nil},
			{"donation confirmed", `UPDATE donations SET status = 'confirmed', confirmed_at = created_at WHERE form_token = 'stamp-1' AND org_id = ?`,
				[]string{kampanye, dukungan}},
			{"donation moved to another day", `UPDATE donations SET confirmed_at = expires_at WHERE form_token = 'stamp-1' AND org_id = ?`,
				[]string{kampanye, dukungan}},
			{"donation deleted", `DELETE FROM donations WHERE form_token = 'stamp-1' AND org_id = ?`, []string{kampanye, dukungan}},
			{"confirmed donation inserted", copyRow(t, d, "donations", "org_id = ? AND status = 'confirmed'",
				map[string]string{"form_token": "'stamp-2'"}), []string{kampanye, dukungan}},
			{"campaign inserted", copyRow(t, d, "campaigns", campaign, map[string]string{"slug": "'stamp-kampanye'"}), onCampaigns},
			{"campaign renamed", `UPDATE campaigns SET title = 'Judul baru' WHERE slug = 'stamp-kampanye' AND org_id = ?`, onCampaigns},
			{"campaign deleted", `DELETE FROM campaigns WHERE slug = 'stamp-kampanye' AND org_id = ?`, onCampaigns},
			{"need inserted", copyRow(t, d, "campaign_needs", ofA("campaign_needs"), map[string]string{"title": "'stamp-need'"}),
				[]string{kampanye, kebutuhan, dukungan}},
			{"need target changed", `UPDATE campaign_needs SET target = target + 1 WHERE title = 'stamp-need' AND ` + ofA("campaign_needs"),
				[]string{kampanye, kebutuhan, dukungan}},
			{"need deleted", `DELETE FROM campaign_needs WHERE title = 'stamp-need' AND ` + ofA("campaign_needs"),
				[]string{kampanye, kebutuhan, dukungan}},
			{"goods received", copyRow(t, d, "goods_receipts", `EXISTS (SELECT 1 FROM goods_pledges p WHERE p.id = goods_receipts.pledge_id AND p.org_id = ?)`,
				map[string]string{"note": "'stamp-goods'"}), []string{dukungan}},
			{"goods receipt changed", `UPDATE goods_receipts SET received_on = '2020-01-01' WHERE note = 'stamp-goods' AND pledge_id IN (SELECT id FROM goods_pledges WHERE org_id = ?)`,
				[]string{dukungan}},
			{"goods receipt deleted", `DELETE FROM goods_receipts WHERE note = 'stamp-goods' AND pledge_id IN (SELECT id FROM goods_pledges WHERE org_id = ?)`,
				[]string{dukungan}},
			{"volunteer time logged", copyRow(t, d, "volunteer_hours", `EXISTS (SELECT 1 FROM volunteer_signups v WHERE v.id = volunteer_hours.signup_id AND v.org_id = ?)`,
				map[string]string{"note": "'stamp-time'"}), []string{dukungan}},
			{"volunteer time changed", `UPDATE volunteer_hours SET minutes = 7 WHERE note = 'stamp-time' AND signup_id IN (SELECT id FROM volunteer_signups WHERE org_id = ?)`,
				[]string{dukungan}},
			{"volunteer time deleted", `DELETE FROM volunteer_hours WHERE note = 'stamp-time' AND signup_id IN (SELECT id FROM volunteer_signups WHERE org_id = ?)`,
				[]string{dukungan}},
			// (the signature of another organisation's campaign copied)
			{"petition signed, unverified", copyRow(t, d, "petition_signatures", "1 = 1", map[string]string{
				"campaign_id": "(SELECT MIN(id) FROM campaigns WHERE " + campaign + ")",
				"email":       "'stamp@example.org'", "token_hash": "'stamp-token'", "verified_at": "NULL"}), nil},
			{"signature verified", `UPDATE petition_signatures SET verified_at = created_at WHERE email = 'stamp@example.org' AND ` + ofA("petition_signatures"),
				[]string{dukungan}},
			{"signature deleted", `DELETE FROM petition_signatures WHERE email = 'stamp@example.org' AND ` + ofA("petition_signatures"),
				[]string{dukungan}},
			{"offer made", copyRow(t, d, "offers", "org_id = ?", map[string]string{"form_token": "'stamp-offer'", "access_token": "'stamp-offer'"}),
				[]string{dukungan}},
			{"offer agreed", `UPDATE offers SET status = 'disepakati' WHERE form_token = 'stamp-offer' AND org_id = ?`, nil},
			{"offer moved to another day", `UPDATE offers SET created_at = updated_at + INTERVAL_DAY WHERE form_token = 'stamp-offer' AND org_id = ?`,
				[]string{dukungan}},
			{"offer deleted", `DELETE FROM offers WHERE form_token = 'stamp-offer' AND org_id = ?`, []string{dukungan}},
			{"ledger entry", copyRow(t, d, "ledger_entries", "org_id = ?", map[string]string{"seq": "seq + 100000",
				"source_type": "NULL", "source_id": "NULL", "reverses_seq": "NULL", "kind": "'fee'"}), []string{bukuKas, laporan}},
			{"expense approved", copyRow(t, d, "expenses", "org_id = ? AND status = 'disetujui'", map[string]string{"payee": "'stamp-payee'"}),
				[]string{pengeluaran}},
			{"expense corrected", `UPDATE expenses SET reversal_reason = 'salah' WHERE payee = 'stamp-payee' AND org_id = ?`, []string{pengeluaran}},
			{"expense deleted", `DELETE FROM expenses WHERE payee = 'stamp-payee' AND org_id = ?`, []string{pengeluaran}},
			{"initiative inserted", copyRow(t, d, "initiatives", "org_id = ? AND status = 'published'", map[string]string{"slug": "'stamp-inisiatif'"}),
				onInitiatives},
			{"initiative renamed", `UPDATE initiatives SET name = 'Nama baru' WHERE slug = 'stamp-inisiatif' AND org_id = ?`, onInitiatives},
			{"initiative serves a region", `INSERT INTO initiative_regions (initiative_id, region_code)
				SELECT i.id, o.region_code FROM initiatives i JOIN organizations o ON o.id = i.org_id WHERE i.slug = 'stamp-inisiatif' AND i.org_id = ?`,
				onInitiatives},
			{"initiative serves it no more", `DELETE FROM initiative_regions WHERE initiative_id IN (SELECT id FROM initiatives WHERE slug = 'stamp-inisiatif' AND org_id = ?)`,
				onInitiatives},
			{"initiative deleted", `DELETE FROM initiatives WHERE slug = 'stamp-inisiatif' AND org_id = ?`, onInitiatives},
			{"service point renamed", `UPDATE service_points SET name = name || ' baru' WHERE id = (SELECT MIN(id) FROM service_points WHERE org_id = ?)`,
				[]string{layanan}},
			{"people served", copyRow(t, d, "service_records", "org_id = ?", map[string]string{"note": "'stamp-served'", "import_id": "NULL", "import_line": "NULL"}), []string{layanan}},
			{"service record moved", `UPDATE service_records SET served_on = '2020-01-01' WHERE note = 'stamp-served' AND org_id = ?`, []string{layanan}},
			{"service record deleted", `DELETE FROM service_records WHERE note = 'stamp-served' AND org_id = ?`, []string{layanan}},
			{"feedback vote", copyRow(t, d, "feedback_votes", "org_id = ? AND status = 'dihitung'", map[string]string{"device_key": "'stamp-device'"}),
				[]string{layanan}},
			{"feedback vote discarded", `UPDATE feedback_votes SET status = 'dibuang' WHERE device_key = 'stamp-device' AND org_id = ?`, []string{layanan}},
			{"discarded vote deleted", `DELETE FROM feedback_votes WHERE device_key = 'stamp-device' AND org_id = ?`, nil},
			{"paper tally", copyRow(t, d, "feedback_paper_tallies", "org_id = ?", map[string]string{"counted_by": "'stamp-tally'"}), []string{layanan}},
			{"paper tally corrected", `UPDATE feedback_paper_tallies SET hijau = hijau + 1 WHERE counted_by = 'stamp-tally' AND org_id = ?`, []string{layanan}},
			{"paper tally deleted", `DELETE FROM feedback_paper_tallies WHERE counted_by = 'stamp-tally' AND org_id = ?`, []string{layanan}},
			{"complaint", copyRow(t, d, "complaints", "org_id = ? AND initiative_id IS NOT NULL",
				map[string]string{"code": "'stamp-complaint'", "form_token": "NULL"}), []string{layanan}},
			{"complaint answered", `UPDATE complaints SET first_answer_at = received_at WHERE code = 'stamp-complaint' AND org_id = ?`, []string{layanan}},
			{"complaint deleted", `DELETE FROM complaints WHERE code = 'stamp-complaint' AND org_id = ?`, []string{layanan}},
			{"survey response", copyRow(t, d, "survey_responses", `EXISTS (SELECT 1 FROM survey_rounds r WHERE r.id = survey_responses.round_id AND r.org_id = ?)`,
				map[string]string{"form_token": "'stamp-response'"}), []string{survei}},
			{"survey response deleted", `DELETE FROM survey_responses WHERE form_token = 'stamp-response' AND round_id IN (SELECT id FROM survey_rounds WHERE org_id = ?)`,
				[]string{survei}},
			{"survey round renamed", `UPDATE survey_rounds SET title = 'Putaran baru' WHERE id = (SELECT MIN(id) FROM survey_rounds WHERE org_id = ?)`,
				[]string{survei}},
			{"organisation re-licensed", `UPDATE organizations SET data_licence = 'CC0-1.0' WHERE id = ?`, all},
			{"organisation suspended", `UPDATE organizations SET status = 'suspended' WHERE id = ?`, all},
			{"organisation reinstated", `UPDATE organizations SET status = 'verified' WHERE id = ?`, all},
			{"organisation profile edited", `UPDATE organizations SET vision = 'Visi baru' WHERE id = ?`, nil},
		}
		before := stamps(t, s, a, b)
		for _, tc := range tests {
			q := tc.sql
			if d.Dialect == db.Postgres {
				q = strings.ReplaceAll(q, "INTERVAL_DAY", "INTERVAL '1 day'")
			} else {
				q = strings.ReplaceAll(q, "updated_at + INTERVAL_DAY", "datetime(updated_at, '+1 day')")
			}
			args := make([]any, strings.Count(q, "?"))
			for i := range args {
				args[i] = a
			}
			res, err := d.Exec(ctx, q, args...)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				t.Fatalf("%s: %d rows written, want 1", tc.name, n)
			}
			after := stamps(t, s, a, b)
			changed := map[string]bool{}
			for _, name := range tc.changes {
				changed[name] = true
			}
			for _, name := range all {
				for _, org := range []int64{0, a} {
					if moved := after[org][name] != before[org][name]; moved != changed[name] {
						t.Errorf("%s: %s of organisation %d (0: all): ETag moved %v, want %v", tc.name, name, org, moved, changed[name])
					}
				}
				if after[b][name] != before[b][name] {
					t.Errorf("%s: %s of another organisation moved", tc.name, name)
				}
			}
			before = after
		}
	})
}

// TestStampsFollowCommitOrder: on PostgreSQL two transactions change the
// same data set at once and the one that wrote first commits last. The
// catalogue's ETag read between the two commits must move again at the
// second: the version of a change is taken at its commit.
func TestStampsFollowCommitOrder(t *testing.T) {
	if os.Getenv(dbtest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: SQLite has one writer at a time")
	}
	d := dbtest.Postgres(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s := demoStore(t, d)
	ds := opendata.ByName("kampanye")
	a := one(t, d, `SELECT MIN(org_id) FROM campaigns WHERE status <> 'draft'`)
	b := one(t, d, `SELECT MIN(org_id) FROM campaigns WHERE status <> 'draft' AND org_id <> ?`, a)
	rename := `UPDATE campaigns SET title = title || ' (baru)' WHERE id = (SELECT MIN(id) FROM campaigns WHERE org_id = $1 AND status <> 'draft')`
	first, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Rollback()
	if _, err := first.ExecContext(ctx, rename, a); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExecContext(ctx, rename, b); err != nil {
		t.Fatal(err)
	}
	between, err := s.Stamp(ctx, ds, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := s.Stamp(ctx, ds, 0)
	if err != nil {
		t.Fatal(err)
	}
	if after.ETag == between.ETag {
		t.Errorf("the catalogue's ETag %s did not move when the earlier writer committed", after.ETag)
	}
}
