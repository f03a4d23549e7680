package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/feeds"
)

func main() {
	files, _ := filepath.Glob("/work/shared/eval/fakes/feeds/*")
	x := extract.Default()
	g := places.Default()
	for _, f := range files {
		p, err := feeds.ParseFile(f, time.Now())
		if err != nil {
			panic(err)
		}
		for _, a := range p.Articles {
			hit := false
			for _, w := range os.Args[1:] {
				if strings.Contains(strings.ToLower(a.Title), strings.ToLower(w)) || a.Link == w {
					hit = true
				}
			}
			if !hit {
				continue
			}
			fmt.Println("=====", a.Link, a.Title)
			txt := a.Title + "\n" + strings.Join(a.Paragraphs, "\n")
			for _, m := range g.Find(txt, places.Hint{}) {
				fmt.Printf("  M %-8s %q -> %s | %s | %s\n", m.Kind, m.Text, m.Place.Name, m.Place.Admin, m.Place.Country)
			}
			for _, e := range x.Extract(a) {
				if e.Category != "incident" {
					continue
				}
				fmt.Printf("  E %s %s %s | %s | %v\n", e.Kind, e.Day.Format("2006-01-02"), e.Place.Name, e.Place.Admin, e.Figures)
				if len(e.Sentences) > 0 {
					fmt.Printf("     %.200s\n", e.Sentences[0])
				}
			}
		}
	}
}
