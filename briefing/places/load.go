package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// Sources are the tables a Gazetteer is built from, in the formats of the
// files in data/ (see README.md). Cities may be gzip-compressed. Any of them
// may be empty, which tests use to build small gazetteers.
type Sources struct {
	Countries []byte // iso2, name, lat, lon, other names (|), demonyms (|)
	Admin1    []byte // code (CC.NN), name, lat, lon, other name
	Cities    []byte // name, country, admin1, lat, lon, population, feature code, alternates (|)
	Aliases   []byte // alias, canonical, country[, region, lat, lon]
	Demonyms  []byte // demonym, country
	Stop      []byte // one name a line
	Common    []byte // one word a line
	Persons   []byte // first names and titles, one a line
	Orgs      []byte // words of organisations' and agencies' names, one a line
	Function  []byte // function words ("the", "its", "after"), one a line
}

// Name sources, strongest first.
const (
	srcAlias      = iota // the hand-kept alias table
	srcPrimary           // a country's, region's or place's own name
	srcAlternate         // a GeoNames alternate name
	srcRegionBase        // a region's name without "Governorate", "Province"...
)

// An entry is one place the gazetteer knows. It holds no pointers: its
// strings are spans of the gazetteer's text, so the garbage collector need
// not look inside the hundreds of thousands of entries. Place builds the
// sitrep.Place when a mention is returned.
type entry struct {
	name, key strRef // the place's name and its translit.Key
	admin     strRef // its first-level region's name, as sitrep.Place.Admin
	country   strRef // its country's name
	cc        strRef // ISO 3166-1 alpha-2
	code      strRef // GeoNames admin1 code, "SY.04"
	lat, lon  float64
	pop       int32
	seat      int8 // 3 national capital, 2 first-level seat, 1 second-level seat
	kind      kind
	curated   bool // named in the alias table
}

// A kind is what an entry is: a country, a region or a populated place.
type kind uint8

const (
	kCountry kind = iota
	kRegion
	kCity
)

var kindNames = [...]string{kCountry: KindCountry, kRegion: KindRegion, kCity: KindCity}

// A strRef is a string stored in the gazetteer's text: bytes [off, off+n).
// The zero strRef is the empty string.
type strRef struct{ off, n uint32 }

// A name is one spelling of an entry, as normalised words.
type name struct {
	text  strRef // normalised words joined by one space
	words int8
	src   int8
	entry int32
}

// A Gazetteer finds places by name. It is read-only once loaded and safe for
// concurrent use.
type Gazetteer struct {
	entries []entry
	text    string           // every string entries and names hold, end to end
	byFirst *multimap[name]  // first normalised word → spellings
	byKey   *multimap[int32] // transliteration key → well-known entries, for spellings not listed
	country map[string]int32 // ISO code → country entry
	region  map[string]int32 // admin1 code → region entry
	demonym map[string]int32 // normalised demonym → country entry
	// adjective maps a country entry to the adjective headlines use for
	// it: the first demonyms.tsv gives, else the first countries.tsv gives.
	adjective map[int32]string
	stop      map[string]bool // normalised
	common    map[string]bool // normalised
	persons   map[string]bool // normalised first names and titles
	orgs      map[string]bool // normalised words of organisations' names
	// function holds normalised function words, which are never a place
	// alone nor a village name's first word.
	function map[string]bool
	capital  map[string]int32 // ISO code → the country's capital city
	// capitalOf maps a country's name to its capital's, built on first use.
	capitalOnce sync.Once
	capitalOf   map[string]string
	// asWritten maps country names and demonyms exactly as the tables
	// write them ("Syria", "Syrian") to the country, so the common case
	// of Country costs one lookup and no normalisation.
	asWritten map[string]int32
	// byKeyAll maps the transliteration key of every populated place's own
	// name to its entries, for villages a cue marks whose spelling nobody
	// listed ("the village of Taduf" for Tadif). It is searched only within
	// the text's country, where a consonant skeleton is specific enough.
	byKeyAll *multimap[int32]
	maxWords int

	// While loading: text is written here, and short repeated strings
	// (country and region codes) are stored once.
	buf      *strings.Builder
	interned map[string]strRef
}

// str returns a string the gazetteer stores.
func (g *Gazetteer) str(r strRef) string { return g.text[r.off : r.off+r.n] }

