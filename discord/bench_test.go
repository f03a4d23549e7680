package discord

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	dt "github.com/sitrep-bot/sitrep/internal/discordtest"
)

// benchArticles is how many articles the command benchmarks store:
// SITREP_BENCH_ARTICLES overrides the default (e.g. 1000000).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 20000
}

var benchPlaces = []string{"Raqqa", "Idlib", "Aleppo", "Hama", "Homs", "Daraa", "Deir ez-Zor", "Mosul", "Kirkuk", "Gaza", "Khan Younis", "Sanaa", "Marib", "Tripoli", "Benghazi"}

// seedBench stores n articles and a story for every four, spread over 30 days.
func seedBench(tb testing.TB, e *env, n int) int64 {
	ctx := context.Background()
	now := e.clock.Now()
	var storyID int64
	for i := 0; i < n; i++ {
		place := benchPlaces[i%len(benchPlaces)]
		url := fmt.Sprintf("https://wire.example/%d", i)
		a := sitrep.Article{ID: url, URL: url, Link: url, Outlet: "Wire " + strconv.Itoa(i%7),
			Title:     fmt.Sprintf("Shelling reported near %s as talks stall, report %d", place, i),
			Published: now.Add(-time.Duration(i%(30*24*60)) * time.Minute), Fetched: now,
			Summary:    fmt.Sprintf("Residents of %s said artillery fire hit the eastern districts overnight; a monitor put the toll at %d.", place, i%20),
			Paragraphs: []string{"Witnesses described heavy fire.", "Officials gave no comment."}, Hash: "h" + strconv.Itoa(i)}
		if _, err := e.st.PutArticle(ctx, a); err != nil {
			tb.Fatal(err)
		}
		if i%4 != 0 {
			continue
		}
		s := incident(sitrep.KindShelling, place, "Syria", a.Title, i%20+1)
		s.Sources = []sitrep.Source{a.Source()}
		s.FactsHash = "f" + strconv.Itoa(i)
		s.Updated = a.Published
		if err := e.st.SaveStory(ctx, &s); err != nil {
			tb.Fatal(err)
		}
		storyID = s.ID
	}
	return storyID
}

// benchStore points e at the database the command benchmarks use and
// returns the newest story's ID. SITREP_BENCH_DB names a file to keep the
// seeded store in: a file that exists is reused as it is (seeded with the
// same SITREP_BENCH_ARTICLES), since seeding a million articles takes many
// minutes.
func benchStore(b *testing.B, e *env) int64 {
	if path := os.Getenv("SITREP_BENCH_DB"); path != "" {
		_, err := os.Stat(path)
		e.st.Close()
		e.dbPath = path
		e.openStore()
		if err == nil {
			b.Logf("reusing %s, seeded with %d articles", path, benchArticles())
			return int64(benchArticles()+3) / 4 // seedBench stores a story for every fourth article
		}
	}
	start := time.Now()
	stories := seedBench(b, e, benchArticles())
	b.Logf("seeded %d articles in %v", benchArticles(), time.Since(start))
	return stories
}

// BenchmarkCommands measures the time from injecting an interaction to its
// complete answer, through the fake Discord, with many stored articles, and
// reports p50 and p99 per command. The store is seeded once for all three.
func BenchmarkCommands(b *testing.B) {
	e := newEnv(b)
	stories := benchStore(b, e)
	e.bot()
	run := func(name string, opts func(i int) []*dt.Option) {
		b.Run(name, func(b *testing.B) {
			var times []time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				ans, err := e.fake.Do(dt.Invocation{GuildID: e.guild, ChannelID: e.text, Permissions: memberPerms, Command: name, Options: opts(i)})
				if err != nil {
					b.Fatal(err)
				}
				if ans.Message == nil || ans.Text() == "" {
					b.Fatal("no answer")
				}
				times = append(times, time.Since(start))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
	run("incidents", func(i int) []*dt.Option {
		return []*dt.Option{dt.Str("place", benchPlaces[i%len(benchPlaces)]), dt.Str("since", "24h")}
	})
	run("story", func(i int) []*dt.Option { return []*dt.Option{dt.Int("id", int(1+int64(i*37)%stories))} })
	run("search", func(i int) []*dt.Option {
		return []*dt.Option{dt.Str("query", "artillery "+benchPlaces[i%len(benchPlaces)])}
	})
}

// BenchmarkMemory1000Guilds measures the heap the bot adds when serving
// 1,000 guilds with 5 feeds and a schedule each. One iteration is the
// measurement: run it with -benchtime 1x.
func BenchmarkMemory1000Guilds(b *testing.B) {
	for i := 0; i < b.N; i++ {
		e := newEnv(b)
		ctx := context.Background()
		for g := 0; g < 1000; g++ {
			gid := e.fake.AddGuild("guild " + strconv.Itoa(g))
			ch := e.fake.AddChannel(gid, "briefings", discordgo.ChannelTypeGuildText, "")
			for f := 0; f < 5; f++ {
				feed, err := e.st.AddFeed(ctx, sitrep.Feed{URL: fmt.Sprintf("https://outlet%d.example/feed/%d", f, g)})
				if err != nil {
					b.Fatal(err)
				}
				if err := e.st.Subscribe(ctx, sitrep.Subscription{FeedID: feed.ID, GuildID: gid, ChannelID: ch}); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := e.st.AddSchedule(ctx, sitrep.Schedule{GuildID: gid, ChannelID: ch, Cron: fmt.Sprintf("%d 7 * * *", g%60), TimeZone: "Europe/London", Created: e.clock.Now()}); err != nil {
				b.Fatal(err)
			}
		}
		before := heap()
		bot := e.bot()
		if !e.fake.WaitFor(10*time.Second, func() bool { return len(bot.knownGuilds()) == 1001 }) {
			b.Fatalf("the bot knows %d guilds", len(bot.knownGuilds()))
		}
		after := heap()
		b.ReportMetric(float64(after-before)/(1<<20), "heap-MB")
		runtime.KeepAlive(bot)
		bot.Close()
		e.fake.Close()
	}
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
