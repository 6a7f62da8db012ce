package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lokadaya/internal/bankstatement"
	"lokadaya/internal/i18n"
)

// TestDemoImportSampleMatches is the import as a demo visitor tries it:
// the treasurer of the demo organisation downloads each sample offered for
// its BCA account, uploads it, and sees it pay exactly the transfers
// waiting for that account, with the bank's not-yet-posted line shown but
// not matched; confirming one confirms those donations.
func TestDemoImportSampleMatches(t *testing.T) {
	w := newDemoWorld(t)
	d, ctx := w.d, context.Background()
	base := "/organisasi/terang-kampung/donasi/impor"
	var accountID int64
	if err := d.QueryRow(ctx, `SELECT a.id FROM org_bank_accounts a JOIN organizations o ON o.id = a.org_id
		WHERE o.slug = 'terang-kampung' AND a.bank = 'bca' AND a.active`).Scan(&accountID); err != nil {
		t.Fatal(err)
	}
	type waiting struct {
		id, amount int64
		name       string
	}
	var want []waiting
	rows, err := d.Query(ctx, `SELECT id, amount, donor_name FROM donations WHERE bank_account_id = ? AND method = 'transfer'
		AND status = 'pending' ORDER BY id`, accountID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var x waiting
		if err := rows.Scan(&x.id, &x.amount, &x.name); err != nil {
			t.Fatal(err)
		}
		want = append(want, x)
	}
	rows.Close()
	if len(want) < 2 {
		t.Fatalf("the demo has %d transfers waiting for its BCA account", len(want))
	}

	form := w.get(t, "treasurer", base)
	var last string
	for _, format := range bankstatement.Formats(bankstatement.BCA) {
		link := fmt.Sprintf("%s/contoh/%s?rekening=%d", base, format, accountID)
		if !strings.Contains(form.body, link) {
			t.Fatalf("the import page does not offer %s", link)
		}
		sample := w.get(t, "treasurer", link)
		if sample.status != http.StatusOK {
			t.Fatalf("%s: %d", link, sample.status)
		}
		res := postStatement(t, w, "treasurer", base, fmt.Sprint(accountID), []byte(sample.body))
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, base+"/") {
			t.Fatalf("%s: upload %d\n%s", format, res.status, res.body)
		}
		preview := w.get(t, "treasurer", res.location).body
		checks := []string{fmt.Sprintf("Konfirmasi impor (%d donasi dikonfirmasi)", len(want)), "belum dibukukan bank (PEND)",
			"dibaca sebagai " + format.Name(), "tidak cocok"}
		for _, x := range want {
			checks = append(checks, fmt.Sprintf("Cocok: donasi #%d", x.id), i18n.Rupiah(x.amount))
		}
		for _, c := range checks {
			if !strings.Contains(preview, c) {
				t.Errorf("%s preview lacks %q", format, c)
			}
		}
		last = res.location
	}
	if res := w.post(t, "treasurer", last+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	for _, x := range want {
		var status string
		if err := d.QueryRow(ctx, `SELECT status FROM donations WHERE id = ?`, x.id).Scan(&status); err != nil || status != "confirmed" {
			t.Errorf("donation #%d (%s) is %s after the import, %v", x.id, x.name, status, err)
		}
	}
	result := w.get(t, "treasurer", last).body
	if !strings.Contains(result, fmt.Sprintf("%d donasi dikonfirmasi", len(want))) {
		t.Errorf("result page:\n%s", result)
	}
}
