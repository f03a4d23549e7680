package story

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Index is what clustering needs of a story store; sitrep.StoryStore
// satisfies it.
type Index interface {
	StoryCandidates(ctx context.Context, keys []string, from, to time.Time) ([]sitrep.Story, error)
	SaveStory(ctx context.Context, s *sitrep.Story) error
}

// A Clusterer puts events into stories one at a time, as articles arrive.
type Clusterer struct {
	index Index
	now   func() time.Time
}

// NewClusterer returns a clusterer that finds and saves stories in index
// and stamps them with now.
func NewClusterer(index Index, now func() time.Time) *Clusterer {
	return &Clusterer{index: index, now: now}
}

// undatedLookback is how far before its article an undated event may have
// happened and still join a story.
const undatedLookback = 7 * 24 * time.Hour

// Add puts an event into the story it fits best, or starts a new story, and
// saves it. It returns the story as saved.
func (c *Clusterer) Add(ctx context.Context, e sitrep.Event) (sitrep.Story, error) {
	saved, err := c.AddAll(ctx, []sitrep.Event{e})
	if err != nil {
		return sitrep.Story{}, err
	}
	return saved[0], nil
}

// AddAll adds events in order and returns each story they created or
// updated once, as last saved, in the order first touched. It is one Batch:
// the stories are saved together at the end.
func (c *Clusterer) AddAll(ctx context.Context, events []sitrep.Event) ([]sitrep.Story, error) {
	b := c.Batch()
	if err := b.Add(ctx, events...); err != nil {
		return nil, err
	}
	return b.Flush(ctx)
}

// A Batch clusters events like Add but keeps the stories they form in
// memory until Flush saves them, in one transaction when the index supports
// it. Later events of a batch see the stories earlier ones formed, so the
// stories are those adding the events one at a time gives; saving once
// spares a commit per event. A Batch is not safe for concurrent use, and
// nothing else may save stories to the index between its first Add and its
// Flush: it keeps the stored stories it fetched until then.
type Batch struct {
	c *Clusterer
	p *pending
}

// Batch starts a batch.
func (c *Clusterer) Batch() *Batch { return &Batch{c: c, p: newPending()} }

// Add puts events into stories, unsaved. The stored stories they may join
// are fetched once for all events sharing a window of days.
func (b *Batch) Add(ctx context.Context, events ...sitrep.Event) error {
	c, p := b.c, b.p
	spans := make([]span, len(events))
	keys := make([][]string, len(events))
	wanted := map[span][]string{}
	var order []span
	for i, e := range events {
		from, to := window(e, c.now())
		spans[i], keys[i] = span{from, to}, LookupKeys(e)
		if _, ok := wanted[spans[i]]; !ok {
			order = append(order, spans[i])
		}
		wanted[spans[i]] = append(wanted[spans[i]], keys[i]...)
	}
	for _, w := range order {
		if err := p.fetch(ctx, c.index, w, dedupe(wanted[w])); err != nil {
			return fmt.Errorf("story: finding candidate stories: %w", err)
		}
	}
	// An article's events go in surest first: the one that fits a story
	// best takes it, and its siblings, which the extractor kept apart, then
	// find that story holds their article. Otherwise the order of the
	// events could decide which story a sibling joins.
	for _, run := range articleRuns(events) {
		for len(run) > 0 {
			var s sitrep.Story
			k, ok, surest := 0, false, -1.0
			for j, i := range run {
				if st, score, fits := bestFit(events[i], p.candidates(keys[i], spans[i])); fits && score > surest {
					s, k, ok, surest = st, j, true, score
				}
			}
			i := run[k]
			run = slices.Delete(run, k, k+1)
			now := c.now()
			if !ok {
				s = sitrep.Story{ID: p.newID(), Created: now}
			}
			s.Reports = append(slices.Clip(s.Reports), events[i])
			reconcileFacts(&s) // the text is written once, at Flush
			s.Updated = now
			s.Score = Importance(s, now)
			p.put(s)
		}
	}
	return nil
}

// articleRuns splits the indexes of events into runs of consecutive events
// from one article.
func articleRuns(events []sitrep.Event) [][]int {
	var runs [][]int
	for i, e := range events {
		if n := len(runs); n > 0 && e.Source.ArticleID != "" && e.Source.ArticleID == events[i-1].Source.ArticleID {
			runs[n-1] = append(runs[n-1], i)
			continue
		}
		runs = append(runs, []int{i})
	}
	return runs
}

// Len is how many stories the batch holds unsaved.
func (b *Batch) Len() int { return len(b.p.order) }

// Flush saves the stories the batch created or changed and returns each
// once, as saved, in the order first touched. The batch is empty after.
func (b *Batch) Flush(ctx context.Context) ([]sitrep.Story, error) {
	out, err := b.p.flush(ctx, b.c.index)
	b.p = newPending()
	if err != nil {
		return nil, fmt.Errorf("story: saving stories: %w", err)
	}
	return out, nil
}

// window is the span of story days an event may join: a day either side of
// its own, or the week before its article when it gives no day.
func window(e sitrep.Event, now time.Time) (from, to time.Time) {
	if !e.Day.IsZero() {
		return e.Day.AddDate(0, 0, -1), e.Day.AddDate(0, 0, 1)
	}
	ref := e.Source.Published
	if ref.IsZero() {
		ref = now
	}
	return ref.Add(-undatedLookback).Truncate(24 * time.Hour), ref.Truncate(24*time.Hour).AddDate(0, 0, 1)
}

// Best picks the candidate an event should join: the highest score at or
// above Threshold, the older story on a tie. ok is false when none fits.
func Best(e sitrep.Event, cands []sitrep.Story) (best sitrep.Story, ok bool) {
	best, _, ok = bestFit(e, cands)
	return best, ok
}

// bestFit is Best with the winning score.
func bestFit(e sitrep.Event, cands []sitrep.Story) (best sitrep.Story, bestScore float64, ok bool) {
	for _, s := range cands {
		score, fits := Score(e, s)
		if !fits || score < Threshold {
			continue
		}
		if !ok || score > bestScore || score == bestScore && cmp.Less(s.ID, best.ID) {
			best, bestScore, ok = s, score, true
		}
	}
	return best, bestScore, ok
}

// WithoutArticle returns the story with one article's reports taken out and
// its facts recomputed, for an article that is extracted again. ok is false
// when no report is left.
func WithoutArticle(s sitrep.Story, articleID string) (out sitrep.Story, ok bool) {
	kept := make([]sitrep.Event, 0, len(s.Reports))
	for _, r := range s.Reports {
		if r.Source.ArticleID != articleID {
			kept = append(kept, r)
		}
	}
	s.Reports = kept
	if len(kept) == 0 {
		s.Sources, s.Tolls, s.Keys = nil, nil, nil
		return s, false
	}
	Reconcile(&s)
	return s, true
}
