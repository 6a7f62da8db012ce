package cli

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// publicSetup is what serve checks before a public deployment starts.
type publicSetup struct {
	Demo    bool
	Addr    string // the listen address
	BaseURL string // as given; empty: derived from Addr
	SMTPURL string // LOKADAYA_SMTP_URL
}

// check refuses a setup that would run in public without what it needs.
// A server anyone can reach (a base URL that is not this machine, or a
// listen address beyond loopback) sends password resets, invitations and
// receipts by e-mail: without an SMTP server they would be kept in the
// database where nobody reads them, and without the public address their
// links would point at the wrong host. --demo and a server for this
// machine alone need neither.
func (p publicSetup) check() error {
	if p.Demo {
		return nil
	}
	public := p.BaseURL != "" && !localURL(p.BaseURL)
	if !public && !loopback(p.Addr) {
		if p.BaseURL == "" {
			return errors.New("serve listens on " + p.Addr + ", beyond this machine: set --base-url (LOKADAYA_BASE_URL) to the address people open, e.g. https://lokadaya.example.org, or use --demo to try it out")
		}
		public = true
	}
	if public && strings.TrimSpace(p.SMTPURL) == "" {
		return errors.New("LOKADAYA_SMTP_URL is not set: on a public server password resets, invitations and receipts must be sent, not only kept; set it (see docs/deploy.md) or use --demo to try it out")
	}
	return nil
}

// localURL reports whether a base URL names this machine.
func localURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	return localHost(u.Hostname())
}

// loopback reports whether a listen address is reachable from this
// machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	return localHost(host)
}

func localHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
