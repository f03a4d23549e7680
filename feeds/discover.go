package feeds

import (
	"bytes"
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the <link rel="alternate"> types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       false, // too often a sitemap or oEmbed
}

// Discover returns the feed a page advertises with <link rel="alternate">,
// or pageURL itself (after permanent redirects) when it already is a feed.
// A page without a feed link is an ErrNotFeed error saying so.
func (f *Fetcher) Discover(ctx context.Context, pageURL string) (string, error) {
	resp, err := f.Fetch(ctx, pageURL, "", "")
	if err != nil {
		return "", err
	}
	if sniff(resp.Body) != kindHTML {
		if _, err := parse(resp.Body, resp.ContentType, resp.FinalURL, nowUTC()); err != nil {
			return "", err
		}
		if resp.Moved != "" {
			return resp.Moved, nil
		}
		return pageURL, nil
	}
	links := feedLinks(resp.Body, resp.FinalURL)
	if len(links) == 0 {
		return "", newError(ErrNotFeed, nil, "not a feed: got an HTML page with no feed link")
	}
	return links[0], nil
}

// feedLinks lists, in page order, the absolute http(s) URLs of the feeds a
// page advertises.
func feedLinks(page []byte, pageURL string) []string {
	base, _ := url.Parse(pageURL)
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			// Links are read from the whole page, not only <head>: some
			// CMSs put them in the body.
			if a != atom.Link && a != atom.Base || !hasAttr {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[string(k)] = strings.TrimSpace(string(v))
				if !more {
					break
				}
			}
			if a == atom.Base {
				if b, err := url.Parse(attrs["href"]); err == nil && base != nil {
					base = base.ResolveReference(b)
				}
				continue
			}
			if !hasToken(attrs["rel"], "alternate") || attrs["href"] == "" {
				continue
			}
			typ := strings.ToLower(strings.TrimSpace(strings.SplitN(attrs["type"], ";", 2)[0]))
			if !feedTypes[typ] {
				continue
			}
			ref, err := url.Parse(attrs["href"])
			if err != nil {
				continue
			}
			if base != nil {
				ref = base.ResolveReference(ref)
			}
			if ref.Scheme != "http" && ref.Scheme != "https" {
				continue
			}
			if s := ref.String(); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}
