package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
)

// homeBudget is the most the home page's HTML may weigh compressed: its
// first view arrives in the first round trips of a slow 3G phone.
const homeBudget = 14 * 1024

// The home page shows the country's figures, recounted here from the
// rows; the running campaigns nearest their deadline; and, once the
// visitor picks a region by name with the region picker (no account, a
// cookie), the campaigns there — changeable at any time.
func TestHomePage(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	count := func(q string) int64 {
		t.Helper()
		var n int64
		if err := w.d.QueryRow(ctx, q).Scan(&n); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return n
	}
	money := count(`SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'`)
	goods := count(`SELECT COALESCE(SUM(received), 0) FROM goods_pledges`)
	hours := count(`SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours`) / 60
	reached := count(`SELECT COALESCE(SUM(total), 0) FROM service_records`)
	orgs := count(`SELECT COUNT(*) FROM organizations WHERE kind = 'oms' AND status NOT IN ('rejected', 'suspended')`)
	kabs := count(`SELECT COUNT(DISTINCT substr(region_code, 1, 5)) FROM organizations WHERE kind = 'oms' AND status NOT IN ('rejected', 'suspended')`)
	var ending string
	if err := w.d.QueryRow(ctx, `SELECT c.slug FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE c.status = 'active' AND c.ends_at > ? AND o.status NOT IN ('rejected', 'suspended')
		ORDER BY c.ends_at, c.id LIMIT 1`, time.Now().UTC()).Scan(&ending); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "anon", "/")
	toolCheck(t, "home", page, http.StatusOK,
		"<strong>"+i18n.Rupiah(money)+"</strong> dana terkonfirmasi",
		"<strong>"+i18n.Number(goods)+"</strong> barang diterima",
		"<strong>"+i18n.Number(hours)+"</strong> jam relawan tercatat",
		"<strong>"+i18n.Number(reached)+"</strong> penerima manfaat",
		"<strong>"+i18n.Number(orgs)+"</strong> OMS terdaftar",
		"<strong>"+i18n.Number(kabs)+"</strong> kabupaten/kota dengan kegiatan",
		"Segera berakhir", `href="/galang-daya/`+ending+`"`, `<li class="campaign-card">`,
		`href="/organisasi/baru"`, `href="/siklus"`, `href="/galang-daya"`,
		`id="region_prov"`, `name="pilih"`)
	// The map and the provinces' figures are offered beside the figures,
	// and the map again beside the region chooser.
	figs := page.body[strings.Index(page.body, `id="angka"`):strings.Index(page.body, `id="dekat"`)]
	if !strings.Contains(figs, `<a href="/peta">Lihat angka ini di peta</a>`) || !strings.Contains(figs, `href="/wilayah"`) {
		t.Error("no link to the map or the provinces beside the home page's figures")
	}
	if near := page.body[strings.Index(page.body, `id="dekat"`):]; !strings.Contains(near, `<a href="/peta">Atau pilih wilayah di peta</a>`) {
		t.Error("no link to the map beside the region chooser")
	}
	if i := strings.Index(page.body, "Segera berakhir"); strings.Index(page.body[i:], `href="/galang-daya/`) !=
		strings.Index(page.body[i:], `href="/galang-daya/`+ending+`"`) {
		t.Error("the first campaign ending soon is not the one nearest its deadline")
	}
	if strings.Contains(page.body, "<script>") {
		t.Error("inline script on the home page")
	}
	// Picking Jawa Barat, then Kota Bandung, without JavaScript.
	refresh := w.get(t, "anon", "/?region_prov=32&region_refresh=1")
	toolCheck(t, "picker refresh", refresh, http.StatusOK, `<option value="32.73">Kota Bandung</option>`)
	chosen := w.get(t, "anon", "/?region_prov=32&region_kab=32.73&pilih=1")
	toolCheck(t, "chosen", chosen, http.StatusOK, "Galang Daya di Kota Bandung", `href="/wilayah/32.73"`, "Ganti wilayah",
		`href="/galang-daya?wilayah=32.73"`)
	cookie := chosen.header.Get("Set-Cookie")
	if !strings.HasPrefix(cookie, "wilayah=32.73;") || !strings.Contains(cookie, "HttpOnly") {
		t.Fatalf("region cookie %q", cookie)
	}
	// Remembered on the next visit, changeable.
	w.cookies["visitor"] = "wilayah=32.73"
	toolCheck(t, "remembered", w.get(t, "visitor", "/"), http.StatusOK, "Galang Daya di Kota Bandung")
	toolCheck(t, "change", w.get(t, "visitor", "/?ganti=1"), http.StatusOK, `id="region_prov"`,
		`<option value="32.73" selected>Kota Bandung</option>`)
	w.cookies["visitor"] = "wilayah=%3Cscript%3E"
	toolCheck(t, "bad cookie", w.get(t, "visitor", "/"), http.StatusOK, `id="region_prov"`)
	// Light: the HTML, compressed, within the first-view budget.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte(chosen.body))
	_ = zw.Close()
	if buf.Len() > homeBudget {
		t.Errorf("the home page weighs %d bytes compressed, budget %d", buf.Len(), homeBudget)
	}
	t.Logf("home page: %d bytes, %d compressed", len(chosen.body), buf.Len())
}
