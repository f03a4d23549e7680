package discordtest

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A Fault makes matching requests fail. Status 429 is answered as Discord
// answers a rate limit (retry_after in the body, Retry-After and
// X-RateLimit-* headers; X-RateLimit-Global when Global is set).
type Fault struct {
	Method     string // "" matches any
	Path       string // prefix of the path without /api/vN, e.g. "/channels/123/messages"
	Status     int
	Code       int    // Discord's JSON error code, e.g. 50013
	Message    string // Discord's error message
	RetryAfter time.Duration
	Global     bool
	// Times is how many requests the fault answers before it lapses; 0 means
	// until ClearFaults.
	Times int
	hits  int
}

// AddFault installs a fault; faults are checked in the order added.
func (s *Server) AddFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// fault returns the fault that answers this request, if any. Call with s.mu held.
func (s *Server) fault(method, path string) *Fault {
	for _, f := range s.faults {
		if f.Times > 0 && f.hits >= f.Times {
			continue
		}
		if (f.Method == "" || f.Method == method) && strings.HasPrefix(path, f.Path) {
			f.hits++
			return f
		}
	}
	return nil
}

// limit is a fixed-window rate limit on one route, as Discord's buckets are.
type limit struct {
	max    int
	window time.Duration
	start  time.Time
	count  int
}

// RateLimit limits requests whose path starts with prefix to max per window;
// requests beyond it get 429. Without a limit the fake still sends
// X-RateLimit-* headers with room to spare.
func (s *Server) RateLimit(prefix string, max int, window time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits[prefix] = &limit{max: max, window: window}
}

// rateHeaders sets X-RateLimit-* headers and reports whether the request
// exceeds its limit. Call with s.mu held.
func (s *Server) rateHeaders(h http.Header, path string, now time.Time) (exceeded bool, retry time.Duration) {
	var l *limit
	bucket := path
	for prefix, candidate := range s.limits {
		if strings.HasPrefix(path, prefix) {
			l, bucket = candidate, prefix
			break
		}
	}
	if l == nil {
		h.Set("X-RateLimit-Limit", "50")
		h.Set("X-RateLimit-Remaining", "49")
		h.Set("X-RateLimit-Reset", secs(float64(now.Add(time.Second).UnixMilli())/1000))
		h.Set("X-RateLimit-Reset-After", "1.000")
		h.Set("X-RateLimit-Bucket", bucketID(bucket))
		return false, 0
	}
	if now.Sub(l.start) >= l.window {
		l.start, l.count = now, 0
	}
	l.count++
	reset := l.start.Add(l.window)
	remaining := l.max - l.count
	if remaining < 0 {
		remaining = 0
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(l.max))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", secs(float64(reset.UnixMilli())/1000))
	h.Set("X-RateLimit-Reset-After", secs(reset.Sub(now).Seconds()))
	h.Set("X-RateLimit-Bucket", bucketID(bucket))
	return l.count > l.max, reset.Sub(now)
}

func secs(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func bucketID(route string) string {
	var h uint32 = 2166136261
	for i := 0; i < len(route); i++ {
		h ^= uint32(route[i])
		h *= 16777619
	}
	return strconv.FormatUint(uint64(h), 16)
}

// A Hold lets a number of message creations through and then holds the next
// one: the message is stored (Discord received it) but the answer never
// comes, as when the sending process dies after the request left. A test
// waits on Reached, stops the bot, and calls Release before starting another.
type Hold struct {
	after   int
	reached chan struct{}
	release chan struct{}
	once    sync.Once
}

// Reached is closed when a message creation is being held.
func (h *Hold) Reached() <-chan struct{} { return h.reached }

// HoldMessages installs a hold after n more message creations (channel
// messages and forum posts). Only one hold is active at a time.
func (s *Server) HoldMessages(n int) *Hold {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := &Hold{after: n, reached: make(chan struct{}), release: make(chan struct{})}
	s.hold = h
	return h
}

// Release ends the hold: held requests fail and later ones pass.
func (s *Server) Release() {
	s.mu.Lock()
	h := s.hold
	s.hold = nil
	s.mu.Unlock()
	if h != nil {
		h.once.Do(func() { close(h.release) })
	}
}

// holdFor counts a message creation and returns the hold when this one must
// be held. Call with s.mu held.
func (s *Server) holdFor() *Hold {
	h := s.hold
	if h == nil {
		return nil
	}
	if h.after > 0 {
		h.after--
		return nil
	}
	select {
	case <-h.reached:
	default:
		close(h.reached)
	}
	return h
}
