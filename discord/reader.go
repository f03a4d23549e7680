package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/render"
)

// maxLookback bounds how far back reader commands look.
const maxLookback = 30 * 24 * time.Hour

func (b *Bot) cmdBriefing(ctx context.Context, c *call) error {
	period, err := parsePeriod(c.str("period"), b.opt.DefaultPeriod, 7*24*time.Hour)
	if err != nil {
		return err
	}
	region, err := checkText("region", c.str("region"), 64)
	if err != nil {
		return err
	}
	now := b.now()
	w := Window{From: now.Add(-period), To: now}
	if region != "" {
		w.Filter.Regions = []string{region}
	}
	br, err := b.deps.Compose(ctx, w)
	if err != nil {
		return err
	}
	msgs := b.deps.Render(br)
	if len(msgs) == 0 {
		where := ""
		if region != "" {
			where = " in " + region
		}
		return c.say(ctx, "Nothing reported%s in the last %s.", where, humanDuration(period))
	}
	return c.reply(ctx, msgs...)
}

func (b *Bot) cmdIncidents(ctx context.Context, c *call) error {
	since, err := parsePeriod(c.str("since"), 24*time.Hour, maxLookback)
	if err != nil {
		return err
	}
	q := listQuery{Cat: "i", Page: 0}
	if q.Place, err = checkText("place", c.str("place"), 64); err != nil {
		return err
	}
	if q.Actor, err = checkText("actor", c.str("actor"), 64); err != nil {
		return err
	}
	if k := c.str("kind"); k != "" {
		canon, ok := knownKind(k)
		if !ok {
			return bad("`%s` is not a kind of incident. Expected one of: %s.", clip(k, 40), kindList(sitrep.CategoryIncident))
		}
		q.Kind = canon
	}
	now := b.now()
	q.From, q.To = now.Add(-since).Unix(), now.Unix()
	msg, err := b.listPage(ctx, q)
	if err != nil {
		return err
	}
	return c.reply(ctx, msg)
}

func (b *Bot) cmdDiplomacy(ctx context.Context, c *call) error {
	since, err := parsePeriod(c.str("since"), 3*24*time.Hour, maxLookback)
	if err != nil {
		return err
	}
	q := listQuery{Cat: "d"}
	if q.Actor, err = checkText("who", c.str("who"), 64); err != nil {
		return err
	}
	now := b.now()
	q.From, q.To = now.Add(-since).Unix(), now.Unix()
	msg, err := b.listPage(ctx, q)
	if err != nil {
		return err
	}
	return c.reply(ctx, msg)
}

func placeMatches(p sitrep.Place, want string) bool {
	for _, v := range []string{p.Name, p.Admin, p.Country} {
		if v != "" && (strings.EqualFold(v, want) || strings.EqualFold(strings.TrimSuffix(v, " Governorate"), want)) {
			return true
		}
	}
	return false
}

func actorMatches(s *sitrep.Story, want string) bool {
	lw := strings.ToLower(want)
	has := func(v string) bool { return v != "" && strings.Contains(strings.ToLower(v), lw) }
	for _, p := range s.Perpetrators {
		if has(p) {
			return true
		}
	}
	if has(s.Target) {
		return true
	}
	for _, p := range s.Participants {
		if has(p.Name) || has(p.Country) || has(p.Role) {
			return true
		}
	}
	for _, c := range s.Countries {
		if has(c) {
			return true
		}
	}
	return false
}

func (b *Bot) cmdStory(ctx context.Context, c *call) error {
	id, ok := c.int("id")
	if !ok || id <= 0 {
		return bad("Expected a story number, as shown in briefings (e.g. 123).")
	}
	s, err := b.deps.Store.Story(ctx, id)
	if errors.Is(err, sitrep.ErrNotFound) {
		return bad("There is no story #%d.", id)
	}
	if err != nil {
		return err
	}
	return c.reply(ctx, storyMessages(&s)...)
}

