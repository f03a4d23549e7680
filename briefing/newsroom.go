// Package briefing is the newsroom: it owns the path from an article to a
// briefing. Each article's events are extracted (briefing/extract), stored,
// and grouped with the reports of other outlets into stories
// (briefing/story); a briefing is then composed from the stories new or
// changed in a window, filtered and ranked for one channel. Rendering the
// briefing is briefing/render's job, sending it the discord package's.
package briefing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/story"
)

// A Newsroom turns articles into stories and stories into briefings.
type Newsroom struct {
	stories sitrep.StoryStore
	extract func(sitrep.Article) []sitrep.Event
	// confirmed is the confidence an incident needs to be briefed; below
	// it, it is listed as unconfirmed.
	confirmed float64
	now       func() time.Time
	cluster   *story.Clusterer

	// mu serialises ingestion: two reports of one event ingested at once
	// must not each start a story.
	mu sync.Mutex
}

// NewNewsroom returns a newsroom that extracts events with x, keeps stories
// in stories and stamps them with now.
func NewNewsroom(stories sitrep.StoryStore, x *extract.Extractor, now func() time.Time) *Newsroom {
	return &Newsroom{stories: stories, extract: x.Extract, confirmed: x.Threshold(), now: now, cluster: story.NewClusterer(stories, now)}
}

// Ingest extracts an article's events, stores them, and puts each into the
// story it belongs to or a new one. It returns the stories created or
// updated. Ingesting an article again (an edited report) first takes its
// earlier reports out of their stories.
func (n *Newsroom) Ingest(ctx context.Context, a sitrep.Article) ([]sitrep.Story, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	b := n.cluster.Batch()
	touched, err := n.ingest(ctx, a, b, nil)
	if err != nil {
		return nil, err
	}
	added, err := b.Flush(ctx)
	if err != nil {
		return nil, fmt.Errorf("briefing: ingest %s: %w", a.ID, err)
	}
	for _, s := range added {
		i := slices.IndexFunc(touched, func(t sitrep.Story) bool { return t.ID == s.ID })
		if i >= 0 {
			touched[i] = s
		} else {
			touched = append(touched, s)
		}
	}
	return touched, nil
}

// ingest is Ingest adding the article's events to batch b, unsaved, and
// returning the stories its earlier reports were taken out of. inBatch
// holds the articles b already holds events of; b is flushed first when a
// story this article's earlier reports joined may be in it.
func (n *Newsroom) ingest(ctx context.Context, a sitrep.Article, b *story.Batch, inBatch map[string]bool) ([]sitrep.Story, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("briefing: ingest: article %q has no ID", a.URL)
	}
	events := n.extract(a)
	for i := range events {
		if events[i].Source.ArticleID == "" {
			events[i].Source = a.Source()
		}
		if events[i].ID == "" {
			events[i].ID = fmt.Sprintf("%s#%d", a.ID, i)
		}
	}
	if err := n.stories.PutEvents(ctx, a.ID, events); err != nil {
		return nil, fmt.Errorf("briefing: ingest %s: %w", a.ID, err)
	}
	if inBatch[a.ID] {
		if _, err := b.Flush(ctx); err != nil {
			return nil, fmt.Errorf("briefing: ingest %s: %w", a.ID, err)
		}
		clear(inBatch)
	}
	touched, err := n.forget(ctx, a.ID, b)
	if err != nil {
		return nil, err
	}
	if err := b.Add(ctx, events...); err != nil {
		return nil, fmt.Errorf("briefing: ingest %s: %w", a.ID, err)
	}
	if inBatch != nil {
		inBatch[a.ID] = true
	}
	return touched, nil
}

// forget takes an article's earlier reports out of the stories they joined.
// A story left with no reports stays stored, empty, and is never briefed.
// The stories of batch b are saved first when there are any to change, so
// none is changed in two places.
func (n *Newsroom) forget(ctx context.Context, articleID string, b *story.Batch) ([]sitrep.Story, error) {
	prev, err := n.stories.StoriesForArticle(ctx, articleID)
	if err == nil && len(prev) > 0 {
		// Flushing also drops the stories b fetched, which may be among those changed here.
		unsaved := b.Len() > 0
		if _, err := b.Flush(ctx); err != nil {
			return nil, fmt.Errorf("briefing: re-ingesting article %s: %w", articleID, err)
		}
		if unsaved {
			prev, err = n.stories.StoriesForArticle(ctx, articleID)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("briefing: stories of article %s: %w", articleID, err)
	}
	var out []sitrep.Story
	for _, s := range prev {
		s, _ = story.WithoutArticle(s, articleID)
		s.Updated = n.now()
		if err := n.stories.SaveStory(ctx, &s); err != nil {
			return nil, fmt.Errorf("briefing: re-ingesting article %s: %w", articleID, err)
		}
		if len(s.Reports) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// Brief ingests the articles published in the window, oldest first, and
// composes a briefing of every story they formed. It is the whole pipeline
// for a one-off briefing over feed files, run against a throw-away store.
func (n *Newsroom) Brief(ctx context.Context, articles []sitrep.Article, w Window) (sitrep.Briefing, error) {
	var in []sitrep.Article
	for _, a := range articles {
		if !a.Published.Before(w.From) && a.Published.Before(w.To) {
			in = append(in, a)
		}
	}
	slices.SortStableFunc(in, func(a, b sitrep.Article) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	// One batch for all: the stories are saved once, not once per event.
	n.mu.Lock()
	b, inBatch := n.cluster.Batch(), map[string]bool{}
	for _, a := range in {
		if err := ctx.Err(); err != nil {
			n.mu.Unlock()
			return sitrep.Briefing{}, err
		}
		if _, err := n.ingest(ctx, a, b, inBatch); err != nil {
			n.mu.Unlock()
			return sitrep.Briefing{}, err
		}
	}
	_, err := b.Flush(ctx)
	n.mu.Unlock()
	if err != nil {
		return sitrep.Briefing{}, fmt.Errorf("briefing: brief: %w", err)
	}
	w.All = true
	return n.Compose(ctx, w)
}

// Confirmed is the confidence an incident story's surest report needs to be
// briefed; lookups mark those below it as unconfirmed.
func (n *Newsroom) Confirmed() float64 { return n.confirmed }
