// Command fit fits the confidence model of briefing/extract on the
// development sets in ../shared/eval: every incident extracted from their
// articles is labelled real when the gold lists it for that article and
// place (seeds, wire2016) or when it lies in the article's labelled
// governorate (FA-KES), and a logistic regression over the incidents'
// evidence is fitted to those labels. It writes the weights as
// data/confidence.tsv and prints, for each threshold, how many kept
// incidents are real and how many real ones are kept, to choose the
// briefing's threshold.
//
// Run from the repository root:
//
//	go run ./briefing/extract/internal/fit [-eval ../shared/eval] [-o briefing/extract/data/confidence.tsv]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/extract/internal/evalset"
	"github.com/sitrep-bot/sitrep/feeds"
)

func main() {
	evalDir := flag.String("eval", "../shared/eval", "the evaluation folder")
	out := flag.String("o", "briefing/extract/data/confidence.tsv", "where to write the weights")
	flag.Parse()
	var samples []sample
	for _, set := range []struct {
		feeds string
		label func(url string) (labeller, bool)
	}{
		{"feeds/*", goldLabels(filepath.Join(*evalDir, "seeds.json"))},
		{"wire2016/feeds/*", goldLabels(filepath.Join(*evalDir, "wire2016", "manifest.json"))},
		{"fakes/feeds/*", fakesLabels(filepath.Join(*evalDir, "fakes", "gold.csv"))},
	} {
		paths, _ := filepath.Glob(filepath.Join(*evalDir, set.feeds))
		n, first := 0, len(samples)
		for _, path := range paths {
			p, err := feeds.ParseFile(path, time.Now())
			if err != nil {
				log.Fatal(err)
			}
			for _, a := range p.Articles {
				label, ok := set.label(a.Source().URL)
				if !ok {
					continue
				}
				for _, e := range extract.Default().Extract(a) {
					if e.Category == sitrep.CategoryIncident {
						samples = append(samples, sample{evidence: e.Evidence, real: label(e.Place)})
						n++
					}
				}
			}
		}
		// Each set weighs as much as another, so the many Syrian
		// casualty reports do not drown the wire copy of other wars.
		for i := first; i < len(samples); i++ {
			samples[i].weight = 1 / float64(n)
		}
		log.Printf("%s: %d incidents", set.feeds, n)
	}
	names := evidenceNames(samples)
	bias, w := fitLogistic(samples, names)
	threshold := report(samples, bias, w, names)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(f, "# Weights of the confidence model (logistic regression over the evidence")
	fmt.Fprintln(f, "# names of confidence.go), written by `go run ./briefing/extract/internal/fit`.")
	fmt.Fprintf(f, "bias\t%.3f\n", bias)
	fmt.Fprintf(f, "threshold\t%.2f\n", threshold)
	for i, n := range names {
		fmt.Fprintf(f, "%s\t%.3f\n", n, w[i])
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// report prints, for each threshold, how many kept incidents are real and
// how many real ones are kept (each set weighing the same), and returns the threshold of the best
// F0.5: precision counts twice as much as recall, since a reader who meets
// one invented attack stops trusting the briefing.
func report(ss []sample, bias float64, w []float64, names []string) float64 {
	best, bestF := 0.0, -1.0
	total := 0.0
	for _, s := range ss {
		total += s.weight
	}
	for t := 0.10; t < 0.951; t += 0.05 {
		kept, real, keptReal := 0.0, 0.0, 0.0
		for _, s := range ss {
			if s.real {
				real += s.weight
			}
			if predict(bias, w, names, s.evidence) >= t {
				kept += s.weight
				if s.real {
					keptReal += s.weight
				}
			}
		}
		p, r := ratio(keptReal, kept), ratio(keptReal, real)
		f := 0.0
		if p+r > 0 {
			f = 1.25 * p * r / (0.25*p + r)
		}
		if f > bestF {
			best, bestF = t, f
		}
		fmt.Printf("threshold %.2f: keeps %.0f%% of the incidents, %.0f%% of them real, %.0f%% of the real ones (F0.5 %.3f)\n",
			t, 100*kept/total, 100*p, 100*r, f)
	}
	fmt.Printf("chosen threshold %.2f\n", best)
	return best
}

type sample struct {
	evidence []string
	real     bool
	weight   float64
}

// A labeller says whether an incident placed at p is one the gold lists
// for its article.
type labeller func(p sitrep.Place) bool

func evidenceNames(ss []sample) []string {
	var names []string
	for _, s := range ss {
		for _, n := range s.evidence {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}

// fitLogistic fits weights by gradient descent on the mean log loss with a
// little L2 shrinkage, so evidence seen rarely keeps a small weight.
func fitLogistic(ss []sample, names []string) (float64, []float64) {
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	bias, w := 0.0, make([]float64, len(names))
	const rate, l2 = 0.5, 0.001
	for iter := 0; iter < 5000; iter++ {
		gb, gw, n := 0.0, make([]float64, len(w)), 0.0
		for _, s := range ss {
			y := 0.0
			if s.real {
				y = 1
			}
			d := s.weight * (predict(bias, w, names, s.evidence) - y)
			gb += d
			for _, e := range s.evidence {
				gw[idx[e]] += d
			}
			n += s.weight
		}
		bias -= rate * gb / n
		for i := range w {
			w[i] -= rate * (gw[i]/n + l2*w[i])
		}
	}
	return bias, w
}

func predict(bias float64, w []float64, names []string, evidence []string) float64 {
	z := bias
	for _, e := range evidence {
		if i, ok := slices.BinarySearch(names, e); ok {
			z += w[i]
		}
	}
	return 1 / (1 + math.Exp(-z))
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// goldLabels reads a gold file in the form of seeds.json: an incident is
// real when a gold incident lists its article and names its place.
func goldLabels(path string) func(string) (labeller, bool) {
	var g struct {
		Articles []struct {
			ID  string `json:"id"`
			URL string `json:"url"`
		} `json:"articles"`
		Incidents []struct {
			Articles []string `json:"articles"`
			Place    []string `json:"place"`
			Area     []string `json:"area"`
		} `json:"incidents"`
	}
	body, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(body, &g)
	}
	if err != nil {
		log.Fatal(err)
	}
	byURL := map[string]string{}
	for _, a := range g.Articles {
		byURL[a.URL] = a.ID
	}
	return func(url string) (labeller, bool) {
		id, ok := byURL[url]
		if !ok {
			return nil, false
		}
		return func(p sitrep.Place) bool {
			for _, inc := range g.Incidents {
				if slices.Contains(inc.Articles, id) && evalset.HasAlias(p.Name+" "+p.Admin+" "+p.Country, append(inc.Place, inc.Area...)) {
					return true
				}
			}
			return false
		}, true
	}
}

// fakesLabels reads FA-KES' labels: an incident from a labelled article is
// real when it lies in the labelled governorate.
func fakesLabels(path string) func(string) (labeller, bool) {
	labels, err := evalset.Labels(path)
	if err != nil {
		log.Fatal(err)
	}
	gov := map[string]string{}
	for _, l := range labels {
		gov[l.URL] = l.Governorate
	}
	return func(url string) (labeller, bool) {
		g, ok := gov[url]
		if !ok {
			return nil, false
		}
		return func(p sitrep.Place) bool { return evalset.InGovernorate(p, g) }, true
	}
}
