package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

func feedAt(url string) sitrep.Feed {
	return sitrep.Feed{URL: url, Created: date(2024, 1, 1, 0, 0)}
}

func TestFeedPollStateRoundTrip(t *testing.T) {
	s := openTemp(t)
	var want sitrep.Feed
	n := 0
	fillAll(reflect.ValueOf(&want).Elem(), &n)
	want.URL = "https://news.example.com/world/rss.xml"
	got, err := s.AddFeed(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	want.ID = got.ID
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("AddFeed returned\n%+v\nwant\n%+v", got, want)
	}

	// A poll changes the state; a restart must resume from it.
	want.ETag = `W/"5e1f"`
	want.LastModified = "Tue, 05 Mar 2024 09:00:00 GMT"
	want.BodyHash = "sha256:99"
	want.TTL = 15 * time.Minute
	want.NextPoll = date(2024, 3, 5, 9, 15)
	want.ErrorCount = 0
	want.LastError = ""
	want.Disabled = false
	want.URL = "https://news.example.com/world/feed" // permanent redirect
	if err := s.UpdateFeed(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err = s.Feed(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Feed after UpdateFeed\n%+v\nwant\n%+v", got, want)
	}
	if byURL, err := s.FeedByURL(ctx, want.URL); err != nil || byURL.ID != want.ID {
		t.Errorf("FeedByURL(new URL) = %v, %v", byURL.ID, err)
	}
	if _, err := s.FeedByURL(ctx, "https://news.example.com/world/rss.xml"); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("FeedByURL(old URL) error = %v; want ErrNotFound", err)
	}
}

func TestAddFeedTwiceReturnsExisting(t *testing.T) {
	s := openTemp(t)
	a, err := s.AddFeed(ctx, sitrep.Feed{URL: "https://example.org/rss", Title: "First"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Created.IsZero() {
		t.Error("Created not defaulted")
	}
	b, err := s.AddFeed(ctx, sitrep.Feed{URL: "https://example.org/rss", Title: "Second"})
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != a.ID || b.Title != "First" {
		t.Errorf("second AddFeed = %d %q; want existing %d %q", b.ID, b.Title, a.ID, "First")
	}
	if _, err := s.AddFeed(ctx, sitrep.Feed{}); err == nil {
		t.Error("AddFeed without URL succeeded")
	}
}

func TestUpdateFeedErrors(t *testing.T) {
	s := openTemp(t)
	a, _ := s.AddFeed(ctx, feedAt("https://a.example/rss"))
	b, _ := s.AddFeed(ctx, feedAt("https://b.example/rss"))
	b.URL = a.URL
	if err := s.UpdateFeed(ctx, b); err == nil {
		t.Error("UpdateFeed to another feed's URL succeeded")
	}
	if err := s.UpdateFeed(ctx, sitrep.Feed{ID: 999, URL: "https://c.example/rss"}); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("UpdateFeed(missing) = %v; want ErrNotFound", err)
	}
	if _, err := s.Feed(ctx, 999); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Feed(missing) = %v; want ErrNotFound", err)
	}
}

