package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
	"lokadaya/internal/ledger"
	"lokadaya/internal/region"
	"lokadaya/internal/surplus"
)

// surplusOrg is the organisation whose initiative ends a year with a
// surplus, part of which becomes a spin-off.
const surplusOrg = "terang-kampung"

// allocateSurplus books a year of Lampu Kampung's money (residents' dues,
// a CSR gift, maintenance, batteries, running costs) over the last twelve
// whole months, then records stage 6's decisions: a reserve and a spin-off,
// Bengkel Surya Warga, published and linked to its parent.
func allocateSurplus(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	var orgID, iniID int64
	var regionCode string
	if err := d.QueryRow(ctx, `SELECT o.id, o.region_code, i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
		WHERE o.slug = ? ORDER BY i.id LIMIT 1`, surplusOrg).Scan(&orgID, &regionCode, &iniID); err != nil {
		return fmt.Errorf("demo: surplus: %w", err)
	}
	owner := users["pemilik"]
	zone := region.Zone(regionCode)
	now := db.Now().In(zone)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, zone).AddDate(-1, 0, 0)
	var entries []ledger.Entry
	for m := range 12 {
		month := first.AddDate(0, m, 0)
		at := func(day, hour int) time.Time { return month.AddDate(0, 0, day-1).Add(time.Duration(hour) * time.Hour) }
		name := month.Format("01/2006")
		entries = append(entries,
			ledger.Entry{Kind: ledger.KindDonation, Amount: int64(1_450_000 + 35_000*(m%4)), Category: ledger.CatProgram,
				RecordedAt: at(5, 19), Counterparty: "Warga RW 05", Description: "Iuran perawatan lampu " + name + " (290 rumah)"},
			ledger.Entry{Kind: ledger.KindExpense, Amount: -int64(420_000 + 60_000*(m%3)), Category: ledger.CatProgram,
				RecordedAt: at(20, 10), Counterparty: "Toko Listrik Sinar Jaya", Description: "Suku cadang dan perawatan lampu surya " + name},
			ledger.Entry{Kind: ledger.KindExpense, Amount: -150_000, Category: ledger.CatOperasional,
				RecordedAt: at(25, 9), Description: "Pulsa, transport teknisi dan ATK " + name})
		if m%4 == 1 {
			entries = append(entries, ledger.Entry{Kind: ledger.KindDonation, Amount: 2_500_000, Category: ledger.CatProgram,
				RecordedAt: at(12, 14), Counterparty: "CSR PT Cahaya Nusantara", Description: "Hibah penggantian lampu gang"})
		}
		if m == 6 {
			entries = append(entries, ledger.Entry{Kind: ledger.KindExpense, Amount: -3_200_000, Category: ledger.CatProgram,
				RecordedAt: at(8, 11), Counterparty: "CV Surya Mandiri", Description: "Penggantian 16 baterai lampu yang sudah lemah"})
		}
	}
	if err := d.InTx(ctx, func(tx *db.Tx) error {
		for _, e := range entries {
			e.OrgID, e.InitiativeID, e.RecordedBy = orgID, iniID, owner.ID
			if _, err := ledger.Append(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return fmt.Errorf("demo: surplus books: %w", err)
	}
	period := surplus.PeriodInput{InitiativeID: iniID, From: first.UTC(), To: first.AddDate(1, 0, 0).UTC(), Reserve: 3_000_000}
	actor := surplus.Actor{ID: owner.ID, Name: owner.Name}
	spin, err := surplus.Allocate(ctx, d, orgID, actor, surplus.Decision{Period: period, Kind: surplus.KindSpinOff,
		Amount: 4_000_000, NewName: "Bengkel Surya Warga",
		Rationale: "Teknisi warga sudah terampil memperbaiki lampu surya; kelurahan tetangga meminta jasa yang sama. " +
			"Rapat anggota sepakat membentuk bengkel sebagai usaha sosial yang menjual jasa servis dan suku cadang."})
	if err != nil {
		return fmt.Errorf("demo: surplus spin-off: %w", err)
	}
	if _, err := surplus.Allocate(ctx, d, orgID, actor, surplus.Decision{Period: period, Kind: surplus.KindReserve,
		Amount: 1_500_000, Rationale: "Dana darurat untuk lampu yang rusak karena cuaca."}); err != nil {
		return fmt.Errorf("demo: surplus reserve: %w", err)
	}
	inits := &initiative.Store{DB: d}
	child, err := inits.ByID(ctx, spin.TargetID)
	if err != nil {
		return err
	}
	ia := initiative.Actor{ID: owner.ID, Name: owner.Name}
	if _, err := inits.Update(ctx, ia, child.ID, initiative.Input{Name: child.Name, Category: child.Category,
		Tagline: "Lampu surya rusak? Servis di warga sendiri", Regions: child.Regions,
		Text: map[string]string{"problem": "Lampu tenaga surya di kampung sekitar mati setelah dua-tiga tahun karena baterai dan pengendali rusak, padahal servisnya hanya ada di kota.",
			"framework": "Teknisi warga yang dilatih Lampu Kampung membuka bengkel; tarif servis terjangkau, sebagian laba kembali ke kas perawatan lampu kampung."}}); err != nil {
		return fmt.Errorf("demo: spin-off: %w", err)
	}
	return inits.Publish(ctx, ia, child.ID)
}
