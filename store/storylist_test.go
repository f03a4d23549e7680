package store

import (
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// listFixture stores a small history: stories the listing tests pick from
// by headline. Story i is updated i hours before noon on 14 March.
func listFixture(t *testing.T) (*SQLite, map[string]int64) {
	t.Helper()
	s := openTemp(t)
	noon := date(2025, 3, 14, 12, 0)
	raqqa := sitrep.Place{Name: "Raqqa", Admin: "Raqqa Governorate", Country: "Syria"}
	stories := []sitrep.Story{
		{Category: sitrep.CategoryIncident, Kind: sitrep.KindAirstrike, Place: raqqa, Perpetrators: []string{"Russian Aerospace Forces"},
			Headline: "Air strikes hit a market in Raqqa"},
		{Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling, Place: sitrep.Place{Name: "Tabqa", Admin: "Raqqa Governorate", Country: "Syria"},
			Perpetrators: []string{"Syrian government forces"}, Headline: "Shelling of Tabqa dam district"},
		{Category: sitrep.CategoryIncident, Kind: "missile strike", Place: sitrep.Place{Name: "Idlib", Country: "Syria"},
			Perpetrators: []string{"Syrian government forces"}, Target: "a displacement camp", Headline: "Missiles hit a camp near Idlib"},
		{Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting, Place: sitrep.Place{Name: "Ankara", Country: "Turkey"},
			Participants: []sitrep.Person{{Name: "Hakan Fidan", Role: "foreign minister", Country: "Turkey"}, {Name: "Asaad al-Shaibani", Country: "Syria"}},
			Headline:     "Turkish and Syrian foreign ministers meet in Ankara"},
		{Category: sitrep.CategoryDevelopment, Kind: sitrep.KindStatement, Place: sitrep.Place{Name: "Geneva", Country: "Switzerland"},
			Countries: []string{"Iran"}, Headline: "Envoy urges a return to talks"},
		{Category: sitrep.CategoryIncident, Kind: sitrep.KindBombing, Place: raqqa, Perpetrators: []string{"Islamic State"},
			Headline: "Car bomb in Raqqa, a week ago", Updated: noon.AddDate(0, 0, -7)},
	}
	ids := map[string]int64{}
	for i := range stories {
		st := &stories[i]
		if st.Updated.IsZero() {
			st.Updated = noon.Add(-time.Duration(i) * time.Hour)
		}
		st.Day = st.Updated.Truncate(24 * time.Hour)
		st.Reports = []sitrep.Event{{ID: fmt.Sprint("e", i), Category: st.Category, Kind: st.Kind}}
		st.Sources = []sitrep.Source{{ArticleID: fmt.Sprint("a", i), Outlet: "Levant Wire", Title: st.Headline}}
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
		ids[st.Headline] = st.ID
	}
	return s, ids
}

// lastDay is the window of the day before noon on 14 March.
var lastDay = sitrep.StoryQuery{From: date(2025, 3, 13, 12, 0), To: date(2025, 3, 14, 12, 0).Add(time.Second)}

func headlines(stories []sitrep.Story) []string {
	var out []string
	for _, s := range stories {
		out = append(out, s.Headline)
	}
	return out
}

func TestStoriesFilters(t *testing.T) {
	s, _ := listFixture(t)
	with := func(f func(*sitrep.StoryQuery)) sitrep.StoryQuery {
		q := lastDay
		f(&q)
		return q
	}
	tests := []struct {
		name string
		q    sitrep.StoryQuery
		want []string
	}{
		{"everything in the window, newest first", lastDay, []string{
			"Air strikes hit a market in Raqqa", "Shelling of Tabqa dam district", "Missiles hit a camp near Idlib",
			"Turkish and Syrian foreign ministers meet in Ankara", "Envoy urges a return to talks"}},
		{"incidents", with(func(q *sitrep.StoryQuery) { q.Category = sitrep.CategoryIncident }), []string{
			"Air strikes hit a market in Raqqa", "Shelling of Tabqa dam district", "Missiles hit a camp near Idlib"}},
		{"kind ignoring case, with its forms", with(func(q *sitrep.StoryQuery) { q.Kind = "SHELLING" }), []string{
			"Shelling of Tabqa dam district", "Missiles hit a camp near Idlib"}},
		{"a form of a kind alone", with(func(q *sitrep.StoryQuery) { q.Kind = "missile strike" }), []string{"Missiles hit a camp near Idlib"}},
		{"place by name", with(func(q *sitrep.StoryQuery) { q.Place = "idlib" }), []string{"Missiles hit a camp near Idlib"}},
		{"place by region, without Governorate", with(func(q *sitrep.StoryQuery) { q.Place = "Raqqa" }), []string{
			"Air strikes hit a market in Raqqa", "Shelling of Tabqa dam district"}},
		{"place by country", with(func(q *sitrep.StoryQuery) { q.Place = "Turkey" }), []string{
			"Turkish and Syrian foreign ministers meet in Ankara"}},
		{"place is whole names only", with(func(q *sitrep.StoryQuery) { q.Place = "Raq" }), nil},
		{"actor by part of a perpetrator", with(func(q *sitrep.StoryQuery) { q.Actor = "syrian GOVERNMENT" }), []string{
			"Shelling of Tabqa dam district", "Missiles hit a camp near Idlib"}},
		{"actor matching several names", with(func(q *sitrep.StoryQuery) { q.Actor = "IAN" }), []string{
			"Air strikes hit a market in Raqqa", "Shelling of Tabqa dam district", "Missiles hit a camp near Idlib"}},
		{"actor as target", with(func(q *sitrep.StoryQuery) { q.Actor = "camp" }), []string{"Missiles hit a camp near Idlib"}},
		{"actor as participant", with(func(q *sitrep.StoryQuery) { q.Actor = "Fidan" }), []string{
			"Turkish and Syrian foreign ministers meet in Ankara"}},
		{"actor as a participant's country", with(func(q *sitrep.StoryQuery) { q.Actor = "Turkey" }), []string{
			"Turkish and Syrian foreign ministers meet in Ankara"}},
		{"actor as a country involved", with(func(q *sitrep.StoryQuery) { q.Actor = "iran" }), []string{"Envoy urges a return to talks"}},
		{"actor with LIKE wildcards is literal", with(func(q *sitrep.StoryQuery) { q.Actor = "%_" }), nil},
		{"place and actor together", with(func(q *sitrep.StoryQuery) { q.Place = "Raqqa"; q.Actor = "Syrian" }), []string{
			"Shelling of Tabqa dam district"}},
		{"every filter", with(func(q *sitrep.StoryQuery) {
			q.Category, q.Kind, q.Place, q.Actor = sitrep.CategoryIncident, sitrep.KindShelling, "Syria", "government"
		}), []string{"Shelling of Tabqa dam district", "Missiles hit a camp near Idlib"}},
		{"the window bounds the place's history", sitrep.StoryQuery{Place: "Raqqa", From: date(2025, 3, 1, 0, 0)}, []string{
			"Air strikes hit a market in Raqqa", "Shelling of Tabqa dam district", "Car bomb in Raqqa, a week ago"}},
		{"an empty window", sitrep.StoryQuery{From: date(2025, 1, 1, 0, 0), To: date(2025, 2, 1, 0, 0)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := s.Stories(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(headlines(got), tt.want) {
				t.Errorf("Stories = %q; want %q", headlines(got), tt.want)
			}
			if total != len(tt.want) {
				t.Errorf("total = %d; want %d", total, len(tt.want))
			}
		})
	}
}

func TestStoriesPaging(t *testing.T) {
	s, _ := listFixture(t)
	all, total, err := s.Stories(ctx, lastDay)
	if err != nil || total != 5 || len(all) != 5 {
		t.Fatalf("Stories = %d stories, total %d, %v; want 5 of 5", len(all), total, err)
	}
	var paged []string
	for off := 0; off < 7; off += 2 {
		q := lastDay
		q.Limit, q.Offset = 2, off
		page, n, err := s.Stories(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n != 5 {
			t.Errorf("total at offset %d = %d; want 5 whatever the page", off, n)
		}
		if len(page) > 2 {
			t.Errorf("page at offset %d holds %d stories; want at most 2", off, len(page))
		}
		paged = append(paged, headlines(page)...)
	}
	if !slices.Equal(paged, headlines(all)) {
		t.Errorf("pages joined = %q; want %q", paged, headlines(all))
	}
}

func TestStoriesOmitReportsOnly(t *testing.T) {
	s, ids := listFixture(t)
	q := lastDay
	q.Place = "Ankara"
	got, _, err := s.Stories(ctx, q)
	if err != nil || len(got) != 1 {
		t.Fatalf("Stories = %v, %v; want the Ankara meeting", got, err)
	}
	want, err := s.Story(ctx, ids["Turkish and Syrian foreign ministers meet in Ankara"])
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Reports) == 0 || got[0].Reports != nil {
		t.Errorf("reports: stored %d, listed %d; want them stored and left out of the listing", len(want.Reports), len(got[0].Reports))
	}
	want.Reports = nil
	if fmt.Sprintf("%+v", got[0]) != fmt.Sprintf("%+v", want) {
		t.Errorf("listed story =\n%+v\nwant\n%+v", got[0], want)
	}
}

// A story that changes is found by its new update time and names, never by
// its old ones.
func TestStoriesFollowUpdates(t *testing.T) {
	s, ids := listFixture(t)
	old, err := s.Story(ctx, ids["Car bomb in Raqqa, a week ago"])
	if err != nil {
		t.Fatal(err)
	}
	old.Updated = date(2025, 3, 14, 11, 30)
	old.Place = sitrep.Place{Name: "Tabqa", Admin: "Raqqa Governorate", Country: "Syria"}
	old.Perpetrators = []string{"Islamic State", "Syrian Democratic Forces"}
	if err := s.SaveStory(ctx, &old); err != nil {
		t.Fatal(err)
	}
	q := lastDay
	q.Place, q.Actor = "Tabqa", "democratic"
	got, total, err := s.Stories(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(got) != 1 || got[0].ID != old.ID {
		t.Errorf("after the update: %q (total %d); want the car bomb", headlines(got), total)
	}
	q = sitrep.StoryQuery{From: date(2025, 3, 7, 0, 0), To: date(2025, 3, 8, 0, 0)}
	if got, _, _ := s.Stories(ctx, q); len(got) != 0 {
		t.Errorf("the old update time still finds %q", headlines(got))
	}
}

// TestMigrationIndexesStoredStories upgrades a database written before
// listings existed and checks its stories are found by update time and by
// the countries they involve.
func TestMigrationIndexesStoredStories(t *testing.T) {
	db, err := sql.Open("sqlite", dsn(":memory:", true, false))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	s := &SQLite{path: ":memory:", now: time.Now, w: newConns(db)}
	s.r = s.w
	defer s.Close()
	ms, _ := migrations(migrationFiles)
	first := fstest.MapFS{"migrations/" + ms[0].name: {Data: []byte(ms[0].sql)}}
	if err := s.migrate(ctx, first); err != nil {
		t.Fatal(err)
	}
	updated := fmtTime(date(2025, 3, 14, 9, 0))
	for _, stmt := range []string{
		`INSERT INTO stories (id, category, kind, updated, data) VALUES (7, 'development', 'meeting', '` + updated + `',
			'{"place":{"name":"Doha"},"countries":["Qatar"," "],"participants":[{"name":"Envoy","country":"Lebanon"},{"name":"Aide"}]}')`,
		`INSERT INTO story_names (kind, name, story_id) VALUES ('place', 'Doha', 7), ('actor', 'Envoy', 7)`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.migrate(ctx, migrationFiles); err != nil {
		t.Fatal(err)
	}
	for _, q := range []sitrep.StoryQuery{{Place: "doha"}, {Actor: "envoy"}, {Actor: "Qatar"}, {Actor: "lebanon"}} {
		q.From, q.To = date(2025, 3, 14, 0, 0), date(2025, 3, 15, 0, 0)
		got, total, err := s.Stories(ctx, q)
		if err != nil || total != 1 || len(got) != 1 || got[0].ID != 7 {
			t.Errorf("after migrating, Stories(%+v) = %v (total %d), %v; want story 7", q, got, total, err)
		}
	}
	var blank int
	db.QueryRow(`SELECT count(*) FROM story_names WHERE trim(name) = '' OR updated IS NULL`).Scan(&blank)
	if blank != 0 {
		t.Errorf("%d name rows are blank or lack an update time", blank)
	}
}
