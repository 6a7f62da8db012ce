package demo

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/expense"
	"lokadaya/internal/org"
	"lokadaya/internal/pdf"
)

// Receipts is the uploads store the demo writes its files to: expense
// receipts (a picture or a PDF each) and campaign covers. When nil the
// receipts' keys are recorded without files and campaigns get no cover.
var Receipts blob.Store

// demoExpense is one expense of a demo organisation. decide is "approve",
// "reject" or "" (left awaiting approval); toCampaign charges it to the
// organisation's money campaign.
type demoExpense struct {
	monthsAgo   int
	amount      int64
	category    string
	toCampaign  bool
	description string
	payee       string
	receipt     string // "png", "pdf" or ""
	decide      string
	// campaign is the title of the campaign charged, for an organisation
	// with several; toCampaign alone charges its running money campaign.
	campaign string
}

// demoExpenses are the expenses of the organisations that keep books, by
// slug, with the member who records them (the owner approves).
var demoExpenses = map[string]struct {
	maker string
	list  []demoExpense
}{
	"terang-kampung": {"bendahara", []demoExpense{
		{5, 450_000, "program", true, "Lampu jalan tenaga surya, 3 unit", "Toko Listrik Cahaya", "pdf", "approve", ""},
		{4, 35_000, "operasional", true, "Fotokopi formulir pendataan warga", "Fotokopi Mandiri", "", "approve", ""},
		{3, 275_000, "program", true, "Kabel dan tiang lampu gang", "TB Sinar Jaya", "png", "approve", ""},
		{2, 60_000, "operasional", false, "Konsumsi rapat warga", "Warung Bu Imas", "", "approve", ""},
		{1, 1_200_000, "program", true, "Pemasangan lampu oleh tukang", "Pak Dadang", "png", "reject", ""},
		{0, 40_000, "operasional", true, "Transport belanja material", "Ojek Pangkalan", "", "", ""},
	}},
	"bank-sampah-bersinar": {"bendahara", []demoExpense{
		{4, 320_000, "program", true, "Timbangan gantung dan karung", "Toko Pertanian Subur", "pdf", "approve", ""},
		{2, 25_000, "operasional", true, "Biaya transfer antarbank", "Bank", "", "approve", ""},
		{1, 150_000, "cadangan", false, "Dana cadangan perawatan gudang", "Kas organisasi", "png", "", ""},
	}},
	"taman-baca-pelita": {"bendahara", []demoExpense{
		{3, 380_000, "program", true, "Buku cerita anak, 40 eksemplar", "Toko Buku Gerung", "pdf", "approve", ""},
		{1, 45_000, "operasional", false, "Pulsa koordinasi relawan", "Konter Pulsa", "", "approve", ""},
	}},
	// Money raised over the past year, spent after it came in.
	"sanggar-seni-badung": {"pengurus7", []demoExpense{
		{8, 31_500_000, "program", true, "Satu set gangsa, kantilan dan kendang", "Pande Gamelan Tihingan", "pdf", "approve", "Gamelan untuk Sanggar Anak Banjar Kaja"},
		{8, 650_000, "operasional", true, "Sewa pikap mengangkut gamelan", "Bli Komang Transport", "png", "approve", "Gamelan untuk Sanggar Anak Banjar Kaja"},
		{7, 1_800_000, "program", true, "Upacara pemelaspas gamelan dan pentas perdana", "Banjar Kaja", "pdf", "approve", "Gamelan untuk Sanggar Anak Banjar Kaja"},
	}},
	"paralegal-nagari-adil": {"pengurus2", []demoExpense{
		{6, 9_000_000, "program", true, "Honor empat paralegal, Januari–Juni", "Paralegal pos nagari", "pdf", "approve", "Pos Paralegal di Empat Nagari"},
		{5, 1_250_000, "program", true, "Pelatihan hukum agraria, konsumsi dan modul", "Rumah Makan Sederhana", "png", "approve", "Pos Paralegal di Empat Nagari"},
		{3, 9_000_000, "program", true, "Honor empat paralegal, Juli–Desember", "Paralegal pos nagari", "pdf", "approve", "Pos Paralegal di Empat Nagari"},
		{2, 420_000, "operasional", true, "Alat tulis dan map berkas kasus", "Toko Buku Lubuk Basung", "png", "approve", "Pos Paralegal di Empat Nagari"},
	}},
	"perempuan-kapas-timor": {"pengurus9", []demoExpense{
		{7, 14_400_000, "program", true, "Dua belas alat pintal kayu", "Bengkel Kayu Soe", "pdf", "approve", "Alat Pintal untuk Enam Kelompok Tenun"},
		{6, 900_000, "operasional", true, "Ongkos angkut alat pintal ke enam kelompok", "Oto Kol Amanuban", "png", "approve", "Alat Pintal untuk Enam Kelompok Tenun"},
		{0, 2_100_000, "program", true, "Dua alat tenun gedogan untuk sekolah tenun", "Bengkel Kayu Soe", "pdf", "", "Sekolah Tenun untuk Remaja Putri"},
	}},
	"mpa-bengkalis": {"pengurus2", []demoExpense{
		{5, 22_500_000, "program", true, "Tiga pompa jinjing pemadam", "CV Sarana Pemadam Riau", "pdf", "approve", "Pompa dan Selang untuk Regu Patroli Gambut"},
		{5, 1_200_000, "operasional", true, "Bahan bakar patroli musim kemarau", "SPBU Bengkalis", "png", "approve", "Pompa dan Selang untuk Regu Patroli Gambut"},
	}},
	"energi-surya-sumba": {"pengurus5", []demoExpense{
		{4, 44_000_000, "program", true, "Panel surya dan baterai untuk empat SD", "PT Matahari Timur", "pdf", "approve", "Listrik Surya untuk Empat Sekolah Dasar"},
		{3, 6_500_000, "program", true, "Pemasangan dan kabel di empat sekolah", "Teknisi desa", "png", "approve", "Listrik Surya untuk Empat Sekolah Dasar"},
		{3, 2_800_000, "operasional", true, "Perjalanan tim ke sekolah-sekolah", "Rental Waingapu", "png", "approve", "Listrik Surya untuk Empat Sekolah Dasar"},
	}},
	"peduli-tb-makassar": {"pengurus9", []demoExpense{
		{3, 2_400_000, "program", true, "Transport pasien ke puskesmas, bulan pertama", "Kader pendamping", "pdf", "approve", ""},
		{2, 2_650_000, "program", true, "Transport pasien ke puskesmas, bulan kedua", "Kader pendamping", "pdf", "approve", ""},
		{1, 2_800_000, "program", true, "Transport pasien ke puskesmas, bulan ketiga", "Kader pendamping", "pdf", "approve", ""},
		{0, 300_000, "operasional", true, "Pulsa kader pendamping", "Konter Pulsa", "png", "", ""},
	}},
	"mangrove-pesisir-selatan": {"pengurus6", []demoExpense{
		{2, 5_600_000, "program", true, "Bibit dari kelompok perempuan nelayan, tahap 1", "Kelompok Bundo Mangrove", "pdf", "approve", ""},
		{1, 4_900_000, "program", true, "Bibit dan ajir bambu, tahap 2", "Kelompok Bundo Mangrove", "pdf", "approve", ""},
	}},
	"kebun-pangan-palembang": {"pengurus7", []demoExpense{
		{1, 2_750_000, "program", true, "Bibit sayur, kompos dan pagar bambu untuk enam lorong", "Toko Tani Makmur", "pdf", "approve", ""},
	}},
}

