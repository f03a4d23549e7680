package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

const (
	pagePrefix = "pg:"
	pageSize   = 8
)

// listQuery is an /incidents or /diplomacy listing. It travels in the
// buttons' custom IDs, so paging works after a restart; one too long for
// Discord's 100 characters is kept in memory instead.
type listQuery struct {
	Cat      string // "i" incidents, "d" developments
	From, To int64  // unix seconds: fixed at the first page so pages do not shift
	Place    string
	Actor    string
	Kind     string
	Page     int
}

func (q listQuery) encode() string {
	v := url.Values{}
	v.Set("c", q.Cat)
	v.Set("f", strconv.FormatInt(q.From, 36))
	v.Set("t", strconv.FormatInt(q.To, 36))
	if q.Place != "" {
		v.Set("p", q.Place)
	}
	if q.Actor != "" {
		v.Set("a", q.Actor)
	}
	if q.Kind != "" {
		v.Set("k", q.Kind)
	}
	return v.Encode()
}

func decodeQuery(s string) (listQuery, error) {
	v, err := url.ParseQuery(s)
	if err != nil {
		return listQuery{}, err
	}
	q := listQuery{Cat: v.Get("c"), Place: v.Get("p"), Actor: v.Get("a"), Kind: v.Get("k")}
	if q.From, err = strconv.ParseInt(v.Get("f"), 36, 64); err != nil {
		return q, err
	}
	if q.To, err = strconv.ParseInt(v.Get("t"), 36, 64); err != nil {
		return q, err
	}
	if q.Cat != "i" && q.Cat != "d" {
		return q, fmt.Errorf("unknown list %q", q.Cat)
	}
	return q, nil
}

// storyQuery is the store query for the page q shows.
func (q listQuery) storyQuery() sitrep.StoryQuery {
	cat := sitrep.CategoryIncident
	if q.Cat == "d" {
		cat = sitrep.CategoryDevelopment
	}
	return sitrep.StoryQuery{Category: cat, Kind: sitrep.Kind(q.Kind), Place: q.Place, Actor: q.Actor,
		From: time.Unix(q.From, 0), To: time.Unix(q.To, 0), Limit: pageSize, Offset: q.Page * pageSize}
}

// customID builds a button's ID for page n of q.
func (b *Bot) customID(q listQuery, n int) string {
	enc := q.encode()
	id := pagePrefix + strconv.Itoa(n) + ":v" + enc
	if len(id) <= 100 {
		return id
	}
	sum := sha256.Sum256([]byte(enc))
	key := hex.EncodeToString(sum[:12])
	b.pages.put(key, q)
	return pagePrefix + strconv.Itoa(n) + ":k" + key
}

// page answers a paging button.
func (b *Bot) page(ctx context.Context, id string) (*discordgo.MessageSend, error) {
	rest := strings.TrimPrefix(id, pagePrefix)
	nStr, ref, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(nStr)
	if !ok || err != nil || n < 0 || n > 10000 || ref == "" {
		return nil, bad("This button is not one of ours.")
	}
	var q listQuery
	switch ref[0] {
	case 'v':
		if q, err = decodeQuery(ref[1:]); err != nil {
			return nil, bad("This button is not one of ours.")
		}
	case 'k':
		if q, ok = b.pages.get(ref[1:]); !ok {
			return nil, bad("This list has expired; run the command again.")
		}
	default:
		return nil, bad("This button is not one of ours.")
	}
	q.Page = n
	return b.listPage(ctx, q)
}

// listPage renders one page of a listing with Previous/Next buttons.
func (b *Bot) listPage(ctx context.Context, q listQuery) (*discordgo.MessageSend, error) {
	sq := q.storyQuery()
	hits, total, err := b.deps.Store.Stories(ctx, sq)
	if err != nil {
		return nil, err
	}
	pages := (total + pageSize - 1) / pageSize
	if q.Page >= pages && pages > 0 {
		// A page past the end (stories left the window since the button
		// was made) shows the last one.
		q.Page = pages - 1
		sq.Offset = q.Page * pageSize
		if hits, total, err = b.deps.Store.Stories(ctx, sq); err != nil {
			return nil, err
		}
		pages = max(1, (total+pageSize-1)/pageSize)
	}
	title := "Incidents"
	if q.Cat == "d" {
		title = "Diplomacy"
	}
	var cond []string
	for _, c := range []string{q.Kind, q.Place, q.Actor} {
		if c != "" {
			cond = append(cond, c)
		}
	}
	if len(cond) > 0 {
		title += " · " + strings.Join(cond, " · ")
	}
	from := time.Unix(q.From, 0)
	if len(hits) == 0 {
		return &discordgo.MessageSend{Content: fmt.Sprintf("Nothing matches since <t:%d:f>.", from.Unix())}, nil
	}
	var lines []string
	for i := range hits {
		lines = append(lines, clip(storyLine(&hits[i], b.opt.Confirmed), 450))
	}
	lines = append(lines, "", "Details: `/story id`")
	embed := &discordgo.MessageEmbed{
		Title:       clip(title, 256),
		Description: clip(strings.Join(lines, "\n\n"), 4096),
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d · %d stories since %s", q.Page+1, pages, total, from.UTC().Format("2 Jan 15:04 UTC"))},
	}
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed}}
	if pages > 1 {
		msg.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: b.customID(q, q.Page-1), Disabled: q.Page == 0},
			discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: b.customID(q, q.Page+1), Disabled: q.Page >= pages-1},
		}}}
	}
	return msg, nil
}

// pageCache keeps queries too long for a custom ID, bounded and expiring.
type pageCache struct {
	mu   sync.Mutex
	max  int
	ttl  time.Duration
	data map[string]pageEntry
}

type pageEntry struct {
	q       listQuery
	expires time.Time
}

func newPageCache(max int, ttl time.Duration) *pageCache {
	return &pageCache{max: max, ttl: ttl, data: map[string]pageEntry{}}
}

func (c *pageCache) put(key string, q listQuery) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if len(c.data) >= c.max {
		for k, e := range c.data {
			if now.After(e.expires) || len(c.data) >= c.max {
				delete(c.data, k)
			}
		}
	}
	c.data[key] = pageEntry{q: q, expires: now.Add(c.ttl)}
}

func (c *pageCache) get(key string) (listQuery, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.data[key]
	if !ok || time.Now().After(e.expires) {
		return listQuery{}, false
	}
	return e.q, true
}
