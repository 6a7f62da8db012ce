package backup_test

import (
	"os"
	"path/filepath"
	"testing"

	"lokadaya/internal/backup"
)

// FuzzReadManifest: a manifest is read from wherever a backup was kept;
// whatever it holds, reading it never panics and never accepts a part
// outside the backup directory.
func FuzzReadManifest(f *testing.F) {
	f.Add([]byte(`{"format_version":1,"dialect":"sqlite","database":{"path":"database.sqlite","size":1,"sha256":"00"},"uploads":[{"path":"uploads/a.png"}]}`))
	f.Add([]byte(`{"format_version":1,"dialect":"postgres","database":{"path":"../etc/passwd"}}`))
	f.Add([]byte(`{"format_version":2}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, backup.ManifestFile), b, 0o640); err != nil {
			t.Fatal(err)
		}
		m, err := backup.ReadManifest(dir)
		if err != nil {
			return
		}
		for _, p := range append([]backup.Part{m.Database}, m.Uploads...) {
			if !filepath.IsLocal(p.Path) {
				t.Fatalf("accepted a part outside the backup: %q", p.Path)
			}
		}
	})
}
