package feeds

import (
	"net/netip"
	"time"
)

// Options tune fetching, parsing and polling. Start from DefaultOptions and
// change what you need; zero values are replaced by the defaults.
type Options struct {
	Timeout      time.Duration // per request, body included
	MaxBodyBytes int64         // cap on a body, enforced on decompressed bytes while reading
	UserAgent    string
	MaxRedirects int

	// AllowPrivateNetworks turns off the address check: loopback, private,
	// link-local, CGNAT, multicast and metadata addresses may be fetched.
	AllowPrivateNetworks bool
	// AllowedPrefixes are let through the address check even when they are
	// private, e.g. one loopback test server or an intranet feed host.
	AllowedPrefixes []netip.Prefix

	// TeaserWords: an item with fewer words of text than this has its page
	// fetched for the full text. Zero turns full-text fetching off.
	TeaserWords int
	// NewFeedLookback: on a new feed's first poll, items published within it
	// are passed on; older ones are only recorded as seen.
	NewFeedLookback time.Duration

	DefaultInterval time.Duration // between polls of a healthy feed
	MinInterval     time.Duration // floor, whatever a feed asks for
	MaxInterval     time.Duration // ceiling on a feed's own TTL
	MaxBackoff      time.Duration // cap on the wait after failures; probing continues at it
	MaxFailures     int           // consecutive failures before a feed is disabled
	Jitter          float64       // fraction of the interval added at random, spreading polls out

	Concurrency        int           // fetches in flight overall
	PerHostConcurrency int           // fetches in flight per host
	Tick               time.Duration // how often Run looks for due feeds
}

// DefaultOptions returns the settings the daemon runs with.
func DefaultOptions() Options {
	return Options{
		Timeout:            10 * time.Second,
		MaxBodyBytes:       10 << 20,
		UserAgent:          "SitrepBot/1.0 (+https://github.com/sitrep-bot/sitrep; news briefings for Discord)",
		MaxRedirects:       5,
		TeaserWords:        120,
		NewFeedLookback:    24 * time.Hour,
		DefaultInterval:    15 * time.Minute,
		MinInterval:        5 * time.Minute,
		MaxInterval:        24 * time.Hour,
		MaxBackoff:         6 * time.Hour,
		MaxFailures:        10,
		Jitter:             0.1,
		Concurrency:        16,
		PerHostConcurrency: 2,
		Tick:               30 * time.Second,
	}
}

// withDefaults fills zero fields from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = d.MaxBodyBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = d.MaxRedirects
	}
	if o.TeaserWords < 0 {
		o.TeaserWords = 0
	}
	if o.NewFeedLookback <= 0 {
		o.NewFeedLookback = d.NewFeedLookback
	}
	if o.DefaultInterval <= 0 {
		o.DefaultInterval = d.DefaultInterval
	}
	if o.MinInterval <= 0 {
		o.MinInterval = d.MinInterval
	}
	if o.MaxInterval <= 0 {
		o.MaxInterval = d.MaxInterval
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = d.MaxBackoff
	}
	if o.MaxFailures <= 0 {
		o.MaxFailures = d.MaxFailures
	}
	if o.Jitter < 0 {
		o.Jitter = 0
	}
	if o.Concurrency <= 0 {
		o.Concurrency = d.Concurrency
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = d.PerHostConcurrency
	}
	if o.Tick <= 0 {
		o.Tick = d.Tick
	}
	return o
}
