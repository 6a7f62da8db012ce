package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// ledgerItem is an entry as the API gives it.
type ledgerItem struct {
	OrgID        int64   `json:"org_id"`
	Seq          int64   `json:"seq"`
	Time         string  `json:"time"`
	Kind         string  `json:"kind"`
	Amount       int64   `json:"amount"`
	Category     string  `json:"category"`
	CampaignID   *int64  `json:"campaign_id"`
	Campaign     *string `json:"campaign"`
	InitiativeID *int64  `json:"initiative_id"`
	Initiative   *string `json:"initiative"`
	Description  string  `json:"description"`
	Counterparty string  `json:"counterparty"`
	ReceiptKey   *string `json:"receipt_key"`
	SourceType   *string `json:"source_type"`
	SourceID     *int64  `json:"source_id"`
	ReversesSeq  *int64  `json:"reverses_seq"`
	RecordedBy   *int64  `json:"recorded_by"`
	PrevHash     string  `json:"prev_hash"`
	Hash         string  `json:"hash"`
}

// recompute follows docs/ledger.md using nothing but the API's fields, as
// somebody outside the platform would.
func (it ledgerItem) recompute() string {
	var b strings.Builder
	field := func(s string) { fmt.Fprintf(&b, "%d:%s,", len(s), s) }
	num := func(n int64) { field(fmt.Sprint(n)) }
	optNum := func(n *int64) {
		if n == nil {
			field("")
		} else {
			num(*n)
		}
	}
	optText := func(s *string) {
		if s == nil {
			field("")
		} else {
			field(*s)
		}
	}
	field("lokadaya-ledger-v1")
	num(it.OrgID)
	num(it.Seq)
	field(it.Time)
	field(it.Kind)
	num(it.Amount)
	field(it.Category)
	optNum(it.CampaignID)
	optNum(it.InitiativeID)
	field(it.Description)
	field(it.Counterparty)
	optText(it.ReceiptKey)
	optText(it.SourceType)
	optNum(it.SourceID)
	optNum(it.ReversesSeq)
	optNum(it.RecordedBy)
	sum := sha256.Sum256([]byte(b.String() + it.PrevHash))
	return hex.EncodeToString(sum[:])
}

type ledgerPage struct {
	Items []ledgerItem `json:"items"`
	Next  *string      `json:"next"`
}

