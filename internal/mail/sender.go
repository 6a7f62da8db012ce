package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/smtp"
	"time"
)

// Sender delivers a message.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SMTPSender sends through an SMTP server.
type SMTPSender struct {
	Config Config
	From   string
	// TLS overrides the TLS settings (tests trust their own certificate).
	TLS *tls.Config
	// Timeout bounds one whole delivery; one minute when zero.
	Timeout time.Duration
}

// Send delivers m, using STARTTLS when the server offers it and
// authenticating when the configuration has a username.
func (s *SMTPSender) Send(ctx context.Context, m Message) error {
	from := s.From
	if from == "" {
		from = DefaultFrom
	}
	body, err := Build(from, m, time.Now())
	if err != nil {
		return err
	}
	fromAddr, _ := mail.ParseAddress(from) // Build already checked it
	to, _ := mail.ParseAddress(m.To)
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := s.dial(ctx)
	if err != nil {
		return fmt.Errorf("mail: connect %s: %w", s.Config.Addr(), err)
	}
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, s.Config.Host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: greeting: %w", err)
	}
	defer c.Close()
	if err := s.converse(c, fromAddr.Address, to.Address, body); err != nil {
		return fmt.Errorf("mail: send to %s via %s: %w", to.Address, s.Config.Addr(), err)
	}
	return nil
}

func (s *SMTPSender) tlsConfig() *tls.Config {
	if s.TLS != nil {
		return s.TLS.Clone()
	}
	return &tls.Config{ServerName: s.Config.Host, MinVersion: tls.VersionTLS12}
}

func (s *SMTPSender) dial(ctx context.Context) (net.Conn, error) {
	if s.Config.ImplicitTLS {
		d := &tls.Dialer{Config: s.tlsConfig()}
		return d.DialContext(ctx, "tcp", s.Config.Addr())
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", s.Config.Addr())
}

// converse runs the SMTP dialogue after the greeting.
func (s *SMTPSender) converse(c *smtp.Client, from, to string, body []byte) error {
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if !s.Config.ImplicitTLS {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return err
			}
		}
	}
	if s.Config.Username != "" {
		// PlainAuth refuses to send the password unencrypted except to
		// localhost, which is what we want.
		if err := c.Auth(smtp.PlainAuth("", s.Config.Username, s.Config.Password, s.Config.Host)); err != nil {
			return err
		}
	}
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(body); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// LogSender keeps mail on the machine: it logs that a message was not
// sent, with its recipient and subject but never its body, whose links
// (password reset, invitations) must not reach logs. The message stays
// readable in the jobs table (the dev outbox).
type LogSender struct{ Log *slog.Logger }

// Send logs m.
func (s *LogSender) Send(ctx context.Context, m Message) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if s.Log != nil {
		s.Log.InfoContext(ctx, "mail not sent (no LOKADAYA_SMTP_URL); kept in the outbox",
			"to", m.To, "subject", m.Subject)
	}
	return nil
}
