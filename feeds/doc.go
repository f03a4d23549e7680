// Package feeds turns feed URLs into a stream of clean, de-duplicated
// articles with their full text.
//
// It owns everything between a URL an admin typed and a sitrep.Article:
// fetching (our own http.Client with size caps, timeouts, redirect limits and
// address checks at dial time), charset repair, parsing RSS, Atom and JSON
// Feed with gofeed, feed discovery from web pages, item normalisation
// (canonical URLs, stable IDs, dates, HTML to paragraphs, boilerplate
// removal), full-text extraction for teaser-only items, and the poller that
// keeps each feed on its own schedule with backoff. Storage is left to the
// PollStore it is given; what happens to an article after it is stored is
// left to the Poller's OnArticle hook.
package feeds
