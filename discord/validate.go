package discord

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"

	"github.com/sitrep-bot/sitrep/config"
	"github.com/sitrep-bot/sitrep/feeds"
)

// A userError is a bad option or a refused action: its text is shown to the
// member, ephemerally, and nothing is stored.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func bad(format string, args ...any) error { return &userError{fmt.Sprintf(format, args...)} }

// parseSpec reads a schedule's cron spec and time zone by the config's
// rules and returns the schedule in that zone. minGap is the shortest
// spacing allowed between runs.
func parseSpec(spec, zone string, minGap time.Duration) (cron.Schedule, *time.Location, error) {
	s, loc, err := config.ParseSchedule(spec, zone)
	if err != nil {
		return nil, nil, bad("%s.", sentence(err.Error()))
	}
	// Check the spacing over the next two weeks of runs: a spec that fires
	// every minute would turn briefings into headline spam.
	spec = strings.Join(strings.Fields(spec), " ")
	from := time.Date(2030, 1, 1, 0, 0, 0, 0, loc)
	prev := s.Next(from)
	if prev.IsZero() {
		return nil, nil, bad("`%s` never fires.", spec)
	}
	for i := 0; i < 400; i++ {
		next := s.Next(prev)
		if next.IsZero() || next.Sub(from) > 15*24*time.Hour {
			break
		}
		if gap := next.Sub(prev); gap < minGap {
			return nil, nil, bad("`%s` fires every %v; briefings must be at least %v apart.", spec, gap, minGap)
		}
		prev = next
	}
	return s, loc, nil
}

// sentence starts an error message with a capital, for a reply of its own.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}

// checkFeedURL checks a URL a member typed by the feeds' own rule and
// returns it cleaned.
func checkFeedURL(raw string) (string, error) {
	u, err := feeds.CheckURL(raw)
	if err != nil {
		return "", bad("%s.", sentence(err.Error()))
	}
	return u.String(), nil
}

var snowflake = regexp.MustCompile(`^[0-9]{15,21}$`)

func checkSnowflake(what, id string) error {
	if !snowflake.MatchString(id) {
		return bad("`%s` is not a Discord %s ID (15 to 21 digits).", clip(id, 40), what)
	}
	return nil
}

// checkText bounds a free-text option.
func checkText(what, s string, max int) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", bad("The %s is not valid text.", what)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", bad("The %s is too long (%d characters, at most %d).", what, n, max)
	}
	if strings.ContainsAny(s, "\x00\r\n") {
		return "", bad("The %s must be one line.", what)
	}
	return s, nil
}

// splitList parses a comma-separated list option.
func splitList(what, s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		p, err := checkText(what+" entry", part, 64)
		if err != nil {
			return nil, err
		}
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	if len(out) > 20 {
		return nil, bad("Too many %s (%d, at most 20).", what, len(out))
	}
	return out, nil
}

// parsePeriod reads "24h", "3d", "1w", "90m".
func parsePeriod(s string, def, max time.Duration) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return def, nil
	}
	var n int
	var unit string
	if _, err := fmt.Sscanf(s, "%d%s", &n, &unit); err != nil || n <= 0 {
		return 0, bad("`%s` is not a period. Expected a number and a unit, e.g. `12h`, `3d` or `1w`.", clip(s, 40))
	}
	var d time.Duration
	switch unit {
	case "m", "min", "mins", "minutes":
		d = time.Duration(n) * time.Minute
	case "h", "hr", "hrs", "hours":
		d = time.Duration(n) * time.Hour
	case "d", "day", "days":
		d = time.Duration(n) * 24 * time.Hour
	case "w", "week", "weeks":
		d = time.Duration(n) * 7 * 24 * time.Hour
	default:
		return 0, bad("`%s` is not a period. Expected a number and a unit, e.g. `12h`, `3d` or `1w`.", clip(s, 40))
	}
	if d > max {
		return 0, bad("`%s` is too long; at most %s.", s, humanDuration(max))
	}
	return d, nil
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func humanDuration(d time.Duration) string {
	switch {
	case d%(7*24*time.Hour) == 0:
		return fmt.Sprintf("%dw", d/(7*24*time.Hour))
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return d.String()
}
