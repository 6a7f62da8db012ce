//go:build unix

package db

import (
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// walIndex is SQLite's WAL index (the "-shm" file beside the database),
// mapped read-only. Its header holds a counter that every committed
// transaction moves, by any connection of any process
// (https://www.sqlite.org/walformat.html, "The WAL-Index Header"): reading
// it is a memory load where PRAGMA data_version is a statement on a
// connection of its own that every request would queue for.
type walIndex struct {
	mem []byte
}

// walIndexHeader is the size of the two copies of the header SQLite keeps.
const walIndexHeader = 2 * 48

// mapWALIndex maps the WAL index of the database at path. The caller must
// hold a connection to the database open for as long as it reads the
// mapping: SQLite deletes and recreates the file only when no connection
// is left.
func mapWALIndex(path string) (*walIndex, error) {
	f, err := os.Open(path + "-shm")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() < walIndexHeader {
		return nil, errors.New("db: WAL index too short")
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, walIndexHeader, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("db: map WAL index: %w", err)
	}
	return &walIndex{mem: mem}, nil
}

// version reads the header's change counter and checksum from both
// copies. A writer updates the second copy, then the first; when they
// differ a commit is under way and ok is false.
func (w *walIndex) version() (v string, ok bool) {
	word := func(off int) uint32 { return atomic.LoadUint32((*uint32)(unsafe.Pointer(&w.mem[off]))) }
	// iChange at offset 8, the checksum aCksum at 40 and 44 of each copy.
	first := [3]uint32{word(8), word(40), word(44)}
	second := [3]uint32{word(48 + 8), word(48 + 40), word(48 + 44)}
	if first != second {
		return "", false
	}
	return fmt.Sprintf("w%d.%d.%d", first[0], first[1], first[2]), true
}

func (w *walIndex) unmap() { _ = syscall.Munmap(w.mem) }
