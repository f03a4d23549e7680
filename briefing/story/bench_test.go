package story

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/store"
)

// spreadEvent is the i-th of many incidents spread over a year and a large
// grid of towns, as a store that has run for a long time holds them.
func spreadEvent(i int) sitrep.Event {
	town := i % 50000
	d := day("2015-01-01").AddDate(0, 0, (i/7)%365)
	lat, lon := float64(town%250)*0.3-60, float64(town/250)*0.3-50
	p := sitrep.Place{Name: fmt.Sprintf("Town %d", town), Admin: fmt.Sprintf("Region %d", town/40), Country: "Testland", Lat: lat, Lon: lon}
	s := sitrep.Source{ArticleID: fmt.Sprintf("art-%d", i), Outlet: fmt.Sprintf("Outlet %d", i%9), URL: fmt.Sprintf("https://x.example/%d", i), Published: d.Add(20 * time.Hour)}
	return incident(fmt.Sprintf("e-%d", i), s, sitrep.KindAirstrike, p, d, "", killed(3+i%11, ""))
}

// BenchmarkAddEvent measures the cost of clustering one new event against
// a store already holding n stories. Set SITREP_BENCH_1M=1 to add 1M.
func BenchmarkAddEvent(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("SITREP_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	ctx := context.Background()
	now := func() time.Time { return at("2016-01-01T00:00:00Z") }
	for _, n := range sizes {
		// A file, as in production: an in-memory SQLite database pays at
		// every commit for truncating a page cache that holds all of it.
		st, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("stories-%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		for start := 0; start < n; start += 5000 {
			var chunk []*sitrep.Story
			for i := start; i < min(start+5000, n); i++ {
				s := sitrep.Story{Reports: []sitrep.Event{spreadEvent(i)}}
				Reconcile(&s)
				chunk = append(chunk, &s)
			}
			if err := st.SaveStories(ctx, chunk); err != nil {
				b.Fatal(err)
			}
		}
		mem := NewMemory()
		for i := range n {
			s := sitrep.Story{Reports: []sitrep.Event{spreadEvent(i)}}
			Reconcile(&s)
			_ = mem.SaveStory(ctx, &s)
		}
		for _, idx := range []struct {
			name  string
			index Index
		}{{"sqlite", st}, {"memory", mem}} {
			b.Run(fmt.Sprintf("%s/stories=%d", idx.name, n), func(b *testing.B) {
				c := NewClusterer(idx.index, now)
				i := 0
				for b.Loop() {
					// Alternate events that join a story with ones that start one.
					e := spreadEvent(n + i)
					if i%2 == 0 {
						e = spreadEvent((i * 7919) % n)
						e.ID, e.Source.ArticleID = fmt.Sprintf("late-%d", i), fmt.Sprintf("late-%d", i)
					}
					if _, err := c.Add(ctx, e); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
		st.Close()
	}
}
