package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-bot/sitrep"
)

const feedColumns = `id, url, title, outlet, site_url, etag, last_modified, body_hash, ttl_ns,
	primed, next_poll, last_attempt, last_success, error_count, last_error, disabled, disabled_reason, created`

func scanFeed(row rowScanner) (sitrep.Feed, error) {
	var f sitrep.Feed
	var ttl int64
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.Outlet, &f.SiteURL, &f.ETag, &f.LastModified, &f.BodyHash, &ttl,
		&f.Primed, timeCol{&f.NextPoll}, timeCol{&f.LastAttempt}, timeCol{&f.LastSuccess}, &f.ErrorCount,
		&f.LastError, &f.Disabled, &f.DisabledReason, timeCol{&f.Created})
	f.TTL = time.Duration(ttl)
	return f, err
}

// AddFeed stores a feed by URL, or returns the one already stored with that
// URL unchanged. Created defaults to now.
func (s *SQLite) AddFeed(ctx context.Context, f sitrep.Feed) (sitrep.Feed, error) {
	if f.URL == "" {
		return sitrep.Feed{}, errors.New("store: add feed: no URL")
	}
	if f.Created.IsZero() {
		f.Created = s.now()
	}
	var out sitrep.Feed
	err := s.tx(ctx, func(tx *txn) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, outlet, site_url, etag, last_modified,
			body_hash, ttl_ns, primed, next_poll, last_attempt, last_success, error_count, last_error,
			disabled, disabled_reason, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
			f.URL, f.Title, f.Outlet, f.SiteURL, f.ETag, f.LastModified, f.BodyHash, int64(f.TTL),
			boolInt(f.Primed), dbTime(f.NextPoll), dbTime(f.LastAttempt), dbTime(f.LastSuccess), f.ErrorCount,
			f.LastError, boolInt(f.Disabled), f.DisabledReason, dbTime(f.Created))
		if err != nil {
			return err
		}
		out, err = scanFeed(tx.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, f.URL))
		return err
	})
	if err != nil {
		return sitrep.Feed{}, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	return out, nil
}

// Feed returns the feed with the given ID, or sitrep.ErrNotFound.
func (s *SQLite) Feed(ctx context.Context, id int64) (sitrep.Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	return f, notFound(err, "feed %d", id)
}

// FeedByURL returns the feed polled at url, or sitrep.ErrNotFound.
func (s *SQLite) FeedByURL(ctx context.Context, url string) (sitrep.Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	return f, notFound(err, "feed %s", url)
}

// Feeds returns every feed, in the order they were added.
func (s *SQLite) Feeds(ctx context.Context) ([]sitrep.Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
}

// DueFeeds returns the enabled feeds whose next poll is at or before now
// (or was never set), the most overdue first.
func (s *SQLite) DueFeeds(ctx context.Context, now time.Time) ([]sitrep.Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds
		WHERE disabled = 0 AND (next_poll IS NULL OR next_poll <= ?)
		ORDER BY next_poll, id`, fmtTime(now))
}

func (s *SQLite) queryFeeds(ctx context.Context, query string, args ...any) ([]sitrep.Feed, error) {
	return queryAll(ctx, s.r, "feeds", scanFeed, query, args...)
}

// UpdateFeed saves every field of the feed with f.ID, including a new URL.
func (s *SQLite) UpdateFeed(ctx context.Context, f sitrep.Feed) error {
	res, err := s.w.ExecContext(ctx, `UPDATE feeds SET url = ?, title = ?, outlet = ?, site_url = ?, etag = ?,
		last_modified = ?, body_hash = ?, ttl_ns = ?, primed = ?, next_poll = ?, last_attempt = ?,
		last_success = ?, error_count = ?, last_error = ?, disabled = ?, disabled_reason = ?,
		created = coalesce(?, created)
		WHERE id = ?`,
		f.URL, f.Title, f.Outlet, f.SiteURL, f.ETag, f.LastModified, f.BodyHash, int64(f.TTL),
		boolInt(f.Primed), dbTime(f.NextPoll), dbTime(f.LastAttempt), dbTime(f.LastSuccess), f.ErrorCount,
		f.LastError, boolInt(f.Disabled), f.DisabledReason, dbTime(f.Created), f.ID)
	if isUnique(err) {
		return fmt.Errorf("store: update feed %d: another feed already has URL %s", f.ID, f.URL)
	}
	return affected(res, err, "update feed %d", f.ID)
}

// RemoveFeed deletes a feed with its subscriptions and seen items. Its
// articles stay: stories cite them.
func (s *SQLite) RemoveFeed(ctx context.Context, id int64) error {
	var res sql.Result
	err := s.tx(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM seen_items WHERE feed_id = ?`, id); err != nil {
			return err
		}
		var err error
		res, err = tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
		return err
	})
	return affected(res, err, "remove feed %d", id)
}

// Subscribe ties a feed to a guild channel, or renames an existing
// subscription. Added defaults to now.
func (s *SQLite) Subscribe(ctx context.Context, sub sitrep.Subscription) error {
	if sub.GuildID == "" || sub.ChannelID == "" {
		return errors.New("store: subscribe: guild and channel are required")
	}
	if sub.Added.IsZero() {
		sub.Added = s.now()
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO subscriptions (feed_id, guild_id, channel_id, name, added)
		SELECT id, ?, ?, ?, ? FROM feeds WHERE id = ?
		ON CONFLICT (guild_id, feed_id, channel_id) DO UPDATE SET name = excluded.name`,
		sub.GuildID, sub.ChannelID, sub.Name, dbTime(sub.Added), sub.FeedID)
	return affected(res, err, "subscribe guild %s to feed %d", sub.GuildID, sub.FeedID)
}

// Unsubscribe removes every subscription of the guild to the feed.
func (s *SQLite) Unsubscribe(ctx context.Context, guildID string, feedID int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM subscriptions WHERE guild_id = ? AND feed_id = ?`, guildID, feedID)
	return affected(res, err, "unsubscribe guild %s from feed %d", guildID, feedID)
}

// Subscriptions lists a guild's subscriptions; guildID "" lists every guild's.
func (s *SQLite) Subscriptions(ctx context.Context, guildID string) ([]sitrep.Subscription, error) {
	scan := func(r rowScanner) (sitrep.Subscription, error) {
		var sub sitrep.Subscription
		err := r.Scan(&sub.FeedID, &sub.GuildID, &sub.ChannelID, &sub.Name, timeCol{&sub.Added})
		return sub, err
	}
	return queryAll(ctx, s.r, "subscriptions", scan, `SELECT feed_id, guild_id, channel_id, name, added FROM subscriptions
		WHERE ? = '' OR guild_id = ? ORDER BY guild_id, feed_id, channel_id`, guildID, guildID)
}
