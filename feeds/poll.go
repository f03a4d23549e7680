package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// PollStore is what the Poller needs from storage: the poll state of feeds
// and a place to put articles. store.SQLite implements it.
type PollStore interface {
	// DueFeeds returns enabled feeds whose NextPoll is at or before now.
	DueFeeds(ctx context.Context, now time.Time) ([]sitrep.Feed, error)
	// UpdateFeed saves poll state and names; the URL may change.
	UpdateFeed(ctx context.Context, f sitrep.Feed) error
	PutArticle(ctx context.Context, a sitrep.Article) (inserted bool, err error)
	SeenItem(ctx context.Context, feedID int64, itemID string) (bool, error)
	MarkSeen(ctx context.Context, feedID int64, itemIDs []string) error
}

// A Poller keeps every feed on its own schedule: it polls the due ones,
// stores what is new, and saves each feed's poll state after every attempt
// so a restart resumes where it stopped.
//
// On a new feed's first poll (Feed.Primed false) every item it holds is
// recorded as seen, and only those published within NewFeedLookback (with a
// real date, not a guessed one) are stored and passed to OnArticle: a
// channel that subscribes hears about the last day's news, not the feed's
// whole backlog.
type Poller struct {
	store   PollStore
	fetcher *Fetcher
	opts    Options
	now     func() time.Time
	log     *slog.Logger

	// OnArticle is called for each article stored for the first time.
	OnArticle func(ctx context.Context, a sitrep.Article)
	// OnHealth is called when a feed starts failing, recovers, or is disabled.
	OnHealth func(feed sitrep.Feed)
	// OnPoll is called after every poll attempt with its error, if any, for
	// metrics.
	OnPoll func(feed sitrep.Feed, err error)

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// NewPoller returns a Poller. now is its clock; logger may be nil.
func NewPoller(store PollStore, fetcher *Fetcher, opts Options, now func() time.Time, logger *slog.Logger) *Poller {
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{store: store, fetcher: fetcher, opts: opts.withDefaults(), now: now, log: logger, hosts: map[string]chan struct{}{}}
}

// Run polls due feeds every Tick until ctx is done.
func (p *Poller) Run(ctx context.Context) error {
	t := time.NewTicker(p.opts.Tick)
	defer t.Stop()
	for {
		if err := p.PollDue(ctx); err != nil && ctx.Err() == nil {
			p.log.Error("polling feeds", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// PollDue polls every due feed once, at most Concurrency at a time overall
// and PerHostConcurrency per host, and returns when all are done. A feed's
// failure is recorded on the feed, not returned; the error is for the store
// failing to list feeds.
func (p *Poller) PollDue(ctx context.Context) error {
	due, err := p.store.DueFeeds(ctx, p.now())
	if err != nil {
		return fmt.Errorf("listing due feeds: %w", err)
	}
	global := make(chan struct{}, p.opts.Concurrency)
	var wg sync.WaitGroup
	for _, f := range due {
		host := p.hostSlot(f.URL)
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case host <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-host }()
			select {
			case global <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-global }()
			p.PollFeed(ctx, f)
		}()
	}
	wg.Wait()
	return nil
}

func (p *Poller) hostSlot(raw string) chan struct{} {
	host := raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = strings.ToLower(u.Host)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.hosts[host]
	if !ok {
		c = make(chan struct{}, p.opts.PerHostConcurrency)
		p.hosts[host] = c
	}
	return c
}

// PollFeed polls one feed now and saves its state. It returns the feed as
// saved.
func (p *Poller) PollFeed(ctx context.Context, f sitrep.Feed) sitrep.Feed {
	before := f
	now := p.now()
	f.LastAttempt = now
	err := p.poll(ctx, &f, now)
	if ctx.Err() != nil && err != nil {
		// Shutting down is not the feed's fault: keep its state and let
		// it be due again on restart.
		return before
	}
	if err != nil {
		p.failed(&f, err, now)
	} else {
		p.succeeded(&f, now)
	}
	if p.OnPoll != nil {
		p.OnPoll(f, err)
	}
	p.save(ctx, before, &f)
	p.reportHealth(before, f)
	return f
}

func (p *Poller) poll(ctx context.Context, f *sitrep.Feed, now time.Time) error {
	resp, err := p.fetcher.Fetch(ctx, f.URL, f.ETag, f.LastModified)
	if resp != nil && resp.Moved != "" && resp.Moved != f.URL {
		p.log.Info("feed moved permanently", "feed", f.ID, "from", f.URL, "to", resp.Moved)
		f.URL = resp.Moved
	}
	if err != nil {
		return err
	}
	if resp.NotModified {
		return nil
	}
	f.ETag, f.LastModified = resp.ETag, resp.LastModified
	sum := sha256.Sum256(resp.Body)
	hash := hex.EncodeToString(sum[:])
	if hash == f.BodyHash && f.Primed {
		return nil
	}
	parsed, err := parse(resp.Body, resp.ContentType, f.URL, now)
	if err != nil {
		if errors.Is(err, ErrNotFeed) && sniff(resp.Body) == kindHTML {
			return newError(ErrNotFeed, err, "not a feed: got an HTML page")
		}
		return err
	}
	if parsed.Title != "" {
		f.Title = parsed.Title
	}
	if parsed.SiteURL != "" {
		f.SiteURL = parsed.SiteURL
	}
	f.TTL = parsed.TTL
	if err := p.storeArticles(ctx, f, parsed, now); err != nil {
		return err
	}
	f.BodyHash = hash
	f.Primed = true
	return nil
}

// storeArticles stores the articles of one parsed body and records them as seen.
func (p *Poller) storeArticles(ctx context.Context, f *sitrep.Feed, parsed *Parsed, now time.Time) error {
	outlet := f.Name()
	if !f.Primed {
		ids := make([]string, 0, len(parsed.Articles))
		for _, a := range parsed.Articles {
			ids = append(ids, a.ID)
		}
		for _, a := range parsed.Articles {
			if a.DateGuessed || now.Sub(a.Published) > p.opts.NewFeedLookback {
				continue
			}
			if err := p.put(ctx, f, outlet, a); err != nil {
				return err
			}
		}
		if err := p.store.MarkSeen(ctx, f.ID, ids); err != nil {
			return storeError(err)
		}
		return nil
	}
	for _, a := range parsed.Articles {
		seen, err := p.store.SeenItem(ctx, f.ID, a.ID)
		if err != nil {
			return storeError(err)
		}
		if seen {
			continue
		}
		if err := p.put(ctx, f, outlet, a); err != nil {
			return err
		}
		if err := p.store.MarkSeen(ctx, f.ID, []string{a.ID}); err != nil {
			return storeError(err)
		}
	}
	return nil
}

func (p *Poller) put(ctx context.Context, f *sitrep.Feed, outlet string, a sitrep.Article) error {
	a.FeedID = f.ID
	a.Outlet = outlet
	if p.opts.TeaserWords > 0 && wordCount(a.Paragraphs) < p.opts.TeaserWords && a.URL != "" {
		paras, err := p.fetcher.FullText(ctx, a.URL, a.Title)
		switch {
		case err != nil:
			p.log.Debug("full text unavailable; keeping the teaser", "feed", f.ID, "url", a.URL, "err", err)
		case wordCount(paras) > wordCount(a.Paragraphs):
			a.Paragraphs = paras
			a.Hash = contentHash(a.Title, paras)
		}
	}
	inserted, err := p.store.PutArticle(ctx, a)
	if err != nil {
		return storeError(err)
	}
	if inserted && p.OnArticle != nil {
		p.OnArticle(ctx, a)
	}
	return nil
}

func storeError(err error) error {
	return fmt.Errorf("saving articles: %w", err)
}

// succeeded schedules the next poll: the default interval, or the feed's
// own TTL when longer (up to MaxInterval), never under MinInterval, plus
// jitter.
func (p *Poller) succeeded(f *sitrep.Feed, now time.Time) {
	f.ErrorCount = 0
	f.LastError = ""
	f.LastSuccess = now
	f.NextPoll = now.Add(p.jitter(p.interval(f.TTL)))
}

func (p *Poller) interval(ttl time.Duration) time.Duration {
	d := p.opts.DefaultInterval
	if ttl > d {
		d = min(ttl, p.opts.MaxInterval)
	}
	return max(d, p.opts.MinInterval)
}

func (p *Poller) jitter(d time.Duration) time.Duration {
	if p.opts.Jitter <= 0 || d <= 0 {
		return d
	}
	return d + time.Duration(rand.Float64()*p.opts.Jitter*float64(d))
}

// failed records a failure and backs off: the interval doubles with each
// consecutive failure up to MaxBackoff, where probing continues, never
// sooner than a Retry-After asked. After MaxFailures the feed is disabled
// with the reason kept.
func (p *Poller) failed(f *sitrep.Feed, err error, now time.Time) {
	f.ErrorCount++
	f.LastError = oneLine(err.Error())
	wait := p.backoff(f.ErrorCount)
	if ra := RetryAfter(err); ra > wait {
		wait = min(ra, p.opts.MaxInterval)
	}
	f.NextPoll = now.Add(p.jitter(wait))
	if f.ErrorCount >= p.opts.MaxFailures {
		f.Disabled = true
		f.DisabledReason = fmt.Sprintf("disabled after %d consecutive failures; last: %s", f.ErrorCount, f.LastError)
	}
}

func (p *Poller) backoff(failures int) time.Duration {
	d := p.opts.DefaultInterval
	for i := 1; i < failures && d < p.opts.MaxBackoff; i++ {
		d *= 2
	}
	return max(min(d, p.opts.MaxBackoff), p.opts.MinInterval)
}

// save writes the poll state. A permanent redirect onto a URL another feed
// already has cannot be saved; the feed then keeps its old URL.
func (p *Poller) save(ctx context.Context, before sitrep.Feed, f *sitrep.Feed) {
	err := p.store.UpdateFeed(ctx, *f)
	if err != nil && f.URL != before.URL {
		p.log.Warn("cannot move feed to its new URL; keeping the old one", "feed", f.ID, "to", f.URL, "err", err)
		f.URL = before.URL
		err = p.store.UpdateFeed(ctx, *f)
	}
	if err != nil {
		p.log.Error("saving feed poll state", "feed", f.ID, "url", f.URL, "err", err)
	}
}

func (p *Poller) reportHealth(before, after sitrep.Feed) {
	changed := (before.ErrorCount == 0) != (after.ErrorCount == 0) || before.Disabled != after.Disabled
	if !changed {
		return
	}
	switch {
	case after.Disabled:
		p.log.Warn("feed disabled", "feed", after.ID, "url", after.URL, "reason", after.DisabledReason)
	case after.ErrorCount > 0:
		p.log.Warn("feed failing", "feed", after.ID, "url", after.URL, "err", after.LastError)
	default:
		p.log.Info("feed recovered", "feed", after.ID, "url", after.URL)
	}
	if p.OnHealth != nil {
		p.OnHealth(after)
	}
}
