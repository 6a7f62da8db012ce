package regionmap_test

import (
	"sync"
	"testing"

	"lokadaya/internal/regionmap"
)

// TestRenderInParallel draws the same maps from many requests at once, as
// a busy server does: the shapes load once and the drawn paths are shared
// (run with -race).
func TestRenderInParallel(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			within := []string{"", "32", "95", "11"}[i%4]
			level := regionmap.LevelKabupaten
			if i%2 == 0 && within == "" {
				level = regionmap.LevelProvinsi
			}
			m, err := regionmap.Render(regionmap.Spec{Level: level, Within: within, Values: map[string]int64{"32": int64(i)},
				Href: func(code string) string { return "/wilayah/" + code }})
			if err != nil || m.Areas == 0 {
				t.Errorf("render %s/%s: %v", level, within, err)
			}
		}()
	}
	wg.Wait()
}
