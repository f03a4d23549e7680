package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLinePagesWithinLimits: many long lines spread over embeds and
// messages within Discord's limits, every line whole and in order, the
// title on the first embed only.
func TestLinePagesWithinLimits(t *testing.T) {
	var lines []string
	for i := range 300 {
		lines = append(lines, fmt.Sprintf("%03d %s", i, strings.Repeat("é", 150+i%700)))
	}
	lines = append(lines, strings.Repeat("x", 5000))
	msgs := LinePages("Feeds", lines)
	if len(msgs) < 2 {
		t.Fatalf("%d messages, want several", len(msgs))
	}
	var got []string
	for m, msg := range msgs {
		if len(msg.Embeds) > MaxEmbeds || msg.AllowedMentions == nil {
			t.Errorf("message %d: %d embeds, allowed mentions %v", m, len(msg.Embeds), msg.AllowedMentions)
		}
		total := 0
		for i, e := range msg.Embeds {
			total += EmbedLength(e)
			if n := utf8.RuneCountInString(e.Description); n > MaxDescription {
				t.Errorf("message %d embed %d: description of %d characters", m, i, n)
			}
			if (m == 0 && i == 0) != (e.Title == "Feeds") {
				t.Errorf("message %d embed %d titled %q", m, i, e.Title)
			}
			got = append(got, strings.Split(e.Description, "\n")...)
		}
		if total > MaxEmbedsTotal {
			t.Errorf("message %d: %d characters", m, total)
		}
	}
	if len(got) != len(lines) {
		t.Fatalf("%d lines back, want %d", len(got), len(lines))
	}
	for i := range lines[:300] {
		if got[i] != lines[i] {
			t.Fatalf("line %d cut or out of order", i)
		}
	}
	if n := utf8.RuneCountInString(got[300]); n != MaxDescription || !strings.HasSuffix(got[300], "…") {
		t.Errorf("overlong line kept %d characters, want it truncated to %d", n, MaxDescription)
	}
	if LinePages("Empty", nil) != nil {
		t.Error("no lines gave messages")
	}
}
