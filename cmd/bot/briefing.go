package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/render"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/store"
)

func runBriefing(ctx context.Context, env *environment, args []string) error {
	fs := newFlags(env, "briefing", "--feeds FILE[,FILE…] | --db PATH  [--from RFC3339] [--to RFC3339] [--format json|markdown]")
	files := fs.String("feeds", "", "comma-separated feed `files` (RSS, Atom or JSON Feed) to brief from")
	db := fs.String("db", "", "brief from the stories in this database `file` instead of feed files")
	from := fs.String("from", "", "start of the window, RFC 3339 (default: 24 hours before --to)")
	to := fs.String("to", "", "end of the window, RFC 3339 (default: now)")
	format := fs.String("format", "markdown", "output `format`: json or markdown")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if (*files == "") == (*db == "") {
		fmt.Fprintln(env.stderr, "bot briefing: give exactly one of --feeds or --db")
		fs.Usage()
		return errUsage
	}
	write, err := renderer(*format)
	if err != nil {
		return err
	}
	window, err := parseWindow(*from, *to, time.Now())
	if err != nil {
		return err
	}
	var b sitrep.Briefing
	if *files != "" {
		b, err = briefFiles(ctx, strings.Split(*files, ","), window)
	} else {
		b, err = briefStore(ctx, *db, window)
	}
	if err != nil {
		return err
	}
	return write(env.stdout, b)
}

// renderer picks the output format.
func renderer(format string) (func(io.Writer, sitrep.Briefing) error, error) {
	switch format {
	case "json":
		return render.JSON, nil
	case "markdown", "md":
		return render.Markdown, nil
	}
	return nil, fmt.Errorf("unknown --format %q: want json or markdown", format)
}

func parseWindow(from, to string, now time.Time) (briefing.Window, error) {
	w := briefing.Window{To: now}
	var err error
	if to != "" {
		if w.To, err = time.Parse(time.RFC3339, to); err != nil {
			return w, fmt.Errorf("--to %q is not an RFC 3339 time such as 2014-11-27T00:00:00Z", to)
		}
	}
	w.From = w.To.Add(-24 * time.Hour)
	if from != "" {
		if w.From, err = time.Parse(time.RFC3339, from); err != nil {
			return w, fmt.Errorf("--from %q is not an RFC 3339 time such as 2014-11-25T00:00:00Z", from)
		}
	}
	if !w.From.Before(w.To) {
		return w, fmt.Errorf("--from (%s) must be before --to (%s)", w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
	}
	return w, nil
}

// briefFiles runs the whole pipeline over feed files: parse them as the
// poller would, store each article once, and brief the ones published in
// the window from a throw-away store.
func briefFiles(ctx context.Context, files []string, w briefing.Window) (sitrep.Briefing, error) {
	st, err := store.Open(":memory:")
	if err != nil {
		return sitrep.Briefing{}, err
	}
	defer st.Close()
	var articles []sitrep.Article
	fetched := time.Now().UTC()
	for _, f := range files {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		parsed, err := feeds.ParseFile(f, fetched)
		if err != nil {
			return sitrep.Briefing{}, err
		}
		for _, a := range parsed.Articles {
			// One article carried by several feeds is briefed once.
			inserted, err := st.PutArticle(ctx, a)
			if err != nil {
				return sitrep.Briefing{}, err
			}
			if inserted {
				articles = append(articles, a)
			}
		}
	}
	return briefing.NewNewsroom(st, extract.Default(), func() time.Time { return w.To }).Brief(ctx, articles, w)
}

// briefStore composes from stories a running bot has stored.
func briefStore(ctx context.Context, path string, w briefing.Window) (sitrep.Briefing, error) {
	st, err := store.Open(path)
	if err != nil {
		return sitrep.Briefing{}, err
	}
	defer st.Close()
	return briefing.NewNewsroom(st, extract.Default(), time.Now).Compose(ctx, w)
}
