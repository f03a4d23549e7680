package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-bot/sitrep"
)

func TestArticleRoundTrip(t *testing.T) {
	s := openTemp(t)
	var want sitrep.Article
	n := 0
	fillAll(reflect.ValueOf(&want).Elem(), &n)
	if ok, err := s.PutArticle(ctx, want); err != nil || !ok {
		t.Fatalf("PutArticle = %v, %v", ok, err)
	}
	got, err := s.Article(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Article =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.Article(ctx, "missing"); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Article(missing) = %v; want ErrNotFound", err)
	}
	if _, err := s.PutArticle(ctx, sitrep.Article{Title: "no id"}); err == nil {
		t.Error("PutArticle without ID succeeded")
	}
}

func TestPutArticleStoresOnce(t *testing.T) {
	s := openTemp(t)
	first := sitrep.Article{
		ID: "guid-1", URL: "https://wire.example/2024/03/strike", Link: "https://wire.example/2024/03/strike?utm_source=rss",
		Hash: "h1", Title: "Air strike kills 12 in Maarat al-Numan",
	}
	if ok, err := s.PutArticle(ctx, first); err != nil || !ok {
		t.Fatalf("first PutArticle = %v, %v", ok, err)
	}
	for _, tc := range []struct {
		name string
		a    sitrep.Article
	}{
		{"same ID", sitrep.Article{ID: "guid-1", URL: "https://other.example/x", Hash: "h2", Title: "changed"}},
		{"same URL", sitrep.Article{ID: "guid-2", URL: first.URL, Hash: "h3", Title: "syndicated"}},
		{"same hash", sitrep.Article{ID: "guid-3", URL: "https://mirror.example/strike", Hash: "h1", Title: "mirror"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := s.PutArticle(ctx, tc.a)
			if err != nil || ok {
				t.Fatalf("PutArticle = %v, %v; want false, nil", ok, err)
			}
			if hits, _ := s.SearchArticles(ctx, tc.a.Title, 5); len(hits) != 0 {
				t.Errorf("the duplicate was indexed: %v", hits)
			}
		})
	}
	// Articles without URL or hash do not collide with each other.
	for i := range 2 {
		ok, err := s.PutArticle(ctx, sitrep.Article{ID: fmt.Sprint("bare-", i)})
		if err != nil || !ok {
			t.Errorf("bare article %d: %v, %v; want inserted", i, ok, err)
		}
	}
	got, _ := s.Article(ctx, "guid-1")
	if got.Title != first.Title {
		t.Errorf("stored title %q changed; want %q", got.Title, first.Title)
	}
}

func TestArticleByURL(t *testing.T) {
	s := openTemp(t)
	a := sitrep.Article{ID: "a", URL: "https://wire.example/a", Link: "https://feeds.wire.example/~r/a"}
	b := sitrep.Article{ID: "b", URL: "https://wire.example/b", Link: "https://wire.example/a"} // b's link is a's URL
	for _, x := range []sitrep.Article{a, b} {
		if _, err := s.PutArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ url, want string }{
		{"https://wire.example/a", "a"}, // the canonical URL wins over another's link
		{"https://feeds.wire.example/~r/a", "a"},
		{"https://wire.example/b", "b"},
	} {
		got, err := s.ArticleByURL(ctx, tc.url)
		if err != nil || got.ID != tc.want {
			t.Errorf("ArticleByURL(%s) = %q, %v; want %q", tc.url, got.ID, err, tc.want)
		}
	}
	for _, url := range []string{"", "https://wire.example/c"} {
		if _, err := s.ArticleByURL(ctx, url); !errors.Is(err, sitrep.ErrNotFound) {
			t.Errorf("ArticleByURL(%q) = %v; want ErrNotFound", url, err)
		}
	}
}

