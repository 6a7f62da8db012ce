package web

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestLinkify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"a\nb", "a<br>\nb"},
		{"a\r\nb", "a<br>\nb"},
		{"<b>&", "&lt;b&gt;&amp;"},
		{"lihat https://contoh.id/x?a=1&b=2.", `lihat <a href="https://contoh.id/x?a=1&amp;b=2" rel="nofollow noopener ugc" target="_blank">https://contoh.id/x?a=1&amp;b=2</a>.`},
		{"(http://a.id)", `(<a href="http://a.id" rel="nofollow noopener ugc" target="_blank">http://a.id</a>)`},
		{"javascript:alert(1) http://", "javascript:alert(1) http://"},
		{`https://x.id/"onmouseover=alert(1)`, `<a href="https://x.id/" rel="nofollow noopener ugc" target="_blank">https://x.id/</a>&#34;onmouseover=alert(1)`},
		{"ftp://a.id", "ftp://a.id"},
	} {
		if got := string(linkify(tc.in)); got != tc.want {
			t.Errorf("linkify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// linkRE is the only element linkify writes besides <br>.
var linkRE = regexp.MustCompile(`<a href="([^"<>]*)" rel="nofollow noopener ugc" target="_blank">([^"<>]*)</a>`)

// FuzzLinkify checks that whatever is typed, the rendered answer has no
// markup but <br> and links to http(s) addresses, and that its visible
// text is exactly what was typed.
func FuzzLinkify(f *testing.F) {
	for _, s := range []string{"", "a\nb", "https://a.id/b.", "<script>x</script>", "http://\"'><img>", "https://a.id/&amp;<", "http://h\x00ttps://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := strings.ReplaceAll(string(linkify(in)), "<br>\n", "\n")
		out = linkRE.ReplaceAllStringFunc(out, func(m string) string {
			sub := linkRE.FindStringSubmatch(m)
			if sub[1] != sub[2] || !(strings.HasPrefix(sub[1], "http://") || strings.HasPrefix(sub[1], "https://")) {
				t.Fatalf("linkify(%q) made the link %q", in, m)
			}
			return sub[2]
		})
		if strings.ContainsAny(out, "<>\"'") {
			t.Fatalf("linkify(%q) left markup: %q", in, out)
		}
		if got, want := html.UnescapeString(out), strings.ReplaceAll(in, "\r\n", "\n"); got != want {
			t.Fatalf("linkify(%q) shows %q", in, got)
		}
	})
}
