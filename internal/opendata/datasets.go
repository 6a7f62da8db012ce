package opendata

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/survey"
)

// Dataset is one open data set: what it is, its data dictionary and the
// SQL that produces its rows.
type Dataset struct {
	// Name is the data set's address ("kampanye"), also its file name.
	Name        string
	Title       Text
	Description Text
	Keywords    []string
	Columns     []Column
	// Spatial tells that rows carry a region code (the region list's
	// attribution applies).
	Spatial bool
	// rows is the ordered query of the rows, one column per Columns entry;
	// orgFilter marks where "AND o.id = ?" goes for one organisation.
	rows func(d db.Dialect) string
	// sources are what the rows are read from besides the organisations
	// (see open_changes): a change to any moves the stamp.
	sources []string
	// hidden is how many integer columns the rows query returns after
	// Columns, for finish only; finish, when set, completes each row
	// (figures computed in Go) before it is written.
	hidden int
	finish func(ctx context.Context, s *Store, row []Value, hidden []int64) error
}

// orgFilter is replaced by the organisation filter, or removed.
const orgFilter = "/*org*/"

// visible is the condition on the organisation o of every row: rejected
// and suspended organisations are hidden from the public.
const visible = `o.status NOT IN ('rejected', 'suspended')`

// Datasets are the published data sets, in catalogue order.
var Datasets = []*Dataset{campaigns, needs, contributions, ledgerEntries, expenses, financialReports, initiatives, serviceFigures, surveyRounds}

