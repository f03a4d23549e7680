package discord

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// noMentions is set on everything the bot posts: a briefing quoting
// "@everyone" must not ping anyone.
var noMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// A call is one interaction being answered.
type call struct {
	b        *Bot
	i        *discordgo.Interaction
	name     string // command name
	sub      string // sub-command, or ""
	opts     map[string]*discordgo.ApplicationCommandInteractionDataOption
	focused  *discordgo.ApplicationCommandInteractionDataOption
	deferred bool
	private  bool
}

type handler struct {
	run func(ctx context.Context, c *call) error
	// slow handlers defer at once: Discord wants an answer within 3 s.
	slow bool
	// public answers are seen by the channel; the rest only by the member.
	public bool
}

func (b *Bot) handlers() map[string]handler {
	return map[string]handler{
		"briefing":  {run: b.cmdBriefing, slow: true},
		"incidents": {run: b.cmdIncidents, slow: true},
		"diplomacy": {run: b.cmdDiplomacy, slow: true},
		"story":     {run: b.cmdStory, slow: true},
		"search":    {run: b.cmdSearch, slow: true},
		"feeds":     {run: b.cmdFeeds, slow: true},
		"schedule":  {run: b.cmdSchedule},
		"filters":   {run: b.cmdFilters},
		"status":    {run: b.cmdStatus, slow: true},
		"settings":  {run: b.cmdSettings},
		"why":       {run: b.cmdWhy, slow: true},
	}
}

// onInteraction routes INTERACTION_CREATE. discordgo calls it on its own
// goroutine; it must answer within three seconds.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if !b.track() {
		return
	}
	defer b.wg.Done()
	ctx, cancel := context.WithTimeout(b.ctx, 14*time.Minute)
	defer cancel()
	i := ic.Interaction
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("discord: interaction handler panicked", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		b.onCommand(ctx, i)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.onAutocomplete(ctx, i)
	case discordgo.InteractionMessageComponent:
		b.onComponent(ctx, i)
	}
}

func newCall(b *Bot, i *discordgo.Interaction) *call {
	data := i.ApplicationCommandData()
	c := &call{b: b, i: i, name: data.Name, opts: map[string]*discordgo.ApplicationCommandInteractionDataOption{}}
	opts := data.Options
	for len(opts) == 1 && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand || opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		if c.sub != "" {
			c.sub += " "
		}
		c.sub += opts[0].Name
		opts = opts[0].Options
	}
	for _, o := range opts {
		c.opts[o.Name] = o
		if o.Focused {
			c.focused = o
		}
	}
	return c
}

func (b *Bot) onCommand(ctx context.Context, i *discordgo.Interaction) {
	c := newCall(b, i)
	if b.opt.OnCommand != nil {
		defer func(start time.Time) { b.opt.OnCommand(c.name, time.Since(start)) }(time.Now())
	}
	h, ok := b.handlers()[c.name]
	if !ok {
		_ = c.fail(ctx, bad("This command is no longer offered; the list of commands will refresh shortly."))
		return
	}
	c.private = !h.public
	if i.GuildID == "" || i.Member == nil {
		_ = c.fail(ctx, bad("Sitrep's commands work inside a server, not in direct messages."))
		return
	}
	if adminCommands[c.name] && !isAdmin(i.Member) {
		_ = c.fail(ctx, bad("`/%s` needs the Manage Server permission.", c.name))
		return
	}
	if h.slow {
		if err := c.deferReply(ctx); err != nil {
			b.log.Warn("discord: deferring a reply", "command", c.name, "err", err)
			return
		}
	}
	start := b.now()
	err := h.run(ctx, c)
	if err != nil {
		var ue *userError
		if !errors.As(err, &ue) {
			b.log.Error("discord: command failed", "command", c.name, "sub", c.sub, "guild", i.GuildID, "err", err)
		}
		_ = c.fail(ctx, err)
	}
	b.log.Debug("discord: command", "command", c.name, "sub", c.sub, "took", b.now().Sub(start))
}

// isAdmin checks the member's computed permissions from the interaction:
// Manage Server or Administrator.
func isAdmin(m *discordgo.Member) bool {
	return m != nil && m.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
}

