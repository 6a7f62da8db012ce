package i18n

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    []string
		cFormat bool
	}{
		{"Halo", nil, false},
		{"Halo %s, %d orang", []string{"1:s", "2:d"}, true},
		{"%[2]s di %[1]s", []string{"1:s", "2:s"}, false},
		{"siklus %d; siklus %[1]d", []string{"1:d"}, false},
		{"(%s%% dari target)", []string{"1:s"}, true},
		{"paling banyak 10 % dari hasilnya", nil, false},
		{"at most 10% of it", nil, false},
		{"kolom %q", []string{"1:q"}, false},
		{"%5.2f dan %-3d", []string{"1:f", "2:d"}, false},
	} {
		if got := placeholders(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("placeholders(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got := isCFormat(tc.in); got != tc.cFormat {
			t.Errorf("isCFormat(%q) = %v", tc.in, got)
		}
	}
}

// TestParsePO: what gotext reads from PO files written in canonical form
// or as translation tools write them, and the errors.
func TestParsePO(t *testing.T) {
	for _, tc := range []struct {
		name, po string
		want     map[string]string
		err      string
	}{
		{"one line", `msgid "a.b"` + "\n" + `msgstr "Halo \"kamu\" \\ di sini"`,
			map[string]string{"a.b": `Halo "kamu" \ di sini`}, ""},
		{"lines", "msgid \"\"\nmsgstr \"\"\n\"Language: id\\n\"\n\n#, c-format\nmsgid \"mail\"\nmsgstr \"\"\n\"Halo %s,\\n\"\n\"\\n\"\n\"salam\"\n",
			map[string]string{"mail": "Halo %s,\n\nsalam"}, ""},
		{"wrapped by a tool, CRLF", "# comment\r\nmsgid \"k\"\r\nmsgstr \"\"\r\n\"satu \"\r\n\"dua\"\r\n",
			map[string]string{"k": "satu dua"}, ""},
		{"untranslated", "msgid \"k\"\nmsgstr \"\"\n", map[string]string{"k": ""}, ""},
		{"duplicate", "msgid \"k\"\nmsgstr \"a\"\n\nmsgid \"k\"\nmsgstr \"b\"\n", nil, "duplicate key k"},
	} {
		got, err := parsePO([]byte(tc.po))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || !maps.Equal(got, tc.want) {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// TestPORoundTrip: texts written in canonical form read back the same,
// whatever they hold.
func TestPORoundTrip(t *testing.T) {
	texts := map[string]string{
		"a.plain":  "Simpan",
		"a.quotes": `Klik "Simpan" lalu \ tunggu`,
		"a.lines":  "Halo %s,\n\n\tTerima kasih.\n",
		"a.end":    "Baris\n",
		"a.verbs":  "%[2]s di %[1]s — 10\u00a0% dari Rp%d",
		"b.utf8":   "Kabupaten Pulau Taliabu · Maluku Utara…",
	}
	body := formatBody(texts, texts)
	got, err := parsePO([]byte(defaultHeader(ID) + body))
	if err != nil || !maps.Equal(got, texts) {
		t.Fatalf("round trip: got %q, %v", got, err)
	}
	if again := formatBody(got, got); again != body {
		t.Errorf("second write differs:\n%s\nfirst:\n%s", again, body)
	}
}

// TestLoadLocales: the languages' files become one catalog; a key defined
// twice, or a missing file, is an error; a missing translation falls back.
func TestLoadLocales(t *testing.T) {
	po := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"locales/id.po": po("msgid \"x.both\"\nmsgstr \"Dua %d\"\n\nmsgid \"x.id\"\nmsgstr \"Hanya\"\n"),
		"locales/en.po": po("msgid \"x.both\"\nmsgstr \"Two %d\"\n\nmsgid \"x.id\"\nmsgstr \"\"\n"),
	}
	got, err := loadLocales(fsys)
	want := map[string]Msg{"x.both": {"Dua %d", "Two %d"}, "x.id": {"Hanya", ""}}
	if err != nil || !maps.Equal(got, want) {
		t.Fatalf("loadLocales = %v, %v; want %v", got, err, want)
	}
	fsys["locales/en.po"] = po("msgid \"x.both\"\nmsgstr \"Two\"\n\nmsgid \"x.both\"\nmsgstr \"Two\"\n")
	if _, err := loadLocales(fsys); err == nil || !strings.Contains(err.Error(), "en.po: duplicate key x.both") {
		t.Errorf("duplicate: %v", err)
	}
	delete(fsys, "locales/en.po")
	if _, err := loadLocales(fsys); err == nil {
		t.Error("a missing file loaded")
	}

	mu.Lock()
	messages["test.only_id"] = Msg{ID: "Hanya %d"}
	mu.Unlock()
	defer func() { mu.Lock(); delete(messages, "test.only_id"); mu.Unlock() }()
	for _, tc := range []struct {
		lang      Lang
		key, want string
	}{
		{EN, "test.only_id", "Hanya 3"}, {ID, "test.only_id", "Hanya 3"}, {EN, "test.nowhere", "test.nowhere"},
	} {
		if got := T(tc.lang, tc.key, 3); got != tc.want {
			t.Errorf("T(%s, %s) = %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}

// BenchmarkLoadLocales: reading the embedded PO files counts in the
// platform's start-up time.
func BenchmarkLoadLocales(b *testing.B) {
	for b.Loop() {
		if _, err := loadLocales(locales); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPOFileParts: the header block a rewrite keeps, and fuzzy flags.
func TestPOFileParts(t *testing.T) {
	for _, tc := range []struct {
		po, header string
		fuzzy      bool
	}{
		{"# c\nmsgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgid \"k\"\nmsgstr \"v\"\n", "# c\nmsgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n", false},
		{"msgid \"k\"\nmsgstr \"v\"\n\n#, fuzzy, c-format\nmsgid \"j\"\nmsgstr \"%s\"\n", "", true},
		{"msgid \"fuzzy\"\nmsgstr \"fuzzy\"\n", "", false},
	} {
		header, body := splitHeader(tc.po)
		if header != tc.header || header+body != tc.po {
			t.Errorf("splitHeader(%q) = %q, %q", tc.po, header, body)
		}
		if got := hasFuzzy(tc.po); got != tc.fuzzy {
			t.Errorf("hasFuzzy(%q) = %v", tc.po, got)
		}
	}
}
