package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCLI runs the bot's command line in-process with the given environment.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &environment{stdout: &out, stderr: &errb, getenv: func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}}
	code = cli(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, nil, "help")
	if code != 0 {
		t.Fatalf("bot help exited %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, c.name) {
			t.Errorf("bot help does not list %q", c.name)
		}
		if code, out, _ := runCLI(t, nil, c.name, "--help"); code != 0 || !strings.Contains(out, "Usage: bot "+c.name) {
			t.Errorf("bot %s --help exited %d with %q", c.name, code, out)
		}
	}
	if code, _, _ := runCLI(t, nil, "frobnicate"); code != 2 {
		t.Errorf("an unknown command exited %d, want 2", code)
	}
}

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("feeds:\n  poll_interval: 30m\n"), 0o600)
	if code, out, errs := runCLI(t, nil, "config", "check", "--config", good); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("a good file: exit %d, %q %q", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("feeds:\n  timeout: soon\n  colour: red\nschedules:\n  - guild_id: \"123456789012345678\"\n    channel_id: \"123456789012345679\"\n    cron: \"0 25 * * *\"\n    timezone: Nowhere/Place\n"), 0o600)
	code, _, errs := runCLI(t, nil, "config", "check", "--config", bad)
	if code == 0 {
		t.Fatal("a bad file passed the check")
	}
	for _, want := range []string{"feeds.timeout", "feeds.colour: unknown key", "schedules[0].cron", "schedules[0].timezone", "discord.token"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the check does not name %s:\n%s", want, errs)
		}
	}
	// SITREP_CONFIG is the default for --config.
	if code, _, _ := runCLI(t, map[string]string{"SITREP_CONFIG": bad}, "config", "check"); code == 0 {
		t.Error("SITREP_CONFIG was not read")
	}
}

func TestVersion(t *testing.T) {
	if code, out, _ := runCLI(t, nil, "version"); code != 0 || !strings.HasPrefix(out, "sitrep ") {
		t.Errorf("bot version: %d %q", code, out)
	}
}

// TestDemo runs the offline showcase end to end: loopback feed server, real
// poller, temporary database, briefing printed.
func TestDemo(t *testing.T) {
	code, out, errs := runCLI(t, nil, "demo")
	if code != 0 {
		t.Fatalf("bot demo exited %d: %s", code, errs)
	}
	for _, want := range []string{"Raqqa", "Sochi"} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo briefing does not name %s:\n%s", want, out)
		}
	}
}

