package discord

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/internal/discordtest"
	"github.com/sitrep-bot/sitrep/store"
)

const (
	adminPerms  = discordgo.PermissionManageGuild | discordgo.PermissionSendMessages
	memberPerms = discordgo.PermissionSendMessages | discordgo.PermissionViewChannel
)

// clock is a settable clock for the bot and the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// env is a fake Discord with one guild, a real SQLite file and a clock.
type env struct {
	t        testing.TB
	fake     *discordtest.Server
	st       *store.SQLite
	dbPath   string
	clock    *clock
	guild    string
	text     string // a text channel
	news     string // an announcement channel
	forum    string
	admin    string // the admin channel
	perStory int    // stories per rendered message
}

func newEnv(t testing.TB) *env {
	t.Helper()
	fake := discordtest.New()
	t.Cleanup(fake.Close)
	e := &env{t: t, fake: fake, clock: &clock{t: time.Date(2025, 3, 14, 6, 0, 0, 0, time.UTC)}, perStory: 2}
	e.guild = fake.AddGuild("Observers")
	e.text = fake.AddChannel(e.guild, "briefings", discordgo.ChannelTypeGuildText, "")
	e.news = fake.AddChannel(e.guild, "announcements", discordgo.ChannelTypeGuildNews, "")
	e.forum = fake.AddChannel(e.guild, "reports", discordgo.ChannelTypeGuildForum, "")
	e.admin = fake.AddChannel(e.guild, "mods", discordgo.ChannelTypeGuildText, "")
	e.dbPath = filepath.Join(t.TempDir(), "sitrep.db")
	e.openStore()
	return e
}

func (e *env) openStore() {
	st, err := store.Open(e.dbPath)
	if err != nil {
		e.t.Fatal(err)
	}
	e.st = st
	e.t.Cleanup(func() { st.Close() })
}

// compose is a small stand-in for the newsroom: the stories updated in the
// window that pass the region filter and were not briefed unchanged.
func (e *env) compose(ctx context.Context, w Window) (sitrep.Briefing, error) {
	stories, err := e.st.StoriesUpdated(ctx, w.From, w.To)
	if err != nil {
		return sitrep.Briefing{}, err
	}
	br := sitrep.Briefing{From: w.From, To: w.To}
	for _, s := range stories {
		if h, ok := w.Briefed[s.ID]; ok && h == s.FactsHash {
			continue
		}
		if filteredOut(w.Filter, &s) != "" {
			continue
		}
		_, updated := w.Briefed[s.ID]
		bs := sitrep.BriefedStory{Story: s, Update: updated}
		if s.Category == sitrep.CategoryDevelopment {
			br.Developments = append(br.Developments, bs)
		} else {
			br.Incidents = append(br.Incidents, bs)
		}
	}
	return br, nil
}

// render puts perStory stories in each message, one embed each.
func (e *env) render(b sitrep.Briefing) []*discordgo.MessageSend {
	var out []*discordgo.MessageSend
	for _, list := range [][]sitrep.BriefedStory{b.Incidents, b.Developments} {
		for _, s := range list {
			if len(out) == 0 || len(out[len(out)-1].Embeds) == e.perStory {
				out = append(out, &discordgo.MessageSend{})
			}
			title := fmt.Sprintf("#%d %s", s.ID, s.Headline)
			if s.Update {
				title = "Update: " + title
			}
			m := out[len(out)-1]
			m.Embeds = append(m.Embeds, &discordgo.MessageEmbed{Title: title, Description: storyLine(&s.Story, 0)})
		}
	}
	return out
}

func (e *env) bot(extra ...func(*Options, *Deps)) *Bot {
	e.t.Helper()
	opt := Options{
		Token: e.fake.Token, HTTPClient: e.fake.Client(), Now: e.clock.Now, CatchUpGrace: time.Hour,
		RetryBase: 5 * time.Millisecond, UpdateInterval: -1, TestGuildID: e.guild,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	deps := Deps{Store: e.st, Compose: e.compose, Render: e.render}
	for _, f := range extra {
		f(&opt, &deps)
	}
	b, err := New(opt, deps)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := b.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { b.Close() })
	return b
}

// do runs a slash command as a member of the guild in the text channel.
func (e *env) do(perms int64, command string, opts ...*discordtest.Option) discordtest.Answer {
	e.t.Helper()
	ans, err := e.fake.Do(discordtest.Invocation{GuildID: e.guild, ChannelID: e.text, UserID: "400000000000000001",
		Permissions: perms, Command: command, Options: opts})
	if err != nil {
		e.t.Fatal(err)
	}
	return ans
}

// story saves a story whose source article is stored too.
func (e *env) story(s sitrep.Story, articleURL, body string) sitrep.Story {
	e.t.Helper()
	ctx := context.Background()
	if articleURL != "" {
		a := sitrep.Article{ID: articleURL, URL: articleURL, Link: articleURL, Title: s.Headline, Outlet: "Levant Wire",
			Published: e.clock.Now().Add(-2 * time.Hour), Fetched: e.clock.Now().Add(-time.Hour), Summary: body, Paragraphs: []string{body}, Hash: "h" + articleURL}
		if _, err := e.st.PutArticle(ctx, a); err != nil {
			e.t.Fatal(err)
		}
		s.Sources = append(s.Sources, a.Source())
	}
	if s.FactsHash == "" {
		s.FactsHash = fmt.Sprintf("f%d", len(s.Headline))
	}
	if s.Updated.IsZero() {
		s.Updated = e.clock.Now().Add(-time.Hour)
	}
	if err := e.st.SaveStory(ctx, &s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *env) schedule(channel, spec string) sitrep.Schedule {
	e.t.Helper()
	s, err := e.st.AddSchedule(context.Background(), sitrep.Schedule{GuildID: e.guild, ChannelID: channel, Cron: spec, TimeZone: "UTC", Created: e.clock.Now().Add(-time.Hour)})
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func incident(kind sitrep.Kind, place, country, headline string, killed int) sitrep.Story {
	return sitrep.Story{
		Category: sitrep.CategoryIncident, Kind: kind, Day: time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC),
		Place: sitrep.Place{Name: place, Country: country}, Perpetrators: []string{"Syrian government"},
		Headline: headline, Score: float64(killed),
		Tolls: sitrep.TollsOf([]sitrep.Figure{{What: sitrep.FigureKilled, Value: killed, AttributedTo: "Syrian Observatory for Human Rights", Outlet: "Levant Wire"}}),
	}
}
