package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

// RunSlot delivers one (schedule, slot) exactly once. The cron entry calls
// it at the slot; calling it again for the same slot, or after a crash
// mid-send, sends only the parts not yet recorded. It is exported so the
// slot can be run without waiting for the clock.
func (b *Bot) RunSlot(ctx context.Context, scheduleID int64, slot time.Time) error {
	l := b.lock(scheduleID)
	l.Lock()
	defer l.Unlock()
	slot = slot.UTC().Truncate(time.Second)
	s, err := b.deps.Store.Schedule(ctx, scheduleID)
	if err != nil {
		return fmt.Errorf("loading schedule %d: %w", scheduleID, err)
	}
	if s.Paused || s.Disabled {
		return nil
	}
	// Finish a delivery of this schedule that a crash cut short before
	// starting the next, so briefings stay in order.
	if pending, err := b.deps.Store.PendingDeliveries(ctx); err == nil {
		for _, d := range pending {
			if d.ScheduleID == s.ID && !d.Slot.Equal(slot) {
				if err := b.deliver(ctx, s, d, false); err != nil {
					return err
				}
				if s, err = b.deps.Store.Schedule(ctx, scheduleID); err != nil || s.Disabled {
					return err
				}
			}
		}
	}
	d, created, err := b.deps.Store.BeginDelivery(ctx, s.ID, slot)
	if err != nil {
		return fmt.Errorf("beginning delivery: %w", err)
	}
	if !created && d.State != sitrep.DeliveryPending {
		return nil // already delivered, skipped or failed for good
	}
	return b.deliver(ctx, s, d, created)
}

// resumePending finishes deliveries a crash cut short.
func (b *Bot) resumePending(ctx context.Context) error {
	pending, err := b.deps.Store.PendingDeliveries(ctx)
	if err != nil {
		return err
	}
	for _, d := range pending {
		d := d
		if !b.track() {
			return nil
		}
		go func() {
			defer b.wg.Done()
			l := b.lock(d.ScheduleID)
			l.Lock()
			defer l.Unlock()
			s, err := b.deps.Store.Schedule(b.ctx, d.ScheduleID)
			if err != nil {
				b.log.Error("discord: resuming a delivery", "delivery", d.ID, "err", err)
				return
			}
			// Re-read: RunSlot may have finished it while this waited.
			if cur, err := b.deps.Store.LastDelivery(b.ctx, d.ScheduleID); err == nil && cur.ID == d.ID && cur.State != sitrep.DeliveryPending {
				return
			}
			b.log.Info("discord: resuming a delivery cut short", "schedule", d.ScheduleID, "slot", d.Slot, "sent", len(d.Messages))
			if err := b.deliver(b.ctx, s, d, false); err != nil {
				b.log.Error("discord: resuming a delivery", "delivery", d.ID, "err", err)
			}
		}()
	}
	return nil
}

// window is what a schedule's briefing at slot covers.
func (b *Bot) window(ctx context.Context, s sitrep.Schedule, slot time.Time) (Window, error) {
	from := s.LastBriefing
	if from.IsZero() || !from.Before(slot) || slot.Sub(from) > 7*24*time.Hour {
		from = slot.Add(-b.opt.DefaultPeriod)
	}
	f, err := b.deps.Store.Filter(ctx, s.GuildID, s.ChannelID)
	if err != nil {
		return Window{}, err
	}
	w := Window{From: from, To: slot, Filter: f, Briefed: map[int64]string{}}
	if last, err := b.deps.Store.LastDelivery(ctx, s.ID); err == nil && last.State == sitrep.DeliverySent {
		for id, h := range last.Stories {
			w.Briefed[id] = h
		}
	}
	return w, nil
}

