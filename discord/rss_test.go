package discord

import (
	"encoding/xml"
	"io"
	"time"

	"github.com/sitrep-bot/sitrep"
)

var ioCopy = io.Copy

// parseTestRSS reads the items of a small RSS 2.0 document.
func parseTestRSS(u, body string) (FeedReport, error) {
	var doc struct {
		Channel struct {
			Title string `xml:"title"`
			Link  string `xml:"link"`
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				PubDate string `xml:"pubDate"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		return FeedReport{}, &userError{msg: "not a feed: " + err.Error()}
	}
	rep := FeedReport{URL: u, Title: doc.Channel.Title, SiteURL: doc.Channel.Link}
	for _, it := range doc.Channel.Items {
		t, _ := time.Parse(time.RFC1123, it.PubDate)
		rep.Items = append(rep.Items, sitrep.Article{Title: it.Title, URL: it.Link, Link: it.Link, Published: t})
	}
	return rep, nil
}
