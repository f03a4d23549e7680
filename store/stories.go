package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/codec"
)

// PutEvents replaces the events stored for one article.
func (s *SQLite) PutEvents(ctx context.Context, articleID string, events []sitrep.Event) error {
	if articleID == "" {
		return errors.New("store: put events: no article ID")
	}
	err := s.tx(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE article_id = ?`, articleID); err != nil {
			return err
		}
		if len(events) == 0 {
			return nil
		}
		for i, e := range events {
			data, err := json.Marshal(codec.FromEvent(e))
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO events (article_id, ordinal, id, category, kind, day, place_key, data)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				articleID, i, e.ID, string(e.Category), e.Kind, dbTime(e.Day), e.Place.Key, string(data)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: put events for article %s: %w", articleID, err)
	}
	return nil
}

// events returns the events stored for an article, in the order given.
func (s *SQLite) events(ctx context.Context, articleID string) ([]sitrep.Event, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT data FROM events WHERE article_id = ? ORDER BY ordinal`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []sitrep.Event
	for rows.Next() {
		var j codec.Event
		if err := rows.Scan(jsonCol{&j}); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		out = append(out, j.Event())
	}
	return out, rows.Err()
}

const storyColumns = `s.id, s.category, s.kind, s.day, s.facts_hash, s.score, s.created, s.updated, s.data`

func scanStory(row rowScanner) (sitrep.Story, error) {
	var st sitrep.Story
	var j codec.Story
	err := row.Scan(&st.ID, &st.Category, &st.Kind, timeCol{&st.Day}, &st.FactsHash, &st.Score,
		timeCol{&st.Created}, timeCol{&st.Updated}, jsonCol{&j})
	fill(&st, j.Story())
	return st, err
}

// fill sets the story fields kept in the data column; the others come
// from columns of their own.
func fill(st *sitrep.Story, d sitrep.Story) {
	st.Place, st.Perpetrators, st.Target, st.Tolls = d.Place, d.Perpetrators, d.Target, d.Tolls
	st.Participants, st.Countries, st.Topics = d.Participants, d.Countries, d.Topics
	st.Sources, st.Reports, st.Keys = d.Sources, d.Reports, d.Keys
	st.Headline, st.Summary, st.Quote = d.Headline, d.Summary, d.Quote
}

// dayKey is the day column of the blocking index: ” for an unknown day.
func dayKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}

