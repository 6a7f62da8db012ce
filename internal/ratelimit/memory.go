package ratelimit

import (
	"runtime"
	"sync"
	"time"
	"weak"

	"lokadaya/internal/db"
)

// On SQLite one process serves the site, so attempts are counted in its
// memory: counting one is then no write on the single writer's path
// (a donation's rate limit was one of its four transactions). Rows
// already in rate_limits still count, being read beside the memory; a
// restart forgets what only the memory held, as it would a lockout's
// minutes. So that a flood of distinct keys (addresses) cannot grow the
// memory without bound, past maxKept slots new ones are counted in the
// table again.

// maxKept bounds the slots counted in memory, per database: about
// 100 bytes each.
var maxKept = 100_000

// slot is one key's count in one window.
type slot struct {
	key   string
	start int64 // the window's start, Unix nanoseconds
}

// tally is a slot's count and when it stops mattering: after the window
// following its own, where it still weighs as the previous one.
type tally struct {
	n       int
	expires time.Time
}

// memory holds a database's counts for this process.
type memory struct {
	mu     sync.Mutex
	counts map[slot]tally
	swept  time.Time
}

// memories maps each open SQLite database to its counts. The key is weak
// so that a closed and dropped database takes its counts with it.
var memories sync.Map // weak.Pointer[db.DB] → *memory

// memoryOf is d's memory of counts, nil on PostgreSQL, where every
// instance must see the same counts.
func memoryOf(d *db.DB) *memory {
	if d.Dialect != db.SQLite {
		return nil
	}
	key := weak.Make(d)
	if m, ok := memories.Load(key); ok {
		return m.(*memory)
	}
	m, loaded := memories.LoadOrStore(key, &memory{counts: map[slot]tally{}})
	if !loaded {
		runtime.AddCleanup(d, func(k weak.Pointer[db.DB]) { memories.Delete(k) }, key)
	}
	return m.(*memory)
}

// add counts an attempt for key in the window starting at start and
// returns the slot's count; ok is false, and nothing counted, when the
// memory is full of slots still in use.
func (m *memory) add(key string, start time.Time, window time.Duration, now time.Time) (n int, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := slot{key, start.UnixNano()}
	t, found := m.counts[s]
	if !found {
		// Swept once a minute, and when full at most once a second: a
		// flood of new keys against a full memory would otherwise scan
		// it on every attempt.
		if since := now.Sub(m.swept); since > time.Minute || (len(m.counts) >= maxKept && since > time.Second) {
			m.sweep(now)
		}
		if len(m.counts) >= maxKept {
			return 0, false
		}
		t.expires = start.Add(2 * window)
	}
	t.n++
	m.counts[s] = t
	return t.n, true
}

// count is key's count in the window starting at start.
func (m *memory) count(key string, start time.Time) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[slot{key, start.UnixNano()}].n
}

// sweep drops the slots that no longer matter. The caller holds mu.
func (m *memory) sweep(now time.Time) {
	for s, t := range m.counts {
		if !now.Before(t.expires) {
			delete(m.counts, s)
		}
	}
	m.swept = now
}
