package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/config"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/monitor"
	"github.com/sitrep-bot/sitrep/store"
)

func runDaemon(ctx context.Context, env *environment, args []string) error {
	cfg, err := configOnly(env, "run", args)
	if err != nil {
		return err
	}
	logger := newLogger(env.stderr, cfg.Log)
	st, err := store.Open(cfg.Database.Path)
	if err != nil {
		return err
	}
	defer st.Close()
	logger.Info("store open", "path", cfg.Database.Path)

	metrics := monitor.NewMetrics()
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if cfg.HTTP.Listen != "" {
		srv := &monitor.Server{Metrics: metrics, Logger: logger, Ready: st.Ping}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := srv.Serve(ctx, cfg.HTTP.Listen); err != nil {
				logger.Error("operations listener stopped", "addr", cfg.HTTP.Listen, "err", err)
			}
		}()
		logger.Info("operations listener", "addr", cfg.HTTP.Listen)
	}

	for _, u := range cfg.Feeds.URLs {
		if _, err := st.AddFeed(ctx, sitrep.Feed{URL: u}); err != nil {
			return err
		}
	}

	newsroom := briefing.NewNewsroom(st, extract.Default(), time.Now)
	opts := feedOptions(cfg.Feeds)
	fetcher := feeds.NewFetcher(opts)
	poller := feeds.NewPoller(st, fetcher, opts, time.Now, logger)
	poller.OnPoll = func(f sitrep.Feed, err error) {
		metrics.FeedsPolled.Inc()
		if err != nil {
			metrics.FetchErrors.Inc()
			logger.Warn("feed poll failed", "feed", f.URL, "failures", f.ErrorCount, "err", err)
		}
	}
	poller.OnArticle = func(ctx context.Context, a sitrep.Article) {
		metrics.ArticlesStored.Inc()
		stories, err := newsroom.Ingest(ctx, a)
		if err != nil {
			logger.Error("ingest", "article", a.URL, "err", err)
			return
		}
		metrics.Stories.Add(float64(len(stories)))
		logger.Info("new article", "outlet", a.Outlet, "title", a.Title, "stories", len(stories))
	}

	deliver, err := startDiscord(ctx, cfg, st, newsroom, poller, fetcher, metrics, logger)
	if err != nil {
		return err
	}
	defer deliver.Close()

	logger.Info("polling feeds", "interval", cfg.Feeds.PollInterval)
	err = poller.Run(ctx)
	cancel()
	wg.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	logger.Info("stopped")
	return err
}

// discordLink is the running Discord connection, or nothing when there is no token.
type discordLink interface{ Close() error }

type noDiscord struct{}

func (noDiscord) Close() error { return nil }

// startDiscord connects to Discord when a token is set. Without one the bot
// still polls and builds stories, and says so once.
func startDiscord(ctx context.Context, cfg config.Config, st sitrep.Store, newsroom *briefing.Newsroom,
	poller *feeds.Poller, fetcher *feeds.Fetcher, metrics *monitor.Metrics, logger *slog.Logger) (discordLink, error) {
	if cfg.Discord.Token == "" {
		logger.Warn("Discord delivery is off: no token set (SITREP_DISCORD_TOKEN or discord.token_file); polling and story building continue")
		return noDiscord{}, nil
	}
	return connectDiscord(ctx, cfg, st, newsroom, poller, fetcher, metrics, logger)
}
