package discord

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"
)

// A userError is a bad option or a refused action: its text is shown to the
// member, ephemerally, and nothing is stored.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func bad(format string, args ...any) error { return &userError{fmt.Sprintf(format, args...)} }

// cronParser accepts the five standard fields and the @daily style
// descriptors, but not CRON_TZ or @every: the time zone is its own option
// and @every ignores it.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

var cronField = regexp.MustCompile(`^[0-9A-Za-z*/,\-?]+$`)

// parseSpec checks a cron spec and time zone and returns the schedule with
// the zone applied. minGap is the shortest spacing allowed between runs.
// robfig/cron panics on some inputs (a bare "CRON_TZ=UTC"), so the spec is
// checked first and the parse runs under recover.
func parseSpec(spec, zone string, minGap time.Duration) (s cron.Schedule, loc *time.Location, err error) {
	spec = strings.Join(strings.Fields(spec), " ")
	if spec == "" {
		return nil, nil, bad("The cron spec is empty. Expected five fields, minute hour day-of-month month day-of-week, e.g. `0 7 * * *` for 07:00 every day.")
	}
	if len(spec) > 100 {
		return nil, nil, bad("The cron spec is too long (%d characters, at most 100).", len(spec))
	}
	loc, err = parseZone(zone)
	if err != nil {
		return nil, nil, err
	}
	if strings.HasPrefix(spec, "@") {
		switch spec {
		case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly":
		default:
			return nil, nil, bad("`%s` is not supported. Use five fields (e.g. `0 7 * * *`) or one of @hourly, @daily, @weekly, @monthly.", spec)
		}
	} else {
		fields := strings.Fields(spec)
		if len(fields) != 5 {
			return nil, nil, bad("`%s` has %d fields; expected five: minute hour day-of-month month day-of-week, e.g. `0 7 * * *`. Set the time zone with the timezone option, not in the spec.", spec, len(fields))
		}
		for _, f := range fields {
			if !cronField.MatchString(f) {
				return nil, nil, bad("`%s` is not a cron field. Use digits, `*`, `,`, `-`, `/` and names like MON or JAN.", f)
			}
		}
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = bad("`%s` is not a valid cron spec.", spec)
			}
		}()
		s, err = cronParser.Parse("CRON_TZ=" + loc.String() + " " + spec)
	}()
	if err != nil {
		if _, ok := err.(*userError); !ok {
			err = bad("`%s` is not a valid cron spec: %v. Expected e.g. `0 7 * * *` (07:00 daily) or `0 7,19 * * 1-5` (07:00 and 19:00 on weekdays).", spec, err)
		}
		return nil, nil, err
	}
	// Check the spacing over the next two weeks of runs: a spec that fires
	// every minute would turn briefings into headline spam.
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

func parseZone(zone string) (*time.Location, error) {
	zone = strings.TrimSpace(zone)
	if zone == "" || zone == "Local" || len(zone) > 64 || strings.ContainsAny(zone, " \\") {
		return nil, bad("`%s` is not a time zone. Expected an IANA name such as `UTC`, `Europe/London` or `Asia/Damascus`.", zone)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, bad("`%s` is not a time zone. Expected an IANA name such as `UTC`, `Europe/London` or `Asia/Damascus`.", zone)
	}
	return loc, nil
}

// checkFeedURL checks a URL a member typed: http or https, a host, no
// credentials, a sane length.
func checkFeedURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", bad("The URL is empty. Expected a feed or site address starting with https://.")
	}
	if len(raw) > 2048 {
		return "", bad("The URL is too long (%d characters, at most 2048).", len(raw))
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", bad("`%s` is not a URL. Expected an address such as `https://example.com/feed.xml`.", clip(raw, 100))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return "", bad("`%s` uses %q; only http and https feeds can be polled.", clip(raw, 100), u.Scheme)
	}
	if u.User != nil {
		return "", bad("The URL contains a user name or password; remove it. Feeds are fetched without credentials.")
	}
	u.Fragment = ""
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
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
