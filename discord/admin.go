package discord

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/render"
)

// maxFeedsPerGuild bounds one guild's subscriptions.
const maxFeedsPerGuild = 100

// maxSchedulesPerGuild bounds one guild's schedules.
const maxSchedulesPerGuild = 25

func (b *Bot) cmdFeeds(ctx context.Context, c *call) error {
	st := b.deps.Store
	guild := c.i.GuildID
	switch c.sub {
	case "add":
		u, err := checkFeedURL(c.str("url"))
		if err != nil {
			return err
		}
		name, err := checkText("name", c.str("name"), 100)
		if err != nil {
			return err
		}
		subs, err := st.Subscriptions(ctx, guild)
		if err != nil {
			return err
		}
		if len(subs) >= maxFeedsPerGuild {
			return bad("This server already has %d feeds, the most allowed. Remove one first with `/feeds remove`.", len(subs))
		}
		f := sitrep.Feed{URL: u, Created: b.now(), NextPoll: b.now()}
		var note string
		if b.deps.Check != nil {
			rep, err := b.deps.Check(ctx, u)
			if err != nil {
				return bad("Could not add `%s`: %s", clip(u, 200), clip(err.Error(), 500))
			}
			if rep.URL != "" {
				f.URL = rep.URL
			}
			f.Title, f.SiteURL = rep.Title, rep.SiteURL
			note = fmt.Sprintf(" It holds %d items now; only items published from now on are briefed.", len(rep.Items))
		}
		for _, s := range subs {
			if existing, err := st.Feed(ctx, s.FeedID); err == nil && existing.URL == f.URL {
				return bad("This server already follows `%s` (%s).", f.URL, existing.Name())
			}
		}
		f, err = st.AddFeed(ctx, f)
		if err != nil {
			return err
		}
		if err := st.Subscribe(ctx, sitrep.Subscription{FeedID: f.ID, GuildID: guild, ChannelID: c.i.ChannelID, Name: name, Added: b.now()}); err != nil {
			return err
		}
		shown := f.Name()
		if name != "" {
			shown = name
		}
		return c.say(ctx, "Added **%s** (`%s`).%s", shown, f.URL, note)
	case "remove":
		id, err := b.guildFeed(ctx, guild, c.str("feed"))
		if err != nil {
			return err
		}
		f, _ := st.Feed(ctx, id)
		if err := st.Unsubscribe(ctx, guild, id); err != nil {
			return err
		}
		return c.say(ctx, "Removed **%s**. Articles already stored stay searchable.", f.Name())
	case "list":
		return b.listFeeds(ctx, c)
	case "check":
		u, err := checkFeedURL(c.str("url"))
		if err != nil {
			return err
		}
		if b.deps.Check == nil {
			return bad("Feed checks are not available on this bot.")
		}
		rep, err := b.deps.Check(ctx, u)
		if err != nil {
			return bad("`%s` does not work as a feed: %s", clip(u, 200), clip(err.Error(), 500))
		}
		return c.reply(ctx, feedPreview(rep))
	}
	return bad("Unknown sub-command.")
}

// guildFeed resolves a feed option (an ID from autocomplete, or a URL or
// name typed) to one of the guild's subscriptions.
func (b *Bot) guildFeed(ctx context.Context, guild, v string) (int64, error) {
	v = strings.TrimSpace(v)
	subs, err := b.deps.Store.Subscriptions(ctx, guild)
	if err != nil {
		return 0, err
	}
	for _, s := range subs {
		if strconv.FormatInt(s.FeedID, 10) == v {
			return s.FeedID, nil
		}
		f, err := b.deps.Store.Feed(ctx, s.FeedID)
		if err == nil && (strings.EqualFold(f.URL, v) || strings.EqualFold(f.Name(), v) || strings.EqualFold(s.Name, v)) {
			return s.FeedID, nil
		}
	}
	return 0, bad("This server does not follow a feed `%s`. Pick one from the list, or see `/feeds list`.", clip(v, 100))
}

