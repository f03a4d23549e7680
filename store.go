package sitrep

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by stores when the thing asked for does not exist.
var ErrNotFound = errors.New("not found")

// The storage contracts. store.SQLite implements them all; a PostgreSQL
// implementation can replace it without touching callers. Each stage asks for
// the narrowest of these it needs.

// FeedStore keeps feeds, their poll state and the guilds subscribed to them.
type FeedStore interface {
	// AddFeed stores a feed by URL, or returns the existing one with that URL.
	AddFeed(ctx context.Context, f Feed) (Feed, error)
	Feed(ctx context.Context, id int64) (Feed, error)
	FeedByURL(ctx context.Context, url string) (Feed, error)
	Feeds(ctx context.Context) ([]Feed, error)
	// DueFeeds returns enabled feeds whose NextPoll is at or before now.
	DueFeeds(ctx context.Context, now time.Time) ([]Feed, error)
	// UpdateFeed saves poll state and names; the URL may change (permanent redirect).
	UpdateFeed(ctx context.Context, f Feed) error
	// RemoveFeed deletes a feed and its subscriptions; articles already stored stay.
	RemoveFeed(ctx context.Context, id int64) error

	Subscribe(ctx context.Context, s Subscription) error
	Unsubscribe(ctx context.Context, guildID string, feedID int64) error
	Subscriptions(ctx context.Context, guildID string) ([]Subscription, error)
}

// ArticleStore keeps articles and their full text, searchable.
type ArticleStore interface {
	// PutArticle stores an article once: an article whose ID, canonical URL or
	// content hash is already stored is not stored again, and inserted is false.
	PutArticle(ctx context.Context, a Article) (inserted bool, err error)
	Article(ctx context.Context, id string) (Article, error)
	// ArticleByURL finds an article by canonical URL or feed link.
	ArticleByURL(ctx context.Context, url string) (Article, error)
	// ArticlesPublished returns articles published in [from, to), oldest first.
	ArticlesPublished(ctx context.Context, from, to time.Time) ([]Article, error)
	// SearchArticles is full-text search, best match first.
	SearchArticles(ctx context.Context, query string, limit int) ([]Article, error)
	// SeenItem and MarkSeen record item IDs a feed held when first polled, so
	// subscribing to a feed does not flood a channel with its backlog.
	SeenItem(ctx context.Context, feedID int64, itemID string) (bool, error)
	MarkSeen(ctx context.Context, feedID int64, itemIDs []string) error
}

// StoryStore keeps the events extracted from articles and the stories they form.
type StoryStore interface {
	// PutEvents replaces the events stored for one article.
	PutEvents(ctx context.Context, articleID string, events []Event) error
	// StoryCandidates returns stories that share at least one blocking key
	// and whose day lies in [from, to] (or is unknown). Cost depends on the
	// matches, not on how many stories exist.
	StoryCandidates(ctx context.Context, keys []string, from, to time.Time) ([]Story, error)
	// SaveStory inserts a story (ID zero, assigned on return) or replaces it,
	// with its blocking keys and the articles it cites.
	SaveStory(ctx context.Context, s *Story) error
	// SaveStories saves stories as SaveStory does, all or none, new ones
	// taking increasing IDs in the order given.
	SaveStories(ctx context.Context, stories []*Story) error
	Story(ctx context.Context, id int64) (Story, error)
	// StoriesUpdated returns stories updated in [from, to), newest first.
	StoriesUpdated(ctx context.Context, from, to time.Time) ([]Story, error)
	// Stories returns one page of the stories q selects, newest update
	// first, and how many it selects in all. The filtering and paging happen
	// in the store, so a listing costs what its page costs. The stories come
	// without Reports, which no listing shows.
	Stories(ctx context.Context, q StoryQuery) (page []Story, total int, err error)
	// StoriesForArticle returns the stories an article's events joined.
	StoriesForArticle(ctx context.Context, articleID string) ([]Story, error)
	// Places and Actors list distinct place names and actors stored, for
	// autocomplete: those starting with prefix, most frequent first.
	Places(ctx context.Context, prefix string, limit int) ([]string, error)
	Actors(ctx context.Context, prefix string, limit int) ([]string, error)
}

// A StoryQuery selects stories for a listing: those updated in [From, To)
// that pass every filter given. Names match ignoring case.
type StoryQuery struct {
	Category Category // "" for every category
	Kind     Kind
	// Place is the story's place, region or country; "Raqqa" also matches
	// the region "Raqqa Governorate".
	Place string
	// Actor is part of the name of a perpetrator, target or participant, or
	// of a country involved: "Syrian" matches "Syrian government".
	Actor    string
	From, To time.Time // a zero To means no upper bound
	Limit    int       // at most this many stories; 0 for all
	Offset   int       // skip this many first
}

// GuildStore keeps what admins configure: settings, schedules, filters, and
// the record of what was delivered.
type GuildStore interface {
	GuildSettings(ctx context.Context, guildID string) (GuildSettings, error) // zero value when unset
	SaveGuildSettings(ctx context.Context, g GuildSettings) error

	AddSchedule(ctx context.Context, s Schedule) (Schedule, error)
	UpdateSchedule(ctx context.Context, s Schedule) error
	RemoveSchedule(ctx context.Context, guildID string, id int64) error
	Schedule(ctx context.Context, id int64) (Schedule, error)
	Schedules(ctx context.Context, guildID string) ([]Schedule, error)     // guildID "" lists all
	Filter(ctx context.Context, guildID, channelID string) (Filter, error) // zero value when unset
	SaveFilter(ctx context.Context, f Filter) error

	// BeginDelivery records (schedule, slot) as pending before anything is
	// sent. When the slot already has a delivery, it returns that one and
	// created is false, so a slot is never started twice.
	BeginDelivery(ctx context.Context, scheduleID int64, slot time.Time) (d Delivery, created bool, err error)
	// PlanDelivery fixes what a pending delivery posts, before its first
	// message: the parts and the stories they brief. A delivery already
	// planned keeps its plan, which is returned in d.
	PlanDelivery(ctx context.Context, d *Delivery) error
	// RecordDeliveryPart saves the message ID of part i as soon as it is sent.
	RecordDeliveryPart(ctx context.Context, deliveryID int64, part int, messageID string) error
	// FinishDelivery confirms a delivery with its final state, stories and note.
	FinishDelivery(ctx context.Context, d Delivery) error
	// PendingDeliveries lists deliveries begun but never finished (a crash mid-send).
	PendingDeliveries(ctx context.Context) ([]Delivery, error)
	// LastDelivery is the newest delivery of a schedule, or ErrNotFound.
	LastDelivery(ctx context.Context, scheduleID int64) (Delivery, error)
}

// Store is everything the daemon persists.
type Store interface {
	FeedStore
	ArticleStore
	StoryStore
	GuildStore
	Close() error
}
