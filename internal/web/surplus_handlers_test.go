package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/ledger"
)

// surplusWorld is a campaignWorld whose published initiative has a year
// of books: last year in 12.000.000, out 7.000.000, zakat 1.000.000.
type surplusWorld struct {
	*campaignWorld
	year int
}

func newSurplusWorld(t *testing.T) *surplusWorld {
	t.Helper()
	ctx := context.Background()
	w := &surplusWorld{campaignWorld: newCampaignWorld(t), year: time.Now().In(i18n.WIB).Year() - 1}
	at := func(month int) time.Time { return time.Date(w.year, time.Month(month), 10, 3, 0, 0, 0, time.UTC) }
	err := w.d.InTx(ctx, func(tx *db.Tx) error {
		for _, e := range []ledger.Entry{
			{Kind: ledger.KindDonation, Amount: 12_000_000, Category: ledger.CatProgram, RecordedAt: at(2), Description: "Donasi"},
			{Kind: ledger.KindExpense, Amount: -7_000_000, Category: ledger.CatProgram, RecordedAt: at(6), Description: "Rak buku"},
			{Kind: ledger.KindDonation, Amount: 1_000_000, Category: ledger.CatZakatInfak, RecordedAt: at(3), Description: "Infak"},
		} {
			e.OrgID, e.InitiativeID = w.org.ID, w.initiative.ID
			if _, err := ledger.Append(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *surplusWorld) form(kv ...string) url.Values {
	v := url.Values{"inisiatif": {strconv.FormatInt(w.initiative.ID, 10)}, "dari": {fmt.Sprintf("%d-01-01", w.year)},
		"sampai": {fmt.Sprintf("%d-12-31", w.year)}, "cadangan": {"1.000.000"}, "jenis": {"perluasan"},
		"jumlah": {"100.000"}, "alasan": {"Rapat pengurus"}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

const surplusPath = "/organisasi/taman-baca/surplus"

// surplusDeciders decide; every member and platform admins read.
var surplusDeciders = map[string]bool{"admin": true, "owner": true}

func TestSurplusRoles(t *testing.T) {
	w := newSurplusWorld(t)
	query := "?" + url.Values{"inisiatif": {strconv.FormatInt(w.initiative.ID, 10)}, "dari": {fmt.Sprintf("%d-01-01", w.year)},
		"sampai": {fmt.Sprintf("%d-12-31", w.year)}}.Encode()
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			res := w.get(t, role, surplusPath+query)
			want := http.StatusOK
			switch role {
			case "anon":
				want = http.StatusSeeOther
			case "user":
				want = http.StatusForbidden
			}
			if res.status != want {
				t.Errorf("GET: %d, want %d", res.status, want)
			}
			if want == http.StatusOK {
				// In 12.000.000, out 7.000.000, zakat shown apart.
				if !strings.Contains(res.body, "Rp12.000.000") || !strings.Contains(res.body, "Rp7.000.000") || !strings.Contains(res.body, "Zakat dan infak (dipisahkan): masuk Rp1.000.000") {
					t.Errorf("table missing:\n%s", res.body)
				}
				if surplusDeciders[role] != strings.Contains(res.body, `name="jumlah"`) {
					t.Errorf("allocation form shown: %v", !surplusDeciders[role])
				}
			}
			res = w.post(t, role, surplusPath, w.form())
			want = http.StatusForbidden
			switch {
			case role == "anon":
				want = http.StatusSeeOther
			case surplusDeciders[role]:
				want = http.StatusSeeOther
			}
			if res.status != want || (surplusDeciders[role] && !strings.HasPrefix(res.location, surplusPath+"?")) {
				t.Errorf("POST: %d %s, want %d", res.status, res.location, want)
			}
		})
	}
	var n int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM surplus_allocations`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d decisions recorded, want 2 (%v)", n, err)
	}
	// Other organisations' pages: a rejected one is hidden.
	if res := w.get(t, "owner", "/organisasi/ditolak/surplus"); res.status != http.StatusNotFound && res.status != http.StatusForbidden {
		t.Errorf("other organisation: %d", res.status)
	}
}

func TestSurplusAllocateAndLineage(t *testing.T) {
	w := newSurplusWorld(t)
	ctx := context.Background()
	// Surplus: 12.000.000 − 7.000.000 − 1.000.000 = 4.000.000.
	for _, tc := range []struct {
		name, want string
		form       url.Values
	}{
		{"too much", "melebihi sisa surplus", w.form("jumlah", "4.000.001")},
		{"spin-off without a name", "Wajib diisi", w.form("jenis", "pemisahan", "tujuan", "baru")},
		{"reserve changed", "sudah ditetapkan", w.form("cadangan", "0")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "reserve changed" {
				if res := w.post(t, "owner", surplusPath, w.form("jumlah", "1.000.000")); res.status != http.StatusSeeOther {
					t.Fatalf("first decision: %d\n%s", res.status, res.body)
				}
			}
			res := w.post(t, "owner", surplusPath, tc.form)
			if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, tc.want) {
				t.Errorf("%d, want 422 with %q\n%s", res.status, tc.want, res.body)
			}
			if !strings.Contains(res.body, "Rapat pengurus") {
				t.Error("the form lost what was typed")
			}
		})
	}
	res := w.post(t, "owner", surplusPath, w.form("jenis", "pemisahan", "tujuan", "baru", "nama_baru", "Kedai Buku Warga",
		"jumlah", "3.000.000"))
	if res.status != http.StatusSeeOther {
		t.Fatalf("spin-off: %d\n%s", res.status, res.body)
	}
	page := w.get(t, "viewer", res.location)
	if !strings.Contains(page.body, "Kedai Buku Warga") || !strings.Contains(page.body, "Rp0") {
		t.Errorf("decision not listed or surplus not used up:\n%s", page.body)
	}
	var childID int64
	var childSlug string
	if err := w.d.QueryRow(ctx, `SELECT id, slug FROM initiatives WHERE parent_id = ?`, w.initiative.ID).Scan(&childID, &childSlug); err != nil {
		t.Fatal(err)
	}
	if res, err := ledger.Verify(ctx, w.d, w.org.ID); err != nil || !res.OK || res.Entries != 3+4 {
		t.Errorf("verify: %+v %v", res, err)
	}
	// A draft child is not shown publicly.
	if res := w.get(t, "anon", "/inisiatif/"+w.initiative.Slug); strings.Contains(res.body, "Kedai Buku Warga") {
		t.Error("draft child shown")
	}
	// The owner completes the draft child and publishes it.
	if _, err := w.d.Exec(ctx, `UPDATE initiatives SET problem = 'Buku mahal.', tagline = 'Buku bekas, ilmu baru' WHERE id = ?`, childID); err != nil {
		t.Fatal(err)
	}
	if err := (&initiative.Store{DB: w.d}).Publish(ctx, initiative.Actor{ID: w.users["owner"].ID}, childID); err != nil {
		t.Fatal(err)
	}
	parent := w.get(t, "anon", "/inisiatif/"+w.initiative.Slug)
	if !strings.Contains(parent.body, "Melahirkan") || !strings.Contains(parent.body, `href="/inisiatif/`+childSlug+`"`) {
		t.Errorf("parent page lacks the child:\n%s", parent.body)
	}
	child := w.get(t, "anon", "/inisiatif/"+childSlug)
	if !strings.Contains(child.body, "Lahir dari") || !strings.Contains(child.body, `href="/inisiatif/`+w.initiative.Slug+`"`) {
		t.Errorf("child page lacks the parent:\n%s", child.body)
	}
	type link struct{ Slug, Kind string }
	var api struct {
		Parent   *link
		Children []link
	}
	res = w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug)
	if err := json.Unmarshal([]byte(res.body), &api); err != nil || api.Parent != nil || len(api.Children) != 1 ||
		api.Children[0].Slug != childSlug || api.Children[0].Kind != "pemisahan" {
		t.Errorf("parent API: %v %s", err, res.body)
	}
	api.Children = nil
	res = w.get(t, "anon", "/api/v1/initiatives/"+childSlug)
	if err := json.Unmarshal([]byte(res.body), &api); err != nil || api.Parent == nil || api.Parent.Slug != w.initiative.Slug ||
		len(api.Children) != 0 {
		t.Errorf("child API: %v %s", err, res.body)
	}
}
