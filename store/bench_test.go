package store

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

var bigN = flag.Int("store.bigN", 0, "also benchmark StoryCandidates with this many stories (e.g. 1000000)")

// storiesPerDay is the rate stories accumulate at in the benchmarks, so a
// larger store means a longer history, as it does in service, and a lookup
// window holds about the same number of stories whatever the store's size.
const storiesPerDay = 100

// benchStory is story i of a history of storiesPerDay stories a day, over
// 500 places and 50 actors.
func benchStory(r *rand.Rand, i int) *sitrep.Story {
	day := date(2000, 1, 1, 0, 0).AddDate(0, 0, i/storiesPerDay)
	place := fmt.Sprintf("place-%d", r.IntN(500))
	actor := fmt.Sprintf("actor-%d", r.IntN(50))
	st := &sitrep.Story{
		Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling, Day: day,
		Place:        sitrep.Place{Name: place, Country: "Syria", Key: place},
		Perpetrators: []string{actor},
		Keys:         []string{"place:" + place, "actor:" + actor},
		Sources:      []sitrep.Source{{ArticleID: fmt.Sprint("art-", i), Outlet: "Wire", Title: "Shelling reported"}},
		Headline:     "Shelling reported in " + place,
		Updated:      day,
	}
	return st
}

func seedStories(b *testing.B, s *SQLite, n int) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	for start := 0; start < n; start += 2000 {
		err := s.tx(ctx, func(tx *txn) error {
			w := newIndexWriter()
			for i := start; i < min(start+2000, n); i++ {
				if err := saveStory(ctx, tx, w, benchStory(r, i), time.Now()); err != nil {
					return err
				}
			}
			return w.flush(ctx, tx)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoryCandidates looks up the stories sharing a place or actor key
// within a week, at the end of histories of different lengths. The cost per
// lookup should not grow with the number of stories stored.
func BenchmarkStoryCandidates(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if *bigN > 0 {
		sizes = append(sizes, *bigN)
	}
	for _, n := range sizes {
		s := openTemp(b)
		seedStories(b, s, n)
		last := date(2000, 1, 1, 0, 0).AddDate(0, 0, n/storiesPerDay)
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(3, 4))
			found := 0
			for b.Loop() {
				day := last.AddDate(0, 0, -r.IntN(30))
				keys := []string{fmt.Sprintf("place:place-%d", r.IntN(500)), fmt.Sprintf("actor:actor-%d", r.IntN(50))}
				got, err := s.StoryCandidates(ctx, keys, day.AddDate(0, 0, -3), day.AddDate(0, 0, 3))
				if err != nil {
					b.Fatal(err)
				}
				found += len(got)
			}
			b.ReportMetric(float64(found)/float64(b.N), "stories/op")
		})
	}
}

// benchWords is a vocabulary for synthetic wire copy: news words first, so
// with a Zipf draw they are the common ones, then rarer made-up names.
var benchWords = func() []string {
	w := strings.Fields(`the of in and to a said killed were on by at for was people air strike
		shelling forces government village city province civilians fighters attack monitor
		observatory town army rebels opposition killed wounded children women bomb ministry talks
		foreign minister meeting envoy ceasefire agreement border hospital market district`)
	for i := range 5000 {
		w = append(w, fmt.Sprintf("name%dx", i))
	}
	return w
}()

type wordGen struct {
	r    *rand.Rand
	zipf *rand.Zipf
}

func newWordGen(seed uint64) *wordGen {
	r := rand.New(rand.NewPCG(seed, seed+1))
	return &wordGen{r: r, zipf: rand.NewZipf(r, 1.1, 1, uint64(len(benchWords)-1))}
}

func (g *wordGen) words(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchWords[g.zipf.Uint64()]
	}
	return strings.Join(ws, " ")
}

func benchArticle(g *wordGen, i int) sitrep.Article {
	paras := make([]string, 6)
	for p := range paras {
		paras[p] = g.words(60)
	}
	return sitrep.Article{
		ID: fmt.Sprint("urn:bench:", i), FeedID: 1,
		URL: fmt.Sprintf("https://wire.example/%d", i), Hash: fmt.Sprint("h", i),
		Title: g.words(10), Summary: g.words(30), Paragraphs: paras,
		Published: date(2024, 1, 1, 0, 0).Add(time.Duration(i) * time.Minute), Fetched: date(2024, 1, 1, 0, 0),
	}
}

// BenchmarkPutArticle stores articles of about 400 words, one transaction
// each, as the poller does.
func BenchmarkPutArticle(b *testing.B) {
	s := openTemp(b)
	g := newWordGen(7)
	arts := make([]sitrep.Article, 1000)
	for i := range arts {
		arts[i] = benchArticle(g, i)
	}
	i := 0
	for b.Loop() {
		a := arts[i%len(arts)]
		a.ID, a.URL, a.Hash = fmt.Sprint("urn:put:", i), fmt.Sprint("https://wire.example/put/", i), fmt.Sprint("hp", i)
		if ok, err := s.PutArticle(ctx, a); err != nil || !ok {
			b.Fatal(ok, err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSearchArticles searches 100,000 stored articles of about 400
// words each and reports the median and 99th percentile latency.
func BenchmarkSearchArticles(b *testing.B) {
	const n = 100_000
	s := openTemp(b)
	g := newWordGen(11)
	for start := 0; start < n; start += 2000 {
		err := s.tx(ctx, func(tx *txn) error {
			for i := start; i < min(start+2000, n); i++ {
				a := benchArticle(g, i)
				paras, _ := json.Marshal(a.Paragraphs)
				if _, err := putArticle(ctx, tx, a, string(paras)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	// Common words match most articles: the worst case. Names match a few
	// hundred: the usual search for a place or a person.
	q := newWordGen(13)
	for _, set := range []struct {
		name  string
		query func() string
	}{
		{"words=common", func() string { return q.words(1 + q.r.IntN(3)) }},
		{"words=names", func() string {
			return benchWords[100+q.r.IntN(len(benchWords)-100)] + " " + q.words(q.r.IntN(2))
		}},
	} {
		b.Run(set.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				query := set.query()
				t0 := time.Now()
				if _, err := s.SearchArticles(ctx, query, 20); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		})
	}
}

// BenchmarkBeginDelivery begins one delivery per slot; each commit waits for
// the disk (synchronous=FULL).
func BenchmarkBeginDelivery(b *testing.B) {
	s := openTemp(b)
	sc, err := s.AddSchedule(ctx, sitrep.Schedule{GuildID: "g", ChannelID: "c", Cron: "* * * * *"})
	if err != nil {
		b.Fatal(err)
	}
	slot := date(2024, 1, 1, 0, 0)
	for b.Loop() {
		slot = slot.Add(time.Minute)
		if _, created, err := s.BeginDelivery(ctx, sc.ID, slot); err != nil || !created {
			b.Fatal(created, err)
		}
	}
}
