package extract

import "github.com/sitrep-bot/sitrep/briefing/text"

// News is written as an inverted pyramid: the headline and the first
// sentences tell what happened, and the body adds figures, reactions and
// background (earlier attacks, war-long totals, history). So the lead's
// incidents are the article's news, and a body sentence adds an incident
// of its own only on strong evidence; otherwise it updates the lead's
// incidents or is background. This trades a little recall for far fewer
// false events, as event coders who code an article's lead do.

// leadSentences is how many body sentences after the headline make the lead.
const leadSentences = 2

// leadEnd returns the index of the first sentence past an article's lead:
// its headline and first leadSentences body sentences.
func leadEnd(d *doc) int {
	n := 0
	for _, s := range d.sents {
		if s.title {
			continue
		}
		if n++; n > leadSentences {
			return s.Index
		}
	}
	return len(d.sents)
}

// startsBodyIncident reports whether a clause past the lead that joins no
// incident already told reports one of its own: it says so ("Separately,",
// "In another attack,") and names a strong trigger or a toll, or the lead
// told no incident and the clause is the first to report one outright,
// with a word that says what happened and a toll.
func startsBodyIncident(cd candidate, evs []*event) bool {
	strong := cd.kind != "" && (cd.strength >= 2 || hasCounted(cd.figs))
	if cd.fresh {
		return strong
	}
	if ownIncident(cd, evs) {
		return true
	}
	return len(evs) == 0 && cd.strength >= 2 && hasCounted(cd.figs) && !cd.anaphor
}

// updatedByBody returns the incident a body clause that starts none adds
// to: the first one it can describe, where the clause names no other town
// and no other day. The clause gives it figures and, when the lead named
// only a country or a region, its place.
func updatedByBody(evs []*event, cd candidate) *event {
	for _, e := range evs {
		if !kindsCompatible(e, cd) || cd.dayKnown && e.dayKnown && !cd.day.Equal(e.Day) || cd.perp != "" && e.Perpetrator != "" && cd.perp != e.Perpetrator {
			continue
		}
		if cd.place == nil || cd.rank <= rankCountry || e.place == nil || samePlace(e.place, cd.place) {
			return e
		}
		if e.placeRank <= rankRegion && e.place.Place.Country == cd.place.Place.Country {
			return e
		}
	}
	return nil
}

// ownIncident reports whether a body clause reports an incident the lead
// did not: a sure word for an attack, a toll of the dead or wounded, a
// town or village of its own that no lead incident is in, and a day of its
// own or another country ("Across the border, Ukrainian shelling killed
// one man in the Russian town of Shebekino").
func ownIncident(cd candidate, evs []*event) bool {
	if cd.strength < 3 || cd.anaphor || cd.definite || cd.place == nil || cd.rank < rankCity || !hasCounted(cd.figs) {
		return false
	}
	abroad := true
	for _, e := range evs {
		if e.place == nil {
			continue
		}
		if samePlace(e.place, cd.place) || e.place.Place.Admin == cd.place.Place.Admin && e.place.Place.Country == cd.place.Place.Country {
			return false
		}
		abroad = abroad && e.place.Place.Country != cd.place.Place.Country
	}
	// Its own day, or another country: a round-up's other towns of the
	// same war, undated, are most often the lead's incident retold.
	return cd.dayKnown || abroad
}

// recalled reports whether a body clause tells of incidents other than the
// lead's: one it calls another or earlier ("after another car bomb in
// Ankara killed at least 30"), or a total it gives with no day ("Israeli
// forces have killed at least 177 Palestinians", "more than 165 have been
// killed", "the group claimed it had killed about 100"). A lead's "has
// killed" is the news; a body's is a tally or an older incident.
func recalled(cd candidate) bool {
	toks := cd.c.s.toks[cd.c.lo:cd.c.hi]
	for i, tk := range toks {
		if tk.Is("another", "previous", "earlier", "prior", "last") && i+1 < len(toks) && toks[i+1].Kind == text.Word && !toks[i+1].Is("week", "night", "month", "year") {
			return true
		}
	}
	if cd.dayKnown || cd.c.s.party != "" && cd.c.s.partyFrom < cd.c.hi {
		// A party's claim ("al-Shabaab said it had killed 23 soldiers")
		// is its account of the lead's incident, kept as a claim.
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].Is("have", "has", "had") {
			continue
		}
		next := toks[i+1]
		if next.Is("been") && i+2 < len(toks) {
			next = toks[i+2]
		}
		if next.Is("killed", "died", "wounded", "injured") {
			return true
		}
	}
	return false
}
