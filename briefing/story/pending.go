package story

import (
	"cmp"
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

// span is the window of story days an event may join.
type span struct{ from, to time.Time }

// pending is a batch's view of the index: the stored stories its events may
// join, fetched once per window rather than once per event, and the stories
// the batch created or changed, not yet saved. Later events of the batch
// find both as the store would return them after saving.
type pending struct {
	stories map[int64]sitrep.Story // created or changed, unsaved
	order   []int64                // of stories, first touched first
	stored  map[int64]sitrep.Story // fetched, unchanged
	byKey   map[string][]int64     // both, by blocking key
	fetched map[span]map[string]bool
	next    int64
}

func newPending() *pending {
	return &pending{
		stories: map[int64]sitrep.Story{}, stored: map[int64]sitrep.Story{},
		byKey: map[string][]int64{}, fetched: map[span]map[string]bool{}, next: pendingIDBase,
	}
}

// newID numbers a story started in the batch.
func (p *pending) newID() int64 {
	p.next++
	return p.next
}

// story returns the batch's latest state of a story.
func (p *pending) story(id int64) (sitrep.Story, bool) {
	if s, ok := p.stories[id]; ok {
		return s, true
	}
	s, ok := p.stored[id]
	return s, ok
}

// index files a story under the keys it has that old lacks.
func (p *pending) index(s, old sitrep.Story) {
	for _, k := range s.Keys {
		if !slices.Contains(old.Keys, k) {
			p.byKey[k] = append(p.byKey[k], s.ID)
		}
	}
}

// put records a story's latest state.
func (p *pending) put(s sitrep.Story) {
	old, _ := p.story(s.ID)
	if _, ok := p.stories[s.ID]; !ok {
		p.order = append(p.order, s.ID)
		delete(p.stored, s.ID)
	}
	p.stories[s.ID] = s
	p.index(s, old)
}

// fetch loads from index the stored stories under keys in the window that
// the batch has not fetched yet.
func (p *pending) fetch(ctx context.Context, index Index, w span, keys []string) error {
	done := p.fetched[w]
	if done == nil {
		done = map[string]bool{}
		p.fetched[w] = done
	}
	var missing []string
	for _, k := range keys {
		if !done[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	stored, err := index.StoryCandidates(ctx, missing, w.from, w.to)
	if err != nil {
		return err
	}
	for _, k := range missing {
		done[k] = true
	}
	for _, s := range stored {
		if _, ok := p.story(s.ID); !ok {
			p.stored[s.ID] = s
			p.index(s, sitrep.Story{})
		}
	}
	return nil
}

// candidates returns the stories, stored or pending, that hold any of keys
// and whose day lies in the window or is unknown, by ID, as the store would
// return them after saving. The window's keys must have been fetched.
func (p *pending) candidates(keys []string, w span) []sitrep.Story {
	var out []sitrep.Story
	seen := map[int64]bool{}
	for _, k := range keys {
		for _, id := range p.byKey[k] {
			if seen[id] {
				continue
			}
			s, _ := p.story(id)
			if !slices.Contains(s.Keys, k) {
				continue // a key the story has since lost
			}
			seen[id] = true
			if s.Day.IsZero() || !s.Day.Before(w.from) && !s.Day.After(w.to) {
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b sitrep.Story) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// flush saves the pending stories in the order first touched, in one
// transaction when the index allows, and returns them with their stored
// IDs.
func (p *pending) flush(ctx context.Context, index Index) ([]sitrep.Story, error) {
	ptrs := make([]*sitrep.Story, len(p.order))
	for i, id := range p.order {
		s := p.stories[id]
		describe(&s)
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
