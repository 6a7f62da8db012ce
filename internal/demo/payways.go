package demo

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/gateway"
	"lokadaya/internal/payment"
	"lokadaya/internal/qris"
)

// demoQRISGifts are paid by QRIS; the last stays pending for the
// treasurer to confirm.
var demoQRISGifts = []donation.Input{
	{Amount: 35_000, Name: "Nur Aini", Message: "Bayar pakai QRIS, gampang."},
	{Amount: 120_000, Anonymous: true},
	{Amount: 20_000, Name: "Dimas"},
}

// demoGatewayGifts are paid through the sandbox gateway; the last stays
// pending, as if its payer had not finished on the gateway's page.
var demoGatewayGifts = []donation.Input{
	{Amount: 200_000, Name: "Wulan Sari", Message: "Lewat kartu, semoga bermanfaat.", Email: "wulan.contoh@example.org"},
	{Amount: 60_000, Anonymous: true},
	{Amount: 90_000, Name: "Komunitas Pesepeda Pagi"},
}

// payOtherWays gives the demo campaigns with a money need donations by
// QRIS (the organisation's static QRIS saved and confirmed first) and
// through the sandbox gateway, so that every way to pay has supporters.
// Gateway payments are settled by a signed notification, read and applied
// the way the sandbox's notifications are.
func payOtherWays(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	payments := &payment.Store{DB: d}
	donations := &donation.Store{DB: d}
	for slug, acc := range demoAccounts {
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, slug).Scan(&orgID); err != nil {
			return fmt.Errorf("demo: payments for %s: %w", slug, err)
		}
		campaignID, needID, err := moneyNeed(ctx, d, orgID)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		owner := users[ownerOf(slug)]
		actor := payment.Actor{ID: owner.ID, Name: owner.Name}
		code, err := demoStaticQRIS(acc.AccountName, orgID)
		if err != nil {
			return err
		}
		if _, err := payments.SetQRIS(ctx, actor, orgID, code); err != nil {
			return fmt.Errorf("demo: qris of %s: %w", slug, err)
		}
		if err := payments.ConfirmQRIS(ctx, actor, orgID, code); err != nil {
			return fmt.Errorf("demo: qris of %s: %w", slug, err)
		}
		target := donation.Target{CampaignID: campaignID, NeedID: needID, OrgID: orgID, Method: donation.MethodQRIS}
		for i, in := range demoQRISGifts {
			in.Token = fmt.Sprintf("demo-qris-%s-%d", slug, i)
			gift, _, err := donations.Create(ctx, target, in)
			if err != nil {
				return fmt.Errorf("demo: qris donation to %s: %w", slug, err)
			}
			if i == len(demoQRISGifts)-1 {
				continue
			}
			if _, err := donations.Confirm(ctx, orgID, gift.ID, donation.Actor{ID: owner.ID, Name: owner.Name}); err != nil {
				return fmt.Errorf("demo: confirm qris donation to %s: %w", slug, err)
			}
		}
		target.Method = donation.MethodGateway
		for i, in := range demoGatewayGifts {
			in.Token = fmt.Sprintf("demo-gateway-%s-%d", slug, i)
			gift, _, err := donations.Create(ctx, target, in)
			if err != nil {
				return fmt.Errorf("demo: gateway donation to %s: %w", slug, err)
			}
			if i == len(demoGatewayGifts)-1 {
				continue
			}
			if err := settle(ctx, donations, gift); err != nil {
				return fmt.Errorf("demo: settle gateway donation to %s: %w", slug, err)
			}
		}
	}
	return nil
}

// sandboxServerKey is the key the sandbox gateway signs with, as the
// server reads it.
func sandboxServerKey() string {
	if k := os.Getenv("LOKADAYA_GATEWAY_SERVER_KEY"); k != "" {
		return k
	}
	return "sandbox-server-key"
}

// settle writes the sandbox gateway's settlement notification for gift,
// signed, then reads and applies it like the notification endpoint does.
func settle(ctx context.Context, donations *donation.Store, gift *donation.Donation) error {
	key := sandboxServerKey()
	order, amount := strconv.FormatInt(gift.ID, 10), gateway.FormatAmount(gift.Amount)
	body, err := json.Marshal(map[string]string{
		"order_id": order, "status_code": "200", "gross_amount": amount, "currency": "IDR",
		"transaction_status": "settlement", "payment_type": "bank_transfer", "transaction_id": "demo-" + order,
		"signature_key": gateway.Signature(order, "200", amount, key),
	})
	if err != nil {
		return err
	}
	n, err := gateway.ParseNotification(body, key)
	if err != nil {
		return err
	}
	_, _, err = donations.ApplyNotification(ctx, donation.ProviderSandbox, n)
	return err
}

// demoStaticQRIS builds a static QRIS for a demo organisation: merchant
// name, city, currency and country, with its CRC.
func demoStaticQRIS(name string, orgID int64) (string, error) {
	name = strings.ToUpper(name)
	if len(name) > 25 {
		name = strings.TrimSpace(name[:25])
	}
	var b strings.Builder
	field := func(id, v string) { fmt.Fprintf(&b, "%s%02d%s", id, len(v), v) }
	nested := func(parts ...string) string {
		var s strings.Builder
		for i := 0; i+1 < len(parts); i += 2 {
			fmt.Fprintf(&s, "%s%02d%s", parts[i], len(parts[i+1]), parts[i+1])
		}
		return s.String()
	}
	field("00", "01")
	field("01", qris.PointStatic)
	field("26", nested("00", "ID.CO.CONTOH.WWW", "01", fmt.Sprintf("9360000%012d", orgID)))
	field("51", nested("00", "ID.CO.QRIS.WWW", "02", fmt.Sprintf("ID10200%08d", orgID), "03", "UMI"))
	field("52", "8398")
	field("53", "360")
	field("58", "ID")
	field("59", name)
	field("60", "DEMO")
	b.WriteString("6304")
	s := b.String()
	s += fmt.Sprintf("%04X", qris.CRC16([]byte(s)))
	if _, err := qris.Parse(s); err != nil {
		return "", fmt.Errorf("demo: static qris: %w", err)
	}
	return s, nil
}
