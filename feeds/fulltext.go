package feeds

import (
	"bytes"
	"context"
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// FullText fetches an article page, with the same size cap, timeout and
// address checks as feeds, and returns its main text as paragraphs with
// page boilerplate removed. title is the item's headline, dropped where the
// page repeats it.
func (f *Fetcher) FullText(ctx context.Context, pageURL, title string) ([]string, error) {
	resp, err := f.fetchPage(ctx, pageURL)
	if err != nil {
		return nil, err
	}
	return ExtractText(htmlToUTF8(resp.Body, resp.ContentType), resp.FinalURL, title)
}

// ExtractText finds the main text of an HTML page with readability and
// returns it as clean paragraphs.
func ExtractText(page []byte, pageURL, title string) ([]string, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		u = nil
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, newError(ErrNotFeed, err, "cannot read the article page: %v", err)
	}
	art, err := readability.FromDocument(doc, u)
	if err != nil {
		return nil, newError(ErrNotFeed, err, "no article text found on the page: %v", err)
	}
	if art.Node == nil {
		return nil, newError(ErrNotFeed, nil, "no article text found on the page")
	}
	return defaultBoilerplate.Clean(title, nodeParagraphs(art.Node)), nil
}

// nodeParagraphs is Paragraphs for an already parsed tree.
func nodeParagraphs(n *html.Node) []string {
	w := &paraWriter{}
	w.walk(n)
	w.flush()
	return w.out
}
