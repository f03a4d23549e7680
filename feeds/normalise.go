package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/sitrep-bot/sitrep"
)

// futureSlack is how far past the fetch time a date may lie before it is
// treated as wrong: publishers' clocks drift by minutes, not hours.
const futureSlack = 10 * time.Minute

// summaryRunes bounds Article.Summary.
const summaryRunes = 600

// normaliser turns gofeed items of one feed into articles.
type normaliser struct {
	outlet  string
	base    string // site or feed URL, for resolving relative links
	fetched time.Time
	clean   *boilerplate
	cleaner urlCleaner
}

// article normalises one item. ok is false for an item with nothing to
// report: no title, no text and no link.
func (n normaliser) article(it *gofeed.Item) (a sitrep.Article, ok bool) {
	if it == nil {
		return a, false
	}
	a.Link = it.Link
	link := strings.TrimSpace(it.Link)
	guid := strings.TrimSpace(it.GUID)
	if link == "" && looksLikeURL(guid) {
		link = guid // RSS guid isPermaLink: the guid is the link
	}
	a.URL = n.cleaner.canonical(link, n.base)
	a.Title = inlineText(it.Title)
	a.Outlet = n.outlet
	a.Author = author(it)
	a.Fetched = n.fetched

	a.Published, a.DateGuessed = n.published(it)

	// content:encoded, Atom content and JSON content_html are preferred;
	// the description wins only when it holds more text.
	content, desc := Paragraphs(it.Content), Paragraphs(it.Description)
	desc = n.clean.Clean(a.Title, desc)
	paras := n.clean.Clean(a.Title, content)
	if wordCount(desc) > wordCount(paras) {
		paras = desc
	}
	a.Paragraphs = paras
	a.Summary = truncateRunes(strings.Join(desc, " "), summaryRunes)
	// A description cut off mid-sentence is a teaser of the body, often
	// with its boilerplate flattened in; the body's first paragraph reads better.
	if (a.Summary == "" || isCutOff(a.Summary)) && len(a.Paragraphs) > 0 && len(content) > 0 {
		a.Summary = truncateRunes(a.Paragraphs[0], summaryRunes)
	}
	if a.Title == "" && len(a.Paragraphs) > 0 {
		a.Title = truncateWords(a.Paragraphs[0], 14)
	}
	if a.Title == "" && len(a.Paragraphs) == 0 && a.URL == "" {
		return a, false
	}
	a.Hash = contentHash(a.Title, a.Paragraphs)
	a.ID = n.itemID(guid, a)
	return a, true
}

// published returns the item's date, or the fetch time and guessed=true
// when it has none or one in the future (or before the web existed).
func (n normaliser) published(it *gofeed.Item) (time.Time, bool) {
	t := it.PublishedParsed
	if t == nil {
		t = it.UpdatedParsed
	}
	if t == nil || t.Year() < 1990 || t.After(n.fetched.Add(futureSlack)) {
		return n.fetched.UTC(), true
	}
	return t.UTC(), false
}

// itemID is the stable ID: the GUID when it is globally unique by form
// (a URL, a tag: or urn: URI), a bare GUID qualified by the feed's host
// (two feeds may both number their items from 1), else the canonical URL,
// else the content hash.
func (n normaliser) itemID(guid string, a sitrep.Article) string {
	switch {
	case guid != "" && (looksLikeURL(guid) || strings.HasPrefix(guid, "tag:") || strings.HasPrefix(strings.ToLower(guid), "urn:")):
		return guid
	case guid != "":
		return hostOf(n.base) + "#" + guid
	case a.URL != "":
		return a.URL
	default:
		return "sha256:" + a.Hash
	}
}

func author(it *gofeed.Item) string {
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			return inlineText(p.Name)
		}
	}
	if it.Author != nil && strings.TrimSpace(it.Author.Name) != "" {
		return inlineText(it.Author.Name)
	}
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		return inlineText(it.DublinCoreExt.Creator[0])
	}
	return ""
}

// contentHash identifies an article's text across feeds and URLs: the same
// headline and paragraphs, whitespace and case aside, hash the same.
func contentHash(title string, paras []string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(collapseSpace(title))))
	for _, p := range paras {
		h.Write([]byte{'\n'})
		h.Write([]byte(strings.ToLower(p)))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return strings.ToLower(u.Hostname())
	}
	return raw
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	s = s[:cut]
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return s + "…"
}

func truncateWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return s
	}
	return strings.Join(w[:n], " ") + "…"
}

func isCutOff(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...") || strings.HasSuffix(s, "[…]") || strings.HasSuffix(s, "[...]")
}
