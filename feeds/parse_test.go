package feeds

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

var fetched = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func latin1(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestParseRepairsCharsets(t *testing.T) {
	const title = "Délégation à Genève: “talks” resume – café"
	item := "<item><title>" + title + "</title><link>https://wire.example/a</link></item>"
	rss := func(decl string) string {
		return `<?xml version="1.0"` + decl + `?><rss version="2.0"><channel><title>Wire</title>` + item + `</channel></rss>`
	}
	tests := []struct {
		name string
		body []byte
		ct   string
	}{
		{"utf-8 declared", []byte(rss(` encoding="UTF-8"`)), ""},
		{"windows-1252 declared", latin1(rss(` encoding="windows-1252"`)), ""},
		{"iso-8859-1 declared, windows-1252 quotes", latin1(rss(` encoding="ISO-8859-1"`)), ""},
		{"latin-1 bytes declared utf-8", latin1(rss(` encoding="utf-8"`)), ""},
		{"latin-1 bytes undeclared", latin1(rss(``)), ""},
		{"latin-1 bytes, charset in Content-Type", latin1(rss(``)), "application/rss+xml; charset=iso-8859-1"},
		{"utf-8 bytes declared iso-8859-1", []byte(rss(` encoding="ISO-8859-1"`)), ""},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), rss(` encoding="utf-8"`)...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parse(tt.body, tt.ct, "https://wire.example/feed", fetched)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Articles) != 1 || p.Articles[0].Title != title {
				t.Fatalf("got %+v, want title %q", p.Articles, title)
			}
		})
	}
}

func TestParseItemsWithoutGUIDLinkOrDate(t *testing.T) {
	body := rssFeed("Wire",
		rssItem{GUID: "https://wire.example/a/1", Link: "https://wire.example/a/1?utm_source=rss#top", Title: "Convoy hit near border", PubDate: "Tue, 27 Feb 2024 08:00:00 +0000", Body: "<p>A convoy was hit near the border crossing, officials said.</p>"},
		rssItem{GUID: "https://wire.example/a/1", Link: "https://wire.example/a/1", Title: "Convoy hit near border (duplicate)", PubDate: "Tue, 27 Feb 2024 08:00:00 +0000"},
		rssItem{Link: "https://wire.example/a/2", Title: "No GUID: ministers meet in Amman"},
		rssItem{GUID: "4417", Title: "Bare GUID: talks end without a deal", PubDate: "Wed, 28 Feb 2024 09:00:00 +0000"},
		rssItem{Title: "No GUID or link: ceasefire holds", Body: "<p>The ceasefire held overnight.</p>"},
		rssItem{GUID: "https://wire.example/a/5", Title: "Dated in the future", PubDate: "Fri, 01 Mar 2030 09:00:00 +0000"},
		rssItem{},
	)
	p, err := Parse([]byte(body), "https://wire.example/feed", fetched)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 5 {
		for _, a := range p.Articles {
			t.Logf("%q %q", a.ID, a.Title)
		}
		t.Fatalf("%d articles, want 5 (duplicate and empty items dropped)", len(p.Articles))
	}
	a := p.Articles
	if a[0].ID != "https://wire.example/a/1" || a[0].URL != "https://wire.example/a/1" || a[0].Link != "https://wire.example/a/1?utm_source=rss#top" {
		t.Errorf("item 1: ID %q URL %q Link %q", a[0].ID, a[0].URL, a[0].Link)
	}
	if a[0].DateGuessed || !a[0].Published.Equal(time.Date(2024, 2, 27, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("item 1 date %v guessed %v", a[0].Published, a[0].DateGuessed)
	}
	if a[1].ID != "https://wire.example/a/2" || !a[1].DateGuessed || !a[1].Published.Equal(fetched) {
		t.Errorf("no GUID/date: ID %q published %v guessed %v", a[1].ID, a[1].Published, a[1].DateGuessed)
	}
	if a[2].ID != "wire.example#4417" {
		t.Errorf("bare GUID: ID %q", a[2].ID)
	}
	if !strings.HasPrefix(a[3].ID, "sha256:") || a[3].URL != "" || a[3].Paragraphs[0] != "The ceasefire held overnight." {
		t.Errorf("no GUID or link: %+v", a[3])
	}
	if !a[4].DateGuessed || !a[4].Published.Equal(fetched) {
		t.Errorf("future date kept: %v", a[4].Published)
	}
	for _, x := range a {
		if x.Hash == "" || x.Outlet != "Wire" || x.Fetched != fetched {
			t.Errorf("%q: hash %q outlet %q fetched %v", x.Title, x.Hash, x.Outlet, x.Fetched)
		}
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, body, title string
		ttl               time.Duration
	}{
		{"rss 0.91", `<rss version="0.91"><channel><title>Old Wire</title><ttl>60</ttl><item><title>Raid on depot</title><link>https://old.example/1</link><description>A raid hit the depot.</description></item></channel></rss>`, "Raid on depot", time.Hour},
		{"rss 1.0 with sy", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel rdf:about="https://rdf.example/"><title>RDF Wire</title><link>https://rdf.example/</link><sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel><item rdf:about="https://rdf.example/1"><title>Envoy visits capital</title><link>https://rdf.example/1</link><description>The envoy arrived on Sunday.</description></item></rdf:RDF>`, "Envoy visits capital", 6 * time.Hour},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><link href="https://atom.example/"/><entry><id>tag:atom.example,2024:1</id><title>Strike on bridge</title><link href="https://atom.example/1"/><updated>2024-02-29T10:00:00Z</updated><summary>Short.</summary><content type="html">&lt;p&gt;A strike hit the bridge.&lt;/p&gt;&lt;p&gt;Two were hurt.&lt;/p&gt;</content></entry></feed>`, "Strike on bridge", 0},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire","home_page_url":"https://json.example/","items":[{"id":"https://json.example/1","url":"https://json.example/1","title":"Talks in Doha","content_html":"<p>Talks opened in Doha.</p>","date_published":"2024-02-29T10:00:00Z"}]}`, "Talks in Doha", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.body), "https://x.example/feed", fetched)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Articles) != 1 || p.Articles[0].Title != tt.title || len(p.Articles[0].Paragraphs) == 0 {
				t.Fatalf("articles %+v", p.Articles)
			}
			if p.TTL != tt.ttl {
				t.Errorf("TTL %v, want %v", p.TTL, tt.ttl)
			}
		})
	}
}