func TestAPILedger(t *testing.T) {
	w := newOrgWorld(t)
	ctx := context.Background()
	now := db.Now()
	var initiativeID, campaignID int64
	if err := w.d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok-baca', 'Pojok Baca', 'published', ?, ?) RETURNING id`, w.org.ID, now, now).Scan(&initiativeID); err != nil {
		t.Fatal(err)
	}
	if err := w.d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'buku-untuk-desa', 'Buku untuk desa', 'active', ?, ?) RETURNING id`, initiativeID, w.org.ID, now, now).Scan(&campaignID); err != nil {
		t.Fatal(err)
	}

	// Before any entry: an empty, good chain and nothing on the page.
	verify := func() map[string]any {
		t.Helper()
		res := w.get(t, "anon", "/api/v1/organizations/taman-baca/ledger/verify")
		if res.status != 200 {
			t.Fatalf("verify: %d %s", res.status, res.body)
		}
		v := decodeJSON(t, res.body)
		if keys(v) != "entries,first_bad,head,ok" {
			t.Errorf("verify keys %s", keys(v))
		}
		return v
	}
	if v := verify(); v["ok"] != true || v["entries"] != 0.0 || v["head"] != ledger.Genesis || v["first_bad"] != nil {
		t.Errorf("empty verify %v", v)
	}
	if res := w.get(t, "anon", "/api/v1/organizations/taman-baca/ledger"); res.status != 200 ||
		strings.TrimSpace(res.body) != `{"items":[],"next":null}` {
		t.Errorf("empty list %d %s", res.status, res.body)
	}
	if res := w.get(t, "anon", "/organisasi/taman-baca"); strings.Contains(res.body, "Periksa buku") {
		t.Error("the page links to empty books")
	}

	// 105 entries, one a day from 1 January 2025 at 20:00 UTC (03:00 WIB the
	// next day), then a reversal.
	start := time.Date(2025, 1, 1, 20, 0, 0, 0, time.UTC)
	var last *ledger.Entry
	for i := range 105 {
		e := ledger.Entry{OrgID: w.org.ID, RecordedAt: start.AddDate(0, 0, i), Kind: ledger.KindDonation,
			Amount: int64(10_000 + i), Category: ledger.CatProgram, Description: fmt.Sprintf("Donasi ke-%d", i+1)}
		switch i % 3 {
		case 0:
			e.CampaignID, e.Counterparty, e.SourceType, e.SourceID = campaignID, "Siti", "donation", int64(i+1)
		case 1:
			e.Kind, e.Amount, e.Category, e.ReceiptKey, e.RecordedBy = ledger.KindExpense, -e.Amount, ledger.CatOperasional, "receipts/nota.jpg", w.users["treasurer"].ID
		}
		if err := w.d.InTx(ctx, func(tx *db.Tx) error {
			var err error
			last, err = ledger.Append(ctx, tx, e)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		last, err = ledger.Reverse(ctx, tx, w.org.ID, 1, "Salah catat — ganda", w.users["treasurer"].ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}

	page := func(path string) ledgerPage {
		t.Helper()
		res := w.get(t, "anon", path)
		if res.status != 200 {
			t.Fatalf("%s: %d %s", path, res.status, res.body)
		}
		var p ledgerPage
		if err := json.Unmarshal([]byte(res.body), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := page("/api/v1/organizations/taman-baca/ledger")
	if len(first.Items) != 100 || first.Next == nil || *first.Next != "100" {
		t.Fatalf("first page: %d items, next %v", len(first.Items), first.Next)
	}
	second := page("/api/v1/organizations/taman-baca/ledger?cursor=" + url.QueryEscape(*first.Next))
	if len(second.Items) != 6 || second.Next != nil {
		t.Fatalf("second page: %d items, next %v", len(second.Items), second.Next)
	}
	// The whole chain checks out from the API alone.
	prev := ledger.Genesis
	for i, it := range append(first.Items, second.Items...) {
		if it.Seq != int64(i+1) || it.PrevHash != prev || it.recompute() != it.Hash {
			t.Fatalf("entry %d does not recompute from the API: %+v", i+1, it)
		}
		prev = it.Hash
	}
	one := first.Items[0]
	if one.Campaign == nil || *one.Campaign != "buku-untuk-desa" || one.Initiative == nil || *one.Initiative != "pojok-baca" ||
		one.Counterparty != "Siti" || one.Time != "2025-01-01T20:00:00.000000Z" || one.Amount != 10_000 {
		t.Errorf("entry 1: %+v", one)
	}
	if two := first.Items[1]; two.Campaign != nil || two.Amount != -10_001 || two.ReceiptKey == nil || two.Category != "operasional" {
		t.Errorf("entry 2: %+v", two)
	}
	rev := second.Items[5]
	if rev.Kind != "reversal" || rev.ReversesSeq == nil || *rev.ReversesSeq != 1 || rev.Amount != -10_000 || rev.Hash != last.Hash {
		t.Errorf("reversal: %+v", rev)
	}
	var raw map[string]any
	res := w.get(t, "anon", "/api/v1/organizations/taman-baca/ledger?cursor=105")
	_ = json.Unmarshal([]byte(res.body), &raw)
	item := raw["items"].([]any)[0].(map[string]any)
	if got := keys(item); got != "amount,campaign,campaign_id,category,counterparty,description,hash,initiative,initiative_id,kind,org_id,prev_hash,receipt_key,recorded_by,reverses_seq,seq,source_id,source_type,time" {
		t.Errorf("item keys %s", got)
	}

	// Periods are whole days in the organisation's zone (WIB): entry 1 is on
	// 2 January there.
	for _, tc := range []struct {
		query string
		seqs  []int64
	}{
		{"from=2025-01-02&to=2025-01-02", []int64{1}},
		{"from=2025-01-02&to=2025-01-04", []int64{1, 2, 3}},
		{"from=2025-04-15", []int64{104, 105, 106}}, // the reversal is recorded now
		{"to=2025-01-01", nil},
		{"from=2025-01-01T20:00:00Z&to=2025-01-02T20:00:00Z", []int64{1}},
		{"from=2025-01-02&cursor=1&to=2025-01-03", []int64{2}},
	} {
		p := page("/api/v1/organizations/taman-baca/ledger?" + tc.query)
		var seqs []int64
		for _, it := range p.Items {
			seqs = append(seqs, it.Seq)
		}
		if fmt.Sprint(seqs) != fmt.Sprint(tc.seqs) {
			t.Errorf("%s: seqs %v, want %v", tc.query, seqs, tc.seqs)
		}
	}

	for _, tc := range []struct {
		path   string
		status int
		code   string
		field  string
	}{
		{"/api/v1/organizations/taman-baca/ledger?from=2025-13-01", 400, "bad_request", "from"},
		{"/api/v1/organizations/taman-baca/ledger?from=kemarin", 400, "bad_request", "from"},
		{"/api/v1/organizations/taman-baca/ledger?to=2025-02-30", 400, "bad_request", "to"},
		{"/api/v1/organizations/taman-baca/ledger?from=2025-02-01&to=2025-01-01", 400, "bad_request", "to"},
		{"/api/v1/organizations/taman-baca/ledger?from=1900-01-01", 400, "bad_request", "from"},
		{"/api/v1/organizations/taman-baca/ledger?cursor=x", 400, "bad_request", "cursor"},
		{"/api/v1/organizations/taman-baca/ledger?cursor=0", 400, "bad_request", "cursor"},
		{"/api/v1/organizations/taman-baca/ledger?cursor=-3", 400, "bad_request", "cursor"},
		{"/api/v1/organizations/tidak-ada/ledger", 404, "not_found", ""},
		{"/api/v1/organizations/tidak-ada/ledger/verify", 404, "not_found", ""},
		{"/api/v1/organizations/ditolak/ledger", 404, "not_found", ""},
		{"/api/v1/organizations/ditolak/ledger/verify", 404, "not_found", ""},
	} {
		res := w.get(t, "anon", tc.path)
		body := decodeJSON(t, res.body)
		e, _ := body["error"].(map[string]any)
		if res.status != tc.status || e == nil || e["code"] != tc.code || !strings.Contains(fmt.Sprint(e["message"]), tc.field) {
			t.Errorf("%s: %d %v", tc.path, res.status, body)
		}
	}

	// Every role sees the same public books.
	for _, role := range []string{"anon", "viewer", "treasurer", "owner", "platform", "spare"} {
		if res := w.get(t, role, "/api/v1/organizations/taman-baca/ledger/verify"); res.status != 200 {
			t.Errorf("%s: verify %d", role, res.status)
		}
	}
	if v := verify(); v["ok"] != true || v["entries"] != 106.0 || v["head"] != last.Hash || v["first_bad"] != nil {
		t.Errorf("verify %v", v)
	}
	res = w.get(t, "anon", "/organisasi/taman-baca")
	if !strings.Contains(res.body, last.Hash) || !strings.Contains(res.body, `href="/organisasi/taman-baca/buku/periksa"`) ||
		!strings.Contains(res.body, "Periksa buku") {
		t.Errorf("the organisation's page lacks the head hash or the link")
	}
	// The page people open says the same as the API, in words, and
	// links to the API for programs.
	check := w.get(t, "anon", "/organisasi/taman-baca/buku/periksa")
	toolCheck(t, "books' check", check, http.StatusOK, "Buku utuh", "menghitung ulang 106 catatan", last.Hash,
		`href="/api/v1/organizations/taman-baca/ledger/verify"`)

	// A row changed in the database shows.
	if _, err := w.d.Exec(ctx, `UPDATE ledger_entries SET amount = -1 WHERE org_id = ? AND seq = 2`, w.org.ID); err != nil {
		t.Fatal(err)
	}
	if v := verify(); v["ok"] != false || v["first_bad"] != 2.0 || v["entries"] != 106.0 {
		t.Errorf("tampered verify %v", v)
	}
	toolCheck(t, "tampered books' check", w.get(t, "anon", "/organisasi/taman-baca/buku/periksa"), http.StatusOK,
		"Buku tidak utuh", "isi catatan tidak sesuai hash-nya pada catatan nomor 2")
}
