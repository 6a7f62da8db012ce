package backup_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/backup"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/org"
)

// fixture is an organisation with an active campaign, its dana need and
// a bank account, and a treasurer who confirms.
type fixture struct {
	target donation.Target
	actor  donation.Actor
}

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{actor: donation.Actor{ID: u.ID, Name: u.Name}}
	f.target.OrgID = o.ID
	now := db.Now()
	var initID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'buku', 'Buku', 'active', ?, ?) RETURNING id`, initID, o.ID, now, now).Scan(&f.target.CampaignID); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target)
		VALUES (?, 'dana', 'Buku', 500000000) RETURNING id`, f.target.CampaignID).Scan(&f.target.NeedID); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO org_bank_accounts (org_id, bank, account_number, account_name, created_at)
		VALUES (?, 'bca', '1234567890', 'OMS', ?) RETURNING id`, o.ID, now).Scan(&f.target.BankAccountID); err != nil {
		t.Fatal(err)
	}
	return f
}

// acked is what the donation store acknowledged to its callers so far.
type acked struct {
	mu        sync.Mutex
	created   map[int64]int64 // id → amount to pay, pending or later confirmed
	confirmed map[int64]int64 // id → amount, confirmed
}

func (a *acked) snapshot() (created, confirmed map[int64]int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	created, confirmed = make(map[int64]int64), make(map[int64]int64)
	for k, v := range a.created {
		created[k] = v
	}
	for k, v := range a.confirmed {
		confirmed[k] = v
	}
	return created, confirmed
}

// donate runs workers that create donations and confirm every other one
// until stop closes; each one is recorded once the store has returned.
func donate(t *testing.T, d *db.DB, f fixture, workers int, stop <-chan struct{}) (*acked, *sync.WaitGroup) {
	a := &acked{created: map[int64]int64{}, confirmed: map[int64]int64{}}
	store := &donation.Store{DB: d}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				n := w*100_000 + i
				amount := int64(10_000 + 1_000*(n%50))
				in := donation.Input{Amount: amount, AmountRaw: fmt.Sprint(amount), Name: "Siti",
					Email: "siti@example.org", Token: fmt.Sprintf("token-%012d-backup", n)}
				dn, _, err := store.Create(ctx, f.target, in)
				if err != nil {
					t.Errorf("create: %v", err)
					return
				}
				a.mu.Lock()
				a.created[dn.ID] = dn.Amount
				a.mu.Unlock()
				if i%2 == 1 {
					continue
				}
				if _, err := store.Confirm(ctx, f.target.OrgID, dn.ID, f.actor); err != nil {
					t.Errorf("confirm: %v", err)
					return
				}
				a.mu.Lock()
				a.confirmed[dn.ID] = dn.Amount
				a.mu.Unlock()
			}
		}()
	}
	return a, &wg
}

// uploads makes an uploads directory with a few files, nested.
func uploads(t *testing.T) (dir string, files map[string]string) {
	dir = filepath.Join(t.TempDir(), "uploads")
	files = map[string]string{"logo/oms.png": "png bytes", "receipts/2026/12/a.jpg": "jpeg bytes", "top.txt": ""}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return dir, files
}

// TestBackupUnderDonationsRestores backs up while donations are created
// and confirmed, restores into an empty database, and finds every
// donation acknowledged before the backup began, booked once, with a
// ledger that verifies.
func TestBackupUnderDonationsRestores(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		uploadsDir, files := uploads(t)
		stop := make(chan struct{})
		a, wg := donate(t, d, f, 4, stop)
		for {
			_, confirmed := a.snapshot()
			if len(confirmed) >= 20 || t.Failed() {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		created, confirmed := a.snapshot()
		to := filepath.Join(t.TempDir(), "backup")
		m, err := backup.Backup(ctx, d, to, backup.Options{UploadsDir: uploadsDir})
		// A few more after the backup, so that it is taken mid-stream.
		after, _ := a.snapshot()
		for len(after) < len(created)+10 && !t.Failed() {
			time.Sleep(5 * time.Millisecond)
			after, _ = a.snapshot()
		}
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if !m.UploadsIncluded || len(m.Uploads) != len(files) {
			t.Fatalf("uploads in manifest: %+v", m.Uploads)
		}

		target := dbtest.EmptyURL(t, d.Dialect)
		restoredUploads := filepath.Join(t.TempDir(), "restored-uploads")
		rep, err := backup.Restore(ctx, to, target, restoredUploads, backup.RestoreOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Uploads != len(files) || len(rep.Chains) == 0 || rep.BadChains() != 0 {
			t.Fatalf("report: uploads %d, chains %+v", rep.Uploads, rep.Chains)
		}
		for name, body := range files {
			got, err := os.ReadFile(filepath.Join(restoredUploads, filepath.FromSlash(name)))
			if err != nil || string(got) != body {
				t.Errorf("upload %s: %q, %v", name, got, err)
			}
		}

		r, err := db.Open(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for id, amount := range created {
			var status string
			var got int64
			if err := r.QueryRow(ctx, `SELECT status, amount FROM donations WHERE id = ?`, id).Scan(&status, &got); err != nil {
				t.Fatalf("donation %d acknowledged before the backup: %v", id, err)
			}
			if got != amount {
				t.Errorf("donation %d: amount %d, want %d", id, got, amount)
			}
			if _, ok := confirmed[id]; ok && status != donation.StatusConfirmed {
				t.Errorf("donation %d confirmed before the backup is %s", id, status)
			}
		}
		for id := range confirmed {
			var n int
			if err := r.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries
				WHERE source_type = 'donation' AND source_id = ? AND kind = 'donation'`, id).Scan(&n); err != nil || n != 1 {
				t.Errorf("donation %d booked %d time(s), %v", id, n, err)
			}
		}
		// Totals: the restored confirmed donations and their ledger agree.
		var donated, booked, nDonated, nBooked int64
		if err := r.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM donations WHERE status = 'confirmed'`).Scan(&donated, &nDonated); err != nil {
			t.Fatal(err)
		}
		if err := r.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM ledger_entries WHERE kind = 'donation'`).Scan(&booked, &nBooked); err != nil {
			t.Fatal(err)
		}
		if donated != booked || nDonated != nBooked || nDonated < int64(len(confirmed)) {
			t.Errorf("confirmed %d (%d rows), booked %d (%d entries), acknowledged %d", donated, nDonated, booked, nBooked, len(confirmed))
		}
		if rep.RowCounts["donations"] < int64(len(created)) {
			t.Errorf("restored %d donations, %d acknowledged before the backup", rep.RowCounts["donations"], len(created))
		}
		t.Logf("acknowledged before backup: %d created, %d confirmed; in backup: %d donations, %d ledger entries",
			len(created), len(confirmed), m.RowCounts["donations"], m.RowCounts["ledger_entries"])
	})
}

