package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// wireFacts is what one article of testdata/wire/wire.xml reports. The
// articles are fresh wire copy about conflicts other than Syria's, so the
// extractor is held to news in general. Perp "*" is not checked; a figure
// of -1 is not checked; 0 means none may be reported.
type wireFacts struct {
	link     string
	none     bool // the article reports no incident or development at all
	kind     sitrep.Kind
	place    string // the place's name, or "" to skip
	country  string
	day      string
	perp     string
	killed   int
	civ      int
	children int
	wounded  int
	// attrib lists figures with who gave them, "what=value@who": a figure of
	// that category and value attributed to one of the |-separated names
	// (whole words, any case); "-" for the outlet's own figure.
	attrib []string
	// Developments.
	people    []string
	countries []string
	topics    []string
	forbid    []string // people who must not be participants
}

var wireExpected = []wireFacts{
	{link: "w01", kind: "missile strike", place: "Zaporizhzhia", country: "Ukraine", day: "2023-11-07", perp: "Russian forces", killed: 4, civ: -1, children: 1, wounded: 17},
	{link: "w02", kind: sitrep.KindShelling, place: "Donetsk", country: "Ukraine", day: "2023-11-06", perp: "Ukrainian forces", killed: 3, civ: 3, children: -1, wounded: 8},
	{link: "w03", kind: "drone strike", place: "Izmail", country: "Ukraine", day: "2023-11-08", perp: "Russian forces", killed: -1, civ: -1, children: -1, wounded: 2},
	{link: "w04", kind: sitrep.KindAirstrike, place: "Nuseirat", country: "Palestine", day: "2023-11-08", perp: "Israeli army", killed: 9, civ: -1, children: 1, wounded: -1},
	{link: "w05", kind: "drone strike", place: "Bint Jbeil", country: "Lebanon", day: "2023-11-10", perp: "Israeli army", killed: 2, civ: -1, children: -1, wounded: -1},
	{link: "w06", kind: sitrep.KindAirstrike, place: "", country: "Yemen", day: "2017-03-12", perp: "Saudi-led coalition", killed: 6, civ: 6, children: 2, wounded: -1},
	{link: "w07", kind: sitrep.KindAttack, place: "Ardamata", country: "Sudan", day: "2023-11-04", perp: "Rapid Support Forces", killed: 23, civ: 23, children: -1, wounded: -1},
	{link: "w08", kind: sitrep.KindBombing, place: "Mogadishu", country: "Somalia", day: "2023-11-03", perp: "al-Shabaab", killed: 8, civ: -1, children: -1, wounded: 14},
	{link: "w09", kind: sitrep.KindClash, place: "Djibo", country: "Burkina Faso", day: "2023-11-09", perp: "*", killed: 11, civ: 0, children: -1, wounded: -1},
	{link: "w10", kind: sitrep.KindBombing, place: "Kirkuk", country: "Iraq", day: "2023-11-14", perp: "", killed: 3, civ: 0, children: -1, wounded: 2},
	{link: "w11", kind: sitrep.KindSuicideAttack, place: "Dera Ismail Khan", country: "Pakistan", day: "2023-11-13", perp: "Pakistani Taliban", killed: 5, civ: 0, children: -1, wounded: 12},
	{link: "w12", kind: sitrep.KindBombing, place: "Pul-e Khumri", country: "Afghanistan", day: "2023-11-17", perp: "Islamic State", killed: 7, civ: -1, children: -1, wounded: -1},
	{link: "w13", kind: sitrep.KindAirstrike, place: "Laiza", country: "Myanmar", day: "2023-10-09", perp: "Myanmar military", killed: 29, civ: -1, children: 11, wounded: -1},
	{link: "w14", kind: "drone strike", place: "Sinjar", country: "Iraq", day: "2023-11-16", perp: "Turkish army", killed: 4, civ: -1, children: -1, wounded: -1},
	{link: "w15", kind: sitrep.KindMeeting, place: "Tehran", country: "Iran", day: "2023-06-17", people: []string{"Faisal bin Farhan|Saudi Arabia", "Hossein Amirabdollahian|Iran"}, countries: []string{"Saudi Arabia", "Iran"}, topics: []string{"reopening of embassies"}},
	{link: "w16", kind: sitrep.KindPhoneCall, day: "2023-11-21", people: []string{"Tayyip Erdogan|Turkey", "Vladimir Putin|Russia"}, countries: []string{"Turkey", "Russia"}, topics: []string{"grain exports", "war in Gaza"}},
	{link: "w17", kind: sitrep.KindVisit, place: "Moscow", country: "Russia", day: "2023-09-18", people: []string{"Wang Yi|China", "Sergei Lavrov|Russia"}, countries: []string{"China", "Russia"}, topics: []string{"war in Ukraine"}},
	{link: "w18", kind: sitrep.KindSanctions, day: "2023-11-20", countries: []string{"Iran", "Russia"}},
	{link: "w19", kind: sitrep.KindArmsDeal, day: "2023-11-22", people: []string{"Mariusz Blaszczak|Poland"}, countries: []string{"Poland", "United States"}, topics: []string{"Apache"}},
	{link: "w20", kind: "drone strike", place: "El Fasher", country: "Sudan", day: "2023-11-26", perp: "", killed: 17, civ: 17, children: 4, wounded: -1},
	{link: "w21", kind: sitrep.KindBombing, place: "Spin Boldak", country: "Afghanistan", day: "2023-11-29", perp: "", killed: 6, civ: -1, children: -1, wounded: 9},
	{link: "w22", kind: sitrep.KindAbduction, place: "Kajuru", country: "Nigeria", day: "2023-12-03", perp: "*", killed: 0, civ: 0, children: -1, wounded: -1},
	{link: "w23", kind: sitrep.KindAgreement, place: "Doha", country: "Qatar", day: "2023-12-05", people: []string{"Mohammed bin Abdulrahman Al Thani|Qatar"}, countries: []string{"Qatar"}, topics: []string{"ceasefire"}},
	{link: "w24", kind: sitrep.KindAgreement, day: "2024-01-03", people: []string{"Volodymyr Zelenskiy|Ukraine"}, countries: []string{"Russia", "Ukraine", "United Arab Emirates"}, topics: []string{"prisoner"}},
	{link: "w25", kind: sitrep.KindPhoneCall, day: "2023-12-14", people: []string{"Subrahmanyam Jaishankar|India", "Hossein Amirabdollahian|Iran"}, countries: []string{"India", "Iran"}, topics: []string{"Red Sea"}},
	{link: "w26", kind: sitrep.KindMeeting, place: "Berlin", country: "Germany", day: "2024-03-15", people: []string{"Emmanuel Macron|France", "Olaf Scholz|Germany", "Donald Tusk|Poland"}, countries: []string{"France", "Germany", "Poland"}, topics: []string{"military aid"}},
	{link: "w27", kind: sitrep.KindClash, place: "Sake", country: "Democratic Republic of the Congo", day: "2024-01-22", perp: "*", killed: 12, civ: 0, children: -1, wounded: -1},
	{link: "w28", kind: sitrep.KindShelling, place: "", country: "Iraq", day: "2024-01-20", perp: "Islamic Resistance in Iraq", killed: 0, civ: 0, children: -1, wounded: 2},
	{link: "w29", kind: sitrep.KindAttack, place: "Bandiagara", country: "Mali", day: "2023-12-07", perp: "*", killed: 14, civ: 14, children: -1, wounded: -1},
	{link: "w30", kind: sitrep.KindClash, place: "Arauca", country: "Colombia", day: "2024-01-12", perp: "*", killed: 2, civ: 0, children: -1, wounded: -1},
	{link: "w31", kind: sitrep.KindVisit, place: "Cairo", country: "Egypt", day: "2024-02-07", people: []string{"Antony Blinken|United States", "Abdel Fattah al-Sisi|Egypt"}, countries: []string{"United States", "Egypt"}, topics: []string{"ceasefire"}},
}