// put stores s in the gazetteer's text.
func (g *Gazetteer) put(s string) strRef {
	if s == "" {
		return strRef{}
	}
	r := strRef{off: uint32(g.buf.Len()), n: uint32(len(s))}
	g.buf.WriteString(s)
	// The builder only appends, so earlier spans of text stay valid.
	g.text = g.buf.String()
	return r
}

// intern stores s once however often it is put.
func (g *Gazetteer) intern(s string) strRef {
	if r, ok := g.interned[s]; ok {
		return r
	}
	r := g.put(s)
	g.interned[s] = r
	return r
}

// place builds entry i's sitrep.Place. Its strings share the gazetteer's
// text, so this allocates nothing.
func (g *Gazetteer) place(i int32) sitrep.Place {
	e := &g.entries[i]
	return sitrep.Place{Name: g.str(e.name), Admin: g.str(e.admin), Country: g.str(e.country),
		Lat: e.lat, Lon: e.lon, Key: g.str(e.key)}
}

// Load builds a gazetteer from its tables.
func Load(src Sources) (*Gazetteer, error) {
	g := &Gazetteer{
		byFirst:   newMultimap[name](),
		byKey:     newMultimap[int32](),
		country:   map[string]int32{},
		region:    map[string]int32{},
		demonym:   map[string]int32{},
		adjective: map[int32]string{},
		stop:      map[string]bool{},
		common:    map[string]bool{},
		persons:   map[string]bool{},
		orgs:      map[string]bool{},
		function:  map[string]bool{},
		capital:   map[string]int32{},
		asWritten: map[string]int32{},
		byKeyAll:  newMultimap[int32](),
		buf:       &strings.Builder{},
		interned:  map[string]strRef{},
	}
	steps := []struct {
		what string
		data []byte
		fn   func([]string) error
	}{
		{"countries", src.Countries, g.addCountry},
		{"admin1", src.Admin1, g.addRegion},
	}
	for _, s := range steps {
		if err := eachRow(s.data, s.what, s.fn); err != nil {
			return nil, err
		}
	}
	cities, err := gunzip(src.Cities)
	if err != nil {
		return nil, fmt.Errorf("places: cities: %w", err)
	}
	if err := eachRow(cities, "cities", g.addCity); err != nil {
		return nil, err
	}
	if err := g.addAliases(src.Aliases); err != nil {
		return nil, err
	}
	ownAdjective := map[int32]bool{}
	err = eachRow(src.Demonyms, "demonyms", func(col []string) error {
		i, ok := g.lookupCountry(field(col, 1))
		if !ok || field(col, 0) == "" {
			return fmt.Errorf("unknown country %q", field(col, 1))
		}
		if !ownAdjective[i] {
			ownAdjective[i] = true
			g.adjective[i] = field(col, 0)
		}
		// The table settles adjectives several countries claim ("French"
		// for France, not its southern territories).
		g.demonym[normText(field(col, 0))] = i
		g.asWritten[field(col, 0)] = i
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range lines(src.Stop) {
		g.stop[normText(l)] = true
	}
	for _, l := range lines(src.Common) {
		g.common[normText(l)] = true
	}
	for _, l := range lines(src.Persons) {
		g.persons[normText(l)] = true
	}
	for _, l := range lines(src.Orgs) {
		g.orgs[normText(l)] = true
	}
	for _, l := range lines(src.Function) {
		g.function[normText(l)] = true
	}
	g.freeze()
	return g, nil
}

// freeze packs the indexes and the text for reading; the gazetteer is
// read-only after.
func (g *Gazetteer) freeze() {
	g.byFirst.freeze()
	g.byKey.freeze()
	g.byKeyAll.freeze()
	// The builder's spare capacity would be held for good.
	g.text = strings.Clone(g.text)
	g.buf, g.interned = nil, nil
}

func gunzip(b []byte) ([]byte, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func eachRow(b []byte, what string, fn func([]string) error) error {
	s := bufio.NewScanner(bytes.NewReader(b))
	s.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; s.Scan(); n++ {
		l := s.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		if err := fn(strings.Split(l, "\t")); err != nil {
			return fmt.Errorf("places: %s line %d: %w", what, n, err)
		}
	}
	return s.Err()
}

func field(col []string, i int) string {
	if i < len(col) {
		return strings.TrimSpace(col[i])
	}
	return ""
}

func coords(col []string, i int) (lat, lon float64, err error) {
	if field(col, i) == "" {
		return 0, 0, nil
	}
	lat, err = strconv.ParseFloat(field(col, i), 64)
	if err == nil {
		lon, err = strconv.ParseFloat(field(col, i+1), 64)
	}
	if err != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q %q", field(col, i), field(col, i+1))
	}
	return lat, lon, nil
}

// add adds entry e named nm.
func (g *Gazetteer) add(nm string, e entry) int32 {
	e.name = g.put(nm)
	e.key = g.put(translit.Key(nm))
	g.entries = append(g.entries, e)
	return int32(len(g.entries) - 1)
}

// index adds one spelling of entry i.
func (g *Gazetteer) index(spelling string, i int32, src int8) {
	words := normWords(spelling)
	if len(words) == 0 || len(words) > 8 {
		return
	}
	text := strings.Join(words, " ")
	for n := g.byFirst.head(words[0]); n >= 0; n = g.byFirst.nodes[n].next {
		if v := &g.byFirst.nodes[n].v; v.entry == i && g.str(v.text) == text {
			v.src = min(v.src, src)
			return
		}
	}
	g.byFirst.push(words[0], name{text: g.put(text), words: int8(len(words)), src: src, entry: i})
	if len(words) > g.maxWords {
		g.maxWords = len(words)
	}
}

// indexKey makes entry i findable by transliteration key, for spellings
// nobody listed ("Deir Ezzour"). Only well-known places get this: across
// all of GeoNames a consonant skeleton is too loose.
func (g *Gazetteer) indexKey(spelling string, i int32) {
	k := translit.Key(spelling)
	if len(k) < 3 {
		return
	}
	for n := g.byKey.head(k); n >= 0; n = g.byKey.nodes[n].next {
		if g.byKey.nodes[n].v == i {
			return
		}
	}
	g.byKey.push(k, i)
}

func (g *Gazetteer) addCountry(col []string) error {
	if len(col) < 2 || len(field(col, 0)) != 2 || field(col, 1) == "" {
		return fmt.Errorf("want iso2 and name, got %q", col)
	}
	lat, lon, err := coords(col, 2)
	if err != nil {
		return err
	}
	nm := field(col, 1)
	i := g.add(nm, entry{lat: lat, lon: lon, kind: kCountry, cc: g.intern(field(col, 0))})
	g.entries[i].country = g.entries[i].name
	g.country[field(col, 0)] = i
	g.index(nm, i, srcPrimary)
	g.indexKey(nm, i)
	g.asWritten[nm] = i
	for _, o := range splitList(field(col, 4)) {
		g.index(o, i, srcPrimary)
		g.asWritten[o] = i
	}
	for _, d := range splitList(field(col, 5)) {
		g.demonym[normText(d)] = i
		g.asWritten[d] = i
		if _, ok := g.adjective[i]; !ok {
			g.adjective[i] = d
		}
	}
	return nil
}

// regionTypes are the words a region's name ends with that copy may write
// differently ("Raqqa Governorate", "Raqqa province") or leave out.
var regionTypes = map[string]bool{
	"governorate": true, "province": true, "oblast": true, "krai": true, "region": true,
	"district": true, "prefecture": true, "county": true, "department": true, "state": true,
	"municipality": true, "voivodeship": true, "city": true, "emirate": true, "republic": true,
}

// regionBase strips the type word: "Raqqa Governorate" → "Raqqa".
func regionBase(n string) string {
	f := strings.Fields(n)
	if len(f) > 1 && regionTypes[strings.ToLower(f[len(f)-1])] {
		return strings.Join(f[:len(f)-1], " ")
	}
	return strings.TrimPrefix(n, "Muhafazat ")
}

func (g *Gazetteer) addRegion(col []string) error {
	code, nm := field(col, 0), field(col, 1)
	cc, _, ok := strings.Cut(code, ".")
	if !ok || len(cc) != 2 || nm == "" {
		return fmt.Errorf("want code CC.NN and name, got %q", col)
	}
	lat, lon, err := coords(col, 2)
	if err != nil {
		return err
	}
	var country strRef
	if c, ok := g.country[cc]; ok {
		country = g.entries[c].name
	}
	i := g.add(nm, entry{country: country, lat: lat, lon: lon, kind: kRegion, cc: g.intern(cc), code: g.intern(code)})
	g.entries[i].admin = g.entries[i].name
	g.region[code] = i
	for _, n := range []string{nm, field(col, 4)} {
		if n == "" {
			continue
		}
		g.index(n, i, srcPrimary)
		g.index(regionBase(n), i, srcRegionBase)
		if v, ok := compassVariant(n); ok {
			g.index(v, i, srcPrimary)
			g.index(regionBase(v), i, srcRegionBase)
		}
	}
	return nil
}

// compassForms pairs the two ways news writes a compass word that opens a
// region's name: GeoNames has "Northern Darfur" and "North Kordofan", copy
// writes "North Darfur" and "Southern Kordofan" as often as not.
var compassForms = map[string]string{
	"North": "Northern", "Northern": "North", "South": "Southern", "Southern": "South",
	"East": "Eastern", "Eastern": "East", "West": "Western", "Western": "West",
}

// compassVariant returns a region's name with its opening compass word in
// the other form: "Northern Darfur" → "North Darfur". A name that is only
// the compass word and a type word ("Northern State", "Eastern Province")
// gets none: "North Province" is nobody's name for it.
func compassVariant(n string) (string, bool) {
	first, rest, ok := strings.Cut(n, " ")
	other, known := compassForms[first]
	if !ok || !known || regionTypes[strings.ToLower(rest)] {
		return "", false
	}
	return other + " " + rest, true
}

var seats = map[string]int8{"PPLC": 3, "PPLA": 2, "PPLA2": 1}

// alternateMinPop: a GeoNames alternate name is indexed for places at least
// this large outside the countries whose villages the data keeps; elsewhere
// alternates of small places are mostly other languages' spellings.
const keyMinPop = 100000

func (g *Gazetteer) addCity(col []string) error {
	if len(col) < 7 {
		return fmt.Errorf("want 8 columns, got %d", len(col))
	}
	lat, lon, err := coords(col, 3)
	if err != nil {
		return err
	}
	pop, err := strconv.Atoi(field(col, 5))
	if err != nil {
		return fmt.Errorf("bad population %q", field(col, 5))
	}
	cc, code := field(col, 1), field(col, 1)+"."+field(col, 2)
	e := entry{lat: lat, lon: lon, kind: kCity, cc: g.intern(cc), code: g.intern(code), pop: int32(min(pop, 1<<31-1)), seat: seats[field(col, 6)]}
	if c, ok := g.country[cc]; ok {
		e.country = g.entries[c].name
	}
	if r, ok := g.region[code]; ok {
		e.admin = g.entries[r].name
	}
	nm := field(col, 0)
	i := g.add(nm, e)
	g.index(nm, i, srcPrimary)
	for _, a := range splitList(field(col, 7)) {
		g.index(a, i, srcAlternate)
	}
	if pop >= keyMinPop || seats[field(col, 6)] >= 2 {
		g.indexKey(nm, i)
	}
	if c, ok := g.capital[cc]; seats[field(col, 6)] == 3 && (!ok || g.entries[c].pop < int32(pop)) {
		g.capital[cc] = i
	}
	if k := g.str(g.entries[i].key); len(k) >= 3 {
		g.byKeyAll.push(k, i)
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (g *Gazetteer) countryCode(s string) (string, bool) {
	if i, ok := g.asWritten[s]; ok {
		return g.str(g.entries[i].cc), true
	}
	if len(s) == 2 && strings.ToUpper(s) == s {
		if _, ok := g.country[s]; ok {
			return s, true
		}
	}
	if i, ok := g.lookupCountry(s); ok {
		return g.str(g.entries[i].cc), true
	}
	return "", false
}

// aliasGroup is the alias table's lines for one canonical place.
type aliasGroup struct {
	canon, cc string
	aliases   []string
	region    string
	lat, lon  float64
}

// addAliases adds the alias table. Each canonical name is found in the
// gazetteer within its country by any of its spellings, as a place, then as
// a region; failing both it is a place of its own in the region its lines
// name.
func (g *Gazetteer) addAliases(b []byte) error {
	var groups []*aliasGroup
	byCanon := map[string]*aliasGroup{}
	err := eachRow(b, "aliases", func(col []string) error {
		alias, canon := field(col, 0), field(col, 1)
		if alias == "" || canon == "" {
			return fmt.Errorf("want alias, canonical name and country, got %q", col)
		}
		cc, ok := g.countryCode(field(col, 2))
		if !ok {
			return fmt.Errorf("unknown country %q", field(col, 2))
		}
		lat, lon, err := coords(col, 4)
		if err != nil {
			return err
		}
		k := cc + "\t" + canon
		grp := byCanon[k]
		if grp == nil {
			grp = &aliasGroup{canon: canon, cc: cc}
			byCanon[k] = grp
			groups = append(groups, grp)
		}
		grp.aliases = append(grp.aliases, alias)
		if r := field(col, 3); r != "" {
			grp.region = r
		}
		if lat != 0 || lon != 0 {
			grp.lat, grp.lon = lat, lon
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, grp := range groups {
		if err := g.addAliasGroup(grp); err != nil {
			return fmt.Errorf("places: aliases: %s: %w", grp.canon, err)
		}
	}
	return nil
}

func (g *Gazetteer) addAliasGroup(grp *aliasGroup) error {
	i, ok := g.resolveCanonical(grp.canon, grp.aliases, grp.cc)
	if !ok {
		e := entry{country: g.entries[g.country[grp.cc]].name, kind: kCity, cc: g.intern(grp.cc)}
		if r, ok := g.lookupRegion(grp.region, grp.cc); ok {
			re := g.entries[r]
			e.admin, e.code, e.lat, e.lon = re.name, re.code, re.lat, re.lon
		} else if grp.region != "" {
			return fmt.Errorf("unknown region %q in %s", grp.region, grp.cc)
		}
		if grp.lat != 0 || grp.lon != 0 {
			e.lat, e.lon = grp.lat, grp.lon
		}
		i = g.add(grp.canon, e)
	}
	e := &g.entries[i]
	if e.kind == kCity && g.str(e.name) != grp.canon {
		// The alias table's canonical name is the one news uses.
		e.name = g.put(grp.canon)
		e.key = g.put(translit.Key(grp.canon))
	}
	e.curated = true
	for _, a := range append([]string{grp.canon}, grp.aliases...) {
		g.index(a, i, srcAlias)
		g.indexKey(a, i)
	}
	return nil
}

func (g *Gazetteer) resolveCanonical(canon string, aliases []string, cc string) (int32, bool) {
	if i, ok := g.lookupCountry(canon); ok && g.str(g.entries[i].cc) == cc {
		return i, true
	}
	spellings := append([]string{canon}, aliases...)
	pick := func(cands []int32) (int32, bool) {
		best, found := int32(0), false
		for _, c := range cands {
			e := g.entries[c]
			if g.str(e.cc) != cc || e.kind != kCity || e.curated {
				continue
			}
			if !found || placeWeight(&e) > placeWeight(&g.entries[best]) {
				best, found = c, true
			}
		}
		return best, found
	}
	// A place by any spelling, then a region, then a place by
	// transliteration key: "Kyiv" is the city, "Crimea" the region.
	var cands []int32
	for _, s := range spellings {
		for _, n := range g.exact(normWords(s)) {
			cands = append(cands, n.entry)
		}
	}
	if i, ok := pick(cands); ok {
		return i, true
	}
	for _, s := range spellings {
		if r, ok := g.lookupRegion(s, cc); ok {
			return r, true
		}
	}
	cands = cands[:0]
	for _, s := range spellings {
		cands = append(cands, g.byKey.get(translit.Key(s))...)
	}
	return pick(cands)
}

// lookupRegion finds a first-level region of country cc by any of its names.
func (g *Gazetteer) lookupRegion(s, cc string) (int32, bool) {
	if s == "" {
		return 0, false
	}
	for _, n := range g.exact(normWords(s)) {
		e := g.entries[n.entry]
		if e.kind == kRegion && g.str(e.cc) == cc {
			return n.entry, true
		}
	}
	return 0, false
}

func (g *Gazetteer) lookupCountry(s string) (int32, bool) {
	words := normWords(s)
	if i, ok := g.demonym[strings.Join(words, " ")]; ok {
		return i, true
	}
	for _, n := range g.exact(words) {
		if g.entries[n.entry].kind == kCountry {
			return n.entry, true
		}
	}
	return 0, false
}

// exact returns the spellings equal to words.
func (g *Gazetteer) exact(words []string) []name {
	if len(words) == 0 {
		return nil
	}
	text := strings.Join(words, " ")
	var out []name
	for _, n := range g.byFirst.get(words[0]) {
		if g.str(n.text) == text {
			out = append(out, n)
		}
	}
	return out
}

// rank orders places of one name when nothing else tells them apart.
func rank(e entry) int64 {
	return int64(e.seat)<<40 + int64(e.pop)
}

func normWords(s string) []string { return translit.Words(s) }

func normText(s string) string { return strings.Join(translit.Words(s), " ") }
