package main

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing"
	"github.com/sitrep-bot/sitrep/briefing/render"
	"github.com/sitrep-bot/sitrep/config"
	"github.com/sitrep-bot/sitrep/discord"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/monitor"
)

// connectDiscord starts the Discord side: the gateway session, slash
// commands and the briefing scheduler, wired to the newsroom and the feeds.
func connectDiscord(ctx context.Context, cfg config.Config, st sitrep.Store, newsroom *briefing.Newsroom,
	poller *feeds.Poller, fetcher *feeds.Fetcher, metrics *monitor.Metrics, logger *slog.Logger) (discordLink, error) {
	compose := func(ctx context.Context, w discord.Window) (sitrep.Briefing, error) {
		return newsroom.Compose(ctx, briefing.Window{
			From: w.From, To: w.To, Filter: w.Filter, Briefed: w.Briefed,
			MaxIncidents: cfg.Briefing.MaxIncidents, MaxDevelopments: cfg.Briefing.MaxDevelopments,
		})
	}
	check := func(ctx context.Context, url string) (discord.FeedReport, error) {
		r, err := fetcher.Check(ctx, url)
		if err != nil {
			return discord.FeedReport{}, err
		}
		return discord.FeedReport{URL: r.URL, Title: r.Title, SiteURL: r.SiteURL, Items: r.Newest}, nil
	}
	if err := declareSchedules(ctx, st, cfg.Schedules); err != nil {
		return nil, err
	}
	bot, err := discord.New(discord.Options{
		Token:         cfg.Discord.Token,
		TestGuildID:   cfg.Discord.TestGuildID,
		Logger:        logger,
		Now:           time.Now,
		CatchUpGrace:  cfg.Discord.CatchUpGrace,
		DefaultPeriod: cfg.Briefing.DefaultPeriod,
		Confirmed:     newsroom.Confirmed(),
		OnDelivered:   func(sitrep.Delivery) { metrics.BriefingsDelivered.Inc() },
		OnCommand: func(name string, took time.Duration) {
			metrics.CommandLatency.WithLabelValues(name).Observe(took.Seconds())
		},
	}, discord.Deps{Store: st, Compose: compose, Render: render.Discord, Check: check})
	if err != nil {
		return nil, err
	}
	if err := bot.Start(ctx); err != nil {
		return nil, err
	}
	poller.OnHealth = func(f sitrep.Feed) { bot.ReportFeedHealth(ctx, f) }
	return bot, nil
}

// declareSchedules stores the schedules the configuration declares, once:
// a schedule already stored for the same channel, spec and zone is kept as
// it is (paused or not), so restarting does not duplicate it.
func declareSchedules(ctx context.Context, st sitrep.GuildStore, declared []config.Schedule) error {
	for _, d := range declared {
		have, err := st.Schedules(ctx, d.GuildID)
		if err != nil {
			return err
		}
		exists := slices.ContainsFunc(have, func(s sitrep.Schedule) bool {
			return s.ChannelID == d.ChannelID && s.Cron == d.Cron && s.TimeZone == d.TimeZone
		})
		if exists {
			continue
		}
		if _, err := st.AddSchedule(ctx, sitrep.Schedule{GuildID: d.GuildID, ChannelID: d.ChannelID, Cron: d.Cron, TimeZone: d.TimeZone}); err != nil {
			return err
		}
	}
	return nil
}
