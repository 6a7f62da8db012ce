package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"lokadaya/internal/i18n"
)

// templateTextAllowed are the only words a template may hold outside an
// i18n key: names that read the same in every language. Besides them, a
// word with a digit is a code or an example of one (K7QM-4TXR), a word
// starting with / or holding :// is a path or address, and <code> is code.
var templateTextAllowed = map[string]bool{
	"Lokadaya": true, // the brand
	// File formats offered for download.
	"CSV": true, "XLSX": true, "JSON": true, "PDF": true,
	// Licences, named as their authors name them.
	"ODbL": true, "MIT": true, "License": true,
	// The map boundaries' source and its author (about_data.html).
	"wilayah_boundaries": true, "Cahya": true, "DSN": true,
}

// userAttrRE finds the attributes people read or hear (screen readers).
var userAttrRE = regexp.MustCompile(`\s(title|alt|placeholder|aria-label|aria-description|aria-roledescription|label)="([^"]*)"`)

// htmlSkipRE drops what is not text for people: comments, scripts,
// styles, code.
var htmlSkipRE = regexp.MustCompile(`(?s)<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<code\b.*?</code>`)

var (
	htmlTagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlEntityRE = regexp.MustCompile(`&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)
)

// TestTemplatesHaveNoHardCodedText: every word a page shows comes through
// i18n, in the templates of internal/web and of its areas, and every key a
// template names with .T exists.
func TestTemplatesHaveNoHardCodedText(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") && strings.Contains(p, "templates"+string(filepath.Separator)) {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 100 {
		t.Fatalf("found %d templates: %v", len(files), err)
	}
	keys := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		trees := map[string]*parse.Tree{}
		tree := parse.New(f)
		tree.Mode = parse.SkipFuncCheck
		if _, err := tree.Parse(string(src), "", "", trees); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, tree := range trees {
			var text strings.Builder
			walkTemplate(tree.Root, &text, func(key string) {
				keys++
				if !i18n.Has(key) {
					t.Errorf("%s: unknown message key %q", f, key)
				}
			})
			for _, s := range hardCodedText(text.String()) {
				t.Errorf("%s: text not through i18n: %q", f, s)
			}
		}
	}
	if keys < 1000 {
		t.Errorf("found only %d keys given to T: the walk misses calls", keys)
	}
}

// walkTemplate writes the template's text, with \x00 for each action, and
// calls key for each literal key given to T.
func walkTemplate(n parse.Node, text *strings.Builder, key func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkTemplate(c, text, key)
			}
		}
	case *parse.TextNode:
		text.Write(n.Text)
	case *parse.ActionNode:
		text.WriteByte(0)
		walkPipe(n.Pipe, key)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, text, key)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, text, key)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, text, key)
	case *parse.TemplateNode:
		text.WriteByte(0)
		walkPipe(n.Pipe, key)
	default:
		text.WriteByte(0)
	}
}

func walkBranch(b *parse.BranchNode, text *strings.Builder, key func(string)) {
	text.WriteByte(0)
	walkPipe(b.Pipe, key)
	walkTemplate(b.List, text, key)
	walkTemplate(b.ElseList, text, key)
}

// walkPipe finds T "key" calls, as .T, $.T or a variable's .T, also inside
// parentheses.
func walkPipe(p *parse.PipeNode, key func(string)) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for i, arg := range cmd.Args {
			if pipe, ok := arg.(*parse.PipeNode); ok {
				walkPipe(pipe, key)
			}
			if i+1 < len(cmd.Args) && callsT(arg) {
				if s, ok := cmd.Args[i+1].(*parse.StringNode); ok && i == 0 {
					key(s.Text)
				}
			}
		}
	}
}

func callsT(n parse.Node) bool {
	var idents []string
	switch n := n.(type) {
	case *parse.FieldNode:
		idents = n.Ident
	case *parse.VariableNode:
		idents = n.Ident
	case *parse.ChainNode:
		idents = n.Field
	}
	return len(idents) > 0 && idents[len(idents)-1] == "T"
}

// hardCodedText returns the words in html, a template's text with \x00
// for its actions, that people would read: text between tags and the
// values of user-facing attributes.
func hardCodedText(html string) []string {
	html = htmlSkipRE.ReplaceAllString(html, "")
	var found []string
	check := func(s string) {
		s = htmlEntityRE.ReplaceAllString(s, " ")
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == 0 || unicode.IsSpace(r) }) {
			if isWord(w) {
				found = append(found, strings.TrimSpace(strings.ReplaceAll(s, "\x00", "…")))
				return
			}
		}
	}
	for _, tag := range htmlTagRE.FindAllString(html, -1) {
		for _, m := range userAttrRE.FindAllStringSubmatch(tag, -1) {
			check(m[2])
		}
	}
	for _, s := range htmlTagRE.Split(html, -1) {
		check(s)
	}
	return found
}

// isWord reports whether w, a token of a template's text, is a word people
// read that does not come from i18n.
func isWord(w string) bool {
	switch {
	case strings.IndexFunc(w, unicode.IsLetter) < 0,
		strings.IndexFunc(w, unicode.IsDigit) >= 0,
		strings.HasPrefix(w, "/"), strings.Contains(w, "://"):
		return false
	}
	return !templateTextAllowed[strings.Trim(w, ".,:;()")]
}

// TestHardCodedText: what the template check counts as text for people.
func TestHardCodedText(t *testing.T) {
	for _, tc := range []struct {
		html string
		want int
	}{
		{"<p>Simpan</p>", 1},
		{"<p>\x00</p>", 0},
		{`<input placeholder="Cari" value="x">`, 1},
		{`<a title="` + "\x00" + `" href="/org/x">` + "\x00</a>", 0},
		{`<img alt="Logo">`, 1},
		{"<code>/api/v1 package_show</code> &nbsp;&middot; — 2026", 0},
		{"<script>let a = 'teks';</script><style>p{color:red}</style><!-- catatan -->", 0},
		{"<a>CSV</a> <a>XLSX</a> Lokadaya K7QM-4TXR https://", 0},
		{"<p>\x00 orang</p>", 1},
	} {
		if got := hardCodedText(tc.html); len(got) != tc.want {
			t.Errorf("hardCodedText(%q) = %q, want %d", tc.html, got, tc.want)
		}
	}
}
