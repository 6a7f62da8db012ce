package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/web"
)

// movingClock is a clock a test moves forward.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// complaintWorld is a voiceWorld whose server runs on a clock the test
// moves, with the complaint store of that server.
type complaintWorld struct {
	*voiceWorld
	clock  *movingClock
	store  *complaint.Store
	server *web.Server
}

const complaintStaff = "/organisasi/taman-baca/pengaduan"

func newComplaintWorld(t *testing.T) *complaintWorld {
	t.Helper()
	w := &complaintWorld{voiceWorld: newVoiceWorld(t), clock: &movingClock{t: time.Now().UTC().Truncate(time.Second)}}
	srv, err := web.New(web.Config{BaseURL: "http://example.test", UploadsDir: t.TempDir(), Clock: w.clock.Now},
		w.d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.ts.Close()
	w.ts = serveFront(t, srv)
	t.Cleanup(w.ts.Close)
	w.server, w.store = srv, srv.ComplaintStore()
	return w
}

var trackingCode = regexp.MustCompile(`/pengaduan/([0-9A-Z]{4}-[0-9A-Z]{4})`)

// fileComplaint files a complaint through the public form and returns
// its tracking code.
func (w *complaintWorld) fileComplaint(t *testing.T, form url.Values) string {
	t.Helper()
	r := w.post(t, "anon", "/organisasi/taman-baca/adukan", form)
	m := trackingCode.FindStringSubmatch(r.location)
	if r.status != 303 || m == nil {
		t.Fatalf("file: %d %q %s", r.status, r.location, r.body)
	}
	return m[1]
}

// complaintForm is a valid public complaint about the reading corner.
func complaintForm(text, visibility string) url.Values {
	return url.Values{"text": {text}, "category": {"layanan"}, "initiative": {"pojok-baca"},
		"visibility": {visibility}, "contact": {"warga@example.net"}}
}

// queuedMails are the e-mails queued so far, oldest first.
func queuedMails(t *testing.T, w *complaintWorld) []mail.Message {
	t.Helper()
	list, err := jobs.Recent(context.Background(), w.d, mail.JobKind, 500)
	if err != nil {
		t.Fatal(err)
	}
	var out []mail.Message
	for i := len(list) - 1; i >= 0; i-- {
		var m mail.Message
		if err := json.Unmarshal(list[i].Payload, &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// mailsAbout are the queued e-mails to to whose subject contains word.
func mailsAbout(t *testing.T, w *complaintWorld, to, word string) []mail.Message {
	t.Helper()
	var out []mail.Message
	for _, m := range queuedMails(t, w) {
		if m.To == to && strings.Contains(m.Subject, word) {
			out = append(out, m)
		}
	}
	return out
}
