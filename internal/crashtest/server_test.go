package crashtest

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds cmd/lokadaya once per test binary.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "lokadaya-crash-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "lokadaya")
	out, err := exec.Command("go", "build", "-o", bin, "lokadaya/cmd/lokadaya").CombinedOutput()
	if err != nil {
		return "", &buildError{err: err, out: string(out)}
	}
	return bin, nil
})

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "build: " + e.err.Error() + "\n" + e.out }

// server is the lokadaya process under test: always the same address and
// database, started again after every kill.
type server struct {
	bin  string
	args []string
	env  []string
	log  string // the processes' output, appended

	mu     sync.Mutex
	cmd    *exec.Cmd
	starts int
}

// freeAddr is a loopback address with a port nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// start runs the process and waits for /readyz. It may run outside the
// test's goroutine, so it returns its error instead of failing the test.
func (s *server) start(base string) error {
	logf, err := os.OpenFile(s.log, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(s.bin, s.args...)
	cmd.Env = append(os.Environ(), s.env...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return err
	}
	s.mu.Lock()
	s.cmd = cmd
	s.starts++
	s.mu.Unlock()
	return s.waitReady(base + "/readyz")
}

// waitReady waits up to two minutes for url to answer 200.
func (s *server) waitReady(url string) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	out, _ := os.ReadFile(s.log)
	return fmt.Errorf("%s never answered\n%s", url, out)
}

// kill ends the process with SIGKILL, as a power cut or the OOM killer
// would: no shutdown code runs.
func (s *server) kill() {
	s.mu.Lock()
	cmd := s.cmd
	s.cmd = nil
	s.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
}
