package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sitrep-bot/sitrep"
)

// listColumns are storyColumns without the reports, the bulk of a story's
// data and never shown in a listing.
const listColumns = `s.id, s.category, s.kind, s.day, s.facts_hash, s.score, s.created, s.updated,
	json_remove(s.data, '$.reports')`

// Stories returns the stories q selects, newest update first (the newest ID
// first among equals), without their reports, and how many q selects in all.
//
// A place or actor filter first finds the names it means in name_counts,
// then reads story_names alone: its rows carry their story's category, kind
// and update time, so each name is one index range bounded by the window,
// and only the page's stories are read. Without one, the index on stories
// (category, updated, kind) does the same. Either way the cost follows the
// stories in the window that match, not the stories stored.
func (s *SQLite) Stories(ctx context.Context, q sitrep.StoryQuery) ([]sitrep.Story, int, error) {
	from, to := fmtTime(q.From), fmtTime(maxTime)
	if !q.To.IsZero() {
		to = fmtTime(q.To)
	}
	// kinds are the stored kinds q.Kind takes in: it and the kinds that are
	// forms of it, or the name as given when the registry lacks it.
	var kinds []any
	for _, k := range sitrep.KindsNamed(string(q.Kind)) {
		kinds = append(kinds, string(k))
	}
	if name := strings.TrimSpace(string(q.Kind)); len(kinds) == 0 && name != "" {
		kinds = append(kinds, name)
	}
	// window is the conditions on a story's own facts; col prefixes the
	// columns holding them.
	window := func(col, kindCol string) (string, []any) {
		where := col + `updated >= ? AND ` + col + `updated < ?`
		args := []any{from, to}
		if q.Category != "" {
			where += ` AND ` + col + `category = ?`
			args = append(args, string(q.Category))
		}
		if len(kinds) > 0 {
			where += ` AND ` + col + kindCol + ` COLLATE NOCASE IN (?` + strings.Repeat(`, ?`, len(kinds)-1) + `)`
			args = append(args, kinds...)
		}
		return where, args
	}

	var sets []string // (id, updated) of the stories each name filter lets through
	var args []any
	for _, f := range []struct{ lookup, arg string }{
		{`SELECT kind, name FROM name_counts WHERE kind = 'place' AND name IN (?1, ?1 || ' Governorate')`,
			strings.TrimSpace(q.Place)},
		// The distinct names are few, so matching part of one scans
		// name_counts rather than every story's names.
		{`SELECT kind, name FROM name_counts WHERE kind IN ('actor', 'country') AND name LIKE ?1 ESCAPE '\'`,
			"%" + likeEscape(strings.TrimSpace(q.Actor)) + "%"},
	} {
		if strings.Trim(f.arg, "%") == "" {
			continue
		}
		names, err := s.nameKeys(ctx, f.lookup, f.arg)
		if err != nil {
			return nil, 0, fmt.Errorf("store: stories: %w", err)
		}
		w, wargs := window("", "story_kind")
		switch len(names) {
		case 0:
			return nil, 0, nil
		case 1:
			// One name holds a story once, and its index range comes
			// ordered by update: no de-duplication, no sort.
			sets = append(sets, `SELECT story_id, updated FROM story_names WHERE kind = ? AND name = ? AND `+w)
			args = append(append(args, names[0][0], names[0][1]), wargs...)
		default:
			j, err := json.Marshal(names)
			if err != nil {
				return nil, 0, err
			}
			sets = append(sets, `SELECT DISTINCT story_id, updated FROM story_names
				WHERE (kind, name) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
				AND `+w)
			args = append(append(args, string(j)), wargs...)
		}
	}
	var body string // FROM and WHERE of the matching (id, updated) rows
	if len(sets) > 0 {
		body = ` FROM (` + strings.Join(sets, ` INTERSECT `) + `) m`
	} else {
		w, wargs := window("s.", "kind")
		body = ` FROM (SELECT s.id AS story_id, s.updated AS updated FROM stories s WHERE ` + w + `) m`
		args = wargs
	}

	var total int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*)`+body, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: stories: %w", err)
	}
	if total == 0 || q.Offset >= total {
		return nil, total, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	// The page's IDs first, then its rows: sorting whole rows would build
	// every matching story's JSON to keep a page of them.
	page, err := s.queryStories(ctx, `SELECT `+listColumns+` FROM (
			SELECT m.story_id AS id, m.updated`+body+` ORDER BY m.updated DESC, m.story_id DESC LIMIT ? OFFSET ?
		) p CROSS JOIN stories s ON s.id = p.id ORDER BY p.updated DESC, p.id DESC`,
		append(args, limit, max(q.Offset, 0))...)
	return page, total, err
}

// nameKeys returns the (kind, name) pairs of name_counts a lookup finds.
func (s *SQLite) nameKeys(ctx context.Context, lookup, arg string) ([][2]string, error) {
	rows, err := s.r.QueryContext(ctx, lookup, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// likeEscape makes s match itself in a LIKE pattern with ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