// storyMessages shows one story in full: facts, every figure with who gave
// it under its category, every source.
func storyMessages(s *sitrep.Story) []*discordgo.MessageSend {
	var lines []string
	if s.Summary != "" {
		lines = append(lines, clip(s.Summary, 1000))
	}
	lines = append(lines, "**"+titleCase(string(s.Kind))+"** · "+placeLabel(s.Place)+" · "+dayLabel(s.Day))
	if len(s.Perpetrators) > 0 {
		label := "Perpetrator"
		if len(s.Perpetrators) > 1 {
			label = "Claims of responsibility differ"
		}
		lines = append(lines, fmt.Sprintf("**%s**: %s", label, strings.Join(s.Perpetrators, "; ")))
	}
	if s.Target != "" {
		lines = append(lines, "**Target**: "+s.Target)
	}
	if r := rangesLine(s); r != "" {
		lines = append(lines, "**Toll**: "+r)
	}
	if len(s.Participants) > 0 {
		var ps []string
		for _, p := range s.Participants {
			ps = append(ps, personLabel(p))
		}
		lines = append(lines, "**Who**: "+strings.Join(ps, "; "))
	}
	if len(s.Topics) > 0 {
		lines = append(lines, "**About**: "+strings.Join(s.Topics, ", "))
	}
	if s.Quote != "" {
		lines = append(lines, "> "+clip(s.Quote, 500))
	}
	if len(s.Tolls) > 0 {
		lines = append(lines, "", "**Figures, as each source gave them**")
		for _, what := range s.Tolls.Categories() {
			if len(s.Tolls[what].Figures) == 0 {
				continue // a total that stands in for one no report gave
			}
			head := rangeText(s.Tolls.Range(what), figureWord(what))
			if head == "" {
				head = figureWord(what)
			}
			lines = append(lines, "__"+head+"__")
			for _, f := range s.Tolls[what].Figures {
				lines = append(lines, "• "+figureLine(f))
			}
		}
	}
	lines = append(lines, "", fmt.Sprintf("**Sources** (%d)", len(s.Sources)))
	for _, src := range s.Sources {
		lines = append(lines, "• "+sourceLine(src))
	}
	title := s.Headline
	if title == "" {
		title = titleCase(string(s.Kind)) + " in " + placeLabel(s.Place)
	}
	return render.LinePages(clip(fmt.Sprintf("#%d %s", s.ID, title), 256), lines)
}

func (b *Bot) cmdSearch(ctx context.Context, c *call) error {
	q, err := checkText("query", c.str("query"), 200)
	if err != nil {
		return err
	}
	if len([]rune(q)) < 2 {
		return bad("The query is too short; give at least two characters.")
	}
	arts, err := b.deps.Store.SearchArticles(ctx, q, 10)
	if err != nil {
		return bad("The search could not run: %s. Use plain words, e.g. `Raqqa airstrike`.", clip(err.Error(), 200))
	}
	if len(arts) == 0 {
		return c.say(ctx, "No stored article matches `%s`.", clip(q, 100))
	}
	var lines []string
	for _, a := range arts {
		line := sourceLine(a.Source())
		if stories, err := b.deps.Store.StoriesForArticle(ctx, a.ID); err == nil && len(stories) > 0 {
			var ids []string
			for _, s := range stories {
				ids = append(ids, fmt.Sprintf("#%d", s.ID))
			}
			line += " · story " + strings.Join(ids, ", ")
		}
		lines = append(lines, "• "+line)
	}
	return c.reply(ctx, render.LinePages(clip("Search: "+q, 256), lines)...)
}

// Formatting of stories for lists and the story view.

