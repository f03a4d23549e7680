package discord

import (
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

//go:embed data/zones.txt
var zonesData string

// zones are the time zones suggested while typing.
var zones = func() []string {
	var out []string
	for _, l := range strings.Split(zonesData, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// onAutocomplete suggests values for the option being typed, from what is
// stored: places, actors, the guild's feeds and schedules.
func (b *Bot) onAutocomplete(ctx context.Context, i *discordgo.Interaction) {
	c := newCall(b, i)
	var out []*discordgo.ApplicationCommandOptionChoice
	if c.focused != nil && i.GuildID != "" {
		prefix := strings.TrimSpace(fmt.Sprint(c.focused.Value))
		if len(prefix) > 64 {
			prefix = prefix[:64]
		}
		out = b.suggest(ctx, c, c.focused.Name, prefix)
	}
	if out == nil {
		out = []*discordgo.ApplicationCommandOptionChoice{}
	}
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		return b.dg.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: out},
		}, o...)
	})
	if err != nil {
		b.log.Debug("discord: autocomplete", "err", err)
	}
}

func (b *Bot) suggest(ctx context.Context, c *call, option, prefix string) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	add := func(name string, value any) {
		if len(out) < 25 && name != "" {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(name, 100), Value: value})
		}
	}
	strs := func(list []string, err error) {
		if err != nil {
			b.log.Warn("discord: autocomplete lookup", "option", option, "err", err)
			return
		}
		for _, s := range list {
			add(s, clip(s, 100))
		}
	}
	switch option {
	case "place", "region":
		strs(b.deps.Store.Places(ctx, prefix, 25))
	case "actor", "who":
		strs(b.deps.Store.Actors(ctx, prefix, 25))
	case "timezone":
		lp := strings.ToLower(prefix)
		for _, z := range zones {
			if strings.Contains(strings.ToLower(z), lp) {
				add(z, z)
			}
		}
	case "feed":
		if !isAdmin(c.i.Member) {
			return nil
		}
		subs, err := b.deps.Store.Subscriptions(ctx, c.i.GuildID)
		if err != nil {
			return nil
		}
		lp := strings.ToLower(prefix)
		for _, s := range subs {
			f, err := b.deps.Store.Feed(ctx, s.FeedID)
			if err != nil {
				continue
			}
			name := f.Name()
			if s.Name != "" {
				name = s.Name
			}
			if lp == "" || strings.Contains(strings.ToLower(name), lp) || strings.Contains(strings.ToLower(f.URL), lp) {
				add(name+" — "+f.URL, strconv.FormatInt(f.ID, 10))
			}
		}
	case "id":
		if !isAdmin(c.i.Member) {
			return nil
		}
		all, err := b.deps.Store.Schedules(ctx, c.i.GuildID)
		if err != nil {
			return nil
		}
		for _, s := range all {
			label := fmt.Sprintf("#%d %s %s", s.ID, s.Cron, s.TimeZone)
			if ch, err := b.dg.State.Channel(s.ChannelID); err == nil {
				label += " → #" + ch.Name
			}
			if prefix == "" || strings.HasPrefix(strconv.FormatInt(s.ID, 10), prefix) {
				add(label, s.ID)
			}
		}
	}
	return out
}