func TestDueFeeds(t *testing.T) {
	s := openTemp(t)
	now := date(2024, 3, 5, 12, 0)
	add := func(url string, next time.Time, disabled bool) int64 {
		f, err := s.AddFeed(ctx, sitrep.Feed{URL: url, NextPoll: next, Disabled: disabled})
		if err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	never := add("https://never.example/rss", time.Time{}, false)
	overdue := add("https://overdue.example/rss", now.Add(-time.Hour), false)
	exact := add("https://exact.example/rss", now, false)
	add("https://later.example/rss", now.Add(time.Minute), false)
	add("https://disabled.example/rss", now.Add(-time.Hour), true)
	// Another time zone must compare as the same instant.
	zoned := add("https://zoned.example/rss", now.Add(-time.Minute).In(time.FixedZone("AST", 3*3600)), false)

	due, err := s.DueFeeds(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, f := range due {
		ids = append(ids, f.ID)
	}
	want := []int64{never, overdue, zoned, exact}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("DueFeeds = %v; want %v", ids, want)
	}
}

func TestRemoveFeedKeepsArticles(t *testing.T) {
	s := openTemp(t)
	f, _ := s.AddFeed(ctx, feedAt("https://example.org/rss"))
	if err := s.Subscribe(ctx, sitrep.Subscription{FeedID: f.ID, GuildID: "g1", ChannelID: "c1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, f.ID, []string{"item-1"}); err != nil {
		t.Fatal(err)
	}
	art := sitrep.Article{ID: "a1", FeedID: f.ID, URL: "https://example.org/a1", Title: "Shelling hits market in Idlib"}
	if _, err := s.PutArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feed(ctx, f.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Feed after remove = %v; want ErrNotFound", err)
	}
	if subs, _ := s.Subscriptions(ctx, "g1"); len(subs) != 0 {
		t.Errorf("subscriptions survived RemoveFeed: %v", subs)
	}
	if seen, _ := s.SeenItem(ctx, f.ID, "item-1"); seen {
		t.Error("seen items survived RemoveFeed")
	}
	if got, err := s.Article(ctx, "a1"); err != nil || got.Title != art.Title {
		t.Errorf("article after RemoveFeed = %v, %v; want it kept", got, err)
	}
	if hits, _ := s.SearchArticles(ctx, "Idlib", 5); len(hits) != 1 {
		t.Errorf("search after RemoveFeed found %d; want 1", len(hits))
	}
	if err := s.RemoveFeed(ctx, f.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("second RemoveFeed = %v; want ErrNotFound", err)
	}
}

func TestSubscriptions(t *testing.T) {
	s := openTemp(t)
	f1, _ := s.AddFeed(ctx, feedAt("https://one.example/rss"))
	f2, _ := s.AddFeed(ctx, feedAt("https://two.example/rss"))
	added := date(2024, 2, 2, 2, 2)
	for _, sub := range []sitrep.Subscription{
		{FeedID: f1.ID, GuildID: "g1", ChannelID: "news", Added: added},
		{FeedID: f1.ID, GuildID: "g1", ChannelID: "alerts", Added: added},
		{FeedID: f2.ID, GuildID: "g1", ChannelID: "news", Added: added},
		{FeedID: f1.ID, GuildID: "g2", ChannelID: "world", Added: added},
		{FeedID: f1.ID, GuildID: "g1", ChannelID: "news", Name: "Wire", Added: added}, // rename
	} {
		if err := s.Subscribe(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Subscribe(ctx, sitrep.Subscription{FeedID: 999, GuildID: "g1", ChannelID: "news"}); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Subscribe to missing feed = %v; want ErrNotFound", err)
	}
	subs, err := s.Subscriptions(ctx, "g1")
	if err != nil {
		t.Fatal(err)
	}
	want := []sitrep.Subscription{
		{FeedID: f1.ID, GuildID: "g1", ChannelID: "alerts", Added: added},
		{FeedID: f1.ID, GuildID: "g1", ChannelID: "news", Name: "Wire", Added: added},
		{FeedID: f2.ID, GuildID: "g1", ChannelID: "news", Added: added},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("Subscriptions(g1) =\n%+v\nwant\n%+v", subs, want)
	}
	if all, _ := s.Subscriptions(ctx, ""); len(all) != 4 {
		t.Errorf("Subscriptions(\"\") has %d; want 4", len(all))
	}
	if err := s.Unsubscribe(ctx, "g1", f1.ID); err != nil {
		t.Fatal(err)
	}
	if subs, _ := s.Subscriptions(ctx, "g1"); len(subs) != 1 || subs[0].FeedID != f2.ID {
		t.Errorf("after Unsubscribe: %+v; want only feed %d", subs, f2.ID)
	}
	if subs, _ := s.Subscriptions(ctx, "g2"); len(subs) != 1 {
		t.Errorf("Unsubscribe of g1 touched g2: %+v", subs)
	}
	if err := s.Unsubscribe(ctx, "g1", f1.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("second Unsubscribe = %v; want ErrNotFound", err)
	}
}
