package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/store"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func openStore(t testing.TB) *store.SQLite {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

type recorder struct {
	mu       sync.Mutex
	articles []sitrep.Article
	health   []sitrep.Feed
}

func (r *recorder) article(_ context.Context, a sitrep.Article) {
	r.mu.Lock()
	r.articles = append(r.articles, a)
	r.mu.Unlock()
}

func (r *recorder) feed(f sitrep.Feed) {
	r.mu.Lock()
	r.health = append(r.health, f)
	r.mu.Unlock()
}

func (r *recorder) titles() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, a := range r.articles {
		out = append(out, a.Title)
	}
	return out
}

func newTestPoller(t testing.TB, st *store.SQLite, opts Options, c *clock) (*Poller, *recorder) {
	rec := &recorder{}
	p := NewPoller(st, NewFetcher(opts), opts, c.now, nil)
	p.OnArticle = rec.article
	p.OnHealth = rec.feed
	return p, rec
}

func addFeed(t testing.TB, st *store.SQLite, url string) sitrep.Feed {
	t.Helper()
	f, err := st.AddFeed(context.Background(), sitrep.Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func rfc1123(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

func TestFirstPollBriefsOnlyRecentItems(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	srv := newFaultServer(t)
	srv.setFeed(rssFeed("Wire",
		rssItem{GUID: "https://wire.example/old", Link: "https://wire.example/old", Title: "Old: siege tightens", PubDate: rfc1123(c.now().Add(-72 * time.Hour)), Body: "<p>The siege tightened.</p>"},
		rssItem{GUID: "https://wire.example/new", Link: "https://wire.example/new", Title: "New: convoy reaches town", PubDate: rfc1123(c.now().Add(-2 * time.Hour)), Body: "<p>A convoy reached the town.</p>"},
		rssItem{GUID: "https://wire.example/undated", Link: "https://wire.example/undated", Title: "Undated: talks continue", Body: "<p>Talks continued.</p>"},
	))
	st := openStore(t)
	f := addFeed(t, st, srv.URL+"/feed")
	p, rec := newTestPoller(t, st, loopbackOptions(), c)

	if err := p.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rec.titles(); len(got) != 1 || got[0] != "New: convoy reaches town" {
		t.Fatalf("first poll briefed %q, want only the recent item", got)
	}
	for _, id := range []string{"https://wire.example/old", "https://wire.example/new", "https://wire.example/undated"} {
		if seen, _ := st.SeenItem(ctx, f.ID, id); !seen {
			t.Errorf("%s not marked seen", id)
		}
	}
	saved, _ := st.Feed(ctx, f.ID)
	if !saved.Primed || saved.Title != "Wire" || saved.ETag == "" || saved.BodyHash == "" || !saved.LastSuccess.Equal(c.now()) {
		t.Fatalf("state not saved: %+v", saved)
	}
	if want := c.now().Add(15 * time.Minute); !saved.NextPoll.Equal(want) {
		t.Errorf("next poll %v, want %v", saved.NextPoll, want)
	}

	// Nothing due yet: no request.
	hits := srv.hit("/feed")
	p.PollDue(ctx)
	if srv.hit("/feed") != hits {
		t.Fatal("polled a feed that was not due")
	}

	// Unchanged: the server answers 304.
	c.add(16 * time.Minute)
	p.PollDue(ctx)
	if len(rec.titles()) != 1 {
		t.Fatal("304 produced articles")
	}

	// A new item: briefed once, even polled again.
	srv.setFeed(rssFeed("Wire",
		rssItem{GUID: "https://wire.example/newer", Link: "https://wire.example/newer", Title: "Newer: bridge reopens", PubDate: rfc1123(c.now()), Body: "<p>The bridge reopened.</p>"},
		rssItem{GUID: "https://wire.example/old", Link: "https://wire.example/old", Title: "Old: siege tightens", PubDate: rfc1123(c.now().Add(-72 * time.Hour)), Body: "<p>The siege tightened.</p>"},
	))
	c.add(16 * time.Minute)
	p.PollDue(ctx)
	c.add(16 * time.Minute)
	saved, _ = st.Feed(ctx, f.ID)
	saved.ETag, saved.BodyHash = "", "" // force a full refetch and parse
	st.UpdateFeed(ctx, saved)
	p.PollDue(ctx)
	if got := rec.titles(); len(got) != 2 || got[1] != "Newer: bridge reopens" {
		t.Fatalf("briefed %q", got)
	}
	if a, err := st.Article(ctx, "https://wire.example/newer"); err != nil || a.FeedID != f.ID || a.Outlet != "Wire" {
		t.Fatalf("stored article %+v, %v", a, err)
	}
}

func TestPollFaultsRecordErrorAndKeepServingOthers(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	srv := newFaultServer(t)
	opts := loopbackOptions()
	opts.Timeout = time.Second
	st := openStore(t)
	p, rec := newTestPoller(t, st, opts, c)

	healthy := addFeed(t, st, srv.URL+"/feed")
	faults := map[string]string{
		"/slow":        "timeout after 1s",
		"/500":         "HTTP 500",
		"/429":         "rate limited, retry after 120s",
		"/malformed":   "malformed XML at line 6: unexpected EOF",
		"/page-nofeed": "not a feed: got an HTML page",
		"/huge":        "body larger than 10 MiB",
		"/bomb":        "body larger than 10 MiB",
		"/loop-a":      "redirect loop at",
		"/to-private":  "refusing private address 10.0.0.1",
		"/to-metadata": "refusing private address 169.254.169.254",
	}
	ids := map[string]int64{}
	for path := range faults {
		ids[path] = addFeed(t, st, srv.URL+path).ID
	}
	// One article already stored must survive every failure.
	if _, err := st.PutArticle(ctx, sitrep.Article{ID: "kept", URL: "https://wire.example/kept", Title: "Kept", Hash: "kept"}); err != nil {
		t.Fatal(err)
	}

	if err := p.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	for path, want := range faults {
		f, _ := st.Feed(ctx, ids[path])
		if f.ErrorCount != 1 || !strings.HasPrefix(f.LastError, want) || !f.NextPoll.After(c.now()) {
			t.Errorf("%s: errors %d, last error %q (want %q), next poll %v", path, f.ErrorCount, f.LastError, want, f.NextPoll)
		}
	}
	if f, _ := st.Feed(ctx, ids["/429"]); f.NextPoll.Before(c.now().Add(120 * time.Second)) {
		t.Errorf("429: next poll %v ignores Retry-After", f.NextPoll)
	}
	if f, _ := st.Feed(ctx, healthy.ID); f.ErrorCount != 0 || !f.Primed {
		t.Errorf("healthy feed not served: %+v", f)
	}
	if _, err := st.Article(ctx, "kept"); err != nil {
		t.Error("stored article lost")
	}
	if len(rec.health) != len(faults) {
		t.Errorf("%d health reports, want one per failing feed (%d)", len(rec.health), len(faults))
	}
}

func TestBackoffDisableAndRecovery(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	var failing sync.Map
	failing.Store("on", true)
	feedBody := rssFeed("Wire", rssItem{GUID: "https://wire.example/1", Title: "Talks resume", PubDate: rfc1123(c.now())})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v, _ := failing.Load("on"); v.(bool) {
			http.Error(w, "down", 502)
			return
		}
		fmt.Fprint(w, feedBody)
	}))
	defer srv.Close()
	opts := loopbackOptions()
	opts.MaxFailures = 6
	opts.MaxBackoff = 2 * time.Hour
	st := openStore(t)
	p, rec := newTestPoller(t, st, opts, c)
	f := addFeed(t, st, srv.URL+"/feed")

	wantWaits := []time.Duration{15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 2 * time.Hour}
	for i, want := range wantWaits {
		f = p.PollFeed(ctx, f)
		if got := f.NextPoll.Sub(c.now()); got != want || f.ErrorCount != i+1 || f.Disabled {
			t.Fatalf("failure %d: wait %v (want %v), errors %d, disabled %v", i+1, got, want, f.ErrorCount, f.Disabled)
		}
		c.add(want)
	}
	// Recovery before the limit resets the count.
	failing.Store("on", false)
	f = p.PollFeed(ctx, f)
	if f.ErrorCount != 0 || f.LastError != "" {
		t.Fatalf("not recovered: %+v", f)
	}
	failing.Store("on", true)
	for i := 0; i < opts.MaxFailures; i++ {
		f = p.PollFeed(ctx, f)
	}
	saved, _ := st.Feed(ctx, f.ID)
	if !saved.Disabled || saved.DisabledReason != "disabled after 6 consecutive failures; last: HTTP 502" {
		t.Fatalf("not disabled: %+v", saved)
	}
	if due, _ := st.DueFeeds(ctx, c.now().Add(48*time.Hour)); len(due) != 0 {
		t.Fatal("a disabled feed is still due")
	}
	var states []string
	for _, h := range rec.health {
		switch {
		case h.Disabled:
			states = append(states, "disabled")
		case h.ErrorCount > 0:
			states = append(states, "failing")
		default:
			states = append(states, "recovered")
		}
	}
	if strings.Join(states, ",") != "failing,recovered,failing,disabled" {
		t.Fatalf("health reports %v", states)
	}
}

