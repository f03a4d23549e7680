// Package evalset reads names as the scorers of the shared evaluation sets
// compare them, so the extraction tests and the confidence fitting label
// events exactly as the scorers would.
package evalset

import (
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
)

// Governorates maps each FA-KES label to the spellings that stand for it.
var Governorates = map[string][]string{
	"aleppo":     {"aleppo", "halab"},
	"damascus":   {"damascus", "rif dimashq", "rural damascus", "damascus countryside", "reef damascus", "dimashq", "eastern ghouta", "ghouta"},
	"idlib":      {"idlib", "idleb"},
	"deir ezzor": {"deir ezzor", "deir ez zor", "deir al zor", "dayr az zawr", "deir el zour", "deir ezzour", "deir el zor", "deir al zour", "deir zor"},
	"raqqa":      {"raqqa", "raqa", "ar raqqah", "rakka", "al raqqa"},
	"homs":       {"homs", "hims"},
	"hasakeh":    {"hasakeh", "hasaka", "al hasakah", "hassakeh", "hasakah", "hassakah", "al hasakeh"},
	"hama":       {"hama", "hamah"},
	"daraa":      {"daraa", "deraa", "dara a", "dar a"},
	"lattakia":   {"latakia", "lattakia", "al ladhiqiyah", "latakiya"},
	"quneitra":   {"quneitra", "al qunaytirah", "qunaitra"},
	"tartous":    {"tartus", "tartous"},
}

var nonWord = regexp.MustCompile(`[^\w ]`)

// Norm lower-cases a name and keeps its words, padded with spaces so a
// whole word is found with strings.Contains.
func Norm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", " ", "'", " ", "-", " ").Replace(s)
	return " " + strings.Join(strings.Fields(nonWord.ReplaceAllString(s, " ")), " ") + " "
}

// HasAlias reports whether any alias occurs in s as whole words.
func HasAlias(s string, aliases []string) bool {
	t := Norm(s)
	for _, a := range aliases {
		if n := Norm(a); strings.TrimSpace(n) != "" && strings.Contains(t, n) {
			return true
		}
	}
	return false
}

// InGovernorate reports whether a place lies in a FA-KES governorate label.
func InGovernorate(p sitrep.Place, gov string) bool {
	aliases, ok := Governorates[gov]
	if !ok {
		aliases = []string{gov}
	}
	return HasAlias(p.Name+" | "+p.Admin, aliases)
}

// A Label is what FA-KES' readers said of one article with civilian deaths.
type Label struct {
	URL, Title, Governorate string
	Civilians, Children     int
}

// Labels reads FA-KES' gold.csv, keeping the articles labelled with
// civilian deaths, as its scorer does.
func Labels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var out []Label
	for _, r := range rows[1:] {
		civ, _ := strconv.Atoi(r[col["nb_civilians"]])
		kids, _ := strconv.Atoi(r[col["nb_children"]])
		if civ <= 0 {
			continue
		}
		out = append(out, Label{URL: r[col["url"]], Title: r[col["title"]], Governorate: r[col["location"]], Civilians: civ, Children: kids})
	}
	return out, nil
}
