package campaign

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

const needColumns = `id, campaign_id, kind, title, description, target, unit, item_value, skills, schedule, place,
	petition_text, position`

func needs(ctx context.Context, q db.Querier, campaignID int64) ([]Need, error) {
	rows, err := q.Query(ctx, `SELECT `+needColumns+` FROM campaign_needs WHERE campaign_id = ? ORDER BY position, id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("campaign: needs: %w", err)
	}
	defer rows.Close()
	var out []Need
	for rows.Next() {
		var n Need
		if err := rows.Scan(&n.ID, &n.CampaignID, &n.Kind, &n.Title, &n.Description, &n.Target, &n.Unit, &n.ItemValue,
			&n.Skills, &n.Schedule, &n.Place, &n.PetitionText, &n.Position); err != nil {
			return nil, fmt.Errorf("campaign: needs: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// attachNeeds loads the needs of every campaign in list in one query.
func attachNeeds(ctx context.Context, q db.Querier, list []*Campaign) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*Campaign, len(list))
	args := make([]any, 0, len(list))
	for _, c := range list {
		byID[c.ID] = c
		c.Needs = nil
		args = append(args, c.ID)
	}
	rows, err := q.Query(ctx, `SELECT `+needColumns+` FROM campaign_needs WHERE campaign_id IN (`+db.Marks(len(args))+`)
		ORDER BY campaign_id, position, id`, args...)
	if err != nil {
		return fmt.Errorf("campaign: needs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n Need
		if err := rows.Scan(&n.ID, &n.CampaignID, &n.Kind, &n.Title, &n.Description, &n.Target, &n.Unit, &n.ItemValue,
			&n.Skills, &n.Schedule, &n.Place, &n.PetitionText, &n.Position); err != nil {
			return fmt.Errorf("campaign: needs: %w", err)
		}
		if c := byID[n.CampaignID]; c != nil {
			c.Needs = append(c.Needs, n)
		}
	}
	return rows.Err()
}

// marks is n comma-separated placeholders for an IN list.

// editable loads a campaign inside tx and refuses one that has ended or
// was cancelled.
func (s *Store) editable(ctx context.Context, tx *db.Tx, campaignID int64) (*Campaign, error) {
	c, err := s.get(ctx, tx, `id = ?`, campaignID)
	if err != nil {
		return nil, err
	}
	if !c.Editable() {
		return nil, validate.Errors{"status": "campaign.err.closed"}
	}
	return c, nil
}

// AddNeed appends a need to a campaign and returns its id.
func (s *Store) AddNeed(ctx context.Context, campaignID int64, in NeedInput) (int64, error) {
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := s.editable(ctx, tx, campaignID); err != nil {
			return err
		}
		var pos int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(position), 0) FROM campaign_needs WHERE campaign_id = ?`,
			campaignID).Scan(&pos); err != nil {
			return fmt.Errorf("campaign: add need: %w", err)
		}
		err := tx.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, description, target, unit, item_value,
			skills, schedule, place, petition_text, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			campaignID, in.Kind, in.Title, in.Description, in.Target, in.Unit, in.ItemValue, in.Skills, in.Schedule,
			in.Place, in.PetitionText, pos+1).Scan(&id)
		if err != nil {
			return fmt.Errorf("campaign: add need: %w", err)
		}
		return nil
	})
	return id, err
}

// UpdateNeed changes a need of the campaign; its kind may change too.
func (s *Store) UpdateNeed(ctx context.Context, campaignID, needID int64, in NeedInput) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := s.editable(ctx, tx, campaignID); err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE campaign_needs SET kind = ?, title = ?, description = ?, target = ?, unit = ?,
			item_value = ?, skills = ?, schedule = ?, place = ?, petition_text = ? WHERE id = ? AND campaign_id = ?`,
			in.Kind, in.Title, in.Description, in.Target, in.Unit, in.ItemValue, in.Skills, in.Schedule, in.Place,
			in.PetitionText, needID, campaignID)
		return oneRow(res, err, "update need")
	})
}

// RemoveNeed deletes a need; an active campaign keeps at least one.
func (s *Store) RemoveNeed(ctx context.Context, campaignID, needID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := s.editable(ctx, tx, campaignID)
		if err != nil {
			return err
		}
		if c.Status == StatusActive && len(c.Needs) <= 1 {
			return validate.Errors{"needs": "campaign.err.last_need"}
		}
		res, err := tx.Exec(ctx, `DELETE FROM campaign_needs WHERE id = ? AND campaign_id = ?`, needID, campaignID)
		return oneRow(res, err, "remove need")
	})
}

// MoveNeed moves a need one place up (delta < 0) or down (delta > 0),
// swapping it with its neighbour; at either end nothing changes.
func (s *Store) MoveNeed(ctx context.Context, campaignID, needID int64, delta int) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := s.editable(ctx, tx, campaignID)
		if err != nil {
			return err
		}
		at := -1
		for i, n := range c.Needs {
			if n.ID == needID {
				at = i
			}
		}
		if at < 0 {
			return db.ErrNotFound
		}
		to := at + 1
		if delta < 0 {
			to = at - 1
		}
		if to < 0 || to >= len(c.Needs) {
			return nil
		}
		list := c.Needs
		list[at], list[to] = list[to], list[at]
		// Renumbering every need also repairs equal positions.
		for i, n := range list {
			if _, err := tx.Exec(ctx, `UPDATE campaign_needs SET position = ? WHERE id = ?`, i+1, n.ID); err != nil {
				return fmt.Errorf("campaign: move need: %w", err)
			}
		}
		return nil
	})
}

// Need returns one need of the campaign.
func (s *Store) Need(ctx context.Context, campaignID, needID int64) (*Need, error) {
	var n Need
	err := s.DB.QueryRow(ctx, `SELECT `+needColumns+` FROM campaign_needs WHERE id = ? AND campaign_id = ?`, needID, campaignID).
		Scan(&n.ID, &n.CampaignID, &n.Kind, &n.Title, &n.Description, &n.Target, &n.Unit, &n.ItemValue,
			&n.Skills, &n.Schedule, &n.Place, &n.PetitionText, &n.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("campaign: need: %w", err)
	}
	return &n, nil
}

func oneRow(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("campaign: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("campaign: %s: %w", what, err)
	}
	if n == 0 {
		return db.ErrNotFound
	}
	return nil
}
