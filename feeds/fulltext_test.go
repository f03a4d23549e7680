package feeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestExtractTextMozillaPages runs the extractor over the Mozilla
// readability test pages shipped with go-readability: the text we extract
// must share most of its words with the expected article.
func TestExtractTextMozillaPages(t *testing.T) {
	dir := filepath.Join(moduleDir(t, "codeberg.org/readeck/go-readability/v2"), "test-pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(pages) < 50 {
		t.Skipf("only %d test pages found", len(pages))
	}
	good, total := 0, 0
	for _, src := range pages {
		want, err := os.ReadFile(filepath.Join(filepath.Dir(src), "expected.html"))
		if err != nil {
			continue
		}
		body, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		wantDoc, err := html.Parse(strings.NewReader(string(want)))
		if err != nil {
			continue
		}
		wantWords := words(nodeParagraphs(wantDoc))
		if len(wantWords) < 50 {
			continue
		}
		total++
		got, err := ExtractText(body, "http://fakehost/test/page.html", "")
		if err != nil {
			t.Logf("%s: %v", filepath.Base(filepath.Dir(src)), err)
			continue
		}
		if overlap(words(got), wantWords) >= 0.8 {
			good++
		}
	}
	t.Logf("%d of %d pages share ≥80%% of expected words", good, total)
	if total == 0 || float64(good) < 0.85*float64(total) {
		t.Fatalf("only %d of %d pages extracted well", good, total)
	}
}

func words(paras []string) map[string]int {
	m := map[string]int{}
	for _, p := range paras {
		for _, w := range strings.Fields(strings.ToLower(p)) {
			m[w]++
		}
	}
	return m
}

// overlap is the share of expected word occurrences found in got.
func overlap(got, want map[string]int) float64 {
	hit, all := 0, 0
	for w, n := range want {
		all += n
		hit += min(n, got[w])
	}
	if all == 0 {
		return 0
	}
	return float64(hit) / float64(all)
}
