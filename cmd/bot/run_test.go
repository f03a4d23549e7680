package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep/config"
	"github.com/sitrep-bot/sitrep/store"
)

// syncBuffer is a bytes.Buffer safe to read while the daemon writes logs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunWithoutToken runs the daemon with no Discord token: it says once
// that delivery is off, still polls and stores articles, serves the
// operations endpoints, and shuts down cleanly with exit 0.
func TestRunWithoutToken(t *testing.T) {
	feed, err := os.ReadFile("demo/newswire-north.xml")
	if err != nil {
		t.Fatal(err)
	}
	// Re-date the sample so the first poll treats it as news, not backlog.
	now := time.Now().UTC()
	feed = bytes.ReplaceAll(feed, []byte("Mon, 27 Nov 2017 08:46:00 +0000"), []byte(now.Add(-time.Hour).Format(time.RFC1123Z)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	}))
	defer srv.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	db := filepath.Join(t.TempDir(), "sitrep.db")
	env := map[string]string{
		"SITREP_DATABASE_PATH":                db,
		"SITREP_FEEDS_URLS":                   srv.URL + "/rss",
		"SITREP_FEEDS_ALLOW_PRIVATE_NETWORKS": "true",
		"SITREP_HTTP_LISTEN":                  addr,
	}
	var stderr syncBuffer
	e := &environment{stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}}
	ctx, cancel := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- cli(ctx, e, []string{"run"}) }()

	ready := false
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && !ready {
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			ready = resp.StatusCode == 200 && strings.Contains(stderr.String(), "new article")
		}
	}
	var metrics string
	if resp, err := http.Get("http://" + addr + "/metrics"); err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		metrics = string(b)
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("bot run exited %d:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("bot run did not stop after the signal")
	}
	logs := stderr.String()
	if !ready {
		t.Fatalf("the daemon never became ready with an article stored:\n%s", logs)
	}
	if n := strings.Count(logs, "Discord delivery is off"); n != 1 {
		t.Errorf("the no-token notice appeared %d times, want once:\n%s", n, logs)
	}
	for _, want := range []string{"sitrep_feeds_polled_total 1", "sitrep_articles_stored_total 1"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("the database did not survive shutdown: %v", err)
	}
	defer st.Close()
	from := now.Add(-48 * time.Hour)
	arts, err := st.ArticlesPublished(context.Background(), from, now.Add(time.Hour))
	if err != nil || len(arts) != 1 {
		t.Errorf("stored articles = %d (%v), want the one from the feed", len(arts), err)
	}
}

// TestDeclaredSchedulesAreStoredOnce: schedules from the configuration are
// stored on start and not duplicated by a restart.
func TestDeclaredSchedulesAreStoredOnce(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	declared := []config.Schedule{
		{GuildID: "123456789012345678", ChannelID: "123456789012345679", Cron: "0 7 * * *", TimeZone: "Europe/London"},
		{GuildID: "123456789012345678", ChannelID: "123456789012345680", Cron: "30 18 * * 1-5", TimeZone: "UTC"},
	}
	for range 2 {
		if err := declareSchedules(ctx, st, declared); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Schedules(ctx, "123456789012345678")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Cron != "0 7 * * *" || got[1].TimeZone != "UTC" {
		t.Errorf("stored schedules %+v, want the two declared once each", got)
	}
}
