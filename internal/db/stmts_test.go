package db_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestPreparedStatementsStayCorrect runs the same texts again and again,
// in and out of transactions, across a schema change, while a loop over
// rows runs the same text inside it, and past the number of texts kept
// prepared: every answer is the one the data gives.
func TestPreparedStatementsStayCorrect(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Exec(ctx, `CREATE TABLE probe_stmts (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		const insert = `INSERT INTO probe_stmts (id, v) VALUES (?, ?)`
		const sum = `SELECT COALESCE(SUM(v), 0) FROM probe_stmts WHERE id <= ?`
		for i := 1; i <= 20; i++ {
			err := d.InTx(ctx, func(tx *db.Tx) error {
				if _, err := tx.Exec(ctx, insert, i, i); err != nil {
					return err
				}
				var inTx, want int64
				if err := tx.QueryRow(ctx, sum, i).Scan(&inTx); err != nil {
					return err
				}
				if want = int64(i * (i + 1) / 2); inTx != want {
					t.Errorf("in the transaction: sum %d after %d rows, want %d", inTx, i, want)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var got int64
			if err := d.QueryRow(ctx, sum, i).Scan(&got); err != nil || got != int64(i*(i+1)/2) {
				t.Fatalf("sum %d, %v after %d rows", got, err, i)
			}
		}

		// A loop over rows that runs the same single-row text inside it
		// (PostgreSQL runs one query at a time on a connection).
		err := d.InTx(ctx, func(tx *db.Tx) error {
			rows, err := tx.Query(ctx, `SELECT id FROM probe_stmts WHERE id <= ? ORDER BY id`, 5)
			if err != nil {
				return err
			}
			defer rows.Close()
			if d.Dialect == db.Postgres {
				return nil
			}
			seen := 0
			for rows.Next() {
				var id, v int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				if err := tx.QueryRow(ctx, `SELECT v FROM probe_stmts WHERE id = ?`, id).Scan(&v); err != nil || v != id {
					t.Errorf("row %d: v %d, %v", id, v, err)
				}
				seen++
			}
			if seen != 5 {
				t.Errorf("loop saw %d rows, want 5", seen)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}

		// A new column: statements prepared before see the new schema.
		if _, err := d.Exec(ctx, `ALTER TABLE probe_stmts ADD COLUMN w BIGINT NOT NULL DEFAULT 7`); err != nil {
			t.Fatal(err)
		}
		var got int64
		if err := d.QueryRow(ctx, sum, 20).Scan(&got); err != nil || got != 210 {
			t.Errorf("after the new column: sum %d, %v; want 210", got, err)
		}
		var w int64
		if err := d.QueryRow(ctx, `SELECT SUM(w) FROM probe_stmts`).Scan(&w); err != nil || w != 140 {
			t.Errorf("new column: sum %d, %v; want 140", w, err)
		}

		// More distinct texts than are kept prepared still run.
		for i := range 500 {
			var n int64
			q := `SELECT COUNT(*) + ` + strconv.Itoa(i) + ` FROM probe_stmts`
			if err := d.QueryRow(ctx, q).Scan(&n); err != nil || n != int64(20+i) {
				t.Fatalf("text %d: %d, %v", i, n, err)
			}
		}
		// A text that cannot be prepared reports its error.
		if _, err := d.Exec(ctx, `INSERT INTO no_such_table (id) VALUES (?)`, 1); err == nil {
			t.Error("insert into a missing table: no error")
		}
	})
}

// An EXPLAIN describes the schema as it is now: it is never kept
// prepared, since SQLite re-prepares a kept statement for a new schema
// only when the statement runs, which an EXPLAIN does not.
func TestExplainSeesTheSchemaAsItIs(t *testing.T) {
	d := dbtest.Open(t)
	if d.Dialect != db.SQLite {
		t.Skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's driver keeps its own statements")
	}
	ctx := context.Background()
	if _, err := d.Exec(ctx, `CREATE TABLE probe_plan (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	plan := func() string {
		t.Helper()
		rows, err := d.Query(ctx, `EXPLAIN QUERY PLAN SELECT id FROM probe_plan WHERE v = ?`, 1)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			out += detail + "\n"
		}
		return out
	}
	if _, err := d.Exec(ctx, `CREATE INDEX probe_plan_v ON probe_plan (v)`); err != nil {
		t.Fatal(err)
	}
	if p := plan(); !strings.Contains(p, "probe_plan_v") {
		t.Fatalf("plan with the index does not use it: %s", p)
	}
	if _, err := d.Exec(ctx, `DROP INDEX probe_plan_v`); err != nil {
		t.Fatal(err)
	}
	if p := plan(); strings.Contains(p, "probe_plan_v") {
		t.Errorf("plan after the index was dropped still uses it: %s", p)
	}
}
