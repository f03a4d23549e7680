package render

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
)

// Discord's limits on one message's embeds, in characters.
const (
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxFields      = 25
	MaxFooter      = 2048
	MaxAuthor      = 256
	MaxEmbedsTotal = 6000 // all embeds of one message together
	MaxEmbeds      = 10
	MaxContent     = 2000
)

// Embed colours by section.
const (
	colourIncident    = 0xB03A2E
	colourDevelopment = 0x2874A6
	colourUpdate      = 0xD68910
	colourAlso        = 0x7F8C8D
)

// Discord renders a briefing as messages: one embed per story, so a story
// is never split across messages, packed into as few messages as Discord's
// limits allow, then "Also reported" one-liners. Every message allows no
// mentions, and feed text is escaped so it cannot ping or format.
func Discord(b sitrep.Briefing) []*discordgo.MessageSend {
	var embeds []*discordgo.MessageEmbed
	add := func(section string, stories []sitrep.BriefedStory, colour int) {
		for i, s := range stories {
			e := storyEmbed(s, colour)
			if i == 0 {
				e.Author = &discordgo.MessageEmbedAuthor{Name: section}
			}
			embeds = append(embeds, e)
		}
	}
	add(titleIncidents, b.Incidents, colourIncident)
	add(titleDevelopments, b.Developments, colourDevelopment)
	embeds = append(embeds, alsoEmbeds(b.AlsoReported)...)

	header := "**Briefing" + escapeDiscord(windowText(b.From, b.To)) + "**"
	if len(embeds) == 0 {
		return []*discordgo.MessageSend{message(header+"\nNothing new in this window.", nil)}
	}
	out := Pages(embeds)
	out[0].Content = truncate(header, MaxContent)
	return out
}

// message wraps embeds in a message that can mention no one, whatever its
// text says.
func message(content string, embeds []*discordgo.MessageEmbed) *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Content:         content,
		Embeds:          embeds,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
}

func storyEmbed(s sitrep.BriefedStory, colour int) *discordgo.MessageEmbed {
	title := escapeDiscord(s.Headline)
	if s.Update {
		title = "Update: " + title
		colour = colourUpdate
	}
	e := &discordgo.MessageEmbed{
		Title:  truncate(title, MaxTitle),
		Color:  colour,
		Footer: &discordgo.MessageEmbedFooter{Text: truncate(escapeDiscord(datelineText(s.Story)), 256)},
	}
	if len(s.Sources) > 0 {
		if u, ok := safeURL(s.Sources[0].URL); ok {
			e.URL = u
		}
		if t := latest(s.Sources); !t.IsZero() {
			e.Timestamp = t.UTC().Format(time.RFC3339)
		}
	}
	var d strings.Builder
	d.WriteString(truncate(escapeDiscord(s.Summary), 1800))
	if s.Quote != "" {
		d.WriteString("\n> " + truncate(escapeDiscord(oneLine(s.Quote)), 600))
	}
	d.WriteString("\n" + linkList(s.Sources, MaxDescription-utf8.RuneCountInString(d.String())-1))
	e.Description = truncate(d.String(), MaxDescription)
	return e
}

// linkList is "Sources: [Outlet](<url>) · ...", as many as fit in room
// characters, then how many more there are.
func linkList(srcs []sitrep.Source, room int) string {
	var b strings.Builder
	b.WriteString("Sources:")
	for i, s := range srcs {
		name := s.Outlet
		if name == "" {
			name = "source"
		}
		link := escapeDiscord(truncate(name, 80))
		if u, ok := safeURL(s.URL); ok {
			link = "[" + link + "](<" + u + ">)"
		}
		sep := " "
		if i > 0 {
			sep = " · "
		}
		more := fmt.Sprintf(" and %d more", len(srcs)-i)
		if utf8.RuneCountInString(b.String()+sep+link+more) > room {
			b.WriteString(more)
			break
		}
		b.WriteString(sep + link)
	}
	return b.String()
}

// alsoEmbeds lists the lower-ranked stories one line each, across as many
// embeds as their length needs, never cutting a line.
func alsoEmbeds(stories []sitrep.BriefedStory) []*discordgo.MessageEmbed {
	lines := make([]string, 0, len(stories))
	for _, s := range stories {
		line := "• " + updateMark(s) + truncate(escapeDiscord(s.Headline), 300)
		if len(s.Sources) > 0 {
			line += " (" + linkList(s.Sources[:1], 400)[len("Sources: "):]
			if n := len(s.Sources) - 1; n > 0 {
				line += fmt.Sprintf(" +%d", n)
			}
			line += ")"
		}
		lines = append(lines, line)
	}
	out := LineEmbeds(lines)
	for i, e := range out {
		e.Color = colourAlso
		if i == 0 {
			e.Author = &discordgo.MessageEmbedAuthor{Name: titleAlso}
		}
	}
	return out
}

func latest(srcs []sitrep.Source) time.Time {
	var t time.Time
	for _, s := range srcs {
		if s.Published.After(t) {
			t = s.Published
		}
	}
	return t
}

// EmbedLength counts the characters Discord counts towards the 6000 limit.
func EmbedLength(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return n
}

// mentionEscaper breaks every mention form with a zero-width space, so feed
// text can never ping a user, role, channel or everyone.
var mentionEscaper = strings.NewReplacer(
	"@everyone", "@\u200beveryone",
	"@here", "@\u200bhere",
	"<@", "<\u200b@",
	"<#", "<\u200b#",
)

// discordMarkdown escapes the characters Discord reads as formatting.
var discordMarkdown = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "~", `\~`, "|", `\|`, "[", `\[`, "]", `\]`, ">", `\>`, "#", `\#`,
)

// escapeDiscord makes feed text inert in Discord: no mentions, no formatting.
func escapeDiscord(s string) string {
	return discordMarkdown.Replace(mentionEscaper.Replace(s))
}

// truncate cuts s to at most n characters, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	// Do not leave a dangling escape.
	if strings.HasSuffix(cut, `\`) && !strings.HasSuffix(cut, `\\`) {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}