// deliver sends the parts of d not yet recorded and finishes it. Each part
// goes with a nonce derived from (schedule, slot, part) and enforce_nonce,
// so a part whose answer was lost in a crash is not posted twice.
func (b *Bot) deliver(ctx context.Context, s sitrep.Schedule, d sitrep.Delivery, fresh bool) error {
	parts, err := b.plan(ctx, s, &d)
	if err != nil {
		return err
	}
	ch, err := b.channel(ctx, s.ChannelID)
	if err != nil {
		return b.failed(ctx, s, d, err)
	}
	target := s.ChannelID
	forum := ch.Type == discordgo.ChannelTypeGuildForum || ch.Type == discordgo.ChannelTypeGuildMedia
	if forum && len(d.Messages) > 0 && d.Messages[0] != "" {
		target = d.Messages[0] // the post's thread has the starter message's ID
	}
	for i := range parts {
		if i < len(d.Messages) && d.Messages[i] != "" {
			continue
		}
		var id string
		if forum && i == 0 {
			var th *discordgo.Channel
			th, err = b.forumPost(ctx, s, d.Slot, parts[0], fresh)
			if err == nil {
				id, target = th.ID, th.ID
			}
		} else {
			var m *discordgo.Message
			m, err = b.sendPart(ctx, target, nonce(s.ID, d.Slot, i), parts[i])
			if err == nil {
				id = m.ID
			}
		}
		if err != nil {
			return b.failed(ctx, s, d, err)
		}
		// Recorded even if the bot is shutting down: the part is posted.
		if err := b.deps.Store.RecordDeliveryPart(context.WithoutCancel(ctx), d.ID, i, id); err != nil {
			return fmt.Errorf("recording part %d: %w", i, err)
		}
		for len(d.Messages) <= i {
			d.Messages = append(d.Messages, "")
		}
		d.Messages[i] = id
	}
	if s.Publish && ch.Type == discordgo.ChannelTypeGuildNews {
		for _, id := range d.Messages {
			b.crosspost(ctx, s.ChannelID, id)
		}
	}
	d.State = sitrep.DeliverySent
	d.Finished = b.now()
	if len(parts) == 0 {
		d.Note = "nothing new in the window"
	}
	if err := b.deps.Store.FinishDelivery(context.WithoutCancel(ctx), d); err != nil {
		return fmt.Errorf("finishing delivery: %w", err)
	}
	s.LastBriefing = d.Slot
	if err := b.deps.Store.UpdateSchedule(context.WithoutCancel(ctx), s); err != nil {
		return fmt.Errorf("saving the schedule: %w", err)
	}
	if b.opt.OnDelivered != nil {
		b.opt.OnDelivered(d)
	}
	b.log.Info("discord: briefing delivered", "schedule", s.ID, "guild", s.GuildID, "channel", s.ChannelID, "slot", d.Slot, "parts", len(parts), "stories", len(d.Stories))
	return nil
}

// plan returns the parts d posts. A delivery not planned yet composes its
// briefing and fixes the parts and their stories in the store before the
// first message goes out; one resumed after a crash sends the parts it was
// planned with, since a briefing composed anew may hold other stories in
// other parts, skipping some and repeating others.
func (b *Bot) plan(ctx context.Context, s sitrep.Schedule, d *sitrep.Delivery) ([]*discordgo.MessageSend, error) {
	if d.Parts == nil {
		w, err := b.window(ctx, s, d.Slot)
		if err != nil {
			return nil, err
		}
		brief, err := b.deps.Compose(ctx, w)
		if err != nil {
			return nil, fmt.Errorf("composing the briefing: %w", err)
		}
		d.Stories = briefedStories(brief)
		d.Parts = []json.RawMessage{}
		for i, m := range b.deps.Render(brief) {
			j, err := json.Marshal(m)
			if err != nil {
				return nil, fmt.Errorf("encoding part %d: %w", i, err)
			}
			d.Parts = append(d.Parts, j)
		}
		if err := b.deps.Store.PlanDelivery(ctx, d); err != nil {
			return nil, fmt.Errorf("planning the delivery: %w", err)
		}
	}
	parts := make([]*discordgo.MessageSend, len(d.Parts))
	for i, j := range d.Parts {
		parts[i] = new(discordgo.MessageSend)
		if err := json.Unmarshal(j, parts[i]); err != nil {
			return nil, fmt.Errorf("reading part %d of delivery %d: %w", i, d.ID, err)
		}
	}
	return parts, nil
}

// failed handles a send error: a lost channel disables the schedule and
// ends the delivery as failed; anything else leaves it pending for a retry
// at the next start or slot.
func (b *Bot) failed(ctx context.Context, s sitrep.Schedule, d sitrep.Delivery, err error) error {
	reason, lost := channelLost(err)
	if !lost {
		return fmt.Errorf("delivering schedule %d slot %s (left pending): %w", s.ID, d.Slot.Format(time.RFC3339), err)
	}
	bg := context.WithoutCancel(ctx)
	s.Disabled = true
	s.DisabledReason = fmt.Sprintf("%s; disabled on %s. Fix the channel and use /schedule resume %d.", reason, b.now().UTC().Format("2 Jan 15:04 MST"), s.ID)
	if uerr := b.deps.Store.UpdateSchedule(bg, s); uerr != nil {
		return errors.Join(err, uerr)
	}
	b.disarm(s.ID)
	d.State = sitrep.DeliveryFailed
	d.Note = reason
	d.Finished = b.now()
	if ferr := b.deps.Store.FinishDelivery(bg, d); ferr != nil {
		return errors.Join(err, ferr)
	}
	b.log.Warn("discord: schedule disabled", "schedule", s.ID, "guild", s.GuildID, "channel", s.ChannelID, "reason", reason)
	b.notifyAdmins(bg, s.GuildID, fmt.Sprintf("The briefing schedule #%d for <#%s> was disabled: %s", s.ID, s.ChannelID, s.DisabledReason))
	return nil
}

