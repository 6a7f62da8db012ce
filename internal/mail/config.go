package mail

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
)

// DefaultFrom is the sender when LOKADAYA_MAIL_FROM is not set.
const DefaultFrom = "Lokadaya <noreply@localhost>"

// Config says how to reach the SMTP server.
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	// ImplicitTLS is smtps://: TLS from the first byte. Otherwise STARTTLS
	// is used whenever the server offers it.
	ImplicitTLS bool
}

// Addr is host:port.
func (c Config) Addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// ParseURL reads an SMTP URL: smtp://user:pass@host:587 (STARTTLS when
// offered), smtps://user:pass@host:465 (implicit TLS) or smtp://host:25
// (no authentication). The port defaults to 25 for smtp and 465 for smtps.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("mail: SMTP URL: %w", err)
	}
	var c Config
	switch u.Scheme {
	case "smtp":
		c.Port = 25
	case "smtps":
		c.Port, c.ImplicitTLS = 465, true
	default:
		return Config{}, errors.New("mail: SMTP URL must start with smtp:// or smtps://")
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return Config{}, errors.New("mail: SMTP URL has no host")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Config{}, fmt.Errorf("mail: SMTP URL port %q", p)
		}
		c.Port = n
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return Config{}, errors.New("mail: SMTP URL takes no path, query or fragment")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, nil
}

// ParseFrom checks a From value such as "Lokadaya <noreply@example.org>";
// empty means DefaultFrom.
func ParseFrom(from string) (string, error) {
	if from == "" {
		return DefaultFrom, nil
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return "", fmt.Errorf("mail: sender address %q: %w", from, err)
	}
	return a.String(), nil
}
