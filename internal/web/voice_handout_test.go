package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/distribution"
	"lokadaya/internal/expense"
)

// approvedExpense records an expense of taman-baca as its treasurer and
// approves it as its owner: it is booked in the ledger. It returns its id.
func approvedExpense(t *testing.T, w *voiceWorld) int64 {
	t.Helper()
	ctx := context.Background()
	store := &expense.Store{DB: w.d}
	e, err := store.Record(ctx, w.org.ID, expense.Input{AmountRaw: "750000", Amount: 750000, Category: "program",
		InitiativeID: w.initiative.ID, Description: "Beras 50 karung", Payee: "Toko Maju", SpentOn: "2025-06-01"},
		"2025-06-02", expense.Receipt{Key: "receipts/1-beras.jpg", Type: "image/jpeg"},
		expense.Actor{ID: w.users["treasurer"].ID, Name: "treasurer"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Approve(ctx, w.org.ID, e.ID, expense.Actor{ID: w.users["owner"].ID, Name: "owner"}); err != nil {
		t.Fatal(err)
	}
	return e.ID
}

// TestHandoutConfirmedByRecipients: the treasurer records rice handed out
// from an approved expense; a household confirms by its slip's QR page, the
// RT head for a group by the typed code, once each; viewers read the
// record without the codes.
func TestHandoutConfirmedByRecipients(t *testing.T) {
	w := newVoiceWorld(t)
	exp := approvedExpense(t, w)
	base := "/organisasi/taman-baca/pembagian"
	form := url.Values{"source": {"expense:" + strconv.FormatInt(exp, 10)}, "item": {"Beras"}, "unit": {"karung"},
		"quantity": {"50"}, "place": {"Balai RW 05"}, "date": {"2025-06-10"}, "recipients": {"Rumah 1; 1\nRumah 2; 1\nRT 03/RW 05; 20; kelompok"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("recipients", "Rumah 1; 1\nRumah 2; dua")
	toolCheck(t, "bad line", w.post(t, "treasurer", base+"/baru", bad), http.StatusUnprocessableEntity, "Periksa baris 2", `id="error-summary"`)
	toolCheck(t, "viewer may not record", w.post(t, "viewer", base+"/baru", form), http.StatusForbidden)
	toolCheck(t, "form lists the expense", w.get(t, "treasurer", base+"/baru"), http.StatusOK, "Beras 50 karung")
	r := w.post(t, "treasurer", base+"/baru", form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("record: %d %s", r.status, r.body)
	}
	store := &distribution.Store{DB: w.d}
	list, _ := store.List(context.Background(), distribution.Scope{OrgID: w.org.ID})
	if len(list) != 1 || r.location != base+"/"+strconv.FormatInt(list[0].ID, 10) {
		t.Fatalf("stored %d, redirect %s", len(list), r.location)
	}
	rs, _ := store.Recipients(context.Background(), list[0].ID)
	slips := w.get(t, "treasurer", r.location+"/slip")
	toolCheck(t, "slips", slips, http.StatusOK, rs[0].Code, rs[2].Code, "data:image/png;base64,")
	toolCheck(t, "viewer no slips", w.get(t, "viewer", r.location+"/slip"), http.StatusForbidden)
	viewer := w.get(t, "viewer", r.location)
	toolCheck(t, "viewer reads", viewer, http.StatusOK, "0 dari 3 penerima")
	if strings.Contains(viewer.body, rs[0].Code) {
		t.Fatal("viewer sees a code")
	}

	// The household opens its QR page and confirms all of its share.
	toolCheck(t, "qr page", w.get(t, "anon", "/terima/"+rs[0].Code), http.StatusOK, "Rumah 1", `value="qr"`)
	toolCheck(t, "confirm", w.post(t, "anon", "/terima/"+rs[0].Code, url.Values{"via": {"qr"}}), http.StatusSeeOther)
	toolCheck(t, "confirmed", w.get(t, "anon", "/terima/"+rs[0].Code), http.StatusOK, `id="confirmed"`)
	// The RT head types the code; must say who confirms; 18 of 20 arrived.
	typed := w.post(t, "anon", "/terima", url.Values{"code": {strings.ToLower(rs[2].Code)}})
	if typed.status != http.StatusSeeOther || typed.location != "/terima/"+rs[2].Code+"?via=kode" {
		t.Fatalf("typed code: %d %s", typed.status, typed.location)
	}
	toolCheck(t, "unknown code", w.post(t, "anon", "/terima", url.Values{"code": {"ZZZZ2222"}}), http.StatusNotFound, "Kode tidak dikenal")
	toolCheck(t, "no confirmer", w.post(t, "anon", "/terima/"+rs[2].Code, url.Values{"via": {"kode"}, "received": {"18"}}),
		http.StatusUnprocessableEntity, "Pilih siapa yang mengonfirmasi")
	toolCheck(t, "group confirms", w.post(t, "anon", "/terima/"+rs[2].Code, url.Values{"via": {"kode"}, "received": {"18"},
		"confirmer": {"ketua_rt"}, "note": {"<i>2 basah</i>"}}), http.StatusSeeOther)
	// Once only: a second confirmation changes nothing.
	w.post(t, "anon", "/terima/"+rs[2].Code, url.Values{"received": {"20"}, "confirmer": {"ketua_rw"}})
	rs, _ = store.Recipients(context.Background(), list[0].ID)
	if rs[2].Received != 18 || rs[2].Confirmer != "ketua_rt" || rs[2].ConfirmedVia != "kode" || rs[0].ConfirmedVia != "qr" || rs[1].Confirmed() {
		t.Fatalf("recipients %+v %+v", rs[0], rs[2])
	}
	page := w.get(t, "viewer", r.location)
	toolCheck(t, "totals", page, http.StatusOK, "2 dari 3 penerima", "19 karung diterima", "1 karung belum dikonfirmasi", "&lt;i&gt;2 basah&lt;/i&gt;")
	toolCheck(t, "dashboard link", w.get(t, "viewer", "/organisasi/taman-baca/dasbor"), http.StatusOK, `href="`+base+`"`)

	// The public financial report: per expense and per handing-out.
	rep := w.get(t, "anon", "/organisasi/taman-baca/laporan")
	toolCheck(t, "report", rep, http.StatusOK, `id="pembagian"`, "2 dari 3 penerima mengonfirmasi",
		"Barangnya dibagikan: 2 dari 3 penerima mengonfirmasi, 19 diterima, 1 belum dikonfirmasi.")
	csv := w.get(t, "anon", "/organisasi/taman-baca/laporan?format=csv")
	toolCheck(t, "report csv", csv, http.StatusOK, "2025-06-10,Beras (karung),50,Balai RW 05,3,2,19,1")
	if strings.Contains(rep.body, rs[0].Code) || strings.Contains(rep.body, "Rumah 1") {
		t.Fatal("the public report shows a recipient")
	}
}
