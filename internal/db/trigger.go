package db

import (
	"context"
	"fmt"
	"strings"
)

// Trigger is one FOR EACH ROW trigger, written once for both databases:
// its statements use only what SQLite's trigger bodies and PL/pgSQL both
// accept. On PostgreSQL it is a function and a trigger of one name.
type Trigger struct {
	Name, Table string
	Event       string // INSERT, UPDATE, UPDATE OF columns or DELETE
	When        string // the condition for it to run, if any
	Body        []string
	// Before runs it before the row's change rather than after.
	// PostgreSQL runs AFTER … FOR EACH ROW triggers at the end of the
	// statement, when every row it changes already has; a BEFORE trigger
	// sees the rows changed before its own, as SQLite's triggers do.
	Before bool
	// Deferred runs it at the commit on PostgreSQL (a constraint
	// trigger), so that what it records follows the order of commits.
	Deferred bool
}

// SQL is the statements that create t.
func (t Trigger) SQL(d Dialect) []string {
	timing, ret := "AFTER", "NULL"
	if t.Before {
		timing, ret = "BEFORE", "NEW"
		if t.Event == "DELETE" {
			ret = "OLD"
		}
	}
	if d == Postgres {
		create, when, deferrable := "CREATE TRIGGER ", "", ""
		if t.Deferred {
			create, deferrable = "CREATE CONSTRAINT TRIGGER ", " DEFERRABLE INITIALLY DEFERRED"
		}
		if t.When != "" {
			when = " WHEN (" + t.When + ")"
		}
		return []string{
			`CREATE FUNCTION ` + t.Name + `() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN ` +
				strings.Join(t.Body, "; ") + `; RETURN ` + ret + `; END $fn$`,
			create + t.Name + ` ` + timing + ` ` + t.Event + ` ON ` + t.Table + deferrable + ` FOR EACH ROW` + when +
				` EXECUTE FUNCTION ` + t.Name + `()`,
		}
	}
	when := ""
	if t.When != "" {
		when = " WHEN " + t.When
	}
	return []string{`CREATE TRIGGER ` + t.Name + ` ` + timing + ` ` + t.Event + ` ON ` + t.Table + ` FOR EACH ROW` + when +
		` BEGIN ` + strings.Join(t.Body, "; ") + `; END`}
}

// CreateTriggers creates the triggers in list.
func CreateTriggers(ctx context.Context, tx *Tx, list []Trigger) error {
	for _, t := range list {
		for _, q := range t.SQL(tx.Dialect) {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("db: trigger %s: %w", t.Name, err)
			}
		}
	}
	return nil
}

// DropTriggers drops the triggers in list that exist, as a bulk load does
// to set them aside until it has rebuilt what they keep.
func DropTriggers(ctx context.Context, tx *Tx, list []Trigger) error {
	for _, t := range list {
		q := `DROP TRIGGER IF EXISTS ` + t.Name
		if tx.Dialect == Postgres {
			q = `DROP FUNCTION IF EXISTS ` + t.Name + `() CASCADE`
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("db: drop trigger %s: %w", t.Name, err)
		}
	}
	return nil
}
