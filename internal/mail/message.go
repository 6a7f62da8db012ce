// Package mail writes and sends Lokadaya's e-mail: MIME messages, an SMTP
// sender configured by URL, and a queue on the jobs table so that a request
// never waits for a mail server.
package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"slices"
	"strings"
	"time"
)

// Message is one e-mail to one person.
type Message struct {
	To          string       `json:"to"`
	Subject     string       `json:"subject"`
	Text        string       `json:"text"`
	Attachments []Attachment `json:"attachments,omitempty"`
	// Headers are extra header fields, e.g. List-Unsubscribe. They cannot
	// replace the fields Build writes itself.
	Headers map[string]string `json:"headers,omitempty"`
}

// ownHeaders are the fields Build writes; Headers may not set them.
var ownHeaders = map[string]bool{"from": true, "to": true, "cc": true, "bcc": true, "subject": true, "date": true,
	"message-id": true, "mime-version": true, "content-type": true, "content-transfer-encoding": true}

// validHeaderName reports whether k is a plain field name (letters,
// digits and hyphens, starting with a letter) that Build does not own.
func validHeaderName(k string) bool {
	if k == "" || len(k) > 76 || ownHeaders[strings.ToLower(k)] {
		return false
	}
	for i, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r == '-' || (r >= '0' && r <= '9')):
		default:
			return false
		}
	}
	return true
}

// Attachment is a file sent along, e.g. an .ics calendar invitation.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"`
}

// ErrBadMessage reports a message that cannot be sent as it is.
var ErrBadMessage = errors.New("mail: bad message")

// Validate checks the recipient and that nothing could inject headers.
func (m *Message) Validate() error {
	a, err := mail.ParseAddress(m.To)
	if err != nil || a.Address == "" {
		return fmt.Errorf("%w: recipient %q", ErrBadMessage, m.To)
	}
	if strings.ContainsAny(m.To, "\r\n") || strings.ContainsAny(m.Subject, "\r\n") {
		return fmt.Errorf("%w: line break in a header", ErrBadMessage)
	}
	for _, at := range m.Attachments {
		if strings.ContainsAny(at.Name+at.ContentType, "\r\n") {
			return fmt.Errorf("%w: line break in an attachment header", ErrBadMessage)
		}
	}
	for k, v := range m.Headers {
		if !validHeaderName(k) || strings.IndexFunc(v, func(r rune) bool { return r < ' ' || r > '~' }) >= 0 {
			return fmt.Errorf("%w: header %q", ErrBadMessage, k)
		}
	}
	return nil
}

// Build renders m as an RFC 5322 message from the given sender: UTF-8 text
// in quoted-printable, multipart/mixed when there are attachments (each in
// base64), an encoded Subject, Date and a fresh Message-ID.
func Build(from string, m Message, now time.Time) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	fromAddr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("%w: sender %q", ErrBadMessage, from)
	}
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", fromAddr.String())
	header("To", m.To)
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(fromAddr.Address))
	for _, k := range slices.Sorted(maps.Keys(m.Headers)) {
		header(textproto.CanonicalMIMEHeaderKey(k), m.Headers[k])
	}
	header("MIME-Version", "1.0")
	if len(m.Attachments) == 0 {
		header("Content-Type", "text/plain; charset=utf-8")
		header("Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		writeQP(&b, m.Text)
		return b.Bytes(), nil
	}
	mw := multipart.NewWriter(&b)
	header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mw.Boundary()}))
	b.WriteString("\r\n")
	part, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"text/plain; charset=utf-8"},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return nil, err
	}
	writeQP(part, m.Text)
	for _, at := range m.Attachments {
		ct := at.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		part, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {ct},
			"Content-Transfer-Encoding": {"base64"},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": at.Name})},
		})
		if err != nil {
			return nil, err
		}
		writeBase64(part, at.Data)
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeQP encodes text with CRLF line ends, as SMTP expects.
func writeQP(w interface{ Write([]byte) (int, error) }, text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	qp := quotedprintable.NewWriter(w)
	_, _ = qp.Write([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	_ = qp.Close()
}

// writeBase64 writes data in base64 lines of 76 characters.
func writeBase64(w interface{ Write([]byte) (int, error) }, data []byte) {
	s := base64.StdEncoding.EncodeToString(data)
	for len(s) > 76 {
		_, _ = w.Write([]byte(s[:76] + "\r\n"))
		s = s[76:]
	}
	_, _ = w.Write([]byte(s + "\r\n"))
}

// messageID is a unique id in the sender's domain.
func messageID(fromAddress string) string {
	domain := "localhost"
	if i := strings.LastIndexByte(fromAddress, '@'); i >= 0 && i+1 < len(fromAddress) {
		domain = fromAddress[i+1:]
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}
