package story

import (
	"context"
	"slices"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// batchSaver is an index that saves many stories in one transaction, as
// sitrep.StoryStore does.
type batchSaver interface {
	SaveStories(ctx context.Context, stories []*sitrep.Story) error
}

// pendingIDBase numbers the stories a batch starts before they are saved:
// above any stored ID and increasing, so ties between candidates break as
// they will once the store assigns the real IDs.
const pendingIDBase = int64(1) << 62

// pending holds the stories a batch of events created or changed, not yet
// saved, so later events of the batch find them as the store would.
type pending struct {
	stories map[int64]sitrep.Story
	order   []int64 // first touched first
	byKey   map[string][]int64
	next    int64
}

func newPending() *pending {
	return &pending{stories: map[int64]sitrep.Story{}, byKey: map[string][]int64{}, next: pendingIDBase}
}

// newID numbers a story started in the batch.
func (p *pending) newID() int64 {
	p.next++
	return p.next
}

// put records a story's latest state.
func (p *pending) put(s sitrep.Story) {
	old, ok := p.stories[s.ID]
	if !ok {
		p.order = append(p.order, s.ID)
	}
	p.stories[s.ID] = s
	for _, k := range s.Keys {
		if !slices.Contains(old.Keys, k) {
			p.byKey[k] = append(p.byKey[k], s.ID)
		}
	}
}

// candidates replaces the stored candidates the batch changed by their
// pending state and adds the pending stories that match keys and the
// window, by ID, as the store would return them after saving.
func (p *pending) candidates(stored []sitrep.Story, keys []string, from, to time.Time) []sitrep.Story {
	if len(p.stories) == 0 {
		return stored
	}
	out := make([]sitrep.Story, 0, len(stored))
	for _, s := range stored {
		if _, ok := p.stories[s.ID]; !ok {
			out = append(out, s)
		}
	}
	seen := map[int64]bool{}
	for _, k := range keys {
		for _, id := range p.byKey[k] {
			s := p.stories[id]
			if seen[id] || !slices.Contains(s.Keys, k) {
				continue // a key the story has since lost
			}
			seen[id] = true
			if s.Day.IsZero() || !s.Day.Before(from) && !s.Day.After(to) {
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b sitrep.Story) int { return cmpID(a.ID, b.ID) })
	return out
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// flush saves the pending stories in the order first touched, in one
// transaction when the index allows, and returns them with their stored
// IDs.
func (p *pending) flush(ctx context.Context, index Index) ([]sitrep.Story, error) {
	ptrs := make([]*sitrep.Story, len(p.order))
	for i, id := range p.order {
		s := p.stories[id]
		if s.ID > pendingIDBase {
			s.ID = 0 // the store assigns it, in this order
		}
		ptrs[i] = &s
	}
	if b, ok := index.(batchSaver); ok {
		if err := b.SaveStories(ctx, ptrs); err != nil {
			return nil, err
		}
	} else {
		for _, s := range ptrs {
			if err := index.SaveStory(ctx, s); err != nil {
				return nil, err
			}
		}
	}
	out := make([]sitrep.Story, len(ptrs))
	for i, s := range ptrs {
		out[i] = *s
	}
	return out, nil
}
