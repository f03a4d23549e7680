package discord

import (
	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

// adminPermissions hides admin commands from members without Manage Server;
// handlers check again, since a guild can override the default.
var adminPermissions int64 = discordgo.PermissionManageGuild

// adminCommands are the commands that change or reveal a guild's setup.
var adminCommands = map[string]bool{"feeds": true, "schedule": true, "filters": true, "status": true, "settings": true, "why": true}

var postChannels = []discordgo.ChannelType{
	discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews, discordgo.ChannelTypeGuildForum,
	discordgo.ChannelTypeGuildPublicThread, discordgo.ChannelTypeGuildNewsThread,
}

func choices(values ...string) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, len(values))
	for i, v := range values {
		out[i] = &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v}
	}
	return out
}

// kindChoices offers every kind of a category by its label.
func kindChoices(c sitrep.Category) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, k := range sitrep.Kinds(c) {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: k.Label(), Value: string(k)})
	}
	return out
}

func str(name, desc string, required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc, Required: required}
}

func auto(o *discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	o.Autocomplete = true
	return o
}

func maxLen(o *discordgo.ApplicationCommandOption, n int) *discordgo.ApplicationCommandOption {
	o.MaxLength = n
	return o
}

func chanOpt(name, desc string, required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionChannel, Name: name, Description: desc, Required: required, ChannelTypes: postChannels}
}

func intOpt(name, desc string, required bool) *discordgo.ApplicationCommandOption {
	min := 1.0
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: name, Description: desc, Required: required, MinValue: &min}
}

func sub(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	if opts == nil {
		opts = []*discordgo.ApplicationCommandOption{}
	}
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
}

// commands are every slash command, registered with one bulk overwrite.
func commands() []*discordgo.ApplicationCommand {
	guildOnly := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	no := false
	reader := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		if opts == nil {
			opts = []*discordgo.ApplicationCommandOption{}
		}
		return &discordgo.ApplicationCommand{Name: name, Description: desc, Options: opts, Contexts: guildOnly, DMPermission: &no}
	}
	admin := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		c := reader(name, desc, opts...)
		c.DefaultMemberPermissions = &adminPermissions
		return c
	}
	since := str("since", "How far back, e.g. 12h, 3d, 1w (default 24h)", false)
	return []*discordgo.ApplicationCommand{
		reader("briefing", "A briefing of what happened in a recent period",
			str("period", "How far back, e.g. 12h, 3d (default 24h)", false),
			auto(maxLen(str("region", "Only this country or region", false), 64))),
		reader("incidents", "Recent incidents, with casualty figures and who gave them",
			auto(maxLen(str("place", "Only at this place", false), 64)),
			since,
			auto(maxLen(str("actor", "Only by this perpetrator", false), 64)),
			&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "kind", Description: "Only this kind of incident", Choices: kindChoices(sitrep.CategoryIncident)}),
		reader("diplomacy", "Recent meetings, visits, talks, statements and agreements",
			auto(maxLen(str("who", "Only involving this person or country", false), 64)),
			str("since", "How far back, e.g. 12h, 3d, 1w (default 3d)", false)),
		reader("story", "One story with every source, each figure and who gave it",
			intOpt("id", "The story number shown in briefings and lists", true)),
		reader("search", "Search the stored articles",
			maxLen(str("query", "Words to look for", true), 200)),
		admin("feeds", "Manage this server's news feeds",
			sub("add", "Subscribe to a feed (or a site with a feed)",
				maxLen(str("url", "Feed or site URL, https://…", true), 2048),
				maxLen(str("name", "Outlet name to show instead of the feed's title", false), 100)),
			sub("remove", "Unsubscribe from a feed", auto(str("feed", "The feed", true))),
			sub("list", "List this server's feeds and their health"),
			sub("check", "Preview what a feed yields, without subscribing",
				maxLen(str("url", "Feed or site URL, https://…", true), 2048))),
		admin("schedule", "When and where briefings are posted",
			sub("set", "Post briefings to a channel on a schedule",
				chanOpt("channel", "Text, announcement or forum channel, or thread", true),
				maxLen(str("cron", "Five-field cron spec, e.g. 0 7 * * * for 07:00 daily", true), 100),
				auto(maxLen(str("timezone", "IANA time zone, e.g. Europe/London", true), 64)),
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "publish", Description: "Crosspost in an announcement channel"}),
			sub("list", "List this server's schedules"),
			sub("remove", "Remove a schedule", auto(intOpt("id", "The schedule", true))),
			sub("pause", "Pause a schedule", auto(intOpt("id", "The schedule", true))),
			sub("resume", "Resume a paused or disabled schedule", auto(intOpt("id", "The schedule", true)))),
		admin("filters", "Narrow what a channel is told",
			sub("set", "Set a channel's filter (comma-separated lists; empty lets all through)",
				chanOpt("channel", "The channel", true),
				maxLen(str("regions", "Countries or regions, e.g. Syria, Idlib Governorate", false), 1000),
				maxLen(str("kinds", "Kinds, e.g. airstrike, shelling, meeting", false), 1000),
				maxLen(str("actors", "Actors, e.g. Syrian government, Russia", false), 1000),
				maxLen(str("keywords", "Words a story must mention", false), 1000)),
			sub("show", "Show a channel's filter", chanOpt("channel", "The channel", true)),
			sub("clear", "Remove a channel's filter", chanOpt("channel", "The channel", true))),
		admin("status", "Feeds, last briefing and next run"),
		admin("settings", "Server-wide settings",
			sub("updates", "What to do when a story in a posted briefing changes",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "mode", Description: "edit the message, reply in its thread, or none", Required: true, Choices: choices("edit", "reply", "none")}),
			sub("admin-channel", "Where feed health changes are reported",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: "A text channel", Required: true,
					ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildPublicThread, discordgo.ChannelTypeGuildPrivateThread}})),
		admin("why", "Explain whether an article was seen and why it was or was not briefed",
			maxLen(str("url", "The article's URL", true), 2048)),
	}
}
