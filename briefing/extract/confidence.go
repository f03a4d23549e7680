package extract

import (
	"math"
	"strconv"
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
)

// Evidence an incident can rest on. Each is a yes-or-no fact about how the
// article tells it; the model weighs them.
const (
	evLead      = "lead"      // told in the headline or the first sentences
	evHeadline  = "headline"  // told in the headline itself
	evSure      = "sure-word" // a word that names the kind outright ("air strike", "car bomb")
	evToll      = "toll"      // a count of dead or wounded
	evSourced   = "sourced"   // a figure attributed to someone
	evTown      = "town"      // placed at a town or village
	evRegion    = "region"    // placed at a province or region only
	evDay       = "day"       // its day is stated
	evActor     = "actor"     // who did it is named
	evRetold    = "retold"    // more than one sentence tells it
	evMainLand  = "main-land" // in the country the article is mostly about
	evCivilians = "civilians" // civilians or a civilian site among its victims
)

// evidence lists what an incident rests on.
func (x *Extractor) evidence(d *doc, e *event) []string {
	var ev []string
	add := func(name string, ok bool) {
		if ok {
			ev = append(ev, name)
		}
	}
	add(evLead, e.first < d.lead)
	add(evHeadline, d.sents[e.first].title)
	add(evSure, e.strength >= 3)
	toll, sourced, civil := false, false, e.civilSite
	for _, f := range e.Figures {
		toll = toll || f.Value > 0 || f.Vague != ""
		sourced = sourced || f.AttributedTo != ""
		civil = civil || f.What == sitrep.FigureCivilians || f.What == sitrep.FigureChildren
	}
	add(evToll, toll)
	add(evSourced, sourced)
	add(evTown, e.placeRank >= rankCity)
	add(evRegion, e.placeRank == rankRegion)
	add(evDay, e.dayKnown)
	add(evActor, e.Perpetrator != "")
	add(evRetold, len(e.Sentences) > 1)
	add(evMainLand, d.hint != "" && e.Place.Country == d.hint)
	add(evCivilians, civil)
	return ev
}

// A model turns evidence into a confidence: a logistic regression whose
// weights are data (data/confidence.tsv), fitted on the development sets
// by briefing/extract/internal/fit.
type model struct {
	bias    float64
	weights map[string]float64
	// threshold is the confidence an incident needs to be briefed, chosen
	// on the development sets.
	threshold float64
}

// Threshold is the confidence an incident needs to be briefed on a
// schedule: below it, it is listed as unconfirmed.
func (x *Extractor) Threshold() float64 { return x.model.threshold }

// loadModel reads data/confidence.tsv: "bias", "threshold" and one row per
// evidence name with its weight.
func loadModel() model {
	m := model{weights: map[string]float64{}}
	for _, f := range lines("confidence.tsv") {
		if len(f) < 2 {
			continue
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			panic("extract: confidence.tsv: " + err.Error()) // a build defect, not input
		}
		switch f[0] {
		case "bias":
			m.bias = w
		case "threshold":
			m.threshold = w
		default:
			m.weights[f[0]] = w
		}
	}
	return m
}

// score is the model's probability that an event with this evidence is a
// real incident of the article's news.
func (m model) score(evidence []string) float64 {
	z := m.bias
	for _, name := range evidence {
		z += m.weights[name]
	}
	return 1 / (1 + math.Exp(-z))
}