// StoryCandidates returns the stories holding any of keys whose day lies in
// [from, to] or is unknown, by ID. A zero to means no upper bound. The lookup
// walks the (key, day) index, so its cost grows with the matches rather than
// with the number of stories.
func (s *SQLite) StoryCandidates(ctx context.Context, keys []string, from, to time.Time) ([]sitrep.Story, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	if to.IsZero() {
		to = maxTime
	}
	// One JSON parameter instead of one per key: no limit on the number of keys.
	kj, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	return s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id IN (
			SELECT story_id FROM story_keys WHERE key IN (SELECT value FROM json_each(?1)) AND day BETWEEN ?2 AND ?3
			UNION
			SELECT story_id FROM story_keys WHERE key IN (SELECT value FROM json_each(?1)) AND day = ''
		) ORDER BY s.id`, string(kj), fmtTime(from), fmtTime(to))
}

// SaveStory inserts a story when its ID is zero, setting the ID, and
// otherwise replaces the story with that ID, with its blocking keys, the
// articles it cites and the names it mentions. A zero Created is kept from
// the stored story or set to now, a zero Updated set to now; both are written
// back to s.
func (s *SQLite) SaveStory(ctx context.Context, st *sitrep.Story) error {
	err := s.tx(ctx, func(tx *txn) error {
		w := newIndexWriter()
		if err := saveStory(ctx, tx, w, st, s.now()); err != nil {
			return err
		}
		return w.flush(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("store: save story %d: %w", st.ID, err)
	}
	return nil
}

// SaveStories saves stories as SaveStory does, in order and in one
// transaction: all are saved or none. New stories take increasing IDs in
// the order given. One commit for a batch costs what one story's commit
// costs, which dominates saving a story that gained one report.
func (s *SQLite) SaveStories(ctx context.Context, sts []*sitrep.Story) error {
	if len(sts) == 0 {
		return nil
	}
	var cur *sitrep.Story
	err := s.tx(ctx, func(tx *txn) error {
		now := s.now()
		w := newIndexWriter()
		saved := map[int64]bool{}
		for _, st := range sts {
			cur = st
			if saved[st.ID] {
				// The story's rows must be written before they are compared again.
				if err := w.flush(ctx, tx); err != nil {
					return err
				}
			}
			if err := saveStory(ctx, tx, w, st, now); err != nil {
				return err
			}
			saved[st.ID] = true
		}
		return w.flush(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("store: save story %d: %w", cur.ID, err)
	}
	return nil
}

// saveStory writes a story's row and queues the changes to its index rows
// on w.
func saveStory(ctx context.Context, tx *txn, w *indexWriter, st *sitrep.Story, now time.Time) error {
	if st.Updated.IsZero() {
		st.Updated = now
	}
	data, err := json.Marshal(codec.FromStory(*st))
	if err != nil {
		return err
	}
	var id any // NULL asks SQLite for a new ID
	isNew := st.ID == 0
	if !isNew {
		id = st.ID
	}
	var created sql.NullString
	err = tx.QueryRowContext(ctx, `INSERT INTO stories (id, category, kind, day, place_key, facts_hash, score,
			created, updated, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, ?), ?, ?)
		ON CONFLICT (id) DO UPDATE SET category = excluded.category, kind = excluded.kind, day = excluded.day,
			place_key = excluded.place_key, facts_hash = excluded.facts_hash, score = excluded.score,
			created = coalesce(?, stories.created), updated = excluded.updated, data = excluded.data
		RETURNING id, created`,
		id, string(st.Category), st.Kind, dbTime(st.Day), st.Place.Key, st.FactsHash, st.Score,
		dbTime(st.Created), fmtTime(now), dbTime(st.Updated), string(data), dbTime(st.Created),
	).Scan(&st.ID, &created)
	if err != nil {
		return err
	}
	if st.Created, err = parseTime(created); err != nil {
		return err
	}
	return saveStoryIndex(ctx, tx, w, st, isNew)
}

// An indexTable holds rows that find a story, besides its story_id column.
// Name rows also carry the story's facts listings filter on (facts).
type indexTable struct {
	table, insert string
	cols, facts   []string
}

// storyIndexTables are the blocking keys, the cited articles and the
// mentioned names. OR IGNORE on names: names differing only in case are one
// name. Name kinds are 'place', 'actor' and 'country'.
var storyIndexTables = []indexTable{
	{"story_keys", "INSERT", []string{"key", "day"}, nil},
	{"story_sources", "INSERT", []string{"article_id"}, nil},
	{"story_names", "INSERT OR IGNORE", []string{"kind", "name"}, []string{"category", "updated", "story_kind"}},
}

// insertQuery inserts the rows of a JSON array of arrays, each holding the
// table's columns, the story ID and the facts: one statement for any number
// of rows, so a batch of stories costs one statement per table.
func (t indexTable) insertQuery() string {
	cols := append(append(slices.Clone(t.cols), "story_id"), t.facts...)
	vals := make([]string, len(cols))
	for i := range cols {
		vals[i] = fmt.Sprintf("value ->> %d", i)
	}
	return t.insert + ` INTO ` + t.table + ` (` + strings.Join(cols, ", ") + `) SELECT ` + strings.Join(vals, ", ") +
		` FROM json_each(?)`
}

// indexWriter gathers the index rows a transaction adds, to insert them
// together.
type indexWriter struct {
	rows [][][]any // by table, as storyIndexTables
	n    int
}

func newIndexWriter() *indexWriter {
	return &indexWriter{rows: make([][][]any, len(storyIndexTables))}
}

// maxQueuedRows bounds the rows held before they are written.
const maxQueuedRows = 20000

func (w *indexWriter) add(ctx context.Context, tx *txn, table int, row []any) error {
	w.rows[table] = append(w.rows[table], row)
	if w.n++; w.n >= maxQueuedRows {
		return w.flush(ctx, tx)
	}
	return nil
}

// flush inserts the rows gathered, table by table in the order added.
func (w *indexWriter) flush(ctx context.Context, tx *txn) error {
	for i, rows := range w.rows {
		if len(rows) == 0 {
			continue
		}
		data, err := json.Marshal(rows)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, storyIndexTables[i].insertQuery(), string(data)); err != nil {
			return err
		}
		w.rows[i] = rows[:0]
	}
	w.n = 0
	return nil
}

// saveStoryIndex brings the rows that find a story (blocking keys, cited
// articles, mentioned names) in line with it. Only rows that changed are
// written: a story usually gains one report at a time, and rewriting every
// row (with the name-count triggers) made each save several times dearer.
// New rows are queued on w; rows that went are deleted at once.
func saveStoryIndex(ctx context.Context, tx *txn, w *indexWriter, st *sitrep.Story, isNew bool) error {
	day := dayKey(st.Day)
	var keys, articles, names [][]string
	for _, k := range distinct(st.Keys) {
		keys = append(keys, []string{k, day})
	}
	var ids []string
	for _, src := range st.Sources {
		ids = append(ids, src.ArticleID)
	}
	for _, r := range st.Reports {
		ids = append(ids, r.Source.ArticleID)
	}
	for _, a := range distinct(ids) {
		articles = append(articles, []string{a})
	}
	actors := append([]string{st.Target}, st.Perpetrators...)
	for _, p := range st.Participants {
		actors = append(actors, p.Name)
	}
	for _, n := range distinct([]string{st.Place.Name, st.Place.Admin, st.Place.Country}) {
		names = append(names, []string{"place", n})
	}
	for _, n := range distinct(actors) {
		names = append(names, []string{"actor", n})
	}
	countries := slices.Clone(st.Countries)
	for _, p := range st.Participants {
		countries = append(countries, p.Country)
	}
	for _, n := range distinct(countries) {
		names = append(names, []string{"country", n})
	}
	facts := []any{string(st.Category), fmtTime(st.Updated), st.Kind}
	for i, want := range [][][]string{keys, articles, names} {
		if err := syncIndexRows(ctx, tx, w, i, facts, st.ID, want, isNew); err != nil {
			return err
		}
	}
	if isNew {
		return nil
	}
	// Name rows kept from before take the story's facts as they are now.
	_, err := tx.ExecContext(ctx, `UPDATE story_names SET category = ?1, updated = ?2, story_kind = ?3
		WHERE story_id = ?4 AND (category IS NOT ?1 OR updated IS NOT ?2 OR story_kind IS NOT ?3)`,
		string(st.Category), fmtTime(st.Updated), st.Kind, st.ID)
	return err
}

// syncIndexRows makes a story's rows in index table number t equal want,
// queuing the new ones on w with the story's facts.
func syncIndexRows(ctx context.Context, tx *txn, w *indexWriter, t int, facts []any, storyID int64, want [][]string, isNew bool) error {
	table := storyIndexTables[t]
	have := map[string][]string{}
	if !isNew {
		rows, err := tx.QueryContext(ctx, `SELECT `+strings.Join(table.cols, ", ")+` FROM `+table.table+` WHERE story_id = ?`, storyID)
		if err != nil {
			return err
		}
		for rows.Next() {
			row := make([]string, len(table.cols))
			ptrs := make([]any, len(table.cols))
			for i := range row {
				ptrs[i] = &row[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			have[strings.Join(row, "\x00")] = row
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, row := range want {
		k := strings.Join(row, "\x00")
		if _, ok := have[k]; ok {
			delete(have, k)
			continue
		}
		if err := w.add(ctx, tx, t, append(append(stringArgs(row), storyID), facts[:len(table.facts)]...)); err != nil {
			return err
		}
	}
	where := strings.Join(table.cols, " = ? AND ") + " = ?"
	for _, row := range have {
		args := append([]any{storyID}, stringArgs(row)...)
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table.table+` WHERE story_id = ? AND `+where, args...); err != nil {
			return err
		}
	}
	return nil
}

func stringArgs(row []string) []any {
	args := make([]any, len(row))
	for i, v := range row {
		args[i] = v
	}
	return args
}

// distinct returns the non-blank values of in, trimmed, first occurrence kept.
func distinct(in []string) []string {
	seen := make(map[string]bool, len(in))
	var out []string
	for _, v := range in {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Story returns the story with the given ID, or sitrep.ErrNotFound.
func (s *SQLite) Story(ctx context.Context, id int64) (sitrep.Story, error) {
	st, err := scanStory(s.r.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, id))
	return st, notFound(err, "story %d", id)
}

// StoriesUpdated returns stories updated in [from, to), newest first.
func (s *SQLite) StoriesUpdated(ctx context.Context, from, to time.Time) ([]sitrep.Story, error) {
	return s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s
		WHERE s.updated >= ? AND s.updated < ? ORDER BY s.updated DESC, s.id DESC`, fmtTime(from), fmtTime(to))
}

