package i18n

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// The canonical form of a PO file: the header block (kept as it is, or
// this default), then one entry per key sorted by key, with no wrapping
// but a text's lines split after each \n as gettext does. Translation
// tools may write it otherwise; the locale test's -update puts it back.

// defaultHeader is the header block of a new PO file.
func defaultHeader(l Lang) string {
	what, plural := "English", "nplurals=2; plural=(n != 1);"
	if l == ID {
		what, plural = "Bahasa Indonesia, the source language", "nplurals=1; plural=0;"
	}
	return "# Lokadaya interface messages: " + what + ".\n" +
		"# msgid is the message key, msgstr the text. See docs/translation.md.\n" +
		"msgid \"\"\n" +
		"msgstr \"\"\n" +
		"\"Project-Id-Version: Lokadaya\\n\"\n" +
		"\"Language: " + string(l) + "\\n\"\n" +
		"\"MIME-Version: 1.0\\n\"\n" +
		"\"Content-Type: text/plain; charset=UTF-8\\n\"\n" +
		"\"Content-Transfer-Encoding: 8bit\\n\"\n" +
		"\"Plural-Forms: " + plural + "\\n\"\n\n"
}

// splitHeader splits a PO file after its header block, the lines up to
// the first blank line.
func splitHeader(data string) (header, body string) {
	if i := strings.Index(data, "\n\n"); i >= 0 && strings.Contains(data[:i], "msgid \"\"") {
		return data[:i+2], data[i+2:]
	}
	return "", data
}

// formatBody writes the entries of texts; source, the Indonesian texts,
// decides which entries are C format strings.
func formatBody(texts, source map[string]string) string {
	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString("\n")
		}
		if isCFormat(source[k]) {
			b.WriteString("#, c-format\n")
		}
		b.WriteString("msgid " + quotePO(k) + "\n")
		b.WriteString("msgstr " + quoteLinesPO(texts[k]) + "\n")
	}
	return b.String()
}

// quoteLinesPO quotes s on one line, or, when it holds line breaks, as ""
// followed by one quoted line per line of s.
func quoteLinesPO(s string) string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 2 {
		return quotePO(s)
	}
	q := make([]string, len(lines))
	for i, l := range lines {
		q[i] = quotePO(l)
	}
	return "\"\"\n" + strings.Join(q, "\n")
}

var poEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)

// quotePO quotes s as a PO string.
func quotePO(s string) string { return `"` + poEscaper.Replace(s) + `"` }

// verbRE matches a fmt verb: an optional explicit argument index, flags
// other than space (so "10 % of" is no verb), width, precision, the verb.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[+\-#0]*\d*(\.\d+)?([a-zA-Z%])`)

// placeholders returns the arguments a fmt format takes, as "1:s", "2:d"
// (argument number, verb), sorted and each once.
func placeholders(s string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(s, -1) {
		if m[3] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		out = append(out, strconv.Itoa(next)+":"+m[3])
		next++
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// isCFormat reports whether s takes arguments with verbs C's printf reads
// alike (%s, %d, no explicit index), for tools that check c-format.
func isCFormat(s string) bool {
	ms := verbRE.FindAllStringSubmatch(s, -1)
	args := 0
	for _, m := range ms {
		if m[1] != "" || !strings.Contains("sd%", m[3]) {
			return false
		}
		if m[3] != "%" {
			args++
		}
	}
	return args > 0
}
