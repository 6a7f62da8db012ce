package mail_test

import (
	"bytes"
	"errors"
	"net/mail"
	"testing"
	"time"

	lmail "lokadaya/internal/mail"
)

func TestBuildExtraHeaders(t *testing.T) {
	msg := lmail.Message{To: "siti@example.org", Subject: "Kabar", Text: "Isi.", Headers: map[string]string{
		"List-Unsubscribe":      "<https://lokadaya.test/kabar/berhenti/abc>",
		"list-unsubscribe-post": "List-Unsubscribe=One-Click",
	}}
	raw, err := lmail.Build(from, msg, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Header.Get("List-Unsubscribe"); got != "<https://lokadaya.test/kabar/berhenti/abc>" {
		t.Errorf("List-Unsubscribe = %q", got)
	}
	if got := m.Header.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post = %q", got)
	}
}

func TestValidateRefusesBadHeaders(t *testing.T) {
	for name, h := range map[string]map[string]string{
		"line break in value": {"List-Unsubscribe": "<a>\r\nBcc: x@example.org"},
		"non-ASCII value":     {"List-Id": "kabar—kampanye"},
		"owned field":         {"bcc": "x@example.org"},
		"owned subject":       {"Subject": "lain"},
		"bad name":            {"List Unsubscribe": "<a>"},
		"colon in name":       {"X-A:": "b"},
		"empty name":          {"": "b"},
	} {
		m := lmail.Message{To: "a@example.org", Subject: "s", Headers: h}
		if err := m.Validate(); !errors.Is(err, lmail.ErrBadMessage) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
