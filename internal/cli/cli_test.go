package cli

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer lets the test read what serve prints while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var urlLine = regexp.MustCompile(`http://\S+`)

func TestServeAnswersAndStopsGracefully(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "lokadaya.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, logged := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", "--db", "sqlite:" + dbPath},
			out, slog.New(slog.NewJSONHandler(logged, nil)))
	}()
	var base string
	for i := 0; i < 6000 && base == ""; i++ { // up to five minutes: migrating a fresh database is slow under -race on a busy machine
		base = urlLine.FindString(out.String())
		time.Sleep(50 * time.Millisecond)
	}
	if base == "" {
		t.Fatalf("serve printed no address: %q", out.String())
	}
	// Ready once the database answers a ping within readyz's 2 s; right
	// after start, on a busy machine under -race, the start-up work may
	// hold every connection a while, as a load balancer's retries allow.
	status := 0
	for i := 0; i < 60 && status != http.StatusOK; i++ {
		if i > 0 {
			time.Sleep(500 * time.Millisecond)
		}
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		status = res.StatusCode
	}
	if status != http.StatusOK {
		t.Fatalf("readyz = %d", status)
	}
	checkMetricsListener(t, base, logged.String())
	cancel() // what SIGTERM does through signal.NotifyContext
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after shutdown", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestCommands(t *testing.T) {
	dbArg := "sqlite:" + filepath.Join(t.TempDir(), "lokadaya.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"no command", nil, 2, ""},
		{"unknown command", []string{"fly"}, 2, ""},
		{"migrate", []string{"migrate", "--db", dbArg}, 0, "schema version"},
		{"migrate again", []string{"migrate", "--db", dbArg}, 0, "applied 0 migration"},
		{"admin without email", []string{"admin", "create", "--db", dbArg}, 1, ""},
		{"admin create", []string{"admin", "create", "--db", dbArg, "--email", "Admin@Example.org"}, 0, "password:"},
		{"admin again keeps password", []string{"admin", "create", "--db", dbArg, "--email", "admin@example.org"}, 0, "platform admin: admin@example.org"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout strings.Builder
			code := Run(tc.args, &stdout, io.Discard)
			if code != tc.code || !strings.Contains(stdout.String(), tc.out) {
				t.Errorf("Run(%v) = %d, %q; want %d containing %q", tc.args, code, stdout.String(), tc.code, tc.out)
			}
		})
	}
}

// A payment gateway without its server key is refused before serving:
// notifications signed with the well-known sandbox key would confirm
// donations for anyone.
func TestServeRefusesGatewayWithoutKey(t *testing.T) {
	t.Setenv("LOKADAYA_GATEWAY_SERVER_KEY", "")
	dbArg := "sqlite:" + filepath.Join(t.TempDir(), "lokadaya.db")
	var stderr strings.Builder
	code := Run([]string{"serve", "--addr", "127.0.0.1:0", "--db", dbArg, "--gateway-url", "https://app.midtrans.com"}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "LOKADAYA_GATEWAY_SERVER_KEY") {
		t.Fatalf("serve with a gateway and no key = %d, %q", code, stderr.String())
	}
}

var metricsAddrLine = regexp.MustCompile(`"msg":"metrics served","addr":"([^"]+)"`)

// checkMetricsListener: with --metrics-addr, /metrics answers on that
// listener, with the requests the public one served, and not on the
// public address.
func checkMetricsListener(t *testing.T, base, logged string) {
	t.Helper()
	m := metricsAddrLine.FindStringSubmatch(logged)
	if m == nil {
		t.Fatalf("serve logged no metrics address: %s", logged)
	}
	get := func(url string) (int, string) {
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	code, body := get("http://" + m[1] + "/metrics")
	if code != http.StatusOK {
		t.Fatalf("metrics listener: %d", code)
	}
	for _, want := range []string{
		`lokadaya_http_requests_total{method="GET",route="GET /readyz",status="200"}`,
		`go_sql_max_open_connections{db_name="lokadaya"}`,
		`go_goroutines`,
		`process_open_fds`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics listener lacks %q", want)
		}
	}
	if code, _ := get("http://" + m[1] + "/readyz"); code != http.StatusNotFound {
		t.Errorf("metrics listener serves /readyz: %d", code)
	}
	if code, _ := get(base + "/metrics"); code != http.StatusNotFound {
		t.Errorf("public address serves /metrics with --metrics-addr: %d", code)
	}
}
