// Package story groups events into stories and keeps each story's facts
// current: it decides which story a new event belongs to (kind, place, day
// and actors for incidents; participants and day for developments), finds
// candidates through blocking keys so the cost of a new event does not grow
// with the number of stories, reconciles the figures of all of a story's
// reports into a min–max range per category with who gave each, ranks
// stories, applies a channel's filter, and writes each story's headline,
// summary and quote.
//
// It reads events (from briefing/extract) and persists stories through a
// sitrep.StoryStore; rendering a briefing is left to briefing/render.
package story
