package feeds

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestParseAgreesWithGofeedTranslations compares what the parser keeps of
// each item with gofeed's own expected translation of the same feed: the
// title and the link of every item gofeed reads must come through.
func TestParseAgreesWithGofeedTranslations(t *testing.T) {
	dir := moduleDir(t, "github.com/mmcdole/gofeed")
	inputs, _ := filepath.Glob(filepath.Join(dir, "testdata/translator/*/*.xml"))
	compared := 0
	for _, in := range inputs {
		want := readExpected(t, strings.TrimSuffix(in, ".xml")+".json")
		if want == nil || len(want.Items) == 0 {
			continue
		}
		body, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(in)
		p, err := Parse(body, "https://fixture.example/feed", fetched)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, it := range want.Items {
			if title := strings.TrimSpace(it.Title); title != "" && !hasArticle(p, func(a articleView) bool { return a.title == title }) {
				t.Errorf("%s: no article titled %q; got %v", name, title, views(p))
			}
			if link := strings.TrimSpace(it.Link); strings.HasPrefix(link, "http") && !hasArticle(p, func(a articleView) bool { return a.link == link }) {
				t.Errorf("%s: no article linking to %q; got %v", name, link, views(p))
			}
			compared++
		}
	}
	t.Logf("%d items compared", compared)
	if compared < 20 {
		t.Errorf("only %d items compared", compared)
	}
}

func readExpected(t *testing.T, path string) *gofeed.Feed {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var f gofeed.Feed
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &f
}

type articleView struct{ title, link string }

func views(p *Parsed) []articleView {
	var out []articleView
	for _, a := range p.Articles {
		out = append(out, articleView{a.Title, a.Link})
	}
	return out
}

func hasArticle(p *Parsed, ok func(articleView) bool) bool {
	for _, v := range views(p) {
		if ok(v) {
			return true
		}
	}
	return false
}
