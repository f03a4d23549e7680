package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

var snowflake = regexp.MustCompile(`^[0-9]{15,21}$`)

// Check reports every value that is well-typed but unusable: a bad URL, an
// invalid cron spec, an unknown time zone, a number out of range, a
// schedule with no token to deliver it.
func (c Config) Check() Problems {
	var ps Problems
	bad := func(field, format string, args ...any) {
		ps = append(ps, Problem{Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		bad("log.format", "want text or json, got %q", c.Log.Format)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", "want debug, info, warn or error, got %q", c.Log.Level)
	}
	if c.Database.Path == "" {
		bad("database.path", "must name a file")
	}
	for i, u := range c.Feeds.URLs {
		if err := CheckFeedURL(u); err != nil {
			bad(fmt.Sprintf("feeds.urls[%d]", i), "%v", err)
		}
	}
	f := c.Feeds
	if f.MinInterval < time.Minute {
		bad("feeds.min_interval", "must be at least 1m so no feed is polled every few seconds, got %s", f.MinInterval)
	}
	if f.PollInterval < f.MinInterval {
		bad("feeds.poll_interval", "must be at least feeds.min_interval (%s), got %s", f.MinInterval, f.PollInterval)
	}
	if f.MaxBackoff < f.PollInterval {
		bad("feeds.max_backoff", "must be at least feeds.poll_interval (%s), got %s", f.PollInterval, f.MaxBackoff)
	}
	positive := []struct {
		field string
		n     int64
	}{
		{"feeds.max_failures", int64(f.MaxFailures)},
		{"feeds.max_body_bytes", f.MaxBodyBytes},
		{"feeds.teaser_words", int64(f.TeaserWords)},
		{"feeds.concurrency", int64(f.Concurrency)},
		{"feeds.per_host_concurrency", int64(f.PerHostConcurrency)},
		{"briefing.max_incidents", int64(c.Briefing.MaxIncidents)},
		{"briefing.max_developments", int64(c.Briefing.MaxDevelopments)},
	}
	for _, p := range positive {
		if p.n <= 0 {
			bad(p.field, "must be greater than zero, got %d", p.n)
		}
	}
	if f.Timeout <= 0 || f.Timeout > 5*time.Minute {
		bad("feeds.timeout", "want between 1s and 5m, got %s", f.Timeout)
	}
	if f.NewFeedLookback <= 0 {
		bad("feeds.new_feed_lookback", "must be greater than zero (1m briefs almost none of a new feed's backlog), got %s", f.NewFeedLookback)
	}
	if c.Briefing.DefaultPeriod <= 0 {
		bad("briefing.default_period", "must be greater than zero, got %s", c.Briefing.DefaultPeriod)
	}
	if c.Discord.CatchUpGrace < 0 {
		bad("discord.catch_up_grace", "must not be negative, got %s", c.Discord.CatchUpGrace)
	}
	if c.Discord.TestGuildID != "" && !snowflake.MatchString(c.Discord.TestGuildID) {
		bad("discord.test_guild_id", "want a Discord ID (15 to 21 digits), got %q", c.Discord.TestGuildID)
	}
	for i, s := range c.Schedules {
		field := fmt.Sprintf("schedules[%d]", i)
		if !snowflake.MatchString(s.GuildID) {
			bad(field+".guild_id", "want a Discord ID (15 to 21 digits), got %q", s.GuildID)
		}
		if !snowflake.MatchString(s.ChannelID) {
			bad(field+".channel_id", "want a Discord ID (15 to 21 digits), got %q", s.ChannelID)
		}
		if err := CheckCron(s.Cron); err != nil {
			bad(field+".cron", "%v", err)
		}
		if _, err := LoadLocation(s.TimeZone); err != nil {
			bad(field+".timezone", "%v", err)
		}
	}
	if len(c.Schedules) > 0 && c.Discord.Token == "" {
		ps = append(ps, Problem{Source: "SITREP_DISCORD_TOKEN", Field: "discord.token",
			Msg: "schedules are configured but no Discord token is set: set SITREP_DISCORD_TOKEN or discord.token_file"})
	}
	return ps
}

// CheckFeedURL accepts an absolute http or https URL with a host.
func CheckFeedURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %q", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("want an http or https URL, got %q", raw)
	}
	if u.Host == "" {
		return fmt.Errorf("URL has no host: %q", raw)
	}
	return nil
}

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// CheckCron validates a five-field cron spec or a descriptor such as
// @daily. A CRON_TZ or TZ prefix is refused: the time zone is its own
// setting. robfig/cron panics on some malformed input, so the parse is
// guarded.
func CheckCron(spec string) (err error) {
	_, err = ParseCron(spec)
	return err
}

// ParseCron parses a spec as CheckCron accepts it.
func ParseCron(spec string) (sched cron.Schedule, err error) {
	if spec == "" {
		return nil, fmt.Errorf("want a cron spec such as \"0 8 * * *\" (08:00 daily), got nothing")
	}
	if len(spec) > 100 {
		return nil, fmt.Errorf("cron spec is too long (%d characters)", len(spec))
	}
	for _, prefix := range []string{"CRON_TZ=", "TZ="} {
		if len(spec) >= len(prefix) && spec[:len(prefix)] == prefix {
			return nil, fmt.Errorf("give the time zone as its own setting, not as %s in the cron spec %q", prefix, spec)
		}
	}
	if strings.HasPrefix(spec, "@every") {
		// The bot's scheduler refuses @every: it ignores the time zone.
		return nil, fmt.Errorf("%q is not supported: use five fields (e.g. \"0 8 * * *\") or @hourly, @daily, @weekly, @monthly", spec)
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("invalid cron spec %q", spec)
		}
	}()
	sched, err = cronParser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("invalid cron spec %q: %v (want five fields: minute hour day-of-month month day-of-week, e.g. \"0 8 * * *\")", spec, err)
	}
	return sched, nil
}

// LoadLocation loads an IANA time zone, refusing the empty name that
// time.LoadLocation would read as UTC without saying so.
func LoadLocation(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		// "Local" would follow whatever machine the bot runs on.
		return nil, fmt.Errorf("want an IANA time zone such as UTC or Europe/London, got %q", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (want an IANA name such as UTC or Europe/London)", name)
	}
	return loc, nil
}
