package story

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Memory is an in-memory story index: stories by ID and their blocking
// keys. It serves batch jobs that need no persistence and measures the cost
// of clustering apart from storage.
type Memory struct {
	mu      sync.Mutex
	stories map[int64]sitrep.Story
	byKey   map[string][]int64
	next    int64
}

// NewMemory returns an empty index.
func NewMemory() *Memory {
	return &Memory{stories: map[int64]sitrep.Story{}, byKey: map[string][]int64{}}
}

// StoryCandidates returns stories sharing a key whose day lies in [from, to]
// or is unknown, oldest first.
func (m *Memory) StoryCandidates(_ context.Context, keys []string, from, to time.Time) ([]sitrep.Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := map[int64]bool{}
	var out []sitrep.Story
	for _, k := range keys {
		for _, id := range m.byKey[k] {
			if seen[id] {
				continue
			}
			seen[id] = true
			s := m.stories[id]
			if s.Day.IsZero() || !s.Day.Before(from) && !s.Day.After(to) {
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// SaveStory inserts (ID zero) or replaces a story and files it under its keys.
func (m *Memory) SaveStory(_ context.Context, s *sitrep.Story) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s.ID == 0 {
		m.next++
		s.ID = m.next
	}
	old, existed := m.stories[s.ID]
	m.stories[s.ID] = *s
	had := map[string]bool{}
	if existed {
		for _, k := range old.Keys {
			had[k] = true
		}
	}
	for _, k := range s.Keys {
		if !had[k] {
			m.byKey[k] = append(m.byKey[k], s.ID)
		}
	}
	return nil
}

// SaveStories saves stories in order, as SaveStory does.
func (m *Memory) SaveStories(ctx context.Context, stories []*sitrep.Story) error {
	for _, s := range stories {
		if err := m.SaveStory(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// Stories returns every story, by ID.
func (m *Memory) Stories() []sitrep.Story {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]sitrep.Story, 0, len(m.stories))
	for _, s := range m.stories {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
