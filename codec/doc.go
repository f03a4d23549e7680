// Package codec is the JSON form of stories and events: one shape, with the
// keys of the briefing contract, that the store keeps and briefings print.
// The store keeps every field; a briefing prints a story without what only
// the store needs (blocking keys, reports, article IDs, source sentences,
// transliteration keys).
package codec
