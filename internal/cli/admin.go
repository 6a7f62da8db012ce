package cli

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

func admin(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: lokadaya admin create --email EMAIL [--name NAME] [--password PW]")
	}
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	email := fs.String("email", "", "the admin's e-mail address")
	name := fs.String("name", "Admin Lokadaya", "the admin's name")
	password := fs.String("password", env("LOKADAYA_ADMIN_PASSWORD", ""), "password (LOKADAYA_ADMIN_PASSWORD); generated when empty")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !validate.Email(account.NormalizeEmail(*email)) {
		return errors.New("admin create: --email must be a valid e-mail address")
	}
	generated := *password == ""
	if generated {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		*password = base64.RawURLEncoding.EncodeToString(b)
	}
	d, _, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	store := &account.Store{DB: d}
	u, err := store.ByEmail(ctx, *email)
	switch {
	case errors.Is(err, db.ErrNotFound):
		u, err = store.Create(ctx, *email, *name, "", *password)
		if err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		generated = false // an existing account keeps its password
	}
	if err := store.SetAdmin(ctx, u.ID, true); err != nil {
		return err
	}
	if err := store.MarkVerified(ctx, u.ID); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "platform admin: %s\n", u.Email)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", *password)
	}
	return nil
}
