package web_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestDonationImportDiscard(t *testing.T) {
	w := newImportWorld(t)
	amount := w.giveAmount(t, "Siti", "")
	file := bcaStatement("1234567890", amount)
	pending := w.preview(t, file)
	if page := w.get(t, "treasurer", pending); !strings.Contains(page.body, `action="`+pending+`/buang"`) ||
		!strings.Contains(page.body, ">Buang</button>") {
		t.Fatal("preview lacks the discard button")
	}
	// Only money managers may discard; others leave it where it is.
	for _, role := range importRoles {
		if donationMoneyManagers[role] {
			continue
		}
		t.Run(role, func(t *testing.T) {
			wantAccess(t, role, w.post(t, role, pending+"/buang", nil), http.StatusSeeOther)
		})
	}
	id := strings.TrimPrefix(pending, importBase+"/")
	if res := w.post(t, "rejecter", "/organisasi/ditolak/donasi/impor/"+id+"/buang", nil); res.status != http.StatusNotFound {
		t.Errorf("another organisation's owner: %d", res.status)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_imports`); n != 1 {
		t.Fatalf("%d imports after refused discards", n)
	}
	res := w.post(t, "treasurer", pending+"/buang", nil)
	if res.status != http.StatusSeeOther || res.location != importBase {
		t.Fatalf("treasurer discards: %d %s", res.status, res.location)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_imports`); n != 0 {
		t.Errorf("%d imports after discarding", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`); n != 0 {
		t.Errorf("discarding confirmed %d donations", n)
	}
	if res := w.get(t, "treasurer", pending); res.status != http.StatusNotFound {
		t.Errorf("discarded preview: %d", res.status)
	}
	if res := w.post(t, "treasurer", pending+"/buang", nil); res.status != http.StatusNotFound {
		t.Errorf("discard twice: %d", res.status)
	}
	// A confirmed import cannot be discarded.
	again := w.preview(t, file)
	if res := w.post(t, "owner", again+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	if page := w.get(t, "owner", again); strings.Contains(page.body, "/buang") {
		t.Error("a confirmed import offers the discard button")
	}
	if res := w.post(t, "owner", again+"/buang", nil); res.status != http.StatusSeeOther || res.location != again {
		t.Errorf("discarding a confirmed import: %d %s", res.status, res.location)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_imports`); n != 1 {
		t.Errorf("%d imports, want the confirmed one", n)
	}
}
