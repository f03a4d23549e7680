package render

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Pages packs embeds, in order, into as few messages as Discord's limits
// allow: at most MaxEmbeds a message and MaxEmbedsTotal characters across
// them. No message can mention anyone.
func Pages(embeds []*discordgo.MessageEmbed) []*discordgo.MessageSend {
	var out []*discordgo.MessageSend
	var batch []*discordgo.MessageEmbed
	total := 0
	for _, e := range embeds {
		n := EmbedLength(e)
		if len(batch) > 0 && (len(batch) == MaxEmbeds || total+n > MaxEmbedsTotal) {
			out = append(out, message("", batch))
			batch, total = nil, 0
		}
		batch = append(batch, e)
		total += n
	}
	if len(batch) > 0 {
		out = append(out, message("", batch))
	}
	return out
}

// LineEmbeds lays lines out, in order, in the descriptions of as many
// embeds as their length needs, never cutting a line; a line longer than a
// description is truncated.
func LineEmbeds(lines []string) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	var d strings.Builder
	flush := func() {
		if d.Len() > 0 {
			out = append(out, &discordgo.MessageEmbed{Description: d.String()})
			d.Reset()
		}
	}
	for _, l := range lines {
		l = truncate(l, MaxDescription)
		if utf8.RuneCountInString(d.String())+utf8.RuneCountInString(l)+1 > MaxDescription {
			flush()
		}
		if d.Len() > 0 {
			d.WriteByte('\n')
		}
		d.WriteString(l)
	}
	flush()
	return out
}

// LinePages is lines laid out as LineEmbeds does, the first embed titled
// title, packed into messages as Pages does. No lines give no messages.
func LinePages(title string, lines []string) []*discordgo.MessageSend {
	embeds := LineEmbeds(lines)
	if len(embeds) > 0 {
		embeds[0].Title = truncate(title, MaxTitle)
	}
	return Pages(embeds)
}
