package demo_test

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
)

func TestZZPeak(t *testing.T) {
	demo.Receipts = blob.NewDir(t.TempDir())
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		done := make(chan bool)
		var best []byte
		var max uint64
		go func() {
			for {
				select {
				case <-done:
					return
				case <-time.After(5 * time.Millisecond):
				}
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > max {
					max = m.HeapAlloc
					var b bytes.Buffer
					pprof.Lookup("heap").WriteTo(&b, 0)
					best = b.Bytes()
				}
			}
		}()
		runtime.MemProfileRate = 4096
		if _, err := demo.Load(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		close(done)
		os.WriteFile("/tmp/m/peak.pprof", best, 0o644)
		t.Logf("max heap %d MB", max>>20)
	})
}
