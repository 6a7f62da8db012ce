// Package i18n holds every user-facing string in Bahasa Indonesia (the
// default) and English, and formats rupiah and dates the Indonesian way.
//
// Messages live in gettext PO files, locales/id.po (the source language)
// and locales/en.po, with the message key as msgid and the text as msgstr,
// embedded in the binary and read at start-up. Texts take fmt verbs (%s,
// %d, %[1]s …), the same in every language; the tests check that every key
// has a text in every language and that the verbs match.
// docs/translation.md is the guide for translators.
package i18n

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Lang is a supported interface language.
type Lang string

// The supported languages; Indonesian first.
const (
	ID Lang = "id"
	EN Lang = "en"
)

// Langs lists the supported languages, default first.
var Langs = []Lang{ID, EN}

// Parse returns the supported language named by s, or Indonesian.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "en") {
		return EN
	}
	return ID
}

// Msg is one message in both languages.
type Msg struct{ ID, EN string }

var (
	mu       sync.RWMutex
	messages = map[string]Msg{}
)

// add registers a catalog; a key defined twice is a programming error.
// The PO files come in through it, and so would a catalog_*.go file of
// Go-defined messages until the locale test's -update moves it into them.
func add(catalog map[string]Msg) {
	mu.Lock()
	defer mu.Unlock()
	for k, m := range catalog {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		messages[k] = m
	}
}

// Has reports whether key is a known message.
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := messages[key]
	return ok
}

// Keys returns every message key, sorted.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// T translates key into lang, formatting args with fmt verbs in the message.
// An unknown key comes back as itself, so a missing message is visible
// rather than blank, and a text missing in English falls back to the
// Indonesian one; the locale tests keep both from shipping.
func T(lang Lang, key string, args ...any) string {
	mu.RLock()
	m, ok := messages[key]
	mu.RUnlock()
	if !ok {
		return key
	}
	s := m.ID
	if lang == EN && m.EN != "" {
		s = m.EN
	}
	if s == "" {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
