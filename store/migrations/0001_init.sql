-- Times are UTC text in one fixed-width RFC 3339 form
-- (2006-01-02T15:04:05.000000000Z), so text order is time order; an unknown
-- time is NULL. Lists and nested values a query never looks inside are JSON.

CREATE TABLE feeds (
	id              INTEGER PRIMARY KEY,
	url             TEXT    NOT NULL UNIQUE,
	title           TEXT    NOT NULL DEFAULT '',
	outlet          TEXT    NOT NULL DEFAULT '',
	site_url        TEXT    NOT NULL DEFAULT '',
	etag            TEXT    NOT NULL DEFAULT '',
	last_modified   TEXT    NOT NULL DEFAULT '',
	body_hash       TEXT    NOT NULL DEFAULT '',
	ttl_ns          INTEGER NOT NULL DEFAULT 0,
	primed          INTEGER NOT NULL DEFAULT 0,
	next_poll       TEXT,
	last_attempt    TEXT,
	last_success    TEXT,
	error_count     INTEGER NOT NULL DEFAULT 0,
	last_error      TEXT    NOT NULL DEFAULT '',
	disabled        INTEGER NOT NULL DEFAULT 0,
	disabled_reason TEXT    NOT NULL DEFAULT '',
	created         TEXT
);
CREATE INDEX feeds_due ON feeds (next_poll) WHERE disabled = 0;

CREATE TABLE subscriptions (
	feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
	guild_id   TEXT    NOT NULL,
	channel_id TEXT    NOT NULL,
	name       TEXT    NOT NULL DEFAULT '',
	added      TEXT,
	PRIMARY KEY (guild_id, feed_id, channel_id)
) WITHOUT ROWID;
CREATE INDEX subscriptions_feed ON subscriptions (feed_id);

-- Articles outlive the feed they came from, so feed_id is not a foreign key.
CREATE TABLE articles (
	id           TEXT    NOT NULL PRIMARY KEY,
	feed_id      INTEGER NOT NULL DEFAULT 0,
	url          TEXT    NOT NULL DEFAULT '',
	link         TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	outlet       TEXT    NOT NULL DEFAULT '',
	author       TEXT    NOT NULL DEFAULT '',
	published    TEXT,
	date_guessed INTEGER NOT NULL DEFAULT 0,
	fetched      TEXT,
	summary      TEXT    NOT NULL DEFAULT '',
	paragraphs   TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	hash         TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX articles_url  ON articles (url)  WHERE url  <> '';
CREATE UNIQUE INDEX articles_hash ON articles (hash) WHERE hash <> '';
CREATE INDEX articles_link      ON articles (link) WHERE link <> '';
CREATE INDEX articles_published ON articles (published);

-- Full text of articles. Contentless: the text already lives in articles, and
-- the rowid joins the two.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, summary, body,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE seen_items (
	feed_id INTEGER NOT NULL,
	item_id TEXT    NOT NULL,
	PRIMARY KEY (feed_id, item_id)
) WITHOUT ROWID;

CREATE TABLE events (
	article_id TEXT    NOT NULL,
	ordinal    INTEGER NOT NULL,
	id         TEXT    NOT NULL DEFAULT '',
	category   TEXT    NOT NULL DEFAULT '',
	kind       TEXT    NOT NULL DEFAULT '',
	day        TEXT,
	place_key  TEXT    NOT NULL DEFAULT '',
	data       TEXT    NOT NULL, -- JSON: the whole event
	PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX events_day ON events (day);

CREATE TABLE stories (
	id         INTEGER PRIMARY KEY,
	category   TEXT    NOT NULL DEFAULT '',
	kind       TEXT    NOT NULL DEFAULT '',
	day        TEXT,
	place_key  TEXT    NOT NULL DEFAULT '',
	facts_hash TEXT    NOT NULL DEFAULT '',
	score      REAL    NOT NULL DEFAULT 0,
	created    TEXT,
	updated    TEXT,
	data       TEXT    NOT NULL -- JSON: place, figures, sources, reports and the rest
);
CREATE INDEX stories_updated ON stories (updated);

-- The blocking index: a story is found by any of its keys within a window of
-- days. day is '' when the story's day is unknown, so the whole row is the key.
CREATE TABLE story_keys (
	key      TEXT    NOT NULL,
	day      TEXT    NOT NULL,
	story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	PRIMARY KEY (key, day, story_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_story ON story_keys (story_id);

CREATE TABLE story_sources (
	article_id TEXT    NOT NULL,
	story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, story_id)
) WITHOUT ROWID;
CREATE INDEX story_sources_story ON story_sources (story_id);

-- Names a story mentions, for autocomplete: kind is 'place' or 'actor'.
-- name_counts keeps how many stories mention each, so autocomplete reads
-- distinct names rather than every story.
CREATE TABLE story_names (
	kind     TEXT    NOT NULL,
	name     TEXT    NOT NULL COLLATE NOCASE,
	story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	PRIMARY KEY (kind, name, story_id)
) WITHOUT ROWID;
CREATE INDEX story_names_story ON story_names (story_id);

CREATE TABLE name_counts (
	kind TEXT    NOT NULL,
	name TEXT    NOT NULL COLLATE NOCASE,
	n    INTEGER NOT NULL,
	PRIMARY KEY (kind, name)
) WITHOUT ROWID;

CREATE TRIGGER story_names_insert AFTER INSERT ON story_names BEGIN
	INSERT INTO name_counts (kind, name, n) VALUES (NEW.kind, NEW.name, 1)
	ON CONFLICT (kind, name) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER story_names_delete AFTER DELETE ON story_names BEGIN
	UPDATE name_counts SET n = n - 1 WHERE kind = OLD.kind AND name = OLD.name;
	DELETE FROM name_counts WHERE kind = OLD.kind AND name = OLD.name AND n <= 0;
END;

CREATE TABLE guild_settings (
	guild_id         TEXT NOT NULL PRIMARY KEY,
	admin_channel_id TEXT NOT NULL DEFAULT '',
	update_mode      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE schedules (
	id              INTEGER PRIMARY KEY,
	guild_id        TEXT    NOT NULL,
	channel_id      TEXT    NOT NULL,
	cron            TEXT    NOT NULL,
	time_zone       TEXT    NOT NULL DEFAULT '',
	publish         INTEGER NOT NULL DEFAULT 0,
	paused          INTEGER NOT NULL DEFAULT 0,
	disabled        INTEGER NOT NULL DEFAULT 0,
	disabled_reason TEXT    NOT NULL DEFAULT '',
	last_briefing   TEXT,
	created         TEXT
);
CREATE INDEX schedules_guild ON schedules (guild_id);

CREATE TABLE filters (
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	regions    TEXT NOT NULL DEFAULT '[]', -- JSON arrays of strings
	kinds      TEXT NOT NULL DEFAULT '[]',
	actors     TEXT NOT NULL DEFAULT '[]',
	keywords   TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;

-- One row per (schedule, slot): the UNIQUE constraint is what makes a slot
-- post exactly once.
CREATE TABLE deliveries (
	id          INTEGER PRIMARY KEY,
	schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
	slot        TEXT    NOT NULL,
	state       TEXT    NOT NULL,
	messages    TEXT    NOT NULL DEFAULT '[]', -- JSON: message ID by part
	stories     TEXT    NOT NULL DEFAULT '{}', -- JSON: story ID → facts hash
	note        TEXT    NOT NULL DEFAULT '',
	started     TEXT,
	finished    TEXT,
	UNIQUE (schedule_id, slot)
);
CREATE INDEX deliveries_pending ON deliveries (started) WHERE state = 'pending';