func TestPermanentRedirectMovesFeed(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Now()}
	srv := newFaultServer(t)
	st := openStore(t)
	p, _ := newTestPoller(t, st, loopbackOptions(), c)
	f := addFeed(t, st, srv.URL+"/moved")
	p.PollDue(ctx)
	saved, _ := st.Feed(ctx, f.ID)
	if saved.URL != srv.URL+"/feed" || saved.ErrorCount != 0 {
		t.Fatalf("feed URL %q, errors %d", saved.URL, saved.ErrorCount)
	}
}

func TestScheduleRespectsTTLAndFloor(t *testing.T) {
	p := NewPoller(nil, nil, Options{DefaultInterval: 15 * time.Minute, MinInterval: 20 * time.Minute, MaxInterval: 6 * time.Hour}, nil, nil)
	for ttl, want := range map[time.Duration]time.Duration{
		0:                  20 * time.Minute, // the floor beats a shorter default
		time.Minute:        20 * time.Minute,
		2 * time.Hour:      2 * time.Hour,
		7 * 24 * time.Hour: 6 * time.Hour,
	} {
		if got := p.interval(ttl); got != want {
			t.Errorf("ttl %v: interval %v, want %v", ttl, got, want)
		}
	}
}

// TestJitterSpreadsPolls: feeds added together must not stay in step, so
// each next poll lands somewhere in [interval, interval × (1 + Jitter)].
func TestJitterSpreadsPolls(t *testing.T) {
	p := NewPoller(nil, nil, Options{Jitter: 0.1}, nil, nil)
	const d = time.Hour
	seen := map[time.Duration]bool{}
	lo, hi := 2*d, time.Duration(0)
	for range 200 {
		got := p.jitter(d)
		if got < d || got > d+d/10 {
			t.Fatalf("jitter(%v) = %v, outside [%v, %v]", d, got, d, d+d/10)
		}
		seen[got] = true
		lo, hi = min(lo, got), max(hi, got)
	}
	// 200 draws from six minutes of spread: nearly all distinct, and
	// covering most of the range.
	if len(seen) < 190 || hi-lo < 5*time.Minute {
		t.Errorf("200 polls took %d distinct times spanning %v", len(seen), hi-lo)
	}
	if got := NewPoller(nil, nil, Options{}, nil, nil).jitter(d); got != d {
		t.Errorf("no jitter configured: %v, want %v", got, d)
	}
}