// nonce is unique per (schedule, slot, part) and at most 25 characters.
func nonce(scheduleID int64, slot time.Time, part int) string {
	return strconv.FormatInt(scheduleID, 36) + "." + strconv.FormatInt(slot.Unix(), 36) + "." + strconv.Itoa(part)
}

// outgoingMessage is MessageSend with the nonce fields discordgo lacks.
type outgoingMessage struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// sendPart posts one message with a nonce Discord de-duplicates on.
func (b *Bot) sendPart(ctx context.Context, channelID, nonce string, m *discordgo.MessageSend) (*discordgo.Message, error) {
	m.AllowedMentions = noMentions
	if m.Embeds == nil {
		m.Embeds = []*discordgo.MessageEmbed{}
	}
	payload := outgoingMessage{MessageSend: m, Nonce: nonce, EnforceNonce: nonce != ""}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	var out *discordgo.Message
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		var body []byte
		var err error
		if len(m.Files) > 0 {
			ct, data, merr := discordgo.MultipartBodyWithJSON(payload, m.Files)
			if merr != nil {
				return merr
			}
			body, err = b.dg.RequestRaw("POST", endpoint, ct, data, endpoint, 0, o...)
		} else {
			body, err = b.dg.RequestWithBucketID("POST", endpoint, payload, endpoint, o...)
		}
		if err != nil {
			return err
		}
		return discordgo.Unmarshal(body, &out)
	})
	return out, err
}

// forumPost opens a post (thread) in a forum channel with the first part.
// Thread creation takes no nonce, so on a retry or resume an existing post
// with the same title is reused rather than opened twice.
func (b *Bot) forumPost(ctx context.Context, s sitrep.Schedule, slot time.Time, first *discordgo.MessageSend, fresh bool) (*discordgo.Channel, error) {
	title := postTitle(s, slot)
	find := func() *discordgo.Channel {
		var list *discordgo.ThreadsList
		err := b.call(ctx, func(o []discordgo.RequestOption) error {
			var err error
			list, err = b.dg.GuildThreadsActive(s.GuildID, o...)
			return err
		})
		if err != nil || list == nil {
			return nil
		}
		for _, th := range list.Threads {
			if th.ParentID == s.ChannelID && th.Name == title {
				return th
			}
		}
		return nil
	}
	if !fresh {
		if th := find(); th != nil {
			return th, nil
		}
	}
	first.AllowedMentions = noMentions
	var th *discordgo.Channel
	attempt := 0
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		if attempt > 0 {
			if found := find(); found != nil {
				th = found
				return nil
			}
		}
		attempt++
		var err error
		th, err = b.dg.ForumThreadStartComplex(s.ChannelID, &discordgo.ThreadStart{Name: title, AutoArchiveDuration: 1440}, first, o...)
		return err
	})
	return th, err
}

func postTitle(s sitrep.Schedule, slot time.Time) string {
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	return "Briefing · " + slot.In(loc).Format("Mon 2 Jan 2006, 15:04 MST")
}

func (b *Bot) crosspost(ctx context.Context, channelID, messageID string) {
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		_, err := b.dg.ChannelMessageCrosspost(channelID, messageID, o...)
		return err
	})
	if code, _ := restCode(err); err != nil && code != discordgo.ErrCodeMessageAlreadyCrossposted {
		b.log.Warn("discord: crossposting", "channel", channelID, "message", messageID, "err", err)
	}
}

// channel looks a channel up in the gateway state, then over REST.
func (b *Bot) channel(ctx context.Context, id string) (*discordgo.Channel, error) {
	if b.dg.State != nil {
		if ch, err := b.dg.State.Channel(id); err == nil {
			return ch, nil
		}
	}
	var ch *discordgo.Channel
	err := b.call(ctx, func(o []discordgo.RequestOption) error {
		var err error
		ch, err = b.dg.Channel(id, o...)
		return err
	})
	return ch, err
}

func briefedStories(br sitrep.Briefing) map[int64]string {
	out := map[int64]string{}
	for _, list := range [][]sitrep.BriefedStory{br.Incidents, br.Developments, br.AlsoReported} {
		for _, s := range list {
			out[s.ID] = s.FactsHash
		}
	}
	return out
}