func (c *call) str(name string) string {
	if o := c.opts[name]; o != nil {
		if s, ok := o.Value.(string); ok {
			return s
		}
		return fmt.Sprint(o.Value)
	}
	return ""
}

func (c *call) has(name string) bool { return c.opts[name] != nil }

func (c *call) int(name string) (int64, bool) {
	o := c.opts[name]
	if o == nil {
		return 0, false
	}
	switch v := o.Value.(type) {
	case float64:
		return int64(v), v == float64(int64(v))
	case string:
		var n int64
		_, err := fmt.Sscan(v, &n)
		return n, err == nil
	}
	return 0, false
}

func (c *call) bool(name string) bool {
	if o := c.opts[name]; o != nil {
		v, _ := o.Value.(bool)
		return v
	}
	return false
}

func (c *call) flags() discordgo.MessageFlags {
	if c.private {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (c *call) deferReply(ctx context.Context) error {
	err := c.b.call(ctx, func(o []discordgo.RequestOption) error {
		return c.b.dg.InteractionRespond(c.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: c.flags()},
		}, o...)
	})
	if err == nil {
		c.deferred = true
	}
	return err
}

// reply answers with one message: the deferred reply's content, or an
// immediate answer. Further parts go as follow-ups.
func (c *call) reply(ctx context.Context, msgs ...*discordgo.MessageSend) error {
	if len(msgs) == 0 {
		msgs = []*discordgo.MessageSend{{Content: "Nothing to show."}}
	}
	first := msgs[0]
	err := c.b.call(ctx, func(o []discordgo.RequestOption) error {
		if c.deferred {
			embeds := first.Embeds
			if embeds == nil {
				embeds = []*discordgo.MessageEmbed{}
			}
			comps := first.Components
			if comps == nil {
				comps = []discordgo.MessageComponent{}
			}
			_, err := c.b.dg.InteractionResponseEdit(c.i, &discordgo.WebhookEdit{
				Content: &first.Content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions,
			}, o...)
			return err
		}
		return c.b.dg.InteractionRespond(c.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: first.Content, Embeds: first.Embeds, Components: first.Components,
				AllowedMentions: noMentions, Flags: c.flags()},
		}, o...)
	})
	if err != nil {
		return err
	}
	c.deferred = true
	for _, m := range msgs[1:] {
		err := c.b.call(ctx, func(o []discordgo.RequestOption) error {
			_, err := c.b.dg.FollowupMessageCreate(c.i, true, &discordgo.WebhookParams{
				Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions, Flags: c.flags(),
			}, o...)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// say replies with plain text, ephemeral unless the handler is public.
func (c *call) say(ctx context.Context, format string, args ...any) error {
	return c.reply(ctx, &discordgo.MessageSend{Content: clip(fmt.Sprintf(format, args...), 2000)})
}

// fail shows an error to the member, always ephemerally. Errors that are not
// the member's fault are not detailed.
func (c *call) fail(ctx context.Context, err error) error {
	msg := "Something went wrong on our side; the error was logged. Please try again in a minute."
	var ue *userError
	if errors.As(err, &ue) {
		msg = ue.msg
	}
	c.private = true
	return c.say(ctx, "%s", msg)
}

// onComponent answers button presses (paging).
func (b *Bot) onComponent(ctx context.Context, i *discordgo.Interaction) {
	id := i.MessageComponentData().CustomID
	c := &call{b: b, i: i, private: true}
	if !strings.HasPrefix(id, pagePrefix) {
		_ = b.call(ctx, func(o []discordgo.RequestOption) error {
			return b.dg.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, o...)
		})
		return
	}
	msg, err := b.page(ctx, id)
	if err != nil {
		_ = c.fail(ctx, err)
		return
	}
	err = b.call(ctx, func(o []discordgo.RequestOption) error {
		return b.dg.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: msg.Content, Embeds: msg.Embeds, Components: msg.Components, AllowedMentions: noMentions},
		}, o...)
	})
	if err != nil {
		b.log.Warn("discord: updating a page", "err", err)
	}
}