// wireFloor is how many wire articles extraction gets right; a change may
// raise it, never lower it.
const wireFloor = 31

// checkWire returns what an article's events get wrong, nothing when they
// report its facts.
func checkWire(want wireFacts, evs []sitrep.Event) []string {
	if want.none {
		var bad []string
		for _, ev := range evs {
			bad = append(bad, fmt.Sprintf("unexpected %s at %q on %s", ev.Kind, ev.Place.Name, ev.Day.Format("2006-01-02")))
		}
		return bad
	}
	var e *sitrep.Event
	for i := range evs {
		if evs[i].Kind == want.kind {
			e = &evs[i]
			break
		}
	}
	if e == nil {
		var kinds []sitrep.Kind
		for _, ev := range evs {
			kinds = append(kinds, ev.Kind)
		}
		return []string{fmt.Sprintf("no %s event (got %v)", want.kind, kinds)}
	}
	return checkEvent(want, e)
}

// checkWireAny is checkWire for an article that reports several incidents
// of one kind: any event of the kind may carry the facts.
func checkWireAny(want wireFacts, evs []sitrep.Event) []string {
	var first []string
	seen := false
	for i := range evs {
		if evs[i].Kind != want.kind {
			continue
		}
		bad := checkEvent(want, &evs[i])
		if len(bad) == 0 {
			return nil
		}
		if !seen {
			first, seen = bad, true
		}
	}
	if !seen {
		return checkWire(want, evs)
	}
	return first
}