func TestParseRejectsNonFeeds(t *testing.T) {
	tests := []struct {
		body string
		kind error
		msg  string
	}{
		{"<!DOCTYPE html><html><body>hi</body></html>", ErrNotFeed, "not a feed: got an HTML page"},
		{"", ErrNotFeed, "not a feed: the body is empty"},
		{"%PDF-1.4", ErrNotFeed, "not a feed: got content that is neither XML nor JSON"},
		{`<?xml version="1.0"?><urlset><url/></urlset>`, ErrNotFeed, "not a feed: XML whose root is not rss, rdf or feed"},
		{`{"version": "https://jsonfeed.org/version/1", "items": [`, ErrMalformed, ""},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.body), "https://x.example/", fetched)
		if !errors.Is(err, tt.kind) || (tt.msg != "" && err.Error() != tt.msg) {
			t.Errorf("%.30q: err %v, want %v %q", tt.body, err, tt.kind, tt.msg)
		}
	}
}

func TestParseFileEvalFeeds(t *testing.T) {
	tests := []struct {
		file, outlet string
		items        int
		firstPara    string
	}{
		{"testdata/taan.xml", "TAAN", 1, "Smoke rises after airstrikes"},
		{"testdata/sohr.atom", "Syrian Observatory for Human Rights", 1, "Syrian regime air strikes on Islamic State group stronghold Raqa"},
		{"testdata/reuters.xml", "reuters", 16, ""},
	}
	for _, tt := range tests {
		p, err := ParseFile(tt.file, fetched)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Articles) != tt.items || p.Articles[0].Outlet != tt.outlet {
			t.Fatalf("%s: %d items, outlet %q", tt.file, len(p.Articles), p.Articles[0].Outlet)
		}
		if tt.firstPara != "" && !strings.HasPrefix(p.Articles[0].Paragraphs[0], tt.firstPara) {
			t.Errorf("%s: first paragraph %q", tt.file, p.Articles[0].Paragraphs[0])
		}
		for _, a := range p.Articles {
			if a.DateGuessed || a.Link == "" || len(a.Paragraphs) == 0 {
				t.Errorf("%s: %q date guessed %v link %q paragraphs %d", tt.file, a.Title, a.DateGuessed, a.Link, len(a.Paragraphs))
			}
			for _, para := range a.Paragraphs {
				if strings.Contains(para, "Leave a Reply") || para == "-Reuters, TAAN" {
					t.Errorf("%s: boilerplate kept: %q", tt.file, para)
				}
			}
		}
	}
	if _, err := ParseFile("testdata/missing.xml", fetched); err == nil {
		t.Error("missing file parsed")
	}
}

// moduleDir finds a module in the module cache, or skips.
func moduleDir(t testing.TB, mod string) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mod).Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("%s not in the module cache", mod)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s: %v", mod, err)
	}
	return dir
}

// TestParseGofeedFixtures runs the parser over gofeed's own test feeds: it
// must never panic, and every feed gofeed's tests treat as valid must parse.
func TestParseGofeedFixtures(t *testing.T) {
	dir := moduleDir(t, "github.com/mmcdole/gofeed")
	var files []string
	for _, sub := range []string{"testdata/parser/rss", "testdata/parser/atom", "testdata/parser/json", "testdata/parser/universal", "testdata/translator/rss", "testdata/translator/atom"} {
		m, _ := filepath.Glob(filepath.Join(dir, sub, "*"))
		files = append(files, m...)
	}
	if len(files) < 500 {
		t.Skipf("only %d fixtures found", len(files))
	}
	parsed, items := 0, 0
	for _, f := range files {
		if strings.HasSuffix(f, ".json") && strings.Contains(f, "/parser/rss") || strings.HasSuffix(f, ".json") && strings.Contains(f, "/parser/atom") || strings.Contains(f, "translator") && strings.HasSuffix(f, ".json") {
			continue // expected outputs, not inputs
		}
		if st, err := os.Stat(f); err != nil || st.IsDir() {
			continue
		}
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(body, "https://fixture.example/feed", fetched)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error spans lines: %q", f, err)
			}
			continue
		}
		parsed++
		items += len(p.Articles)
		for _, a := range p.Articles {
			if a.ID == "" || a.Hash == "" || a.Published.IsZero() {
				t.Errorf("%s: article without ID, hash or date: %+v", filepath.Base(f), a)
			}
		}
	}
	t.Logf("%d fixtures, %d parsed, %d items", len(files), parsed, items)
	if parsed < len(files)/2 {
		t.Errorf("only %d of %d fixtures parsed", parsed, len(files))
	}
}