// recordExpenses records, approves and rejects the demo expenses. Each
// organisation's owner approves what another member recorded; a member who
// keeps the books is added where the organisation has none.
func recordExpenses(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	orgs := &org.Store{DB: d}
	for slug, books := range demoExpenses {
		var orgID int64
		var region string
		if err := d.QueryRow(ctx, `SELECT id, region_code FROM organizations WHERE slug = ?`, slug).Scan(&orgID, &region); err != nil {
			return fmt.Errorf("demo: expenses of %s: %w", slug, err)
		}
		maker, owner := users[books.maker], users[ownerOf(slug)]
		if _, err := orgs.RoleOf(ctx, orgID, maker.ID); errors.Is(err, db.ErrNotFound) {
			if err := orgs.AddMember(ctx, orgID, maker.ID, org.RoleTreasurer); err != nil {
				return fmt.Errorf("demo: treasurer of %s: %w", slug, err)
			}
		} else if err != nil {
			return err
		}
		running, _, err := moneyNeed(ctx, d, orgID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		for i, x := range books.list {
			campaignID := running
			if x.campaign != "" {
				if err := d.QueryRow(ctx, `SELECT id FROM campaigns WHERE org_id = ? AND title = ?`, orgID, x.campaign).
					Scan(&campaignID); err != nil {
					return fmt.Errorf("demo: expenses of %s: campaign %q: %w", slug, x.campaign, err)
				}
			}
			if err := recordExpense(ctx, d, orgID, campaignID, slug, i, x,
				expense.Actor{ID: maker.ID, Name: maker.Name}, expense.Actor{ID: owner.ID, Name: owner.Name}); err != nil {
				return fmt.Errorf("demo: expense %d of %s: %w", i, slug, err)
			}
		}
	}
	return nil
}

func recordExpense(ctx context.Context, d *db.DB, orgID, campaignID int64, slug string, i int, x demoExpense,
	maker, checker expense.Actor) error {
	now := db.Now()
	spent := now.AddDate(0, -x.monthsAgo, -3*i)
	store := &expense.Store{DB: d, Now: func() time.Time { return spent.Add(2 * time.Hour) }}
	in := expense.Input{AmountRaw: fmt.Sprint(x.amount), Amount: x.amount, Category: x.category,
		Description: x.description, Payee: x.payee, SpentOn: spent.Format(expense.DayLayout)}
	if x.toCampaign {
		in.CampaignID = campaignID
	}
	var rec expense.Receipt
	if x.receipt != "" {
		data, typ, ext, err := demoReceipt(x, slug)
		if err != nil {
			return err
		}
		rec = expense.Receipt{Key: fmt.Sprintf("receipts/demo/%s-%d%s", slug, i, ext), Type: typ}
		if Receipts != nil {
			if err := Receipts.Put(ctx, rec.Key, typ, bytes.NewReader(data)); err != nil {
				return err
			}
		}
	}
	today := now.Format(expense.DayLayout)
	e, err := store.Record(ctx, orgID, in, today, rec, maker)
	var ce *expense.CapError
	if errors.As(err, &ce) && in.CampaignID != 0 {
		// Nothing raised in the books yet: charge it to no campaign.
		in.CampaignID = 0
		e, err = store.Record(ctx, orgID, in, today, rec, maker)
	}
	if err != nil {
		return err
	}
	store.Now = func() time.Time { return spent.Add(26 * time.Hour) }
	switch x.decide {
	case "approve":
		_, err = store.Approve(ctx, orgID, e.ID, checker)
		if errors.As(err, &ce) {
			return nil // left awaiting approval
		}
	case "reject":
		err = store.Reject(ctx, orgID, e.ID, "Belum ada surat penawaran dari tiga tukang; ajukan lagi setelah dibandingkan.", checker)
	}
	return err
}

// demoReceipt makes a small receipt: a PDF note or a picture of one.
func demoReceipt(x demoExpense, slug string) (data []byte, contentType, ext string, err error) {
	if x.receipt == "pdf" {
		doc := pdf.New("Nota " + x.payee)
		doc.Heading(1, "Nota pembelian")
		doc.Meta("Penjual", x.payee)
		doc.Meta("Pembeli", slug)
		doc.Meta("Jumlah", fmt.Sprintf("Rp%d", x.amount))
		doc.Paragraph(x.description)
		var buf bytes.Buffer
		if _, err := doc.WriteTo(&buf); err != nil {
			return nil, "", "", err
		}
		return buf.Bytes(), "application/pdf", ".pdf", nil
	}
	img := image.NewRGBA(image.Rect(0, 0, 120, 160))
	for y := range 160 {
		for x := range 120 {
			c := color.RGBA{250, 248, 240, 255}
			if y%16 == 8 && x > 10 && x < 110 {
				c = color.RGBA{90, 90, 110, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, "", "", err
	}
	return buf.Bytes(), "image/png", ".png", nil
}
