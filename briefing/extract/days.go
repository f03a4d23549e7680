package extract

import (
	"time"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// How surely a clause gives its incident's day.
const (
	dayGuessed = iota // the publication day, or a day something was said
	daySaid           // "police said on Monday": a guess a later sentence may correct
	dayStated         // a day the clause names
	dayTied           // a day named with the incident's own word: "the strike on Tuesday", "Monday's strike"
)

// clauseDay reads the day a clause's incident happened and how surely:
// the clause's own date, else the publication day. A date that says when
// something was said ("police said on Monday") or when a toll was revised
// ("the toll rose to 11 on Sunday") is the report's, not the incident's: it
// counts only when the clause names no other, and then as a guess a later
// sentence may correct. "On Sunday, a day after the attack" puts the
// incident a day before the clause's date. A date tied to the trigger at
// trig ("the strike on Tuesday afternoon") beats the clause's others; in a
// sentence about the aftermath only such a date counts.
func (x *Extractor) clauseDay(d *doc, c clause, trig int) (time.Time, int) {
	s := c.s
	day, rank := d.pub, dayGuessed
	var said time.Time
	after := x.aftermath(s, c)
	for _, dt := range s.dates {
		if dt.First < c.lo || dt.First >= c.hi || dt.Coarse || !inWindow(dt.Day, d.pub) {
			continue
		}
		if tiedDay(s, dt, trig) {
			day, rank = dt.Day, dayTied
			break
		}
		if reportDate(s.toks, dt.First) {
			if said.IsZero() {
				said = dt.Day
			}
			continue
		}
		if rank < dayStated && !after {
			day, rank = dt.Day, dayStated
		}
	}
	if rank < dayStated && !said.IsZero() {
		day, rank = said, daySaid
	}
	if c.back > 0 {
		day, rank = day.AddDate(0, 0, -c.back), max(rank, dayStated)
	}
	if c.relative {
		day = d.pub.AddDate(0, 0, -c.offset)
	}
	return day, rank
}

// tiedDay reports whether a date is stated with the incident word at trig:
// "the strike on Tuesday afternoon", "Monday's Israeli strike".
func tiedDay(s *sentence, dt text.Date, trig int) bool {
	if trig < 0 {
		return false
	}
	if dt.Last < trig {
		return trig-dt.Last <= 3 && possessive(s.toks[dt.Last].Text)
	}
	return dt.First > trig && dt.First <= trig+2 && s.toks[dt.First].Is("on")
}

// possessiveDay reports whether a day's possessive stands just before the
// trigger at trig: "Monday's strike", "Tuesday's Israeli attack".
func possessiveDay(s *sentence, trig int) bool {
	for _, dt := range s.dates {
		if dt.Last < trig && trig-dt.Last <= 3 && possessive(s.toks[dt.Last].Text) && !dt.Coarse {
			return true
		}
	}
	return false
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