func (b *Bot) listFeeds(ctx context.Context, c *call) error {
	subs, err := b.deps.Store.Subscriptions(ctx, c.i.GuildID)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		return c.say(ctx, "This server follows no feeds yet. Add one with `/feeds add url:https://…`.")
	}
	now := b.now()
	var lines []string
	for _, s := range subs {
		f, err := b.deps.Store.Feed(ctx, s.FeedID)
		if err != nil {
			continue
		}
		name := f.Name()
		if s.Name != "" {
			name = s.Name
		}
		health := "ok, last success " + ago(now, f.LastSuccess)
		switch {
		case f.Disabled:
			health = "**disabled**: " + clip(orNone(f.DisabledReason), 150)
		case f.ErrorCount > 0:
			health = fmt.Sprintf("**failing** (%d): %s; last success %s", f.ErrorCount, clip(orNone(f.LastError), 150), ago(now, f.LastSuccess))
		case f.LastSuccess.IsZero():
			health = "not polled yet"
		}
		lines = append(lines, fmt.Sprintf("`%d` **%s** — %s\n<%s>", f.ID, clip(name, 80), health, clip(f.URL, 300)))
	}
	return c.reply(ctx, render.LinePages("Feeds", lines)...)
}

func feedPreview(rep FeedReport) *discordgo.MessageSend {
	var lines []string
	for i, a := range rep.Items {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("… and %d more", len(rep.Items)-10))
			break
		}
		date := "no date"
		if !a.Published.IsZero() && !a.DateGuessed {
			date = a.Published.UTC().Format("2 Jan 15:04")
		}
		lines = append(lines, fmt.Sprintf("• %s — %s", clip(a.Title, 150), date))
	}
	if len(lines) == 0 {
		lines = append(lines, "The feed holds no items right now.")
	}
	for _, w := range rep.Warnings {
		lines = append(lines, "⚠ "+clip(w, 200))
	}
	title := rep.Title
	if title == "" {
		title = rep.URL
	}
	return &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{
		Title: clip(title, 256), URL: rep.URL, Description: clip(strings.Join(lines, "\n"), 4096),
		Footer: &discordgo.MessageEmbedFooter{Text: clip(rep.URL, 2048)},
	}}}
}

func (b *Bot) cmdSchedule(ctx context.Context, c *call) error {
	st := b.deps.Store
	guild := c.i.GuildID
	switch c.sub {
	case "set":
		ch := c.str("channel")
		if err := checkSnowflake("channel", ch); err != nil {
			return err
		}
		spec := strings.Join(strings.Fields(c.str("cron")), " ")
		if _, _, err := parseSpec(spec, c.str("timezone"), b.opt.MinInterval); err != nil {
			return err
		}
		if err := b.channelInGuild(ctx, ch, guild); err != nil {
			return err
		}
		all, err := st.Schedules(ctx, guild)
		if err != nil {
			return err
		}
		s := sitrep.Schedule{GuildID: guild, ChannelID: ch, Cron: spec, TimeZone: strings.TrimSpace(c.str("timezone")), Publish: c.bool("publish"), Created: b.now()}
		replaced := false
		for _, old := range all {
			if old.ChannelID == ch && old.Cron == spec && old.TimeZone == s.TimeZone {
				old.Publish, old.Paused, old.Disabled, old.DisabledReason = s.Publish, false, false, ""
				if err := st.UpdateSchedule(ctx, old); err != nil {
					return err
				}
				s, replaced = old, true
			}
		}
		if !replaced {
			if len(all) >= maxSchedulesPerGuild {
				return bad("This server already has %d schedules, the most allowed.", len(all))
			}
			if s, err = st.AddSchedule(ctx, s); err != nil {
				return err
			}
		}
		if err := b.arm(s); err != nil {
			return err
		}
		return c.say(ctx, "Schedule #%d: briefings to <#%s> at `%s` (%s). Next: %s.", s.ID, ch, spec, s.TimeZone, when(b.nextRun(s)))
	case "list":
		all, err := st.Schedules(ctx, guild)
		if err != nil {
			return err
		}
		if len(all) == 0 {
			return c.say(ctx, "No schedules. Add one with `/schedule set`.")
		}
		var lines []string
		for _, s := range all {
			lines = append(lines, b.scheduleLine(ctx, s))
		}
		return c.reply(ctx, render.LinePages("Schedules", lines)...)
	case "remove", "pause", "resume":
		s, err := b.guildSchedule(ctx, c, guild)
		if err != nil {
			return err
		}
		switch c.sub {
		case "remove":
			b.disarm(s.ID)
			if err := st.RemoveSchedule(ctx, guild, s.ID); err != nil {
				return err
			}
			return c.say(ctx, "Removed schedule #%d.", s.ID)
		case "pause":
			s.Paused = true
			if err := st.UpdateSchedule(ctx, s); err != nil {
				return err
			}
			b.disarm(s.ID)
			return c.say(ctx, "Paused schedule #%d.", s.ID)
		default:
			s.Paused, s.Disabled, s.DisabledReason = false, false, ""
			if err := st.UpdateSchedule(ctx, s); err != nil {
				return err
			}
			if err := b.arm(s); err != nil {
				return err
			}
			return c.say(ctx, "Resumed schedule #%d. Next: %s.", s.ID, when(b.nextRun(s)))
		}
	}
	return bad("Unknown sub-command.")
}

