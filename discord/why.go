package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/render"
)

// cmdWhy explains what became of an article: whether it was seen, which
// stories it joined, and for each of the guild's schedules whether those
// stories were briefed, and if not, why.
func (b *Bot) cmdWhy(ctx context.Context, c *call) error {
	u, err := checkFeedURL(c.str("url"))
	if err != nil {
		return err
	}
	st := b.deps.Store
	a, err := st.ArticleByURL(ctx, u)
	if errors.Is(err, sitrep.ErrNotFound) {
		return c.say(ctx, "**Not seen.** No feed has delivered <%s> yet. Either it is not in any feed Sitrep polls, or it appeared after the last poll. See `/feeds list` for when each feed was last polled.", clip(u, 300))
	}
	if err != nil {
		return err
	}
	lines := []string{fmt.Sprintf("**Seen**: %s, published %s, fetched %s.", sourceLine(a.Source()), when(a.Published), when(a.Fetched))}
	stories, err := st.StoriesForArticle(ctx, a.ID)
	if err != nil {
		return err
	}
	if len(stories) == 0 {
		lines = append(lines, "**No story**: no incident or diplomatic development was found in it, so it cannot appear in a briefing.")
		return c.reply(ctx, render.LinePages("Why", lines)...)
	}
	scheds, err := st.Schedules(ctx, c.i.GuildID)
	if err != nil {
		return err
	}
	for _, s := range stories {
		s := s
		lines = append(lines, "", fmt.Sprintf("**Story #%d**: %s", s.ID, clip(storyLine(&s, b.opt.Confirmed), 400)))
		if len(scheds) == 0 {
			lines = append(lines, "This server has no schedule, so nothing is briefed.")
		}
		for _, sc := range scheds {
			lines = append(lines, fmt.Sprintf("<#%s> (schedule #%d): %s", sc.ChannelID, sc.ID, b.whyNot(ctx, sc, &s)))
		}
	}
	return c.reply(ctx, render.LinePages("Why", lines)...)
}

// whyNot says whether a schedule briefed a story, and if not, why.
func (b *Bot) whyNot(ctx context.Context, sc sitrep.Schedule, s *sitrep.Story) string {
	last, err := b.deps.Store.LastDelivery(ctx, sc.ID)
	if err == nil {
		if _, ok := last.Stories[s.ID]; ok {
			return fmt.Sprintf("briefed in the briefing of %s.", when(last.Slot))
		}
	}
	f, err := b.deps.Store.Filter(ctx, sc.GuildID, sc.ChannelID)
	if err == nil {
		if reason := filteredOut(f, s); reason != "" {
			return "filtered out: " + reason + "."
		}
	}
	switch {
	case sc.Paused:
		return "the schedule is paused."
	case sc.Disabled:
		return "the schedule is disabled: " + sc.DisabledReason
	case sc.LastBriefing.IsZero() || s.Updated.After(sc.LastBriefing):
		return fmt.Sprintf("not briefed yet: it changed after the last briefing; it is due in the next one (%s).", when(b.nextRun(sc)))
	case last.Slot.IsZero():
		return "no briefing has been posted yet."
	case !s.Updated.Before(last.Slot.Add(-b.opt.DefaultPeriod)) && last.State == sitrep.DeliverySent:
		return "in the window of the last briefing but ranked below the stories shown."
	}
	return "outside the window of the briefings posted since it was reported."
}

// filteredOut explains why a channel filter keeps a story out, or "".
// It mirrors the filter's meaning: each non-empty list must match.
func filteredOut(f sitrep.Filter, s *sitrep.Story) string {
	if f.IsZero() {
		return ""
	}
	if len(f.Regions) > 0 {
		ok := false
		for _, r := range f.Regions {
			if placeMatches(s.Place, r) {
				ok = true
			}
			for _, c := range s.Countries {
				if strings.EqualFold(c, r) {
					ok = true
				}
			}
		}
		if !ok {
			return fmt.Sprintf("its place (%s) is not in the channel's regions (%s)", placeLabel(s.Place), strings.Join(f.Regions, ", "))
		}
	}
	if len(f.Kinds) > 0 {
		ok := false
		for _, k := range f.Kinds {
			if s.Kind.Named(k) {
				ok = true
			}
		}
		if !ok {
			return fmt.Sprintf("its kind (%s) is not among %s", s.Kind, strings.Join(f.Kinds, ", "))
		}
	}
	if len(f.Actors) > 0 {
		ok := false
		for _, a := range f.Actors {
			if actorMatches(s, a) {
				ok = true
			}
		}
		if !ok {
			return fmt.Sprintf("none of its actors is among %s", strings.Join(f.Actors, ", "))
		}
	}
	if len(f.Keywords) > 0 {
		text := strings.ToLower(s.Headline + " " + s.Summary + " " + s.Quote)
		ok := false
		for _, k := range f.Keywords {
			if strings.Contains(text, strings.ToLower(k)) {
				ok = true
			}
		}
		if !ok {
			return fmt.Sprintf("it mentions none of the keywords %s", strings.Join(f.Keywords, ", "))
		}
	}
	return ""
}
