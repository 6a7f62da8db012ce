package cli

import (
	"strings"
	"testing"
)

func TestPublicSetupCheck(t *testing.T) {
	const smtp = "smtp://mail.example.org:587"
	for _, tc := range []struct {
		name  string
		setup publicSetup
		want  string // in the refusal; empty: accepted
	}{
		{"this machine", publicSetup{Addr: "127.0.0.1:8080"}, ""},
		{"this machine by name", publicSetup{Addr: "localhost:8080", BaseURL: "http://localhost:8080"}, ""},
		{"IPv6 loopback", publicSetup{Addr: "[::1]:8080"}, ""},
		{"demo anywhere", publicSetup{Demo: true, Addr: "0.0.0.0:8080"}, ""},
		{"all interfaces, no base URL", publicSetup{Addr: "0.0.0.0:8080", SMTPURL: smtp}, "--base-url"},
		{"empty host, no base URL", publicSetup{Addr: ":8080", SMTPURL: smtp}, "--base-url"},
		{"public base URL, no mail", publicSetup{Addr: "127.0.0.1:8080", BaseURL: "https://lokadaya.example.org"}, "LOKADAYA_SMTP_URL"},
		{"all interfaces, no mail", publicSetup{Addr: "0.0.0.0:8080", BaseURL: "http://192.168.1.5:8080"}, "LOKADAYA_SMTP_URL"},
		{"behind a proxy with mail", publicSetup{Addr: "127.0.0.1:8080", BaseURL: "https://lokadaya.example.org", SMTPURL: smtp}, ""},
		{"all interfaces with all", publicSetup{Addr: "0.0.0.0:8080", BaseURL: "https://lokadaya.example.org", SMTPURL: smtp}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.setup.check()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("err = %v, want one naming %s", err, tc.want)
			}
		})
	}
}
