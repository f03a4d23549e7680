package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// storyOfSchema3 is a story's data column as stores of schema version 3
// wrote it: ranges under killed, civilians, children, women and wounded
// beside a flat list of figures.
const storyOfSchema3 = `{"place":{"name":"Raqqa","admin":"Raqqa Governorate","country":"Syria","lat":35.95,"lon":39.01,"key":"raqqa"},
"perpetrators":["Syrian government"],"target":"Islamic State",
"killed":{"min":63,"max":95},"civilians":{"min":36,"max":36},"children":{"min":5,"max":5},"women":{"min":2,"max":2},
"figures":[{"what":"killed","value":63,"qualifier":"at least","attributed_to":"Syrian Observatory for Human Rights","outlet":"Reuters","url":"https://r.example/1","sentence":"At least 63 people were killed."},
{"what":"killed","value":95,"outlet":"AFP","url":"https://a.example/2"},
{"what":"civilians_killed","value":36,"outlet":"AFP","url":"https://a.example/2"},
{"what":"children_killed","value":5,"outlet":"AFP","url":"https://a.example/2"},
{"what":"fighters_killed","value":20,"outlet":"AFP","url":"https://a.example/2"},
{"what":"wounded","vague":"dozens","outlet":"Reuters","url":"https://r.example/1"}],
"sources":[{"article_id":"r1","outlet":"Reuters","title":"Raqqa raids","url":"https://r.example/1","published":"2014-11-26T09:30:00Z"}],
"reports":[{"id":"r1/0","category":"incident","kind":"airstrike","source":{"article_id":"r1","outlet":"Reuters","url":"https://r.example/1","published":"2014-11-26T09:30:00Z"},
"day":"2014-11-25T00:00:00Z","place":{"name":"Raqqa","country":"Syria"},"figures":[{"what":"killed","value":63}],"sentences":["At least 63 people were killed."],"confidence":0.9}],
"headline":"Air strikes on Raqqa","summary":"Air strikes on Raqqa.","quote":"At least 63 people were killed.","keys":["place:raqqa"]}`

// TestStoryOfSchema3Loads: a story saved before the ranges took the
// briefing's keys loads with every range and figure after migrating.
func TestStoryOfSchema3Loads(t *testing.T) {
	s := openTemp(t)
	_, err := s.w.db.Exec(`INSERT INTO stories (id, category, kind, day, place_key, facts_hash, score, created, updated, data)
		VALUES (7, 'incident', 'airstrike', ?, 'raqqa', 'h', 1.5, ?, ?, ?)`,
		fmtTime(time.Date(2014, 11, 25, 0, 0, 0, 0, time.UTC)), fmtTime(time.Date(2014, 11, 26, 10, 0, 0, 0, time.UTC)),
		fmtTime(time.Date(2014, 11, 26, 11, 0, 0, 0, time.UTC)), storyOfSchema3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.db.Exec(`DELETE FROM schema_migrations WHERE version > 3`); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx, migrationFiles); err != nil {
		t.Fatal(err)
	}
	var old, renamed int
	err = s.w.db.QueryRow(`SELECT json_type(data, '$.civilians') IS NOT NULL, json_extract(data, '$.children_killed.max') FROM stories WHERE id = 7`).Scan(&old, &renamed)
	if err != nil || old != 0 || renamed != 5 {
		t.Errorf("after migrating: old key kept %d, children_killed.max %d, %v", old, renamed, err)
	}
	st, err := s.Story(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	for what, want := range map[string]*sitrep.Range{
		sitrep.FigureKilled: {Min: 63, Max: 95}, sitrep.FigureCivilians: {Min: 36, Max: 36}, sitrep.FigureChildren: {Min: 5, Max: 5},
		sitrep.FigureFighters: {Min: 20, Max: 20}, sitrep.FigureWomen: {Min: 2, Max: 2}, sitrep.FigureWounded: nil,
	} {
		if got := st.Tolls.Range(what); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %+v, want %+v", what, got, want)
		}
	}
	figs := st.Tolls.Figures()
	if len(figs) != 6 || figs[0].Sentence != "At least 63 people were killed." || figs[5].Vague != "dozens" {
		t.Errorf("figures = %+v", figs)
	}
	if st.Place.Key != "raqqa" || st.Place.Lat != 35.95 || st.Sources[0].ArticleID != "r1" || st.Target != "Islamic State" ||
		len(st.Reports) != 1 || st.Reports[0].Place.Name != "Raqqa" || st.Reports[0].Figures[0].Value != 63 ||
		st.Quote == "" || st.Keys[0] != "place:raqqa" || st.Score != 1.5 {
		t.Errorf("story = %+v", st)
	}
}
