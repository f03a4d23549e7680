// Package sitrep holds the domain types that flow one way through the bot:
//
//	feed item → Article → Event → Story → Briefing → message
//
// and the storage contracts the stages rely on. Fetching lives in feeds,
// extraction and story building in briefing, persistence in store, delivery
// in discord; each of those imports this package and none of them imports
// another stage that comes after it. This package imports nothing of ours.
package sitrep

import "time"

// A Feed is one polled URL. A URL is fetched once however many guilds and
// channels subscribe to it; its poll state lives here so a restart resumes
// where it stopped.
type Feed struct {
	ID      int64
	URL     string // the URL polled; a permanent redirect replaces it
	Title   string // the feed's own title
	Outlet  string // an admin's name for the outlet; overrides Title when set
	SiteURL string

	ETag         string
	LastModified string
	BodyHash     string        // hash of the last body parsed; an unchanged body is not parsed again
	TTL          time.Duration // the feed's own <ttl> or sy:updatePeriod, zero when it gives none

	Primed         bool // the first poll has recorded what the feed held, so later items are news
	NextPoll       time.Time
	LastAttempt    time.Time
	LastSuccess    time.Time
	ErrorCount     int // consecutive failures
	LastError      string
	Disabled       bool
	DisabledReason string
	Created        time.Time
}

// Name is the outlet name shown to readers.
func (f Feed) Name() string {
	if f.Outlet != "" {
		return f.Outlet
	}
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// A Subscription ties a feed to a guild channel. Feeds are shared; subscriptions are per guild.
type Subscription struct {
	FeedID    int64
	GuildID   string
	ChannelID string
	Name      string // outlet name override for this guild, optional
	Added     time.Time
}

// An Article is one news report, normalised from a feed item.
type Article struct {
	ID          string // stable: GUID, else canonical URL, else content hash
	FeedID      int64
	URL         string // canonical: tracking parameters and fragment removed
	Link        string // the item's link as the feed gave it
	Title       string
	Outlet      string
	Author      string
	Published   time.Time
	DateGuessed bool // the feed gave no date, or one in the future; Published is the fetch time
	Fetched     time.Time
	Summary     string
	Paragraphs  []string // full text, boilerplate removed, one entry per paragraph
	Hash        string   // content hash, for storing one article once across feeds
}

// Source names the article an event or figure came from, as a briefing cites it.
func (a Article) Source() Source {
	url := a.Link
	if url == "" {
		url = a.URL
	}
	return Source{ArticleID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: url, Published: a.Published}
}

// A Source is one article cited by a story.
type Source struct {
	ArticleID string    `json:"-"`
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}
