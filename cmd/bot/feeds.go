package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/config"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/store"
)

const feedsSynopsis = `add URL [--name NAME] | list | remove ID|URL | check URL   [--config FILE]

  add     check the feed (a web page's advertised feed is found), then store it
  list    every feed with its health: last success, last error, disabled
  remove  forget a feed (articles already stored stay)
  check   fetch and parse one feed and say what it holds, or exactly why not`

func runFeeds(ctx context.Context, env *environment, args []string) error {
	fs := newFlags(env, "feeds", feedsSynopsis)
	path := configFlag(fs, env)
	name := fs.String("name", "", "outlet `name` to show instead of the feed's title (add)")
	noCheck := fs.Bool("no-check", false, "add without fetching the feed first (add)")
	if len(args) == 0 {
		fs.Usage()
		return errUsage
	}
	verb := args[0]
	if verb == "-h" || verb == "--help" || verb == "help" {
		return parse(fs, env, []string{"--help"})
	}
	if err := parse(fs, env, args[1:]); err != nil {
		return err
	}
	rest := fs.Args()
	need := map[string]int{"add": 1, "remove": 1, "check": 1, "list": 0}
	n, ok := need[verb]
	if !ok || len(rest) != n {
		fmt.Fprintf(env.stderr, "bot feeds: unknown or incomplete command %q\n", verb)
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(env, *path)
	if err != nil {
		return err
	}
	fetcher := feeds.NewFetcher(feedOptions(cfg.Feeds))
	if verb == "check" {
		return checkFeed(ctx, env, fetcher, rest[0])
	}
	st, err := store.Open(cfg.Database.Path)
	if err != nil {
		return err
	}
	defer st.Close()
	switch verb {
	case "add":
		return addFeed(ctx, env, st, fetcher, rest[0], *name, !*noCheck)
	case "remove":
		return removeFeed(ctx, env, st, rest[0])
	}
	return listFeeds(ctx, env, st)
}

// feedOptions maps the configuration onto the fetcher's and poller's options.
func feedOptions(c config.Feeds) feeds.Options {
	o := feeds.DefaultOptions()
	o.Timeout = c.Timeout
	o.MaxBodyBytes = c.MaxBodyBytes
	o.UserAgent = c.UserAgent
	o.AllowPrivateNetworks = c.AllowPrivateNetworks
	o.TeaserWords = c.TeaserWords
	o.NewFeedLookback = c.NewFeedLookback
	o.DefaultInterval = c.PollInterval
	o.MinInterval = c.MinInterval
	o.MaxBackoff = c.MaxBackoff
	o.MaxFailures = c.MaxFailures
	o.Concurrency = c.Concurrency
	o.PerHostConcurrency = c.PerHostConcurrency
	return o
}

func checkFeed(ctx context.Context, env *environment, fetcher *feeds.Fetcher, url string) error {
	report, err := fetcher.Check(ctx, url)
	if err != nil {
		return err
	}
	printReport(env, report)
	return nil
}

// printReport says what a feed holds, for an admin deciding to add it.
func printReport(env *environment, r *feeds.CheckReport) {
	fmt.Fprintf(env.stdout, "ok: %q, %d item(s) at %s", r.Title, r.Items, r.URL)
	if r.Discovered {
		fmt.Fprint(env.stdout, " (found through the page's feed link)")
	}
	fmt.Fprintln(env.stdout)
	for _, a := range r.Newest {
		fmt.Fprintf(env.stdout, "  %s  %s\n", when(a.Published), a.Title)
	}
}

func addFeed(ctx context.Context, env *environment, st *store.SQLite, fetcher *feeds.Fetcher, url, name string, check bool) error {
	u, err := feeds.CheckURL(url)
	if err != nil {
		return err
	}
	url = u.String()
	f := sitrep.Feed{URL: url, Outlet: name}
	if check {
		report, err := fetcher.Check(ctx, url)
		if err != nil {
			return err
		}
		f.URL, f.Title = report.URL, report.Title
	}
	added, err := st.AddFeed(ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "feed %d: %s (%s)\n", added.ID, added.Name(), added.URL)
	return nil
}

func removeFeed(ctx context.Context, env *environment, st *store.SQLite, ref string) error {
	var f sitrep.Feed
	var err error
	if id, convErr := strconv.ParseInt(ref, 10, 64); convErr == nil {
		f, err = st.Feed(ctx, id)
	} else {
		f, err = st.FeedByURL(ctx, ref)
	}
	if errors.Is(err, sitrep.ErrNotFound) {
		return fmt.Errorf("no feed %q (bot feeds list shows their IDs and URLs)", ref)
	}
	if err != nil {
		return err
	}
	if err := st.RemoveFeed(ctx, f.ID); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "removed feed %d: %s\n", f.ID, f.URL)
	return nil
}

func listFeeds(ctx context.Context, env *environment, st *store.SQLite) error {
	list, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(env.stdout, "no feeds: add one with bot feeds add URL")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSTATUS\tLAST SUCCESS\tLAST ERROR\tURL")
	for _, f := range list {
		status := "ok"
		switch {
		case f.Disabled:
			status = "disabled: " + f.DisabledReason
		case f.ErrorCount > 0:
			status = fmt.Sprintf("failing (%d)", f.ErrorCount)
		case f.LastSuccess.IsZero():
			status = "not polled yet"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Name(), status, when(f.LastSuccess), f.LastError, f.URL)
	}
	return tw.Flush()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}
