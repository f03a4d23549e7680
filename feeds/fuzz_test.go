package feeds

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

func FuzzNormalise(f *testing.F) {
	f.Add("Strikes hit town", "https://wire.example/a?utm_source=x#f", "https://wire.example/a", "Mon, 02 Jan 2006 15:04:05 +0000", "<p>Shelling.</p>", "teaser")
	f.Add("", "", "", "", "", "")
	f.Add("<b>T</b>", "/relative", "42", "2099-01-01T00:00:00Z", "text\n\nmore", "&amp;")
	f.Fuzz(func(t *testing.T, title, link, guid, date, content, desc string) {
		it := &gofeed.Item{Title: title, Link: link, GUID: guid, Content: content, Description: desc}
		if tm, err := time.Parse(time.RFC3339, date); err == nil {
			it.PublishedParsed = &tm
		}
		n := normaliser{outlet: "Wire", base: "https://wire.example/", fetched: fetched, clean: defaultBoilerplate, cleaner: defaultCleaner}
		a, ok := n.article(it)
		if !ok {
			return
		}
		if a.ID == "" || a.Hash == "" || a.Published.IsZero() {
			t.Fatalf("missing ID, hash or date: %+v", a)
		}
		if a.Published.After(fetched.Add(futureSlack)) {
			t.Fatalf("future date kept: %v", a.Published)
		}
		if a.Link != link {
			t.Fatalf("link changed: %q -> %q", link, a.Link)
		}
		if strings.Contains(a.URL, "#") || strings.Contains(strings.ToLower(a.URL), "utm_") {
			t.Fatalf("URL not cleaned: %q", a.URL)
		}
		if utf8.ValidString(title+content+desc) && (!utf8.ValidString(a.Title) || !utf8.ValidString(a.Summary)) {
			t.Fatalf("invalid UTF-8 out: %q %q", a.Title, a.Summary)
		}
		again, _ := n.article(it)
		if again.ID != a.ID || again.Hash != a.Hash {
			t.Fatal("normalising is not stable")
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rssFeed("Wire", rssItem{GUID: "1", Title: "T", Body: "<p>x</p>"})))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := Parse(body, "https://wire.example/feed", fetched)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, a := range p.Articles {
			if seen[a.ID] {
				t.Fatalf("duplicate ID %q", a.ID)
			}
			seen[a.ID] = true
		}
	})
}
