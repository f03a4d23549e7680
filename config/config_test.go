package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func noEnv(string) (string, bool) { return "", false }

func envOf(m map[string]string) Env {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "sitrep.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaultsNeedNoFile(t *testing.T) {
	cfg, err := Load("", noEnv)
	if err != nil {
		t.Fatalf("Load with no file: %v", err)
	}
	if cfg.Database.Path != "sitrep.db" || cfg.Feeds.PollInterval != 15*time.Minute {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}

func TestExampleFileIsValid(t *testing.T) {
	cfg, err := Load("sitrep.example.yaml", noEnv)
	if err != nil {
		t.Fatalf("the example config does not pass its own check:\n%v", err)
	}
	if cfg.Feeds.MaxBodyBytes != 10<<20 {
		t.Errorf("max_body_bytes = %d", cfg.Feeds.MaxBodyBytes)
	}
}

func TestEnvironmentOverridesFile(t *testing.T) {
	p := writeFile(t, "database:\n  path: from-file.db\nfeeds:\n  poll_interval: 20m\n")
	cfg, err := Load(p, envOf(map[string]string{
		"SITREP_DATABASE_PATH":                "/data/env.db",
		"SITREP_FEEDS_URLS":                   "https://a.example/rss, https://b.example/atom",
		"SITREP_DISCORD_TOKEN":                "secret-token",
		"SITREP_FEEDS_ALLOW_PRIVATE_NETWORKS": "true",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Database.Path != "/data/env.db" {
		t.Errorf("database.path = %q, want the environment's", cfg.Database.Path)
	}
	if cfg.Feeds.PollInterval != 20*time.Minute {
		t.Errorf("poll_interval = %s, want the file's 20m", cfg.Feeds.PollInterval)
	}
	if len(cfg.Feeds.URLs) != 2 || cfg.Feeds.URLs[1] != "https://b.example/atom" {
		t.Errorf("feeds.urls = %q", cfg.Feeds.URLs)
	}
	if cfg.Discord.Token != "secret-token" || !cfg.Feeds.AllowPrivateNetworks {
		t.Errorf("token or bool not read from the environment")
	}
}

func TestTokenFromFile(t *testing.T) {
	tok := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tok, []byte("  file-token\n"), 0o600)
	p := writeFile(t, "discord:\n  token_file: "+tok+"\n")
	cfg, err := Load(p, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.Token != "file-token" {
		t.Errorf("token = %q", cfg.Discord.Token)
	}
}

// TestBadInput covers each kind of bad configuration: every problem is
// reported, one line each, naming the field and, for the file, the line.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		file string
		env  map[string]string
		want []string // substrings, each expected on its own line
	}{
		{"wrong type", "feeds:\n  timeout: soon\n", nil, []string{":2: feeds.timeout: want a duration"}},
		{"wrong type int", "feeds:\n  max_failures: many\n", nil, []string{":2: feeds.max_failures: want a whole number"}},
		{"unknown key", "feeds:\n  poll_intervall: 10m\n", nil, []string{":2: feeds.poll_intervall: unknown key"}},
		{"unknown section", "discrod:\n  token_file: x\n", nil, []string{":1: discrod: unknown key"}},
		{"token in file", "discord:\n  token: abc\n", nil, []string{":2: discord.token: secrets are not read from the config file"}},
		{"invalid cron", "schedules:\n  - guild_id: \"123456789012345678\"\n    channel_id: \"123456789012345679\"\n    cron: \"61 * * * *\"\n    timezone: UTC\n",
			map[string]string{"SITREP_DISCORD_TOKEN": "t"}, []string{":4: schedules[0].cron: \"61 * * * *\" is not a valid cron spec"}},
		{"cron with bare tz", "schedules:\n  - guild_id: \"123456789012345678\"\n    channel_id: \"123456789012345679\"\n    cron: \"CRON_TZ=UTC\"\n    timezone: UTC\n",
			map[string]string{"SITREP_DISCORD_TOKEN": "t"}, []string{"schedules[0].cron: give the time zone as its own setting"}},
		{"bad time zone", "schedules:\n  - guild_id: \"123456789012345678\"\n    channel_id: \"123456789012345679\"\n    cron: \"0 8 * * *\"\n    timezone: Mars/Olympus\n",
			map[string]string{"SITREP_DISCORD_TOKEN": "t"}, []string{":5: schedules[0].timezone: \"Mars/Olympus\" is not a time zone"}},
		{"bad url", "feeds:\n  urls:\n    - ftp://example.org/feed\n    - not a url\n", nil,
			[]string{":3: feeds.urls[0]: \"ftp://example.org/feed\" uses \"ftp\"; only http and https", ":4: feeds.urls[1]: \"not a url\" is not a URL"}},
		{"missing token", "schedules:\n  - guild_id: \"123456789012345678\"\n    channel_id: \"123456789012345679\"\n    cron: \"0 8 * * *\"\n    timezone: UTC\n",
			nil, []string{"discord.token: schedules are configured but no Discord token is set"}},
		{"bad env value", "", map[string]string{"SITREP_FEEDS_TIMEOUT": "forever"}, []string{"SITREP_FEEDS_TIMEOUT: feeds.timeout: want a duration"}},
		{"several at once", "log:\n  format: xml\nfeeds:\n  min_interval: 1s\n  concurrency: 0\n", nil,
			[]string{":2: log.format: want text or json", ":4: feeds.min_interval:", ":5: feeds.concurrency: must be greater than zero"}},
		{"not yaml", "feeds: [unclosed\n", nil, []string{"(file): not valid YAML"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, c.file)
			_, err := Load(p, envOf(c.env))
			if err == nil {
				t.Fatalf("Load accepted a bad config")
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range c.want {
				found := false
				for _, l := range lines {
					if strings.Contains(l, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("no line contains %q; got:\n%s", w, err)
				}
			}
		})
	}
}

func TestParseScheduleNeverPanics(t *testing.T) {
	for _, spec := range []string{"CRON_TZ=UTC", "TZ=", "@every", "@every -1s", "* * * * * * * *", "0 8 * * *x", "\x00", "0 0 31 2 *"} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("ParseSchedule(%q) panicked: %v", spec, r)
				}
			}()
			ParseSchedule(spec, "UTC")
		}()
	}
	for _, spec := range []string{"@every 5m", "@every 1h"} {
		if _, _, err := ParseSchedule(spec, "UTC"); err == nil {
			t.Errorf("ParseSchedule(%q) accepted a spec the scheduler refuses", spec)
		}
	}
	if _, err := LoadLocation("Local"); err == nil {
		t.Error(`LoadLocation("Local") accepted the machine's own zone`)
	}
	if _, _, err := ParseSchedule("0 8 * * 1-5", "Asia/Damascus"); err != nil {
		t.Errorf("a valid weekday spec was refused: %v", err)
	}
}
