package feeds

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// A CheckReport says what a URL holds, for an admin adding a feed.
type CheckReport struct {
	// URL is the feed to subscribe to: the one given, the one the page
	// advertised, or where permanent redirects led.
	URL        string
	Discovered bool // URL was found through the page's <link rel="alternate">
	Title      string
	SiteURL    string
	TTL        time.Duration
	Items      int
	Newest     []sitrep.Article // up to five, newest first
}

// Check fetches a URL (discovering the feed if it is a web page), parses it
// and reports what it holds. Its error is one line saying what was wrong.
func (f *Fetcher) Check(ctx context.Context, rawURL string) (*CheckReport, error) {
	resp, err := f.Fetch(ctx, rawURL, "", "")
	if err != nil {
		return nil, err
	}
	rep := &CheckReport{URL: rawURL}
	if resp.Moved != "" {
		rep.URL = resp.Moved
	}
	now := nowUTC()
	p, err := parse(resp.Body, resp.ContentType, resp.FinalURL, now)
	if err != nil && errors.Is(err, ErrNotFeed) && sniff(resp.Body) == kindHTML {
		links := feedLinks(resp.Body, resp.FinalURL)
		if len(links) == 0 {
			return nil, newError(ErrNotFeed, nil, "not a feed: got an HTML page with no feed link")
		}
		rep.URL, rep.Discovered = links[0], true
		resp, err = f.Fetch(ctx, links[0], "", "")
		if err != nil {
			return nil, newError(kindOf(err), err, "the page's feed %s: %s", links[0], err)
		}
		if resp.Moved != "" {
			rep.URL = resp.Moved
		}
		p, err = parse(resp.Body, resp.ContentType, resp.FinalURL, now)
		if err != nil {
			return nil, newError(kindOf(err), err, "the page's feed %s: %s", links[0], err)
		}
	} else if err != nil {
		return nil, err
	}
	rep.Title, rep.SiteURL, rep.TTL, rep.Items = p.Title, p.SiteURL, p.TTL, len(p.Articles)
	newest := append([]sitrep.Article(nil), p.Articles...)
	sort.SliceStable(newest, func(i, j int) bool { return newest[i].Published.After(newest[j].Published) })
	if len(newest) > 5 {
		newest = newest[:5]
	}
	rep.Newest = newest
	return rep, nil
}

func kindOf(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ErrNetwork
}

// nowUTC is the wall clock for the admin-facing calls (Check, Discover),
// which only use it to judge item dates; the Poller takes its clock.
func nowUTC() time.Time { return time.Now().UTC() }
