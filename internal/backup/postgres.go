package backup

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"lokadaya/internal/db"
)

// backupPostgres runs pg_dump in its custom format. The row counts and
// the dump read the same snapshot: a repeatable-read transaction exports
// it, counts through it, and stays open while pg_dump --snapshot reads it.
func backupPostgres(ctx context.Context, d *db.DB, to string, m *Manifest) error {
	pgDump, err := exec.LookPath("pg_dump")
	if err != nil {
		return errTool("pg_dump", err)
	}
	tx, err := d.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only; ending it is enough
	var snapshot string
	if err := tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		return fmt.Errorf("export snapshot: %w", err)
	}
	if err := describe(ctx, tx, m); err != nil {
		return err
	}
	path := filepath.Join(to, PostgresFile)
	if err := runPG(ctx, pgDump, d.URL, "--format=custom", "--no-owner", "--no-privileges",
		"--snapshot="+snapshot, "--file="+path); err != nil {
		return fmt.Errorf("pg_dump: %w", err)
	}
	p, err := hashFile(path)
	if err != nil {
		return err
	}
	p.Path = PostgresFile
	m.Database = p
	return nil
}

// restorePostgres loads the dump into the empty database at dbURL in one
// transaction: it is all there or not at all.
func restorePostgres(ctx context.Context, dump, dbURL string) error {
	pgRestore, err := exec.LookPath("pg_restore")
	if err != nil {
		return errTool("pg_restore", err)
	}
	if err := runPG(ctx, pgRestore, dbURL, "--no-owner", "--no-privileges", "--exit-on-error",
		"--single-transaction", dump); err != nil {
		return fmt.Errorf("pg_restore: %w", err)
	}
	return nil
}

// dropPostgresTables empties the database for a forced restore: the
// public schema, where the migrations put everything, is dropped and made
// again in one transaction.
func dropPostgresTables(ctx context.Context, dbURL string) error {
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.InTx(ctx, func(tx *db.Tx) error {
		for _, s := range []string{`DROP SCHEMA IF EXISTS public CASCADE`, `CREATE SCHEMA public`} {
			if _, err := tx.Exec(ctx, s); err != nil {
				return fmt.Errorf("empty the database: %w", err)
			}
		}
		return nil
	})
}

// postgresTables counts the tables outside PostgreSQL's own schemas.
func postgresTables(ctx context.Context, dbURL string) (int, error) {
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var n int
	err = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_tables
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`).Scan(&n)
	return n, err
}

// runPG runs a PostgreSQL client program against dbURL. The password goes
// through the environment, not the command line others can read, and
// the URL keeps only the parameters libpq knows (pgx passes any other as
// a server setting; libpq refuses them).
func runPG(ctx context.Context, program, dbURL string, args ...string) error {
	conn, password, err := libpqURL(dbURL)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, program, append([]string{"--dbname=" + conn}, args...)...)
	cmd.Env = os.Environ()
	if password != "" {
		cmd.Env = append(cmd.Env, "PGPASSWORD="+password)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("%w: %s", err, msg)
		}
		return err
	}
	return nil
}

// libpqParams are the connection parameters libpq reads from a URL.
var libpqParams = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "passfile": true,
	"channel_binding": true, "connect_timeout": true, "client_encoding": true, "options": true,
	"application_name": true, "fallback_application_name": true, "keepalives": true,
	"keepalives_idle": true, "keepalives_interval": true, "keepalives_count": true,
	"tcp_user_timeout": true, "sslmode": true, "sslcompression": true, "sslcert": true, "sslkey": true,
	"sslpassword": true, "sslrootcert": true, "sslcrl": true, "sslcrldir": true, "sslsni": true,
	"requirepeer": true, "ssl_min_protocol_version": true, "ssl_max_protocol_version": true,
	"gssencmode": true, "krbsrvname": true, "gsslib": true, "service": true, "target_session_attrs": true,
}

// libpqURL splits dbURL into a URL without its password and the password.
func libpqURL(dbURL string) (conn, password string, err error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", "", fmt.Errorf("database URL: %w", err)
	}
	if p, ok := u.User.Password(); ok {
		password = p
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	for k := range q {
		if !libpqParams[k] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), password, nil
}
