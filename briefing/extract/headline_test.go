package extract

import (
	"testing"

	"github.com/sitrep-bot/sitrep"
)

// TestBodyPlaceInsideHeadlineRegion: a headline names a broad area; the
// body's town, put inside a compass-named part of that area ("the capital
// of South Darfur state", "a town in North Sinai"), is where it happened.
func TestBodyPlaceInsideHeadlineRegion(t *testing.T) {
	cases := []struct {
		name, title, body string
		place, admin      string
	}{
		{"capital of a compass-named state", "Shelling of Darfur city kills 12",
			"Artillery shells slammed into a residential district of Nyala, the capital of South Darfur state, on Monday, killing 12 people, medics said.",
			"Nyala", "Southern Darfur"},
		{"town in a compass-named province", "Bomb kills five soldiers in Sinai",
			"A roadside bomb struck an army patrol in El Arish, the capital of Egypt's North Sinai province, on Tuesday, killing five soldiers, security sources said.",
			"Arish", "North Sinai"},
		{"town in a part the area is not pinned to", "Gunmen kill four police in Sinai",
			"Gunmen opened fire on a police checkpoint in El Tor, a town in South Sinai province, on Monday, killing four policemen, a security official said.",
			"El-Tor", "South Sinai"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := mustIncidents(t, c.title, c.body)
			if got := evs[0].Place; got.Name != c.place || got.Admin != c.admin {
				t.Errorf("placed at %q (%s), want %q (%s)", got.Name, got.Admin, c.place, c.admin)
			}
			if len(evs) != 1 {
				t.Errorf("%d incidents, want the headline's and the body's as one", len(evs))
			}
		})
	}
}

// TestBesideIsNotInside: a town "east of" a region lies beside it, so the
// headline's place stands.
func TestBesideIsNotInside(t *testing.T) {
	d := Default().read(article("", "Fighters massed near Ed Daein, east of South Darfur state, on Monday."))
	s := d.sents[0]
	var town, region *placeAt
	for i := range s.places {
		switch s.places[i].Place.Name {
		case "El Daein":
			town = &s.places[i]
		case "Southern Darfur":
			region = &s.places[i]
		}
	}
	if town == nil || region == nil {
		t.Fatalf("places %+v, want El Daein and Southern Darfur", s.places)
	}
	outer := &placeAt{nameKey: placeKey("Darfur")}
	outer.Place.Country = "Sudan"
	if placedWithin(s, town, outer) {
		t.Error(`"east of South Darfur" read as inside Darfur`)
	}
}

// TestHostedActorIsNotPerpetrator: the troops a struck base or convoy
// holds are what was hit, not who struck.
func TestHostedActorIsNotPerpetrator(t *testing.T) {
	cases := []struct{ name, title, body, hosted string }{
		{"base hosting troops", "Drones target Syrian base hosting Russian troops",
			"Several drones struck an air base in Latakia province on Sunday, wounding three servicemen, the defence ministry said.", "Russian forces"},
		{"convoy carrying soldiers", "Roadside bomb hits convoy carrying Turkish soldiers",
			"A roadside bomb struck a military convoy near the town of Afrin on Thursday, killing two soldiers, officials said.", "Turkish army"},
		{"post used by forces", "Mortars hit post used by Iraqi forces",
			"Mortar rounds landed on a checkpoint near Tikrit on Friday, wounding four policemen, police said.", "Iraqi forces"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := mustIncidents(t, c.title, c.body)
			if e := evs[0]; e.Perpetrator == c.hosted || e.Target != c.hosted {
				t.Errorf("perpetrator %q, target %q; want %q, hosted at the site, as the target", e.Perpetrator, e.Target, c.hosted)
			}
		})
	}
}

// TestClaimOutweighsHeadline: a group the body says claimed the attack is
// its perpetrator, over one the headline's few words suggest.
func TestClaimOutweighsHeadline(t *testing.T) {
	evs := mustIncidents(t, "Taliban attack on Jalalabad bank kills 9",
		"A bomb exploded outside a bank in Jalalabad on Wednesday, killing nine people and wounding 20, provincial officials said.",
		"Islamic State later claimed responsibility for the attack in a statement on its Amaq news agency.")
	if got := evs[0].Perpetrator; got != "Islamic State" {
		t.Errorf("perpetrator %q, want Islamic State, who claimed it", got)
	}
}

// mustIncidents extracts the incidents of an article and stops the test
// when there are none.
func mustIncidents(t *testing.T, title string, paragraphs ...string) []sitrep.Event {
	t.Helper()
	evs := incidents(Default().Extract(article(title, paragraphs...)))
	if len(evs) == 0 {
		t.Fatalf("no incident read from %q", paragraphs)
	}
	return evs
}
