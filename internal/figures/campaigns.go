package figures

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// Campaign money is kept the same way as the region figures: a big
// campaign has tens of thousands of donations, and its page, its card in
// every list and the API read its totals on every view. Three tables,
// maintained by triggers in the transaction of the donation that changes
// them:
//
//   - campaign_money: per campaign, the confirmed and pending rupiah and
//     the distinct donors of confirmed donations;
//   - campaign_donors: per campaign and donor (DonorKey), how many of the
//     donor's donations are confirmed; a donor counts while it is above 0;
//   - need_money: per need, the confirmed rupiah given to it.
//
// Every change is "take the old row's part off, add the new row's", so a
// donation confirmed, refused, expired, moved to another need, its donor
// erased, or deleted keeps the totals exact.

// DonorKey names a donor across donations, for a row (NEW, OLD or a
// table alias) of donations: the e-mail, else the phone, else the
// donation itself (one donation, one donor).
func DonorKey(row string) string {
	return `CASE WHEN ` + row + `.contact_email <> '' THEN ` + row + `.contact_email WHEN ` + row +
		`.contact_phone <> '' THEN ` + row + `.contact_phone ELSE 'd' || CAST(` + row + `.id AS TEXT) END`
}

// CampaignSchema creates the campaign money tables, fills them from the
// rows and installs their triggers; it is the migration that introduces
// them.
func CampaignSchema(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`CREATE TABLE campaign_money (
			campaign_id BIGINT PRIMARY KEY,
			confirmed   BIGINT NOT NULL DEFAULT 0,
			pending     BIGINT NOT NULL DEFAULT 0,
			donors      BIGINT NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE campaign_donors (
			campaign_id BIGINT NOT NULL,
			donor_key   TEXT NOT NULL,
			gifts       BIGINT NOT NULL DEFAULT 0,
			PRIMARY KEY (campaign_id, donor_key)
		)`,
		`CREATE TABLE need_money (
			need_id   BIGINT PRIMARY KEY,
			confirmed BIGINT NOT NULL DEFAULT 0
		)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: campaign schema: %w", err)
		}
	}
	if err := RebuildCampaigns(ctx, tx); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, campaignTriggers())
}

// RebuildCampaigns recomputes the campaign money tables from the
// donations.
func RebuildCampaigns(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`DELETE FROM campaign_money`,
		`DELETE FROM campaign_donors`,
		`DELETE FROM need_money`,
		`INSERT INTO campaign_money (campaign_id) SELECT id FROM campaigns`,
		`INSERT INTO need_money (need_id) SELECT id FROM campaign_needs`,
		`INSERT INTO campaign_donors (campaign_id, donor_key, gifts) SELECT d.campaign_id, ` + DonorKey("d") + `, COUNT(*)
			FROM donations d WHERE d.status = 'confirmed' GROUP BY 1, 2`,
		`UPDATE campaign_money SET confirmed = s.confirmed, pending = s.pending FROM (SELECT campaign_id,
			SUM(CASE WHEN status = 'confirmed' THEN amount ELSE 0 END) AS confirmed,
			SUM(CASE WHEN status = 'pending' THEN amount ELSE 0 END) AS pending
			FROM donations GROUP BY campaign_id) s WHERE campaign_money.campaign_id = s.campaign_id`,
		`UPDATE campaign_money SET donors = s.donors FROM (SELECT campaign_id, COUNT(*) AS donors
			FROM campaign_donors GROUP BY campaign_id) s WHERE campaign_money.campaign_id = s.campaign_id`,
		`UPDATE need_money SET confirmed = s.confirmed FROM (SELECT need_id, SUM(amount) AS confirmed FROM donations
			WHERE status = 'confirmed' AND need_id IS NOT NULL GROUP BY need_id) s WHERE need_money.need_id = s.need_id`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: rebuild campaigns: %w", err)
		}
	}
	return nil
}

// counted is the condition for a donation row to add to the totals.
func counted(row string) string { return row + `.status IN ('confirmed', 'pending')` }

// addDonation adds a donation row's part to the totals; the donor is
// counted when their first confirmed donation arrives. The donor's row
// is changed before campaign_money reads it, so that on PostgreSQL a
// concurrent confirmation by the same donor waits on that row and then
// sees the other's count.
func addDonation(row string) []string {
	key, confirmed := DonorKey(row), row+`.status = 'confirmed'`
	donor := `campaign_id = ` + row + `.campaign_id AND donor_key = ` + key
	return []string{
		`INSERT INTO campaign_donors (campaign_id, donor_key, gifts) SELECT ` + row + `.campaign_id, ` + key + `, 1
			WHERE ` + confirmed + ` ON CONFLICT (campaign_id, donor_key) DO UPDATE SET gifts = campaign_donors.gifts + 1`,
		`UPDATE campaign_money SET confirmed = confirmed + CASE WHEN ` + confirmed + ` THEN ` + row + `.amount ELSE 0 END,
			pending = pending + CASE WHEN ` + row + `.status = 'pending' THEN ` + row + `.amount ELSE 0 END,
			donors = donors + CASE WHEN ` + confirmed + ` AND (SELECT gifts FROM campaign_donors WHERE ` + donor + `) = 1
				THEN 1 ELSE 0 END
			WHERE campaign_id = ` + row + `.campaign_id`,
		`UPDATE need_money SET confirmed = confirmed + ` + row + `.amount WHERE need_id = ` + row + `.need_id AND ` + confirmed,
	}
}

// takeDonation takes a donation row's part off the totals; the donor
// stops counting with their last confirmed donation.
func takeDonation(row string) []string {
	key, confirmed := DonorKey(row), row+`.status = 'confirmed'`
	donor := `campaign_id = ` + row + `.campaign_id AND donor_key = ` + key
	return []string{
		`UPDATE campaign_donors SET gifts = gifts - 1 WHERE ` + donor + ` AND ` + confirmed,
		`UPDATE campaign_money SET confirmed = confirmed - CASE WHEN ` + confirmed + ` THEN ` + row + `.amount ELSE 0 END,
			pending = pending - CASE WHEN ` + row + `.status = 'pending' THEN ` + row + `.amount ELSE 0 END,
			donors = donors - CASE WHEN ` + confirmed + ` AND (SELECT gifts FROM campaign_donors WHERE ` + donor + `) = 0
				THEN 1 ELSE 0 END
			WHERE campaign_id = ` + row + `.campaign_id`,
		`UPDATE need_money SET confirmed = confirmed - ` + row + `.amount WHERE need_id = ` + row + `.need_id AND ` + confirmed,
		`DELETE FROM campaign_donors WHERE ` + donor + ` AND gifts = 0 AND ` + confirmed,
	}
}

// sameGift is true when a donation's update leaves its campaign, need,
// amount and donor as they were: only its status may have moved, as
// when a payment is confirmed.
func sameGift() string {
	return `OLD.campaign_id = NEW.campaign_id AND OLD.amount = NEW.amount AND ` + unchanged("ROW.need_id") +
		` AND ` + DonorKey("OLD") + ` = ` + DonorKey("NEW")
}

// statusChange moves the totals of a donation whose status alone
// changed, in four statements where taking the old row off and adding
// the new one takes seven. gained is 1 when it became confirmed, -1 when
// it stopped being confirmed, 0 otherwise. The donor's row is changed
// before campaign_money reads it, as in addDonation.
func statusChange() []string {
	gained := `(CASE WHEN NEW.status = 'confirmed' THEN 1 ELSE 0 END - CASE WHEN OLD.status = 'confirmed' THEN 1 ELSE 0 END)`
	key := DonorKey("NEW")
	donor := `campaign_id = NEW.campaign_id AND donor_key = ` + key
	part := func(row, status string) string {
		return `CASE WHEN ` + row + `.status = '` + status + `' THEN ` + row + `.amount ELSE 0 END`
	}
	return []string{
		`INSERT INTO campaign_donors (campaign_id, donor_key, gifts) SELECT NEW.campaign_id, ` + key + `, ` + gained + `
			WHERE ` + gained + ` <> 0
			ON CONFLICT (campaign_id, donor_key) DO UPDATE SET gifts = campaign_donors.gifts + excluded.gifts`,
		`UPDATE campaign_money SET confirmed = confirmed + (` + part("NEW", "confirmed") + `) - (` + part("OLD", "confirmed") + `),
			pending = pending + (` + part("NEW", "pending") + `) - (` + part("OLD", "pending") + `),
			donors = donors + CASE ` + gained + `
				WHEN 1 THEN CASE WHEN (SELECT gifts FROM campaign_donors WHERE ` + donor + `) = 1 THEN 1 ELSE 0 END
				WHEN -1 THEN CASE WHEN (SELECT gifts FROM campaign_donors WHERE ` + donor + `) = 0 THEN -1 ELSE 0 END
				ELSE 0 END
			WHERE campaign_id = NEW.campaign_id`,
		`UPDATE need_money SET confirmed = confirmed + ` + gained + ` * NEW.amount WHERE need_id = NEW.need_id AND ` + gained + ` <> 0`,
		`DELETE FROM campaign_donors WHERE ` + donor + ` AND gifts = 0 AND ` + gained + ` = -1`,
	}
}

func campaignTriggers() []db.Trigger {
	return []db.Trigger{
		{Name: "figures_campaign_ins", Table: "campaigns", Event: "INSERT",
			Body: []string{`INSERT INTO campaign_money (campaign_id) VALUES (NEW.id)`}},
		{Name: "figures_campaign_del", Table: "campaigns", Event: "DELETE",
			Body: []string{`DELETE FROM campaign_money WHERE campaign_id = OLD.id`,
				`DELETE FROM campaign_donors WHERE campaign_id = OLD.id`}},
		{Name: "figures_need_ins", Table: "campaign_needs", Event: "INSERT",
			Body: []string{`INSERT INTO need_money (need_id) VALUES (NEW.id)`}},
		{Name: "figures_need_del", Table: "campaign_needs", Event: "DELETE",
			Body: []string{`DELETE FROM need_money WHERE need_id = OLD.id`}},
		{Name: "figures_gift_ins", Table: "donations", Event: "INSERT", When: counted("NEW"),
			Body: addDonation("NEW")},
		{Name: "figures_gift_upd", Table: "donations",
			Event: "UPDATE OF status, amount, campaign_id, need_id, contact_email, contact_phone",
			When:  "((" + counted("OLD") + ") OR (" + counted("NEW") + ")) AND NOT (" + sameGift() + ")",
			Body:  append(takeDonation("OLD"), addDonation("NEW")...)},
		{Name: "figures_gift_status", Table: "donations",
			Event: "UPDATE OF status, amount, campaign_id, need_id, contact_email, contact_phone",
			When:  "((" + counted("OLD") + ") OR (" + counted("NEW") + ")) AND " + sameGift(),
			Body:  statusChange()},
		{Name: "figures_gift_del", Table: "donations", Event: "DELETE", When: counted("OLD"),
			Body: takeDonation("OLD")},
	}
}
