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

var licenceColumn = Column{Name: "license", Type: String, Meaning: text("opendata.col.license")}

var orgColumn = Column{Name: "organization", Type: String, Meaning: text("opendata.col.organization")}

var campaignColumn = Column{Name: "campaign", Type: String, Meaning: text("opendata.col.campaign")}

// col is a column whose meaning is the message key's text.
func col(name string, t Type, key, unit string) Column {
	return Column{Name: name, Type: t, Meaning: text(key), Unit: unit}
}

var campaigns = &Dataset{
	Name:        "kampanye",
	Title:       text("opendata.set.kampanye.title"),
	Description: text("opendata.set.kampanye.description"),
	Keywords:    []string{"galang-daya", "kampanye", "donasi"},
	Spatial:     true,
	Columns: []Column{
		campaignColumn,
		col("title", String, "opendata.col.kampanye.title", ""),
		orgColumn,
		col("initiative", String, "opendata.col.kampanye.initiative", ""),
		col("region_code", String, "opendata.col.kampanye.region_code", ""),
		col("status", String, "opendata.col.kampanye.status", ""),
		col("scheme", String, "opendata.col.kampanye.scheme", ""),
		col("appeal", String, "opendata.col.kampanye.appeal", ""),
		col("starts_at", DateTime, "opendata.col.kampanye.starts_at", ""),
		col("ends_at", DateTime, "opendata.col.kampanye.ends_at", ""),
		col("published_at", DateTime, "opendata.col.kampanye.published_at", ""),
		col("money_target", Integer, "opendata.col.kampanye.money_target", "rupiah"),
		col("money_confirmed", Integer, "opendata.col.kampanye.money_confirmed", "rupiah"),
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
	Name:        "kebutuhan",
	Title:       text("opendata.set.kebutuhan.title"),
	Description: text("opendata.set.kebutuhan.description"),
	Keywords:    []string{"galang-daya", "kebutuhan", "dukungan"},
	Columns: []Column{
		campaignColumn, orgColumn,
		col("need_id", Integer, "opendata.col.kebutuhan.need_id", ""),
		col("kind", String, "opendata.col.kebutuhan.kind", ""),
		col("title", String, "opendata.col.kebutuhan.title", ""),
		col("description", String, "opendata.col.kebutuhan.description", ""),
		col("target", Integer, "opendata.col.kebutuhan.target", "lihat unit / see unit"),
		col("unit", String, "opendata.col.kebutuhan.unit", ""),
		col("item_value", Integer, "opendata.col.kebutuhan.item_value", "rupiah"),
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
	Name:        "dukungan-harian",
	Title:       text("opendata.set.dukungan-harian.title"),
	Description: text("opendata.set.dukungan-harian.description"),
	Keywords:    []string{"galang-daya", "donasi", "relawan", "barang", "petisi"},
	Columns: []Column{
		campaignColumn, orgColumn,
		col("date", Date, "opendata.col.dukungan-harian.date", ""),
		col("kind", String, "opendata.col.dukungan-harian.kind", ""),
		col("contributions", Integer, "opendata.col.dukungan-harian.contributions", ""),
		col("quantity", Integer, "opendata.col.dukungan-harian.quantity", "lihat unit / see unit"),
		col("unit", String, "opendata.col.dukungan-harian.unit", ""),
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
	Name:        "buku-kas",
	Title:       text("opendata.set.buku-kas.title"),
	Description: text("opendata.set.buku-kas.description"),
	Keywords:    []string{"buku-terbuka", "keuangan", "akuntabilitas"},
	Columns: []Column{
		orgColumn,
		col("org_id", Integer, "opendata.col.buku-kas.org_id", ""),
		col("seq", Integer, "opendata.col.buku-kas.seq", ""),
		col("time", DateTime, "opendata.col.buku-kas.time", ""),
		col("kind", String, "opendata.col.buku-kas.kind", ""),
		col("amount", Integer, "opendata.col.buku-kas.amount", "rupiah"),
		col("category", String, "opendata.col.buku-kas.category", ""),
		col("campaign_id", Integer, "opendata.col.buku-kas.campaign_id", ""),
		campaignColumn,
		col("initiative_id", Integer, "opendata.col.buku-kas.initiative_id", ""),
		col("initiative", String, "opendata.col.buku-kas.initiative", ""),
		col("description", String, "opendata.col.buku-kas.description", ""),
		col("counterparty", String, "opendata.col.buku-kas.counterparty", ""),
		col("receipt_key", String, "opendata.col.buku-kas.receipt_key", ""),
		col("source_type", String, "opendata.col.buku-kas.source_type", ""),
		col("source_id", Integer, "opendata.col.buku-kas.source_id", ""),
		col("reverses_seq", Integer, "opendata.col.buku-kas.reverses_seq", ""),
		col("recorded_by", Integer, "opendata.col.buku-kas.recorded_by", ""),
		col("prev_hash", String, "opendata.col.buku-kas.prev_hash", ""),
		col("hash", String, "opendata.col.buku-kas.hash", ""),
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
	Name:        "pengeluaran",
	Title:       text("opendata.set.pengeluaran.title"),
	Description: text("opendata.set.pengeluaran.description"),
	Keywords:    []string{"buku-terbuka", "pengeluaran", "keuangan"},
	Columns: []Column{
		col("expense_id", Integer, "opendata.col.pengeluaran.expense_id", ""),
		orgColumn,
		col("spent_on", Date, "opendata.col.pengeluaran.spent_on", ""),
		col("amount", Integer, "opendata.col.pengeluaran.amount", "rupiah"),
		col("category", String, "opendata.col.pengeluaran.category", ""),
		campaignColumn,
		col("initiative", String, "opendata.col.pengeluaran.initiative", ""),
		col("description", String, "opendata.col.pengeluaran.description", ""),
		col("has_receipt", Boolean, "opendata.col.pengeluaran.has_receipt", ""),
		col("ledger_seq", Integer, "opendata.col.pengeluaran.ledger_seq", ""),
		col("reversal_seq", Integer, "opendata.col.pengeluaran.reversal_seq", ""),
		col("reversal_reason", String, "opendata.col.pengeluaran.reversal_reason", ""),
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
	Name:        "laporan-keuangan",
	Title:       text("opendata.set.laporan-keuangan.title"),
	Description: text("opendata.set.laporan-keuangan.description"),
	Keywords:    []string{"buku-terbuka", "laporan-keuangan", "keuangan"},
	Columns: []Column{
		orgColumn, campaignColumn,
		col("category", String, "opendata.col.laporan-keuangan.category", ""),
		col("entries", Integer, "opendata.col.laporan-keuangan.entries", ""),
		col("money_in", Integer, "opendata.col.laporan-keuangan.money_in", "rupiah"),
		col("money_out", Integer, "opendata.col.laporan-keuangan.money_out", "rupiah"),
		col("balance", Integer, "opendata.col.laporan-keuangan.balance", "rupiah"),
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
	Name:        "inisiatif",
	Title:       text("opendata.set.inisiatif.title"),
	Description: text("opendata.set.inisiatif.description"),
	Keywords:    []string{"inisiatif", "layanan"},
	Spatial:     true,
	Columns: []Column{
		col("initiative", String, "opendata.col.inisiatif.initiative", ""),
		col("name", String, "opendata.col.inisiatif.name", ""),
		orgColumn,
		col("tagline", String, "opendata.col.inisiatif.tagline", ""),
		col("category", String, "opendata.col.inisiatif.category", ""),
		col("region_code", String, "opendata.col.inisiatif.region_code", ""),
		col("regions_served", String, "opendata.col.inisiatif.regions_served", ""),
		col("published_at", DateTime, "opendata.col.inisiatif.published_at", ""),
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
	Name:        "layanan-bulanan",
	Title:       text("opendata.set.layanan-bulanan.title"),
	Description: text("opendata.set.layanan-bulanan.description"),
	Keywords:    []string{"layanan", "umpan-balik", "pengaduan", "penerima-manfaat"},
	Spatial:     true,
	Columns: []Column{
		col("initiative", String, "opendata.col.layanan-bulanan.initiative", ""),
		orgColumn,
		col("service_point", String, "opendata.col.layanan-bulanan.service_point", ""),
		col("service_point_name", String, "opendata.col.layanan-bulanan.service_point_name", ""),
		col("region_code", String, "opendata.col.layanan-bulanan.region_code", ""),
		col("month", String, "opendata.col.layanan-bulanan.month", ""),
		col("people_served", Integer, "opendata.col.layanan-bulanan.people_served", "orang"),
		col("feedback_green", Integer, "opendata.col.layanan-bulanan.feedback_green", "suara"),
		col("feedback_yellow", Integer, "opendata.col.layanan-bulanan.feedback_yellow", "suara"),
		col("feedback_red", Integer, "opendata.col.layanan-bulanan.feedback_red", "suara"),
		col("complaints", Integer, "opendata.col.layanan-bulanan.complaints", "pengaduan"),
		col("complaints_answered_on_time", Integer, "opendata.col.layanan-bulanan.complaints_answered_on_time", "pengaduan"),
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
	Name:        "survei-ikm",
	Title:       text("opendata.set.survei-ikm.title"),
	Description: text("opendata.set.survei-ikm.description"),
	Keywords:    []string{"layanan", "survei-kepuasan", "ikm", "penerima-manfaat"},
	Columns: []Column{
		col("initiative", String, "opendata.col.survei-ikm.initiative", ""),
		orgColumn,
		col("survey_round", String, "opendata.col.survei-ikm.survey_round", ""),
		col("title", String, "opendata.col.survei-ikm.title", ""),
		col("period_from", Date, "opendata.col.survei-ikm.period_from", ""),
		col("period_to", Date, "opendata.col.survei-ikm.period_to", ""),
		col("respondents", Integer, "opendata.col.survei-ikm.respondents", "orang"),
		col("ikm", Decimal, "opendata.col.survei-ikm.ikm", "indeks"),
		col("grade", String, "opendata.col.survei-ikm.grade", ""),
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
