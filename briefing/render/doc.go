// Package render turns a sitrep.Briefing into what readers and tools see:
// Markdown for terminals and files, JSON in the evaluation contract, and
// Discord messages whose embeds respect Discord's limits and can never
// mention anyone. It composes no facts; headlines and summaries come with
// the stories from briefing/story.
package render
