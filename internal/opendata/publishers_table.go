package opendata

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// open_publishers holds the organisations that are publishers (see
// publishes) with their data licence. Counting publishers, listing the
// licences in use and paging the catalogue read it instead of checking
// every organisation's initiatives and campaigns, which at national scale
// (100,000 organisations) took a CKAN package_search hundreds of
// milliseconds. Triggers refresh an organisation's row in the transaction
// of any write that can change it: the organisation's status or licence,
// an initiative or a campaign of it created, moved, published or deleted.

// refreshPublisher brings the row of organisation id (an SQL expression)
// up to date: removed unless it publishes, else written with its licence.
func refreshPublisher(id string) []string {
	return []string{
		`DELETE FROM open_publishers WHERE org_id = ` + id + ` AND NOT EXISTS (SELECT 1 FROM organizations o
			WHERE o.id = ` + id + ` AND ` + publishes + `)`,
		`INSERT INTO open_publishers (org_id, licence) SELECT o.id, o.data_licence FROM organizations o
			WHERE o.id = ` + id + ` AND ` + publishes + ` ON CONFLICT (org_id) DO UPDATE SET licence = excluded.licence`,
	}
}

func publisherTriggers() []db.Trigger {
	var out []db.Trigger
	for _, t := range []struct{ table, org string }{{"initiatives", "org_id"}, {"campaigns", "org_id"}, {"organizations", "id"}} {
		cols := "status, org_id"
		if t.table == "organizations" {
			cols = "status, data_licence"
		}
		out = append(out,
			db.Trigger{Name: "publishers_" + t.table + "_ins", Table: t.table, Event: "INSERT", Body: refreshPublisher("NEW." + t.org)},
			db.Trigger{Name: "publishers_" + t.table + "_upd", Table: t.table, Event: "UPDATE OF " + cols,
				Body: append(refreshPublisher("OLD."+t.org), refreshPublisher("NEW."+t.org)...)},
			db.Trigger{Name: "publishers_" + t.table + "_del", Table: t.table, Event: "DELETE", Body: refreshPublisher("OLD." + t.org)})
	}
	return out
}

// PublishersSchema creates open_publishers, fills it and installs its
// triggers; it is the migration that introduces it.
func PublishersSchema(ctx context.Context, tx *db.Tx) error {
	qs := []string{
		`CREATE TABLE open_publishers (
			org_id  BIGINT PRIMARY KEY,
			licence TEXT NOT NULL
		)`,
		`CREATE INDEX open_publishers_licence ON open_publishers (licence)`,
		`INSERT INTO open_publishers (org_id, licence) SELECT o.id, o.data_licence FROM organizations o WHERE ` + publishes,
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("opendata: publishers schema: %w", err)
		}
	}
	return db.CreateTriggers(ctx, tx, publisherTriggers())
}

// BulkPublishers runs load, a bulk load of organisations, initiatives and
// campaigns, with the open_publishers triggers set aside, then fills the
// table once from what was loaded and puts the triggers back. Row by row
// they check every new row's organisation again; on PostgreSQL their plans,
// made while the tables were empty, scan whole tables, so a national-scale
// load grew quadratic.
func BulkPublishers(ctx context.Context, d *db.DB, load func() error) error {
	triggers := publisherTriggers()
	if err := d.InTx(ctx, func(tx *db.Tx) error { return db.DropTriggers(ctx, tx, triggers) }); err != nil {
		return err
	}
	loadErr := load()
	err := d.InTx(context.WithoutCancel(ctx), func(tx *db.Tx) error {
		for _, q := range []string{`DELETE FROM open_publishers`,
			`INSERT INTO open_publishers (org_id, licence) SELECT o.id, o.data_licence FROM organizations o WHERE ` + publishes} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return db.CreateTriggers(ctx, tx, triggers)
	})
	if loadErr != nil {
		return loadErr
	}
	if err != nil {
		return fmt.Errorf("opendata: rebuild publishers: %w", err)
	}
	return nil
}