// checkEvent returns what one event gets wrong against an article's facts.
func checkEvent(want wireFacts, e *sitrep.Event) []string {
	var bad []string
	if want.place != "" && e.Place.Name != want.place {
		bad = append(bad, fmt.Sprintf("place %q, want %q", e.Place.Name, want.place))
	}
	if want.country != "" && e.Place.Country != want.country {
		bad = append(bad, fmt.Sprintf("country %q, want %q", e.Place.Country, want.country))
	}
	if got := e.Day.Format("2006-01-02"); got != want.day {
		bad = append(bad, fmt.Sprintf("day %s, want %s", got, want.day))
	}
	if e.Category == sitrep.CategoryIncident {
		if want.perp != "*" && e.Perpetrator != want.perp {
			bad = append(bad, fmt.Sprintf("perpetrator %q, want %q", e.Perpetrator, want.perp))
		}
		for _, f := range []struct {
			what string
			want int
		}{{sitrep.FigureKilled, want.killed}, {sitrep.FigureCivilians, want.civ}, {sitrep.FigureChildren, want.children}, {sitrep.FigureWounded, want.wounded}} {
			if f.want < 0 {
				continue
			}
			if got := largest(*e, f.what); got != f.want {
				bad = append(bad, fmt.Sprintf("%s %d, want %d", f.what, got, f.want))
			}
		}
		for _, a := range want.attrib {
			if msg := checkAttrib(a, e.Figures); msg != "" {
				bad = append(bad, msg)
			}
		}
		return bad
	}
	for _, p := range want.forbid {
		for _, q := range e.Participants {
			if q.Name == p {
				bad = append(bad, fmt.Sprintf("participant %s", p))
			}
		}
	}
	for _, p := range want.people {
		name, country, _ := strings.Cut(p, "|")
		found := false
		for _, q := range e.Participants {
			if q.Name == name {
				found = true
				if q.Country != country {
					bad = append(bad, fmt.Sprintf("%s of %q, want %q", name, q.Country, country))
				}
			}
		}
		if !found {
			bad = append(bad, fmt.Sprintf("no participant %s in %+v", name, e.Participants))
		}
	}
	for _, c := range want.countries {
		if !containsFold(e.Countries, c) {
			bad = append(bad, fmt.Sprintf("no country %s in %v", c, e.Countries))
		}
	}
	for _, tp := range want.topics {
		found := false
		for _, have := range e.Topics {
			found = found || strings.Contains(strings.ToLower(have), strings.ToLower(tp))
		}
		if !found {
			bad = append(bad, fmt.Sprintf("no topic %q in %q", tp, e.Topics))
		}
	}
	return bad
}

// checkAttrib checks one "what=value@who|who" expectation against an
// event's figures and says what is wrong, or "" when a figure matches.
func checkAttrib(spec string, fs []sitrep.Figure) string {
	fig, who, _ := strings.Cut(spec, "@")
	what, value, _ := strings.Cut(fig, "=")
	var got []string
	for _, f := range fs {
		if f.What != what || strconv.Itoa(f.Value) != value {
			continue
		}
		for _, w := range strings.Split(who, "|") {
			if w == "-" && f.AttributedTo == "" || w != "-" && hasWords(f.AttributedTo, w) {
				return ""
			}
		}
		got = append(got, f.AttributedTo)
	}
	if len(got) == 0 {
		return fmt.Sprintf("no %s figure of %s", what, value)
	}
	return fmt.Sprintf("%s %s by %q, want %s", what, value, got, who)
}

// hasWords reports whether the words of w appear in s in a row, in any case.
func hasWords(s, w string) bool {
	sw, ww := strings.Fields(strings.ToLower(s)), strings.Fields(strings.ToLower(w))
	for i := 0; i+len(ww) <= len(sw); i++ {
		if slices.Equal(sw[i:i+len(ww)], ww) {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// TestWireCopy holds extraction to fresh wire copy from many conflicts and
// to diplomacy beyond Syria's.
func TestWireCopy(t *testing.T) {
	holdToWire(t, "wire copy", "testdata/wire/wire.xml", wireExpected, wireFloor)
}

// holdToWire extracts each article of a wire set and checks it against its
// expected facts; an article with several rows (a round-up) must give each
// of them. It fails when fewer articles come out right than floor.
func holdToWire(t *testing.T, name, file string, expected []wireFacts, floor int) {
	t.Helper()
	arts := feedArticles(t, file)
	byLink := map[string]sitrep.Article{}
	for _, a := range arts {
		byLink[a.Link[strings.LastIndexByte(a.Link, '/')+1:]] = a
	}
	rows := map[string][]wireFacts{}
	var order []string
	for _, want := range expected {
		if rows[want.link] == nil {
			order = append(order, want.link)
		}
		rows[want.link] = append(rows[want.link], want)
	}
	pass := 0
	for _, link := range order {
		a, ok := byLink[link]
		if !ok {
			t.Fatalf("no article %s", link)
		}
		evs := Default().Extract(a)
		var bad []string
		for _, want := range rows[link] {
			if len(rows[link]) > 1 {
				bad = append(bad, checkWireAny(want, evs)...)
			} else {
				bad = append(bad, checkWire(want, evs)...)
			}
		}
		if len(bad) > 0 {
			t.Logf("%s %q: %s", link, a.Title, strings.Join(bad, "; "))
			continue
		}
		pass++
	}
	t.Logf("%s: %d/%d articles right", name, pass, len(order))
	if pass < floor {
		t.Errorf("%s: %d/%d articles right, fewer than the %d reached before", name, pass, len(order), floor)
	}
}
