package discord

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

// ReportFeedHealth tells the admin channel of every guild subscribed to a
// feed that its health changed: it failed, recovered or was disabled. The
// poller calls it on a change, not on every poll.
func (b *Bot) ReportFeedHealth(ctx context.Context, f sitrep.Feed) {
	guilds, err := b.subscribedGuilds(ctx, f.ID)
	if err != nil {
		b.log.Error("discord: finding a feed's guilds", "feed", f.ID, "err", err)
		return
	}
	var msg string
	switch {
	case f.Disabled:
		msg = fmt.Sprintf("Feed **%s** (%s) was disabled: %s. Check the URL, then remove and add it again.", f.Name(), f.URL, orNone(f.DisabledReason))
	case f.ErrorCount > 0:
		msg = fmt.Sprintf("Feed **%s** (%s) is failing (%d in a row): %s", f.Name(), f.URL, f.ErrorCount, orNone(f.LastError))
	default:
		msg = fmt.Sprintf("Feed **%s** (%s) is working again.", f.Name(), f.URL)
	}
	for _, g := range guilds {
		b.notifyAdmins(ctx, g, msg)
	}
}

// subscribedGuilds lists the guilds with a subscription to a feed. The
// store lists subscriptions per guild, so this walks the guilds the gateway
// reported and those with schedules.
func (b *Bot) subscribedGuilds(ctx context.Context, feedID int64) ([]string, error) {
	guilds := map[string]bool{}
	for _, g := range b.knownGuilds() {
		guilds[g] = true
	}
	if all, err := b.deps.Store.Schedules(ctx, ""); err == nil {
		for _, s := range all {
			guilds[s.GuildID] = true
		}
	}
	var out []string
	for g := range guilds {
		subs, err := b.deps.Store.Subscriptions(ctx, g)
		if err != nil {
			return nil, err
		}
		for _, s := range subs {
			if s.FeedID == feedID {
				out = append(out, g)
				break
			}
		}
	}
	return out, nil
}

// knownGuilds are the guilds the gateway said the bot is in.
func (b *Bot) knownGuilds() []string {
	if b.dg.State == nil {
		return nil
	}
	b.dg.State.RLock()
	defer b.dg.State.RUnlock()
	out := make([]string, 0, len(b.dg.State.Guilds))
	for _, g := range b.dg.State.Guilds {
		out = append(out, g.ID)
	}
	return out
}

// notifyAdmins posts a note to a guild's admin channel, when it set one.
func (b *Bot) notifyAdmins(ctx context.Context, guildID, text string) {
	gs, err := b.deps.Store.GuildSettings(ctx, guildID)
	if err != nil || gs.AdminChannelID == "" {
		return
	}
	_, err = b.sendPart(ctx, gs.AdminChannelID, "", &discordgo.MessageSend{Content: clip(text, 2000)})
	if err != nil {
		b.log.Warn("discord: posting to the admin channel", "guild", guildID, "channel", gs.AdminChannelID, "err", err)
	}
}

func orNone(s string) string {
	if s == "" {
		return "no detail given"
	}
	return s
}

func ago(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return fmt.Sprintf("<t:%d:R>", t.Unix())
}
