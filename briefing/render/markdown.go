package render

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Section titles, after the Wikipedia Current Events Portal's.
const (
	titleIncidents    = "Armed conflicts and attacks"
	titleDevelopments = "International relations"
	titleAlso         = "Also reported"
)

// Markdown writes the briefing as Markdown: a heading per section, a
// headline, date and place line, summary, quote and linked sources per
// story, then one line per story also reported.
func Markdown(w io.Writer, b sitrep.Briefing) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Briefing%s\n", windowText(b.From, b.To))
	if len(b.Incidents)+len(b.Developments)+len(b.AlsoReported) == 0 {
		fmt.Fprintln(bw, "\nNothing new in this window.")
	}
	section := func(title string, stories []sitrep.BriefedStory) {
		if len(stories) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n## %s\n", title)
		for _, s := range stories {
			fmt.Fprintf(bw, "\n### %s%s\n\n", updateMark(s), escapeMarkdown(s.Headline))
			if line := datelineText(s.Story); line != "" {
				fmt.Fprintf(bw, "*%s*\n\n", escapeMarkdown(line))
			}
			fmt.Fprintf(bw, "%s\n", escapeMarkdown(s.Summary))
			if s.Quote != "" {
				fmt.Fprintf(bw, "\n> %s\n", escapeMarkdown(oneLine(s.Quote)))
			}
			if links := sourceLinks(s.Sources, escapeMarkdown); links != "" {
				fmt.Fprintf(bw, "\nSources: %s\n", links)
			}
		}
	}
	section(titleIncidents, b.Incidents)
	section(titleDevelopments, b.Developments)
	if len(b.AlsoReported) > 0 {
		fmt.Fprintf(bw, "\n## %s\n\n", titleAlso)
		for _, s := range b.AlsoReported {
			fmt.Fprintf(bw, "- %s%s", updateMark(s), escapeMarkdown(s.Headline))
			if links := sourceLinks(s.Sources, escapeMarkdown); links != "" {
				fmt.Fprintf(bw, " (%s)", links)
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}

func updateMark(s sitrep.BriefedStory) string {
	if s.Update {
		return "Update: "
	}
	return ""
}

func windowText(from, to time.Time) string {
	const layout = "2 January 2006 15:04 MST"
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case from.IsZero():
		return ", to " + to.UTC().Format(layout)
	}
	return ", " + from.UTC().Format(layout) + " to " + to.UTC().Format(layout)
}

// datelineText is "25 November 2014 · Raqqa, Raqqa Governorate, Syria · airstrike".
func datelineText(s sitrep.Story) string {
	var parts []string
	if !s.Day.IsZero() {
		parts = append(parts, s.Day.UTC().Format("2 January 2006"))
	}
	var place []string
	for _, p := range []string{s.Place.Name, s.Place.Admin, s.Place.Country} {
		if p != "" && (len(place) == 0 || !strings.EqualFold(place[len(place)-1], p)) {
			place = append(place, p)
		}
	}
	if len(place) > 0 {
		parts = append(parts, strings.Join(place, ", "))
	}
	if s.Kind != "" {
		parts = append(parts, string(s.Kind))
	}
	return strings.Join(parts, " · ")
}

// sourceLinks is "[Outlet](url), [Outlet](url)", one link per article;
// links that are not plain http(s) URLs are shown as text.
func sourceLinks(srcs []sitrep.Source, escape func(string) string) string {
	var parts []string
	for _, s := range srcs {
		name := s.Outlet
		if name == "" {
			name = s.Title
		}
		if name == "" {
			name = "source"
		}
		if u, ok := safeURL(s.URL); ok {
			parts = append(parts, "["+escape(name)+"](<"+u+">)")
		} else {
			parts = append(parts, escape(name))
		}
	}
	return strings.Join(parts, ", ")
}

// safeURL returns u when it is an absolute http(s) URL that cannot break
// out of a Markdown link.
func safeURL(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	if strings.ContainsAny(raw, " <>\n\r\t") {
		return "", false
	}
	return raw, true
}

// markdownEscaper backslash-escapes the characters that would make feed
// text into formatting or links.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"#", `\#`, "|", `\|`, "~", `\~`,
)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
