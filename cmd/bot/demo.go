package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/store"
)

// sampleFeeds are real news articles (Syria, 2014–2017) as the feeds five
// outlets published them, bundled so the demo needs no network.
//
//go:embed demo
var sampleFeeds embed.FS

func runDemo(ctx context.Context, env *environment, args []string) error {
	flags := newFlags(env, "demo", "[--format markdown|json] [--keep DIR]")
	format := flags.String("format", "markdown", "output `format`: markdown or json")
	keep := flags.String("keep", "", "keep the demo database in this `directory` instead of a temporary one")
	verbose := flags.Bool("v", false, "log what the poller does")
	if err := parse(flags, env, args); err != nil {
		return err
	}
	write, err := renderer(*format)
	if err != nil {
		return err
	}
	logLevel := slog.LevelWarn
	if *verbose {
		logLevel = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: logLevel}))

	// Serve the bundled feeds on a loopback port, as a publisher would.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	files, _ := fs.Sub(sampleFeeds, "demo")
	srv := &http.Server{Handler: feedServer(files), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "sitrep-demo-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	st, err := store.Open(filepath.Join(dir, "sitrep.db"))
	if err != nil {
		return err
	}
	defer st.Close()

	opts := feeds.DefaultOptions()
	opts.AllowPrivateNetworks = true // the sample publisher is on loopback
	// The samples are years old: let the first poll brief everything rather
	// than treat it as a backlog.
	opts.NewFeedLookback = 100 * 365 * 24 * time.Hour
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, err := st.AddFeed(ctx, sitrep.Feed{URL: base + "/" + e.Name()}); err != nil {
			return err
		}
	}

	newsroom := briefing.NewNewsroom(st, extract.Default(), time.Now)
	var mu sync.Mutex // the poller fetches feeds, and so calls OnArticle, concurrently
	var first, last time.Time
	articles := 0
	poller := feeds.NewPoller(st, feeds.NewFetcher(opts), opts, time.Now, logger)
	poller.OnArticle = func(ctx context.Context, a sitrep.Article) {
		mu.Lock()
		defer mu.Unlock()
		articles++
		if first.IsZero() || a.Published.Before(first) {
			first = a.Published
		}
		if a.Published.After(last) {
			last = a.Published
		}
		if _, err := newsroom.Ingest(ctx, a); err != nil {
			logger.Error("ingest", "article", a.URL, "err", err)
		}
	}
	if err := poller.PollDue(ctx); err != nil {
		return err
	}
	polled, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range polled {
		if f.LastError != "" {
			return fmt.Errorf("feed %s: %s", f.URL, f.LastError)
		}
	}
	if articles == 0 {
		return fmt.Errorf("the sample feeds yielded no articles")
	}
	b, err := newsroom.Compose(ctx, briefing.Window{From: first.Add(-24 * time.Hour), To: last.Add(24 * time.Hour), All: true})
	if err != nil {
		return err
	}
	if *format != "json" {
		fmt.Fprintf(env.stdout, "Sitrep demo: polled %d sample feeds served on %s, read %d articles.\n\n", len(polled), base, articles)
	}
	return write(env.stdout, b)
}

// feedServer serves feed files with the content types publishers use.
func feedServer(files fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		body, err := fs.ReadFile(files, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		switch path.Ext(name) {
		case ".atom":
			w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		case ".json":
			w.Header().Set("Content-Type", "application/feed+json")
		default:
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		}
		w.Write(body)
	})
}