// TestRestoreRefuses: a restore refuses a database or uploads directory
// that holds something, and a backup changed after it was made.
func TestRestoreRefuses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		setup(t, d)
		uploadsDir, _ := uploads(t)
		to := filepath.Join(t.TempDir(), "backup")
		m, err := backup.Backup(ctx, d, to, backup.Options{UploadsDir: uploadsDir})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := backup.Backup(ctx, d, to, backup.Options{}); err == nil {
			t.Error("a second backup into the same directory was written")
		}
		// tamper copies the backup and changes one byte of a part.
		tamper := func(t *testing.T, part string) string {
			cp := filepath.Join(t.TempDir(), "copy")
			if err := os.CopyFS(cp, os.DirFS(to)); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(cp, filepath.FromSlash(part))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b[len(b)/2] ^= 0x01
			if err := os.WriteFile(p, b, 0o640); err != nil {
				t.Fatal(err)
			}
			return cp
		}
		// newer copies the backup with a schema version from the future.
		newer := func(t *testing.T) string {
			cp := filepath.Join(t.TempDir(), "copy")
			if err := os.CopyFS(cp, os.DirFS(to)); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(cp, backup.ManifestFile)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b = bytes.Replace(b, []byte(fmt.Sprintf(`"schema_version": %d`, m.SchemaVersion)), []byte(`"schema_version": 999999`), 1)
			if err := os.WriteFile(p, b, 0o640); err != nil {
				t.Fatal(err)
			}
			return cp
		}
		otherKind := "sqlite:" + filepath.Join(t.TempDir(), "other.db")
		if d.Dialect == db.SQLite {
			otherKind = "postgres://127.0.0.1:1/none"
		}
		full := filepath.Join(t.TempDir(), "full")
		if err := os.MkdirAll(full, 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(full, "x"), []byte("x"), 0o640); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name    string
			from    func(t *testing.T) string
			target  func(t *testing.T) string
			uploads string
			want    error
		}{
			{"database not empty", func(*testing.T) string { return to }, func(*testing.T) string { return d.URL }, "", backup.ErrNotEmpty},
			{"uploads not empty", func(*testing.T) string { return to }, func(t *testing.T) string { return dbtest.EmptyURL(t, d.Dialect) }, full, backup.ErrNotEmpty},
			{"database tampered", func(t *testing.T) string { return tamper(t, m.Database.Path) }, func(t *testing.T) string { return dbtest.EmptyURL(t, d.Dialect) }, "", backup.ErrChecksum},
			{"another kind of database", func(*testing.T) string { return to }, func(*testing.T) string { return otherKind }, "", backup.ErrIncompatible},
			{"a newer schema", newer, func(t *testing.T) string { return dbtest.EmptyURL(t, d.Dialect) }, "", backup.ErrIncompatible},
			{"upload tampered", func(t *testing.T) string { return tamper(t, "uploads/logo/oms.png") }, func(t *testing.T) string { return dbtest.EmptyURL(t, d.Dialect) }, "", backup.ErrChecksum},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				uploadsTo := tc.uploads
				if uploadsTo == "" {
					uploadsTo = filepath.Join(t.TempDir(), "uploads")
				}
				target := tc.target(t)
				_, err := backup.Restore(ctx, tc.from(t), target, uploadsTo, backup.RestoreOptions{})
				if !errors.Is(err, tc.want) {
					t.Fatalf("err = %v, want %v", err, tc.want)
				}
				// Nothing was written.
				if target != d.URL && target != otherKind {
					r, err := db.Open(ctx, target)
					if err != nil {
						t.Fatal(err)
					}
					defer r.Close()
					var n int
					if err := r.QueryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err == nil {
						t.Errorf("a refused restore left a users table with %d rows", n)
					}
				}
			})
		}
	})
}
