package extract

import (
	"time"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// clauseDay reads the day a clause's incident happened: the clause's own
// date, else the publication day. A date that says when something was
// said ("police said on Monday") or when a toll was revised ("the toll
// rose to 11 on Sunday") is the report's, not the incident's: it counts
// only when the clause names no other, and then as a guess a later
// sentence may correct. "On Sunday, a day after the attack" puts the
// incident a day before the clause's date.
func (x *Extractor) clauseDay(d *doc, c clause) (time.Time, bool) {
	s := c.s
	day, known := d.pub, false
	var said time.Time
	for _, dt := range s.dates {
		if dt.First < c.lo || dt.First >= c.hi || dt.Coarse || !inWindow(dt.Day, d.pub) {
			continue
		}
		if reportDate(s.toks, dt.First) {
			if said.IsZero() {
				said = dt.Day
			}
			continue
		}
		day, known = dt.Day, true
		break
	}
	if !known && !said.IsZero() {
		day = said
	}
	if c.back > 0 {
		day, known = day.AddDate(0, 0, -c.back), true
	}
	if c.relative {
		day = d.pub.AddDate(0, 0, -c.offset)
	}
	return day, known
}

// sayingVerbs before a date make it the day something was said.
var sayingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "reported": true, "announced": true, "added": true, "stated": true,
	"confirmed": true, "tweeted": true, "wrote": true, "posted": true, "claimed": true, "reports": true, "tells": true,
}

// revisionVerbs before "to" and a number say a toll was revised: "rose to 11".
var revisionVerbs = map[string]bool{
	"rose": true, "risen": true, "climbed": true, "reached": true, "jumped": true, "increased": true, "mounted": true,
	"rises": true, "climbs": true, "jumps": true, "increases": true, "raised": true, "revised": true, "updated": true,
}

// reportDate reports whether the date at token first is the day a
// statement was made ("said on Monday", "told AFP on Sunday", "told
// reporters late Tuesday") or a toll revised ("rose to 11 on Sunday").
func reportDate(toks []text.Token, first int) bool {
	k := first - 1
	for k >= 0 && toks[k].Is("on", "late", "early", "this", "last") {
		k--
	}
	if k < 0 {
		return false
	}
	if sayingVerbs[toks[k].Norm] {
		return true
	}
	// "told AFP on Sunday", "told reporters on Monday".
	if k > 0 && sayingVerbs[toks[k-1].Norm] && (toks[k].Capitalised() || toks[k].Is("reporters", "journalists", "media")) {
		return true
	}
	// "rose to 11 on Sunday", "climbed to 58 on Friday".
	if toks[k].Kind == text.Digits || text.IsNumberWord(toks[k].Norm) {
		if k > 1 && toks[k-1].Is("to") && revisionVerbs[toks[k-2].Norm] {
			return true
		}
		if k > 0 && toks[k-1].Is("reached", "hit") {
			return true
		}
	}
	return false
}

// incidentNouns name an incident when referred back to: "a day after the
// attack".
var incidentNouns = map[string]bool{
	"attack": true, "attacks": true, "strike": true, "strikes": true, "bombing": true, "blast": true, "explosion": true,
	"shelling": true, "raid": true, "raids": true, "massacre": true, "ambush": true, "airstrike": true, "airstrikes": true,
}

// afterIncident reports whether the words from i refer back to an
// incident and end the clause there: "the attack,", "the strike.", "the
// deadly blast".
func afterIncident(toks []text.Token, i int) bool {
	if i >= len(toks) || !toks[i].Is("the", "a", "an", "that", "this", "saturday's", "sunday's", "monday's", "tuesday's", "wednesday's", "thursday's", "friday's") {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if incidentNouns[toks[k].Norm] {
			return k+1 >= len(toks) || toks[k+1].Kind == text.Punct || toks[k+1].Is("as", "and", "when", "that", "which", "in")
		}
	}
	return false
}
