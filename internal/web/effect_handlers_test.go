package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"lokadaya/internal/i18n"
)

func TestCampaignEffectPage(t *testing.T) {
	w := newDonationWorld(t)
	w.give(t, url.Values{"amount": {"100000"}, "name": {"Siti"}, "email": {"siti@example.org"}})
	id := w.pendingID(t)
	toolCheck(t, "confirm", w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil), http.StatusSeeOther)
	var amount int64
	if err := w.d.QueryRow(context.Background(), `SELECT amount FROM donations WHERE id = `+id).Scan(&amount); err != nil {
		t.Fatal(err)
	}
	w.flushVisits(t)
	visits := w.count(t, `SELECT COALESCE(SUM(count), 0) FROM campaign_visits`) // the donor's
	if visits == 0 {
		t.Fatal("no visit counted")
	}
	page := w.get(t, "viewer", campaignBase+"/"+w.campaign.Slug+"/efektivitas")
	toolCheck(t, "effect page", page, http.StatusOK,
		"Dana menurut cara bayar", "Transfer bank", i18n.Rupiah(amount),
		"belum tercapai — 2\u00a0% dari target", // Rp100.xxx of Rp5.000.000
		"Pendukung yang kembali", "Redistribusi biaya",
		i18n.PercentOf(i18n.ID, 1, int64(visits)), // one supporter
		"Pendukung menurut jenis dukungan", "Donatur dana", "Penjanji barang", "Relawan diterima",
		"Penawar keahlian/kemitraan", "Tanda tangan petisi", "penanda tangan petisi yang e-mailnya terverifikasi")
	// A gift that fills the target: the campaign began yesterday.
	w.give(t, url.Values{"amount_custom": {"5.000.000"}, "name": {"Toko Sinar Jaya"}})
	id = w.pendingID(t)
	toolCheck(t, "confirm", w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil), http.StatusSeeOther)
	toolCheck(t, "target reached", w.get(t, "viewer", campaignBase+"/"+w.campaign.Slug+"/efektivitas"), http.StatusOK,
		"1 hari (tercapai ")
	toolCheck(t, "effect page in English", w.get(t, "owner", campaignBase+"/"+w.campaign.Slug+"/efektivitas?lang=en"),
		http.StatusOK, "Money by way of payment", "1 day(s) (reached ")
}
