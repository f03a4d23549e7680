package feeds

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kinds of failure. Every error this package returns for a fetch or parse is
// an *Error whose Kind is one of these, so callers can test with errors.Is
// and show Error() to an admin as it is: one line saying what went wrong.
var (
	ErrBadURL         = errors.New("feeds: bad URL")
	ErrTimeout        = errors.New("feeds: timeout")
	ErrHTTPStatus     = errors.New("feeds: HTTP error status")
	ErrRateLimited    = errors.New("feeds: rate limited")
	ErrTooLarge       = errors.New("feeds: body too large")
	ErrRedirect       = errors.New("feeds: bad redirect")
	ErrPrivateAddress = errors.New("feeds: refusing private network address")
	ErrNetwork        = errors.New("feeds: network error")
	ErrNotFeed        = errors.New("feeds: not a feed")
	ErrMalformed      = errors.New("feeds: malformed feed")
)

// An Error is a fetch or parse failure with a message an admin can act on.
type Error struct {
	Kind       error         // one of the Err* kinds above
	Msg        string        // one line, e.g. "HTTP 500" or "malformed XML at line 12: ..."
	RetryAfter time.Duration // from a Retry-After header, zero when none
	Err        error         // the underlying cause, if any
}

func (e *Error) Error() string { return e.Msg }

// Is makes errors.Is(err, ErrTimeout) and friends work.
func (e *Error) Is(target error) bool { return target == e.Kind }

func (e *Error) Unwrap() error { return e.Err }

// newError builds an *Error, folding the message onto one line.
func newError(kind error, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: oneLine(fmt.Sprintf(format, args...)), Err: cause}
}

// oneLine collapses whitespace runs, newlines included, and bounds the length
// so an error fits a Discord message line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 300
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// RetryAfter returns how long a server asked us to wait, or zero.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}