func TestBriefingFromFiles(t *testing.T) {
	files, _ := filepath.Glob("demo/*")
	code, out, errs := runCLI(t, nil, "briefing", "--feeds", strings.Join(files, ","),
		"--from", "2014-01-01T00:00:00Z", "--to", "2018-01-01T00:00:00Z", "--format", "json")
	if code != 0 {
		t.Fatalf("bot briefing exited %d: %s", code, errs)
	}
	var b struct {
		Incidents []struct {
			Place   struct{ Name string }
			Sources []struct{ URL string }
		}
		Developments []struct {
			Place struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	raqqaSources := 0
	for _, inc := range b.Incidents {
		if inc.Place.Name == "Raqqa" && len(inc.Sources) > raqqaSources {
			raqqaSources = len(inc.Sources)
		}
	}
	if raqqaSources < 3 {
		t.Errorf("the Raqqa strikes should be one story from three outlets; best has %d sources", raqqaSources)
	}
	sochi := false
	for _, d := range b.Developments {
		sochi = sochi || d.Place.Name == "Sochi"
	}
	if !sochi {
		t.Error("no development in Sochi")
	}

	// A window before every article yields an empty briefing, not an error.
	code, out, _ = runCLI(t, nil, "briefing", "--feeds", strings.Join(files, ","),
		"--from", "2010-01-01T00:00:00Z", "--to", "2010-01-02T00:00:00Z", "--format", "json")
	if code != 0 || strings.Contains(out, "Raqqa") {
		t.Errorf("an empty window: exit %d, %s", code, out)
	}
}

func TestBriefingBadInput(t *testing.T) {
	cases := [][]string{
		{"briefing"},
		{"briefing", "--feeds", "demo/taan.xml", "--from", "yesterday"},
		{"briefing", "--feeds", "demo/taan.xml", "--format", "pdf"},
		{"briefing", "--feeds", "no-such-file.xml"},
		{"briefing", "--feeds", "demo/taan.xml", "--from", "2015-01-01T00:00:00Z", "--to", "2014-01-01T00:00:00Z"},
	}
	for _, args := range cases {
		if code, _, errs := runCLI(t, nil, args...); code == 0 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

// TestFeedsCheckFaults: each fault is one line on stderr and a non-zero exit.
func TestFeedsCheckFaults(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>x</title></head><body>no feed here</body></html>"))
	})
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss><channel><item><title>unclosed"))
	})
	mux.HandleFunc("/ok.xml", func(w http.ResponseWriter, r *http.Request) {
		b, _ := os.ReadFile("demo/taan.xml")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(b)
	})
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<!-- padding padding padding -->"), 1<<10)
		for sent := 0; sent < 50<<20 && r.Context().Err() == nil; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zeros := make([]byte, 1<<20)
		for i := 0; i < 64 && r.Context().Err() == nil; i++ { // 64 MiB of zeros, a few hundred KiB on the wire
			zw.Write(zeros)
		}
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	env := map[string]string{"SITREP_FEEDS_ALLOW_PRIVATE_NETWORKS": "true", "SITREP_FEEDS_TIMEOUT": "1s"}
	for path, want := range map[string]string{
		"/500": "500", "/html": "not a feed", "/bad.xml": "malformed", "/429": "retry after 120s",
		"/loop": "redirect", "/slow": "timeout", "/huge": "larger than", "/bomb": "larger than",
	} {
		code, _, errs := runCLI(t, env, "feeds", "check", srv.URL+path)
		if code == 0 {
			t.Errorf("%s: check passed", path)
		}
		if n := strings.Count(strings.TrimSpace(errs), "\n"); n != 0 || !strings.Contains(errs, want) {
			t.Errorf("%s: want one line saying %q, got:\n%s", path, want, errs)
		}
	}
	if code, out, errs := runCLI(t, env, "feeds", "check", srv.URL+"/ok.xml"); code != 0 || !strings.Contains(out, "TAAN") {
		t.Errorf("a good feed: exit %d, %q %q", code, out, errs)
	}
	// Without the switch, a loopback address is refused.
	if code, _, errs := runCLI(t, nil, "feeds", "check", srv.URL+"/ok.xml"); code == 0 || errs == "" {
		t.Errorf("a loopback feed was fetched with private networks refused")
	}
}

func TestFeedsAddListRemove(t *testing.T) {
	dir := t.TempDir()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := os.ReadFile("demo/taan.xml")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(b)
	}))
	defer srv.Close()
	env := map[string]string{"SITREP_DATABASE_PATH": filepath.Join(dir, "s.db"), "SITREP_FEEDS_ALLOW_PRIVATE_NETWORKS": "true"}
	if code, out, errs := runCLI(t, env, "feeds", "add", srv.URL+"/rss", "--name", "Taan Wire"); code != 0 || !strings.Contains(out, "Taan Wire") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, env, "feeds", "add", "javascript:alert(1)"); code == 0 {
		t.Error("a javascript: URL was added")
	}
	code, out, _ := runCLI(t, env, "feeds", "list")
	if code != 0 || !strings.Contains(out, srv.URL+"/rss") {
		t.Fatalf("list: %d %q", code, out)
	}
	if code, _, errs := runCLI(t, env, "feeds", "remove", srv.URL+"/rss"); code != 0 {
		t.Fatalf("remove: %d %s", code, errs)
	}
	if _, out, _ := runCLI(t, env, "feeds", "list"); strings.Contains(out, srv.URL) {
		t.Errorf("the feed is still listed after remove:\n%s", out)
	}
	if code, _, _ := runCLI(t, env, "feeds", "remove", "999"); code == 0 {
		t.Error("removing a missing feed succeeded")
	}
}