func TestArticlesPublished(t *testing.T) {
	s := openTemp(t)
	for i, pub := range []int{10, 8, 12, 9, 11} {
		a := sitrep.Article{ID: fmt.Sprint("a", i), Published: date(2024, 3, 5, pub, 0)}
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PutArticle(ctx, sitrep.Article{ID: "undated"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ArticlesPublished(ctx, date(2024, 3, 5, 9, 0), date(2024, 3, 5, 12, 0))
	if err != nil {
		t.Fatal(err)
	}
	var hours []int
	for _, a := range got {
		hours = append(hours, a.Published.Hour())
	}
	if !reflect.DeepEqual(hours, []int{9, 10, 11}) {
		t.Errorf("ArticlesPublished hours = %v; want [9 10 11] (from inclusive, to exclusive, oldest first)", hours)
	}
}

func searchCorpus(t *testing.T, s *SQLite) {
	t.Helper()
	for _, a := range []sitrep.Article{
		{ID: "kobani", Title: "Clashes continue around Kobani",
			Summary:    "Kurdish fighters repelled an assault on the town's eastern districts.",
			Paragraphs: []string{"Fighting raged overnight.", "A monitoring group said 23 fighters were killed."}},
		{ID: "aleppo", Title: "Barrel bombs fall on Aleppo neighbourhoods",
			Summary:    "Civil defence workers pulled survivors from the rubble.",
			Paragraphs: []string{"Residents of Kobani, who fled last year, watched the news from Turkey."}},
		{ID: "geneva", Title: "Envoy meets delegations in Geneva",
			Summary:    `The UN envoy said talks were "constructive" but no date was set.`,
			Paragraphs: []string{"Délégations from Damascus and the opposition (HNC) attended; the AND-clause stayed open."}},
	} {
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearchArticlesRanksTitleFirst(t *testing.T) {
	s := openTemp(t)
	searchCorpus(t, s)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"Kobani", []string{"kobani", "aleppo"}}, // title match before a body match
		{"kobani fighters", []string{"kobani"}},  // every word must match
		{"geneva envoy", []string{"geneva"}},
		{"delegations", []string{"geneva"}}, // accents folded: Délégations
		{"constructive", []string{"geneva"}},
		{"Raqqa", nil},
	} {
		got, err := s.SearchArticles(ctx, tc.query, 10)
		if err != nil {
			t.Errorf("SearchArticles(%q): %v", tc.query, err)
			continue
		}
		if ids := articleIDs(got); !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("SearchArticles(%q) = %v; want %v", tc.query, ids, tc.want)
		}
	}
	if got, _ := s.SearchArticles(ctx, "kobani", 1); len(got) != 1 {
		t.Errorf("limit 1 returned %d", len(got))
	}
}

func TestSearchArticlesHostileQueries(t *testing.T) {
	s := openTemp(t)
	searchCorpus(t, s)
	for _, tc := range []struct {
		query string
		want  []string // nil: no match expected, only no error
	}{
		{`"`, nil},
		{`""`, nil},
		{`"constructive`, []string{"geneva"}},
		{`constructive"`, []string{"geneva"}},
		{`AND (`, nil},
		{`kobani AND (`, nil}, // "and" is a word the text lacks in the Kobani piece
		{`kobani OR aleppo`, nil},
		{`*`, nil},
		{`kob*`, nil}, // a star is not a prefix operator here
		{`NEAR(`, nil},
		{`NEAR(kobani fighters, 2)`, nil},
		{`title:kobani`, nil},
		{`-kobani`, nil},
		{`^kobani`, nil},
		{`{title summary}: kobani`, nil},
		{`(HNC)`, []string{"geneva"}},
		{`AND-clause`, []string{"geneva"}},
		{"kobani\x00'; DROP TABLE articles; --", nil},
		{"\xff\xfe kobani", []string{"kobani", "aleppo"}},
		{strings.Repeat("(", 500), nil},
		{strings.Repeat(`kobani "`, 200), nil},
		{"   ", nil},
		{"", nil},
	} {
		got, err := s.SearchArticles(ctx, tc.query, 10)
		if err != nil {
			t.Errorf("SearchArticles(%q): %v", tc.query, err)
			continue
		}
		if tc.want != nil && !reflect.DeepEqual(articleIDs(got), tc.want) {
			t.Errorf("SearchArticles(%q) = %v; want %v", tc.query, articleIDs(got), tc.want)
		}
	}
	if _, err := s.Article(ctx, "kobani"); err != nil {
		t.Errorf("articles lost after hostile queries: %v", err)
	}
}

func articleIDs(as []sitrep.Article) []string {
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestSeenItems(t *testing.T) {
	s := openTemp(t)
	if err := s.MarkSeen(ctx, 1, []string{"urn:1", "urn:2"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, 1, []string{"urn:2", "urn:3"}); err != nil { // overlapping batch
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, 1, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		feed int64
		item string
		want bool
	}{
		{1, "urn:1", true}, {1, "urn:3", true}, {1, "urn:4", false}, {2, "urn:1", false},
	} {
		got, err := s.SeenItem(ctx, tc.feed, tc.item)
		if err != nil || got != tc.want {
			t.Errorf("SeenItem(%d, %s) = %v, %v; want %v", tc.feed, tc.item, got, err, tc.want)
		}
	}
}

func TestFTSQueryQuotesEveryWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`air strike`, `"air" "strike"`},
		{`say "ceasefire`, `"say" """ceasefire"`},
		{`NEAR(a b)`, `"NEAR(a" "b)"`},
		{`* - ^ :`, ``},
		{"tab\tsep\x00nul", `"tab" "sep nul"`},
	} {
		if got := ftsQuery(tc.in); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

// TestSearchArticlesLargeStore searches a store holding more articles than
// the sample that judges which words are common, where a word in every
// article must not slow the search or drown the rarer words' ranking.
func TestSearchArticlesLargeStore(t *testing.T) {
	s := openTemp(t)
	n := sampleRows + 200
	var ids []string
	err := s.tx(ctx, func(tx *txn) error {
		for i := range n {
			a := sitrep.Article{ID: fmt.Sprint("wire-", i), Title: fmt.Sprint("Ceasefire talks resume, day ", i),
				Summary: "Negotiators met again as the ceasefire held along the front."}
			switch i {
			case 10:
				a.Title = "Shelling hits Kobani despite ceasefire"
			case 20, 4000:
				a.Paragraphs = []string{"Residents of Kobani reported shelling overnight."}
			}
			ids = append(ids, a.ID)
			if _, err := putArticle(ctx, tx, a, "[]"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// Kobani is rare, ceasefire common: the title match of the rare
		// word first, then the body matches, newest first.
		{"ceasefire Kobani", []string{"wire-10", "wire-4000", "wire-20"}},
		// Every word common and none in a title: newest first.
		{"ceasefire negotiators", []string{ids[n-1], ids[n-2], ids[n-3]}},
	} {
		got, err := s.SearchArticles(ctx, tc.query, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(articleIDs(got), tc.want) {
			t.Errorf("SearchArticles(%q) = %v; want %v", tc.query, articleIDs(got), tc.want)
		}
	}
}
