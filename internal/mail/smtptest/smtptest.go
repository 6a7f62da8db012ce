// Package smtptest runs a real, minimal SMTP server on 127.0.0.1 for tests:
// EHLO/HELO, optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA (with
// dot-unstuffing), RSET, NOOP and QUIT. It records every message received.
package smtptest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one message the server accepted.
type Message struct {
	From string
	To   []string
	Data []byte // as sent, CRLF line ends, dots unstuffed
	// Auth is the username the client authenticated as, or "".
	Auth string
}

// Parsed reads the message's headers and body.
func (m Message) Parsed() (*mail.Message, error) {
	return mail.ReadMessage(bytes.NewReader(m.Data))
}

// Server is a running test SMTP server.
type Server struct {
	// Username and Password, when set, make AUTH PLAIN required before MAIL.
	Username, Password string

	ln       net.Listener
	mu       sync.Mutex
	messages []Message
	arrived  chan struct{}
	wg       sync.WaitGroup
}

// Start runs a server until the test ends. Give a username and password to
// require AUTH PLAIN.
func Start(t testing.TB, auth ...string) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	s := &Server{ln: ln, arrived: make(chan struct{}, 1000)}
	if len(auth) == 2 {
		s.Username, s.Password = auth[0], auth[1]
	}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Addr is the host:port the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL is an smtp:// URL for the server, with credentials when it wants them.
func (s *Server) URL() string {
	if s.Username != "" {
		return "smtp://" + s.Username + ":" + s.Password + "@" + s.Addr()
	}
	return "smtp://" + s.Addr()
}

// Close stops the server and waits for its connections to end.
func (s *Server) Close() {
	_ = s.ln.Close()
	s.wg.Wait()
}

// Messages returns a copy of what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Wait blocks until at least n messages arrived or timeout passes, and
// returns what arrived.
func (s *Server) Wait(n int, timeout time.Duration) []Message {
	deadline := time.After(timeout)
	for {
		if got := s.Messages(); len(got) >= n {
			return got
		}
		select {
		case <-s.arrived:
		case <-deadline:
			return s.Messages()
		}
	}
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer conn.Close()
			_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
			s.session(bufio.NewReader(conn), conn)
		}()
	}
}

// session speaks SMTP with one client.
func (s *Server) session(r *bufio.Reader, w net.Conn) {
	reply := func(format string, args ...any) { fmt.Fprintf(w, format+"\r\n", args...) }
	reply("220 smtptest ready")
	var cur Message
	authed := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			reply("250-smtptest")
			if s.Username != "" {
				reply("250-AUTH PLAIN")
			}
			reply("250 8BITMIME")
		case "HELO":
			reply("250 smtptest")
		case "AUTH":
			authed = s.auth(arg, r, reply)
		case "MAIL":
			if s.Username != "" && authed == "" {
				reply("530 authentication required")
				continue
			}
			cur = Message{From: addrOf(arg), Auth: authed}
			reply("250 ok")
		case "RCPT":
			cur.To = append(cur.To, addrOf(arg))
			reply("250 ok")
		case "DATA":
			if cur.From == "" || len(cur.To) == 0 {
				reply("503 need MAIL and RCPT first")
				continue
			}
			reply("354 end with <CRLF>.<CRLF>")
			data, err := readData(r)
			if err != nil {
				return
			}
			cur.Data = data
			s.record(cur)
			cur = Message{}
			reply("250 ok: queued")
		case "RSET":
			cur = Message{}
			reply("250 ok")
		case "NOOP":
			reply("250 ok")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 command not implemented")
		}
	}
}

// auth checks AUTH PLAIN, given inline or after a 334 prompt, and returns
// the authenticated username or "".
func (s *Server) auth(arg string, r *bufio.Reader, reply func(string, ...any)) string {
	mech, initial, _ := strings.Cut(arg, " ")
	if !strings.EqualFold(mech, "PLAIN") || s.Username == "" {
		reply("504 unrecognised authentication type")
		return ""
	}
	if initial == "" {
		reply("334 ")
		line, err := r.ReadString('\n')
		if err != nil {
			return ""
		}
		initial = strings.TrimRight(line, "\r\n")
	}
	raw, err := base64.StdEncoding.DecodeString(initial)
	parts := strings.Split(string(raw), "\x00")
	if err != nil || len(parts) != 3 || parts[1] != s.Username || parts[2] != s.Password {
		reply("535 authentication failed")
		return ""
	}
	reply("235 authenticated")
	return parts[1]
}

func (s *Server) record(m Message) {
	s.mu.Lock()
	s.messages = append(s.messages, m)
	s.mu.Unlock()
	select {
	case s.arrived <- struct{}{}:
	default:
	}
}

// addrOf takes the address out of "FROM:<a@b> SIZE=…" or "TO:<a@b>".
func addrOf(arg string) string {
	_, rest, _ := strings.Cut(arg, ":")
	rest = strings.TrimSpace(rest)
	if i := strings.IndexByte(rest, '>'); strings.HasPrefix(rest, "<") && i > 0 {
		return rest[1:i]
	}
	addr, _, _ := strings.Cut(rest, " ")
	return addr
}

// readData reads lines up to the lone dot, removing the leading dot that
// the client added to lines starting with one (RFC 5321 §4.5.2).
func readData(r *bufio.Reader) ([]byte, error) {
	var b bytes.Buffer
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if line == ".\r\n" || line == ".\n" {
			return b.Bytes(), nil
		}
		if strings.HasPrefix(line, ".") {
			line = line[1:]
		}
		b.WriteString(line)
	}
}