// guildSchedule finds the schedule named by the id option among the
// guild's own: another guild's schedule is "not found", not "forbidden".
func (b *Bot) guildSchedule(ctx context.Context, c *call, guild string) (sitrep.Schedule, error) {
	id, ok := c.int("id")
	if !ok || id <= 0 {
		return sitrep.Schedule{}, bad("Expected a schedule number from `/schedule list`.")
	}
	s, err := b.deps.Store.Schedule(ctx, id)
	if errors.Is(err, sitrep.ErrNotFound) || (err == nil && s.GuildID != guild) {
		return sitrep.Schedule{}, bad("This server has no schedule #%d. See `/schedule list`.", id)
	}
	return s, err
}

// channelInGuild checks that a channel belongs to the guild and is one the
// bot can post in.
func (b *Bot) channelInGuild(ctx context.Context, channelID, guildID string) error {
	ch, err := b.channel(ctx, channelID)
	if err != nil {
		if _, lost := channelLost(err); lost {
			return bad("The bot cannot see <#%s>. Give it View Channel and Send Messages there.", channelID)
		}
		return err
	}
	if ch.GuildID != guildID {
		return bad("<#%s> is not in this server.", channelID)
	}
	for _, t := range postChannels {
		if ch.Type == t {
			return nil
		}
	}
	return bad("<#%s> is not a text, announcement or forum channel or a thread.", channelID)
}

func (b *Bot) scheduleLine(ctx context.Context, s sitrep.Schedule) string {
	state := "next " + when(b.nextRun(s))
	switch {
	case s.Disabled:
		state = "**disabled**: " + clip(orNone(s.DisabledReason), 300)
	case s.Paused:
		state = "paused"
	}
	last := "no briefing yet"
	if d, err := b.deps.Store.LastDelivery(ctx, s.ID); err == nil {
		last = fmt.Sprintf("last %s %s", d.State, when(d.Slot))
		if d.Note != "" {
			last += " (" + clip(d.Note, 150) + ")"
		}
	}
	publish := ""
	if s.Publish {
		publish = ", published"
	}
	return fmt.Sprintf("`#%d` <#%s> `%s` %s%s — %s; %s", s.ID, s.ChannelID, s.Cron, s.TimeZone, publish, state, last)
}

func when(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return fmt.Sprintf("<t:%d:f>", t.Unix())
}

func (b *Bot) cmdFilters(ctx context.Context, c *call) error {
	ch := c.str("channel")
	if err := checkSnowflake("channel", ch); err != nil {
		return err
	}
	guild := c.i.GuildID
	switch c.sub {
	case "set":
		f := sitrep.Filter{GuildID: guild, ChannelID: ch}
		var err error
		if f.Regions, err = splitList("regions", c.str("regions")); err != nil {
			return err
		}
		if f.Kinds, err = splitList("kinds", c.str("kinds")); err != nil {
			return err
		}
		for i, k := range f.Kinds {
			canon, ok := knownKind(k)
			if !ok {
				return bad("`%s` is not a kind. Expected some of: %s.", k, kindList(""))
			}
			f.Kinds[i] = canon
		}
		if f.Actors, err = splitList("actors", c.str("actors")); err != nil {
			return err
		}
		if f.Keywords, err = splitList("keywords", c.str("keywords")); err != nil {
			return err
		}
		if err := b.deps.Store.SaveFilter(ctx, f); err != nil {
			return err
		}
		return c.say(ctx, "Filter for <#%s>:\n%s", ch, describeFilter(f))
	case "show":
		f, err := b.deps.Store.Filter(ctx, guild, ch)
		if err != nil {
			return err
		}
		return c.say(ctx, "Filter for <#%s>:\n%s", ch, describeFilter(f))
	case "clear":
		if err := b.deps.Store.SaveFilter(ctx, sitrep.Filter{GuildID: guild, ChannelID: ch}); err != nil {
			return err
		}
		return c.say(ctx, "Cleared the filter for <#%s>: everything gets through.", ch)
	}
	return bad("Unknown sub-command.")
}

