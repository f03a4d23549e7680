// Package config reads Sitrep's settings: one YAML file, every field
// overridable by an environment variable, and defaults that work with no file
// at all. Secrets (the Discord token) come only from the environment or a
// file named in the config, never from the YAML itself, and are never logged.
//
// The package only reads and checks settings; each part of the bot takes the
// values it needs from the Config the command line builds.
package config

import (
	"time"
)

// Config is every setting of the bot. The yaml tags are the file's keys; the
// environment variable for a field is SITREP_ followed by its path in upper
// case with dots as underscores (database.path → SITREP_DATABASE_PATH).
type Config struct {
	Log       Log        `yaml:"log"`
	Database  Database   `yaml:"database"`
	HTTP      HTTP       `yaml:"http"`
	Discord   Discord    `yaml:"discord"`
	Feeds     Feeds      `yaml:"feeds"`
	Briefing  Briefing   `yaml:"briefing"`
	Schedules []Schedule `yaml:"schedules"`
}

// Log chooses how the bot logs.
type Log struct {
	Format string `yaml:"format"` // text or json
	Level  string `yaml:"level"`  // debug, info, warn or error
}

// Database locates the embedded store.
type Database struct {
	Path string `yaml:"path"` // SQLite file; created when missing
}

// HTTP is the operations listener: /healthz, /readyz and /metrics.
type HTTP struct {
	Listen string `yaml:"listen"` // empty: off; e.g. 127.0.0.1:9090
}

// Discord holds the connection settings. The token itself is read from
// SITREP_DISCORD_TOKEN or from TokenFile.
type Discord struct {
	Token        string        `yaml:"-"`
	TokenFile    string        `yaml:"token_file"`
	TestGuildID  string        `yaml:"test_guild_id"`  // register commands to this guild only (fast to update)
	CatchUpGrace time.Duration `yaml:"catch_up_grace"` // a slot missed while down is posted late if within this
}

// Feeds tunes polling and fetching.
type Feeds struct {
	URLs                 []string      `yaml:"urls"` // polled on start, with no guild subscribed
	PollInterval         time.Duration `yaml:"poll_interval"`
	MinInterval          time.Duration `yaml:"min_interval"`
	MaxBackoff           time.Duration `yaml:"max_backoff"`
	MaxFailures          int           `yaml:"max_failures"`
	Timeout              time.Duration `yaml:"timeout"`
	MaxBodyBytes         int64         `yaml:"max_body_bytes"`
	UserAgent            string        `yaml:"user_agent"`
	AllowPrivateNetworks bool          `yaml:"allow_private_networks"`
	TeaserWords          int           `yaml:"teaser_words"`
	NewFeedLookback      time.Duration `yaml:"new_feed_lookback"`
	Concurrency          int           `yaml:"concurrency"`
	PerHostConcurrency   int           `yaml:"per_host_concurrency"`
}

// Briefing shapes what a briefing holds.
type Briefing struct {
	MaxIncidents    int           `yaml:"max_incidents"`
	MaxDevelopments int           `yaml:"max_developments"`
	DefaultPeriod   time.Duration `yaml:"default_period"` // the window of /briefing and of a first scheduled briefing
}

// Schedule is a briefing posted to a channel, declared in the file rather
// than with /schedule.
type Schedule struct {
	GuildID   string `yaml:"guild_id"`
	ChannelID string `yaml:"channel_id"`
	Cron      string `yaml:"cron"`
	TimeZone  string `yaml:"timezone"`
}

// Default returns the settings used when no file and no variable says otherwise.
func Default() Config {
	return Config{
		Log:      Log{Format: "text", Level: "info"},
		Database: Database{Path: "sitrep.db"},
		Discord:  Discord{CatchUpGrace: 2 * time.Hour},
		Feeds: Feeds{
			PollInterval:       15 * time.Minute,
			MinInterval:        5 * time.Minute,
			MaxBackoff:         6 * time.Hour,
			MaxFailures:        10,
			Timeout:            20 * time.Second,
			MaxBodyBytes:       10 << 20,
			UserAgent:          "Sitrep/1.0 (+https://github.com/sitrep-bot/sitrep; news briefing bot)",
			TeaserWords:        120,
			NewFeedLookback:    24 * time.Hour,
			Concurrency:        16,
			PerHostConcurrency: 2,
		},
		Briefing: Briefing{MaxIncidents: 10, MaxDevelopments: 8, DefaultPeriod: 24 * time.Hour},
	}
}
