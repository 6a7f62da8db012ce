package cli

import (
	"context"
	"io"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
)

func TestLedgerVerifyCommand(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ids := map[string]int64{}
		for _, slug := range []string{"rapi", "rusak", "kosong"} {
			now := db.Now()
			var id int64
			if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, created_at, updated_at)
				VALUES (?, ?, 'komunitas', '51.71.01.1001', ?, ?) RETURNING id`, slug, slug, now, now).Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids[slug] = id
			if slug == "kosong" {
				continue
			}
			for i := range 3 {
				if err := d.InTx(ctx, func(tx *db.Tx) error {
					_, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: id, Kind: ledger.KindDonation,
						Amount: int64(10_000 * (i + 1)), Category: ledger.CatProgram, Description: "Donasi"})
					return err
				}); err != nil {
					t.Fatal(err)
				}
			}
		}
		_, head, _ := ledger.Head(ctx, d, ids["rapi"])
		run := func(args ...string) (int, string, string) {
			var out, errOut strings.Builder
			code := Run(append([]string{"ledger"}, append(args, "--db", d.URL)...), &out, &errOut)
			return code, out.String(), errOut.String()
		}
		for _, tc := range []struct {
			name   string
			tamper bool
			args   []string
			code   int
			has    []string
			hasNot []string
		}{
			{"all good", false, []string{"verify"}, 0,
				[]string{"OK   rapi entries=3 head=" + head, "OK   rusak entries=3"}, []string{"kosong", "BAD"}},
			{"one organisation", false, []string{"verify", "--org", "rapi"}, 0, []string{"OK   rapi entries=3"}, []string{"rusak"}},
			{"an organisation without books", false, []string{"verify", "--org", "kosong"}, 0,
				[]string{"OK   kosong entries=0 head=" + ledger.Genesis}, nil},
			{"unknown organisation", false, []string{"verify", "--org", "tidak-ada"}, 1, nil, []string{"OK"}},
			{"no subcommand", false, []string{"check"}, 1, nil, nil},
			{"stray argument", false, []string{"verify", "lagi"}, 1, nil, nil},
			{"tampered", true, []string{"verify"}, 1,
				[]string{"OK   rapi", "BAD  rusak entries=3", "first_bad=2 (hash mismatch)"}, nil},
			{"tampered, other organisation", true, []string{"verify", "--org", "rapi"}, 0, []string{"OK   rapi"}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.tamper {
					if _, err := d.Exec(ctx, `UPDATE ledger_entries SET amount = 1 WHERE org_id = ? AND seq = 2`, ids["rusak"]); err != nil {
						t.Fatal(err)
					}
				}
				code, out, errOut := run(tc.args...)
				if code != tc.code {
					t.Errorf("exit %d, want %d; out %q err %q", code, tc.code, out, errOut)
				}
				for _, s := range tc.has {
					if !strings.Contains(out, s) {
						t.Errorf("output lacks %q:\n%s", s, out)
					}
				}
				for _, s := range tc.hasNot {
					if strings.Contains(out, s) {
						t.Errorf("output has %q:\n%s", s, out)
					}
				}
			})
		}
		if code := Run([]string{"ledger"}, io.Discard, io.Discard); code != 1 {
			t.Errorf("bare ledger: exit %d", code)
		}
	})
}
