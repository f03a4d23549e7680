// Package discord is Sitrep's Discord layer. It owns the gateway session,
// the slash commands (registration, routing, permission checks, validation
// of every option), the per-schedule cron that posts briefings, the
// exactly-once delivery of each (schedule, slot), updates of briefings
// already posted, and feed-health notes to admin channels.
//
// It does not build briefings, fetch feeds or store anything itself: the
// caller passes a sitrep.Store, a Composer (the newsroom), a Renderer (the
// Discord embeds) and a FeedChecker, so this package depends only on the
// domain types and discordgo.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"github.com/robfig/cron/v3"

	"github.com/sitrep-bot/sitrep"
)

// Window is what a briefing covers: stories new or changed in [From, To),
// narrowed by Filter; Briefed maps stories already briefed to the facts hash
// they were briefed with, so unchanged ones are left out and changed ones
// come back as updates.
type Window struct {
	From, To time.Time
	Filter   sitrep.Filter
	Briefed  map[int64]string
}

// Composer builds the briefing for a window (briefing.Newsroom.Compose).
type Composer func(ctx context.Context, w Window) (sitrep.Briefing, error)

// Renderer turns a briefing into Discord messages, each within Discord's
// limits (briefing/render.Discord).
type Renderer func(b sitrep.Briefing) []*discordgo.MessageSend

// FeedReport is what a feed yields now, for /feeds check and /feeds add.
type FeedReport struct {
	URL      string // the feed's URL, after discovery from a page URL
	Title    string
	SiteURL  string
	Items    []sitrep.Article // as parsed, newest first
	Warnings []string
}

// FeedChecker fetches and parses a feed (or finds one on a page) without
// storing anything.
type FeedChecker func(ctx context.Context, url string) (FeedReport, error)

// Deps are the parts the bot drives.
type Deps struct {
	Store   sitrep.Store
	Compose Composer
	Render  Renderer
	Check   FeedChecker // optional: without it /feeds add stores the URL unchecked
}

// Options configure the session and the scheduler.
type Options struct {
	Token         string // the bot token, without "Bot "
	ApplicationID string // optional: taken from READY when empty
	TestGuildID   string // register commands to this guild only, instantly; empty registers globally
	HTTPClient    *http.Client
	Dialer        *websocket.Dialer
	Logger        *slog.Logger
	Now           func() time.Time
	// CatchUpGrace is how late a slot missed while the bot was down may
	// still be posted; older ones are recorded as skipped.
	CatchUpGrace time.Duration
	// MinInterval is the shortest spacing between two runs of a schedule.
	MinInterval time.Duration
	// Retries bounds the retries of one Discord request after rate limits,
	// 5xx answers and network errors; RetryBase is the first backoff.
	Retries   int
	RetryBase time.Duration
	// OnDelivered is called after a scheduled briefing is posted, and
	// OnCommand after a slash command is answered, with how long it took;
	// both are optional, for metrics.
	OnDelivered func(d sitrep.Delivery)
	OnCommand   func(name string, took time.Duration)
	// Confirmed is the confidence an incident story's surest report needs
	// to count as confirmed (the extraction model's threshold); lookups
	// mark the others as unconfirmed. Zero marks none.
	Confirmed float64
	// DefaultPeriod is the window of /briefing without a period, and of a
	// schedule's first briefing; zero uses 24 hours.
	DefaultPeriod time.Duration
	// UpdateInterval is how often posted briefings are checked for changed
	// stories; zero uses 10 minutes, negative turns the check off.
	UpdateInterval time.Duration
}

// Bot is the running Discord side of Sitrep.
type Bot struct {
	opt   Options
	deps  Deps
	log   *slog.Logger
	now   func() time.Time
	dg    *discordgo.Session
	appID string

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	cron    *cron.Cron
	mu      sync.Mutex
	entries map[int64]cron.EntryID // schedule ID → cron entry
	locks   map[int64]*sync.Mutex  // schedule ID → delivery lock
	pages   *pageCache
	started bool
	closed  bool
}

// track counts a piece of work Close must wait for, or reports false once
// Close has begun. WaitGroup.Add may not race with Wait, hence the lock.
func (b *Bot) track() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.wg.Add(1)
	return true
}

