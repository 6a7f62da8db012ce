package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/db"
)

var hrefRE = regexp.MustCompile(`href="(/[^"]*)"`)

// mainLinks returns the site paths a page's main content links to.
func mainLinks(body string) []string {
	start, end := strings.Index(body, `<main`), strings.Index(body, `</main>`)
	if start < 0 || end < start {
		return nil
	}
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(body[start:end], -1) {
		path, _, _ := strings.Cut(strings.ReplaceAll(m[1], "&amp;", "&"), "#")
		out = append(out, path)
	}
	return out
}

// sumCounts adds up the numbers in front of every line matching pattern
// (whose first group is the number); -1 when no line matches.
func sumCounts(body, pattern string) int {
	ms := regexp.MustCompile(pattern).FindAllStringSubmatch(body, -1)
	if len(ms) == 0 {
		return 0
	}
	n := 0
	for _, m := range ms {
		v, _ := strconv.Atoi(m[1])
		n += v
	}
	return n
}

// Each member's dashboard of the organisation shows what waits for them,
// counted as the data says, and links only to pages their role may open;
// every role finds the pages it works on.
func TestOrgDashboardByRole(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	org := w.org.ID
	// A proof of transfer on one pending donation, so that count shows too.
	if _, err := w.d.Exec(ctx, `INSERT INTO donation_proofs (donation_id, blob_key, content_type, size, uploaded_at)
		SELECT MIN(id), 'proofs/x.png', 'image/png', 1, ? FROM donations WHERE org_id = ? AND status = 'pending'`, db.Now(), org); err != nil {
		t.Fatal(err)
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := w.d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	donations := count(`SELECT COUNT(*) FROM donations WHERE org_id = ? AND status = 'pending'`, org)
	proofs := count(`SELECT COUNT(*) FROM donation_proofs p JOIN donations d ON d.id = p.donation_id WHERE d.org_id = ? AND d.status = 'pending'`, org)
	imports := count(`SELECT COUNT(*) FROM bank_statement_imports WHERE org_id = ? AND status = 'pending'`, org)
	pledges := count(`SELECT COUNT(*) FROM goods_pledges WHERE org_id = ? AND status IN ('pledged', 'partial')`, org)
	volunteers := count(`SELECT COUNT(*) FROM volunteer_signups WHERE org_id = ? AND status = 'pending'`, org)
	offers := count(`SELECT COUNT(*) FROM offers WHERE org_id = ? AND awaiting_org = TRUE AND status IN ('baru', 'dibahas')`, org)
	active := count(`SELECT COUNT(*) FROM campaigns WHERE org_id = ? AND status = 'active'`, org)
	drafts := count(`SELECT COUNT(*) FROM campaigns WHERE org_id = ? AND status = 'draft'`, org)
	if donations == 0 || proofs == 0 || pledges == 0 || volunteers == 0 || offers == 0 || active == 0 {
		t.Fatalf("the demo lacks something to wait for: %d %d %d %d %d %d", donations, proofs, pledges, volunteers, offers, active)
	}

	base := "/organisasi/terang-kampung"
	money := []string{base + "/donasi", base + "/donasi/impor", base + "/pengeluaran"}
	write := []string{base + "/ubah", base + "/galang-daya/baru"}
	for _, tc := range []struct {
		role        string
		money       bool // donations, import, expenses
		decide      bool // approves others' expenses
		write       bool // edits the profile and campaigns
		goods, talk bool // records goods; answers offers and volunteers
		owner       bool
	}{
		{"owner", true, true, true, true, true, true},
		{"admin", true, true, true, true, true, false},
		{"editor", false, false, true, true, true, false},
		{"treasurer", true, false, false, true, false, false},
		{"viewer", false, false, false, false, false, false},
	} {
		t.Run(tc.role, func(t *testing.T) {
			page := w.get(t, tc.role, base+"/dasbor")
			if page.status != 200 {
				t.Fatalf("dashboard = %d", page.status)
			}
			links := mainLinks(page.body)
			has := map[string]bool{}
			for _, l := range links {
				has[l] = true
			}
			for _, l := range money {
				if has[l] != tc.money {
					t.Errorf("link %s shown = %v, want %v", l, has[l], tc.money)
				}
			}
			for _, l := range write {
				if has[l] != tc.write {
					t.Errorf("link %s shown = %v, want %v", l, has[l], tc.write)
				}
			}
			if has[base+"/alih-kepemilikan"] != tc.owner {
				t.Errorf("transfer link shown = %v", has[base+"/alih-kepemilikan"])
			}
			for _, l := range []string{base + "/surplus", base + "/laporan", base + "/siklus", base + "/galang-daya", base + "/anggota", base + "/pembayaran"} {
				if !has[l] {
					t.Errorf("every member's link %s is missing", l)
				}
			}
			// Every link shown opens for this role.
			for l := range has {
				if got := w.get(t, tc.role, l); got.status != 200 {
					t.Errorf("link %s = %d for %s", l, got.status, tc.role)
				}
			}

			expenses := 0
			if tc.decide {
				expenses = count(`SELECT COUNT(*) FROM expenses WHERE org_id = ? AND status = 'diajukan' AND recorded_by <> ?`, org, w.users[tc.role].ID)
			}
			want := map[string]int{`(\d+) donasi menunggu konfirmasi`: 0, `(\d+) dengan bukti transfer`: 0,
				`(\d+) impor mutasi rekening belum`: 0, `(\d+) pengeluaran menunggu persetujuan Anda`: expenses,
				`(\d+) janji barang belum diterima`: 0, `(\d+) pendaftaran relawan menunggu`: 0, `(\d+) tawaran menunggu jawaban`: 0}
			if tc.money {
				want[`(\d+) donasi menunggu konfirmasi`] = donations
				want[`(\d+) dengan bukti transfer`] = proofs
				want[`(\d+) impor mutasi rekening belum`] = imports
			}
			if tc.goods {
				want[`(\d+) janji barang belum diterima`] = pledges
			}
			if tc.talk {
				want[`(\d+) pendaftaran relawan menunggu`] = volunteers
				want[`(\d+) tawaran menunggu jawaban`] = offers
			}
			waiting := 0
			for pattern, n := range want {
				if got := sumCounts(page.body, pattern); got != n {
					t.Errorf("%s: shows %d, want %d", pattern, got, n)
				}
				if pattern != `(\d+) dengan bukti transfer` {
					waiting += n
				}
			}
			if !strings.Contains(page.body, strconv.Itoa(active)+" kampanye aktif, "+strconv.Itoa(drafts)+" draf") {
				t.Error("campaign counts missing")
			}
			// The user's dashboard carries the same total.
			mine := w.get(t, tc.role, "/dasbor")
			if waiting > 0 && !strings.Contains(mine.body, strconv.Itoa(waiting)+" hal menunggu Anda") {
				t.Errorf("/dasbor lacks %d things waiting", waiting)
			}
		})
	}
	// Outsiders have no dashboard of the organisation.
	for role, want := range map[string]int{"anon": 303, "coordinator": 403, "platform": 200} {
		if got := w.get(t, role, base+"/dasbor"); got.status != want {
			t.Errorf("%s dashboard = %d, want %d", role, got.status, want)
		}
	}
}

// After logging in, a member of one organisation lands on its dashboard;
// people with several, coordinators and admins on the dashboard listing
// them; a page asked for before logging in still wins.
func TestLoginLandsOnDashboard(t *testing.T) {
	w := newDemoWorld(t)
	for _, tc := range []struct{ email, next, want string }{
		{"editor@lokadaya.test", "", "/organisasi/terang-kampung/dasbor"},
		{"anggota@lokadaya.test", "", "/organisasi/terang-kampung/dasbor"},
		{"bendahara@lokadaya.test", "", "/dasbor"}, // treasurer of three organisations
		{"pemilik@lokadaya.test", "", "/dasbor"},
		{"koordinator.jawabali@lokadaya.test", "", "/dasbor"},
		{"admin@lokadaya.test", "", "/dasbor"},
		{"editor@lokadaya.test", "/galang-daya", "/galang-daya"},
	} {
		got := w.post(t, "anon", "/masuk", url.Values{"email": {tc.email}, "password": {"lokadaya-demo"}, "next": {tc.next}})
		if got.status != 303 || got.location != tc.want {
			t.Errorf("%s logs in → %d %s, want %s", tc.email, got.status, got.location, tc.want)
		}
	}
	// The coordinator's and admin's dashboards lead to their work.
	if got := w.get(t, "coordinator", "/dasbor"); !strings.Contains(got.body, `href="/simpul/simpul-jawa-bali/tinjau"`) {
		t.Error("coordinator's dashboard lacks the review queue")
	}
	var waiting int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM organizations WHERE status IN ('pending', 'needs_changes')`).Scan(&waiting); err != nil {
		t.Fatal(err)
	}
	if got := w.get(t, "platform", "/dasbor"); !strings.Contains(got.body, strconv.Itoa(waiting)+" OMS menunggu tinjauan") {
		t.Errorf("admin's dashboard lacks the %d OMS waiting", waiting)
	}
}
