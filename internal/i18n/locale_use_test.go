package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGoCodeNamesKnownKeys: every literal key the module's Go code gives
// to i18n.T or i18n.Has is defined in the PO files, and every key built at
// run time starts as some defined key does. (Templates are checked
// by internal/web's TestTemplatesHaveNoHardCodedText.)
func TestGoCodeNamesKnownKeys(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	keys := Keys()
	found, built := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "Has") {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "i18n" {
				return true
			}
			arg := call.Args[len(call.Args)-1]
			if sel.Sel.Name == "T" && len(call.Args) >= 2 {
				arg = call.Args[1]
			}
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				// A key built at run time ("map.figure."+f.Key,
				// fmt.Sprintf("x.%s", …)): its fixed start has to begin
				// some key. Whether every value it is built from has a
				// message is for a test of that list of values.
				if prefix := keyPrefix(arg); prefix != "" {
					built++
					if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, prefix) }) {
						t.Errorf("%s: no message key starts with %q", fset.Position(arg.Pos()), prefix)
					}
				}
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			found++
			if !Has(key) {
				t.Errorf("%s: unknown message key %q", fset.Position(lit.Pos()), key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 100 {
		t.Errorf("found only %d keys in Go code: the walk misses calls", found)
	}
	if built < 10 {
		t.Errorf("found only %d keys built at run time: the walk misses them", built)
	}
}

// keyPrefix is the fixed start of a key built at run time: the leading
// literal of "a." + x, or of fmt.Sprintf's format up to its first verb;
// "" when there is none.
func keyPrefix(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return keyPrefix(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return ""
		}
		if lit, ok := e.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			return s
		}
		return keyPrefix(e.X)
	case *ast.CallExpr:
		sel, ok := e.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Sprintf" || len(e.Args) == 0 {
			return ""
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "fmt" {
			return ""
		}
		if lit, ok := e.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			s, _, _ = strings.Cut(s, "%")
			return s
		}
	}
	return ""
}
