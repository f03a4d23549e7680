package config

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/sitrep-bot/sitrep/feeds"
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
		if _, err := feeds.CheckURL(u); err != nil {
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

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// cronField is what one of the five fields may hold: digits, names (MON,
// JAN), *, ?, and the , - / operators.
var cronField = regexp.MustCompile(`^[0-9A-Za-z*/,\-?]+$`)

// cronExamples ends every cron error: what a good spec looks like.
const cronExamples = `expected five fields, minute hour day-of-month month day-of-week, e.g. "0 7 * * *" (07:00 daily) or "0 7,19 * * 1-5" (07:00 and 19:00 on weekdays), or one of @hourly, @daily, @weekly, @monthly`

// CheckCron validates a schedule's cron spec as ParseSchedule reads it.
func CheckCron(spec string) error {
	_, err := parseCron(spec, time.UTC)
	return err
}

// ParseSchedule is the one reading of a schedule, from the config file or a
// slash command: a cron spec of five fields or a descriptor such as @daily,
// in an IANA time zone given apart. It refuses @every and a CRON_TZ or TZ
// prefix, which would ignore or override the zone.
func ParseSchedule(spec, zone string) (cron.Schedule, *time.Location, error) {
	loc, err := LoadLocation(zone)
	if err != nil {
		return nil, nil, err
	}
	sched, err := parseCron(spec, loc)
	if err != nil {
		return nil, nil, err
	}
	return sched, loc, nil
}

// parseCron checks a spec before robfig/cron parses it, and guards the
// parse: robfig/cron panics on some malformed input (a bare "CRON_TZ=UTC").
func parseCron(spec string, loc *time.Location) (sched cron.Schedule, err error) {
	spec = strings.Join(strings.Fields(spec), " ")
	switch {
	case spec == "":
		return nil, fmt.Errorf("the cron spec is empty; %s", cronExamples)
	case len(spec) > 100:
		return nil, fmt.Errorf("the cron spec is too long (%d characters, at most 100)", len(spec))
	case strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ="):
		return nil, fmt.Errorf("give the time zone as its own setting, not in the cron spec %q; %s", spec, cronExamples)
	case strings.HasPrefix(spec, "@"):
		switch spec {
		case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly":
		default:
			// @every ignores the time zone.
			return nil, fmt.Errorf("%q is not supported; %s", spec, cronExamples)
		}
	default:
		fields := strings.Fields(spec)
		if len(fields) != 5 {
			return nil, fmt.Errorf("%q has %d fields; %s", spec, len(fields), cronExamples)
		}
		for _, f := range fields {
			if !cronField.MatchString(f) {
				return nil, fmt.Errorf("%q is not a cron field: use digits, *, the , - / operators and names like MON or JAN", f)
			}
		}
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("%q is not a valid cron spec; %s", spec, cronExamples)
		}
	}()
	sched, err = cronParser.Parse("CRON_TZ=" + loc.String() + " " + spec)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid cron spec (%v); %s", spec, err, cronExamples)
	}
	return sched, nil
}

// LoadLocation loads an IANA time zone, refusing the empty name that
// time.LoadLocation would read as UTC without saying so.
func LoadLocation(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	// "Local" would follow whatever machine the bot runs on; no IANA name is
	// longer than 64 characters.
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, fmt.Errorf("%q is not a time zone; expected an IANA name such as UTC, Europe/London or Asia/Damascus", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not a time zone; expected an IANA name such as UTC, Europe/London or Asia/Damascus", name)
	}
	return loc, nil
}