// ByName returns the data set of a name, or nil.
func ByName(name string) *Dataset {
	for _, d := range Datasets {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// day is the UTC day (YYYY-MM-DD) of a timestamp column.
func day(d db.Dialect, col string) string {
	if d == db.Postgres {
		return "to_char(" + col + ", 'YYYY-MM-DD')"
	}
	return "substr(CAST(" + col + " AS TEXT), 1, 10)"
}

var licenceColumn = Column{Name: "license", Type: String, Meaning: Text{
	ID: "Lisensi data organisasi (SPDX): CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0 atau ODbL-1.0",
	EN: "The organisation's data licence (SPDX): CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0 or ODbL-1.0"}}

var orgColumn = Column{Name: "organization", Type: String, Meaning: Text{
	ID: "Slug organisasi (OMS); halamannya /organisasi/{slug}", EN: "Slug of the organisation (OMS); its page is /organisasi/{slug}"}}

var campaignColumn = Column{Name: "campaign", Type: String, Meaning: Text{
	ID: "Slug kampanye Galang Daya; halamannya /kampanye/{slug}", EN: "Slug of the Galang Daya campaign; its page is /kampanye/{slug}"}}

func col(name string, t Type, id, en, unit string) Column {
	return Column{Name: name, Type: t, Meaning: Text{ID: id, EN: en}, Unit: unit}
}

var campaigns = &Dataset{
	Name:  "kampanye",
	Title: Text{ID: "Kampanye Galang Daya", EN: "Galang Daya campaigns"},
	Description: Text{
		ID: "Kampanye penggalangan sumber daya yang sudah terbit (tanpa draf): organisasi, inisiatif, wilayah, jadwal, target dana dan dana yang sudah dikonfirmasi.",
		EN: "Published resource mobilisation campaigns (no drafts): organisation, initiative, region, schedule, money target and money confirmed."},
	Keywords: []string{"galang-daya", "kampanye", "donasi"},
	Spatial:  true,
	Columns: []Column{
		campaignColumn,
		col("title", String, "Judul kampanye", "Campaign title", ""),
		orgColumn,
		col("initiative", String, "Slug inisiatif layanan yang didukung", "Slug of the service initiative supported", ""),
		col("region_code", String, "Kode wilayah Kemendagri organisasi", "Kemendagri code of the organisation's region", ""),
		col("status", String, "Status: active (berjalan), ended (selesai), cancelled (dibatalkan)", "Status: active, ended, cancelled", ""),
		col("scheme", String, "Skema pertukaran sumber daya", "Resource exchange scheme", ""),
		col("appeal", String, "Jenis seruan: umum atau bencana", "Kind of appeal: umum (general) or bencana (disaster)", ""),
		col("starts_at", DateTime, "Mulai", "Starts", ""),
		col("ends_at", DateTime, "Berakhir", "Ends", ""),
		col("published_at", DateTime, "Diterbitkan", "Published", ""),
		col("money_target", Integer, "Jumlah target kebutuhan dana", "Sum of the money needs' targets", "rupiah"),
		col("money_confirmed", Integer, "Jumlah donasi yang dikonfirmasi bendahara", "Sum of the donations confirmed by the treasurer", "rupiah"),
		licenceColumn,
	},
	sources: []string{srcCampaigns, srcInitiatives, srcNeeds, srcDonations},
	rows: func(db.Dialect) string {
		return `SELECT c.slug, c.title, o.slug, i.slug, o.region_code, c.status, c.scheme, c.appeal,
			c.starts_at, c.ends_at, c.published_at,
			CAST((SELECT COALESCE(SUM(n.target), 0) FROM campaign_needs n WHERE n.campaign_id = c.id AND n.kind = 'dana') AS BIGINT),
			CAST((SELECT COALESCE(SUM(d.amount), 0) FROM donations d WHERE d.campaign_id = c.id AND d.status = 'confirmed') AS BIGINT),
			o.data_licence
			FROM campaigns c JOIN organizations o ON o.id = c.org_id JOIN initiatives i ON i.id = c.initiative_id
			WHERE c.status <> 'draft' AND ` + visible + ` ` + orgFilter + ` ORDER BY c.id`
	},
}

var needs = &Dataset{
	Name:  "kebutuhan",
	Title: Text{ID: "Kebutuhan kampanye", EN: "Campaign needs"},
	Description: Text{
		ID: "Apa yang diminta setiap kampanye terbit: dana, barang, relawan, keahlian, kemitraan dan advokasi, dengan targetnya.",
		EN: "What each published campaign asks for: money, goods, volunteers, skills, partnerships and advocacy, with their targets."},
	Keywords: []string{"galang-daya", "kebutuhan", "dukungan"},
	Columns: []Column{
		campaignColumn, orgColumn,
		col("need_id", Integer, "Nomor kebutuhan", "Need number", ""),
		col("kind", String, "Jenis dukungan: dana, barang, relawan, keahlian, kemitraan, advokasi", "Kind of support: dana (money), barang (goods), relawan (volunteers), keahlian (skills), kemitraan (partnership), advokasi (advocacy)", ""),
		col("title", String, "Judul kebutuhan", "Need title", ""),
		col("description", String, "Uraian", "Description", ""),
		col("target", Integer, "Target: rupiah (dana), jumlah (barang), slot (relawan), tanda tangan (advokasi); 0 untuk keahlian dan kemitraan", "Target: rupiah (money), quantity (goods), slots (volunteers), signatures (advocacy); 0 for skills and partnership", "lihat unit / see unit"),
		col("unit", String, "Satuan barang", "Unit of goods", ""),
		col("item_value", Integer, "Nilai per satuan barang, bila diisi", "Value of one unit of goods, when given", "rupiah"),
		licenceColumn,
	},
	sources: []string{srcNeeds, srcCampaigns},
	rows: func(db.Dialect) string {
		return `SELECT c.slug, o.slug, n.id, n.kind, n.title, n.description, n.target, n.unit, n.item_value, o.data_licence
			FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id JOIN organizations o ON o.id = c.org_id
			WHERE c.status <> 'draft' AND ` + visible + ` ` + orgFilter + ` ORDER BY c.id, n.position, n.id`
	},
}

var contributions = &Dataset{
	Name:  "dukungan-harian",
	Title: Text{ID: "Dukungan per kampanye per hari", EN: "Contributions per campaign per day"},
	Description: Text{
		ID: "Dukungan yang masuk, dijumlahkan per kampanye, hari dan jenis — tidak pernah per orang: tanpa nama, e-mail atau nomor donatur. Dana: donasi yang dikonfirmasi (hari konfirmasi, UTC). Barang: penerimaan barang (hari diterima). Relawan: jam relawan yang dicatat (menit). Advokasi: tanda tangan petisi yang terverifikasi (hari verifikasi, UTC). Keahlian dan kemitraan: tawaran yang masuk (UTC).",
		EN: "Contributions received, summed per campaign, day and kind — never per person: no names, e-mails or donor ids. Money: confirmed donations (day of confirmation, UTC). Goods: goods received (day received). Volunteers: volunteer time logged (minutes). Advocacy: verified petition signatures (day verified, UTC). Skills and partnership: offers received (UTC)."},
	Keywords: []string{"galang-daya", "donasi", "relawan", "barang", "petisi"},
	Columns: []Column{
		campaignColumn, orgColumn,
		col("date", Date, "Hari", "Day", ""),
		col("kind", String, "Jenis dukungan: dana, barang, relawan, advokasi, keahlian, kemitraan", "Kind of support: dana, barang, relawan, advokasi, keahlian, kemitraan", ""),
		col("contributions", Integer, "Banyaknya dukungan (donasi, penerimaan barang, catatan jam, tanda tangan, tawaran)", "Number of contributions (donations, goods receipts, time logs, signatures, offers)", ""),
		col("quantity", Integer, "Jumlahnya, dalam satuan kolom unit", "Their sum, in the unit column's unit", "lihat unit / see unit"),
		col("unit", String, "Satuan: rupiah, barang, menit, tanda tangan, tawaran", "Unit: rupiah, barang (items), menit (minutes), tanda tangan (signatures), tawaran (offers)", ""),
		licenceColumn,
	},
	sources: []string{srcDonations, srcGoods, srcVolunteers, srcSignatures, srcOffers, srcNeeds, srcCampaigns},
	rows: func(d db.Dialect) string {
		return `SELECT c.slug, o.slug, x.day, x.kind, CAST(SUM(x.n) AS BIGINT), CAST(SUM(x.q) AS BIGINT), x.unit, o.data_licence
			FROM (
				SELECT campaign_id, ` + day(d, "confirmed_at") + ` AS day, 'dana' AS kind, 1 AS n, amount AS q, 'rupiah' AS unit
					FROM donations WHERE status = 'confirmed' AND confirmed_at IS NOT NULL
				UNION ALL
				SELECT p.campaign_id, r.received_on, 'barang', 1, r.quantity, 'barang'
					FROM goods_receipts r JOIN goods_pledges p ON p.id = r.pledge_id
				UNION ALL
				SELECT s.campaign_id, h.day, 'relawan', 1, h.minutes, 'menit'
					FROM volunteer_hours h JOIN volunteer_signups s ON s.id = h.signup_id
				UNION ALL
				SELECT campaign_id, ` + day(d, "verified_at") + `, 'advokasi', 1, 1, 'tanda tangan'
					FROM petition_signatures WHERE verified_at IS NOT NULL
				UNION ALL
				SELECT f.campaign_id, ` + day(d, "f.created_at") + `, COALESCE(n.kind, 'kemitraan'), 1, 1, 'tawaran'
					FROM offers f LEFT JOIN campaign_needs n ON n.id = f.need_id
			) x
			JOIN campaigns c ON c.id = x.campaign_id JOIN organizations o ON o.id = c.org_id
			WHERE c.status <> 'draft' AND ` + visible + ` ` + orgFilter + `
			GROUP BY c.id, c.slug, o.slug, o.data_licence, x.day, x.kind, x.unit
			ORDER BY c.id, x.day, x.kind`
	},
}

var ledgerEntries = &Dataset{
	Name:  "buku-kas",
	Title: Text{ID: "Buku kas terbuka", EN: "Open books"},
	Description: Text{
		ID: "Setiap entri buku kas terbuka yang berantai hash, dengan kolom yang sama seperti API /api/v1/organizations/{slug}/ledger, sehingga rantainya dapat dihitung ulang (docs/ledger.md). Jumlah bertanda: uang masuk positif, uang keluar negatif.",
		EN: "Every entry of the hash-chained open books, with the same fields as the API /api/v1/organizations/{slug}/ledger, so the chain can be recomputed (docs/ledger.md). Signed amounts: money in positive, money out negative."},
	Keywords: []string{"buku-terbuka", "keuangan", "akuntabilitas"},
	Columns: []Column{
		orgColumn,
		col("org_id", Integer, "Nomor organisasi", "Organisation number", ""),
		col("seq", Integer, "Nomor urut entri dalam buku organisasi", "Entry number in the organisation's books", ""),
		col("time", DateTime, "Waktu dicatat (UTC, mikrodetik)", "Time recorded (UTC, microseconds)", ""),
		col("kind", String, "Jenis: donation, goods, expense, fee, transfer, refund, reversal", "Kind: donation, goods, expense, fee, transfer, refund, reversal", ""),
		col("amount", Integer, "Jumlah bertanda", "Signed amount", "rupiah"),
		col("category", String, "Kategori: program, operasional, biaya_platform, cadangan, alokasi_surplus, zakat_infak", "Category: program, operasional, biaya_platform, cadangan, alokasi_surplus, zakat_infak", ""),
		col("campaign_id", Integer, "Nomor kampanye, bila ada", "Campaign number, if any", ""),
		campaignColumn,
		col("initiative_id", Integer, "Nomor inisiatif, bila ada", "Initiative number, if any", ""),
		col("initiative", String, "Slug inisiatif, bila ada", "Initiative slug, if any", ""),
		col("description", String, "Uraian", "Description", ""),
		col("counterparty", String, "Pihak lain sebagaimana ia memilih ditampilkan; kosong bila anonim", "Counterparty as they chose to be shown; empty when anonymous", ""),
		col("receipt_key", String, "Kunci kuitansi, bila ada", "Receipt key, if any", ""),
		col("source_type", String, "Jenis catatan sumber", "Kind of source record", ""),
		col("source_id", Integer, "Nomor catatan sumber", "Source record number", ""),
		col("reverses_seq", Integer, "Entri yang dibalik, untuk reversal", "Entry reversed, for a reversal", ""),
		col("recorded_by", Integer, "Nomor pengguna yang mencatat", "Number of the user who recorded it", ""),
		col("prev_hash", String, "Hash entri sebelumnya", "Hash of the previous entry", ""),
		col("hash", String, "Hash entri ini", "Hash of this entry", ""),
		licenceColumn,
	},
	sources: []string{srcLedger, srcCampaigns, srcInitiatives},
	rows: func(db.Dialect) string {
		return `SELECT o.slug, e.org_id, e.seq, e.recorded_at, e.kind, e.amount, e.category, e.campaign_id, c.slug,
			e.initiative_id, i.slug, e.description, e.counterparty, e.receipt_key, e.source_type, e.source_id,
			e.reverses_seq, e.recorded_by, e.prev_hash, e.hash, o.data_licence
			FROM ledger_entries e JOIN organizations o ON o.id = e.org_id
			LEFT JOIN campaigns c ON c.id = e.campaign_id LEFT JOIN initiatives i ON i.id = e.initiative_id
			WHERE ` + visible + ` ` + orgFilter + ` ORDER BY e.org_id, e.seq`
	},
}

var expenses = &Dataset{
	Name:  "pengeluaran",
	Title: Text{ID: "Pengeluaran", EN: "Expenses"},
	Description: Text{
		ID: "Pengeluaran yang sudah disetujui (pembuat–pemeriksa), bagian publiknya saja: tanpa penerima dan tanpa nama pencatat.",
		EN: "Approved expenses (maker–checker), their public part only: no payee and no names of who recorded them."},
	Keywords: []string{"buku-terbuka", "pengeluaran", "keuangan"},
	Columns: []Column{
		col("expense_id", Integer, "Nomor pengeluaran", "Expense number", ""),
		orgColumn,
		col("spent_on", Date, "Hari uang dibelanjakan (zona organisasi)", "Day the money was spent (the organisation's zone)", ""),
		col("amount", Integer, "Jumlah", "Amount", "rupiah"),
		col("category", String, "Kategori: program, operasional, biaya_platform, cadangan, zakat_infak", "Category: program, operasional, biaya_platform, cadangan, zakat_infak", ""),
		campaignColumn,
		col("initiative", String, "Slug inisiatif, bila ada", "Initiative slug, if any", ""),
		col("description", String, "Uraian", "Description", ""),
		col("has_receipt", Boolean, "Ada bukti/kuitansi", "A receipt is attached", ""),
		col("ledger_seq", Integer, "Entri buku kas yang membukukannya", "The ledger entry that books it", ""),
		col("reversal_seq", Integer, "Entri pembalik, bila dikoreksi", "The reversing entry, if corrected", ""),
		col("reversal_reason", String, "Alasan koreksi", "Reason of the correction", ""),
		licenceColumn,
	},
	sources: []string{srcExpenses, srcCampaigns, srcInitiatives},
	rows: func(db.Dialect) string {
		return `SELECT x.id, o.slug, x.spent_on, x.amount, x.category, c.slug, i.slug, x.description,
			x.receipt_key IS NOT NULL, x.ledger_seq, x.reversal_seq, x.reversal_reason, o.data_licence
			FROM expenses x JOIN organizations o ON o.id = x.org_id
			LEFT JOIN campaigns c ON c.id = x.campaign_id LEFT JOIN initiatives i ON i.id = x.initiative_id
			WHERE x.status = 'disetujui' AND ` + visible + ` ` + orgFilter + ` ORDER BY x.id`
	},
}

var financialReports = &Dataset{
	Name:  "laporan-keuangan",
	Title: Text{ID: "Laporan keuangan", EN: "Financial reports"},
	Description: Text{
		ID: "Ringkasan buku kas per organisasi, kampanye (kosong: di luar kampanye) dan kategori: uang masuk (entri positif), uang keluar (entri negatif, termasuk pembalikan) dan saldo.",
		EN: "The books summed per organisation, campaign (empty: outside campaigns) and category: money in (positive entries), money out (negative entries, reversals included) and the balance."},
	Keywords: []string{"buku-terbuka", "laporan-keuangan", "keuangan"},
	Columns: []Column{
		orgColumn, campaignColumn,
		col("category", String, "Kategori", "Category", ""),
		col("entries", Integer, "Banyaknya entri", "Number of entries", ""),
		col("money_in", Integer, "Uang masuk", "Money in", "rupiah"),
		col("money_out", Integer, "Uang keluar", "Money out", "rupiah"),
		col("balance", Integer, "Saldo (masuk dikurangi keluar)", "Balance (in minus out)", "rupiah"),
		licenceColumn,
	},
	sources: []string{srcLedger, srcCampaigns},
	rows: func(db.Dialect) string {
		return `SELECT o.slug, COALESCE(c.slug, ''), e.category, COUNT(*),
			CAST(SUM(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS BIGINT),
			CAST(SUM(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS BIGINT),
			CAST(SUM(e.amount) AS BIGINT), o.data_licence
			FROM ledger_entries e JOIN organizations o ON o.id = e.org_id LEFT JOIN campaigns c ON c.id = e.campaign_id
			WHERE ` + visible + ` ` + orgFilter + `
			GROUP BY e.org_id, o.slug, o.data_licence, e.campaign_id, c.slug, e.category
			ORDER BY e.org_id, COALESCE(e.campaign_id, 0), e.category`
	},
}

var initiatives = &Dataset{
	Name:  "inisiatif",
	Title: Text{ID: "Inisiatif layanan", EN: "Service initiatives"},
	Description: Text{
		ID: "Inisiatif layanan lokal yang diterbitkan organisasi: nama, tagline, kategori dan wilayah yang dilayani.",
		EN: "Local service initiatives published by organisations: name, tagline, category and the regions served."},
	Keywords: []string{"inisiatif", "layanan"},
	Spatial:  true,
	Columns: []Column{
		col("initiative", String, "Slug inisiatif; halamannya /inisiatif/{slug}", "Initiative slug; its page is /inisiatif/{slug}", ""),
		col("name", String, "Nama", "Name", ""),
		orgColumn,
		col("tagline", String, "Tagline", "Tagline", ""),
		col("category", String, "Kategori", "Category", ""),
		col("region_code", String, "Kode wilayah organisasi", "Code of the organisation's region", ""),
		col("regions_served", String, "Kode wilayah yang dilayani, dipisah spasi", "Codes of the regions served, space-separated", ""),
		col("published_at", DateTime, "Diterbitkan", "Published", ""),
		licenceColumn,
	},
	sources: []string{srcInitiatives},
	rows: func(d db.Dialect) string {
		served := `(SELECT group_concat(region_code, ' ') FROM (SELECT region_code FROM initiative_regions WHERE initiative_id = i.id ORDER BY region_code))`
		if d == db.Postgres {
			served = `(SELECT string_agg(region_code, ' ' ORDER BY region_code) FROM initiative_regions WHERE initiative_id = i.id)`
		}
		return `SELECT i.slug, i.name, o.slug, i.tagline, i.category, o.region_code, COALESCE(` + served + `, ''), i.published_at, o.data_licence
			FROM initiatives i JOIN organizations o ON o.id = i.org_id
			WHERE i.status = 'published' AND ` + visible + ` ` + orgFilter + ` ORDER BY i.id`
	},
}

var serviceFigures = &Dataset{
	Name:  "layanan-bulanan",
	Title: Text{ID: "Layanan dan umpan balik per bulan", EN: "Service and feedback per month"},
	Description: Text{
		ID: "Angka suara penerima manfaat per inisiatif, titik layanan dan bulan: orang yang dilayani, umpan balik merah/kuning/hijau (suara lewat ponsel dan kotak kertas), pengaduan yang diterima dan yang dijawab tepat waktu. Pengaduan tidak terikat titik layanan: barisnya berkode titik kosong. Tanpa data pribadi.",
		EN: "The voice of the people served per initiative, service point and month: people served, red/yellow/green feedback (phone votes and paper boxes), complaints received and those answered on time. Complaints are not tied to a service point: their rows have an empty point code. No personal data."},
	Keywords: []string{"layanan", "umpan-balik", "pengaduan", "penerima-manfaat"},
	Spatial:  true,
	Columns: []Column{
		col("initiative", String, "Slug inisiatif", "Initiative slug", ""),
		orgColumn,
		col("service_point", String, "Kode titik layanan; kosong untuk pengaduan", "Service point code; empty for complaints", ""),
		col("service_point_name", String, "Nama titik layanan", "Service point name", ""),
		col("region_code", String, "Kode wilayah titik layanan", "Region code of the service point", ""),
		col("month", String, "Bulan (YYYY-MM)", "Month (YYYY-MM)", ""),
		col("people_served", Integer, "Orang yang dilayani menurut catatan layanan", "People served according to the service records", "orang"),
		col("feedback_green", Integer, "Umpan balik hijau (puas)", "Green feedback (satisfied)", "suara"),
		col("feedback_yellow", Integer, "Umpan balik kuning", "Yellow feedback", "suara"),
		col("feedback_red", Integer, "Umpan balik merah (tidak puas)", "Red feedback (dissatisfied)", "suara"),
		col("complaints", Integer, "Pengaduan yang diterima (bulan diterima, UTC)", "Complaints received (month received, UTC)", "pengaduan"),
		col("complaints_answered_on_time", Integer, "Pengaduan yang jawaban pertamanya datang sebelum tenggat pertama", "Complaints whose first answer came before the first deadline", "pengaduan"),
		licenceColumn,
	},
	sources: []string{srcServiceRecs, srcFeedback, srcComplaints, srcInitiatives, srcServicePoints},
	rows: func(d db.Dialect) string {
		month := "substr(CAST(received_at AS TEXT), 1, 7)"
		if d == db.Postgres {
			month = "to_char(received_at, 'YYYY-MM')"
		}
		return `SELECT i.slug, o.slug, COALESCE(p.code, ''), COALESCE(p.name, ''), COALESCE(p.region_code, ''), x.month,
			CAST(SUM(x.served) AS BIGINT), CAST(SUM(x.green) AS BIGINT), CAST(SUM(x.yellow) AS BIGINT), CAST(SUM(x.red) AS BIGINT),
			CAST(SUM(x.complaints) AS BIGINT), CAST(SUM(x.on_time) AS BIGINT), o.data_licence
			FROM (
				SELECT initiative_id, point_id, substr(served_on, 1, 7) AS month, total AS served, 0 AS green, 0 AS yellow, 0 AS red, 0 AS complaints, 0 AS on_time
					FROM service_records
				UNION ALL
				SELECT initiative_id, point_id, substr(day, 1, 7), 0,
					CASE WHEN colour = 'hijau' THEN 1 ELSE 0 END, CASE WHEN colour = 'kuning' THEN 1 ELSE 0 END, CASE WHEN colour = 'merah' THEN 1 ELSE 0 END, 0, 0
					FROM feedback_votes WHERE status = 'dihitung'
				UNION ALL
				SELECT initiative_id, point_id, substr(period_to, 1, 7), 0, hijau, kuning, merah, 0, 0
					FROM feedback_paper_tallies
				UNION ALL
				SELECT initiative_id, NULL, ` + month + `, 0, 0, 0, 0, 1,
					CASE WHEN first_answer_at IS NOT NULL AND first_answer_at <= first_due_at THEN 1 ELSE 0 END
					FROM complaints WHERE initiative_id IS NOT NULL
			) x
			JOIN initiatives i ON i.id = x.initiative_id JOIN organizations o ON o.id = i.org_id
			LEFT JOIN service_points p ON p.id = x.point_id
			WHERE i.status = 'published' AND ` + visible + ` ` + orgFilter + `
			GROUP BY i.id, i.slug, o.slug, o.data_licence, p.code, p.name, p.region_code, x.month
			ORDER BY i.id, x.month, COALESCE(p.code, '')`
	},
}

// withOrg puts the organisation filter into q: one argument per marker.
func withOrg(q string, orgID int64) (string, []any) {
	n := strings.Count(q, orgFilter)
	if orgID == 0 {
		return strings.ReplaceAll(q, orgFilter, ""), nil
	}
	args := make([]any, n)
	for i := range args {
		args[i] = orgID
	}
	return strings.ReplaceAll(q, orgFilter, "AND o.id = ?"), args
}

var surveyRounds = &Dataset{
	Name:  "survei-ikm",
	Title: Text{ID: "Survei kepuasan (IKM)", EN: "Satisfaction survey (IKM)"},
	Description: Text{
		ID: "Hasil setiap putaran Survei Kepuasan Masyarakat (PermenPANRB 14/2017) atas layanan inisiatif: periode, jumlah responden, Indeks Kepuasan Masyarakat (25–100, dua desimal) dan mutu pelayanan (A–D). IKM kosong bila belum setiap unsur dinilai.",
		EN: "The result of each round of the satisfaction survey (SKM, PermenPANRB 14/2017) of an initiative's service: period, respondents, the satisfaction index IKM (25–100, two decimals) and the service grade (A–D). IKM is empty until every element has been scored."},
	Keywords: []string{"layanan", "survei-kepuasan", "ikm", "penerima-manfaat"},
	Columns: []Column{
		col("initiative", String, "Slug inisiatif", "Initiative slug", ""),
		orgColumn,
		col("survey_round", String, "Kode putaran survei", "Survey round code", ""),
		col("title", String, "Judul putaran", "Round title", ""),
		col("period_from", Date, "Awal periode yang disurvei", "Start of the period surveyed", ""),
		col("period_to", Date, "Akhir periode yang disurvei", "End of the period surveyed", ""),
		col("respondents", Integer, "Responden", "Respondents", "orang"),
		col("ikm", Decimal, "Indeks Kepuasan Masyarakat, 25–100", "Satisfaction index (IKM), 25–100", "indeks"),
		col("grade", String, "Mutu pelayanan: A (sangat baik), B (baik), C (kurang baik), D (tidak baik)", "Service grade: A (very good), B (good), C (poor), D (very poor)", ""),
		licenceColumn,
	},
	sources: []string{srcSurveys, srcInitiatives},
	rows: func(db.Dialect) string {
		return `SELECT i.slug, o.slug, r.code, r.title, r.period_from, r.period_to, 0, NULL, NULL, o.data_licence, r.id
			FROM survey_rounds r JOIN initiatives i ON i.id = r.initiative_id JOIN organizations o ON o.id = r.org_id
			WHERE i.status = 'published' AND ` + visible + ` ` + orgFilter + ` ORDER BY r.id`
	},
	hidden: 1,
	finish: surveyResult,
}

// surveyResult computes a round's respondents, IKM and grade as the survey
// package does (exact fractions, rounded only at the end).
func surveyResult(ctx context.Context, s *Store, row []Value, hidden []int64) error {
	res, err := (&survey.Store{DB: s.DB}).Results(ctx, hidden[:1])
	if err != nil {
		return err
	}
	r := res[hidden[0]]
	row[6] = Value{Int: int64(r.Respondents)}
	row[7], row[8] = Value{Null: true}, Value{Null: true}
	if idx := r.Index(); idx != nil {
		h := survey.Hundredths(idx)
		row[7] = Value{Str: fmt.Sprintf("%d.%02d", h/100, h%100)}
		row[8] = Value{Str: survey.GradeOf(idx)}
	}
	return nil
}