// StoriesForArticle returns the stories citing an article, by ID.
func (s *SQLite) StoriesForArticle(ctx context.Context, articleID string) ([]sitrep.Story, error) {
	return s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s
		WHERE s.id IN (SELECT story_id FROM story_sources WHERE article_id = ?) ORDER BY s.id`, articleID)
}

func (s *SQLite) queryStories(ctx context.Context, query string, args ...any) ([]sitrep.Story, error) {
	return queryAll(ctx, s.r, "stories", scanStory, query, args...)
}

// defaultNameLimit is Discord's cap on autocomplete choices.
const defaultNameLimit = 25

// Places lists place names stories mention (the place, its region and its
// country) starting with prefix, ignoring case, most stories first.
func (s *SQLite) Places(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.names(ctx, "place", prefix, limit)
}

// Actors lists perpetrators, targets and participants stories mention
// starting with prefix, ignoring case, most stories first.
func (s *SQLite) Actors(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.names(ctx, "actor", prefix, limit)
}

func (s *SQLite) names(ctx context.Context, kind, prefix string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = defaultNameLimit
	}
	pattern := likeEscape(strings.TrimSpace(prefix)) + "%"
	rows, err := s.r.QueryContext(ctx, `SELECT name FROM name_counts
		WHERE kind = ? AND name LIKE ? ESCAPE '\' ORDER BY n DESC, name LIMIT ?`, kind, pattern, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %ss: %w", kind, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("store: %ss: %w", kind, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
