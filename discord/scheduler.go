package discord

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/sitrep-bot/sitrep"
)

// loadSchedules adds a cron entry for every active schedule and catches up
// the slots missed while the bot was down.
func (b *Bot) loadSchedules(ctx context.Context) error {
	all, err := b.deps.Store.Schedules(ctx, "")
	if err != nil {
		return fmt.Errorf("discord: loading schedules: %w", err)
	}
	for _, s := range all {
		if s.Paused || s.Disabled {
			continue
		}
		if err := b.arm(s); err != nil {
			b.log.Error("discord: a stored schedule does not parse; it is left off", "schedule", s.ID, "cron", s.Cron, "tz", s.TimeZone, "err", err)
			continue
		}
		b.catchUp(ctx, s)
	}
	return nil
}

// arm (re)installs the cron entry of a schedule: one entry per schedule,
// with its time zone.
func (b *Bot) arm(s sitrep.Schedule) error {
	spec, _, err := parseSpec(s.Cron, s.TimeZone, time.Minute)
	if err != nil {
		return err
	}
	b.disarm(s.ID)
	id := s.ID
	entry := b.cron.Schedule(spec, cron.FuncJob(func() {
		if !b.track() {
			return
		}
		defer b.wg.Done()
		slot := spec.Next(b.now().Truncate(time.Minute).Add(-time.Second))
		if err := b.RunSlot(b.ctx, id, slot); err != nil {
			b.log.Error("discord: scheduled briefing failed", "schedule", id, "slot", slot, "err", err)
		}
	}))
	b.mu.Lock()
	b.entries[s.ID] = entry
	b.mu.Unlock()
	return nil
}

func (b *Bot) disarm(id int64) {
	b.mu.Lock()
	entry, ok := b.entries[id]
	delete(b.entries, id)
	b.mu.Unlock()
	if ok {
		b.cron.Remove(entry)
	}
}

// nextRun is when a schedule fires next, zero when it is not armed.
func (b *Bot) nextRun(s sitrep.Schedule) time.Time {
	if s.Paused || s.Disabled {
		return time.Time{}
	}
	spec, _, err := parseSpec(s.Cron, s.TimeZone, time.Minute)
	if err != nil {
		return time.Time{}
	}
	return spec.Next(b.now())
}

// catchUp posts the latest slot missed while the bot was down if it is
// within the grace period, and records it as skipped otherwise. Older
// missed slots are only logged: one late briefing covers their window.
func (b *Bot) catchUp(ctx context.Context, s sitrep.Schedule) {
	spec, _, err := parseSpec(s.Cron, s.TimeZone, time.Minute)
	if err != nil {
		return
	}
	since := s.Created
	if last, err := b.deps.Store.LastDelivery(ctx, s.ID); err == nil {
		since = last.Slot
	}
	if since.IsZero() {
		return
	}
	now := b.now()
	var missed []time.Time
	for t := spec.Next(since); !t.IsZero() && !t.After(now); t = spec.Next(t) {
		missed = append(missed, t)
		if len(missed) > 1000 {
			missed = missed[len(missed)-1:]
		}
	}
	if len(missed) == 0 {
		return
	}
	slot := missed[len(missed)-1]
	if len(missed) > 1 {
		b.log.Warn("discord: slots missed while down", "schedule", s.ID, "missed", len(missed), "first", missed[0], "last", slot)
	}
	if now.Sub(slot) <= b.opt.CatchUpGrace {
		b.log.Info("discord: catching up a missed slot", "schedule", s.ID, "slot", slot)
		if !b.track() {
			return
		}
		go func() {
			defer b.wg.Done()
			if err := b.RunSlot(b.ctx, s.ID, slot); err != nil {
				b.log.Error("discord: catching up", "schedule", s.ID, "slot", slot, "err", err)
			}
		}()
		return
	}
	d, created, err := b.deps.Store.BeginDelivery(ctx, s.ID, slot)
	if err != nil || !created {
		return
	}
	d.State = sitrep.DeliverySkipped
	d.Note = fmt.Sprintf("missed while the bot was down; %s late, past the %s grace period", now.Sub(slot).Round(time.Minute), b.opt.CatchUpGrace)
	d.Finished = now
	if err := b.deps.Store.FinishDelivery(ctx, d); err != nil {
		b.log.Error("discord: recording a skipped slot", "schedule", s.ID, "err", err)
	}
	b.log.Warn("discord: skipped a missed slot", "schedule", s.ID, "slot", slot, "note", d.Note)
}

// lock serialises deliveries of one schedule.
func (b *Bot) lock(id int64) *sync.Mutex {
	b.mu.Lock()
	defer b.mu.Unlock()
	l := b.locks[id]
	if l == nil {
		l = &sync.Mutex{}
		b.locks[id] = l
	}
	return l
}
