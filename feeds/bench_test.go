package feeds

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// BenchmarkParse measures parse + normalise throughput on real feed files.
func BenchmarkParse(b *testing.B) {
	for _, file := range []string{"testdata/reuters.xml", "testdata/taan.xml", "testdata/sohr.atom"} {
		body, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Parse(body, "https://wire.example/feed", fetched)
		if err != nil {
			b.Fatal(err)
		}
		items := len(p.Articles)
		b.Run(strings.TrimPrefix(file, "testdata/"), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(body, "https://wire.example/feed", fetched); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkParseTypicalItems uses short RSS 2.0 items as most news feeds
// carry them: a title, a link, a date and a paragraph or two of description.
func BenchmarkParseTypicalItems(b *testing.B) {
	var items []rssItem
	for i := range 50 {
		items = append(items, rssItem{
			GUID: fmt.Sprintf("https://wire.example/a/%d", i), Link: fmt.Sprintf("https://wire.example/a/%d?utm_source=rss", i),
			Title:   fmt.Sprintf("Shelling kills %d in border town, monitor says", i),
			PubDate: "Mon, 02 Jan 2006 15:04:05 +0000",
			Body:    "<p>Shelling killed several people in the border town on Monday, a monitoring group said.</p><p>The group said the toll could rise.</p>",
		})
	}
	body := []byte(rssFeed("Wire", items...))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "https://wire.example/feed", fetched); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkPollCycle polls 5,000 feeds spread over 16 loopback hosts, 90 %
// of which answer 304; the rest carry five new items each time. Each
// iteration is one full cycle; heap-MiB is the peak heap in use sampled
// during the cycles, and articles the table size at the end.
func BenchmarkPollCycle(b *testing.B) {
	const feedsN, hosts = 5000, 16
	var round atomic.Int64
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
		rnd := round.Load()
		changed := n%10 == 0
		etag := fmt.Sprintf(`"%d-%d"`, n, rnd)
		if !changed {
			etag = fmt.Sprintf(`"%d"`, n)
		}
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		var items []rssItem
		for i := range 5 {
			id := fmt.Sprintf("https://wire%d.example/%d/%d", n, rnd, i)
			items = append(items, rssItem{GUID: id, Link: id, Title: fmt.Sprintf("Report %d from feed %d round %d", i, n, rnd), PubDate: time.Unix(1709294400+rnd*3600, 0).UTC().Format(time.RFC1123Z),
				Body: fmt.Sprintf("<p>Clashes were reported in district %d of the province, the monitor said in its round-up number %d.</p>", i, rnd)})
		}
		fmt.Fprint(w, rssFeed(fmt.Sprintf("Wire %d", n), items...))
	})
	var bases []string
	for h := range hosts {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h+2))
		if err != nil {
			b.Skipf("cannot listen on 127.0.0.%d: %v", h+2, err)
		}
		srv := httptest.NewUnstartedServer(handler)
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		defer srv.Close()
		bases = append(bases, srv.URL)
	}

	ctx := context.Background()
	st := openStore(b)
	c := &clock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
	opts := loopbackOptions()
	opts.Concurrency = 64
	opts.PerHostConcurrency = 8
	opts.NewFeedLookback = 365 * 24 * time.Hour
	p, _ := newTestPoller(b, st, opts, c)
	var stored atomic.Int64
	p.OnArticle = func(context.Context, sitrep.Article) { stored.Add(1) }
	for n := range feedsN {
		addFeed(b, st, fmt.Sprintf("%s/f/%d", bases[n%hosts], n))
	}
	// Prime every feed once (all 200s), outside the timing.
	if err := p.PollDue(ctx); err != nil {
		b.Fatal(err)
	}

	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		round.Add(1)
		c.add(time.Hour)
		if err := p.PollDue(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "heap-MiB")
	b.ReportMetric(float64(stored.Load()), "articles")
	due, _ := st.DueFeeds(ctx, c.now())
	var failing int
	all, _ := st.Feeds(ctx)
	for _, f := range all {
		if f.ErrorCount > 0 {
			failing++
		}
	}
	if failing > 0 || len(due) != 0 {
		b.Fatalf("%d feeds failing, %d still due", failing, len(due))
	}
}
