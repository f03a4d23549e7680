package feeds

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

// loopbackOptions allows exactly the loopback test servers through the
// address check; every other private address is still refused.
func loopbackOptions() Options {
	o := DefaultOptions()
	o.AllowedPrefixes = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	o.Timeout = 2 * time.Second
	o.Jitter = 0
	o.TeaserWords = 0
	return o
}

// rssItem is one item of a test feed.
type rssItem struct {
	GUID, Link, Title, PubDate, Body string
}

func rssFeed(title string, items ...rssItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>` + title + `</title><link>https://wire.example/</link><description>test</description>
`)
	for _, it := range items {
		b.WriteString("<item>")
		if it.Title != "" {
			fmt.Fprintf(&b, "<title>%s</title>", it.Title)
		}
		if it.Link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", it.Link)
		}
		if it.GUID != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.GUID)
		}
		if it.PubDate != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.PubDate)
		}
		if it.Body != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.Body)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// gzipBomb is a few KiB of gzip that inflates to 24 MiB, built once.
var gzipBomb = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>`))
	zeros := make([]byte, 1<<20)
	for i := 0; i < 24; i++ {
		zw.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
})

// faultServer serves a healthy feed and one path per fault.
type faultServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	feed string // body of /feed, replaceable
}

func (s *faultServer) setFeed(body string) {
	s.mu.Lock()
	s.feed = body
	s.mu.Unlock()
}

func (s *faultServer) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newFaultServer(t testing.TB) *faultServer {
	t.Helper()
	s := &faultServer{hits: map[string]int{}}
	s.feed = rssFeed("Wire", rssItem{GUID: "https://wire.example/a/1", Link: "https://wire.example/a/1", Title: "Shelling hits market town", PubDate: "Mon, 02 Jan 2006 15:04:05 +0000", Body: "<p>Shelling hit the market town on Monday, residents said.</p>"})
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		body := s.feed
		s.mu.Unlock()
		etag := fmt.Sprintf(`"%x"`, len(body))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", 429)
	})
	mux.HandleFunc("/malformed", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Broken</title>\n<item><title>One</title></item>\n<item><title>Two</tit")
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!DOCTYPE html><html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" title="Wire" href="/feed"></head><body><p>News.</p></body></html>`)
	})
	mux.HandleFunc("/page-nofeed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!DOCTYPE html><html><head><title>Wire</title></head><body><p>News.</p></body></html>`)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		// 50 MiB generated on the fly, no Content-Length: the cap must
		// hold while reading.
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
		chunk := bytes.Repeat([]byte("<item><title>padding</title></item>\n"), 1024)
		for n := 0; n < 50<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/feed", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/feed", http.StatusFound) })
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	gzipBomb()
	return s
}
