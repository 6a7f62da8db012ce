package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/expense"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
)

const expenseBase = "/organisasi/taman-baca/pengeluaran"

// expenseMakers may record expenses; expenseCheckers decide them.
var (
	expenseMakers   = map[string]bool{"treasurer": true, "admin": true, "owner": true}
	expenseCheckers = map[string]bool{"admin": true, "owner": true}
)

// expenseWorld is a campaignWorld whose active campaign has raised
// Rp5.000.000 in the ledger: its operational cap is Rp500.000.
type expenseWorld struct {
	*campaignWorld
	campaign *campaign.Campaign
	store    *expense.Store
}

func newExpenseWorld(t *testing.T) *expenseWorld {
	t.Helper()
	w := &expenseWorld{campaignWorld: newCampaignWorld(t)}
	w.campaign = w.add(t, "Buku untuk Anak", true)
	w.store = &expense.Store{DB: w.d}
	err := w.d.InTx(context.Background(), func(tx *db.Tx) error {
		_, err := ledger.Append(context.Background(), tx, ledger.Entry{OrgID: w.org.ID, Kind: ledger.KindDonation,
			Amount: 5_000_000, Category: ledger.CatProgram, CampaignID: w.campaign.ID, Description: "Donasi"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *expenseWorld) actor(role string) expense.Actor {
	return expense.Actor{ID: w.users[role].ID, Name: w.users[role].Name}
}

// record stores an expense made by the treasurer, approved by the owner
// when approved is true.
func (w *expenseWorld) record(t *testing.T, amount int64, category string, approved bool) *expense.Expense {
	t.Helper()
	ctx := context.Background()
	in := expense.Input{AmountRaw: "x", Amount: amount, Category: category, CampaignID: w.campaign.ID,
		Description: "Beli rak", Payee: "Toko Kayu", SpentOn: time.Now().In(i18n.WIB).Format("2006-01-02")}
	e, err := w.store.Record(ctx, w.org.ID, in, time.Now().In(i18n.WIB).AddDate(0, 0, 1).Format("2006-01-02"),
		expense.Receipt{Key: "receipts/1/nota.jpg", Type: "image/jpeg"}, w.actor("treasurer"))
	if err != nil {
		t.Fatal(err)
	}
	if approved {
		if e, err = w.store.Approve(ctx, w.org.ID, e.ID, w.actor("owner")); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// expenseForm is a valid expense form below the receipt threshold.
func expenseForm(amount string) url.Values {
	return url.Values{"amount": {amount}, "category": {"program"}, "description": {"Beli buku cerita"},
		"payee": {"Toko Buku Sukarasa"}, "spent_on": {time.Now().In(i18n.WIB).Format("2006-01-02")}}
}

// upload posts form with file as the "receipt".
func (w *expenseWorld) upload(t *testing.T, role string, form url.Values, name string, file []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if file != nil {
		fw, err := mw.CreateFormFile("receipt", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, expenseBase, mw.FormDataContentType(), &buf)
}

func TestExpenseRoutesByRole(t *testing.T) {
	w := newExpenseWorld(t)
	pdf := []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
	withReceipt := w.upload(t, "treasurer", expenseForm("250.000"), "nota.pdf", pdf)
	if withReceipt.status != http.StatusSeeOther {
		t.Fatalf("recording with a receipt: %d\n%s", withReceipt.status, withReceipt.body)
	}
	list, err := w.store.List(context.Background(), w.org.ID, expense.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	receiptPath := fmt.Sprintf("%s/%d/bukti", expenseBase, list[0].ID)
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			check := func(what string, res orgResponse, allowed bool, want int) {
				t.Helper()
				switch {
				case role == "anon":
					if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
						t.Errorf("%s: %d %s, want the login page", what, res.status, res.location)
					}
				case !allowed:
					if res.status != http.StatusForbidden {
						t.Errorf("%s: %d, want 403", what, res.status)
					}
				case res.status != want:
					t.Errorf("%s: %d, want %d\n%s", what, res.status, want, res.body)
				}
			}
			check("list", w.get(t, role, expenseBase), expenseMakers[role], http.StatusOK)
			check("record", w.post(t, role, expenseBase, expenseForm("50.000")), expenseMakers[role], http.StatusSeeOther)
			check("receipt", w.get(t, role, receiptPath), expenseMakers[role], http.StatusOK)
			e := w.record(t, 10_000, "program", false)
			check("approve", w.post(t, role, fmt.Sprintf("%s/%d/setujui", expenseBase, e.ID), url.Values{}),
				expenseCheckers[role], http.StatusSeeOther)
			e = w.record(t, 10_000, "program", false)
			check("reject", w.post(t, role, fmt.Sprintf("%s/%d/tolak", expenseBase, e.ID), url.Values{"reason": {"Tidak perlu"}}),
				expenseCheckers[role], http.StatusSeeOther)
			e = w.record(t, 10_000, "program", true)
			check("correct", w.post(t, role, fmt.Sprintf("%s/%d/koreksi", expenseBase, e.ID), url.Values{"reason": {"Salah catat"}}),
				expenseCheckers[role], http.StatusSeeOther)
		})
	}
	// Another organisation's member sees nothing of it.
	if res := w.get(t, "rejecter", expenseBase); res.status != http.StatusForbidden {
		t.Errorf("other organisation's owner: %d", res.status)
	}
	// What each checker did is booked once and logged.
	var approved, rejected, corrected, logged int
	ctx := context.Background()
	_ = w.d.QueryRow(ctx, `SELECT COUNT(*) FROM expenses WHERE status = 'disetujui' AND reversal_seq IS NULL`).Scan(&approved)
	_ = w.d.QueryRow(ctx, `SELECT COUNT(*) FROM expenses WHERE status = 'ditolak'`).Scan(&rejected)
	_ = w.d.QueryRow(ctx, `SELECT COUNT(*) FROM expenses WHERE reversal_seq IS NOT NULL`).Scan(&corrected)
	_ = w.d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE target_type = 'expense'`).Scan(&logged)
	// 8 roles × 3 corrected-candidates approved by the store, 2 approvals
	// and 2 corrections by the checkers.
	if approved != 2+len(orgRoles)-2 || rejected != 2 || corrected != 2 {
		t.Errorf("approved %d, rejected %d, corrected %d", approved, rejected, corrected)
	}
	if logged == 0 {
		t.Error("nothing in the audit log")
	}
	if res, err := ledger.Verify(ctx, w.d, w.org.ID); err != nil || !res.OK {
		t.Errorf("ledger %+v %v", res, err)
	}
}

func TestExpenseMakerCannotApproveOwn(t *testing.T) {
	w := newExpenseWorld(t)
	ctx := context.Background()
	// The owner records; the owner may not approve, the admin may.
	res := w.post(t, "owner", expenseBase, expenseForm("75.000"))
	if res.status != http.StatusSeeOther {
		t.Fatalf("record: %d\n%s", res.status, res.body)
	}
	list, _ := w.store.List(ctx, w.org.ID, expense.Filter{})
	id := list[0].ID
	page := w.get(t, "owner", expenseBase)
	if !strings.Contains(page.body, i18n.T(i18n.ID, "expense.mine")) || strings.Contains(page.body, fmt.Sprintf("/%d/setujui", id)) {
		t.Fatalf("the owner's page offers to approve their own expense:\n%s", page.body)
	}
	res = w.post(t, "owner", fmt.Sprintf("%s/%d/setujui", expenseBase, id), url.Values{})
	if res.status != http.StatusForbidden || !strings.Contains(res.body, "tidak boleh menyetujui atau menolaknya sendiri") {
		t.Fatalf("self-approval: %d\n%s", res.status, res.body)
	}
	res = w.post(t, "owner", fmt.Sprintf("%s/%d/tolak", expenseBase, id), url.Values{"reason": {"x"}})
	if res.status != http.StatusForbidden {
		t.Fatalf("self-rejection: %d", res.status)
	}
	if !strings.Contains(w.get(t, "admin", expenseBase).body, fmt.Sprintf("/%d/setujui", id)) {
		t.Fatal("the admin is not offered the approval")
	}
	if res = w.post(t, "admin", fmt.Sprintf("%s/%d/setujui", expenseBase, id), url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("admin approval: %d", res.status)
	}
	// With the admin gone, the owner is alone and is told so.
	if err := w.orgs.Remove(ctx, w.org.ID, w.users["admin"].ID); err != nil {
		t.Fatal(err)
	}
	w.post(t, "owner", expenseBase, expenseForm("20.000"))
	if page := w.get(t, "owner", expenseBase); !strings.Contains(page.body, "belum punya pemilik atau admin lain") {
		t.Fatalf("lone owner not told:\n%s", page.body)
	}
}

func TestExpenseFormAndReceipts(t *testing.T) {
	w := newExpenseWorld(t)
	ctx := context.Background()
	// Above Rp100.000 a receipt is required, and the form keeps its values.
	res := w.post(t, "treasurer", expenseBase, expenseForm("1.500.000"))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, i18n.T(i18n.ID, "expense.err.receipt_required")) ||
		!strings.Contains(res.body, `value="1.500.000"`) || !strings.Contains(res.body, "Toko Buku Sukarasa") {
		t.Fatalf("no receipt: %d\n%s", res.status, res.body)
	}
	// Junk is refused.
	res = w.upload(t, "treasurer", expenseForm("1.500.000"), "nota.jpg", []byte("bukan gambar sama sekali"))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, i18n.T(i18n.ID, "expense.err.receipt_unsupported")) {
		t.Fatalf("junk: %d\n%s", res.status, res.body)
	}
	// A photo is re-encoded without its EXIF block.
	res = w.upload(t, "treasurer", expenseForm("1.500.000"), "nota.jpg", proofJPEG(t))
	if res.status != http.StatusSeeOther {
		t.Fatalf("photo: %d\n%s", res.status, res.body)
	}
	list, _ := w.store.List(ctx, w.org.ID, expense.Filter{})
	if len(list) != 1 || !strings.HasPrefix(list[0].ReceiptKey, "receipts/") || list[0].Amount != 1_500_000 {
		t.Fatalf("recorded %+v", list)
	}
	got := w.get(t, "admin", fmt.Sprintf("%s/%d/bukti", expenseBase, list[0].ID))
	if got.status != http.StatusOK || got.header.Get("Content-Type") != "image/jpeg" ||
		strings.Contains(got.body, "GPS-LOKASI-RAHASIA") || strings.Contains(got.body, "Exif") {
		t.Fatalf("receipt served: %d %s, EXIF kept: %v", got.status, got.header.Get("Content-Type"), strings.Contains(got.body, "Exif"))
	}
	// Receipts are not public media.
	if res := w.get(t, "anon", "/media/"+list[0].ReceiptKey); res.status != http.StatusNotFound {
		t.Fatalf("receipt as public media: %d", res.status)
	}
	// Approval books the receipt key in the ledger entry.
	if res := w.post(t, "owner", fmt.Sprintf("%s/%d/setujui", expenseBase, list[0].ID), url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.status)
	}
	e, err := ledger.BySource(ctx, w.d, "expense", list[0].ID, ledger.KindExpense)
	if err != nil || e.ReceiptKey != list[0].ReceiptKey || e.Amount != -1_500_000 || e.Counterparty != "Toko Buku Sukarasa" {
		t.Fatalf("entry %+v %v", e, err)
	}
	// A second approval (a double click) books nothing more.
	w.post(t, "admin", fmt.Sprintf("%s/%d/setujui", expenseBase, list[0].ID), url.Values{})
	var n int
	_ = w.d.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE kind = 'expense'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d expense entries", n)
	}
	// Zakat spending from a general campaign is refused.
	form := expenseForm("50.000")
	form.Set("category", "zakat_infak")
	form.Set("campaign", fmt.Sprint(w.campaign.ID))
	res = w.post(t, "treasurer", expenseBase, form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, i18n.T(i18n.ID, "expense.err.zakat_only")) {
		t.Fatalf("zakat: %d\n%s", res.status, res.body)
	}
}

func TestExpenseCapMessage(t *testing.T) {
	w := newExpenseWorld(t)
	// Raised Rp5.000.000: the cap is Rp500.000.
	w.record(t, 300_000, "operasional", true)
	form := expenseForm("90.000")
	form.Set("category", "biaya_platform")
	form.Set("campaign", fmt.Sprint(w.campaign.ID))
	if res := w.post(t, "treasurer", expenseBase, form); res.status != http.StatusSeeOther {
		t.Fatalf("within the cap: %d\n%s", res.status, res.body)
	}
	form.Set("amount", "150.000")
	form.Set("category", "operasional")
	res := w.upload(t, "treasurer", form, "nota.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	want := "paling banyak 10\u00a0% dari dana terkumpul Rp5.000.000, yaitu Rp500.000. Sudah terpakai Rp300.000 dan Rp90.000 menunggu persetujuan, jadi sisa ruangnya Rp110.000 — kurang untuk Rp150.000."
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, want) {
		t.Fatalf("over the cap: %d\n%s", res.status, res.body)
	}
	// The page shows the share and the same room left as the refusal:
	// Rp500.000 − Rp300.000 used − Rp90.000 awaiting approval.
	page := w.get(t, "treasurer", expenseBase)
	for _, s := range []string{"6\u00a0%", "10\u00a0% = Rp500.000", "<td>Rp110.000</td>", "Rp90.000 menunggu persetujuan"} {
		if !strings.Contains(page.body, s) {
			t.Errorf("page lacks %q", s)
		}
	}
	// Marked a disaster appeal, the campaign keeps the deployment's
	// disaster cap (10% by default too).
	if err := expense.SetAppeal(context.Background(), w.d, w.campaign.ID, "bencana"); err != nil {
		t.Fatal(err)
	}
	if page := w.get(t, "treasurer", expenseBase); !strings.Contains(page.body, "Bencana") {
		t.Error("disaster appeal not shown")
	}
}

func TestCampaignAppealField(t *testing.T) {
	w := newExpenseWorld(t)
	ctx := context.Background()
	edit := campaignBase + "/" + w.campaign.Slug + "/ubah"
	page := w.get(t, "editor", edit)
	if page.status != http.StatusOK || !strings.Contains(page.body, `<option value="umum" selected>`) {
		t.Fatalf("edit page: %d", page.status)
	}
	form := campaignForm("Buku untuk Anak")
	form.Set("action", "save")
	form.Set("appeal", "perang")
	if res := w.multipart(t, "editor", edit, form, nil); res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad appeal: %d", res.status)
	}
	form.Set("appeal", "bencana")
	if res := w.multipart(t, "editor", edit, form, nil); res.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.status, res.body)
	}
	if a, _ := expense.AppealOf(ctx, w.d, w.campaign.ID); a != "bencana" {
		t.Fatalf("appeal %q", a)
	}
	if page := w.get(t, "editor", edit); !strings.Contains(page.body, `<option value="bencana" selected>`) {
		t.Fatal("edit page does not show the stored appeal")
	}
	// A new campaign may start as a disaster appeal.
	form = campaignForm("Tanggap Banjir")
	form.Set("initiative", fmt.Sprint(w.initiative.ID))
	form.Set("appeal", "bencana")
	res := w.post(t, "editor", campaignBase+"/baru", form)
	if res.status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", res.status, res.body)
	}
	var appeal string
	if err := w.d.QueryRow(ctx, `SELECT appeal FROM campaigns WHERE title = 'Tanggap Banjir'`).Scan(&appeal); err != nil || appeal != "bencana" {
		t.Fatalf("new campaign appeal %q %v", appeal, err)
	}
}
