package store

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

func TestStoryRoundTrip(t *testing.T) {
	s := openTemp(t)
	var want sitrep.Story
	n := 0
	fillAll(reflect.ValueOf(&want).Elem(), &n)
	want.ID = 0
	// Tolls hold each figure under its own category; a range may stand
	// without figures (a total no report gave).
	figs := want.Tolls.Figures()
	for i := range figs {
		figs[i].What = sitrep.FigureFighters
	}
	want.Tolls = sitrep.Tolls{
		sitrep.FigureFighters: {Range: sitrep.Range{Min: 3, Max: 8}, Figures: figs},
		sitrep.FigureKilled:   {Range: sitrep.Range{Min: 3, Max: 8}},
	}
	got := want
	if err := s.SaveStory(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 {
		t.Fatal("SaveStory did not assign an ID")
	}
	want.ID = got.ID
	read, err := s.Story(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(read, want) {
		t.Fatalf("Story =\n%+v\nwant\n%+v", read, want)
	}
	if _, err := s.Story(ctx, got.ID+1); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Story(missing) = %v; want ErrNotFound", err)
	}
}

func TestEventsRoundTripAndReplace(t *testing.T) {
	s := openTemp(t)
	var e sitrep.Event
	n := 0
	fillAll(reflect.ValueOf(&e).Elem(), &n)
	second := sitrep.Event{ID: "a1#2", Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting}
	if err := s.PutEvents(ctx, "a1", []sitrep.Event{e, second}); err != nil {
		t.Fatal(err)
	}
	got, err := s.events(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []sitrep.Event{e, second}) {
		t.Fatalf("events =\n%+v\nwant\n%+v", got, []sitrep.Event{e, second})
	}
	if err := s.PutEvents(ctx, "a1", []sitrep.Event{second}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.events(ctx, "a1"); len(got) != 1 || got[0].ID != "a1#2" {
		t.Errorf("after replace: %+v; want only a1#2", got)
	}
	if err := s.PutEvents(ctx, "a1", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.events(ctx, "a1"); len(got) != 0 {
		t.Errorf("after clearing: %+v", got)
	}
}

func storyAt(kind sitrep.Kind, place string, day time.Time, keys ...string) *sitrep.Story {
	return &sitrep.Story{
		Category: sitrep.CategoryIncident, Kind: kind, Day: day,
		Place: sitrep.Place{Name: place, Country: "Syria", Key: place},
		Keys:  keys,
	}
}

func TestStoryCandidates(t *testing.T) {
	s := openTemp(t)
	d := func(day int) time.Time { return date(2024, 3, day, 0, 0) }
	stories := map[string]*sitrep.Story{
		"douma-3":       storyAt(sitrep.KindAirstrike, "Douma", d(3), "place:douma", "actor:government"),
		"douma-9":       storyAt(sitrep.KindAirstrike, "Douma", d(9), "place:douma"),
		"douma-undated": storyAt(sitrep.KindShelling, "Douma", time.Time{}, "place:douma"),
		"idlib-4":       storyAt(sitrep.KindShelling, "Idlib", d(4), "place:idlib", "actor:government"),
		"raqqa-4":       storyAt(sitrep.KindBombing, "Raqqa", d(4), "place:raqqa"),
	}
	ids := map[int64]string{}
	for name, st := range stories {
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		ids[st.ID] = name
	}
	for _, tc := range []struct {
		name     string
		keys     []string
		from, to time.Time
		want     []string
	}{
		{"one key, window", []string{"place:douma"}, d(2), d(4), []string{"douma-3", "douma-undated"}},
		{"window ends on the day", []string{"place:douma"}, d(1), d(3), []string{"douma-3", "douma-undated"}},
		{"any key", []string{"actor:government", "place:raqqa"}, d(1), d(5), []string{"douma-3", "idlib-4", "raqqa-4"}},
		{"no upper bound", []string{"place:douma"}, d(5), time.Time{}, []string{"douma-9", "douma-undated"}},
		{"unknown key", []string{"place:homs"}, d(1), d(30), nil},
		{"no keys", nil, d(1), d(30), nil},
	} {
		got, err := s.StoryCandidates(ctx, tc.keys, tc.from, tc.to)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var names []string
		for _, st := range got {
			names = append(names, ids[st.ID])
		}
		if !sameSet(names, tc.want) {
			t.Errorf("%s: StoryCandidates = %v; want %v", tc.name, names, tc.want)
		}
	}

	// Replacing a story replaces its keys and day.
	st := stories["raqqa-4"]
	st.Keys = []string{"place:tabqa"}
	st.Day = d(20)
	if err := s.SaveStory(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.StoryCandidates(ctx, []string{"place:raqqa"}, d(1), d(30)); len(got) != 0 {
		t.Errorf("old key still finds the story: %v", got)
	}
	if got, _ := s.StoryCandidates(ctx, []string{"place:tabqa"}, d(19), d(21)); len(got) != 1 || got[0].ID != st.ID {
		t.Errorf("new key and day do not find the story: %v", got)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestStoryCandidatesUsesIndex(t *testing.T) {
	s := openTemp(t)
	rows, err := s.r.db.Query(`EXPLAIN QUERY PLAN SELECT story_id FROM story_keys
		WHERE key IN (SELECT value FROM json_each(?1)) AND day BETWEEN ?2 AND ?3`, `["k"]`, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, p := range plan {
		if p == "SCAN story_keys" {
			t.Fatalf("blocking lookup scans the table: %v", plan)
		}
	}
}

func TestSaveStoryTimes(t *testing.T) {
	s := openTemp(t)
	now := date(2024, 3, 5, 12, 0)
	s.now = func() time.Time { return now }
	st := storyAt(sitrep.KindClash, "Deir ez-Zor", date(2024, 3, 5, 0, 0))
	if err := s.SaveStory(ctx, st); err != nil {
		t.Fatal(err)
	}
	if !st.Created.Equal(now) || !st.Updated.Equal(now) {
		t.Errorf("new story Created %v Updated %v; want both %v", st.Created, st.Updated, now)
	}
	// A replacement with zero Created keeps the stored one.
	later := now.Add(time.Hour)
	s.now = func() time.Time { return later }
	st.Created, st.Updated = time.Time{}, time.Time{}
	if err := s.SaveStory(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Story(ctx, st.ID)
	if !got.Created.Equal(now) || !got.Updated.Equal(later) {
		t.Errorf("replaced story Created %v Updated %v; want %v and %v", got.Created, got.Updated, now, later)
	}
	// A story saved with an ID not stored yet keeps that ID.
	fixed := storyAt(sitrep.KindClash, "Hama", time.Time{})
	fixed.ID = 4242
	if err := s.SaveStory(ctx, fixed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Story(ctx, 4242); err != nil {
		t.Errorf("story saved with ID 4242: %v", err)
	}
}

func TestStoriesUpdated(t *testing.T) {
	s := openTemp(t)
	var ids []int64
	for h := 8; h <= 12; h++ {
		st := storyAt(sitrep.KindShelling, "Homs", time.Time{})
		st.Updated = date(2024, 3, 5, h, 0)
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, st.ID)
	}
	got, err := s.StoriesUpdated(ctx, date(2024, 3, 5, 9, 0), date(2024, 3, 5, 12, 0))
	if err != nil {
		t.Fatal(err)
	}
	var gotIDs []int64
	for _, st := range got {
		gotIDs = append(gotIDs, st.ID)
	}
	if want := []int64{ids[3], ids[2], ids[1]}; !reflect.DeepEqual(gotIDs, want) {
		t.Errorf("StoriesUpdated = %v; want %v (newest first, to exclusive)", gotIDs, want)
	}
}

func TestStoriesForArticle(t *testing.T) {
	s := openTemp(t)
	a := storyAt(sitrep.KindAirstrike, "Ariha", time.Time{})
	a.Sources = []sitrep.Source{{ArticleID: "art-1", Outlet: "Wire"}}
	a.Reports = []sitrep.Event{{ID: "art-2#0", Source: sitrep.Source{ArticleID: "art-2"}}}
	b := storyAt(sitrep.KindMeeting, "Sochi", time.Time{})
	b.Reports = []sitrep.Event{{ID: "art-1#1", Source: sitrep.Source{ArticleID: "art-1"}}}
	for _, st := range []*sitrep.Story{a, b} {
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		article string
		want    []int64
	}{
		{"art-1", []int64{a.ID, b.ID}},
		{"art-2", []int64{a.ID}},
		{"art-3", nil},
	} {
		got, err := s.StoriesForArticle(ctx, tc.article)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, st := range got {
			ids = append(ids, st.ID)
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("StoriesForArticle(%s) = %v; want %v", tc.article, ids, tc.want)
		}
	}
	// Dropping a source from the story drops the link.
	a.Sources = nil
	if err := s.SaveStory(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.StoriesForArticle(ctx, "art-1"); len(got) != 1 || got[0].ID != b.ID {
		t.Errorf("after dropping the source: %v; want only story %d", got, b.ID)
	}
}

func TestPlacesAndActors(t *testing.T) {
	s := openTemp(t)
	save := func(place, admin string, perps []string, target string, participants ...string) *sitrep.Story {
		st := &sitrep.Story{
			Place:        sitrep.Place{Name: place, Admin: admin, Country: "Syria"},
			Perpetrators: perps, Target: target,
		}
		for _, p := range participants {
			st.Participants = append(st.Participants, sitrep.Person{Name: p})
		}
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	save("Aleppo", "Aleppo Governorate", []string{"Russian air force"}, "civilians")
	save("Aleppo", "Aleppo Governorate", []string{"Syrian government", "Russian air force"}, "")
	save("Al-Bab", "Aleppo Governorate", []string{"Turkish army"}, "SDF")
	last := save("Afrin", "Aleppo Governorate", nil, "", "Sergei Lavrov", "Syrian government")
	save("Raqqa", "Raqqa Governorate", []string{"Syrian government"}, "")

	for _, tc := range []struct {
		name string
		fn   func() ([]string, error)
		want []string
	}{
		{"places al", func() ([]string, error) { return s.Places(ctx, "al", 10) }, []string{"Aleppo Governorate", "Aleppo", "Al-Bab"}},
		{"places AL upper", func() ([]string, error) { return s.Places(ctx, "AL", 2) }, []string{"Aleppo Governorate", "Aleppo"}},
		{"places all", func() ([]string, error) { return s.Places(ctx, "", 2) }, []string{"Syria", "Aleppo Governorate"}},
		{"places percent", func() ([]string, error) { return s.Places(ctx, "%", 10) }, nil},
		{"places underscore", func() ([]string, error) { return s.Places(ctx, "_leppo", 10) }, nil},
		{"actors syr", func() ([]string, error) { return s.Actors(ctx, "syr", 10) }, []string{"Syrian government"}},
		{"actors r", func() ([]string, error) { return s.Actors(ctx, "r", 10) }, []string{"Russian air force"}},
		{"actors s", func() ([]string, error) { return s.Actors(ctx, "s", 10) }, []string{"Syrian government", "SDF", "Sergei Lavrov"}},
	} {
		got, err := tc.fn()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s = %q; want %q", tc.name, got, tc.want)
		}
	}

	// Replacing a story moves its counts.
	last.Participants = nil
	last.Place = sitrep.Place{Name: "Manbij"}
	if err := s.SaveStory(ctx, last); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Places(ctx, "afr", 10); len(got) != 0 {
		t.Errorf("Afrin still listed after its only story moved: %v", got)
	}
	if got, _ := s.Actors(ctx, "serg", 10); len(got) != 0 {
		t.Errorf("Lavrov still listed after the story dropped him: %v", got)
	}
}

// indexDump is every row of the tables that find stories, for comparing
// two stores.
func indexDump(t *testing.T, s *SQLite) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'k', key, day, story_id FROM story_keys ORDER BY 2, 3, 4`,
		`SELECT 's', article_id, '', story_id FROM story_sources ORDER BY 2, 4`,
		`SELECT 'n', kind || ':' || name, category || updated || story_kind, story_id FROM story_names ORDER BY 2, 4`,
		`SELECT 'c', kind || ':' || name, '', n FROM name_counts ORDER BY 2`,
	} {
		rows, err := s.r.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b, c string
			var n int64
			if err := rows.Scan(&a, &b, &c, &n); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %s %s %d", a, b, c, n))
		}
		rows.Close()
	}
	return out
}

func TestSaveStoriesIndexesAsSaveStoryDoes(t *testing.T) {
	day := date(2016, 2, 9, 0, 0)
	stories := func() []*sitrep.Story {
		a := storyAt(sitrep.KindAirstrike, "Douma", day, "p:douma", "a:rif")
		a.Perpetrators, a.Sources = []string{"Syrian government"}, []sitrep.Source{{ArticleID: "a1"}}
		b := storyAt(sitrep.KindShelling, "Aleppo", day, "p:aleppo")
		b.Target, b.Sources = "civilians", []sitrep.Source{{ArticleID: "a2"}}
		return []*sitrep.Story{a, b}
	}
	// The same stories saved one at a time and in one batch, then changed:
	// a story gains a source, a key and an actor, loses a name, and is
	// saved twice in one batch.
	one, batch := openTemp(t), openTemp(t)
	sa := stories()
	for _, st := range sa {
		if err := one.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	sb := stories()
	if err := batch.SaveStories(ctx, sb); err != nil {
		t.Fatal(err)
	}
	change := func(sts []*sitrep.Story) []*sitrep.Story {
		a, b := *sts[0], *sts[1]
		a.Keys = append(a.Keys, "g:1:2")
		a.Sources = append(a.Sources, sitrep.Source{ArticleID: "a3"})
		a.Perpetrators = append(a.Perpetrators, "Russian air force")
		a.Updated = day.Add(time.Hour)
		b.Target, b.Kind = "", sitrep.KindClash
		b.Updated = day.Add(2 * time.Hour)
		a2 := a
		a2.Place.Admin = "Rif Dimashq"
		a2.Updated = day.Add(3 * time.Hour)
		return []*sitrep.Story{&a, &b, &a2}
	}
	for _, st := range change(sa) {
		if err := one.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.SaveStories(ctx, change(sb)); err != nil {
		t.Fatal(err)
	}
	got, want := indexDump(t, batch), indexDump(t, one)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batch index:\n%s\none at a time:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(want, "n actor:Russian air force incident"+fmtTime(day.Add(3*time.Hour))+"airstrike 1") ||
		slices.Contains(want, "c actor:civilians  1") {
		t.Errorf("index rows do not follow the changes:\n%s", strings.Join(want, "\n"))
	}
}