// kindList names the kinds of a category (every kind for none) for a reply.
func kindList(c sitrep.Category) string {
	var names []string
	for _, k := range sitrep.Kinds(c) {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// knownKind is the kind a typed name means, allowing a dropped plural "s".
func knownKind(k string) (string, bool) {
	for _, known := range sitrep.Kinds("") {
		name := string(known)
		if strings.EqualFold(k, name) || strings.EqualFold(k, strings.TrimSuffix(name, "s")) {
			return name, true
		}
	}
	return "", false
}

func describeFilter(f sitrep.Filter) string {
	if f.IsZero() {
		return "No filter: everything gets through."
	}
	var lines []string
	add := func(name string, v []string) {
		if len(v) > 0 {
			lines = append(lines, fmt.Sprintf("**%s**: %s", name, strings.Join(v, ", ")))
		}
	}
	add("Regions", f.Regions)
	add("Kinds", f.Kinds)
	add("Actors", f.Actors)
	add("Keywords", f.Keywords)
	return strings.Join(lines, "\n")
}

func (b *Bot) cmdSettings(ctx context.Context, c *call) error {
	gs, err := b.deps.Store.GuildSettings(ctx, c.i.GuildID)
	if err != nil {
		return err
	}
	gs.GuildID = c.i.GuildID
	switch c.sub {
	case "updates":
		mode := c.str("mode")
		switch mode {
		case "edit", "reply", "none":
		default:
			return bad("`%s` is not a mode. Expected edit, reply or none.", clip(mode, 40))
		}
		gs.UpdateMode = mode
		if err := b.deps.Store.SaveGuildSettings(ctx, gs); err != nil {
			return err
		}
		return c.say(ctx, "When a briefed story changes: **%s**.", map[string]string{
			"edit": "the briefing message is edited", "reply": "an update is posted in reply", "none": "nothing is done until the next briefing"}[mode])
	case "admin-channel":
		ch := c.str("channel")
		if err := checkSnowflake("channel", ch); err != nil {
			return err
		}
		if err := b.channelInGuild(ctx, ch, c.i.GuildID); err != nil {
			return err
		}
		gs.AdminChannelID = ch
		if err := b.deps.Store.SaveGuildSettings(ctx, gs); err != nil {
			return err
		}
		return c.say(ctx, "Feed health notes go to <#%s>.", ch)
	}
	return bad("Unknown sub-command.")
}

func (b *Bot) cmdStatus(ctx context.Context, c *call) error {
	guild := c.i.GuildID
	subs, err := b.deps.Store.Subscriptions(ctx, guild)
	if err != nil {
		return err
	}
	ok, failing, disabled := 0, []string{}, []string{}
	for _, s := range subs {
		f, err := b.deps.Store.Feed(ctx, s.FeedID)
		if err != nil {
			continue
		}
		switch {
		case f.Disabled:
			disabled = append(disabled, fmt.Sprintf("%s: %s", f.Name(), clip(orNone(f.DisabledReason), 120)))
		case f.ErrorCount > 0:
			failing = append(failing, fmt.Sprintf("%s: %s", f.Name(), clip(orNone(f.LastError), 120)))
		default:
			ok++
		}
	}
	scheds, err := b.deps.Store.Schedules(ctx, guild)
	if err != nil {
		return err
	}
	sort.Slice(scheds, func(i, j int) bool { return scheds[i].ID < scheds[j].ID })
	var lines []string
	lines = append(lines, fmt.Sprintf("**Feeds**: %d working, %d failing, %d disabled.", ok, len(failing), len(disabled)))
	for _, f := range failing {
		lines = append(lines, "⚠ "+f)
	}
	for _, f := range disabled {
		lines = append(lines, "⛔ "+f)
	}
	if len(scheds) == 0 {
		lines = append(lines, "**Schedules**: none. Add one with `/schedule set`.")
	} else {
		lines = append(lines, "**Schedules**:")
		for _, s := range scheds {
			lines = append(lines, b.scheduleLine(ctx, s))
		}
	}
	return c.reply(ctx, render.LinePages("Status", lines)...)
}
