package db

import (
	"strings"
	"testing"
)

func TestTriggerSQL(t *testing.T) {
	tests := []struct {
		name string
		tr   Trigger
		d    Dialect
		want []string
	}{
		{"after, SQLite", Trigger{Name: "t_ins", Table: "gifts", Event: "INSERT", When: "NEW.ok", Body: []string{"A", "B"}}, SQLite,
			[]string{"CREATE TRIGGER t_ins AFTER INSERT ON gifts FOR EACH ROW WHEN NEW.ok BEGIN A; B; END"}},
		{"before delete, PostgreSQL", Trigger{Name: "t_del", Table: "gifts", Event: "DELETE", Before: true, Body: []string{"A"}}, Postgres,
			[]string{"CREATE FUNCTION t_del() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN A; RETURN OLD; END $fn$",
				"CREATE TRIGGER t_del BEFORE DELETE ON gifts FOR EACH ROW EXECUTE FUNCTION t_del()"}},
		{"before update, PostgreSQL", Trigger{Name: "t_upd", Table: "gifts", Event: "UPDATE OF amount", Before: true, Body: []string{"A"}}, Postgres,
			[]string{"CREATE FUNCTION t_upd() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN A; RETURN NEW; END $fn$",
				"CREATE TRIGGER t_upd BEFORE UPDATE OF amount ON gifts FOR EACH ROW EXECUTE FUNCTION t_upd()"}},
		{"deferred, PostgreSQL", Trigger{Name: "t_upd", Table: "gifts", Event: "UPDATE", When: "OLD.a <> NEW.a", Deferred: true, Body: []string{"A"}}, Postgres,
			[]string{"CREATE FUNCTION t_upd() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN A; RETURN NULL; END $fn$",
				"CREATE CONSTRAINT TRIGGER t_upd AFTER UPDATE ON gifts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.a <> NEW.a) EXECUTE FUNCTION t_upd()"}},
		{"deferred is PostgreSQL's alone", Trigger{Name: "t_upd", Table: "gifts", Event: "UPDATE", Deferred: true, Body: []string{"A"}}, SQLite,
			[]string{"CREATE TRIGGER t_upd AFTER UPDATE ON gifts FOR EACH ROW BEGIN A; END"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.tr.SQL(tt.d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