func titleCase(s string) string {
	if s == "" {
		return "Report"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func placeLabel(p sitrep.Place) string {
	var parts []string
	for _, v := range []string{p.Name, p.Admin, p.Country} {
		if v != "" && (len(parts) == 0 || parts[len(parts)-1] != v) {
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return "place unknown"
	}
	return strings.Join(parts, ", ")
}

func dayLabel(d time.Time) string {
	if d.IsZero() {
		return "day not given"
	}
	return d.UTC().Format("2 Jan 2006")
}

func personLabel(p sitrep.Person) string {
	out := p.Name
	if p.Role != "" {
		out += " (" + p.Role + ")"
	}
	return out
}

// figureWords name each figure category after a number.
var figureWords = map[string]string{
	sitrep.FigureKilled: "killed", sitrep.FigureCivilians: "civilians killed", sitrep.FigureChildren: "children killed",
	sitrep.FigureWomen: "women killed", sitrep.FigureFighters: "fighters killed", sitrep.FigureWounded: "wounded",
	sitrep.FigureMissing: "missing", sitrep.FigureAbducted: "abducted",
}

// figureWord names a figure category after a number: "civilians killed".
func figureWord(what string) string {
	if w, ok := figureWords[what]; ok {
		return w
	}
	return what
}

// rangeWords name each figure category in a story's one-line summary.
var rangeWords = map[string]string{
	sitrep.FigureKilled: "killed", sitrep.FigureCivilians: "civilians", sitrep.FigureChildren: "children",
	sitrep.FigureWomen: "women", sitrep.FigureFighters: "fighters", sitrep.FigureWounded: "wounded",
	sitrep.FigureMissing: "missing", sitrep.FigureAbducted: "abducted",
}

func figureLine(f sitrep.Figure) string {
	n := f.Vague
	if n == "" {
		n = fmt.Sprint(f.Value)
	}
	if f.Qualifier != "" {
		n = f.Qualifier + " " + n
	}
	out := n + " " + figureWord(f.What)
	if f.AttributedTo != "" {
		out += ", according to " + f.AttributedTo
	}
	if f.Outlet != "" {
		if f.URL != "" {
			out += fmt.Sprintf(" ([%s](%s))", f.Outlet, f.URL)
		} else {
			out += " (" + f.Outlet + ")"
		}
	}
	if f.Revised {
		out += " — revised"
	}
	return out
}

func rangeText(r *sitrep.Range, what string) string {
	if r == nil || r.Max == 0 {
		return ""
	}
	if r.Min == r.Max {
		return fmt.Sprintf("%d %s", r.Max, what)
	}
	return fmt.Sprintf("%d–%d %s", r.Min, r.Max, what)
}

func rangesLine(s *sitrep.Story) string {
	var parts []string
	for _, what := range s.Tolls.Categories() {
		words, ok := rangeWords[what]
		if !ok {
			words = what
		}
		if p := rangeText(s.Tolls.Range(what), words); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func sourceLine(src sitrep.Source) string {
	title := src.Title
	if title == "" {
		title = src.URL
	}
	out := fmt.Sprintf("[%s](%s)", clip(strings.NewReplacer("[", "(", "]", ")").Replace(title), 150), src.URL)
	if src.Outlet != "" {
		out = src.Outlet + ": " + out
	}
	if !src.Published.IsZero() {
		out += " · " + src.Published.UTC().Format("2 Jan 15:04")
	}
	return out
}

// storyLine is one story in a list; an incident whose surest report is
// below confirmed is marked unconfirmed, as briefings hold it back.
func storyLine(s *sitrep.Story, confirmed float64) string {
	head := fmt.Sprintf("`#%d` **%s** · %s · %s", s.ID, titleCase(string(s.Kind)), placeLabel(s.Place), dayLabel(s.Day))
	var detail []string
	if s.Category == sitrep.CategoryIncident && s.Confidence() < confirmed {
		detail = append(detail, "unconfirmed")
	}
	if r := rangesLine(s); r != "" {
		detail = append(detail, r)
	}
	if len(s.Perpetrators) > 0 {
		detail = append(detail, "by "+strings.Join(s.Perpetrators, " / "))
	}
	if len(s.Participants) > 0 {
		var ps []string
		for i, p := range s.Participants {
			if i == 4 {
				ps = append(ps, "…")
				break
			}
			ps = append(ps, p.Name)
		}
		detail = append(detail, strings.Join(ps, ", "))
	}
	if n := len(s.Outlets()); n > 0 {
		detail = append(detail, fmt.Sprintf("%d outlet%s", n, plural(n)))
	}
	line := head
	if s.Headline != "" {
		line += "\n" + clip(s.Headline, 200)
	}
	if len(detail) > 0 {
		line += "\n" + strings.Join(detail, " · ")
	}
	return line
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
