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
	positive(&o.Timeout, d.Timeout)
	positive(&o.MaxBodyBytes, d.MaxBodyBytes)
	positive(&o.MaxRedirects, d.MaxRedirects)
	positive(&o.NewFeedLookback, d.NewFeedLookback)
	positive(&o.DefaultInterval, d.DefaultInterval)
	positive(&o.MinInterval, d.MinInterval)
	positive(&o.MaxInterval, d.MaxInterval)
	positive(&o.MaxBackoff, d.MaxBackoff)
	positive(&o.MaxFailures, d.MaxFailures)
	positive(&o.Concurrency, d.Concurrency)
	positive(&o.PerHostConcurrency, d.PerHostConcurrency)
	positive(&o.Tick, d.Tick)
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	// Zero teaser words and zero jitter are choices, not unset.
	o.TeaserWords = max(o.TeaserWords, 0)
	o.Jitter = max(o.Jitter, 0)
	return o
}

// positive sets *v to def unless it is above zero.
func positive[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
