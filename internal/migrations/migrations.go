// Package migrations lists Lokadaya's schema steps in order: SQL files under
// sql/ (NNNN_name.sql) and the Go steps that load reference data.
package migrations

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/figures"
	"lokadaya/internal/goods"
	"lokadaya/internal/opendata"
	"lokadaya/internal/region/regiondata"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// goSteps are the migrations written in Go, by version.
var goSteps = []db.Migration{
	{Version: 2, Name: "regions_kepmendagri_2025", Func: regiondata.Load},
	{Version: 43, Name: "ledger_backfill", Func: backfillLedger},
	{Version: 71, Name: "bank_imports_bni_bsi", Func: widenImportBanks},
	{Version: 141, Name: "search_fulltext", Func: createSearchFTS},
	{Version: 146, Name: "region_figures", Func: figures.Schema},
	{Version: 175, Name: "region_figures_running_totals", Func: figures.RunningTotals},
	{Version: 180, Name: "campaign_money", Func: figures.CampaignSchema},
	{Version: 182, Name: "open_publishers", Func: opendata.PublishersSchema},
	{Version: 186, Name: "open_changes", Func: opendata.ChangesSchema},
	{Version: 190, Name: "ledger_days", Func: figures.LedgerSchema},
	{Version: 195, Name: "org_name_index", Func: createOrgNameIndex},
	{Version: 198, Name: "figures_one_write_per_row", Func: figures.OneWritePerRow},
	{Version: 221, Name: "figures_oms_only", Func: figures.OMSOnly},
	{Version: 223, Name: "figures_regions_in_order", Func: figures.RegionsInOrder},
}

// backfillLedger books, once, the confirmed donations and valued goods
// receipts recorded before confirmations and receipts were booked in the
// ledger as they happen.
func backfillLedger(ctx context.Context, tx *db.Tx) error {
	if _, err := donation.Backfill(ctx, tx); err != nil {
		return err
	}
	_, err := goods.Backfill(ctx, tx)
	return err
}

// All returns every migration in version order. It panics on a malformed
// file name or a duplicated version: both are programming errors caught by
// the first test run.
func All() []db.Migration {
	ms := append([]db.Migration(nil), goSteps...)
	entries, err := fs.ReadDir(sqlFiles, "sql")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		base := strings.TrimSuffix(e.Name(), ".sql")
		num, name, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migrations: bad file name " + e.Name())
		}
		body, err := sqlFiles.ReadFile("sql/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, db.Migration{Version: v, Name: name, SQL: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			panic(fmt.Sprintf("migrations: version %d used twice", ms[i].Version))
		}
	}
	return ms
}

// Fingerprint identifies this set of migrations; test databases built from
// one set are reused only by the same set.
func Fingerprint() string {
	h := sha256.New()
	for _, m := range All() {
		fmt.Fprintf(h, "%d %s\n%s\n", m.Version, m.Name, m.SQL)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
