// Package ics writes iCalendar files (RFC 5545) with one or more events, as
// attached to e-mails so that a volunteer's phone can put the activity in
// its calendar: CRLF line endings, lines folded at 75 octets without
// splitting a UTF-8 character, TEXT values escaped, times in UTC.
package ics

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// ContentType is the media type of the files Calendar writes.
const ContentType = "text/calendar; charset=utf-8; method=PUBLISH"

// prodID names the program that wrote the calendar.
const prodID = "-//Lokadaya//Galang Daya//ID"

// maxLine is the longest content line in octets, CRLF excluded.
const maxLine = 75

// utcStamp is the form of a UTC DATE-TIME value.
const utcStamp = "20060102T150405Z"

// Event is one VEVENT.
type Event struct {
	UID         string // stable: the same event sent again replaces the first
	Stamp       time.Time
	Start, End  time.Time
	Summary     string
	Location    string
	Description string
	URL         string
}

// Calendar writes a VCALENDAR with METHOD:PUBLISH holding events.
func Calendar(events ...Event) []byte {
	var b bytes.Buffer
	line := func(name, value string) { writeLine(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", prodID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	for _, e := range events {
		line("BEGIN", "VEVENT")
		line("UID", Escape(e.UID))
		line("DTSTAMP", e.Stamp.UTC().Format(utcStamp))
		line("DTSTART", e.Start.UTC().Format(utcStamp))
		line("DTEND", e.End.UTC().Format(utcStamp))
		line("SUMMARY", Escape(e.Summary))
		if e.Location != "" {
			line("LOCATION", Escape(e.Location))
		}
		if e.Description != "" {
			line("DESCRIPTION", Escape(e.Description))
		}
		if u := clean(e.URL); u != "" && !strings.ContainsAny(u, " \n") {
			line("URL", u)
		}
		line("STATUS", "CONFIRMED")
		line("TRANSP", "OPAQUE")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

// clean makes s valid UTF-8 with "\n" as its only line break and no other
// control characters but tab, which TEXT values may not carry.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// Escape writes s as a TEXT value: backslash, semicolon and comma are
// escaped, line breaks become \n, other control characters are dropped.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unescape reads a TEXT value back; it is the inverse of Escape on what
// Escape writes.
func Unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// writeLine writes one content line folded at 75 octets: each
// continuation starts with a space, and a UTF-8 character is never split.
func writeLine(b *bytes.Buffer, l string) {
	limit := maxLine
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
}

// Unfold joins folded lines and splits the file into its content lines.
func Unfold(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	s = strings.TrimSuffix(s, "\r\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\r\n")
}