// New builds a bot; nothing connects until Start.
func New(opt Options, deps Deps) (*Bot, error) {
	if opt.Token == "" {
		return nil, errors.New("discord: no bot token")
	}
	if deps.Store == nil || deps.Compose == nil || deps.Render == nil {
		return nil, errors.New("discord: a store, a composer and a renderer are required")
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.HTTPClient == nil {
		opt.HTTPClient = &http.Client{Timeout: 20 * time.Second}
	}
	if opt.MinInterval <= 0 {
		opt.MinInterval = 10 * time.Minute
	}
	if opt.Retries <= 0 {
		opt.Retries = 5
	}
	if opt.RetryBase <= 0 {
		opt.RetryBase = 500 * time.Millisecond
	}
	if opt.UpdateInterval == 0 {
		opt.UpdateInterval = 10 * time.Minute
	}
	if opt.DefaultPeriod <= 0 {
		opt.DefaultPeriod = 24 * time.Hour
	}
	dg, err := discordgo.New("Bot " + opt.Token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	dg.Client = opt.HTTPClient
	if opt.Dialer != nil {
		dg.Dialer = opt.Dialer
	} else {
		dg.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 45 * time.Second}
	}
	// Slash commands need no privileged intent; Guilds brings GUILD_CREATE
	// so channel types are known without a request.
	dg.Identify.Intents = discordgo.IntentsGuilds
	dg.ShouldReconnectOnError = true
	// Rate limits and 5xx are retried by call, with a bound; discordgo's own
	// 429 loop has none.
	dg.ShouldRetryOnRateLimit = false
	dg.MaxRestRetries = 0
	dg.LogLevel = discordgo.LogError
	dg.StateEnabled = true
	dg.State.TrackChannels = true
	dg.State.TrackThreads = true

	b := &Bot{
		opt: opt, deps: deps, log: opt.Logger, now: opt.Now, dg: dg,
		entries: map[int64]cron.EntryID{},
		locks:   map[int64]*sync.Mutex{},
		pages:   newPageCache(1000, time.Hour),
	}
	b.ctx, b.cancel = context.WithCancel(context.Background())
	b.cron = cron.New(cron.WithLocation(time.UTC),
		cron.WithChain(cron.Recover(cronLogger{b.log})))
	dg.AddHandler(b.onInteraction)
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { b.log.Info("discord: gateway session resumed") })
	dg.AddHandler(func(_ *discordgo.Session, d *discordgo.Disconnect) {
		b.log.Warn("discord: gateway disconnected; reconnecting")
	})
	return b, nil
}

// Session is the underlying discordgo session, for wiring that needs it.
func (b *Bot) Session() *discordgo.Session { return b.dg }

// Start connects to the gateway, registers the commands, resumes deliveries
// cut short by a crash, catches up slots missed while down, and starts the
// scheduler. It returns once all that is done; the bot runs until Close.
func (b *Bot) Start(ctx context.Context) error {
	if err := b.dg.Open(); err != nil {
		return fmt.Errorf("discord: connecting to the gateway: %w", err)
	}
	b.appID = b.opt.ApplicationID
	if b.appID == "" && b.dg.State != nil {
		if b.dg.State.Application != nil && b.dg.State.Application.ID != "" {
			b.appID = b.dg.State.Application.ID
		} else if b.dg.State.User != nil {
			b.appID = b.dg.State.User.ID
		}
	}
	if b.appID == "" {
		return errors.New("discord: the gateway did not say the application ID; set it in the options")
	}
	if err := b.register(ctx); err != nil {
		return err
	}
	if err := b.resumePending(ctx); err != nil {
		b.log.Error("discord: resuming deliveries", "err", err)
	}
	if err := b.loadSchedules(ctx); err != nil {
		return err
	}
	b.cron.Start()
	if b.opt.UpdateInterval > 0 && b.track() {
		go b.updateLoop()
	}
	b.mu.Lock()
	b.started = true
	b.mu.Unlock()
	return nil
}

// Close stops the scheduler, lets work in flight stop at its next request,
// and closes the gateway.
func (b *Bot) Close() error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.cancel()
	<-b.cron.Stop().Done()
	b.wg.Wait()
	return b.dg.Close()
}

// register bulk-overwrites the application's commands, so commands removed
// from the code disappear from Discord too.
func (b *Bot) register(ctx context.Context) error {
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		_, err := b.dg.ApplicationCommandBulkOverwrite(b.appID, b.opt.TestGuildID, commands(), o...)
		return err
	})
	if err != nil {
		return fmt.Errorf("discord: registering commands: %w", err)
	}
	return nil
}

type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