func TestFullTextFetchedForTeasers(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	body := strings.Repeat("<p>Government aircraft struck the market in the northern town on Thursday morning, killing at least twelve people and wounding dozens, a monitoring group and local medics said in separate statements.</p>", 8)
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Strikes hit market</title></head><body><nav><a href="/">Home</a></nav><article><h1>Strikes hit market</h1>%s<p>Advertisement</p></article><footer>This website uses cookies to improve your experience.</footer></body></html>`, body)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssFeed("Wire", rssItem{GUID: srv.URL + "/article", Link: srv.URL + "/article", Title: "Strikes hit market", PubDate: rfc1123(c.now()), Body: "<p>Aircraft struck a market…</p>"}))
	})
	opts := loopbackOptions()
	opts.TeaserWords = 120
	st := openStore(t)
	p, rec := newTestPoller(t, st, opts, c)
	addFeed(t, st, srv.URL+"/feed")
	p.PollDue(ctx)
	if len(rec.articles) != 1 {
		t.Fatalf("%d articles", len(rec.articles))
	}
	a := rec.articles[0]
	if len(a.Paragraphs) != 8 || !strings.HasPrefix(a.Paragraphs[0], "Government aircraft struck") {
		t.Fatalf("full text not fetched: %q", a.Paragraphs)
	}
	for _, para := range a.Paragraphs {
		if para == "Advertisement" || strings.Contains(para, "cookies") {
			t.Errorf("boilerplate kept: %q", para)
		}
	}
}
