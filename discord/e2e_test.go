package discord

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/render"
	"github.com/sitrep-bot/sitrep/feeds"
	dt "github.com/sitrep-bot/sitrep/internal/discordtest"
)

const wireFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Levant Wire</title><link>https://levant.example/</link>
<item><title>Air strikes kill 14 civilians in Idlib province, monitor says</title>
<link>https://levant.example/2025/03/13/idlib-strikes</link><guid>lw-1001</guid>
<pubDate>Thu, 13 Mar 2025 10:00:00 GMT</pubDate>
<description>BEIRUT, March 13 (Levant Wire) - Air strikes by Syrian government forces killed 14 civilians, including five children, in the town of Saraqib in Idlib province on Thursday, the Syrian Observatory for Human Rights said. Rescue workers were still searching the rubble of two houses hit in the raids, the war monitor said.</description></item>
<item><title>Jordanian and Iraqi foreign ministers meet in Amman</title>
<link>https://levant.example/2025/03/13/amman-talks</link><guid>lw-1002</guid>
<pubDate>Thu, 13 Mar 2025 11:00:00 GMT</pubDate>
<description>AMMAN, March 13 (Levant Wire) - Jordanian Foreign Minister Ayman Safadi met his Iraqi counterpart Fuad Hussein in Amman on Thursday to discuss border trade and the return of refugees, the Jordanian foreign ministry said.</description></item>
</channel></rss>`

// TestEndToEndWithTheRealPipeline drives the bot with the real feed
// checker, newsroom and renderer: an admin adds a loopback feed and a
// schedule, the feed's items are ingested, and the briefing posts at the
// slot with the story from the feed.
func TestEndToEndWithTheRealPipeline(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		io.WriteString(w, wireFeed)
	}))
	defer srv.Close()
	opts := feeds.DefaultOptions()
	opts.AllowPrivateNetworks = true // the feed server is on loopback
	opts.TeaserWords = 0
	fetcher := feeds.NewFetcher(opts)
	newsroom := briefing.NewNewsroom(e.st, extract.Default(), e.clock.Now)
	b := e.bot(func(_ *Options, d *Deps) {
		d.Compose = func(ctx context.Context, w Window) (sitrep.Briefing, error) {
			return newsroom.Compose(ctx, briefing.Window{From: w.From, To: w.To, Filter: w.Filter, Briefed: w.Briefed})
		}
		d.Render = render.Discord
		d.Check = func(ctx context.Context, u string) (FeedReport, error) {
			rep, err := fetcher.Check(ctx, u)
			if err != nil {
				return FeedReport{}, err
			}
			return FeedReport{URL: rep.URL, Title: rep.Title, SiteURL: rep.SiteURL, Items: rep.Newest}, nil
		}
	})

	ans := e.do(adminPerms, "feeds", dt.Sub("add", dt.Str("url", srv.URL+"/feed.xml")))
	if !strings.Contains(ans.Text(), "Added **Levant Wire**") {
		t.Fatalf("/feeds add: %q", ans.Text())
	}
	ans = e.do(adminPerms, "schedule", dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "0 7 * * *"), dt.Str("timezone", "UTC")))
	if !strings.Contains(ans.Text(), "Schedule #") {
		t.Fatalf("/schedule set: %q", ans.Text())
	}

	// The poller's part: parse the feed and hand each article to the newsroom.
	e.clock.Set(time.Date(2025, 3, 13, 12, 0, 0, 0, time.UTC))
	parsed, err := feeds.Parse([]byte(wireFeed), srv.URL+"/feed.xml", e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, a := range parsed.Articles {
		a.Outlet = "Levant Wire"
		if _, err := e.st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if _, err := newsroom.Ingest(ctx, a); err != nil {
			t.Fatal(err)
		}
	}

	scheds, _ := e.st.Schedules(ctx, e.guild)
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	if err := b.RunSlot(ctx, scheds[0].ID, slot); err != nil {
		t.Fatal(err)
	}
	msgs := e.fake.Messages(e.text)
	if len(msgs) == 0 {
		t.Fatal("no briefing posted")
	}
	var all strings.Builder
	for i := range msgs {
		all.WriteString(dt.MessageText(&msgs[i]))
	}
	if !strings.Contains(all.String(), "Saraqib") && !strings.Contains(all.String(), "Idlib") {
		t.Fatalf("the briefing lacks the Idlib air strikes:\n%s", all.String())
	}
	for _, r := range e.fake.Requests("POST", "/channels/"+e.text+"/messages") {
		var p struct {
			AllowedMentions *struct{ Parse []string } `json:"allowed_mentions"`
		}
		if r.Decode(&p) != nil || p.AllowedMentions == nil || len(p.AllowedMentions.Parse) != 0 {
			t.Fatalf("a briefing part may ping: %s", r.Body)
		}
	}
	ans = e.do(memberPerms, "search", dt.Str("query", "Saraqib"))
	if !strings.Contains(ans.Text(), "Air strikes kill 14 civilians") {
		t.Fatalf("/search: %q", ans.Text())
	}
}
