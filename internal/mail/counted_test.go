package mail_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"lokadaya/internal/mail"
)

// failingSender fails every message whose subject is "gagal".
type failingSender struct{}

func (failingSender) Send(_ context.Context, m mail.Message) error {
	if m.Subject == "gagal" {
		return errors.New("server refused")
	}
	return nil
}

type mailCount struct{ sent, failed int }

func (c *mailCount) MailSent()   { c.sent++ }
func (c *mailCount) MailFailed() { c.failed++ }

// The mail job's handler, on a counted sender, counts each message sent
// and each attempt that failed, and still returns the failure for a retry.
func TestCountedSenderCountsThroughTheHandler(t *testing.T) {
	c := &mailCount{}
	h := mail.Handler(mail.Counted(failingSender{}, c))
	for _, tc := range []struct {
		subject string
		fails   bool
	}{{"Terima kasih", false}, {"gagal", true}, {"Kuitansi", false}} {
		payload, _ := json.Marshal(mail.Message{To: "siti@example.org", Subject: tc.subject, Text: "Halo"})
		if err := h(context.Background(), payload); (err != nil) != tc.fails {
			t.Errorf("%s: %v", tc.subject, err)
		}
	}
	if c.sent != 2 || c.failed != 1 {
		t.Errorf("sent %d, failed %d; want 2 and 1", c.sent, c.failed)
	}
}
