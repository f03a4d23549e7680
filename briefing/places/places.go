// Package places owns the gazetteer: countries, first-level regions and
// populated places with their coordinates and the spellings news uses, and
// finding place mentions in article text. Deciding which mention is where an
// event happened is left to the extractor.
//
// The data is GeoNames (cities of 500 people or more, first-level regions)
// and world-countries, generated into data/ by internal/gen, plus hand-kept
// tables beside it: aliases.tsv for the spellings news uses, stop.txt for
// place names that are usually words or people's names.
package places

import (
	"embed"
	"sync"

	sitrep "github.com/sitrep-bot/sitrep"
)

//go:generate go run ./internal/gen -out data

//go:embed data/countries.tsv data/admin1.tsv data/cities.tsv.gz data/aliases.tsv data/demonyms.tsv data/stop.txt data/common.txt data/person-words.txt data/org-words.txt data/function-words.txt
var dataFS embed.FS

// Mention kinds.
const (
	KindCountry = "country"
	KindRegion  = "region"
	KindCity    = "city"
	KindVillage = "village"
)

// A Hint is context that helps pick between places of one name.
type Hint struct {
	Country string // a country the article names, or the outlet's region; any name Country accepts
}

// A Mention is one place named in a text, with its byte offsets.
type Mention struct {
	Place sitrep.Place
	Text  string // the text as written
	Start int    // byte offset of the first byte
	End   int    // byte offset after the last byte
	Kind  string // KindCountry, KindRegion, KindCity or KindVillage
	// Unlisted is set for a village the gazetteer lacks, named by a cue
	// ("the Al-Tuffah neighbourhood of Gaza City") and placed at its
	// province: the place that locates it is the surer one.
	Unlisted bool
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the embedded data. It is loaded
// on first use, once, and shared: a Gazetteer is read-only.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := loadFS()
		if err != nil {
			// The embedded data is part of the binary and tested; failing to
			// read it is a build fault, not a runtime condition.
			panic("places: embedded gazetteer: " + err.Error())
		}
		defaultGaz = g
	})
	return defaultGaz
}

func loadFS() (*Gazetteer, error) {
	var src Sources
	files := []struct {
		name string
		dst  *[]byte
	}{
		{"data/countries.tsv", &src.Countries}, {"data/admin1.tsv", &src.Admin1},
		{"data/cities.tsv.gz", &src.Cities}, {"data/aliases.tsv", &src.Aliases},
		{"data/demonyms.tsv", &src.Demonyms}, {"data/stop.txt", &src.Stop}, {"data/common.txt", &src.Common},
		{"data/person-words.txt", &src.Persons}, {"data/org-words.txt", &src.Orgs},
		{"data/function-words.txt", &src.Function},
	}
	for _, f := range files {
		b, err := dataFS.ReadFile(f.name)
		if err != nil {
			return nil, err
		}
		*f.dst = b
	}
	return Load(src)
}
