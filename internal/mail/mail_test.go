package mail_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/jobs"
	lmail "lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
)

const from = "Lokadaya <noreply@lokadaya.test>"

func TestBuildPlain(t *testing.T) {
	msg := lmail.Message{To: "siti@example.org", Subject: "Verifikasi e-mail — Lokadaya",
		Text: "Halo Siti,\n.baris bertitik\nBuka https://lokadaya.test/verifikasi/abc\n"}
	raw, err := lmail.Build(from, msg, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	for k, want := range map[string]string{
		"To": "siti@example.org", "Date": "Fri, 02 Jan 2026 03:04:05 +0000",
		"Content-Type": "text/plain; charset=utf-8", "MIME-Version": "1.0",
	} {
		if got := m.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if subject != msg.Subject {
		t.Errorf("Subject = %q", subject)
	}
	if id := m.Header.Get("Message-ID"); !strings.HasSuffix(id, "@lokadaya.test>") {
		t.Errorf("Message-ID = %q", id)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(m.Body))
	if want := strings.ReplaceAll(msg.Text, "\n", "\r\n"); string(body) != want {
		t.Errorf("body = %q, want %q", body, want)
	}
}

func TestBuildWithAttachment(t *testing.T) {
	ics := []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" + strings.Repeat("x", 200))
	msg := lmail.Message{To: "a@example.org", Subject: "Jadwal", Text: "Terlampir.",
		Attachments: []lmail.Attachment{{Name: "jadwal relawan.ics", ContentType: "text/calendar; charset=utf-8", Data: ics}}}
	raw, err := lmail.Build(from, msg, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", mt, err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	text, err := mr.NextPart() // quoted-printable is decoded by the reader
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(text); string(b) != "Terlampir." {
		t.Errorf("text part = %q", b)
	}
	att, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	if att.FileName() != "jadwal relawan.ics" {
		t.Errorf("file name %q", att.FileName())
	}
	if att.Header.Get("Content-Transfer-Encoding") != "base64" {
		t.Errorf("attachment encoding %q", att.Header.Get("Content-Transfer-Encoding"))
	}
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("extra part: %v", err)
	}
}

func TestValidateRefusesInjection(t *testing.T) {
	for _, m := range []lmail.Message{
		{To: "", Subject: "x"},
		{To: "not an address", Subject: "x"},
		{To: "a@example.org\r\nBcc: b@example.org", Subject: "x"},
		{To: "a@example.org", Subject: "x\r\nBcc: b@example.org"},
		{To: "a@example.org", Attachments: []lmail.Attachment{{Name: "a\r\nX: y"}}},
	} {
		if err := m.Validate(); !errors.Is(err, lmail.ErrBadMessage) {
			t.Errorf("Validate(%+v) = %v", m, err)
		}
	}
}

func TestSMTPSender(t *testing.T) {
	for _, tc := range []struct {
		name     string
		auth     []string
		url      func(s *smtptest.Server) string
		wantErr  bool
		wantAuth string
	}{
		{"no auth", nil, (*smtptest.Server).URL, false, ""},
		{"auth plain", []string{"loka", "rahasia"}, (*smtptest.Server).URL, false, "loka"},
		{"wrong password", []string{"loka", "rahasia"},
			func(s *smtptest.Server) string { return "smtp://loka:salah@" + s.Addr() }, true, ""},
		{"auth required", []string{"loka", "rahasia"},
			func(s *smtptest.Server) string { return "smtp://" + s.Addr() }, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := smtptest.Start(t, tc.auth...)
			cfg, err := lmail.ParseURL(tc.url(srv))
			if err != nil {
				t.Fatal(err)
			}
			s := &lmail.SMTPSender{Config: cfg, From: from, Timeout: 5 * time.Second}
			msg := lmail.Message{To: "Siti <siti@example.org>", Subject: "Halo", Text: "baris\n.titik\n..dua\n"}
			err = s.Send(context.Background(), msg)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Send = %v", err)
			}
			if tc.wantErr {
				return
			}
			got := srv.Wait(1, time.Second)
			if len(got) != 1 || got[0].From != "noreply@lokadaya.test" || got[0].To[0] != "siti@example.org" ||
				got[0].Auth != tc.wantAuth {
				t.Fatalf("received %+v", got)
			}
			pm, err := got[0].Parsed()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(quotedprintable.NewReader(pm.Body))
			if string(body) != "baris\r\n.titik\r\n..dua\r\n" {
				t.Errorf("body after dot-unstuffing = %q", body)
			}
		})
	}
}

func TestQueueWorkerOutbox(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		srv := smtptest.Start(t)
		cfg, _ := lmail.ParseURL(srv.URL())
		w := &jobs.Worker{DB: d}
		w.Handle(lmail.JobKind, lmail.Handler(&lmail.SMTPSender{Config: cfg, From: from}))
		if err := lmail.Queue(ctx, d, lmail.Message{To: "bad\naddress"}); !errors.Is(err, lmail.ErrBadMessage) {
			t.Errorf("Queue(bad) = %v", err)
		}
		for _, subj := range []string{"satu", "dua"} {
			if err := lmail.Queue(ctx, d, lmail.Message{To: "a@example.org", Subject: subj, Text: "isi"}); err != nil {
				t.Fatal(err)
			}
		}
		for range 2 {
			if ran, err := w.RunOnce(ctx); !ran || err != nil {
				t.Fatalf("RunOnce = %v, %v", ran, err)
			}
		}
		if got := srv.Wait(2, time.Second); len(got) != 2 {
			t.Fatalf("received %d messages", len(got))
		}
		box, err := lmail.Outbox(ctx, d, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(box) != 2 || box[0].Message.Subject != "dua" || box[0].SentAt == nil || box[0].Failed {
			t.Errorf("outbox = %+v", box)
		}
	})
}

func TestLogSenderKeepsMail(t *testing.T) {
	s := &lmail.LogSender{}
	if err := s.Send(context.Background(), lmail.Message{To: "a@example.org", Subject: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), lmail.Message{To: "x"}); err == nil {
		t.Error("bad recipient accepted")
	}
}

// The log sender never writes a message's body: its links (password
// reset, invitations) must not reach the logs.
func TestLogSenderLogsNoBody(t *testing.T) {
	var logged strings.Builder
	s := &lmail.LogSender{Log: slog.New(slog.NewTextHandler(&logged, nil))}
	m := lmail.Message{To: "a@example.org", Subject: "Atur ulang kata sandi",
		Text: "Buka https://lokadaya.example/atur-sandi/rahasia-123 dalam satu jam."}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if out := logged.String(); strings.Contains(out, "rahasia-123") || !strings.Contains(out, "Atur ulang kata sandi") {
		t.Errorf("log line: %s", out)
	}
}
