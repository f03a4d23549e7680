package discord

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

// Update modes, GuildSettings.UpdateMode. Unset means edit: it adds no
// message to the channel.
const (
	UpdateEdit  = "edit"
	UpdateReply = "reply"
	UpdateNone  = "none"
)

func (b *Bot) updateLoop() {
	defer b.wg.Done()
	t := time.NewTicker(b.opt.UpdateInterval)
	defer t.Stop()
	for {
		select {
		case <-b.ctx.Done():
			return
		case <-t.C:
			if err := b.RefreshPosted(b.ctx); err != nil && b.ctx.Err() == nil {
				b.log.Error("discord: refreshing posted briefings", "err", err)
			}
		}
	}
}

// RefreshPosted looks at the latest briefing of every schedule and, for
// stories whose facts changed since (a higher toll, another outlet), edits
// the briefing or replies to it, as the guild's update mode says. The
// poller may call it after each cycle; the bot also runs it on a timer.
func (b *Bot) RefreshPosted(ctx context.Context) error {
	all, err := b.deps.Store.Schedules(ctx, "")
	if err != nil {
		return err
	}
	for _, s := range all {
		if s.Disabled || ctx.Err() != nil {
			continue
		}
		if err := b.refresh(ctx, s); err != nil {
			b.log.Warn("discord: updating a posted briefing", "schedule", s.ID, "err", err)
		}
	}
	return ctx.Err()
}

func (b *Bot) refresh(ctx context.Context, s sitrep.Schedule) error {
	l := b.lock(s.ID)
	l.Lock()
	defer l.Unlock()
	d, err := b.deps.Store.LastDelivery(ctx, s.ID)
	if err != nil || d.State != sitrep.DeliverySent || len(d.Messages) == 0 || len(d.Stories) == 0 {
		return nil
	}
	gs, err := b.deps.Store.GuildSettings(ctx, s.GuildID)
	if err != nil {
		return err
	}
	mode := gs.UpdateMode
	if mode == "" {
		mode = UpdateEdit
	}
	if mode == UpdateNone {
		return nil // the next briefing shows them as updates
	}
	var current []sitrep.Story
	var changed []sitrep.Story
	for id, hash := range d.Stories {
		st, err := b.deps.Store.Story(ctx, id)
		if err != nil {
			continue
		}
		current = append(current, st)
		if st.FactsHash != hash {
			changed = append(changed, st)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	ch, err := b.channel(ctx, s.ChannelID)
	if err != nil {
		return err
	}
	// In a forum every part lives in the post's thread, whose ID is the
	// starter message's.
	where := s.ChannelID
	if ch.Type == discordgo.ChannelTypeGuildForum || ch.Type == discordgo.ChannelTypeGuildMedia {
		where = d.Messages[0]
	}
	if mode == UpdateEdit {
		err = b.editBriefing(ctx, where, d, current, changed)
	} else {
		err = b.replyUpdates(ctx, where, ch, d, changed)
	}
	if err != nil {
		return err
	}
	for _, st := range changed {
		d.Stories[st.ID] = st.FactsHash
	}
	return b.deps.Store.FinishDelivery(ctx, d)
}

// editBriefing re-renders the briefing with the stories as they are now and
// edits the posted parts in place; parts beyond those posted are sent as
// replies.
func (b *Bot) editBriefing(ctx context.Context, channelID string, d sitrep.Delivery, current, changed []sitrep.Story) error {
	isChanged := map[int64]bool{}
	for _, s := range changed {
		isChanged[s.ID] = true
	}
	sort.Slice(current, func(i, j int) bool { return current[i].Score > current[j].Score })
	br := sitrep.Briefing{To: d.Slot}
	for _, s := range current {
		bs := sitrep.BriefedStory{Story: s, Update: isChanged[s.ID]}
		if s.Category == sitrep.CategoryDevelopment {
			br.Developments = append(br.Developments, bs)
		} else {
			br.Incidents = append(br.Incidents, bs)
		}
	}
	parts := b.deps.Render(br)
	for i, p := range parts {
		if i >= len(d.Messages) {
			if _, err := b.sendPart(ctx, channelID, "", withReference(p, channelID, d.Messages[0])); err != nil {
				return err
			}
			continue
		}
		embeds := p.Embeds
		if embeds == nil {
			embeds = []*discordgo.MessageEmbed{}
		}
		content := p.Content
		err := b.call(ctx, func(o []discordgo.RequestOption) error {
			_, err := b.dg.ChannelMessageEditComplex(&discordgo.MessageEdit{
				ID: d.Messages[i], Channel: channelID, Content: &content, Embeds: &embeds, AllowedMentions: noMentions,
			}, o...)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// replyUpdates posts one update per changed story, in the briefing's thread
// (forum post or thread) or as a reply to its first message.
func (b *Bot) replyUpdates(ctx context.Context, where string, ch *discordgo.Channel, d sitrep.Delivery, changed []sitrep.Story) error {
	threaded := where != ch.ID || ch.IsThread()
	for _, st := range changed {
		br := sitrep.Briefing{To: b.now()}
		bs := sitrep.BriefedStory{Story: st, Update: true}
		if st.Category == sitrep.CategoryDevelopment {
			br.Developments = []sitrep.BriefedStory{bs}
		} else {
			br.Incidents = []sitrep.BriefedStory{bs}
		}
		for i, p := range b.deps.Render(br) {
			if !threaded {
				p = withReference(p, where, d.Messages[0])
			}
			hash := st.FactsHash
			if len(hash) > 8 {
				hash = hash[:8]
			}
			n := "u" + strconv.FormatInt(st.ID, 36) + "." + hash + "." + strconv.Itoa(i)
			if _, err := b.sendPart(ctx, where, clip(n, 25), p); err != nil {
				return fmt.Errorf("posting the update of story %d: %w", st.ID, err)
			}
		}
	}
	return nil
}

func withReference(m *discordgo.MessageSend, channelID, messageID string) *discordgo.MessageSend {
	c := *m
	f := false
	c.Reference = &discordgo.MessageReference{MessageID: messageID, ChannelID: channelID, FailIfNotExists: &f}
	return &c
}
