package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
	"github.com/sitrep-bot/sitrep"
)

// Parsed is a feed as this package understands it: its own name and
// schedule hint, and its items normalised into articles.
type Parsed struct {
	Title   string
	SiteURL string
	TTL     time.Duration // the feed's <ttl> or sy:updatePeriod/updateFrequency; zero when it gives none
	// Articles are in feed order, one per distinct item ID.
	Articles []sitrep.Article
}

// Parse reads an RSS 0.9x/1.0/2.0, Atom or JSON Feed body fetched from
// feedURL at the time fetched. Charsets are repaired first (see xmlToUTF8).
// An HTML page or an unrecognised body is an ErrNotFeed error; broken XML is
// an ErrMalformed error naming the line.
func Parse(body []byte, feedURL string, fetched time.Time) (*Parsed, error) {
	return parse(body, "", feedURL, fetched)
}

// ParseFile parses a feed file on disk exactly as a fetched body. Its path
// stands in for the feed URL.
func ParseFile(path string, fetched time.Time) (*Parsed, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p, err := parse(body, "", path, fetched)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

func parse(body []byte, contentType, feedURL string, fetched time.Time) (*Parsed, error) {
	kind := sniff(body)
	switch kind {
	case kindHTML:
		return nil, newError(ErrNotFeed, nil, "not a feed: got an HTML page")
	case kindEmpty:
		return nil, newError(ErrNotFeed, nil, "not a feed: the body is empty")
	case kindUnknown:
		return nil, newError(ErrNotFeed, nil, "not a feed: got %s", describe(body, contentType))
	case kindXML:
		body = xmlToUTF8(body, contentType)
	}

	fp := gofeed.NewParser()
	fp.KeepOriginalFeed = true // for <ttl> and sy:, which the universal feed drops
	// The item image is never used; scanning every item's HTML for it
	// costs a sixth of the parse time.
	fp.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	feed, err := fp.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, parseError(body, kind, err)
	}

	p := &Parsed{Title: collapseSpace(inlineText(feed.Title)), SiteURL: strings.TrimSpace(feed.Link)}
	if orig, ok := feed.OriginalFeed().(*rss.Feed); ok {
		p.TTL = rssTTL(orig)
	}
	base := p.SiteURL
	if base == "" {
		base = feedURL
	}
	outlet := p.Title
	if outlet == "" {
		outlet = hostOf(base)
	}
	n := normaliser{outlet: outlet, base: base, fetched: fetched, clean: defaultBoilerplate, cleaner: defaultCleaner}
	seen := make(map[string]bool, len(feed.Items))
	for _, it := range feed.Items {
		a, ok := n.article(it)
		if !ok || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		p.Articles = append(p.Articles, a)
	}
	return p, nil
}

type bodyKind int

const (
	kindEmpty bodyKind = iota
	kindXML
	kindJSON
	kindHTML
	kindUnknown
)

// sniff looks at the start of a body to tell XML, JSON and HTML apart.
func sniff(body []byte) bodyKind {
	b := bytes.TrimLeft(body, "\xEF\xBB\xBF\xFE\xFF\x00 \t\r\n")
	if len(b) == 0 {
		return kindEmpty
	}
	if body[0] == 0xFE || body[0] == 0xFF {
		return kindXML // UTF-16 with a byte order mark
	}
	switch b[0] {
	case '{':
		return kindJSON
	case '<':
		head := b
		if len(head) > 1024 {
			head = head[:1024]
		}
		lower := bytes.ToLower(head)
		if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
			return kindHTML
		}
		// An XML declaration or comment may come before an HTML root.
		if !bytes.Contains(lower, []byte("<rss")) && !bytes.Contains(lower, []byte("<feed")) &&
			!bytes.Contains(lower, []byte("<rdf")) && (bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<head"))) {
			return kindHTML
		}
		return kindXML
	}
	return kindUnknown
}

func describe(body []byte, contentType string) string {
	if contentType != "" {
		return "content of type " + strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0])
	}
	return "content that is neither XML nor JSON"
}

// parseError explains why gofeed refused a body. For XML it re-reads the
// body with encoding/xml to find the first syntax error and its line when
// gofeed's error does not carry one. Parsing is lenient, as gofeed's is:
// a mismatched end tag or a bare ampersand does not lose a feed.
func parseError(body []byte, kind bodyKind, err error) error {
	if kind == kindJSON {
		return newError(ErrMalformed, err, "malformed JSON feed: %v", err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return newError(ErrMalformed, err, "malformed XML at line %d: %s", se.Line, se.Msg)
	}
	if line, msg, ok := firstXMLError(body); ok {
		return newError(ErrMalformed, err, "malformed XML at line %d: %s", line, msg)
	}
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return newError(ErrNotFeed, err, "not a feed: XML whose root is not rss, rdf or feed")
	}
	return newError(ErrMalformed, err, "malformed feed: %v", err)
}

func firstXMLError(body []byte) (line int, msg string, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		_, err := d.RawToken()
		if err == io.EOF {
			return 0, "", false
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return se.Line, se.Msg, true
		}
		if err != nil {
			return 0, "", false
		}
	}
}

// rssTTL reads <ttl> (minutes) or the syndication module's
// updatePeriod/updateFrequency.
func rssTTL(f *rss.Feed) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(f.TTL)); err == nil && n > 0 {
		return time.Duration(n) * time.Minute
	}
	sy, ok := f.Extensions["sy"]
	if !ok {
		return 0
	}
	period := time.Duration(0)
	if v := sy["updatePeriod"]; len(v) > 0 {
		switch strings.ToLower(strings.TrimSpace(v[0].Value)) {
		case "hourly":
			period = time.Hour
		case "daily":
			period = 24 * time.Hour
		case "weekly":
			period = 7 * 24 * time.Hour
		case "monthly":
			period = 30 * 24 * time.Hour
		case "yearly":
			period = 365 * 24 * time.Hour
		}
	}
	if period == 0 {
		return 0
	}
	freq := 1
	if v := sy["updateFrequency"]; len(v) > 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(v[0].Value)); err == nil && n > 0 {
			freq = n
		}
	}
	return period / time.Duration(freq)
}
