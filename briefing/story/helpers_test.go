package story

import (
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func place(name, admin, country string, lat, lon float64) sitrep.Place {
	return sitrep.Place{Name: name, Admin: admin, Country: country, Lat: lat, Lon: lon, Key: translit.Key(name)}
}

var (
	douma    = place("Douma", "Rif Dimashq Governorate", "Syria", 33.5711, 36.4019)
	harasta  = place("Harasta", "Rif Dimashq Governorate", "Syria", 33.5586, 36.3650)
	rifDim   = place("Rif Dimashq", "Rif Dimashq Governorate", "Syria", 33.5, 36.6)
	idlib    = place("Idlib", "Idlib Governorate", "Syria", 35.9306, 36.6339)
	sarmin   = place("Sarmin", "Idlib Governorate", "Syria", 35.9, 36.7167)
	syria    = sitrep.Place{Name: "Syria", Country: "Syria", Key: translit.Key("Syria")}
	amman    = place("Amman", "Amman Governorate", "Jordan", 31.9539, 35.9106)
	moscow   = place("Moscow", "Moscow", "Russia", 55.7558, 37.6173)
	unnamedA = place("Tell Abyad", "Idlib Governorate", "Syria", 35.9306, 36.6339) // province coordinates
)

func src(id, outlet, published string) sitrep.Source {
	return sitrep.Source{ArticleID: id, Outlet: outlet, Title: outlet + " report " + id, URL: "https://" + id + ".example/story", Published: at(published)}
}

// incident is a shorthand for an incident event.
func incident(id string, s sitrep.Source, kind sitrep.Kind, p sitrep.Place, d time.Time, perp string, figs ...sitrep.Figure) sitrep.Event {
	return sitrep.Event{ID: id, Category: sitrep.CategoryIncident, Kind: kind, Source: s, Day: d, Place: p, Perpetrator: perp, Figures: figs}
}

func development(id string, s sitrep.Source, kind sitrep.Kind, p sitrep.Place, d time.Time, people ...sitrep.Person) sitrep.Event {
	var countries []string
	for _, q := range people {
		if q.Country != "" {
			countries = append(countries, q.Country)
		}
	}
	return sitrep.Event{ID: id, Category: sitrep.CategoryDevelopment, Kind: kind, Source: s, Day: d, Place: p, Participants: people, Countries: countries}
}

func killed(n int, by string) sitrep.Figure {
	return sitrep.Figure{What: sitrep.FigureKilled, Value: n, AttributedTo: by}
}

func civilians(n int, by string) sitrep.Figure {
	return sitrep.Figure{What: sitrep.FigureCivilians, Value: n, AttributedTo: by}
}

func person(name, role, country string) sitrep.Person {
	return sitrep.Person{Name: name, Role: role, Country: country}
}
