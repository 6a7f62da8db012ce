package regionmap

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/*.txt.gz
var files embed.FS

// The levels a map is drawn at.
const (
	LevelProvinsi  = "provinsi"
	LevelKabupaten = "kabupaten"
)

var (
	loadOnce sync.Once
	loaded   map[string][]Shape
	loadErr  error
)

func load() {
	loaded = map[string][]Shape{}
	for _, level := range []string{LevelProvinsi, LevelKabupaten} {
		b, err := files.ReadFile("data/" + level + ".txt.gz")
		if err != nil {
			loadErr = err
			return
		}
		shapes, err := Read(bytes.NewReader(b))
		if err != nil {
			loadErr = fmt.Errorf("regionmap: %s: %w", level, err)
			return
		}
		loaded[level] = shapes
	}
}

// Shapes are the embedded outlines of a level, in code order: the 38
// provinces or the kabupaten/kota. Callers must not change them.
func Shapes(level string) ([]Shape, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	s, ok := loaded[level]
	if !ok {
		return nil, fmt.Errorf("regionmap: no level %q", level)
	}
	return s, nil
}

// Within keeps the shapes under a province code ("32" keeps 32.01 …
// 32.79); "" keeps them all.
func Within(shapes []Shape, parent string) []Shape {
	if parent == "" {
		return shapes
	}
	var out []Shape
	for _, s := range shapes {
		if strings.HasPrefix(s.Code, parent+".") {
			out = append(out, s)
		}
	}
	return out
}
